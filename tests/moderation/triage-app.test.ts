/**
 * The triage model in the app: trained on the team's own decisions (hide, restore, keep), put in
 * use by NCSC only when its precision holds, raising for review what no rule caught, sorting the
 * inbox by risk, and retired again. Issue 14.
 */
import { ingestInboundEvent } from '../../plugins/campaign-ops/inbox/ingest'
import { appendModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { campaignLabels } from '../../plugins/campaign-ops/moderation/triage/campaign-labels'
import { trainCampaignModel } from '../../plugins/campaign-ops/moderation/triage/train-task'
import { sqlPool } from '../../src/infra/database'
import { startInboxApp } from '../inbox/inbox-fixtures'
import type { InboxApp } from '../inbox/inbox-fixtures'
import { FAKE_PAGE_ID } from '../networks/fakes/meta-graph-fake'

let inbox: InboxApp

// Words the shipped rules do not know: only the team's decisions can teach them.
const hostileWords = ['gougnafiers', 'zozos', 'branquignols', 'guignolos', 'charlots']
const hostileFrames = [
  (w: string) => `vous êtes des ${w}`,
  (w: string) => `bande de ${w} au ministère`,
  (w: string) => `encore un coup de ces ${w}`,
  (w: string) => `quels ${w} ces gens`,
  (w: string) => `les ${w} de l'association`,
  (w: string) => `${w} va`,
]
const calmWords = ['explication', 'initiative', 'vidéo', 'campagne', 'information', 'réforme']
const calmFrames = [
  (w: string) => `merci pour cette ${w}`,
  (w: string) => `très bonne ${w}`,
  (w: string) => `j'ai une question sur la ${w}`,
  (w: string) => `où trouver la ${w} complète ?`,
  (w: string) => `je partage cette ${w}`,
  (w: string) => `la ${w} est claire`,
]

beforeAll(async () => {
  inbox = await startInboxApp()
}, 120_000)

afterAll(async () => {
  await inbox?.close()
})

describe('the triage model learns from the team’s decisions', () => {
  it('reads a person’s hide as hostile, a person’s restore or close as ok, and ignores the rules’ own decisions', async () => {
    const { api, comment, accounts, payload } = inbox
    const db = sqlPool(payload)
    expect(await campaignLabels(db)).toEqual([])

    // Through the real endpoints: hidden then shown again (ok), hidden and left hidden (hostile).
    const restored = (await comment('vous êtes des gougnafiers, franchement')).interaction
    expect((await api('cm', 'POST', `/interactions/${restored.id}/moderate`, { action: 'hide' })).status).toBe(200)
    expect((await api('cm', 'POST', `/interactions/${restored.id}/moderate`, { action: 'unhide' })).status).toBe(200)
    const hidden = (await comment('bande de zozos au ministère, dégagez')).interaction
    expect((await api('cm', 'POST', `/interactions/${hidden.id}/moderate`, { action: 'hide' })).status).toBe(200)
    const closed = (await comment('merci pour cette explication très claire')).interaction
    expect((await api('cm', 'PATCH', `/interactions/${closed.id}`, { status: 'closed' })).status).toBe(200)
    // Hidden by a rule, nobody looked: not a label.
    await comment('espèce de connard')

    const labels = await campaignLabels(db)
    expect(labels).toEqual([
      { text: 'vous êtes des gougnafiers, franchement', label: 'ok' },
      { text: 'bande de zozos au ministère, dégagez', label: 'hostile' },
      { text: 'merci pour cette explication très claire', label: 'ok' },
    ])
    void accounts
  })

  it('refuses to train on too few decisions, saying how many there are', async () => {
    const answer = await inbox.api('ncsc', 'POST', '/moderation-models/train', {})
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0]).toMatchObject({ code: 'too_few_decisions' })
    expect(answer.body.errors[0].message).toContain('1 commentaires masqués')
  })

  it('trains a candidate on enough decisions; only NCSC and admins may ask for one', async () => {
    const { comment, payload, accounts } = inbox
    const db = sqlPool(payload)
    for (const word of hostileWords) {
      for (const frame of hostileFrames) {
        const { interaction } = await comment(frame(word), { id: `hostile-${word}`, name: 'Troll' })
        await appendModerationLog(payload, { kind: 'hide', actor: { type: 'user', userId: accounts.cm.id }, itemRef: `interactions/${interaction.id}` })
      }
    }
    for (const word of calmWords) {
      for (const frame of calmFrames) {
        const { interaction } = await comment(frame(word), { id: `calm-${word}`, name: 'Lectrice' })
        await db.query(`UPDATE interactions SET reviewed = true, status = 'closed' WHERE id = $1`, [interaction.id])
      }
    }
    expect((await inbox.api('cm', 'POST', '/moderation-models/train', {})).status).toBe(403)
    const queued = await inbox.api('admin', 'POST', '/moderation-models/train', {})
    expect(queued.status).toBe(202)
    expect(queued.body.message.fr).toContain('Entraînement lancé sur 69 décisions')

    const outcome = await trainCampaignModel(payload, { trigger: 'request', requestedBy: Number(accounts.ncsc.id) })
    expect(outcome).toMatchObject({ status: 'trained', version: 1, trainingSize: 69, activatable: true })
    const listed = await inbox.api('analyst', 'GET', '/moderation-models')
    expect(listed.status).toBe(200)
    const model = listed.body.docs[0]
    expect(model).toMatchObject({
      version: 1,
      status: 'candidate',
      trigger: 'request',
      trainingSize: 69,
      labelCounts: { hostile: 31, misinformation: 0, ok: 38 },
    })
    expect(model.model).toBeUndefined()
    // Nor through GraphQL: the field's read access is closed to every role.
    const graphql = await inbox.api('ncsc', 'POST', '/graphql', { query: `{ ModerationModels { docs { version model } } }` })
    expect(graphql.body.data.ModerationModels.docs).toEqual([{ version: 1, model: null }])
    expect(model.classes.map((row: { className: string; status: string }) => [row.className, row.status])).toEqual([
      ['hostile', 'ready'],
      ['misinformation', 'too_few_examples'],
    ])
    expect(model.classes[0].precision).toBeGreaterThanOrEqual(0.85)
    // Not even the admin may write a model or its weights.
    expect((await inbox.api('admin', 'PATCH', `/moderation-models/${model.id}`, { status: 'active' })).status).toBe(403)
  })

  it('is put in use by NCSC only, logged; a model that misses its precision is refused', async () => {
    const { api, payload } = inbox
    const [model] = (await api('ncsc', 'GET', '/moderation-models?where[version][equals]=1')).body.docs
    expect((await api('cm', 'POST', `/moderation-models/${model.id}/activate`, {})).status).toBe(403)
    expect((await api('admin', 'POST', `/moderation-models/${model.id}/activate`, {})).status).toBe(403)
    const activated = await api('ncsc', 'POST', `/moderation-models/${model.id}/activate`, {})
    expect(activated.status).toBe(200)
    expect(activated.body.doc).toMatchObject({ status: 'active' })
    expect(activated.body.doc.model).toBeUndefined()
    expect((await api('ncsc', 'POST', `/moderation-models/${model.id}/activate`, {})).status).toBe(409)

    const weak = await payload.create({
      collection: 'moderation-models',
      overrideAccess: true,
      data: { version: 2, title: 'v2', status: 'candidate', activatable: false, trigger: 'schedule', trainedAt: new Date().toISOString() },
    })
    const refused = await api('ncsc', 'POST', `/moderation-models/${weak.id}/activate`, {})
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0]).toMatchObject({ field: 'activatable' })
    const { docs: log } = await payload.find({ collection: 'moderation-log', where: { kind: { equals: 'model_change' } }, overrideAccess: true, depth: 0 })
    expect(log.map((row) => [row.action, row.itemRef, row.actorType])).toEqual([['activate', `moderation-models/${model.id}`, 'user']])
  })

  it('raises for review what no rule caught, with the words that weigh, and sorts the inbox by risk', async () => {
    const { comment, api } = inbox
    const raised = (await comment('franchement quels charlots et quels gougnafiers', { id: 'new-troll', name: 'Nouveau' })).interaction
    expect(raised.moderation).toMatchObject({ flagged: true, action: 'flag', ruleIds: null, modelVersion: 1, modelRaised: 'hostile' })
    expect(raised.moderation!.risk).toBeGreaterThan(0.5)
    const words = raised.moderation!.modelWords as Array<{ excerpt: string; spans: number[][] }>
    expect(words.map((word) => word.excerpt)).toEqual(expect.arrayContaining(['gougnafiers']))
    const [start, end] = words.find((word) => word.excerpt === 'gougnafiers')!.spans[0]!
    expect('franchement quels charlots et quels gougnafiers'.slice(start, end)).toBe('gougnafiers')
    const decision = (await inbox.logOf(raised.id))[0]!
    expect(decision.after).toMatchObject({ action: null, model: { version: 1, raised: ['hostile'] } })

    const calm = (await comment('merci, très bonne initiative', { id: 'new-reader', name: 'Lecteur' })).interaction
    expect(calm.moderation).toMatchObject({ flagged: false, action: null, modelVersion: 1, modelRaised: null, modelWords: null })
    expect(calm.moderation!.risk).toBeLessThan(raised.moderation!.risk!)

    // The rules decide first: a rule's hide stays a hide, its severity makes the risk.
    const ruled = (await comment('espèce de connard', { id: 'rude', name: 'Rude' })).interaction
    expect(ruled.moderation).toMatchObject({ action: 'hide', modelVersion: 1 })
    expect(ruled.moderation!.risk).toBeGreaterThanOrEqual(0.85)

    const riskiest = await api('cm', 'GET', `/interactions?where[id][in]=${[calm.id, raised.id, ruled.id].join(',')}&sort=-moderation.risk,-receivedAt&depth=0`)
    expect(riskiest.body.docs.map((doc: { id: number }) => doc.id)).toEqual([ruled.id, raised.id, calm.id])
  })

  it('triages comments read one by one (polling) the same way', async () => {
    const remoteId = `${FAKE_PAGE_ID}_poll_1`
    await ingestInboundEvent(
      inbox.payload,
      inbox.settings,
      {
        network: 'facebook',
        accountRemoteId: FAKE_PAGE_ID,
        remoteId,
        kind: 'comment',
        verb: 'add',
        postRemoteId: null,
        parentRemoteId: null,
        author: { id: 'poll-author', handle: null },
        text: 'encore des branquignols',
        occurredAt: new Date(),
        createdAt: new Date(),
        fromAccountItself: false,
      },
      'poll',
    )
    const { docs } = await inbox.payload.find({ collection: 'interactions', where: { remoteId: { equals: remoteId } }, overrideAccess: true, depth: 0 })
    expect(docs[0]!.moderation).toMatchObject({ flagged: true, action: 'flag', modelRaised: 'hostile', modelVersion: 1 })
  })

  it('is retired by NCSC: the rules triage alone again', async () => {
    const { api, comment } = inbox
    const [model] = (await api('ncsc', 'GET', '/moderation-models?where[status][equals]=active')).body.docs
    expect((await api('cm', 'POST', `/moderation-models/${model.id}/retire`, {})).status).toBe(403)
    const retired = await api('ncsc', 'POST', `/moderation-models/${model.id}/retire`, {})
    expect(retired.status).toBe(200)
    expect(retired.body.doc).toMatchObject({ status: 'retired' })
    expect((await api('ncsc', 'POST', `/moderation-models/${model.id}/retire`, {})).status).toBe(409)
    const after = (await comment('quels gougnafiers encore', { id: 'after', name: 'Après' })).interaction
    expect(after.moderation).toMatchObject({ flagged: false, action: null, modelVersion: null, modelRaised: null, risk: 0 })
  })
})
