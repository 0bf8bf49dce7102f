/**
 * The inbox in a real browser, in French and in Arabic, on a running Badil whose Meta host points
 * at the fake networks (tests/e2e/fake-networks.ts, started with FAKE_META_APP_SECRET = the
 * server's FACEBOOK_APP_SECRET). Two people comment on the campaign's Facebook Page; the fake Meta
 * delivers the signed webhooks; the community manager (French) finds them in the inbox without
 * reloading, sees the misconception highlighted, assigns it to herself with the keyboard, answers
 * with the approved correction (sent once to the fake), finds the insult the rules hid on arrival
 * under "hidden", shows it again and hides it again on the network, escalates it, writes a note, and
 * saves a view. Meanwhile the NCSC member (Arabic) opens the same thread:
 * the page reads right to left with no French or English on it, and each sees the other there.
 *
 *   BASE_URL=… E2E_EMAIL=<admin> E2E_PASSWORD=… FAKE_NETWORKS_URL=http://127.0.0.1:3924 \
 *     node scripts/run-ts.mjs tests/e2e/inbox-walkthrough.e2e.ts
 */
import type { Page } from 'playwright-core'

import { launchBrowser, shot, signIn } from './lib/browser'
import { check } from './lib/check'
import { ensureFakeAccount, fakeNetworks } from './lib/fake-networks-client'
import { adminEmail, adminPassword, api, baseUrl, ensureUser, login } from './lib/rest'

const users = { emailTag: 'inbox', namePrefix: 'Boîte', password: 'inbox-password-0123' }
// Letters only: a word mixing letters and digits reads as Darija in Latin letters (Arabizi), which
// would change the language the comments are guessed in.
const tag = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]!)
const postId = `${tag}_post`
const misconception = `Ces peines alternatives, c’est l’impunité pour les riches (${tag})`
const insult = `سكت يا حمار، هاد القانون غير للبراني (${tag})`
/** The webhook job reads deliveries every 10 s; the list refreshes every 10 s. */
const arrivalTimeoutMs = 90_000

type FakeAccounts = { facebook: { accountId: string; accessToken: string } }
type Interaction = { id: number; text?: string; status: string; hiddenOnNetwork?: boolean; escalatedAt?: string | null; assignee?: number | null }

const adminToken = await login(adminEmail, adminPassword)
const cmEmail = await ensureUser(adminToken, users, 'cm', 'fr')
const ncscEmail = await ensureUser(adminToken, users, 'ncsc', 'ar')
const cmToken = await login(cmEmail, users.password)
const ncscToken = await login(ncscEmail, users.password)

// The Page account the comments come to, with the fake's token.
const fakeAccounts = await fakeNetworks<FakeAccounts>('/accounts')
await ensureFakeAccount(adminToken, 'facebook', fakeAccounts.facebook)

// The rule library ships proposed: NCSC activates it, as it would before opening the inbox.
await api('/api/moderation-rules?where[state][not_equals]=active', { method: 'PATCH', token: ncscToken, body: JSON.stringify({ state: 'active' }) })

// An approved correction, proposed by the CM and approved by NCSC.
const template = (
  await api('/api/response-templates?locale=fr', {
    method: 'POST',
    token: cmToken,
    body: JSON.stringify({
      name: `Impunité ${tag}`,
      purpose: 'correction',
      body: 'Bonjour {{handle}}, une peine alternative reste une peine : en cas de manquement, la prison s’applique (loi 43.22, art. 35-4).',
    }),
  })
).doc as { id: number }
await api(`/api/response-templates/${template.id}`, { method: 'PATCH', token: ncscToken, body: JSON.stringify({ state: 'approved' }) })

async function comment(message: string, author: { id: string; name: string }) {
  const sent = await fakeNetworks<{ commentId: string; delivery?: { status: number } }>('/meta/comments', {
    method: 'POST',
    body: { network: 'facebook', parentId: postId, message, author, callbackUrl: `${baseUrl}/api/inbox/webhooks/meta` },
  })
  check(sent.delivery?.status === 200, `the signed webhook is accepted: ${JSON.stringify(sent.delivery)}`)
  return sent.commentId
}

async function interactionOf(text: string): Promise<Interaction | undefined> {
  const found = await api(`/api/interactions?where[text][equals]=${encodeURIComponent(text)}&depth=0`, { token: cmToken })
  return found.docs[0] as Interaction | undefined
}

/** The page's visible words, to check nothing internal or in another language shows. */
const visibleText = (page: Page) => page.getByTestId('inbox').innerText()

