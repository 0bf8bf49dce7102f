/**
 * Publishing by hand: the ready-to-post kit (zip contents, renditions, localized checklist,
 * kit.json) and "mark as posted" (state, attempt, webhook, item, refusals, double clicks).
 */
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import type { Payload } from 'payload'
import sharp from 'sharp'

import { formatInCasablanca } from '../../src/domain/casablanca-time'
import type { Role } from '../../src/domain/roles'
import { composePostText } from '../../src/domain/variant-validation'
import { makeJpeg } from '../content-model/fixtures'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { makeMovie } from '../media/fixtures/make-mp4'
import { setWorkflowState } from '../helpers/workflow'
import { unzip } from '../helpers/unzip'

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const tokens = {} as Partial<Record<Role, string>>

let landscapeImage: number
let portraitImage: number
let video: number
let manualAccount: number
let arabicVariant: number
let arabicItem: number
const scheduledAt = '2026-12-18T10:30:00.000Z'

const arabicText = 'العقوبات البديلة ليست إفلاتا من العقاب: 43.22 قانون يحمي المجتمع (2025) «اقرأ المزيد»'
const arabicHashtags = ['العقوبات_البديلة', 'Badil']
const arabicComment = 'التفاصيل الكاملة في الرابط أعلاه 👆'
const arabicLink = 'https://badil.example.ma/ar/tig?utm_source=facebook'
const altFr = { landscape: 'Affiche : le travail d’intérêt général expliqué', portrait: 'Infographie verticale sur la loi 43.22' }
const altAr = { landscape: 'ملصق: شرح العمل للمنفعة العامة', portrait: 'إنفوغرافيك عمودي حول القانون 43.22' }

async function image(width: number, height: number, name: string, alt: { fr: string; ar: string }) {
  const doc = await payload.create({
    collection: 'media',
    overrideAccess: true,
    locale: 'fr',
    data: { alt: alt.fr },
    file: { data: await makeJpeg(width, height), mimetype: 'image/jpeg', name, size: 1 },
  })
  await payload.update({ collection: 'media', id: doc.id, locale: 'ar', overrideAccess: true, data: { alt: alt.ar } })
  return doc.id as number
}

async function approvedItem(title: string, assets: number[] = []) {
  const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title, format: 'post', assets } })
  await setWorkflowState(payload, item.id, 'approved')
  return item.id as number
}

async function sql(query: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    return (await client.query(query, values)).rows
  } finally {
    await client.end()
  }
}

/** A text-only X variant of a fresh approved item, put straight into an engine state. */
async function variantIn(state: string) {
  const item = await approvedItem(`Item for a ${state} variant`)
  const variant = await payload.create({
    collection: 'platform-variants',
    overrideAccess: true,
    data: { contentItem: item, platform: 'x', language: 'fr', text: `La peine alternative, expliquée (${state})` },
  })
  await sql(`UPDATE platform_variants SET publication_state = $2 WHERE id = $1`, [variant.id, state])
  return { id: variant.id as number, item }
}

type Answer = { status: number; headers: Headers; body: Buffer }

