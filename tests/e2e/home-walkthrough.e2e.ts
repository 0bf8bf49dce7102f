/**
 * Issue 15's home page in a real browser on a running Badil (CI runs it against the built
 * server): Badil's name on the login page, then each person's first screen shows their own work,
 * in their language, in words. A consultant reads French, a community manager Arabic, NCSC French.
 *
 *   BASE_URL=… E2E_EMAIL=<admin> E2E_PASSWORD=… node scripts/run-ts.mjs tests/e2e/home-walkthrough.e2e.ts
 */
import type { Page } from 'playwright-core'

import { launchBrowser, shot, signIn } from './lib/browser'
import { check } from './lib/check'
import { adminEmail, adminPassword, api, baseUrl, ensureUser, login } from './lib/rest'

const users = { emailTag: 'home', namePrefix: 'Home', password: 'home-walkthrough-password-0123' }

const adminToken = await login(adminEmail, adminPassword)
const emails = {
  consultant: await ensureUser(adminToken, users, 'consultant', 'fr'),
  ncsc: await ensureUser(adminToken, users, 'ncsc', 'fr'),
  cm: await ensureUser(adminToken, users, 'cm', 'ar'),
}
const tokens = { consultant: await login(emails.consultant, users.password), ncsc: await login(emails.ncsc, users.password) }
const post = (path: string, token: string, body: unknown) => api(path, { method: 'POST', token, body: JSON.stringify(body) })

// One item waiting for NCSC, one approved for the CM.
const waiting = (await post('/api/content-items', tokens.consultant, { title: 'Le travail d’intérêt général en trois questions', format: 'post' })).doc
await post(`/api/content-items/${waiting.id}/transition`, tokens.consultant, { to: 'in_review' })
const approved = (await post('/api/content-items', tokens.consultant, { title: 'L’amende journalière, pour qui ?', format: 'post' })).doc
await post(`/api/content-items/${approved.id}/transition`, tokens.consultant, { to: 'in_review' })
await post(`/api/content-items/${approved.id}/transition`, tokens.ncsc, { to: 'approved' })

/** The home page's panels, by their test ids, and what a reader sees on the page. */
async function home(page: Page) {
  await page.goto(`${baseUrl}/admin`)
  await page.getByTestId('home-my-work').waitFor()
  const panels = await page.locator('[data-testid^="home-"]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')))
  return { panels, text: await page.locator('main, body').first().innerText() }
}

const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
try {
  browser.context.setDefaultTimeout(60_000)

  // Badil's name and mark on the login page, not Payload's.
  const loginPage = await browser.context.newPage()
  await loginPage.goto(`${baseUrl}/admin/login`)
  await loginPage.locator('input[name="email"]').waitFor()
  const loginText = await loginPage.locator('body').innerText()
  check(/Badil/.test(loginText) && /بديل/.test(loginText), 'the login page shows Badil’s name in Latin and Arabic letters')
  await shot(loginPage, 'login')
  await loginPage.close()

  let page = await signIn(browser.context, emails.ncsc, users.password)
  const ncsc = await home(page)
  await shot(page, 'home-ncsc-fr')
  check(
    ['home-my-work', 'home-shortcuts', 'home-problems', 'home-next-posts', 'home-inbox-due'].every((id) => ncsc.panels.includes(id)),
    `NCSC’s panels: ${ncsc.panels.join(', ')}`,
  )
  check(
    ncsc.text.includes('Ce qui m’attend') && ncsc.text.includes('Le travail d’intérêt général en trois questions'),
    'NCSC sees the item waiting for validation',
  )
  check(!/in_review|workQueues:|homePanels:|home:my/.test(ncsc.text), 'no code on NCSC’s home page')

  page = await signIn(browser.context, emails.cm, users.password)
  const cm = await home(page)
  await shot(page, 'home-cm-ar')
  check(cm.text.includes('ما ينتظرني') && cm.text.includes('L’amende journalière, pour qui ?'), 'the CM sees, in Arabic, the approved item to adapt')
  check(cm.panels.includes('home-inbox-due') && cm.panels.includes('home-problems'), `the CM’s panels: ${cm.panels.join(', ')}`)
  check(!/Ce qui m’attend|What waits|approved|homePanels:/.test(cm.text), 'no French, English or code on the CM’s Arabic home page')

  page = await signIn(browser.context, emails.consultant, users.password)
  const consultant = await home(page)
  await shot(page, 'home-consultant-fr')
  check(
    !consultant.panels.includes('home-problems') && !consultant.panels.includes('home-inbox-due'),
    `the consultant has no publishing or inbox panel: ${consultant.panels.join(', ')}`,
  )
  check(consultant.text.includes('Nouveau contenu'), 'the consultant can start a new content from the home page')
  console.log('✔ home pages: Badil on the login page; NCSC (fr), the CM (ar) and the consultant (fr) open on their own work')
} finally {
  await browser.close()
}
