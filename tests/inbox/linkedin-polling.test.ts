/**
 * LinkedIn comments reach the inbox by polling (docs/networks.md#linkedin-comments-in-the-inbox):
 * the post's comments and each comment's replies are listed from the LinkedIn fake, stored once,
 * moderated, and an account LinkedIn limits or disconnects stops being polled.
 */
import type { Payload } from 'payload'

import { pollInbox } from '../../plugins/campaign-ops/inbox/polling'
import { encodeUrn, linkedinAdapter } from '../../plugins/campaign-ops/networks/linkedin/adapter'
import { createPublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import type { PublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import { createTokenCipher } from '../../plugins/campaign-ops/publishing/token-crypto'
import { sqlPool } from '../../src/infra/database'
import { startLinkedInFake } from '../networks/fakes/linkedin-fake'
import type { LinkedInFake } from '../networks/fakes/linkedin-fake'
import { testTokenKey } from '../publishing/publishing-fixtures'
import { startInboxApp } from './inbox-fixtures'
import type { InboxApp } from './inbox-fixtures'

const minutes = 60_000

let inbox: InboxApp
let payload: Payload
let linkedin: LinkedInFake
let runtime: PublishingRuntime
let pageAccount: number | undefined
let published = 0

const poll = (now = new Date()) => pollInbox(payload, { ...inbox.settings, actions: { ...inbox.settings.actions!, runtime }, lookbackDays: 7 }, now)

const interactions = async (where: Record<string, { equals: unknown }>) =>
  (await payload.find({ collection: 'interactions', where, overrideAccess: true, depth: 0, pagination: false })).docs

const interaction = async (remoteId: string) => (await interactions({ remoteId: { equals: remoteId } }))[0]

const syncOf = async (postRemoteId: string) =>
  (await payload.find({ collection: 'inbox-sync', where: { postRemoteId: { equals: postRemoteId } }, overrideAccess: true, depth: 0 })).docs[0]

const account = () => payload.findByID({ collection: 'network-accounts', id: pageAccount!, overrideAccess: true, depth: 0 })

const ago = (ms: number) => new Date(Date.now() - ms)

const nextUtcMidnight = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1))

/** Lists of comments under a post or a comment, as the poller asked for them. */
const listingsOf = (urn: string) =>
  linkedin.requests.filter((request) => request.method === 'GET' && request.path === `/rest/socialActions/${encodeUrn(urn)}/comments`)

/** A post published on the fake through the adapter an hour ago, and its variant in Badil. */
async function ourPost(): Promise<{ urn: string; variant: number }> {
  published += 1
  const { remoteId } = await linkedinAdapter.publish(
    {
      variantId: `linkedin-${published}`,
      platform: 'linkedin',
      text: `La peine alternative n’est pas l’impunité (${published})`,
      media: [],
      idempotencyKey: `linkedin-${published}`,
    },
    { accountId: linkedin.organization, accessToken: linkedin.token },
    runtime.adapterContext('linkedin'),
  )
  const variant = await inbox.publishPost(remoteId, { platform: 'linkedin', account: pageAccount, ago: 60 * minutes })
  return { urn: remoteId, variant }
}

beforeAll(async () => {
  inbox = await startInboxApp()
  payload = inbox.payload
  linkedin = await startLinkedInFake()
  runtime = createPublishingRuntime(
    { endpoints: { linkedin: { baseUrl: linkedin.baseUrl }, facebook: { baseUrl: inbox.meta.baseUrl }, instagram: { baseUrl: inbox.meta.baseUrl } } },
    createTokenCipher(Buffer.from(testTokenKey, 'hex')),
  )
  pageAccount = (
    await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'linkedin', connection: 'api', name: 'Page LinkedIn Badil', accountId: linkedin.organization, accessToken: linkedin.token },
    })
  ).id
})

afterAll(async () => {
  if (pageAccount && payload) await payload.delete({ collection: 'network-accounts', id: pageAccount, overrideAccess: true })
  await linkedin?.close()
  await inbox?.close()
})

