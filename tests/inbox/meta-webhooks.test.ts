import pg from 'pg'
import type { Payload } from 'payload'

import { drainDeliveries } from '../../plugins/campaign-ops/inbox/deliveries'
import { defaultSlaMinutes } from '../../plugins/campaign-ops/inbox/ingest'
import { verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { seedModerationLibrary } from '../../plugins/campaign-ops/moderation/seed-library'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { FAKE_IG_USER_ID, FAKE_PAGE_ID, startMetaGraphFake } from '../networks/fakes/meta-graph-fake'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { metaJson, pageDelivery, sendMetaDelivery, signMetaBody } from '../networks/fakes/meta-webhook-sender'

const appSecret = 'meta-app-secret-for-tests-0123456789'
const verifyToken = 'badil-verify-token-0123456789'
const settings = { variantsSlug: 'platform-variants', slaMinutes: defaultSlaMinutes }

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let meta: MetaGraphFake
let callback: string
let pageAccount: number
let ourPost: { variant: number; remoteId: string }

const interactionsOf = async (remoteId: string) =>
  (await payload.find({ collection: 'interactions', where: { remoteId: { equals: remoteId } }, overrideAccess: true, depth: 0 })).docs

const deliveryCount = async () => {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    return Number((await client.query('SELECT count(*) AS n FROM inbound_deliveries')).rows[0].n)
  } finally {
    await client.end()
  }
}

async function publishedVariant(remoteId: string): Promise<number> {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const item = await client.query(`INSERT INTO content_items (format, sensitivity, workflow_state) VALUES ('post', 'normal', 'published') RETURNING id`)
    const { rows } = await client.query(
      `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, remote_id, network_account_id, attempts)
       VALUES ('facebook · fr', $1, 'facebook', 'fr', 'La peine alternative n’est pas l’impunité', 'published', $2, $3, 1) RETURNING id`,
      [item.rows[0].id, remoteId, pageAccount],
    )
    return Number(rows[0].id)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  app = await startTestPayload({ config: { inbox: { meta: { appSecret, verifyToken }, processOnArrival: false } } })
  payload = app.payload
  await seedModerationLibrary(payload, { activateRules: true })
  http = await startHttpServer(app.config)
  meta = await startMetaGraphFake()
  callback = `${http.baseUrl}/api/inbox/webhooks/meta`
  meta.subscribeWebhooks(callback, appSecret)
  pageAccount = (
    await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'facebook', connection: 'manual', name: 'Page Badil', accountId: FAKE_PAGE_ID },
    })
  ).id
  const remoteId = `${FAKE_PAGE_ID}_900100200`
  ourPost = { remoteId, variant: await publishedVariant(remoteId) }
})

afterAll(async () => {
  await meta?.close()
  await http?.close()
  await app?.close()
})

