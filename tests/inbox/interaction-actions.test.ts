import fs from 'node:fs'

import pg from 'pg'
import type { Payload } from 'payload'

import { inboxQueue } from '../../plugins/campaign-ops/inbox/queue'
import { purgeInboxPersonalData } from '../../plugins/campaign-ops/inbox/retention-task'
import { verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import type { Role } from '../../src/domain/roles'
import { mailDropDirectory } from '../../src/infra/mailer'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { startInboxApp } from './inbox-fixtures'
import type { InboxApp } from './inbox-fixtures'

let inbox: InboxApp
let payload: Payload
let meta: MetaGraphFake
let accounts: InboxApp['accounts']
let app: InboxApp['app']
const api: InboxApp['api'] = (...args) => inbox.api(...args)
const comment: InboxApp['comment'] = (...args) => inbox.comment(...args)

/** The mail drop's quoted-printable bodies, readable (soft line breaks joined, bytes decoded as UTF-8). */
function decodeQuotedPrintable(message: string): string {
  const joined = message.replace(/=\r?\n/g, '')
  return joined.replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'))
}

const logOf: InboxApp['logOf'] = (id) => inbox.logOf(id)

const evidenceOf = async (id: number | string) =>
  (await payload.find({ collection: 'interaction-evidence', where: { interaction: { equals: id } }, overrideAccess: true, depth: 0 })).docs

beforeAll(async () => {
  inbox = await startInboxApp()
  ;({ payload, meta, accounts, app } = inbox)
})

afterAll(async () => {
  await inbox?.close()
})

describe('moderation on arrival', () => {
  it('hides an insult on the network by its rule, after keeping an archived copy', async () => {
    const { commentId, interaction } = await comment('Skot ya 7mar, ma fhamti walou', { id: '7200', name: 'Troll 212' })
    expect(meta.state.comments.get(commentId)).toMatchObject({ hidden: true })
    expect(interaction).toMatchObject({ status: 'hidden', hiddenOnNetwork: true, moderation: { category: 'harassment', action: 'hide' } })
    const [evidence] = await evidenceOf(interaction.id)
    expect(evidence).toMatchObject({ action: 'hide', text: 'Skot ya 7mar, ma fhamti walou', authorHandle: 'Troll 212', capturedBy: null })
    // The rule's names for readers of either language, never its English one.
    expect(evidence!.reason).toBe('Noms d’animaux employés comme insultes\nأسماء حيوانات مستخدمة للشتم')
    expect(new Date(evidence!.capturedAt) <= new Date(interaction.updatedAt)).toBe(true)
    const log = await logOf(interaction.id)
    expect(log.map((row) => [row.kind, row.actorType])).toEqual([
      ['decision', 'rule'],
      ['hide', 'rule'],
    ])
    expect(log[1]!.commenterPseudonym).toBe(interaction.authorPseudonym)
  })

  it('escalates a threat to NCSC by e-mail, in each reader’s language', async () => {
    await payload.update({ collection: 'users', id: accounts.ncsc.id, overrideAccess: true, data: { language: 'ar' } })
    const { interaction } = await comment('Je sais où tu habites, fais attention')
    expect(interaction.status).toBe('escalated')
    expect((await logOf(interaction.id)).map((row) => row.kind)).toEqual(['decision', 'escalate'])
    const mailDir = mailDropDirectory(app.dataDirPath)
    const before = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).length : 0
    await payload.jobs.run({ queue: inboxQueue })
    const mails = fs
      .readdirSync(mailDir)
      .sort()
      .slice(before)
      .map((name) => decodeQuotedPrintable(fs.readFileSync(`${mailDir}/${name}`, 'utf8')))
    expect(mails).toHaveLength(1)
    expect(mails[0]).toContain(`To: ${accounts.ncsc.email}`)
    expect(mails[0]).toContain('صُعّد تعليق على Facebook إلى NCSC.')
    // The rule that escalated, by its Arabic name (stored in the Arabic locale by the seed).
    expect(mails[0]).toContain('السبب: التهديد والتحريض على العنف')
    expect(mails[0]).toContain('Je sais où tu habites, fais attention')
    expect(mails[0]).toContain(`/admin/collections/interactions/${interaction.id}`)
  })

  it('leaves the comment flagged with the reason when the network refuses to hide it', async () => {
    meta.failNext({ status: 400, error: { code: 100, message: '(#100) Cannot hide' }, match: { method: 'POST' } })
    const { commentId, interaction } = await comment('ya kelb', { id: '7300', name: 'X' })
    expect(meta.state.comments.get(commentId)).toMatchObject({ hidden: false })
    expect(interaction).toMatchObject({ status: 'new', hiddenOnNetwork: false, moderation: { action: 'hide' } })
    expect(interaction.networkActionError).toMatch(/réseau a refusé/)
    expect(await evidenceOf(interaction.id)).toHaveLength(1)
  })
})