async function call(method: 'GET' | 'POST', url: string, options: { role?: Role; language?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (options.role) headers.Authorization = `JWT ${tokens[options.role]}`
  if (options.language) headers['Accept-Language'] = options.language
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${http.baseUrl}${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
}

const json = (answer: Answer) => JSON.parse(answer.body.toString('utf8'))

const markPosted = (id: number | string, body: unknown, role: Role = 'cm', language = 'en') =>
  call('POST', `/api/platform-variants/${id}/mark-posted`, { role, language, body })

const mediaDir = () => String(payload.collections.media!.config.upload!.staticDir)

async function renditionFile(mediaId: number, rendition: string) {
  const doc = await payload.findByID({ collection: 'media', id: mediaId, depth: 0, overrideAccess: true })
  const stored = (doc.renditions as Record<string, { filename: string }>)[rendition]!
  return fs.readFileSync(path.join(mediaDir(), stored.filename))
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  for (const role of ['cm', 'ncsc', 'admin', 'consultant', 'analyst', 'legal'] as const) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }
  manualAccount = (
    await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'facebook', connection: 'manual', name: 'Page Badil – Maroc', accountId: '100200300' },
    })
  ).id as number

  landscapeImage = await image(1800, 1200, 'affiche-TIG été.jpg', { fr: altFr.landscape, ar: altAr.landscape })
  portraitImage = await image(1200, 1500, 'infographie-43-22.jpg', { fr: altFr.portrait, ar: altAr.portrait })
  video = (
    await payload.create({
      collection: 'media',
      overrideAccess: true,
      locale: 'fr',
      data: { alt: 'Vidéo explicative' },
      file: { data: makeMovie({ width: 1280, height: 720 }), mimetype: 'video/mp4', name: 'explainer.mp4', size: 1 },
    })
  ).id as number

  arabicItem = await approvedItem('Les peines alternatives', [landscapeImage, portraitImage])
  const variant = await payload.create({
    collection: 'platform-variants',
    overrideAccess: true,
    data: {
      contentItem: arabicItem,
      platform: 'facebook',
      language: 'ar',
      text: arabicText,
      hashtags: arabicHashtags,
      link: arabicLink,
      firstComment: arabicComment,
      media: [landscapeImage, portraitImage],
      scheduledAt,
    },
  })
  arabicVariant = variant.id as number
  await payload.update({ collection: 'platform-variants', id: arabicVariant, overrideAccess: true, data: { publicationState: 'scheduled' } })
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('the ready-to-post kit', () => {
  let files: Map<string, Buffer>
  let answer: Answer

  beforeAll(async () => {
    answer = await call('GET', `/api/platform-variants/${arabicVariant}/kit`, { role: 'cm', language: 'fr' })
    expect(answer.status).toBe(200)
    files = await unzip(answer.body)
  })

  it('is a zip download named after the variant', () => {
    expect(answer.headers.get('content-type')).toBe('application/zip')
    expect(answer.headers.get('content-disposition')).toMatch(new RegExp(`attachment; filename="badil-kit-${arabicVariant}-facebook-ar\\.zip"`))
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect([...files.keys()].sort()).toEqual(
      [
        'checklist.md',
        'first-comment.txt',
        'kit.json',
        'media/01-affiche-tig-ete-landscape.jpg',
        'media/02-infographie-43-22-landscape.jpg',
        'post.txt',
      ].sort(),
    )
  })

  it('holds the exact text to paste, UTF-8, Arabic untouched, and the first comment', () => {
    const expected = composePostText({ platform: 'facebook', text: arabicText, hashtags: arabicHashtags, link: arabicLink, mediaCount: 2 })
    expect(files.get('post.txt')!.equals(Buffer.from(expected, 'utf8'))).toBe(true)
    const text = files.get('post.txt')!.toString('utf8')
    expect(text.startsWith(arabicText)).toBe(true)
    expect(text).toContain('#العقوبات_البديلة')
    // Facebook with photos takes no link field: the link ends the text.
    expect(text.endsWith(arabicLink)).toBe(true)
    expect(files.get('first-comment.txt')!.toString('utf8')).toBe(arabicComment)
  })

  it('holds the network rendition of each image, in order', async () => {
    for (const [file, mediaId] of [
      ['media/01-affiche-tig-ete-landscape.jpg', landscapeImage],
      ['media/02-infographie-43-22-landscape.jpg', portraitImage],
    ] as const) {
      const bytes = files.get(file)!
      const metadata = await sharp(bytes).metadata()
      expect({ file, width: metadata.width, height: metadata.height, format: metadata.format }).toEqual({ file, width: 1200, height: 630, format: 'jpeg' })
      expect(bytes.equals(await renditionFile(mediaId, 'landscape'))).toBe(true)
    }
  })

  it('describes the kit in kit.json', () => {
    const kit = JSON.parse(files.get('kit.json')!.toString('utf8'))
    expect(kit).toMatchObject({
      format: 'badil-manual-kit',
      variantId: arabicVariant,
      contentItemId: arabicItem,
      platform: 'facebook',
      network: 'facebook',
      language: 'ar',
      scheduledAt,
      account: { id: manualAccount, name: 'Page Badil – Maroc', connection: 'manual' },
      text: files.get('post.txt')!.toString('utf8'),
      link: arabicLink,
      linkPlacement: 'text',
      firstComment: arabicComment,
      idempotencyKey: `badil-variant-${arabicVariant}`,
    })
    expect(kit.media).toEqual([
      expect.objectContaining({
        file: 'media/01-affiche-tig-ete-landscape.jpg',
        mediaId: landscapeImage,
        kind: 'image',
        rendition: 'landscape',
        width: 1200,
        height: 630,
        alt: altAr.landscape,
      }),
      expect.objectContaining({
        file: 'media/02-infographie-43-22-landscape.jpg',
        mediaId: portraitImage,
        kind: 'image',
        rendition: 'landscape',
        width: 1200,
        height: 630,
        alt: altAr.portrait,
      }),
    ])
  })

  it('has a checklist in the admin’s language: where, when (Casablanca), alt texts, link, comment, mark as posted', () => {
    const checklist = files.get('checklist.md')!.toString('utf8')
    expect(checklist).toContain('Étapes')
    expect(checklist).toContain('Facebook')
    expect(checklist).toContain('Page Badil – Maroc')
    expect(checklist).toContain(formatInCasablanca(scheduledAt, 'fr'))
    expect(checklist).toContain('heure de Casablanca')
    // The alt text to paste is the post's (Arabic), whatever the admin's language.
    expect(checklist).toContain(`> ${altAr.landscape}`)
    expect(checklist).toContain(`> ${altAr.portrait}`)
    expect(checklist).toContain('`first-comment.txt`')
    expect(checklist).toContain(arabicLink)
    expect(checklist).toContain('« Marquer comme publiée »')
    expect(checklist).not.toContain('الخطوات')
  })

  it('gives an Arabic checklist to an Arabic admin, and an English one to an English admin', async () => {
    const arabic = await unzip((await call('GET', `/api/platform-variants/${arabicVariant}/kit`, { role: 'ncsc', language: 'ar' })).body)
    const checklist = arabic.get('checklist.md')!.toString('utf8')
    expect(checklist).toContain('الخطوات')
    expect(checklist).toContain('فيسبوك')
    expect(checklist).toContain('بتوقيت الدار البيضاء')
    expect(checklist).toContain(formatInCasablanca(scheduledAt, 'ar'))
    expect(checklist).toContain('«تأكيد النشر اليدوي»')
    expect(checklist).not.toContain('Étapes')
    // Only the checklist follows the admin's language: the post is the same.
    expect(arabic.get('post.txt')!.equals(files.get('post.txt')!)).toBe(true)

    const english = await unzip((await call('GET', `/api/platform-variants/${arabicVariant}/kit`, { role: 'admin', language: 'en' })).body)
    expect(english.get('checklist.md')!.toString('utf8')).toContain('"Mark as posted"')
  })

  it('ships a video as its original file, and a YouTube title', async () => {
    const item = await approvedItem('Vidéo explicative', [video])
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: {
        contentItem: item,
        platform: 'youtube',
        language: 'fr',
        title: 'Le TIG en 2 minutes',
        text: 'Tout savoir sur le travail d’intérêt général.',
        media: [video],
      },
    })
    const kit = await unzip((await call('GET', `/api/platform-variants/${variant.id}/kit`, { role: 'cm' })).body)
    const original = await payload.findByID({ collection: 'media', id: video, depth: 0, overrideAccess: true })
    expect(kit.get('media/01-explainer.mp4')!.equals(fs.readFileSync(path.join(mediaDir(), String(original.filename))))).toBe(true)
    expect(kit.get('title.txt')!.toString('utf8')).toBe('Le TIG en 2 minutes')
    expect(JSON.parse(kit.get('kit.json')!.toString('utf8')).media).toEqual([
      expect.objectContaining({ kind: 'video', rendition: null, mimeType: 'video/mp4' }),
    ])
    expect(kit.has('first-comment.txt')).toBe(false)
  })

  it('keeps a text-only Facebook link out of the text and says to add it as a link preview', async () => {
    const item = await approvedItem('Lien seul')
    const link = 'https://badil.example.ma/fr/faq'
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: { contentItem: item, platform: 'facebook', language: 'fr', text: 'Vos questions sur la loi 43.22', link },
    })
    const kit = await unzip((await call('GET', `/api/platform-variants/${variant.id}/kit`, { role: 'cm', language: 'fr' })).body)
    expect(kit.get('post.txt')!.toString('utf8')).toBe('Vos questions sur la loi 43.22')
    expect(JSON.parse(kit.get('kit.json')!.toString('utf8'))).toMatchObject({ link, linkPlacement: 'link_field', media: [], scheduledAt: null })
    expect(kit.get('checklist.md')!.toString('utf8')).toMatch(/aperçu de lien/)
  })

  it('refuses with 409 rather than send a kit with a media file missing on the server', async () => {
    const lost = await image(1400, 1000, 'perdue.jpg', { fr: 'Image perdue', ar: 'صورة مفقودة' })
    const item = await approvedItem('Média perdu', [lost])
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: { contentItem: item, platform: 'linkedin', language: 'fr', text: 'Un post avec une image', media: [lost] },
    })
    const doc = await payload.findByID({ collection: 'media', id: lost, depth: 0, overrideAccess: true })
    fs.rmSync(path.join(mediaDir(), (doc.renditions as Record<string, { filename: string }>).landscape!.filename))
    const refused = await call('GET', `/api/platform-variants/${variant.id}/kit`, { role: 'cm', language: 'en' })
    expect(refused.status).toBe(409)
    expect(refused.headers.get('content-type')).toMatch(/json/)
    expect(json(refused).errors[0].message).toBe(`The file of media #${lost} is missing on the server: upload it again before downloading the kit.`)
  })

  it('is refused to other roles (403), without a session (401), for unknown ids (404) and cancelled variants (409)', async () => {
    for (const role of ['consultant', 'analyst', 'legal'] as const) {
      const refused = await call('GET', `/api/platform-variants/${arabicVariant}/kit`, { role, language: 'en' })
      expect({ role, status: refused.status }).toEqual({ role, status: 403 })
      expect(json(refused).errors[0].message).toMatch(/community manager/)
    }
    expect((await call('GET', `/api/platform-variants/${arabicVariant}/kit`)).status).toBe(401)
    for (const id of ['999999', 'abc']) {
      const missing = await call('GET', `/api/platform-variants/${id}/kit`, { role: 'cm', language: 'fr' })
      expect(missing.status).toBe(404)
      expect(json(missing)).toEqual({ errors: [{ message: 'Variante introuvable.', code: 'not_found' }] })
    }
    const cancelled = await variantIn('cancelled')
    const refused = await call('GET', `/api/platform-variants/${cancelled.id}/kit`, { role: 'cm', language: 'ar' })
    expect(refused.status).toBe(409)
    expect(json(refused).errors[0].message).toMatch(/ملغاة/)
  })
})