const browser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
const ncscBrowser = await launchBrowser({ viewport: { width: 1400, height: 1000 } })
try {
  browser.context.setDefaultTimeout(60_000)
  ncscBrowser.context.setDefaultTimeout(60_000)

  // The CM opens the inbox first; the comments arrive while it is open.
  const page = await signIn(browser.context, cmEmail, users.password)
  await page.goto(`${baseUrl}/admin/inbox`)
  await page.getByTestId('inbox-list').waitFor({ state: 'attached' })
  check((await page.locator('h1').first().innerText()).includes('Boîte de réception'), 'the inbox is titled in French')

  await comment(misconception, { id: `${tag}1`, name: 'Karim B.' })
  await comment(insult, { id: `${tag}2`, name: 'Hamid' })

  const misconceptionRow = page.locator('[data-interaction-id]', { hasText: misconception })
  await misconceptionRow.waitFor({ timeout: arrivalTimeoutMs })
  // The insult was hidden on the network on arrival by the rules: it is not in "to handle".
  const deadline = Date.now() + arrivalTimeoutMs
  let insultOnArrival = await interactionOf(insult)
  while (!insultOnArrival && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    insultOnArrival = await interactionOf(insult)
  }
  check(
    insultOnArrival?.status === 'hidden' && insultOnArrival.hiddenOnNetwork === true,
    `the insult was hidden on arrival: ${JSON.stringify(insultOnArrival)}`,
  )
  await page.waitForTimeout(11_000)
  check((await page.locator('[data-interaction-id]', { hasText: insult }).count()) === 0, 'a comment hidden on arrival is not in "to handle"')
  check(page.url().endsWith('/admin/inbox'), 'the comments appeared without a reload')
  check((await misconceptionRow.innerText()).includes('Nouveau'), 'a row that came while the page was open is marked new')
  check((await misconceptionRow.innerText()).includes('Désinformation'), 'the row shows the category found on arrival')
  check(/À traiter sous|En retard de/.test(await misconceptionRow.innerText()), 'the row shows its answer timer')
  await shot(page, 'inbox-fr-list')

  // The thread: the misconception highlighted in the original text.
  await misconceptionRow.click()
  const thread = page.getByTestId('inbox-thread')
  await thread.locator('mark').first().waitFor()
  check(
    (await thread.locator('mark').allInnerTexts()).some((mark) => /impunit/i.test(mark)),
    'the matched passage is highlighted',
  )
  check((await thread.getByTestId('inbox-moderation').innerText()).includes('Désinformation'), 'the thread says what moderation found')

  // Keyboard: "a" assigns to me.
  await page.locator('body').press('a')
  await thread.getByText('Attribution enregistrée.').waitFor()
  const assigned = await interactionOf(misconception)
  check(assigned?.status === 'assigned' && Boolean(assigned.assignee), `"a" assigned it: ${JSON.stringify(assigned)}`)

  // The NCSC member opens the same thread, in Arabic.
  const ncscPage = await signIn(ncscBrowser.context, ncscEmail, users.password)
  await ncscPage.goto(`${baseUrl}/admin/inbox`)
  const ncscInbox = ncscPage.getByTestId('inbox')
  await ncscInbox.waitFor()
  check((await ncscInbox.getAttribute('dir')) === 'rtl', 'the inbox reads right to left in Arabic')
  await ncscPage.locator('[data-interaction-id]', { hasText: misconception }).click()
  await ncscPage.getByTestId('inbox-thread').locator('mark').first().waitFor()
  const arabicWords = await visibleText(ncscPage)
  check(arabicWords.includes('صندوق الوارد') && arabicWords.includes('معلومات مضللة'), 'labels and category are in Arabic')
  for (const foreign of ['Boîte de réception', 'Désinformation', 'Inbox', 'misinformation', 'comment', 'facebook · ']) {
    check(!arabicWords.includes(foreign), `no "${foreign}" on the Arabic page`)
  }
  check(
    (await ncscPage.locator('[data-interaction-id]', { hasText: misconception }).locator('[dir="auto"]').first().getAttribute('dir')) === 'auto',
    'message texts set their own direction',
  )
  await shot(ncscPage, 'inbox-ar-thread')
  // Each sees the other on the thread (heartbeats every 15 s).
  await page
    .getByTestId('inbox-presence')
    .getByText(/lit ce fil/)
    .waitFor({ timeout: 40_000 })
  await ncscPage.getByTestId('inbox-presence').waitFor({ timeout: 40_000 })

  // The CM answers with the approved correction, suggested for the misconception.
  const reply = thread.getByTestId('inbox-reply')
  const templateOption = reply.locator('select[name="template"] option', { hasText: `Impunité ${tag}` })
  await templateOption.waitFor({ state: 'attached' })
  await reply.locator('select[name="template"]').selectOption(String(template.id))
  check((await reply.locator('textarea').inputValue()).startsWith('Bonjour Karim B.,'), 'the template is filled with the author’s name')
  await reply.getByRole('button', { name: 'Envoyer', exact: true }).click()
  await reply.getByText('Réponse envoyée.').waitFor()
  const replies = await api(`/api/interaction-replies?where[interaction][equals]=${assigned!.id}&depth=0`, { token: cmToken })
  check(replies.totalDocs === 1 && replies.docs[0].state === 'sent', `one reply, sent: ${JSON.stringify(replies.docs)}`)
  await thread.getByText('Nos réponses').waitFor()

  // The insult, under "hidden": shown again and hidden again on the network, escalated with a
  // reason, and a note for the team.
  await page.getByTestId('inbox-filters').locator('select[name="status"]').selectOption('hidden')
  const insultRow = page.locator('[data-interaction-id]', { hasText: insult })
  await insultRow.waitFor()
  check((await insultRow.innerText()).includes('Masqué sur le réseau'), 'the row says it is hidden on the network')
  await insultRow.click()
  await thread.getByText(insult).first().waitFor()
  await thread.getByRole('button', { name: 'Réafficher sur le réseau' }).click()
  await thread.getByText('De nouveau visible sur le réseau.').waitFor()
  await thread.getByRole('button', { name: 'Masquer sur le réseau' }).click()
  await thread.getByText('Masqué sur le réseau.').waitFor()
  await page.locator('body').press('e')
  await thread.locator('textarea[name="reason"]').fill('Insulte et mise en cause d’une communauté : à documenter.')
  await thread.getByRole('button', { name: 'Escalader', exact: true }).click()
  await thread.getByText('Escaladé : le NCSC a été prévenu par e-mail.').waitFor()
  await page.locator('body').press('n')
  await page.keyboard.type('Auteur déjà signalé la semaine dernière.')
  await thread.getByRole('button', { name: 'Ajouter la note' }).click()
  await thread.getByText('Auteur déjà signalé la semaine dernière.').waitFor()
  const insultNow = await interactionOf(insult)
  check(insultNow?.hiddenOnNetwork === true && Boolean(insultNow.escalatedAt), `hidden and escalated: ${JSON.stringify(insultNow)}`)

  // A saved view: every status, misinformation only, kept in the CM's preferences.
  await page.getByRole('button', { name: 'À traiter', exact: true }).click()
  await page.waitForURL((url) => url.search === '')
  await page.getByTestId('inbox-filters').locator('select[name="status"]').selectOption('')
  await page.waitForURL((url) => url.search === '?status=')
  await page.getByTestId('inbox-filters').locator('select[name="category"]').selectOption('misinformation')
  await page.waitForURL((url) => url.searchParams.get('category') === 'misinformation')
  await page.getByRole('button', { name: 'Enregistrer cette vue' }).click()
  await page.getByLabel('Nom de la vue').fill(`Idées reçues ${tag}`)
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await page.goto(`${baseUrl}/admin/inbox`)
  await page.getByRole('button', { name: `Idées reçues ${tag}`, exact: true }).click()
  await page.waitForURL((url) => url.searchParams.get('category') === 'misinformation')
  await page.locator('[data-interaction-id]', { hasText: misconception }).waitFor()
  check((await page.locator('[data-interaction-id]', { hasText: insult }).count()) === 0, 'the saved view filters by category')

  // The shortcuts list, and nothing internal on the French page.
  await page.locator('body').press('?')
  await page.getByTestId('inbox-shortcuts').waitFor()
  const frenchWords = await visibleText(page)
  for (const foreign of ['inboxView', 'misinformation', 'undefined', 'Inbox', 'Reply'])
    check(!frenchWords.includes(foreign), `no "${foreign}" on the French page`)
  await shot(page, 'inbox-fr-view')

  // A press mention to highlight opens the dashboard, in the reader's language.
  const article = `La loi 43.22 expliquée aux familles (${tag})`
  await api('/api/press-mentions', {
    method: 'POST',
    token: cmToken,
    body: JSON.stringify({
      title: article,
      outlet: 'Hespress FR',
      publishedAt: new Date().toISOString(),
      language: 'fr',
      tone: 'positive',
      highlighted: true,
      url: 'https://example.org/article',
    }),
  })
  await page.goto(`${baseUrl}/admin`)
  const pressFr = page.getByTestId('press-mentions-dashboard')
  await pressFr.getByText(article).waitFor()
  const pressFrText = await pressFr.innerText()
  check(pressFrText.includes('Dans la presse') && pressFrText.includes('Favorable'), 'the dashboard shows the press mention in French')
  await ncscPage.goto(`${baseUrl}/admin`)
  const pressAr = ncscPage.getByTestId('press-mentions-dashboard')
  await pressAr.getByText(article).waitFor()
  const pressArText = await pressAr.innerText()
  check(pressArText.includes('في الصحافة') && pressArText.includes('إيجابي'), 'and in Arabic')
  await shot(ncscPage, 'dashboard-ar-press')

  console.log(
    '✔ inbox walkthrough: webhook to inbox without reload, highlight, keyboard assign, presence fr/ar, approved reply sent once, hide, escalate, note, saved view, RTL, press mentions on the dashboard',
  )
} finally {
  await browser.close()
  await ncscBrowser.close()
}
