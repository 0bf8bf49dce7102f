/**
 * Publishing in a real browser on a running Badil whose network hosts point at the fake networks
 * (tests/e2e/fake-networks.ts; CI runs both): an administrator's three network accounts with the
 * fakes' tokens and an approved item with Facebook, X and LinkedIn variants are prepared over the
 * REST API; then the CM schedules two variants at the next minute and publishes the third now
 * with the publishing panel, sees them in the publishing queue, and waits until each panel says
 * "published" with its link. The fakes must have received exactly one post per variant. NCSC
 * then suspends publishing from the queue (the red banner shows on every admin page) and resumes
 * it. Last, the network-accounts admin: OAuth connect buttons, the callback's notice, and
 * "Renew token" with the server's answer.
 *
 *   BASE_URL=… E2E_EMAIL=<admin> E2E_PASSWORD=… FAKE_NETWORKS_URL=http://127.0.0.1:3924 \
 *     node scripts/run-ts.mjs tests/e2e/publishing-walkthrough.e2e.ts
 */
import type { Locator, Page } from 'playwright-core'

import { casablancaInputValue } from '../../plugins/campaign-ops/publishing/admin/publishing-client'
import { launchBrowser, shot, signIn } from './lib/browser'
import { check } from './lib/check'
import { ensureFakeAccount, fakeNetworks } from './lib/fake-networks-client'
import type { FakeNetwork } from './lib/fake-networks-client'
import { adminEmail, adminPassword, api, baseUrl, ensureUser, login } from './lib/rest'

const users = { emailTag: 'publishing', namePrefix: 'Publication', password: 'publishing-password-0123' }
/** The scheduler ticks every 10 s; a variant due at the next minute is out well within this. */
const publishTimeoutMs = 150_000
const tag = `e2e-${Date.now().toString(36)}`

type Network = FakeNetwork
const networks: Network[] = ['facebook', 'x', 'linkedin']

async function variantState(id: number, token: string) {
  return (await api(`/api/platform-variants/${id}?depth=0`, { token })) as {
    publicationState?: string
    permalink?: string | null
    lastError?: string | null
    attempts?: number
  }
}

async function openPanel(page: Page, variantId: number): Promise<Locator> {
  await page.goto(`${baseUrl}/admin/collections/platform-variants/${variantId}`)
  const panel = page.getByTestId('variant-publishing-panel')
  await panel.waitFor()
  await panel.getByTestId('publication-state').waitFor()
  return panel
}

/** Waits for the panel's state (its `data-state`), which the panel follows by itself while the scheduler works. */
async function waitForPanelState(page: Page, state: string, timeout: number) {
  await page.waitForSelector(`[data-testid="variant-publishing-panel"][data-state="${state}"]`, { timeout })
}

const adminToken = await login(adminEmail, adminPassword)
const fakeAccounts = await fakeNetworks<Record<Network, { accountId: string; accessToken: string }>>('/accounts')
const emails = {
  consultant: await ensureUser(adminToken, users, 'consultant', 'fr'),
  ncsc: await ensureUser(adminToken, users, 'ncsc', 'ar'),
  cm: await ensureUser(adminToken, users, 'cm', 'fr'),
  admin: await ensureUser(adminToken, users, 'admin', 'ar'),
}
const tokens = {
  consultant: await login(emails.consultant, users.password),
  ncsc: await login(emails.ncsc, users.password),
  cm: await login(emails.cm, users.password),
}

// The administrator's accounts, connected by pasting the fakes' tokens.
const accounts = {} as Record<Network, number>
for (const network of networks) accounts[network] = await ensureFakeAccount(adminToken, network, fakeAccounts[network])

// An approved item: the consultant submits it, NCSC approves it (REST workflow transitions).
const item = (
  await api('/api/content-items', {
    method: 'POST',
    token: tokens.consultant,
    body: JSON.stringify({ title: `Peines alternatives : ce qui change (${tag})`, format: 'post', sensitivity: 'normal' }),
  })
).doc
await api(`/api/content-items/${item.id}/transition`, { method: 'POST', token: tokens.consultant, body: JSON.stringify({ to: 'in_review' }) })
await api(`/api/content-items/${item.id}/transition`, { method: 'POST', token: tokens.ncsc, body: JSON.stringify({ to: 'approved' }) })

