/**
 * Private messages to the Facebook Page (Messenger) and the Instagram account: signed messaging
 * webhooks read into `dm` interactions grouped by conversation, answered once through the Send API
 * within Meta's 24-hour window, and never hidden nor deleted.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { drainDeliveries } from '../../plugins/campaign-ops/inbox/deliveries'
import { defaultSlaMinutes } from '../../plugins/campaign-ops/inbox/ingest'
import { verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { readMetaDelivery } from '../../plugins/campaign-ops/networks/meta/webhook'
import { pluginText } from '../../plugins/campaign-ops/translations'
import type { Interaction } from '../../payload-types'
import { FAKE_IG_USER_ID, FAKE_PAGE_ID, FAKE_TOKEN, FAKE_USER_TOKEN, MESSAGING_WINDOW_MS } from '../networks/fakes/meta-graph-fake'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { messagingDelivery, metaJson, sendMetaDelivery, signMetaBody } from '../networks/fakes/meta-webhook-sender'
import { inboxAppSecret, startInboxApp } from './inbox-fixtures'
import type { InboxApp } from './inbox-fixtures'

let inbox: InboxApp
let payload: Payload
let meta: MetaGraphFake
let callback: string
let instagramAccount: number

let keyCounter = 0
const key = () => `dm-reply-key-${Date.now()}-${keyCounter++}`
const hours = (count: number) => count * 3_600_000

const interactionOf = async (remoteId: string): Promise<Interaction | undefined> =>
  (await payload.find({ collection: 'interactions', where: { remoteId: { equals: remoteId } }, overrideAccess: true, depth: 0 })).docs[0]

/** A person writes to the Page or the Instagram account; the delivery is read into the inbox. */
async function message(network: 'facebook' | 'instagram', text: string, personId: string, options: { at?: Date } = {}) {
  const { messageId, delivery } = await meta.userMessages(network, text, { id: personId }, options)
  expect(delivery).toEqual({ status: 200, text: 'EVENT_RECEIVED' })
  await drainDeliveries(payload, inbox.settings)
  const interaction = await interactionOf(messageId)
  expect(interaction).toBeDefined()
  return { messageId, interaction: interaction! }
}

/** What the accounts sent through the Send API. */
const sentThroughSendApi = () => meta.state.directMessages.filter((sent) => !sent.fromPerson && sent.messagingType !== null)
const sendApiCalls = () => meta.state.requests.filter((request) => request.method === 'POST' && /\/messages$/.test(request.path))

async function backdateInBadil(interactionId: number, writtenAt: Date) {
  const client = new pg.Client({ connectionString: inbox.app.databaseUrl })
  await client.connect()
  try {
    await client.query('UPDATE interactions SET remote_created_at = $2 WHERE id = $1', [interactionId, writtenAt])
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  inbox = await startInboxApp()
  ;({ payload, meta } = inbox)
  callback = `${inbox.http.baseUrl}/api/inbox/webhooks/meta`
  instagramAccount = (
    await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'instagram', connection: 'api', name: '@badil.ma', accountId: FAKE_IG_USER_ID, accessToken: FAKE_TOKEN },
    })
  ).id
})

afterAll(async () => {
  await inbox?.close()
})

describe('reading messaging webhooks', () => {
  it('reads a message, an echo and an unsent message, and leaves reads and deliveries out', () => {
    const at = Date.UTC(2025, 8, 1, 10, 0, 0, 123)
    const events = readMetaDelivery({
      object: 'page',
      entry: [
        {
          id: FAKE_PAGE_ID,
          time: at,
          messaging: [
            { sender: { id: '2901' }, recipient: { id: FAKE_PAGE_ID }, timestamp: at, message: { mid: 'm_1', text: 'Salam' } },
            { sender: { id: FAKE_PAGE_ID }, recipient: { id: '2901' }, timestamp: at + 1, message: { mid: 'm_2', text: 'Bonjour', is_echo: true } },
            { sender: { id: '2901' }, recipient: { id: FAKE_PAGE_ID }, timestamp: at + 2, message: { mid: 'm_3', is_deleted: true } },
            { sender: { id: '2901' }, recipient: { id: FAKE_PAGE_ID }, timestamp: at + 3, read: { watermark: at } },
            { sender: { id: '2901' }, recipient: { id: FAKE_PAGE_ID }, timestamp: at + 4, delivery: { mids: ['m_2'], watermark: at } },
          ],
        },
      ],
    })
    expect(events).toEqual([
      {
        network: 'facebook',
        accountRemoteId: FAKE_PAGE_ID,
        remoteId: 'm_1',
        kind: 'dm',
        verb: 'add',
        postRemoteId: null,
        parentRemoteId: 'dm:2901',
        author: { id: '2901', handle: null },
        text: 'Salam',
        occurredAt: new Date(at),
        createdAt: new Date(at),
        fromAccountItself: false,
      },
      expect.objectContaining({
        remoteId: 'm_2',
        accountRemoteId: FAKE_PAGE_ID,
        parentRemoteId: 'dm:2901',
        author: { id: FAKE_PAGE_ID, handle: null },
        fromAccountItself: true,
      }),
      expect.objectContaining({ remoteId: 'm_3', verb: 'remove', text: null, parentRemoteId: 'dm:2901', occurredAt: new Date(at + 2), createdAt: null }),
    ])
  })
})

