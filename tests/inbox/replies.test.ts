import type { Payload } from 'payload'

import { requestReply } from '../../plugins/campaign-ops/inbox/send-reply'
import { verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { createPublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import { createTokenCipher } from '../../plugins/campaign-ops/publishing/token-crypto'
import { testTokenKey } from '../publishing/publishing-fixtures'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { startInboxApp } from './inbox-fixtures'
import type { InboxApp } from './inbox-fixtures'

let inbox: InboxApp
let payload: Payload
let meta: MetaGraphFake
let correction: number

/** The replies the fake network received under a comment. */
const repliesOnNetwork = (commentId: string) => [...meta.state.comments.values()].filter((comment) => comment.parentId === commentId)
let keyCounter = 0
const key = () => `reply-key-${Date.now()}-${keyCounter++}`

beforeAll(async () => {
  inbox = await startInboxApp()
  ;({ payload, meta } = inbox)
  const myth = await payload.find({ collection: 'myths', where: { key: { equals: 'rich-buy-freedom' } }, overrideAccess: true, limit: 1 })
  expect(myth.docs).toHaveLength(1)
  // A community manager proposes, NCSC approves, in French and in Darija.
  const proposed = await inbox.api('cm', 'POST', '/response-templates?locale=fr', {
    name: 'Les peines alternatives ne s’achètent pas',
    purpose: 'correction',
    myth: myth.docs[0]!.id,
    body: 'Bonjour {{handle}}, la loi 43.22 exclut l’amende journalière pour les crimes graves : elle ne s’achète pas.',
  })
  expect(proposed.status).toBe(201)
  correction = proposed.body.doc.id
  expect((await inbox.api('cm', 'PATCH', `/response-templates/${correction}`, { state: 'approved' })).status).toBe(403)
  expect(
    (
      await inbox.api('ncsc', 'PATCH', `/response-templates/${correction}?locale=ary`, {
        body: 'Salam {{handle}}, l9anon 43.22 ma kaykhllich lli 3ando lflous yshri rasso.',
      })
    ).status,
  ).toBe(200)
  const approved = await inbox.api('ncsc', 'PATCH', `/response-templates/${correction}`, { state: 'approved' })
  expect(approved.body.doc).toMatchObject({ state: 'approved', approvedBy: expect.objectContaining({ id: inbox.accounts.ncsc.id }) })
})

afterAll(async () => {
  await inbox?.close()
})

describe('response templates', () => {
  it('refuses an unknown variable, naming the field', async () => {
    const answer = await inbox.api('cm', 'POST', '/response-templates', { name: 'Brouillon', purpose: 'thanks', body: 'Merci {{prenom}}' })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].data.errors[0]).toMatchObject({ path: 'body', message: expect.stringContaining('{{prenom}}') })
  })

  it('a misinformation match suggests the approved correction of its myth', async () => {
    const { interaction } = await inbox.comment('Encore une loi pour les riches')
    expect(interaction.suggestedTemplate).toBe(correction)
  })
})