describe('people’s actions', () => {
  it('a community manager hides and shows again a comment; both are logged with their name', async () => {
    const { commentId, interaction } = await comment('Je ne suis pas d’accord avec cette réforme')
    expect(interaction.status).toBe('new')
    const hidden = await api('cm', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'hide' })
    expect(hidden.status).toBe(200)
    expect(hidden.body.interaction).toMatchObject({ status: 'hidden', hiddenOnNetwork: true, reviewed: true })
    expect(meta.state.comments.get(commentId)).toMatchObject({ hidden: true })
    const shown = await api('cm', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'unhide' })
    expect(shown.body.interaction).toMatchObject({ status: 'new', hiddenOnNetwork: false })
    expect(meta.state.comments.get(commentId)).toMatchObject({ hidden: false })
    const log = await logOf(interaction.id)
    expect(log.map((row) => [row.kind, row.actorType, row.actorUser])).toEqual([
      ['decision', 'rule', null],
      ['hide', 'user', accounts.cm.id],
      ['unhide', 'user', accounts.cm.id],
    ])
  })

  it('deleting is NCSC’s, with a reason kept beside the archived copy', async () => {
    const { commentId, interaction } = await comment('Appelez le 0612345678 pour un faux témoignage')
    const byCm = await api('cm', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'delete', reason: 'doxxing' })
    expect(byCm.status).toBe(403)
    expect(byCm.body.errors[0]).toMatchObject({ code: 'ncsc_only' })
    const noReason = await api('ncsc', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'delete' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', code: 'reason_required' })
    expect(meta.state.comments.get(commentId)).toMatchObject({ deleted: false })

    const deleted = await api('ncsc', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'delete', reason: 'Numéro de téléphone publié' })
    expect(deleted.status).toBe(200)
    expect(deleted.body.interaction).toMatchObject({ status: 'closed' })
    expect(deleted.body.interaction.removedOnNetworkAt).toBeTruthy()
    expect(meta.state.comments.get(commentId)).toMatchObject({ deleted: true })
    expect((await evidenceOf(interaction.id)).map((row) => [row.action, row.reason])).toEqual([['delete', 'Numéro de téléphone publié']])
    const again = await api('ncsc', 'POST', `/interactions/${interaction.id}/moderate`, { action: 'delete', reason: 'encore' })
    expect(again.status).toBe(409)
  })

  it('archived copies are for NCSC and the legal experts only', async () => {
    for (const role of ['ncsc', 'legal'] as Role[]) expect((await api(role, 'GET', '/interaction-evidence')).body.totalDocs).toBeGreaterThan(0)
    for (const role of ['admin', 'cm', 'analyst'] as Role[]) expect((await api(role, 'GET', '/interaction-evidence')).status).toBe(403)
  })

  it('escalating needs a reason; to legal too when asked', async () => {
    const { interaction } = await comment('Est-ce que le juge peut refuser le bracelet ?')
    const empty = await api('cm', 'POST', `/interactions/${interaction.id}/escalate`, { reason: ' ' })
    expect(empty.status).toBe(400)
    expect(empty.body.errors[0]).toMatchObject({ field: 'reason', message: 'Indiquez pourquoi le NCSC doit intervenir.' })
    const escalated = await api('cm', 'POST', `/interactions/${interaction.id}/escalate`, { reason: 'Question juridique', toLegal: true })
    expect(escalated.body.interaction.status).toBe('escalated')
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'notifyInboxEscalation' } },
      overrideAccess: true,
      sort: '-id',
      limit: 1,
    })
    expect(docs[0]!.input).toMatchObject({ interactionId: interaction.id, toLegal: true, reason: 'Question juridique' })
  })

  it('assigning and changing the status mark it reviewed and are logged', async () => {
    const { interaction } = await comment('Merci pour l’info')
    const assigned = await api('cm', 'PATCH', `/interactions/${interaction.id}`, { assignee: accounts.cm.id, status: 'answered' })
    expect(assigned.status).toBe(200)
    expect(assigned.body.doc).toMatchObject({ reviewed: true, status: 'answered' })
    const log = await logOf(interaction.id)
    expect(log.slice(1).map((row) => [row.kind, row.before, row.after])).toEqual([
      ['assign', { assignee: null }, { assignee: accounts.cm.id }],
      ['status', { status: 'new' }, { status: 'answered' }],
    ])
    // The text the network delivered is not people's to change.
    const rewritten = await api('cm', 'PATCH', `/interactions/${interaction.id}`, { text: 'réécrit' })
    expect(rewritten.status).toBe(200)
    expect((await payload.findByID({ collection: 'interactions', id: interaction.id, overrideAccess: true })).text).toBe('Merci pour l’info')
  })

  it('refuses to act through an account that is not connected to the API', async () => {
    const manual = await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'instagram', connection: 'manual', name: 'Instagram à la main', accountId: '17841400000000000' },
    })
    const stored = await payload.create({
      collection: 'interactions',
      overrideAccess: true,
      data: {
        network: 'instagram',
        account: manual.id,
        accountRemoteId: '17841400000000000',
        kind: 'comment',
        remoteId: 'ig-manual-1',
        text: 'ok',
        status: 'new',
        receivedAt: new Date().toISOString(),
      },
    })
    const refused = await api('cm', 'POST', `/interactions/${stored.id}/moderate`, { action: 'hide' })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]).toMatchObject({ code: 'no_api_access', message: expect.stringContaining('« Instagram à la main »') })
  })

  it('keeps the moderation log verifiable through all of it', async () => {
    expect((await verifyModerationLog(payload)).problems).toEqual([])
  })
})