describe('private messages in the inbox', () => {
  it('a message to the Page arrives as a DM, with the DM answer time, moderated and logged like a comment', async () => {
    const writtenAt = new Date(Date.now() - 60_000)
    const { interaction } = await message('facebook', 'Encore une loi pour les riches, non ?', '2001', { at: writtenAt })
    expect(interaction).toMatchObject({
      network: 'facebook',
      kind: 'dm',
      account: inbox.pageAccount,
      accountRemoteId: FAKE_PAGE_ID,
      postRemoteId: null,
      variant: null,
      parentRemoteId: 'dm:2001',
      authorHandle: null,
      fromAccountItself: false,
      arrivedBy: 'webhook',
      status: 'new',
      remoteCreatedAt: writtenAt.toISOString(),
      moderation: { flagged: true, category: 'misinformation' },
    })
    expect(interaction.authorPseudonym).toMatch(/^[0-9a-f]{32}$/)
    expect(interaction.authorPseudonym).not.toContain('2001')
    expect(new Date(interaction.slaDueAt!).getTime() - new Date(interaction.receivedAt).getTime()).toBe(defaultSlaMinutes.dm * 60_000)
    expect(defaultSlaMinutes.dm).toBe(120)
    const log = await inbox.logOf(interaction.id)
    expect(log.map((row) => [row.kind, row.actorType, row.category, row.platform])).toEqual([['decision', 'rule', 'misinformation', 'facebook']])
    expect(log[0]!.commenterPseudonym).toBe(interaction.authorPseudonym)
  })

  it('a message to the Instagram account arrives as a DM of that account, Darija included', async () => {
    const { interaction } = await message('instagram', 'salam, wach l9anon jdid kaybda mn daba?', '8801')
    expect(interaction).toMatchObject({
      network: 'instagram',
      kind: 'dm',
      account: instagramAccount,
      accountRemoteId: FAKE_IG_USER_ID,
      parentRemoteId: 'dm:8801',
      postRemoteId: null,
      language: 'ary_latin',
      status: 'new',
      moderation: { decidedAt: expect.any(String) },
    })
    expect(new Date(interaction.slaDueAt!).getTime() - new Date(interaction.receivedAt).getTime()).toBe(2 * 3_600_000)
    expect((await inbox.logOf(interaction.id)).map((row) => row.kind)).toEqual(['decision'])
  })

  it('two messages from one person are one conversation; another person is another', async () => {
    const first = await message('facebook', 'Bonjour, une question sur la loi 43.22', '2002')
    const second = await message('facebook', 'Est-ce que ça s’applique aux mineurs ?', '2002')
    // An attachment alone: Meta sends no text, the inbox names what came.
    const { messageId } = await meta.userMessages('facebook', '', { id: '2002' }, { attachments: [{ type: 'image', url: 'https://lookaside.example/1' }] })
    await drainDeliveries(payload, inbox.settings)
    const picture = await interactionOf(messageId)
    expect(picture).toMatchObject({ kind: 'dm', parentRemoteId: 'dm:2002', text: '[image]', language: 'other' })
    const other = await message('facebook', 'Bonjour, moi aussi', '2003')

    const thread = await payload.find({
      collection: 'interactions',
      where: { and: [{ network: { equals: 'facebook' } }, { parentRemoteId: { equals: first.interaction.parentRemoteId } }] },
      overrideAccess: true,
      depth: 0,
      sort: 'remoteCreatedAt',
    })
    expect(thread.docs.map((doc) => doc.id)).toEqual([first.interaction.id, second.interaction.id, picture!.id])
    expect(new Set(thread.docs.map((doc) => doc.authorPseudonym)).size).toBe(1)
    expect(other.interaction.parentRemoteId).toBe('dm:2003')
    expect(other.interaction.authorPseudonym).not.toBe(first.interaction.authorPseudonym)
  })

  it('an answer the Page wrote on Meta (an echo) is kept in the conversation, unmoderated', async () => {
    await message('facebook', 'Est-ce que le bracelet électronique est prévu ?', '2004')
    const { messageId, delivery } = await meta.accountMessages('facebook', 'Oui, la surveillance électronique fait partie des peines alternatives.', {
      id: '2004',
    })
    expect(delivery?.status).toBe(200)
    await drainDeliveries(payload, inbox.settings)
    const echo = await interactionOf(messageId)
    expect(echo).toMatchObject({
      kind: 'dm',
      accountRemoteId: FAKE_PAGE_ID,
      parentRemoteId: 'dm:2004',
      fromAccountItself: true,
      status: 'closed',
      slaDueAt: null,
      moderation: { flagged: false, category: null },
    })
    expect(await inbox.logOf(echo!.id)).toEqual([])
  })

  it('an insult is flagged, and the rule’s hide is refused with the reason instead of calling Meta', async () => {
    const before = meta.state.requests.length
    const { interaction } = await message('facebook', 'Skot ya 7mar, ma fhamti walou', '2005')
    expect(interaction).toMatchObject({ status: 'new', hiddenOnNetwork: false, moderation: { category: 'harassment', action: 'hide' } })
    expect(interaction.networkActionError).toContain(pluginText('inboxDirectMessages:notForDirectMessages').fr)
    expect(meta.state.requests.length).toBe(before)
  })

  it('records a message the person unsent', async () => {
    const { messageId, interaction } = await message('instagram', 'Message envoyé par erreur', '8802')
    const unsentAt = Date.now()
    const body = messagingDelivery('instagram', FAKE_IG_USER_ID, [
      { senderId: '8802', recipientId: FAKE_IG_USER_ID, timestamp: unsentAt, mid: messageId, deleted: true },
    ])
    expect((await sendMetaDelivery(callback, body, inboxAppSecret)).status).toBe(200)
    await drainDeliveries(payload, inbox.settings)
    expect(await interactionOf(messageId)).toMatchObject({ id: interaction.id, removedOnNetworkAt: new Date(unsentAt).toISOString() })
  })

  it('refuses a forged signature with 401 and stores nothing', async () => {
    const body = messagingDelivery('page', FAKE_PAGE_ID, [
      { senderId: '2999', recipientId: FAKE_PAGE_ID, timestamp: Date.now(), mid: 'm_forged', text: 'forgé' },
    ])
    const forged = await sendMetaDelivery(callback, body, inboxAppSecret, { signature: signMetaBody(metaJson(body), 'not-the-secret') })
    expect(forged.status).toBe(401)
    expect(JSON.parse(forged.text).errors[0]).toMatchObject({ code: 'bad_signature' })
    await drainDeliveries(payload, inbox.settings)
    expect(await interactionOf('m_forged')).toBeUndefined()
  })
})

