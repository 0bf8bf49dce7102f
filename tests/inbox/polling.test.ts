import fs from 'node:fs'

import pg from 'pg'
import type { Payload } from 'payload'

import { drainDeliveries } from '../../plugins/campaign-ops/inbox/deliveries'
import { pollInbox } from '../../plugins/campaign-ops/inbox/polling'
import { inboxQueue } from '../../plugins/campaign-ops/inbox/queue'
import { checkSilentAccounts } from '../../plugins/campaign-ops/inbox/silence'
import { createPublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import { createTokenCipher } from '../../plugins/campaign-ops/publishing/token-crypto'
import { FAKE_PAGE_ID } from '../networks/fakes/meta-graph-fake'
import { YoutubeFake } from '../networks/fakes/youtube-fake'
import { testTokenKey } from '../publishing/publishing-fixtures'
import { mailDropDirectory } from '../../src/infra/mailer'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { startInboxApp } from './inbox-fixtures'
import type { InboxApp } from './inbox-fixtures'

let inbox: InboxApp
let payload: Payload
let meta: MetaGraphFake
const poll = (now = new Date()) => pollInbox(payload, { ...inbox.settings, actions: inbox.settings.actions!, lookbackDays: 7 }, now)

const interaction = async (remoteId: string) =>
  (await payload.find({ collection: 'interactions', where: { remoteId: { equals: remoteId } }, overrideAccess: true, depth: 0 })).docs

const syncOf = async (postRemoteId: string) =>
  (await payload.find({ collection: 'inbox-sync', where: { postRemoteId: { equals: postRemoteId } }, overrideAccess: true, depth: 0 })).docs[0]

beforeAll(async () => {
  inbox = await startInboxApp()
  ;({ payload, meta } = inbox)
})

afterAll(async () => {
  await inbox?.close()
})

describe('polling YouTube, which has no comment webhook', () => {
  let youtube: YoutubeFake
  let channelId: number | undefined
  beforeAll(async () => {
    youtube = await YoutubeFake.start()
  })
  afterAll(async () => {
    // The other tests poll with the documented hosts for YouTube: no channel may be left to poll.
    if (channelId) await payload.delete({ collection: 'network-accounts', id: channelId, overrideAccess: true })
    await youtube?.stop()
  })

  it('reads a video’s comment threads and every reply, page after page', async () => {
    const channel = await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'youtube', connection: 'api', name: 'Chaîne Badil', accountId: youtube.channelId, accessToken: 'yt-valid-token' },
    })
    channelId = channel.id
    await inbox.publishPost('yt-video-1', { platform: 'youtube', account: channel.id })
    const busy = youtube.viewerComments('yt-video-1', 'Question : qui contrôle le bracelet ?', { channelId: 'UCviewer1', name: 'Amal' })
    for (let index = 0; index < 7; index++) youtube.viewerComments('yt-video-1', `Réponse ${index}`, { channelId: `UCreply${index}`, name: `R${index}` }, busy)
    for (let index = 0; index < 120; index++) youtube.viewerComments('yt-video-1', `Avis ${index}`, { channelId: `UCv${index}`, name: `V${index}` })
    const runtime = createPublishingRuntime(
      { endpoints: { youtube: { baseUrl: youtube.baseUrl }, facebook: { baseUrl: meta.baseUrl }, instagram: { baseUrl: meta.baseUrl } } },
      createTokenCipher(Buffer.from(testTokenKey, 'hex')),
    )
    const report = await pollInbox(payload, { ...inbox.settings, actions: { ...inbox.settings.actions!, runtime }, lookbackDays: 7 })
    expect(report).toMatchObject({ errors: 0, foundOnlyByPolling: 128 })
    expect(youtube.callsTo('commentThreads.list')).toHaveLength(2)
    // The thread showed 5 of its 7 replies: the rest were asked for.
    expect(youtube.callsTo('comments.list').map((call) => call.url.searchParams.get('parentId'))).toEqual([busy])
    const [question] = await interaction(busy)
    expect(question).toMatchObject({ network: 'youtube', arrivedBy: 'poll', authorHandle: 'Amal', postRemoteId: 'yt-video-1' })
    const replies = await payload.find({ collection: 'interactions', where: { parentRemoteId: { equals: busy } }, overrideAccess: true })
    expect(replies.totalDocs).toBe(7)
  })
})

