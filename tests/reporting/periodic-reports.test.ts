/**
 * Periodic reports: which period is due when (Casablanca days), the weekly report of a subscription
 * made once, stored and e-mailed to each recipient in their language with its charts and a PDF
 * whose Arabic is shaped, downloadable by those who may read it; "send now" on demand with its bad
 * input; and the HTML fallback where Chromium is not installed.
 */
import fs from 'node:fs'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import type { ParsedMail } from 'mailparser'
import pg from 'pg'
import type { Payload } from 'payload'
import { extractText, getDocumentProxy } from 'unpdf'

import { seedModerationLibrary } from '../../plugins/campaign-ops'
import { reportingQueue } from '../../plugins/campaign-ops/reporting/metrics-pull'
import { deliverPeriodicReport } from '../../plugins/campaign-ops/reporting/periodic-report-delivery'
import { queueDuePeriodicReports } from '../../plugins/campaign-ops/reporting/periodic-report-tasks'
import { lastCompletePeriod, periodicReportDueAt } from '../../plugins/campaign-ops/reporting/report-periods'
import type { Role } from '../../src/domain/roles'
import { mailDropDirectory } from '../../src/infra/mailer'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

const chromium = '/usr/bin/chromium'
/** CI installs Chromium before the tests; a machine without it still checks the HTML fallback below. */
const withChromium = fs.existsSync(chromium) ? test : test.skip