describe('replying', () => {
  it('answers with the approved template, sent once whatever the number of requests', async () => {
    const { commentId, interaction } = await inbox.comment('Les riches vont payer pour sortir, c’est ça ?', { id: '7401', name: 'Hind' })
    const idempotencyKey = key()
    const request = { templateId: correction, language: 'fr', idempotencyKey, openedAt: new Date().toISOString() }
    const answers = await Promise.all([1, 2, 3].map(() => inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, request)))
    for (const answer of answers) expect(answer.status).toBe(200)
    expect(new Set(answers.map((answer) => answer.body.reply.id)).size).toBe(1)
    const onNetwork = repliesOnNetwork(commentId)
    expect(onNetwork).toHaveLength(1)
    expect(onNetwork[0]!.message).toBe('Bonjour Hind, la loi 43.22 exclut l’amende journalière pour les crimes graves : elle ne s’achète pas.')

    const again = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, request)
    expect(again.body.reply).toMatchObject({ state: 'sent', remoteId: onNetwork[0]!.id })
    expect(repliesOnNetwork(commentId)).toHaveLength(1)
    const stored = await payload.findByID({ collection: 'interactions', id: interaction.id, overrideAccess: true })
    expect(stored).toMatchObject({ status: 'answered', reviewed: true })
    const log = await inbox.logOf(interaction.id)
    expect(log.map((row) => [row.kind, row.actorType, row.actorUser])).toEqual([
      ['decision', 'rule', null],
      ['reply', 'user', inbox.accounts.cm.id],
    ])
  })

  it('uses the template’s Darija text, and refuses a language it has no text for', async () => {
    const { commentId, interaction } = await inbox.comment('wach lli 3ando lflous ghadi ykhrej?', { id: '7402', name: 'Simo' })
    const darija = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { templateId: correction, language: 'ary', idempotencyKey: key() })
    expect(darija.body.reply.state).toBe('sent')
    expect(repliesOnNetwork(commentId)[0]!.message).toBe('Salam Simo, l9anon 43.22 ma kaykhllich lli 3ando lflous yshri rasso.')
    const arabic = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { templateId: correction, language: 'ar', idempotencyKey: key() })
    expect(arabic.status).toBe(400)
    expect(arabic.body.errors[0]).toMatchObject({ code: 'template_no_text', field: 'language' })
  })

  it('stops for confirmation when a colleague replied, or the thread changed, since it was opened', async () => {
    const { interaction } = await inbox.comment('Question : combien de temps dure un travail d’intérêt général ?', { id: '7403', name: 'Rim' })
    const openedAt = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 5))
    const first = await inbox.api('ncsc', 'POST', `/interactions/${interaction.id}/reply`, {
      text: 'Entre 40 et 3 600 heures.',
      idempotencyKey: key(),
      openedAt,
    })
    expect(first.body.reply.state).toBe('sent')
    const second = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Cela dépend du juge.', idempotencyKey: key(), openedAt })
    expect(second.status).toBe(409)
    expect(second.body.errors[0]).toMatchObject({ code: 'colleague_replied', message: expect.stringContaining('Test ncsc') })
    const confirmed = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, {
      text: 'Cela dépend du juge.',
      idempotencyKey: key(),
      openedAt,
      confirm: true,
    })
    expect(confirmed.body.reply.state).toBe('sent')

    const { interaction: other } = await inbox.comment('Et pour les mineurs ?', { id: '7404', name: 'Adil' })
    const opened = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await inbox.api('ncsc', 'PATCH', `/interactions/${other.id}`, { status: 'waiting' })
    const changed = await inbox.api('cm', 'POST', `/interactions/${other.id}/reply`, { text: 'Oui.', idempotencyKey: key(), openedAt: opened })
    expect(changed.status).toBe(409)
    expect(changed.body.errors[0].code).toBe('thread_changed')
  })

  it('a reply on a sensitive thread waits for NCSC, who approves and sends it, or rejects it', async () => {
    const { commentId, interaction } = await inbox.comment('Vous êtes des vendus, dégagez', { id: '7405', name: 'Anon' })
    await inbox.api('cm', 'POST', `/interactions/${interaction.id}/escalate`, { reason: 'Ton agressif' })
    const waiting = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Nous restons à votre écoute.', idempotencyKey: key() })
    expect(waiting.body.reply.state).toBe('awaiting_approval')
    expect(repliesOnNetwork(commentId)).toHaveLength(0)
    expect((await inbox.api('cm', 'POST', `/interaction-replies/${waiting.body.reply.id}/decision`, { approve: true })).status).toBe(403)
    const approved = await inbox.api('ncsc', 'POST', `/interaction-replies/${waiting.body.reply.id}/decision`, { approve: true })
    expect(approved.body.reply).toMatchObject({ state: 'sent', approvedBy: inbox.accounts.ncsc.id })
    expect(repliesOnNetwork(commentId)).toHaveLength(1)
    const twice = await inbox.api('ncsc', 'POST', `/interaction-replies/${waiting.body.reply.id}/decision`, { approve: true })
    expect(twice.status).toBe(409)

    const rejectedRequest = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Deuxième essai', idempotencyKey: key() })
    const rejected = await inbox.api('ncsc', 'POST', `/interaction-replies/${rejectedRequest.body.reply.id}/decision`, { approve: false })
    expect(rejected.body.reply.state).toBe('rejected')
    expect(repliesOnNetwork(commentId)).toHaveLength(1)
  })

  it('records a failure with the network’s reason, and never resends an outcome it could not confirm', async () => {
    const { commentId, interaction } = await inbox.comment('Merci pour ces informations', { id: '7406', name: 'Salma' })
    meta.failNext({ status: 400, error: { code: 100, message: '(#100) Comments are disabled' }, match: { method: 'POST', path: /\/comments$/ } })
    const failed = await inbox.api('cm', 'POST', `/interactions/${interaction.id}/reply`, { text: 'Avec plaisir', idempotencyKey: key() })
    expect(failed.body.reply.state).toBe('failed')
    expect(failed.body.reply.error).toMatch(/réseau a refusé/)

    // The network takes the reply but never answers: its outcome is unknown, and it is not sent again.
    const runtime = createPublishingRuntime(
      { endpoints: { facebook: { baseUrl: meta.baseUrl } }, scheduler: { requestTimeoutMs: 300 } },
      createTokenCipher(Buffer.from(testTokenKey, 'hex')),
    )
    const settings = { ...inbox.settings.actions!, runtime }
    const cm = await payload.findByID({ collection: 'users', id: inbox.accounts.cm.id, depth: 0 })
    const fresh = await payload.findByID({ collection: 'interactions', id: interaction.id, depth: 0, overrideAccess: true })
    meta.delayNext({ ms: 'forever', match: { method: 'POST', path: /\/comments$/ } })
    const request = { text: 'Avec plaisir !', idempotencyKey: key() }
    const unknown = await requestReply(payload, settings, fresh, cm, request)
    expect(unknown.state).toBe('outcome_unknown')
    expect(unknown.error).toMatch(/\n/)
    const retried = await requestReply(payload, settings, fresh, cm, request)
    expect(retried).toMatchObject({ id: unknown.id, state: 'outcome_unknown' })
    expect(repliesOnNetwork(commentId).filter((reply) => reply.message === 'Avec plaisir !')).toHaveLength(1)
  })

  it('keeps the moderation log verifiable', async () => {
    expect((await verifyModerationLog(payload)).problems).toEqual([])
  })
})