describe('polling LinkedIn, whose comment webhooks need LinkedIn’s approval', () => {
  it('reads a post’s comments and their replies, linked to our post and moderated; deleted ones never arrive', async () => {
    const post = await ourPost()
    const questionAt = ago(40 * minutes)
    const question = linkedin.memberComments(post.urn, 'Encore une loi pour les riches', { actor: 'urn:li:person:amal', at: questionAt })
    const answer = linkedin.memberComments(question, 'Pas du tout, lisez la loi 43.22', { actor: 'urn:li:person:sara', at: ago(30 * minutes) })
    const thanks = linkedin.memberComments(question, 'Merci pour la précision', { actor: 'urn:li:person:omar', at: ago(20 * minutes) })
    const plain = linkedin.memberComments(post.urn, 'Bonne initiative, à partager', { actor: 'urn:li:person:nora', at: ago(10 * minutes) })
    const gone = linkedin.memberComments(post.urn, 'Commentaire retiré', { actor: 'urn:li:person:yassine', at: ago(15 * minutes) })
    linkedin.deleteComment(gone)

    const report = await poll()
    expect(report).toMatchObject({ errors: 0, foundOnlyByPolling: 4 })

    const stored = await interaction(question)
    expect(stored).toMatchObject({
      network: 'linkedin',
      kind: 'comment',
      postRemoteId: post.urn,
      variant: post.variant,
      account: pageAccount,
      accountRemoteId: linkedin.organization,
      parentRemoteId: null,
      arrivedBy: 'poll',
      authorHandle: null,
      fromAccountItself: false,
      text: 'Encore une loi pour les riches',
      remoteCreatedAt: questionAt.toISOString(),
      moderation: { category: 'misinformation' },
    })
    expect(stored!.authorPseudonym).toBeTruthy()
    expect((await inbox.logOf(stored!.id)).map((row) => row.kind)).toContain('decision')

    for (const reply of [answer, thanks]) {
      const storedReply = await interaction(reply)
      expect(storedReply).toMatchObject({ kind: 'reply', parentRemoteId: question, postRemoteId: post.urn, variant: post.variant, arrivedBy: 'poll' })
      expect(storedReply!.moderation?.decidedAt).toBeTruthy()
      expect(await inbox.logOf(storedReply!.id)).not.toHaveLength(0)
    }
    expect(await interaction(plain)).toMatchObject({ kind: 'comment', parentRemoteId: null })
    expect(await interaction(gone)).toBeUndefined()
    expect(await interactions({ postRemoteId: { equals: post.urn } })).toHaveLength(4)
    // Replies are asked for where a comment has some, and only there.
    expect(listingsOf(question)).toHaveLength(1)
    expect(listingsOf(plain)).toHaveLength(0)
    expect(await syncOf(post.urn)).toMatchObject({ network: 'linkedin', foundOnlyByPolling: 4, lastPollError: null })
  })

  it('reads every page of a busy post, and a second poll stores nothing twice and counts only the new comments', async () => {
    const post = await ourPost()
    // LinkedIn may serve fewer comments than asked: paging follows what came and the total.
    linkedin.limitCommentPages(10)
    try {
      const opinions: string[] = []
      for (let index = 0; index < 25; index++)
        opinions.push(
          linkedin.memberComments(post.urn, `Avis numéro ${index} sur le travail d’intérêt général`, {
            actor: `urn:li:person:p${index}`,
            at: ago((50 - index) * minutes),
          }),
        )
      expect(await poll()).toMatchObject({ errors: 0, foundOnlyByPolling: 25 })
      expect(listingsOf(post.urn).map((request) => request.query.get('start'))).toEqual(['0', '10', '20'])
      expect(await interactions({ postRemoteId: { equals: post.urn } })).toHaveLength(25)

      // LinkedIn lists oldest first: the new comment is on the last page, and the new reply sits
      // under a comment older than the last poll.
      const late = linkedin.memberComments(post.urn, 'Et pour les mineurs ?', { actor: 'urn:li:person:late' })
      const lateReply = linkedin.memberComments(opinions[0]!, 'Je réponds tard, mais je suis d’accord', { actor: 'urn:li:person:tardif' })
      expect(await poll()).toMatchObject({ errors: 0, foundOnlyByPolling: 2 })
      expect(await interactions({ postRemoteId: { equals: post.urn } })).toHaveLength(27)
      expect(await interaction(late)).toMatchObject({ arrivedBy: 'poll', kind: 'comment' })
      expect(await interaction(lateReply)).toMatchObject({ kind: 'reply', parentRemoteId: opinions[0] })
      expect(await syncOf(post.urn)).toMatchObject({ foundOnlyByPolling: 27, lastPollError: null })
    } finally {
      linkedin.limitCommentPages()
    }
  })

  it('follows an edited comment’s new text, and keeps the Page’s own comment as its own, unmoderated', async () => {
    const post = await ourPost()
    const opinion = linkedin.memberComments(post.urn, 'Je suis pour', { actor: 'urn:li:person:karim', at: ago(30 * minutes) })
    await poll()
    expect(await interaction(opinion)).toMatchObject({ text: 'Je suis pour' })

    const editedAt = ago(minutes)
    linkedin.editComment(opinion, 'Je suis pour, avec des garanties pour les victimes', editedAt)
    const ours = linkedin.memberComments(opinion, 'Merci, le guide des victimes est en ligne', { actor: linkedin.organization })
    expect(await poll()).toMatchObject({ errors: 0, foundOnlyByPolling: 1 })

    expect(await interaction(opinion)).toMatchObject({
      text: 'Je suis pour, avec des garanties pour les victimes',
      remoteUpdatedAt: editedAt.toISOString(),
    })
    expect(await interactions({ remoteId: { equals: opinion } })).toHaveLength(1)
    const own = await interaction(ours)
    expect(own).toMatchObject({ kind: 'reply', parentRemoteId: opinion, fromAccountItself: true, status: 'closed', slaDueAt: null })
    expect(await inbox.logOf(own!.id)).toHaveLength(0)
  })

  it('stops at a 429 until the next UTC midnight (LinkedIn sends no reset), and the first poll after it resumes', async () => {
    const post = await ourPost()
    const waiting = linkedin.memberComments(post.urn, 'Question sur le bracelet électronique', { actor: 'urn:li:person:leila', at: ago(5 * minutes) })
    linkedin.failNext(1, {
      status: 429,
      body: { status: 429, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle limit for calls to this resource is reached.' },
      method: 'GET',
      path: /^\/rest\/socialActions\/[^/]+\/comments$/,
    })
    const before = new Date()
    expect(await poll()).toMatchObject({ errors: 1, foundOnlyByPolling: 0 })
    const after = new Date()

    const limited = await account()
    expect(limited.status).toBe('rate_limited')
    expect([nextUtcMidnight(before).toISOString(), nextUtcMidnight(after).toISOString()]).toContain(new Date(limited.rateLimitedUntil!).toISOString())
    expect(await interaction(waiting)).toBeUndefined()
    expect((await syncOf(post.urn))!.lastPollError).toBeTruthy()

    // Until midnight the account is not asked anything.
    const asked = linkedin.requests.length
    await poll()
    expect(linkedin.requests.length).toBe(asked)

    const report = await poll(new Date(new Date(limited.rateLimitedUntil!).getTime() + minutes))
    expect(report.errors).toBe(0)
    expect(await interaction(waiting)).toMatchObject({ arrivedBy: 'poll', postRemoteId: post.urn })
    expect((await syncOf(post.urn))!.lastPollError).toBeNull()

    // The next test polls at the real time: the limit, which ran out by the clock of the poll above, is cleared.
    await sqlPool(payload).query(`UPDATE network_accounts SET status = 'ok', rate_limited_until = NULL WHERE id = $1`, [pageAccount])
  })

  it('marks the account for reconnecting when LinkedIn refuses its token, and stops asking', async () => {
    await ourPost()
    linkedin.expireToken()
    expect(await poll()).toMatchObject({ errors: 1 })
    const refused = await account()
    expect(refused.status).toBe('needs_reconnect')
    expect(refused.lastError).toBeTruthy()

    const asked = linkedin.requests.length
    await poll()
    expect(linkedin.requests.length).toBe(asked)
  })
})