describe('answering a private message', () => {
  it('sends the reply once, through the Send API, to the person; a replayed key sends nothing more', async () => {
    const { interaction } = await message('facebook', 'Comment savoir si mon frère peut en bénéficier ?', '2101')
    const callsBefore = sendApiCalls().length
    const request = { text: 'Bonjour, le juge décide au cas par cas : un avocat peut le demander.', idempotencyKey: key() }
    const answers = await Promise.all([1, 2, 3].map(() => inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, request)))
    for (const answer of answers) expect(answer.status).toBe(200)
    expect(new Set(answers.map((answer) => answer.body.reply.id)).size).toBe(1)

    const calls = sendApiCalls().slice(callsBefore)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ path: `/${FAKE_PAGE_ID}/messages`, token: FAKE_TOKEN, contentType: 'application/json' })
    expect(calls[0]!.params).toEqual({
      recipient: JSON.stringify({ id: '2101' }),
      messaging_type: 'RESPONSE',
      message: JSON.stringify({ text: request.text }),
    })
    const sent = sentThroughSendApi().filter((entry) => entry.personId === '2101')
    expect(sent).toEqual([expect.objectContaining({ network: 'facebook', accountId: FAKE_PAGE_ID, text: request.text, messagingType: 'RESPONSE' })])

    const again = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, request)
    expect(again.body.reply).toMatchObject({ id: answers[0]!.body.reply.id, state: 'sent', remoteId: sent[0]!.mid })
    expect(sendApiCalls().length).toBe(callsBefore + 1)
    expect(await interactionOf(interaction.remoteId)).toMatchObject({ status: 'answered', reviewed: true })
    expect((await inbox.logOf(interaction.id)).map((row) => [row.kind, row.actorType])).toEqual([
      ['decision', 'rule'],
      ['reply', 'user'],
    ])
  })

  it('answers an Instagram message through the Instagram account, with the Page token', async () => {
    const { interaction } = await message('instagram', 'Merci pour la vidéo, où trouver le texte de loi ?', '8803')
    const reply = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Au Bulletin officiel, loi 43.22.', idempotencyKey: key() })
    expect(reply.body.reply.state).toBe('sent')
    expect(sendApiCalls().at(-1)).toMatchObject({ path: '/me/messages', token: FAKE_TOKEN })
    expect(sentThroughSendApi().filter((entry) => entry.personId === '8803')).toEqual([
      expect.objectContaining({ network: 'instagram', accountId: FAKE_IG_USER_ID, text: 'Au Bulletin officiel, loi 43.22.' }),
    ])
  })

  it('refuses a reply more than 24 hours after the person’s last message, before any call', async () => {
    const { interaction } = await message('facebook', 'Vous êtes là ?', '2102', { at: new Date(Date.now() - hours(25)) })
    const callsBefore = sendApiCalls().length
    const idempotencyKey = key()
    const refused = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Oui, excusez le délai.', idempotencyKey })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]).toMatchObject({ code: 'messaging_window_closed', message: pluginText('inboxDirectMessages:windowClosed').fr })
    expect(sendApiCalls().length).toBe(callsBefore)
    const rows = await payload.find({ collection: 'interaction-replies', where: { idempotencyKey: { equals: idempotencyKey } }, overrideAccess: true })
    expect(rows.docs).toEqual([])

    // The window runs from the person's last message: once they write again, the older one can be answered.
    await message('facebook', 'Je réessaie', '2102')
    const sent = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Oui, excusez le délai.', idempotencyKey })
    expect(sent.body.reply.state).toBe('sent')
    expect(sentThroughSendApi().filter((entry) => entry.personId === '2102')).toHaveLength(1)
    expect(MESSAGING_WINDOW_MS).toBe(hours(24))
  })

  it('a reply approved by NCSC after the window closed is not sent', async () => {
    const { interaction } = await message('facebook', 'Vous êtes des vendus', '2103')
    expect((await inbox.api('cm', 'POST', `/interactions/${interaction.id}/escalate`, { reason: 'Ton agressif' })).status).toBe(200)
    const waiting = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Nous restons à votre écoute.', idempotencyKey: key() })
    expect(waiting.body.reply.state).toBe('awaiting_approval')
    await backdateInBadil(interaction.id, new Date(Date.now() - hours(30)))
    const callsBefore = sendApiCalls().length
    const approved = await inbox.api('ncsc', 'POST', `/interaction-replies/${waiting.body.reply.id}/decision`, { approve: true })
    expect(approved.body.reply).toMatchObject({ state: 'failed', error: expect.stringContaining(pluginText('inboxDirectMessages:windowClosed').en) })
    expect(sendApiCalls().length).toBe(callsBefore)
  })

  it('maps Meta’s own refusal past the window to a clear reason', async () => {
    const { interaction } = await message('facebook', 'Une dernière question', '2104')
    // Meta counts from an older message than Badil stored (a delivery Badil never got, say).
    for (const written of meta.state.directMessages.filter((entry) => entry.personId === '2104')) written.at = new Date(Date.now() - hours(26))
    const failed = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Bien sûr.', idempotencyKey: key() })
    expect(failed.body.reply).toMatchObject({ state: 'failed', error: expect.stringContaining(pluginText('inboxDirectMessages:windowClosedByMeta').fr) })
    expect(sentThroughSendApi().filter((entry) => entry.personId === '2104')).toEqual([])
    expect(sendApiCalls().at(-1)).toMatchObject({ path: `/${FAKE_PAGE_ID}/messages` })
  })

  it('refuses to hide or delete a private message (409), without calling Meta', async () => {
    const { interaction } = await message('facebook', 'Merci pour votre travail', '2105')
    const before = meta.state.requests.length
    const hide = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'hide' })
    expect(hide.status).toBe(409)
    expect(hide.body.errors[0]).toMatchObject({ code: 'not_for_direct_messages', message: pluginText('inboxDirectMessages:notForDirectMessages').fr })
    const remove = await inbox.api('ncsc', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'delete', reason: 'Essai' })
    expect(remove.status).toBe(409)
    expect(meta.state.requests.length).toBe(before)
    const evidence = await payload.find({ collection: 'interaction-evidence', where: { interaction: { equals: interaction.id } }, overrideAccess: true })
    expect(evidence.docs).toEqual([])
    expect(await interactionOf(interaction.remoteId)).toMatchObject({ hiddenOnNetwork: false, removedOnNetworkAt: null, status: 'new' })
  })

  it('keeps the moderation log verifiable', async () => {
    expect((await verifyModerationLog(payload)).problems).toEqual([])
  })
})