describe('mark as posted', () => {
  const permalink = 'https://www.facebook.com/100200300/posts/987654321'

  it('publishes the variant, records a manual attempt by the person, queues the webhook and publishes the item', async () => {
    const subscription = await payload.create({
      collection: 'webhook-subscriptions',
      overrideAccess: true,
      data: { url: 'https://hooks.example.test/badil', events: ['publication.succeeded'] },
    })
    expect((await payload.findByID({ collection: 'content-items', id: arabicItem, depth: 0 })).workflowState).toBe('approved')

    const answer = await markPosted(arabicVariant, { permalink, remoteId: '100200300_987654321' })
    expect(answer.status).toBe(200)
    expect(json(answer).variant).toMatchObject({ id: arabicVariant, publicationState: 'published', permalink, remoteId: '100200300_987654321' })

    const variant = await payload.findByID({ collection: 'platform-variants', id: arabicVariant, depth: 0, overrideAccess: true })
    expect(variant).toMatchObject({ publicationState: 'published', permalink, remoteId: '100200300_987654321', attempts: 1, lastError: null })
    expect(variant.publishedAt).toBeTruthy()

    const { docs: attempts } = await payload.find({
      collection: 'publication-attempts',
      where: { variant: { equals: arabicVariant } },
      depth: 0,
      overrideAccess: true,
    })
    expect(attempts).toHaveLength(1)
    expect(attempts[0]).toMatchObject({
      kind: 'manual',
      outcome: 'succeeded',
      actor: accounts.cm.id,
      attemptNumber: 1,
      networkAccount: manualAccount,
      platform: 'facebook',
      permalink,
      remoteId: '100200300_987654321',
      idempotencyKey: `badil-variant-${arabicVariant}`,
    })
    expect(attempts[0]!.finishedAt).toBeTruthy()
    expect((attempts[0]!.requestSummary as { text?: string }).text).toContain(arabicText)

    expect((await payload.findByID({ collection: 'content-items', id: arabicItem, depth: 0 })).workflowState).toBe('published')

    const { docs: jobs } = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'deliverPublicationWebhook' } },
      depth: 0,
      overrideAccess: true,
    })
    const events = jobs.map((job) => job.input as { subscriptionId: number; body: { type: string; data: { variant: { id: number }; permalink: string } } })
    expect(events.filter((event) => event.body.data.variant.id === arabicVariant)).toEqual([
      expect.objectContaining({
        subscriptionId: subscription.id,
        body: expect.objectContaining({ type: 'publication.succeeded', data: expect.objectContaining({ permalink, remoteId: '100200300_987654321' }) }),
      }),
    ])
  })

  it('still gives the kit of a published variant, warning not to post it twice', async () => {
    const kit = await unzip((await call('GET', `/api/platform-variants/${arabicVariant}/kit`, { role: 'cm', language: 'en' })).body)
    expect(kit.get('checklist.md')!.toString('utf8')).toContain(`This variant is already published (${permalink}): do not post it a second time.`)
  })

  it('refuses a missing or non-http(s) permalink with 400 naming the field, and changes nothing', async () => {
    const { id } = await variantIn('ready')
    for (const body of [
      {},
      { permalink: '' },
      { permalink: 'not a link' },
      { permalink: 'ftp://example.org/post/1' },
      { permalink: 'javascript:alert(1)' },
      { permalink: 42 },
    ]) {
      const refused = await markPosted(id, body, 'cm', 'fr')
      expect({ body, status: refused.status }).toEqual({ body, status: 400 })
      expect(json(refused).errors).toEqual([{ field: 'permalink', message: expect.stringMatching(/lien/), code: 'invalid' }])
    }
    const badRemoteId = await markPosted(id, { permalink, remoteId: 12 })
    expect(badRemoteId.status).toBe(400)
    expect(json(badRemoteId).errors[0].field).toBe('remoteId')
    expect((await payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true })).publicationState).toBe('ready')
  })

  it('is refused to other roles (403) and without a session (401)', async () => {
    const { id } = await variantIn('ready')
    for (const role of ['consultant', 'analyst', 'legal'] as const) {
      const refused = await markPosted(id, { permalink }, role)
      expect({ role, status: refused.status }).toEqual({ role, status: 403 })
    }
    expect((await call('POST', `/api/platform-variants/${id}/mark-posted`, { body: { permalink } })).status).toBe(401)
    expect((await payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true })).publicationState).toBe('ready')
  })

  it('answers 404 for an unknown variant', async () => {
    for (const id of ['999999', 'abc']) {
      const missing = await markPosted(id, { permalink }, 'ncsc', 'ar')
      expect(missing.status).toBe(404)
      expect(json(missing)).toEqual({ errors: [{ message: 'الصيغة غير موجودة.', code: 'not_found' }] })
    }
  })

  it('lets exactly one of two simultaneous clicks win; the other gets 409', async () => {
    const { id } = await variantIn('failed')
    await sql(`UPDATE platform_variants SET last_error = 'Network said no', next_attempt_at = now() WHERE id = $1`, [id])
    const answers = await Promise.all([markPosted(id, { permalink: `${permalink}?a` }, 'cm'), markPosted(id, { permalink: `${permalink}?b` }, 'ncsc')])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    const loser = answers.find((answer) => answer.status === 409)!
    expect(json(loser).errors[0].message).toMatch(/already marked as published/)
    const winner = json(answers.find((answer) => answer.status === 200)!).variant
    const rows = await sql(`SELECT kind::text, outcome::text, permalink FROM publication_attempts WHERE variant_id = $1`, [id])
    expect(rows).toEqual([{ kind: 'manual', outcome: 'succeeded', permalink: winner.permalink }])
    const [variant] = await sql(`SELECT publication_state::text AS state, permalink, last_error, next_attempt_at FROM platform_variants WHERE id = $1`, [id])
    expect(variant).toEqual({ state: 'published', permalink: winner.permalink, last_error: null, next_attempt_at: null })
  })

  it('is refused with 409 for cancelled, publishing and draft variants', async () => {
    for (const [state, message] of [
      ['cancelled', /cancelled/],
      ['publishing', /publishing this variant/],
      ['draft', /draft/],
    ] as const) {
      const { id } = await variantIn(state)
      const refused = await markPosted(id, { permalink })
      expect({ state, status: refused.status }).toEqual({ state, status: 409 })
      expect(json(refused).errors[0].message).toMatch(message)
      expect((await sql(`SELECT publication_state::text AS state FROM platform_variants WHERE id = $1`, [id]))[0]!.state).toBe(state)
    }
  })

  it('settles every state a person may have posted from: ready, scheduled, held, failed, outcome_unknown', async () => {
    for (const state of ['ready', 'scheduled', 'held', 'outcome_unknown']) {
      const { id, item } = await variantIn(state)
      const answer = await markPosted(id, { permalink: `${permalink}/${state}` }, 'admin')
      expect({ state, status: answer.status }).toEqual({ state, status: 200 })
      expect(json(answer).variant.publicationState).toBe('published')
      expect((await payload.findByID({ collection: 'content-items', id: item, depth: 0 })).workflowState).toBe('published')
    }
  })
})
