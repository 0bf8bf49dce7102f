/**
 * A crisis episode on the built server, in a real browser: NCSC writes a playbook with an approved
 * holding statement; three days of TikTok comments are imported, the last hour a wave of hostile
 * ones from many people; NCSC makes the watch look now: a crisis alert is raised, mailed (mail
 * drop), and shown in a banner on every admin page. A community manager who reads Arabic opens the
 * crisis room from the banner (right to left) and ticks a step; NCSC switches crisis mode on from
 * the room, then resolves the alert with its summary, and the room tells the episode after the
 * crisis. The moderation log holds every step.
 *
 *   BASE_URL=… E2E_EMAIL=<admin> E2E_PASSWORD=… E2E_MAIL_DIR=<the server's DATA_DIR>/mail \
 *     node scripts/run-ts.mjs tests/e2e/crisis-walkthrough.e2e.ts
 */
import fs from 'node:fs'
import path from 'node:path'

import { simpleParser } from 'mailparser'

import { launchBrowser, shot, signIn } from './lib/browser'
import { check } from './lib/check'
import { adminEmail, adminPassword, api, baseUrl, ensureUser, login } from './lib/rest'

const users = { emailTag: 'crisis', namePrefix: 'Crise', password: 'crisis-password-0123' }
const mailDir = process.env.E2E_MAIL_DIR
check(mailDir, 'E2E_MAIL_DIR names the server’s mail drop')
const minute = 60_000
const hour = 60 * minute

const adminToken = await login(adminEmail, adminPassword)
const ncscEmail = await ensureUser(adminToken, users, 'ncsc', 'fr')
const cmEmail = await ensureUser(adminToken, { ...users, emailTag: 'crisis-ar' }, 'cm', 'ar')
const ncscToken = await login(ncscEmail, users.password)
const json = (body: unknown) => JSON.stringify(body)

// The shipped moderation rules classify the comments (active, as NCSC would have them).
await api('/api/moderation-rules?where[state][not_equals]=active', { method: 'PATCH', token: ncscToken, body: json({ state: 'active' }) })

// NCSC's playbook for hostile waves, with an approved holding statement in French and Arabic.
const statement = (await api('/api/response-templates?locale=fr', {
  method: 'POST',
  token: ncscToken,
  body: json({
    name: 'Déclaration d’attente (exercice)',
    purpose: 'notice',
    body: 'Nous avons lu vos messages. Une réponse officielle suit.',
    state: 'approved',
  }),
})) as { doc: { id: number } }
await api(`/api/response-templates/${statement.doc.id}?locale=ar`, {
  method: 'PATCH',
  token: ncscToken,
  body: json({ body: 'اطلعنا على رسائلكم. سيتبعها رد رسمي.' }),
})
await api('/api/crisis-playbooks?locale=fr', {
  method: 'POST',
  token: ncscToken,
  body: json({
    name: 'A — Vague hostile (exercice)',
    levels: ['watch', 'crisis'],
    seriesKinds: ['hostile'],
    steps: [{ text: 'Prévenir la direction du NCSC' }, { text: 'Publier la déclaration d’attente' }],
    contacts: [{ name: 'Permanence NCSC', role: 'Astreinte', phone: '+212 600 000 000' }],
    statements: [statement.doc.id],
  }),
})

// Three days of comments on TikTok, about twenty an hour, a few hostile; then the wave.
const now = Date.now()
const lines: string[] = []
let serial = 0
const comment = (at: number, author: string, text: string) =>
  lines.push(json({ id: `crisis-e2e-${now}-${serial++}`, text, author_id: author, author_name: author, created_at: new Date(at).toISOString() }))
for (let at = now - 72 * hour; at < now - hour; at += 3 * minute) {
  comment(at, `reader-${serial % 400}`, 'Merci pour ces explications sur les peines alternatives.')
  if (serial % 10 === 0) comment(at + minute, `angry-${serial % 50}`, 'كلاب ومجرمين خاصهم الحبس')
}
for (let n = 0; n < 60; n += 1) comment(now - 50 * minute + n * 45_000, `wave-${n % 40}`, 'كلاب ومجرمين خاصهم الحبس')
const imported = (await api(`/api/interactions/import?network=tiktok&account=e2e-crisis&fileName=crisis.jsonl`, {
  method: 'POST',
  token: ncscToken,
  headers: { 'Content-Type': 'application/x-ndjson' },
  body: lines.join('\n'),
})) as { import: { id: number } }
// Read until done; a loaded machine reads slower, so it fails only when the import stops moving.
let lastProcessed = -1
let lastProgressAt = Date.now()
for (;;) {
  await api('/api/payload-jobs/run?queue=inbox&limit=20', { token: adminToken })
  const state = (await api(`/api/inbox-imports/${imported.import.id}`, { token: ncscToken })) as { status: string; processed: number; total: number }
  if (state.status === 'done') break
  if (state.processed > lastProcessed) {
    lastProcessed = state.processed
    lastProgressAt = Date.now()
  }
  check(Date.now() - lastProgressAt < 60_000, `the import is read (no progress for a minute: ${JSON.stringify({ ...state, rows: undefined })})`)
  await new Promise((resolve) => setTimeout(resolve, 1000))
}

