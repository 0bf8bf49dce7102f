/**
 * Figures in and reports out, in a real browser on the built server: an analyst imports a Meta
 * Business Suite export above the metric snapshots (progress bar, summary, per-row report, in
 * French), subscribes herself and a legal expert who reads Arabic to a weekly report and presses
 * "Envoyer maintenant" for the last seven days; the reporting queue makes it, the mail drop receives one e-mail each, in
 * each one's language, with the charts and a PDF; the legal expert finds the Arabic report in the
 * admin, right to left, and only that one.
 *
 *   BASE_URL=… E2E_EMAIL=<admin> E2E_PASSWORD=… E2E_MAIL_DIR=<the server's DATA_DIR>/mail \
 *     node scripts/run-ts.mjs tests/e2e/reports-walkthrough.e2e.ts
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { simpleParser } from 'mailparser'

import { launchBrowser, shot, signIn } from './lib/browser'
import { check } from './lib/check'
import { adminEmail, adminPassword, api, ensureUser, login } from './lib/rest'

const users = { emailTag: 'reports', namePrefix: 'Rapports', password: 'reports-password-0123' }
const mailDir = process.env.E2E_MAIL_DIR
check(mailDir, 'E2E_MAIL_DIR names the server’s mail drop')

const adminToken = await login(adminEmail, adminPassword)
const analystEmail = await ensureUser(adminToken, users, 'analyst', 'fr')
const legalEmail = await ensureUser(adminToken, { ...users, emailTag: 'reports-ar' }, 'legal', 'ar')
const analystToken = await login(analystEmail, users.password)
const idOf = async (email: string) =>
  ((await api(`/api/users?where[email][equals]=${encodeURIComponent(email)}`, { token: adminToken })).docs[0] as { id: number }).id

const published = (await api('/api/platform-variants?where[publicationState][equals]=published&where[platform][equals]=facebook&depth=0&limit=1', {
  token: adminToken,
})) as { docs: { remoteId: string | null }[] }
const remoteId = published.docs[0]?.remoteId
check(remoteId, 'a Facebook post was published by the publishing walkthrough (run it first)')
const postId = remoteId.split('_').at(-1)!
const csvFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'badil-e2e-')), 'meta-business-suite.csv')
fs.writeFileSync(
  csvFile,
  [
    'Post ID,Page name,Description,Permalink,Date,Views,Reach,Reactions,Comments,Shares,Total clicks',
    `${postId},Badil,Le TIG expliqué,,Lifetime,"5,120",3900,61,7,4,12`,
    '999000111,Badil,Pas chez nous,,Lifetime,10,8,1,0,0,0',
  ].join('\n'),
)

const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
try {
  const page = await signIn(browser.context, analystEmail, users.password)
  await page.goto(`${process.env.BASE_URL ?? 'http://127.0.0.1:3000'}/admin/collections/metric-snapshots`)
  await page.waitForSelector('[data-testid="metrics-import"]', { timeout: 60_000 })
  await page.setInputFiles('[data-testid="metrics-import-file"]', csvFile)
  await page.click('[data-testid="metrics-import-start"]')
  await page.waitForSelector('[data-testid="metrics-import-summary"]', { timeout: 60_000 })
  const summary = (await page.locator('[data-testid="metrics-import-summary"]').textContent()) ?? ''
  check(summary.includes('Relevés créés : 1 · publications introuvables : 1 · lignes refusées : 0'), `the import's summary (got "${summary}")`)
  check((await page.locator('[data-testid="metrics-import-progress"] progress').getAttribute('value')) === '2', 'the progress bar is full')
  const report = (await page.locator('[data-testid="metrics-import-report"]').textContent()) ?? ''
  check(
    report.includes('Publication introuvable parmi les nôtres') && report.includes('999000111'),
    `the per-row report names the post not found (got "${report}")`,
  )
  await shot(page, 'metrics-import-fr')

  const subscription = (await api('/api/report-subscriptions', {
    method: 'POST',
    token: analystToken,
    body: JSON.stringify({ name: 'Comité de pilotage (e2e)', frequency: 'weekly', recipients: [await idOf(analystEmail), await idOf(legalEmail)] }),
  })) as { doc: { id: number } }
  const before = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).length : 0
  await page.goto(`${process.env.BASE_URL ?? 'http://127.0.0.1:3000'}/admin/collections/report-subscriptions/${subscription.doc.id}`)
  await page.waitForSelector('[data-testid="send-report-button"]', { timeout: 60_000 })
  // The last seven days up to today: the posts the walkthroughs published and the figures just imported.
  const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date(Date.now() + offset * 86_400_000))
  await page.fill('[data-testid="send-report-from"]', day(-6))
  await page.fill('[data-testid="send-report-to"]', day(0))
  await page.click('[data-testid="send-report-button"]')
  await page.waitForSelector('[data-testid="send-report-queued"]', { timeout: 30_000 })
  await shot(page, 'report-subscription-fr')

  // The reporting queue runs every minute on the server; an administrator may run it now.
  await api('/api/payload-jobs/run?queue=reporting&limit=10', { token: adminToken })
  let mails: Awaited<ReturnType<typeof simpleParser>>[] = []
  for (let waited = 0; waited < 150 && mails.length < 2; waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).sort().slice(before) : []
    mails = await Promise.all(files.map((name) => simpleParser(fs.readFileSync(path.join(mailDir, name)))))
    mails = mails.filter((mail) => /Rapport de la campagne|تقرير الحملة/.test(mail.subject ?? ''))
  }
  check(mails.length === 2, `the report arrived in the mail drop for both recipients (got ${mails.length})`)
  for (const mail of mails) {
    const pdf = mail.attachments.find((attachment) => attachment.contentType === 'application/pdf')
    check(pdf && pdf.content.subarray(0, 5).toString('ascii') === '%PDF-', `${mail.subject}: a PDF is attached`)
    check(mail.attachments.filter((attachment) => attachment.contentType === 'image/png').length >= 1, `${mail.subject}: the charts come as images`)
  }
  check(
    mails.some((mail) => mail.subject?.startsWith('تقرير الحملة') && mail.html && mail.html.includes('dir="rtl"')),
    'the legal expert’s report is in Arabic, right to left',
  )

  const arabic = await signIn(browser.context, legalEmail, users.password)
  await arabic.goto(`${process.env.BASE_URL ?? 'http://127.0.0.1:3000'}/admin/collections/periodic-reports`)
  await arabic.waitForSelector('html[dir="rtl"] .collection-list', { timeout: 60_000 })
  const list = (await arabic.locator('.collection-list').textContent()) ?? ''
  check(list.includes('التقارير المرسلة') && list.includes('تقرير الحملة'), `the sent reports list is in Arabic with the report (got "${list.slice(0, 300)}")`)
  check(!list.includes('Rapport de la campagne'), 'the legal expert sees only the report sent to her')
  for (const word of ['Sent reports', 'Title', 'Status', 'Language', 'Created']) check(!list.includes(word), `no "${word}" on the Arabic list`)
  await shot(arabic, 'periodic-reports-ar')
  console.log(
    '✔ reports walkthrough: export imported with progress and per-row report, report sent now, both e-mails with charts and PDF, Arabic report in the admin',
  )
} finally {
  await browser.close()
}