describe('polling our posts’ comments', () => {
  it('finds the comment whose webhook was lost, once, and tells which only the poll found', async () => {
    const post = `${FAKE_PAGE_ID}_910000001`
    await inbox.publishPost(post)
    const heard = await meta.userComments('facebook', post, 'Merci pour cette campagne', { id: '7501', name: 'Leila' })
    await drainDeliveries(payload, inbox.settings)
    const lost = await meta.userComments('facebook', post, 'Encore une loi pour les riches', { id: '7502', name: 'Omar' }, { silently: true })
    const reply = await meta.userComments('facebook', lost.commentId, 'Pas du tout, lisez la loi', { id: '7503', name: 'Sara' }, { silently: true })

    const report = await poll()
    expect(report).toMatchObject({ accounts: 1, posts: 1, found: 3, foundOnlyByPolling: 2, errors: 0 })
    expect(await interaction(heard.commentId)).toHaveLength(1)
    const [found] = await interaction(lost.commentId)
    expect(found).toMatchObject({ arrivedBy: 'poll', authorHandle: 'Omar', postRemoteId: post, moderation: { category: 'misinformation' } })
    const [answer] = await interaction(reply.commentId)
    expect(answer).toMatchObject({ kind: 'reply', parentRemoteId: lost.commentId })
    // The same author has one pseudonym whichever way their comments came.
    const byWebhook = await meta.userComments('facebook', post, 'Et encore une fois', { id: '7502', name: 'Omar' })
    await drainDeliveries(payload, inbox.settings)
    expect((await interaction(byWebhook.commentId))[0]!.authorPseudonym).toBe(found!.authorPseudonym)

    const sync = await syncOf(post)
    expect(sync).toMatchObject({ foundOnlyByPolling: 2, lastPollError: null })
    expect(sync!.lastWebhookAt).toBeTruthy()
    expect(sync!.lastPollAt).toBeTruthy()

    expect(await poll()).toMatchObject({ found: 4, foundOnlyByPolling: 0 })
    expect((await payload.find({ collection: 'interactions', where: { postRemoteId: { equals: post } }, overrideAccess: true })).totalDocs).toBe(4)
  })

  it('reads every page of a busy post, back to the last poll only', async () => {
    const post = `${FAKE_PAGE_ID}_910000002`
    await inbox.publishPost(post)
    for (let index = 0; index < 105; index++)
      await meta.userComments('facebook', post, `Avis numéro ${index}`, { id: `80${index}`, name: `P${index}` }, { silently: true })
    const first = await poll()
    expect(first.foundOnlyByPolling).toBe(105)
    const pages = meta.state.requests.filter((request) => request.method === 'GET' && request.path === `/${post}/comments`)
    expect(pages).toHaveLength(2)
    expect(pages[1]!.params.after).toBeTruthy()
    // The next poll reads back to the last one (with its overlap), not the whole post: once these
    // comments are half an hour old, one page shows there is nothing newer.
    for (const comment of meta.state.comments.values()) comment.createdTime = new Date(Date.parse(comment.createdTime) - 30 * 60_000).toISOString()
    const before = meta.state.requests.length
    expect(await poll()).toMatchObject({ foundOnlyByPolling: 0 })
    const again = meta.state.requests.slice(before).filter((request) => request.path === `/${post}/comments`)
    expect(again).toHaveLength(1)
  })

  it('leaves a post older than the look-back alone', async () => {
    const post = `${FAKE_PAGE_ID}_910000003`
    await inbox.publishPost(post, { ago: 10 * 86_400_000 })
    await meta.userComments('facebook', post, 'Ancien commentaire', { id: '7601', name: 'Ancien' }, { silently: true })
    await poll()
    expect(meta.state.requests.some((request) => request.path === `/${post}/comments`)).toBe(false)
  })

  it('stops polling an account the network rate-limits, until the limit ends, and resumes from its cursor', async () => {
    const post = `${FAKE_PAGE_ID}_910000004`
    await inbox.publishPost(post)
    const lost = await meta.userComments('facebook', post, 'Question sur le bracelet', { id: '7701', name: 'Nora' }, { silently: true })
    meta.failNext({
      count: 20,
      status: 400,
      error: { code: 4, message: '(#4) Application request limit reached', is_transient: true },
      match: { method: 'GET', path: /\/comments$/ },
    })
    const limited = await poll()
    expect(limited.errors).toBe(1)
    const client = new pg.Client({ connectionString: inbox.app.databaseUrl })
    await client.connect()
    try {
      const account = (await client.query('SELECT status, rate_limited_until FROM network_accounts WHERE id = $1', [inbox.pageAccount])).rows[0]
      expect(account.status).toBe('rate_limited')
      expect(new Date(account.rate_limited_until).getTime()).toBeGreaterThan(Date.now())
      const skipped = await poll()
      expect(skipped.accounts).toBe(0)
      await client.query(`UPDATE network_accounts SET status = 'ok', rate_limited_until = NULL WHERE id = $1`, [inbox.pageAccount])
    } finally {
      await client.end()
    }
    meta.state.failures.length = 0
    expect((await poll()).errors).toBe(0)
    expect(await interaction(lost.commentId)).toHaveLength(1)
  })
})

