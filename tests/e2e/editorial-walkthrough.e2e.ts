/**
 * The editorial path in a real browser on a running Badil (CI runs it against the built server):
 * a consultant submits an item, NCSC sends it to legal review, the legal expert requests changes,
 * the consultant fixes and resubmits, legal approves — each step with the admin's workflow
 * buttons — then the CM opens an X variant and sees the live limit report and preview, and the
 * editorial calendar shows it. Accounts and the item's asset are prepared over the REST API.
 *
 *   BASE_URL=… E2E_EMAIL=<admin> E2E_PASSWORD=… node scripts/run-ts.mjs tests/e2e/editorial-walkthrough.e2e.ts
 */
import type { Page } from 'playwright-core'
import sharp from 'sharp'

import { launchBrowser, shot, signIn } from './lib/browser'
import { check } from './lib/check'
import { adminEmail, adminPassword, api, baseUrl, ensureUser, login } from './lib/rest'

const users = { emailTag: 'walkthrough', namePrefix: 'Walkthrough', password: 'walkthrough-password-0123' }

/** Clicks a workflow button on the item's edit view and waits for the state to change on the server. */
async function takeTransition(page: Page, itemId: number, token: string, label: RegExp, expected: string, reason?: string) {
  await page.goto(`${baseUrl}/admin/collections/content-items/${itemId}`)
  const controls = page.getByTestId('workflow-controls')
  await controls.waitFor()
  if (reason) page.once('dialog', (dialog) => void dialog.accept(reason))
  await controls.getByRole('button', { name: label }).click()
  for (let attempt = 0; attempt < 40; attempt++) {
    const item = await api(`/api/content-items/${itemId}?depth=0`, { token })
    if (item.workflowState === expected) return
    await page.waitForTimeout(250)
  }
  throw new Error(`item ${itemId} did not reach ${expected}`)
}

const adminToken = await login(adminEmail, adminPassword)
const emails = {
  consultant: await ensureUser(adminToken, users, 'consultant', 'fr'),
  ncsc: await ensureUser(adminToken, users, 'ncsc', 'fr'),
  legal: await ensureUser(adminToken, users, 'legal', 'ar'),
  cm: await ensureUser(adminToken, users, 'cm', 'fr'),
}
const tokens = {
  consultant: await login(emails.consultant, users.password),
  cm: await login(emails.cm, users.password),
}

// The consultant's asset and sensitive item, prepared over the API.
const photo = await sharp({ create: { width: 1200, height: 1200, channels: 3, background: '#1e6091' } })
  .jpeg()
  .toBuffer()
const form = new FormData()
form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'infographie-tig.jpg')
form.append('_payload', JSON.stringify({ alt: 'Infographie : le travail d’intérêt général en 4 étapes' }))
const media = (await api('/api/media', { method: 'POST', token: tokens.consultant, body: form })).doc
const item = (
  await api('/api/content-items', {
    method: 'POST',
    token: tokens.consultant,
    body: JSON.stringify({ title: 'Le TIG en 4 étapes', format: 'infographic', sensitivity: 'sensitive', assets: [media.id] }),
  })
).doc

const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
const { context } = browser
try {
  let page = await signIn(context, emails.consultant, users.password)
  await takeTransition(page, item.id, tokens.consultant, /Soumettre pour revue/, 'in_review')
  await shot(page, '1-consultant-submitted')

  page = await signIn(context, emails.ncsc, users.password)
  await takeTransition(page, item.id, tokens.consultant, /Envoyer en revue juridique/, 'legal_review')

  page = await signIn(context, emails.legal, users.password)
  await takeTransition(
    page,
    item.id,
    tokens.consultant,
    /طلب تعديلات|Demander des modifications/,
    'changes_requested',
    'Préciser : 40 à 3 600 heures (art. 35-6).',
  )
  await shot(page, '2-legal-requested-changes')

  await api(`/api/content-items/${item.id}`, {
    method: 'PATCH',
    token: tokens.consultant,
    body: JSON.stringify({ title: 'Le TIG en 4 étapes (40 à 3 600 heures)' }),
  })
  page = await signIn(context, emails.consultant, users.password)
  await takeTransition(page, item.id, tokens.consultant, /Soumettre à nouveau/, 'in_review')

  page = await signIn(context, emails.ncsc, users.password)
  await takeTransition(page, item.id, tokens.consultant, /Envoyer en revue juridique/, 'legal_review')
  page = await signIn(context, emails.legal, users.password)
  await takeTransition(page, item.id, tokens.consultant, /المصادقة القانونية|Valider juridiquement/, 'approved')

  page = await signIn(context, emails.consultant, users.password)
  await page.goto(`${baseUrl}/admin/collections/content-items/${item.id}`)
  const timeline = page.getByTestId('workflow-timeline')
  await timeline.waitFor()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="workflow-timeline"] li').length >= 6)
  const steps = await timeline.locator('li').count()
  check(steps >= 6, `the history shows every step (got ${steps})`)
  await shot(page, '3-history')

  // The CM's X variant: the live report and the preview in the edit view.
  const variant = (
    await api('/api/platform-variants', {
      method: 'POST',
      token: tokens.cm,
      body: JSON.stringify({
        contentItem: item.id,
        platform: 'x',
        language: 'fr',
        text: 'Le travail d’intérêt général, c’est 40 à 3 600 heures au service de la collectivité. https://example.org/tig',
        hashtags: ['PeinesAlternatives'],
        media: [media.id],
        scheduledAt: new Date(Date.now() + 2 * 3600 * 1000).toISOString(),
      }),
    })
  ).doc
  page = await signIn(context, emails.cm, users.password)
  await page.goto(`${baseUrl}/admin/collections/platform-variants/${variant.id}`)
  const report = page.getByTestId('variant-report')
  await report.waitFor()
  await page.waitForFunction(() => /\/ 280/.test(document.querySelector('[data-testid="variant-report"]')?.textContent ?? ''))
  await page.locator('textarea[name="text"], #field-text').first().fill('a'.repeat(290))
  await page.waitForFunction(() => document.querySelector('[data-testid="variant-report"] [data-code="text.too_long"]') !== null)
  await shot(page, '4-variant-report')

  await page.goto(`${baseUrl}/admin/calendar`)
  await page.waitForSelector('text=Le TIG', { timeout: 30_000 })
  await shot(page, '5-calendar')
  console.log('✔ editorial walkthrough: submit, legal review, changes, resubmit, legal approval, variant report, calendar')
} finally {
  await browser.close()
}
