import pg from 'pg'
import type { Payload } from 'payload'

import { accountPollStateKey, pollInbox } from '../../plugins/campaign-ops/inbox/polling'
import type { AccountPollState } from '../../plugins/campaign-ops/inbox/polling'
import { conversationQueries } from '../../plugins/campaign-ops/networks/x/inbound'
import { createPublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import type { PublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import { createTokenCipher } from '../../plugins/campaign-ops/publishing/token-crypto'
import { startXFake } from '../networks/fakes/x-fake'
import type { FakeXUser, XFake } from '../networks/fakes/x-fake'
import { testTokenKey } from '../publishing/publishing-fixtures'
import { startInboxApp } from './inbox-fixtures'
import type { InboxApp } from './inbox-fixtures'

let inbox: InboxApp
let payload: Payload
let x: XFake
let runtime: PublishingRuntime
let xAccount: number
const createdAccounts: number[] = []

const lookbackDays = 7
const poll = (now = new Date()) => pollInbox(payload, { ...inbox.settings, actions: { ...inbox.settings.actions!, runtime }, lookbackDays }, now)

const amal: FakeXUser = { id: '2100000000000000101', username: 'amal_ma', name: 'Amal' }
const omar: FakeXUser = { id: '2100000000000000102', username: 'omar_rabat', name: 'Omar' }
const sara: FakeXUser = { id: '2100000000000000103', username: 'sara_fes', name: 'Sara' }
const nora: FakeXUser = { id: '2100000000000000104', username: 'nora_tanger', name: 'Nora' }

const mentionsPath = () => `/2/users/${x.userId}/mentions`
const mentionRequests = () => x.requests.filter((request) => request.method === 'GET' && request.path === mentionsPath())
const searchRequests = () => x.requests.filter((request) => request.method === 'GET' && request.path === '/2/tweets/search/recent')

const interactionsByRemoteId = async (remoteIds: string[]) =>
  (
    await payload.find({
      collection: 'interactions',
      where: { and: [{ network: { equals: 'x' } }, { remoteId: { in: remoteIds } }] },
      overrideAccess: true,
      depth: 0,
      sort: 'id',
      pagination: false,
    })
  ).docs
const interaction = async (remoteId: string) => (await interactionsByRemoteId([remoteId]))[0]
const pollState = async () => payload.kv.get<AccountPollState>(accountPollStateKey('x', x.userId))

async function accountRow(id: number): Promise<{ status: string; rate_limited_until: Date | null; last_error: string | null }> {
  const client = new pg.Client({ connectionString: inbox.app.databaseUrl })
  await client.connect()
  try {
    return (await client.query('SELECT status, rate_limited_until, last_error FROM network_accounts WHERE id = $1', [id])).rows[0]
  } finally {
    await client.end()
  }
}

async function connectXAccount(name: string, accountId: string, accessToken: string): Promise<number> {
  const account = await payload.create({
    collection: 'network-accounts',
    overrideAccess: true,
    data: { network: 'x', connection: 'api', name, accountId, accessToken },
  })
  createdAccounts.push(account.id)
  return account.id
}

beforeAll(async () => {
  inbox = await startInboxApp()
  payload = inbox.payload
  x = await startXFake()
  runtime = createPublishingRuntime(
    { endpoints: { x: { baseUrl: x.baseUrl }, facebook: { baseUrl: inbox.meta.baseUrl }, instagram: { baseUrl: inbox.meta.baseUrl } } },
    createTokenCipher(Buffer.from(testTokenKey, 'hex')),
  )
  xAccount = await connectXAccount('Badil sur X', x.userId, x.token)
})

afterAll(async () => {
  for (const id of createdAccounts) await payload?.delete({ collection: 'network-accounts', id, overrideAccess: true })
  await x?.close()
  await inbox?.close()
})

describe('polling X mentions, which carry the replies to our posts', () => {
  let ourPost: string
  let comment: string

  it('brings replies and mentions in with their kind, post, parent and author, moderated on arrival', async () => {
    // Older than the look-back, so written first (X's ids grow with time): a first read does not go that far.
    const old = x.postAs(nora, `@${x.account.username} Vieille question`, { at: new Date(Date.now() - (lookbackDays + 2) * 86_400_000) })
    ourPost = x.postAs(x.account, 'La peine alternative n’est pas l’impunité. #Loi4322')
    const variant = await inbox.publishPost(ourPost, { platform: 'x', account: xAccount })
    comment = x.postAs(amal, 'Encore une loi pour les riches', { inReplyTo: ourPost })
    const reply = x.postAs(omar, 'Pas du tout, lisez la loi', { inReplyTo: comment })
    const mention = x.postAs(sara, `@${x.account.username} Loi 43.22 & bracelet : où lire le texte ?`)
    // Omar took us out of his answer to Amal: X leaves it out of our mentions; the search of our post's conversation finds it.
    const unnamed = x.postAs(omar, 'Et les victimes ?', { inReplyTo: comment, mentionsAccount: false })

    const now = new Date()
    const report = await poll(now)

    // Three by the mentions, three by the conversation (two of them the same): four stored.
    expect(report).toMatchObject({ errors: 0, found: 6, foundOnlyByPolling: 4 })
    const [search] = searchRequests()
    expect(searchRequests()).toHaveLength(1)
    expect(search!.headers.authorization).toBe(`Bearer ${x.token}`)
    expect(Object.fromEntries(search!.query)).toEqual({
      query: `(conversation_id:${ourPost})`,
      // The search reaches back 7 days: the look-back starts a minute inside it.
      start_time: `${new Date(now.getTime() - lookbackDays * 86_400_000 + 60_000).toISOString().slice(0, 19)}Z`,
      max_results: '100',
      'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets',
      expansions: 'author_id',
      'user.fields': 'username',
    })
    const [request] = mentionRequests()
    expect(mentionRequests()).toHaveLength(1)
    expect(request!.headers.authorization).toBe(`Bearer ${x.token}`)
    expect(Object.fromEntries(request!.query)).toEqual({
      start_time: `${new Date(now.getTime() - lookbackDays * 86_400_000).toISOString().slice(0, 19)}Z`,
      max_results: '100',
      'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets',
      expansions: 'author_id',
      'user.fields': 'username',
    })

    // Our own post is not an interaction; the rest stored in the order it was read.
    const stored = await interactionsByRemoteId([comment, reply, mention, unnamed, old, ourPost])
    expect(stored.map((item) => item.remoteId)).toEqual([comment, reply, mention, unnamed])
    const [fromAmal, fromOmar, fromSara, unnamedReply] = stored
    expect(unnamedReply).toMatchObject({ kind: 'reply', postRemoteId: ourPost, parentRemoteId: comment, variant, authorHandle: '@omar_rabat' })
    expect(fromAmal).toMatchObject({
      kind: 'comment',
      postRemoteId: ourPost,
      parentRemoteId: null,
      variant,
      account: xAccount,
      accountRemoteId: x.userId,
      authorHandle: '@amal_ma',
      arrivedBy: 'poll',
      fromAccountItself: false,
      status: 'new',
      moderation: { flagged: true, category: 'misinformation' },
    })
    expect(fromOmar).toMatchObject({ kind: 'reply', postRemoteId: ourPost, parentRemoteId: comment, variant, authorHandle: '@omar_rabat' })
    expect(fromSara).toMatchObject({
      kind: 'mention',
      postRemoteId: null,
      parentRemoteId: null,
      variant: null,
      authorHandle: '@sara_fes',
      text: '@BadilMaroc Loi 43.22 & bracelet : où lire le texte ?',
      remoteCreatedAt: x.posts.find((post) => post.id === mention)!.createdAt,
    })
    for (const item of stored) {
      expect(item.moderation?.decidedAt).toBeTruthy()
      expect(item.slaDueAt).toBeTruthy()
      expect((await inbox.logOf(item.id)).map((row) => row.kind)).toContain('decision')
    }
    expect(await pollState()).toMatchObject({ cursor: mention, conversations: { cursor: unnamed, movedAt: now.toISOString() }, lastError: null })
  })

  it('searches the conversations after the kept cursor, a dozen posts per query within X’s 512 characters', async () => {
    const before = searchRequests().length
    const kept = (await pollState())!.conversations!.cursor
    const lateReply = x.postAs(sara, 'Et pour les mineurs ?', { inReplyTo: ourPost, mentionsAccount: false })
    expect(await poll()).toMatchObject({ errors: 0, foundOnlyByPolling: 1 })
    const [search] = searchRequests().slice(before)
    expect(search!.query.get('since_id')).toBe(kept)
    expect(search!.query.has('start_time')).toBe(false)
    expect(await interaction(lateReply)).toMatchObject({ kind: 'comment', postRemoteId: ourPost, authorHandle: '@sara_fes' })
    expect((await pollState())!.conversations!.cursor).toBe(lateReply)

    const ids = Array.from({ length: 30 }, (_, index) => String(1900000000000000000n + BigInt(index)))
    const queries = conversationQueries(ids)
    expect(queries).toHaveLength(3)
    expect(queries.every((query) => query.length <= 512)).toBe(true)
    expect(queries.join(' ').match(/conversation_id:\d+/g)).toHaveLength(30)
  })

  it('reads every page when more than 100 came, then asks only after the kept cursor and stores nothing twice', async () => {
    const cursor = (await pollState())!.cursor!
    const mentions: string[] = []
    for (let index = 0; index < 150; index++) mentions.push(x.postAs(nora, `@${x.account.username} Avis numéro ${index}`))
    const before = mentionRequests().length

    expect(await poll()).toMatchObject({ errors: 0, foundOnlyByPolling: 150 })
    const pages = mentionRequests().slice(before)
    expect(pages).toHaveLength(2)
    expect(pages.map((page) => page.query.get('since_id'))).toEqual([cursor, cursor])
    expect(pages.map((page) => page.query.has('start_time'))).toEqual([false, false])
    expect(pages[0]!.query.has('pagination_token')).toBe(false)
    expect(pages[1]!.query.get('pagination_token')).toBeTruthy()
    const stored = await interactionsByRemoteId(mentions)
    expect(stored.map((item) => item.remoteId)).toEqual(mentions)
    expect((await pollState())!.cursor).toBe(mentions.at(-1))

    const again = mentionRequests().length
    expect(await poll()).toMatchObject({ errors: 0, found: 0, foundOnlyByPolling: 0 })
    expect(
      mentionRequests()
        .slice(again)
        .map((page) => page.query.get('since_id')),
    ).toEqual([mentions.at(-1)])
    expect(await interactionsByRemoteId(mentions)).toHaveLength(150)
    expect((await pollState())!.cursor).toBe(mentions.at(-1))
  })

  it('keeps what the account itself wrote in the thread, closed and never moderated', async () => {
    const own = x.postAs(x.account, `Encore une loi pour les riches ? Non : lisez-la avec @${x.account.username}`, { inReplyTo: comment })

    expect(await poll()).toMatchObject({ errors: 0, foundOnlyByPolling: 1 })
    const stored = await interaction(own)
    expect(stored).toMatchObject({
      kind: 'reply',
      postRemoteId: ourPost,
      parentRemoteId: comment,
      fromAccountItself: true,
      status: 'closed',
      slaDueAt: null,
      moderation: { flagged: false, category: null },
    })
    expect(await inbox.logOf(stored!.id)).toEqual([])
  })

  it('marks an account whose token X refuses for reconnecting, and polls it no more', async () => {
    const revoked = await connectXAccount('Badil régional sur X', '1500000000000000002', 'revoked-x-token')
    const revokedRequests = () => x.requests.filter((request) => request.headers.authorization === 'Bearer revoked-x-token')

    const report = await poll()
    expect(report.errors).toBe(1)
    expect(revokedRequests()).toHaveLength(1)
    expect(await accountRow(revoked)).toMatchObject({ status: 'needs_reconnect' })
    expect((await accountRow(revoked)).last_error).toBeTruthy()
    expect(await payload.kv.get<AccountPollState>(accountPollStateKey('x', '1500000000000000002'))).toMatchObject({ cursor: null })
    // The other account is not affected.
    expect(await accountRow(xAccount)).toMatchObject({ status: 'ok', last_error: null })

    expect((await poll()).errors).toBe(0)
    expect(revokedRequests()).toHaveLength(1)
    await payload.delete({ collection: 'network-accounts', id: revoked, overrideAccess: true })
    createdAccounts.splice(createdAccounts.indexOf(revoked), 1)
  })

  // Last: the account stays rate-limited in the database until a time the other tests do not reach.
  it('stops at a 429 until X’s reset, keeps the cursor, then resumes and loses nothing', async () => {
    const cursor = (await pollState())!.cursor
    const mentions: string[] = []
    for (let index = 0; index < 130; index++) mentions.push(x.postAs(amal, `@${x.account.username} Question ${index}`))
    const resetAt = new Date((Math.floor(Date.now() / 1000) + 900) * 1000)
    // The second page is refused: the first one alone must not move the cursor past the second.
    x.failNext(
      1,
      {
        method: 'GET',
        path: mentionsPath(),
        status: 429,
        body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        headers: { 'x-rate-limit-limit': '10', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetAt.getTime() / 1000) },
      },
      { afterMatching: 1 },
    )
    const before = mentionRequests().length

    expect((await poll()).errors).toBe(1)
    expect(mentionRequests().length - before).toBe(2)
    const limited = await accountRow(xAccount)
    expect(limited.status).toBe('rate_limited')
    expect(new Date(limited.rate_limited_until!).getTime()).toBe(resetAt.getTime())
    const state = await pollState()
    expect(state?.cursor).toBe(cursor)
    expect(state?.lastError).toBeTruthy()

    // Before the reset, X is not asked again.
    const waiting = mentionRequests().length
    await poll(new Date(resetAt.getTime() - 60_000))
    expect(mentionRequests()).toHaveLength(waiting)

    const resumed = await poll(new Date(resetAt.getTime() + 1000))
    expect(resumed).toMatchObject({ errors: 0 })
    expect(mentionRequests().slice(waiting)[0]!.query.get('since_id')).toBe(cursor)
    const stored = await interactionsByRemoteId(mentions)
    expect(stored.map((item) => item.remoteId)).toEqual(mentions)
    expect((await pollState())!.cursor).toBe(mentions.at(-1))
  })
})