describe('retention', () => {
  it('deletes archived copies past their retention and blanks old display names, and logs it', async () => {
    const client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    try {
      await client.query(`UPDATE interaction_evidence SET expires_at = now() - interval '1 day' WHERE id = (SELECT min(id) FROM interaction_evidence)`)
      await client.query(`UPDATE interactions SET received_at = now() - interval '200 days' WHERE id = (SELECT min(id) FROM interactions)`)
      const kept = Number((await client.query('SELECT count(*) AS n FROM interaction_evidence')).rows[0].n)
      expect(await purgeInboxPersonalData(payload, 180)).toEqual({ evidenceDeleted: 1, handlesBlanked: 1 })
      expect(Number((await client.query('SELECT count(*) AS n FROM interaction_evidence')).rows[0].n)).toBe(kept - 1)
      const oldest = (await client.query('SELECT author_handle, author_pseudonym FROM interactions ORDER BY id LIMIT 1')).rows[0]
      expect(oldest).toMatchObject({ author_handle: null, author_pseudonym: expect.stringMatching(/^[0-9a-f]{32}$/) })
    } finally {
      await client.end()
    }
    const { docs } = await payload.find({
      collection: 'moderation-log',
      where: { kind: { equals: 'retention_purge' } },
      overrideAccess: true,
      sort: '-sequence',
      limit: 1,
    })
    expect(docs[0]!.after).toMatchObject({ inbox: { evidenceDeleted: 1, handlesBlanked: 1 } })
  })
})