describe('the fake’s Send API (reference section 3)', () => {
  const send = (path: string, token: string, body: Record<string, unknown>) =>
    fetch(`${meta.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }))

  it('needs the Page token, a person who wrote, and answers within 24 hours with the ids', async () => {
    await meta.userMessages('facebook', 'Bonjour', { id: '2901' }, { silently: true })
    const body = { recipient: { id: '2901' }, messaging_type: 'RESPONSE', message: { text: 'Bonjour !' } }
    expect(await send(`/${FAKE_PAGE_ID}/messages`, FAKE_USER_TOKEN, body)).toMatchObject({ status: 403, body: { error: { code: 230 } } })
    expect(await send(`/${FAKE_PAGE_ID}/messages`, FAKE_TOKEN, { ...body, recipient: { id: '2902' } })).toMatchObject({
      status: 400,
      body: { error: { code: 100, error_subcode: 2018001 } },
    })
    expect(await send(`/${FAKE_PAGE_ID}/messages`, FAKE_TOKEN, body)).toEqual({
      status: 200,
      body: { recipient_id: '2901', message_id: expect.stringMatching(/^m_/) },
    })
    await meta.userMessages('facebook', 'Bonsoir', { id: '2903' }, { silently: true, at: new Date(Date.now() - hours(25)) })
    expect(await send(`/${FAKE_PAGE_ID}/messages`, FAKE_TOKEN, { ...body, recipient: { id: '2903' } })).toMatchObject({
      status: 400,
      body: { error: { code: 10, error_subcode: 2018278 } },
    })
    await meta.userMessages('instagram', 'Salam', { id: '8901' }, { silently: true, at: new Date(Date.now() - hours(25)) })
    expect(await send('/me/messages', FAKE_TOKEN, { ...body, recipient: { id: '8901' } })).toMatchObject({
      status: 400,
      body: { error: { code: 10, error_subcode: 2534022 } },
    })
    await meta.userMessages('instagram', 'Salam', { id: '8902' }, { silently: true })
    expect(await send('/me/messages', FAKE_TOKEN, { ...body, recipient: { id: '8902' } })).toEqual({
      status: 200,
      body: { recipient_id: '8902', message_id: expect.not.stringMatching(/^m_/) },
    })
  })

  it('refuses the Instagram Login path on the Facebook host: an Instagram account is answered as its Page', async () => {
    await meta.userMessages('instagram', 'Salam', { id: '8903' }, { silently: true })
    const body = { recipient: { id: '8903' }, messaging_type: 'RESPONSE', message: { text: 'Salam !' } }
    expect(await send(`/${FAKE_IG_USER_ID}/messages`, FAKE_TOKEN, body)).toMatchObject({ status: 400, body: { error: { code: 100, error_subcode: 33 } } })
  })
})