// The CM's French variants, one per network, each with its own text (the fakes count by text).
const texts: Record<Network, string> = {
  facebook: `Le travail d’intérêt général répare sans enfermer : 40 à 3 600 heures au service de tous. ${tag} facebook`,
  x: `Peine alternative ne veut pas dire impunité : le juge contrôle chaque étape. ${tag} x`,
  linkedin: `Loi 43.22 : les peines alternatives entrent en vigueur, avec un suivi par le juge de l’application des peines. ${tag} linkedin`,
}
const variants = {} as Record<Network, number>
for (const network of networks) {
  variants[network] = (
    await api('/api/platform-variants', {
      method: 'POST',
      token: tokens.cm,
      body: JSON.stringify({ contentItem: item.id, platform: network, language: 'fr', text: texts[network], networkAccount: accounts[network] }),
    })
  ).doc.id as number
}

const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
const { context } = browser
let crisisOn = false
try {
  // The CM schedules Facebook and LinkedIn at the next minute (at least 50 s ahead, for the queue check).
  let page = await signIn(context, emails.cm, users.password)
  const due = new Date(Math.ceil((Date.now() + 50_000) / 60_000) * 60_000)
  for (const network of ['facebook', 'linkedin'] as const) {
    const panel = await openPanel(page, variants[network])
    check((await panel.getAttribute('data-state')) === 'draft', `the ${network} variant starts as a draft`)
    await panel.getByRole('button', { name: 'Programmer', exact: true }).click()
    const form = page.getByTestId('publishing-form-reschedule')
    await form.waitFor()
    await form.locator('#publishing-when').fill(casablancaInputValue(due))
    await form.getByRole('button', { name: 'Confirmer', exact: true }).click()
    await waitForPanelState(page, 'scheduled', 15_000)
    const state = await variantState(variants[network], tokens.cm)
    check(state.publicationState === 'scheduled', `the ${network} variant is scheduled on the server (${state.publicationState})`)
    if (network === 'facebook') await shot(page, '1-variant-scheduled-fr')
  }

  // Both are in the queue's next 24 hours, under their network, until they go out.
  await page.goto(`${baseUrl}/admin/publishing-queue`)
  const queue = page.getByTestId('publishing-queue')
  await queue.waitFor()
  const upcoming = page.getByTestId('queue-upcoming')
  await upcoming.waitFor()
  await page.getByTestId('queue-attention').waitFor()
  for (const network of ['facebook', 'linkedin'] as const) {
    const row = upcoming.locator(`[data-network="${network}"] tr[data-variant-id="${variants[network]}"]`)
    check((await row.count()) === 1, `the ${network} variant is listed under ${network} in the queue`)
  }
  check((await page.getByTestId('crisis-mode-control').count()) === 1, 'the queue shows the crisis mode control')
  await shot(page, '2-queue-fr')

  // X: "Publish now".
  let panel = await openPanel(page, variants.x)
  await panel.getByRole('button', { name: 'Publier maintenant', exact: true }).click()
  const publishForm = page.getByTestId('publishing-form-publish')
  await publishForm.waitFor()
  await publishForm.getByRole('button', { name: 'Confirmer', exact: true }).click()

  // Each panel follows its variant until it says "published", with the link to the post.
  for (const network of ['x', 'facebook', 'linkedin'] as const) {
    panel = await openPanel(page, variants[network])
    try {
      await waitForPanelState(page, 'published', publishTimeoutMs)
    } catch (error) {
      const state = await variantState(variants[network], tokens.cm)
      throw new Error(
        `the ${network} variant was not shown as published within ${publishTimeoutMs / 1000} s: server state ${state.publicationState}, ` +
          `attempts ${state.attempts}, last error ${state.lastError ?? '—'} (${String(error)})`,
        { cause: error },
      )
    }
    const stateText = (await panel.getByTestId('publication-state').textContent())?.trim()
    check(stateText === 'Publiée', `the ${network} panel says "Publiée" (got "${stateText}")`)
    const link = panel.getByTestId('variant-permalink')
    await link.waitFor({ timeout: 15_000 })
    const href = await link.getAttribute('href')
    check(href && /^https:\/\//.test(href), `the ${network} panel links to the post (got ${href})`)
    check((await panel.getByTestId('publishing-error').count()) === 0, `no error in the ${network} panel`)
    const state = await variantState(variants[network], tokens.cm)
    check(state.publicationState === 'published' && state.permalink === href, `the ${network} variant is published on the server with that link`)
    // The attempt history (a join list in the edit view) shows the attempt once the page is reloaded.
    await page.reload()
    const history = page.locator('[id="field-attemptHistory"], .field-type.join').first()
    await history.locator('tbody tr').first().waitFor({ timeout: 30_000 })
    const historyText = (await history.textContent()) ?? ''
    check(
      historyText.includes('Envoi') && historyText.includes('Publiée'),
      `the ${network} variant's attempt history lists the published attempt (got "${historyText.slice(0, 200)}")`,
    )
    if (network === 'facebook') await shot(page, '3-variant-published-fr')
  }

  // Exactly one post per variant reached the networks.
  const counts = await fakeNetworks<{ total: number; texts: Record<string, number> }>('/counts')
  for (const network of networks) {
    check(counts.texts[texts[network]] === 1, `one ${network} post with the variant's text (got ${counts.texts[texts[network]] ?? 0})`)
  }
  const ours = Object.entries(counts.texts).filter(([text]) => text.includes(tag))
  check(ours.length === 3 && ours.every(([, count]) => count === 1), `three posts in all for this run, once each: ${JSON.stringify(ours)}`)

  // NCSC (in Arabic) suspends publishing from the queue; the banner shows on every admin page.
  const reasonOn = `Exercice e2e ${tag} : annonce officielle en attente`
  page = await signIn(context, emails.ncsc, users.password)
  await page.goto(`${baseUrl}/admin/publishing-queue`)
  let control = page.getByTestId('crisis-mode-control')
  await control.getByTestId('crisis-state').waitFor()
  check((await control.getByTestId('crisis-state').getAttribute('data-active')) === 'false', 'crisis mode starts off')
  await control.locator('#crisis-reason').fill(reasonOn)
  await control.getByRole('button', { name: /^(إيقاف النشر|Suspendre la publication)$/ }).click()
  await control.getByRole('button', { name: /^(تأكيد|Confirmer)$/ }).click()
  await page.waitForSelector('[data-testid="crisis-state"][data-active="true"]')
  crisisOn = true
  await page.getByTestId('crisis-banner').waitFor()
  await shot(page, '4-crisis-on-queue-ar')
  await page.goto(`${baseUrl}/admin`)
  const banner = page.getByTestId('crisis-banner')
  await banner.waitFor()
  check((await banner.textContent())?.includes(reasonOn), 'the banner on /admin gives the reason')
  const background = await banner.evaluate((element) => getComputedStyle(element).backgroundColor)
  check(background === 'rgb(183, 28, 28)', `the banner is red (got ${background})`)
  await shot(page, '5-crisis-banner-ar')
  const crisis = await api('/api/publishing/crisis', { token: tokens.cm })
  check(crisis.active === true, 'crisis mode is on on the server')

  // The CM sees the banner too, in French.
  page = await signIn(context, emails.cm, users.password)
  await page.goto(`${baseUrl}/admin/collections/platform-variants`)
  await page.getByTestId('crisis-banner').waitFor()
  await shot(page, '6-crisis-banner-fr')

  // NCSC resumes publishing; the banner goes away.
  page = await signIn(context, emails.ncsc, users.password)
  await page.goto(`${baseUrl}/admin/publishing-queue`)
  control = page.getByTestId('crisis-mode-control')
  await page.waitForSelector('[data-testid="crisis-state"][data-active="true"]')
  await control.locator('#crisis-reason').fill(`Fin de l’exercice ${tag}`)
  await control.getByRole('button', { name: /^(استئناف النشر|Reprendre la publication)$/ }).click()
  await control.getByRole('button', { name: /^(تأكيد|Confirmer)$/ }).click()
  await page.waitForSelector('[data-testid="crisis-state"][data-active="false"]')
  crisisOn = false
  await page.goto(`${baseUrl}/admin`)
  await page.waitForLoadState('networkidle')
  check((await page.getByTestId('crisis-banner').count()) === 0, 'no banner once publishing resumed')
  check((await api('/api/publishing/crisis', { token: tokens.cm })).active === false, 'crisis mode is off on the server')

  // Network accounts (administrator, in Arabic): connect buttons and the callback's error notice.
  page = await signIn(context, emails.admin, users.password)
  const oauthError = 'X did not authorize the connection: access_denied'
  await page.goto(`${baseUrl}/admin/collections/network-accounts?${new URLSearchParams({ oauthError, oauthNetwork: 'x' })}`)
  const notice = page.getByTestId('oauth-notice')
  await notice.waitFor()
  check((await notice.getAttribute('data-kind')) === 'error', 'the callback error shows as an error')
  check((await notice.textContent())?.includes(oauthError), 'the notice gives the server’s message')
  const connect = page.getByTestId('oauth-connect')
  await connect.waitFor()
  for (const network of ['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok']) {
    check((await connect.getByTestId(`oauth-connect-${network}`).count()) === 1, `a connect button for ${network}`)
  }
  const xButton = connect.getByTestId('oauth-connect-x')
  const expectedHref = '/api/network-accounts/oauth/x/connect'
  if ((await xButton.getAttribute('data-configured')) === 'true') {
    check((await xButton.getAttribute('href')) === expectedHref, `the X button goes to ${expectedHref}`)
  } else {
    check((await xButton.getAttribute('href')) === null, 'an unconfigured network’s button goes nowhere')
    check((await connect.locator('[data-network="x"]').textContent())?.includes('X_CLIENT_ID'), 'it says which variables to set')
  }
  await shot(page, '7-network-accounts-ar')
  await notice.getByRole('button').click()
  await page.waitForURL((url) => !url.search.includes('oauthError'))
  check((await page.getByTestId('oauth-notice').count()) === 0, 'the notice can be dismissed')

  // An account's page after a connection, and "Renew token" with the server's answer.
  await page.goto(`${baseUrl}/admin/collections/network-accounts/${accounts.x}?oauthConnected=1`)
  await page.getByTestId('oauth-notice').waitFor()
  check((await page.getByTestId('oauth-notice').getAttribute('data-kind')) === 'success', 'the account page confirms the connection')
  const renew = page.getByTestId('renew-token')
  await renew.waitFor()
  await renew.getByTestId('renew-token-button').click()
  // A pasted token has no refresh token (and CI has no X app): the server says what to do.
  const answer = renew.locator('[data-testid="renew-token-error"], [data-testid="renew-token-result"]')
  await answer.first().waitFor()
  check(((await answer.first().textContent()) ?? '').trim().length > 20, 'the renewal answer is shown')
  await shot(page, '8-network-account-renew-ar')

  // The same list in French, after a successful connection of two accounts.
  page = await signIn(context, adminEmail, adminPassword)
  await page.goto(`${baseUrl}/admin/collections/network-accounts?oauthConnected=2&oauthNetwork=linkedin`)
  await page.getByTestId('oauth-notice').waitFor()
  check((await page.getByTestId('oauth-notice').getAttribute('data-kind')) === 'success', 'a successful connection shows as a success')
  await shot(page, '9-network-accounts-fr')

  console.log(
    '✔ publishing walkthrough: accounts, scheduling and publish now in the panel, queue, one post per variant on the fakes, crisis banner on and off, network-account OAuth admin',
  )
} finally {
  if (crisisOn) {
    await api('/api/publishing/crisis', { method: 'POST', token: tokens.ncsc, body: JSON.stringify({ active: false, reason: `e2e cleanup ${tag}` }) }).catch(
      () => undefined,
    )
  }
  await browser.close()
}