const look = (await api('/api/crisis-watch/look', { method: 'POST', token: ncscToken })) as { raised: number }
check(look.raised >= 1, `the watch raised an alert for the wave (got ${JSON.stringify(look)})`)
const alerts = (await api('/api/crisis-alerts?where[series][equals]=hostile:all&where[status][not_equals]=resolved&depth=0', { token: ncscToken })) as {
  docs: { id: number; level: string }[]
}
const alert = alerts.docs[0]
check(alert?.level === 'crisis', `a crisis alert over all platforms (got ${JSON.stringify(alerts.docs)})`)

// The e-mails, sent by the reporting queue.
await api('/api/payload-jobs/run?queue=reporting&limit=20', { token: adminToken })
const mails = await Promise.all(fs.readdirSync(mailDir).map(async (name) => simpleParser(fs.readFileSync(path.join(mailDir, name)))))
const to = (mail: (typeof mails)[number]) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text
check(
  mails.some((mail) => to(mail) === ncscEmail && mail.subject === 'Crise : Propos hostiles, toutes plateformes'),
  'NCSC received the alert in French',
)
check(
  mails.some((mail) => to(mail) === cmEmail && mail.subject === 'أزمة: تعليقات عدائية، كل المنصات'),
  'the community manager received it in Arabic',
)

const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
try {
  // The community manager, in Arabic: the banner, the room, a step.
  let page = await signIn(browser.context, cmEmail, users.password)
  const banner = page.getByTestId('crisis-alert-banner')
  await banner.waitFor({ timeout: 60_000 })
  const bannerText = (await banner.textContent()) ?? ''
  // The wave raised an alert over all platforms and one on TikTok: the banner names one of them.
  check(bannerText.includes('أزمة جارية: تعليقات عدائية'), `the banner speaks Arabic (got "${bannerText}")`)
  check((await banner.getAttribute('dir')) === 'rtl', 'the banner reads right to left')
  await shot(page, 'crisis-1-banner-ar')
  await banner.getByRole('link').click()
  await page.getByTestId('crisis-room').waitFor({ timeout: 60_000 })
  // The list of open alerts leads to the one over all platforms.
  await page.goto(`${baseUrl}/admin/crisis-room`)
  await page.getByTestId('crisis-room-list').locator(`a[href$="alert=${alert.id}"]`).click()
  const room = page.getByTestId('crisis-room')
  await room.waitFor({ timeout: 60_000 })
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="crisis-chart"] svg.recharts-surface').length >= 1, undefined, { timeout: 30_000 })
  check((await room.getAttribute('dir')) === 'rtl', 'the room reads right to left in Arabic')
  const comments = await page.getByTestId('crisis-comments').locator('li').count()
  check(comments >= 10, `the room lists the comments behind the alert (${comments})`)
  const statements = (await page.getByTestId('crisis-statements').textContent()) ?? ''
  check(statements.includes('اطلعنا على رسائلكم'), 'the holding statement is there in Arabic')
  await page.getByTestId('crisis-checklist').locator('input[type="checkbox"]').nth(1).click()
  await page.waitForFunction(() => (document.querySelector('[data-testid="crisis-checklist"]')?.textContent ?? '').includes('أنجزها'), undefined, {
    timeout: 30_000,
  })
  await shot(page, 'crisis-2-room-ar')

  // NCSC, in French: crisis mode from the room, then the episode resolved with its summary.
  page = await signIn(browser.context, ncscEmail, users.password)
  await page.goto(`${baseUrl}/admin/crisis-room?alert=${alert.id}`)
  await page.getByTestId('crisis-room').waitFor({ timeout: 60_000 })
  const control = page.getByTestId('crisis-mode-control')
  await control.getByTestId('crisis-state').waitFor()
  await control.locator('#crisis-reason').fill('Vague de propos hostiles sur TikTok (exercice)')
  await control.getByRole('button', { name: /^Suspendre la publication$/ }).click()
  await control.getByRole('button', { name: /^Confirmer$/ }).click()
  await page.waitForSelector('[data-testid="crisis-state"][data-active="true"]')
  await page.getByTestId('crisis-banner').waitFor()
  const status = (await api('/api/publishing/crisis', { token: ncscToken })) as { active: boolean }
  check(status.active, 'crisis mode is on, switched from the alert’s room')
  await page.locator('#crisis-summary').fill('Déclaration d’attente publiée ; la vague est retombée en deux heures.')
  await page.getByRole('button', { name: /^Résoudre$/ }).click()
  const summary = page.getByTestId('crisis-summary')
  await summary.waitFor({ timeout: 30_000 })
  const told = (await summary.textContent()) ?? ''
  check(told.includes('Alerte levée') && told.includes('Résolue par') && told.includes('Étapes faites : 1 sur 2'), `the room tells the episode (got "${told}")`)
  await shot(page, 'crisis-3-after-fr')
  await api('/api/publishing/crisis', { method: 'POST', token: ncscToken, body: json({ active: false, reason: 'Fin de l’exercice de crise' }) })
} finally {
  await browser.close()
}

const log = (await api(`/api/moderation-log?where[kind][equals]=crisis_alert&limit=50&sort=sequence`, { token: ncscToken })) as { docs: { action: string }[] }
const steps = log.docs.map((entry) => entry.action)
check(
  ['raised', 'step_done', 'resolved'].every((step) => steps.includes(step)),
  `the moderation log holds the episode (got ${steps.join(', ')})`,
)
console.log(
  '✔ crisis walkthrough: imported wave, alert raised and mailed (fr, ar), banner and room in Arabic, step ticked, crisis mode from the room, resolved with its summary, logged',
)
