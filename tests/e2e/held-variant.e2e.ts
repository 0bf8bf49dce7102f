/**
 * The security issue's promise as people see it, in a real browser on a running Badil (CI runs it
 * against the built server): a scheduled variant whose item goes back to review is held, and its
 * publishing panel says why in the reader's language only (Arabic for the CM, French for NCSC);
 * a community manager's own account page offers no API key. Accounts and content are prepared
 * over the REST API.
 *
 *   BASE_URL=… E2E_EMAIL=<admin> E2E_PASSWORD=… node scripts/run-ts.mjs tests/e2e/held-variant.e2e.ts
 */
import type { Page } from 'playwright-core'

import { launchBrowser, shot, signIn } from './lib/browser'
import { check } from './lib/check'
import { adminEmail, adminPassword, api, baseUrl, ensureUser, login } from './lib/rest'

const users = { emailTag: 'held', namePrefix: 'Held', password: 'held-walkthrough-password-0123' }

const adminToken = await login(adminEmail, adminPassword)
const emails = {
  consultant: await ensureUser(adminToken, users, 'consultant', 'fr'),
  ncsc: await ensureUser(adminToken, users, 'ncsc', 'fr'),
  cm: await ensureUser(adminToken, users, 'cm', 'ar'),
}
const tokens = {
  consultant: await login(emails.consultant, users.password),
  ncsc: await login(emails.ncsc, users.password),
  cm: await login(emails.cm, users.password),
}
const post = (path: string, token: string, body: unknown) => api(path, { method: 'POST', token, body: JSON.stringify(body) })
const patch = (path: string, token: string, body: unknown) => api(path, { method: 'PATCH', token, body: JSON.stringify(body) })

// An approved item, a variant scheduled in two days, then the consultant rewrites the title.
const item = (await post('/api/content-items', tokens.consultant, { title: 'La surveillance électronique expliquée', format: 'post' })).doc
await post(`/api/content-items/${item.id}/transition`, tokens.consultant, { to: 'in_review' })
await post(`/api/content-items/${item.id}/transition`, tokens.ncsc, { to: 'approved' })
const variant = (
  await post('/api/platform-variants', tokens.cm, { contentItem: item.id, platform: 'x', language: 'ar', text: 'المراقبة الإلكترونية ليست إفلاتا من العقاب.' })
).doc
await patch(`/api/platform-variants/${variant.id}`, tokens.cm, {
  publicationState: 'scheduled',
  scheduledAt: new Date(Date.now() + 2 * 24 * 3600_000).toISOString(),
})
await patch(`/api/content-items/${item.id}`, tokens.consultant, { title: 'La surveillance électronique, ce qu’elle est vraiment' })
const held = await api(`/api/platform-variants/${variant.id}?depth=0`, { token: tokens.cm })
check(held.publicationState === 'held', `the variant is held on the server (${held.publicationState})`)

/** The publishing panel of the variant as the signed-in person sees it. */
async function panelOf(page: Page) {
  await page.goto(`${baseUrl}/admin/collections/platform-variants/${variant.id}`)
  const panel = page.getByTestId('variant-publishing-panel')
  await panel.waitFor()
  await page.getByTestId('variant-last-error').waitFor()
  return {
    state: (await page.getByTestId('publication-state').textContent())?.trim() ?? '',
    reason: (await page.getByTestId('variant-last-error').textContent()) ?? '',
  }
}

const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
try {
  browser.context.setDefaultTimeout(60_000)

  // The CM works in Arabic.
  let page = await signIn(browser.context, emails.cm, users.password)
  const arabic = await panelOf(page)
  await shot(page, 'held-variant-ar')
  check(arabic.state === 'محتجزة', `the state reads "محتجزة" for the CM (${arabic.state})`)
  check(arabic.reason.includes('«قيد المراجعة»'), `the reason names the item's state in Arabic: ${arabic.reason}`)
  check(!/Held|Retenue|content item/.test(arabic.reason), `no French or English in the Arabic reason: ${arabic.reason}`)

  // Their own account page: name, language, password — no API key.
  await page.goto(`${baseUrl}/admin/account`)
  await page.locator('input[name="name"]').waitFor()
  const keyControls = await page.locator('[name="enableAPIKey"], [name="apiKey"], #field-enableAPIKey, #field-apiKey').count()
  // What is on screen (the page's scripts carry every role's label, "External tool (API key)" included).
  const visibleText = await page.locator('body').innerText()
  check(keyControls === 0 && !visibleText.includes('مفتاح API'), 'the CM’s account page offers no API key')
  await shot(page, 'cm-account-ar')

  // NCSC reads French.
  page = await signIn(browser.context, emails.ncsc, users.password)
  const french = await panelOf(page)
  await shot(page, 'held-variant-fr')
  check(french.state === 'Retenue', `the state reads "Retenue" for NCSC (${french.state})`)
  check(french.reason.includes('« En revue »'), `the reason names the item's state in French: ${french.reason}`)
  check(!/محتجزة|Held:|content item/.test(french.reason), `no Arabic or English in the French reason: ${french.reason}`)
  console.log('✔ held variant: state and reason in Arabic for the CM and in French for NCSC; no API key on the CM’s account page')
} finally {
  await browser.close()
}