describe('Meta webhook verification', () => {
  const verify = (query: string) => fetch(`${callback}?${query}`)

  it('answers the challenge as plain text when the verify token matches', async () => {
    const response = await verify(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${verifyToken}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(await response.text()).toBe('1158201444')
  })

  it('refuses a wrong token, a wrong mode or a missing challenge with 403', async () => {
    for (const query of [
      'hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong',
      `hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=${verifyToken}`,
      `hub.mode=subscribe&hub.verify_token=${verifyToken}`,
      '',
    ]) {
      const response = await verify(query)
      expect(response.status).toBe(403)
      expect((await response.json()).errors[0].code).toBe('verification_refused')
    }
  })
})

describe('Meta webhook deliveries', () => {
  it('a comment posted on the fake network reaches the inbox, moderated and logged', async () => {
    const { commentId, delivery } = await meta.userComments('facebook', ourPost.remoteId, 'Ces peines alternatives, c’est l’impunité pour les riches', {
      id: '7001',
      name: 'Karim B.',
    })
    expect(delivery).toEqual({ status: 200, text: 'EVENT_RECEIVED' })
    // Stored before the answer, read by the job afterwards.
    expect(await interactionsOf(commentId)).toEqual([])
    expect(await drainDeliveries(payload, settings)).toMatchObject({ deliveries: 1, events: 1, failed: 0 })

    const [interaction] = await interactionsOf(commentId)
    expect(interaction).toMatchObject({
      network: 'facebook',
      kind: 'comment',
      account: pageAccount,
      accountRemoteId: FAKE_PAGE_ID,
      postRemoteId: ourPost.remoteId,
      variant: ourPost.variant,
      authorHandle: 'Karim B.',
      text: 'Ces peines alternatives, c’est l’impunité pour les riches',
      language: 'fr',
      arrivedBy: 'webhook',
      status: 'new',
      fromAccountItself: false,
    })
    expect(interaction!.authorPseudonym).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.stringify(interaction)).not.toContain('7001')
    expect(interaction!.moderation).toMatchObject({ flagged: true, category: 'misinformation' })
    expect(new Date(interaction!.slaDueAt!).getTime() - new Date(interaction!.receivedAt).getTime()).toBe(defaultSlaMinutes.comment * 60_000)

    const log = await payload.find({ collection: 'moderation-log', where: { itemRef: { equals: `interactions/${interaction!.id}` } }, overrideAccess: true })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0]).toMatchObject({ kind: 'decision', actorType: 'rule', category: 'misinformation', platform: 'facebook' })
    expect(log.docs[0]!.commenterPseudonym).toBe(interaction!.authorPseudonym)
    expect((await verifyModerationLog(payload)).problems).toEqual([])
  })

  it('reads Instagram comments, Darija in Latin letters included', async () => {
    const { commentId, delivery } = await meta.userComments('instagram', '17900000000000001', 'lli 3ando chi derham kaykhrej mn l7abs', {
      id: '8002',
      name: 'said.casa',
    })
    expect(delivery?.status).toBe(200)
    await drainDeliveries(payload, settings)
    const [interaction] = await interactionsOf(commentId)
    expect(interaction).toMatchObject({
      network: 'instagram',
      accountRemoteId: FAKE_IG_USER_ID,
      authorHandle: 'said.casa',
      language: 'ary_latin',
      account: null,
    })
  })

  it('refuses a forged or missing signature with 401 and stores nothing', async () => {
    const before = await deliveryCount()
    const body = pageDelivery(FAKE_PAGE_ID, 1765000000, [
      { verb: 'add', commentId: '900100200_1', postId: ourPost.remoteId, message: 'forgé', createdTime: 1765000000 },
    ])
    const forged = await sendMetaDelivery(callback, body, appSecret, { signature: signMetaBody(metaJson(body), 'not-the-secret') })
    const missing = await sendMetaDelivery(callback, body, appSecret, { signature: null })
    const truncated = await sendMetaDelivery(callback, body, appSecret, { signature: signMetaBody(metaJson(body), appSecret).slice(0, 20) })
    for (const answer of [forged, missing, truncated]) {
      expect(answer.status).toBe(401)
      expect(JSON.parse(answer.text).errors[0]).toMatchObject({ code: 'bad_signature', field: 'X-Hub-Signature-256' })
    }
    expect(await deliveryCount()).toBe(before)
  })

  it('checks the signature over the raw bytes: the same JSON serialized again does not pass', async () => {
    const body = pageDelivery(FAKE_PAGE_ID, 1765000001, [
      { verb: 'add', commentId: '900100200_2', postId: ourPost.remoteId, message: 'الحبس للفقراء', createdTime: 1765000001 },
    ])
    const raw = metaJson(body)
    expect(raw).toContain('\\u0627')
    const reserialized = await sendMetaDelivery(callback, body, appSecret, { raw: JSON.stringify(body), signature: signMetaBody(raw, appSecret) })
    expect(reserialized.status).toBe(401)
    expect((await sendMetaDelivery(callback, body, appSecret)).status).toBe(200)
  })

  it('stores a retried delivery once, and a comment found twice once', async () => {
    const time = 1765000100
    const body = pageDelivery(FAKE_PAGE_ID, time, [
      { verb: 'add', commentId: '900100200_3', postId: ourPost.remoteId, message: 'Merci pour ces explications', createdTime: time },
    ])
    const before = await deliveryCount()
    expect((await sendMetaDelivery(callback, body, appSecret)).status).toBe(200)
    expect((await sendMetaDelivery(callback, body, appSecret)).status).toBe(200)
    expect(await deliveryCount()).toBe(before + 1)
    // A second delivery naming the same comment (another batch): stored, but one interaction.
    const batched = pageDelivery(FAKE_PAGE_ID, time + 1, [
      { verb: 'add', commentId: '900100200_3', postId: ourPost.remoteId, message: 'Merci pour ces explications', createdTime: time },
    ])
    expect((await sendMetaDelivery(callback, batched, appSecret)).status).toBe(200)
    await drainDeliveries(payload, settings)
    expect(await interactionsOf('900100200_3')).toHaveLength(1)
  })

  it('applies edits and removals by the network’s time, whatever order they arrive in', async () => {
    const id = '900100200_4'
    const at = (seconds: number) => 1765001000 + seconds
    const add = pageDelivery(FAKE_PAGE_ID, at(0), [{ verb: 'add', commentId: id, postId: ourPost.remoteId, message: 'Première version', createdTime: at(0) }])
    const edit = pageDelivery(FAKE_PAGE_ID, at(60), [
      { verb: 'edited', commentId: id, postId: ourPost.remoteId, message: 'Version corrigée', createdTime: at(0) },
    ])
    const remove = pageDelivery(FAKE_PAGE_ID, at(120), [{ verb: 'remove', commentId: id, postId: ourPost.remoteId, createdTime: at(0) }])
    // The removal arrives first, then the edit, then the comment itself.
    for (const body of [remove, edit, add]) {
      expect((await sendMetaDelivery(callback, body, appSecret)).status).toBe(200)
      await drainDeliveries(payload, settings)
    }
    const [interaction] = await interactionsOf(id)
    expect(interaction!.removedOnNetworkAt).toBe(new Date(at(120) * 1000).toISOString())
    expect(interaction!.remoteUpdatedAt).toBe(new Date(at(120) * 1000).toISOString())

    // In order, an edit replaces the text and is moderated again.
    const other = '900100200_5'
    for (const body of [
      pageDelivery(FAKE_PAGE_ID, at(200), [{ verb: 'add', commentId: other, postId: ourPost.remoteId, message: 'Bonne initiative', createdTime: at(200) }]),
      pageDelivery(FAKE_PAGE_ID, at(260), [
        { verb: 'edited', commentId: other, postId: ourPost.remoteId, message: 'Encore une loi pour les riches', createdTime: at(200) },
      ]),
      pageDelivery(FAKE_PAGE_ID, at(230), [
        { verb: 'edited', commentId: other, postId: ourPost.remoteId, message: 'Version intermédiaire arrivée en retard', createdTime: at(200) },
      ]),
    ]) {
      await sendMetaDelivery(callback, body, appSecret)
    }
    await drainDeliveries(payload, settings)
    const [edited] = await interactionsOf(other)
    expect(edited!.text).toBe('Encore une loi pour les riches')
    const decisions = await payload.find({
      collection: 'moderation-log',
      where: { itemRef: { equals: `interactions/${edited!.id}` } },
      overrideAccess: true,
      sort: 'sequence',
    })
    expect(decisions.docs.map((row) => row.kind)).toEqual(['decision', 'decision'])
    expect(decisions.docs[1]!.before).toMatchObject({ text: 'Bonne initiative' })
  })

  it('keeps a comment addressed to an account Badil does not know, and the Page’s own answers unmoderated', async () => {
    const time = 1765002000
    const unknownPage = pageDelivery('555000111', time, [
      { verb: 'add', commentId: '555000111_9', postId: '555000111_1', message: 'Bonjour', from: { id: '9', name: 'Nadia' }, createdTime: time },
    ])
    const ownAnswer = pageDelivery(FAKE_PAGE_ID, time, [
      {
        verb: 'add',
        commentId: '900100200_6',
        postId: ourPost.remoteId,
        parentId: '900100200_3',
        message: 'Merci à vous',
        from: { id: FAKE_PAGE_ID, name: 'Badil' },
        createdTime: time,
      },
    ])
    await sendMetaDelivery(callback, unknownPage, appSecret)
    await sendMetaDelivery(callback, ownAnswer, appSecret)
    await drainDeliveries(payload, settings)
    expect((await interactionsOf('555000111_9'))[0]).toMatchObject({ account: null, accountRemoteId: '555000111', status: 'new' })
    const [own] = await interactionsOf('900100200_6')
    expect(own).toMatchObject({ kind: 'reply', parentRemoteId: '900100200_3', fromAccountItself: true, status: 'closed', slaDueAt: null })
    const log = await payload.find({ collection: 'moderation-log', where: { itemRef: { equals: `interactions/${own!.id}` } }, overrideAccess: true })
    expect(log.docs).toEqual([])
  })

  it('answers 400 to a body that is not a Meta delivery, and 413 past the size limit', async () => {
    const notJson = await sendMetaDelivery(callback, null, appSecret, { raw: '{"object":"page",' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.text).errors[0]).toMatchObject({ code: 'invalid_delivery', field: 'body' })
    const otherObject = await sendMetaDelivery(callback, { object: 'user', entry: [] }, appSecret)
    expect(otherObject.status).toBe(400)
    const huge = await sendMetaDelivery(callback, null, appSecret, { raw: JSON.stringify({ object: 'page', entry: [], padding: 'x'.repeat(1024 * 1024) }) })
    expect(huge.status).toBe(413)
  })

  it('a delivery whose processing crashed is read again after its lease, once', async () => {
    const client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    try {
      const time = 1765003000
      await sendMetaDelivery(
        callback,
        pageDelivery(FAKE_PAGE_ID, time, [
          { verb: 'add', commentId: '900100200_7', postId: ourPost.remoteId, message: 'Et les victimes ?', createdTime: time },
        ]),
        appSecret,
      )
      // An instance claimed it and died: the claim still holds, nobody else takes it.
      await client.query(`UPDATE inbound_deliveries SET claimed_until = now() + interval '1 minute', attempts = 1 WHERE processed_at IS NULL`)
      expect(await drainDeliveries(payload, settings)).toMatchObject({ deliveries: 0 })
      await client.query(`UPDATE inbound_deliveries SET claimed_until = now() - interval '1 second' WHERE processed_at IS NULL`)
      expect(await drainDeliveries(payload, settings)).toMatchObject({ deliveries: 1, events: 1 })
      expect(await interactionsOf('900100200_7')).toHaveLength(1)
    } finally {
      await client.end()
    }
  })

  it('gives each new comment the answer time NCSC set, or the default', async () => {
    await payload.updateGlobal({ slug: 'inbox-settings', data: { commentHours: 6 }, overrideAccess: true })
    const { commentId } = await meta.userComments('facebook', ourPost.remoteId, 'Quand la loi entre-t-elle en vigueur ?', { id: '7801', name: 'Ilyas' })
    await drainDeliveries(payload, settings)
    const [interaction] = await interactionsOf(commentId)
    expect(new Date(interaction!.slaDueAt!).getTime() - new Date(interaction!.receivedAt).getTime()).toBe(6 * 3_600_000)
    await payload.updateGlobal({ slug: 'inbox-settings', data: { commentHours: null }, overrideAccess: true })
  })
})