describe('periods', () => {
  test('the last whole week (Monday to Sunday) and month before today, in Casablanca days', () => {
    expect(lastCompletePeriod('weekly', new Date('2026-12-02T10:00:00Z'))).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    // Monday itself: the week that ended the day before.
    expect(lastCompletePeriod('weekly', new Date('2026-11-30T00:30:00Z'))).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    expect(lastCompletePeriod('monthly', new Date('2026-12-01T07:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(lastCompletePeriod('monthly', new Date('2027-01-01T09:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(lastCompletePeriod('weekly', new Date('2027-01-01T09:00:00Z'))).toEqual({ from: '2026-12-21', to: '2026-12-27' })
  })

  test('due from 07:00 Casablanca the day after the period, whatever the clocks', () => {
    // Casablanca on UTC+0 since October 2026 (tzdata 2026c); on UTC+1 in June 2026.
    expect(periodicReportDueAt('2026-11-29').toISOString()).toBe('2026-11-30T07:00:00.000Z')
    expect(periodicReportDueAt('2026-06-07').toISOString()).toBe('2026-06-08T06:00:00.000Z')
  })
})

describe('sending', () => {
  let app: TestPayload
  let payload: Payload
  let http: TestHttpServer
  let db: pg.Client
  let accounts: Record<Role, TestAccount>
  const tokens: Partial<Record<Role, string>> = {}
  let subscriptionId: number

  const mailDir = () => mailDropDirectory(app.dataDirPath)
  const mailCount = () => (fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()).length : 0)
  async function mailsSince(count: number): Promise<ParsedMail[]> {
    const files = fs.readdirSync(mailDir()).sort().slice(count)
    return Promise.all(files.map(async (name) => simpleParser(fs.readFileSync(path.join(mailDir(), name)), { keepCidLinks: true })))
  }
  const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text

  async function call(method: string, route: string, role: Role | null, body?: unknown) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (role) headers.Authorization = `JWT ${tokens[role]}`
    const response = await fetch(`${http.baseUrl}/api${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const type = response.headers.get('content-type') ?? ''
    return {
      status: response.status,
      type,
      json: type.includes('json') ? await response.json() : undefined,
      bytes: type.includes('json') ? null : Buffer.from(await response.arrayBuffer()),
    }
  }

  async function pdfText(pdf: Buffer): Promise<string> {
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })
    return text
  }

  beforeAll(async () => {
    app = await startTestPayload({ config: { reporting: { chromiumPath: chromium } } })
    payload = app.payload
    await seedModerationLibrary(payload, { activateRules: true })
    accounts = await createAccountPerRole(payload)
    http = await startHttpServer(app.config)
    await payload.update({ collection: 'users', id: accounts.legal.id, overrideAccess: true, data: { language: 'ar' } })
    for (const role of ['admin', 'analyst', 'cm', 'legal'] as const) {
      tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
    }
    db = new pg.Client({ connectionString: app.databaseUrl })
    await db.connect()

    // One Facebook post in the week of 23 November, measured, and comments on it.
    const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Le TIG expliqué', format: 'post' } })
    const { rows } = await db.query(
      `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, published_at, remote_id, attempts)
       VALUES ('Le TIG expliqué · Facebook', $1, 'facebook', 'fr', 'texte', 'published', '2026-11-24T10:00:00Z', '2026-11-24T10:00:30Z', 'page_1', 1) RETURNING id`,
      [item.id],
    )
    await payload.create({
      collection: 'metric-snapshots',
      overrideAccess: true,
      data: {
        scope: 'post',
        network: 'facebook',
        variant: Number(rows[0].id),
        remoteId: 'page_1',
        values: { post_media_view: 4321, post_total_media_view_unique: 3000, post_reactions_by_type_total: 42, post_clicks: 7 },
        fetchedAt: '2026-11-28T09:00:00Z',
        definitionDate: '2025-11-15',
      },
    })
    for (const [index, ruleIds] of [null, 'myth-impunity', 'myth-impunity', null].entries()) {
      await db.query(
        `INSERT INTO interactions (network, account_remote_id, kind, remote_id, text, language, received_at, moderation_rule_ids, moderation_category, status)
         VALUES ('facebook', 'page-1', 'comment', $1, 'texte', 'fr', $2, $3, $4, 'new')`,
        [`c-${index}`, `2026-11-2${5 + index}T12:00:00Z`, ruleIds, ruleIds ? 'misinformation' : null],
      )
    }
    // A crisis alert that week, resolved with its summary after one of its two steps.
    await payload.create({
      collection: 'crisis-alerts',
      overrideAccess: true,
      data: {
        level: 'crisis',
        status: 'resolved',
        series: 'hostile:all',
        subject: { fr: 'Propos hostiles, toutes plateformes', ar: 'تعليقات عدائية، كل المنصات', en: 'Hostile comments, all platforms' },
        raisedAt: '2026-11-26T19:50:00Z',
        resolvedAt: '2026-11-26T22:00:00Z',
        peakObserved: 44,
        checklist: [{ text: { fr: 'Prévenir' }, doneAt: '2026-11-26T20:00:00Z' }, { text: { fr: 'Publier' } }],
        resolutionNote: 'Déclaration publiée, vague retombée.',
      },
    })
    subscriptionId = (
      await payload.create({
        collection: 'report-subscriptions',
        overrideAccess: true,
        data: { name: 'Comité de pilotage', frequency: 'weekly', recipients: [accounts.analyst.id, accounts.legal.id], platforms: ['facebook'] },
      })
    ).id
  })

  afterAll(async () => {
    await db?.end()
    await http?.close()
    await app?.close()
  })

  withChromium('the weekly report goes out once on Monday morning: stored per language, e-mailed with its charts and a PDF', async () => {
    expect(await queueDuePeriodicReports(payload, new Date('2026-11-30T06:30:00Z'))).toBe(0)
    expect(await queueDuePeriodicReports(payload, new Date('2026-11-30T07:23:00Z'))).toBe(1)
    const before = mailCount()
    await payload.jobs.run({ queue: reportingQueue })

    const { docs } = await payload.find({ collection: 'periodic-reports', overrideAccess: true, depth: 0 })
    const stored = docs.map((doc) => [doc.language, doc.kind, doc.periodFrom, doc.periodTo, doc.status, doc.pdf, doc.mimeType])
    expect(stored.sort()).toEqual([
      ['ar', 'weekly', '2026-11-23', '2026-11-29', 'sent', true, 'application/pdf'],
      ['fr', 'weekly', '2026-11-23', '2026-11-29', 'sent', true, 'application/pdf'],
    ])
    const subscription = await payload.findByID({ collection: 'report-subscriptions', id: subscriptionId, overrideAccess: true, depth: 0 })
    expect(subscription.lastPeriodSent).toBe('2026-11-23 – 2026-11-29')

    const mails = await mailsSince(before)
    expect(mails).toHaveLength(2)
    const french = mails.find((mail) => to(mail) === accounts.analyst.email)!
    const arabic = mails.find((mail) => to(mail) === accounts.legal.email)!
    expect(french.subject).toBe('Rapport hebdomadaire de la campagne : 23 nov. 2026 – 29 nov. 2026')
    expect(french.html).toContain('lang="fr" dir="ltr"')
    expect(french.html).toContain('Le rapport complet est joint en PDF.')
    expect(french.html).toContain('Filtres : Facebook.')
    // The figures of the week, the misconception found, and the post.
    expect(french.text).toContain('- Impressions : 4.321\n')
    expect(french.text).toMatch(/- Prévalence des idées reçues : 50\s%/)
    expect(french.html).toContain('Le TIG expliqué · Facebook')
    // The week's crisis episode, told with its summary.
    expect(french.text).toContain('Épisodes de crise\n- Crise — Propos hostiles, toutes plateformes : levée le 26/11/2026')
    expect(french.text).toContain('pic de 44 commentaires en une heure ; étapes du plan faites : 1 sur 2. — Déclaration publiée, vague retombée.')
    for (const chart of ['trend', 'networks', 'misconceptions']) expect(french.html).toContain(`cid:chart-${chart}@badil`)
    // No moderation decision that week: the section says so rather than drawing empty axes.
    expect(french.html).not.toContain('cid:chart-moderation@badil')
    expect(french.html).toMatch(/Modération par catégorie<\/h2><p[^>]*>Rien sur cette période/)
    const images = french.attachments.filter((attachment) => attachment.contentType === 'image/png')
    expect(images.map((image) => image.cid).sort()).toEqual(['chart-misconceptions@badil', 'chart-networks@badil', 'chart-trend@badil'])
    for (const image of images) expect(image.content.subarray(1, 4).toString('ascii')).toBe('PNG')
    if (process.env.DUMP_REPORTS)
      for (const mail of [french, arabic])
        for (const image of mail.attachments.filter((attachment) => attachment.contentType === 'image/png'))
          fs.writeFileSync(`/tmp/${to(mail) === accounts.analyst.email ? 'fr' : 'ar'}-${image.filename}`, image.content)
    const frenchPdf = french.attachments.find((attachment) => attachment.contentType === 'application/pdf')!
    expect(frenchPdf.filename).toBe('badil-weekly-2026-11-23-2026-11-29-fr.pdf')
    expect(await pdfText(frenchPdf.content)).toContain('Rapport hebdomadaire de la campagne')

    expect(arabic.subject).toMatch(/^التقرير الأسبوعي للحملة: .*2026 – .*2026$/)
    expect(arabic.html).toContain('lang="ar" dir="rtl"')
    expect(arabic.html).toContain('التقرير الكامل مرفق بصيغة PDF.')
    const arabicPdf = arabic.attachments.find((attachment) => attachment.contentType === 'application/pdf')!
    const text = await pdfText(arabicPdf.content)
    if (process.env.DUMP_REPORTS) {
      fs.writeFileSync('/tmp/report-ar.pdf', arabicPdf.content)
      fs.writeFileSync('/tmp/report-fr.pdf', frenchPdf.content)
    }
    // Chromium shapes Arabic: the letters come out in their joined forms (Unicode presentation forms), in visual order.
    expect(text).toMatch(/[\uFE70-\uFEFF]/)
    const logical = [...text.normalize('NFKC')].reverse().join('')
    for (const words of ['تتلقى هذا التقرير', 'توصيات', 'حسب الشبكة']) expect(logical).toContain(words)

    // Later runs of the hour find it sent; running the job again sends nothing more.
    expect(await queueDuePeriodicReports(payload, new Date('2026-11-30T08:23:00Z'))).toBe(0)
    const again = await deliverPeriodicReport(payload, { chromiumPath: chromium }, { subscriptionId, from: '2026-11-23', to: '2026-11-29', kind: 'weekly' })
    expect(again).toEqual({ reports: 0, sent: 0, failed: 0, skipped: 2 })
    expect(mailCount()).toBe(before + 2)
  })

  withChromium('a stored report is downloadable by managers and by its recipients, not by others', async () => {
    const { docs } = await payload.find({ collection: 'periodic-reports', where: { kind: { equals: 'weekly' } }, overrideAccess: true, depth: 0 })
    const arabic = docs.find((doc) => doc.language === 'ar')!
    const french = docs.find((doc) => doc.language === 'fr')!
    const file = (doc: typeof arabic) => `/periodic-reports/file/${encodeURIComponent(doc.filename!)}`
    const asAnalyst = await call('GET', file(arabic), 'analyst')
    expect(asAnalyst.status).toBe(200)
    expect(asAnalyst.bytes!.subarray(0, 5).toString('ascii')).toBe('%PDF-')
    // Legal experts receive the Arabic report only.
    expect((await call('GET', file(arabic), 'legal')).status).toBe(200)
    expect((await call('GET', file(french), 'legal')).status).toBe(403)
    expect((await call('GET', file(arabic), 'cm')).status).toBe(403)
    expect((await call('GET', file(arabic), null)).status).toBe(403)
    const listed = await call('GET', '/periodic-reports?depth=0', 'legal')
    expect(listed.json.docs.map((doc: { language: string }) => doc.language)).toEqual(['ar'])
  })

  withChromium('send now: the period chosen, made on demand and e-mailed; bad input is a 400 naming the field', async () => {
    expect((await call('POST', `/report-subscriptions/${subscriptionId}/send`, 'analyst', { from: '2026-11-01' })).json.errors[0]).toMatchObject({
      field: 'to',
      code: 'both_dates',
    })
    expect(
      (await call('POST', `/report-subscriptions/${subscriptionId}/send`, 'analyst', { from: '2026-11-30', to: '2026-11-01' })).json.errors[0],
    ).toMatchObject({
      field: 'to',
    })
    expect((await call('POST', `/report-subscriptions/${subscriptionId}/send`, 'analyst', { from: '2026-02-30', to: '2026-03-01' })).status).toBe(400)
    expect((await call('POST', `/report-subscriptions/${subscriptionId}/send`, 'cm', {})).status).toBe(403)
    expect((await call('POST', `/report-subscriptions/${subscriptionId}/send`, null, {})).status).toBe(401)
    expect((await call('POST', '/report-subscriptions/999999/send', 'analyst', {})).status).toBe(404)

    const before = mailCount()
    const queued = await call('POST', `/report-subscriptions/${subscriptionId}/send`, 'analyst', { from: '2026-11-01', to: '2026-11-30' })
    expect(queued).toMatchObject({ status: 202, json: { queued: true, from: '2026-11-01', to: '2026-11-30' } })
    await payload.jobs.run({ queue: reportingQueue })
    const mails = await mailsSince(before)
    expect(mails.map((mail) => mail.subject).sort()).toEqual(
      ['Rapport de la campagne : 1 nov. 2026 – 30 nov. 2026', expect.stringContaining('تقرير الحملة: ')].sort(),
    )
    const { docs } = await payload.find({ collection: 'periodic-reports', where: { kind: { equals: 'on_demand' } }, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(2)
    expect(docs.every((doc) => doc.status === 'sent' && (doc.requestedBy as number) === accounts.analyst.id)).toBe(true)
    const french = mails.find((mail) => to(mail) === accounts.analyst.email)!
    expect(french.html).toContain('Rapport demandé par')
  })

  test('without Chromium the report is stored and attached as a web page, and says so', async () => {
    const before = mailCount()
    const outcome = await deliverPeriodicReport(
      payload,
      { chromiumPath: '/nonexistent/chromium' },
      {
        subscriptionId,
        from: '2026-11-23',
        to: '2026-11-29',
        kind: 'on_demand',
        requestId: 'without-chromium',
      },
    )
    expect(outcome).toEqual({ reports: 2, sent: 2, failed: 0, skipped: 0 })
    const mails = await mailsSince(before)
    const french = mails.find((mail) => to(mail) === accounts.analyst.email)!
    expect(french.html).toContain('sous forme de page web')
    const page = french.attachments.find((attachment) => attachment.contentType.startsWith('text/html'))!
    expect(page.filename).toBe('badil-on_demand-2026-11-23-2026-11-29-fr.html')
    // The charts travel inside the page.
    expect(page.content.toString('utf8').match(/data:image\/svg\+xml;base64,/g)).toHaveLength(3)
    if (process.env.DUMP_REPORTS)
      for (const mail of mails)
        fs.writeFileSync(
          `/tmp/report-${to(mail) === accounts.analyst.email ? 'fr' : 'ar'}.html`,
          mail.attachments.find((attachment) => attachment.contentType.startsWith('text/html'))!.content,
        )
    const { docs } = await payload.find({
      collection: 'periodic-reports',
      where: { deliveryKey: { like: 'without-chromium' } },
      overrideAccess: true,
      depth: 0,
    })
    expect(docs.map((doc) => [doc.pdf, doc.mimeType])).toEqual([
      [false, 'text/html'],
      [false, 'text/html'],
    ])
  })

  test('a subscription needs a recipient, and an external tool’s account is not one', async () => {
    await expect(
      payload.create({ collection: 'report-subscriptions', overrideAccess: true, data: { name: 'Vide', frequency: 'weekly', recipients: [] } }),
    ).rejects.toThrow(/Destinataires|recipients/i)
    const refused = await call('POST', '/report-subscriptions', 'analyst', { name: 'Outil', frequency: 'weekly', recipients: [accounts.integration.id] })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('outil externe')
    expect(await payload.count({ collection: 'report-subscriptions', overrideAccess: true })).toEqual({ totalDocs: 1 })
  })
})