describe('an account that stops hearing anything', () => {
  it('is marked silent once, with an e-mail to NCSC and the community managers, and cleared when something arrives', async () => {
    const quiet = await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'facebook', connection: 'api', name: 'Page régionale', accountId: '555000222', accessToken: 'EAAother' },
    })
    const now = new Date()
    // About four comments a day for two weeks, then nothing for a day and a half.
    for (let index = 0; index < 50; index++) {
      await payload.create({
        collection: 'interactions',
        overrideAccess: true,
        data: {
          network: 'facebook',
          account: quiet.id,
          accountRemoteId: '555000222',
          kind: 'comment',
          remoteId: `quiet-${index}`,
          status: 'closed',
          receivedAt: new Date(now.getTime() - 36 * 3_600_000 - index * 5 * 3_600_000).toISOString(),
        },
      })
    }
    const first = await checkSilentAccounts(payload, now)
    expect(first.silent).toEqual([quiet.id])
    const marked = await payload.findByID({ collection: 'network-accounts', id: quiet.id, overrideAccess: true })
    expect(new Date(marked.inboxSilentSince!).getTime()).toBe(now.getTime() - 36 * 3_600_000)
    expect((await checkSilentAccounts(payload, now)).silent).toEqual([])

    const mailDir = mailDropDirectory(inbox.app.dataDirPath)
    const before = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).length : 0
    await payload.jobs.run({ queue: inboxQueue })
    const mails = fs
      .readdirSync(mailDir)
      .sort()
      .slice(before)
      .map((name) => fs.readFileSync(`${mailDir}/${name}`, 'utf8'))
    expect(mails.map((mail) => /^To: (.*)$/m.exec(mail)?.[1]).sort()).toEqual([inbox.accounts.cm.email, inbox.accounts.ncsc.email].sort())
    for (const mail of mails) {
      // A text part and an HTML part, each with the link to the reception state.
      expect(mail).toMatch(/Content-Type: text\/plain/i)
      expect(mail).toMatch(/Content-Type: text\/html/i)
      expect(mail.split('/admin/collections/inbox-sync').length - 1).toBeGreaterThanOrEqual(2)
    }

    await payload.create({
      collection: 'interactions',
      overrideAccess: true,
      data: {
        network: 'facebook',
        account: quiet.id,
        accountRemoteId: '555000222',
        kind: 'comment',
        remoteId: 'quiet-back',
        status: 'new',
        receivedAt: now.toISOString(),
      },
    })
    expect((await checkSilentAccounts(payload, now)).cleared).toEqual([quiet.id])
    // The Page the other tests use hears comments every few minutes: never silent.
    expect(first.silent).not.toContain(inbox.pageAccount)
    await payload.delete({ collection: 'network-accounts', id: quiet.id, overrideAccess: true })
  })
})
