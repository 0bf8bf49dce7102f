/**
 * Replies on a thread, sent once. The request carries an idempotency key: its row in the outbox is
 * created once (a repeated request finds it and sends nothing), and only the call that moves the
 * row from `pending` to `sending` reaches the network. A reply whose outcome is unknown (the
 * network took it but did not say so) is never sent again by Badil: a person checks.
 * Before a row is made, the thread is checked for what changed since the sender opened it.
 */
import type { Payload } from 'payload'

import type { Interaction, InteractionReply, User } from '../../../payload-types'
import { hasRole } from '../../../src/domain/roles'
import type { Localized } from '../../../src/i18n/catalogue'
import { sqlPool } from '../../../src/infra/database'
import { appendModerationLog } from '../moderation/moderation-log'
import { NetworkError } from '../networks/types'
import { reasonText } from '../publishing/variant-state'
import { pluginText } from '../translations'
import { replyTarget } from './direct-messages'
import { recordReplySent } from './first-answer'
import { fillReplyTemplate } from './template-text'
import { interactionsSlug } from './interactions-collection'
import { interactionLogFields } from './log-entry'
import { credentialsFor, NetworkActionError } from './network-actions'
import type { ActionSettings } from './network-actions'
import { interactionRepliesSlug } from './replies-collection'
import { responseTemplatesSlug } from './templates-collection'

export type ContentLanguage = 'fr' | 'ar' | 'ary'

export type ReplyRequest = {
  text?: string
  templateId?: number
  language?: ContentLanguage
  idempotencyKey: string
  /** When the sender opened the thread: anything newer is shown to them before sending. */
  openedAt?: Date
  /** Send although the thread changed or a colleague replied meanwhile. */
  confirm?: boolean
}

/** Why a reply is refused, with its HTTP status, code and words. */
export class ReplyRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    readonly reason: Localized,
    readonly field?: string,
  ) {
    super(reason.en)
    this.name = 'ReplyRefusal'
  }
}

/** Categories whose threads need NCSC's approval before a community manager's reply goes out. */
const sensitiveCategories = new Set(['hate', 'harassment', 'defamation'])

/** Escalated once (even answered since) or in a sensitive category: replies there are NCSC's to clear. */
const isSensitive = (interaction: Interaction) => Boolean(interaction.escalatedAt) || sensitiveCategories.has(interaction.moderation?.category ?? '')

async function replyText(payload: Payload, interaction: Interaction, request: ReplyRequest): Promise<{ text: string; template: number | null }> {
  if (request.templateId === undefined) {
    const text = request.text?.trim()
    if (!text) throw new ReplyRefusal(400, 'text_required', pluginText('inboxReplies:textRequired'), 'text')
    return { text, template: null }
  }
  const template = await payload.findByID({
    collection: responseTemplatesSlug,
    id: request.templateId,
    locale: request.language ?? 'fr',
    fallbackLocale: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!template || template.state !== 'approved')
    throw new ReplyRefusal(409, 'template_not_approved', pluginText('inboxReplies:templateNotApproved'), 'templateId')
  const body = request.text?.trim() || template.body?.trim()
  if (!body) throw new ReplyRefusal(400, 'template_no_text', pluginText('inboxReplies:templateNoText'), 'language')
  return { text: fillReplyTemplate(body, interaction.authorHandle), template: Number(template.id) }
}

/** What changed on the thread since it was opened: a colleague's reply, or the thread itself. */
async function collision(payload: Payload, interaction: Interaction, openedAt: Date, user: User): Promise<ReplyRefusal | null> {
  const { docs } = await payload.find({
    collection: interactionRepliesSlug,
    where: { and: [{ interaction: { equals: interaction.id } }, { createdAt: { greater_than: openedAt.toISOString() } }, { author: { not_equals: user.id } }] },
    limit: 1,
    depth: 1,
    overrideAccess: true,
  })
  const colleague = docs[0]?.author
  if (docs[0]) {
    const name = colleague && typeof colleague === 'object' ? (colleague.name ?? colleague.email) : '—'
    return new ReplyRefusal(409, 'colleague_replied', pluginText('inboxReplies:colleagueReplied', { name }))
  }
  if (new Date(interaction.updatedAt) > openedAt) return new ReplyRefusal(409, 'thread_changed', pluginText('inboxReplies:threadChanged'))
  return null
}

/**
 * Records the reply once per idempotency key and sends it, unless the thread is sensitive and the
 * sender is not NCSC (then it waits for NCSC's approval). Returns the outbox row.
 */
export async function requestReply(
  payload: Payload,
  settings: ActionSettings,
  interaction: Interaction,
  user: User,
  request: ReplyRequest,
): Promise<InteractionReply> {
  const existing = await findByKey(payload, request.idempotencyKey)
  if (existing) {
    const interactionId = typeof existing.interaction === 'object' ? existing.interaction.id : existing.interaction
    if (String(interactionId) !== String(interaction.id)) throw new ReplyRefusal(409, 'key_reused', pluginText('inboxReplies:keyReused'), 'idempotencyKey')
    return existing
  }
  const { text, template } = await replyText(payload, interaction, request)
  const destination = await replyTarget(payload, interaction, new Date())
  if ('refusal' in destination) throw new ReplyRefusal(409, destination.refusal.code, destination.refusal.reason)
  if (request.openedAt && !request.confirm) {
    const refusal = await collision(payload, interaction, request.openedAt, user)
    if (refusal) throw refusal
  }
  const waits = isSensitive(interaction) && !hasRole(user, 'ncsc', 'admin')
  let reply: InteractionReply
  try {
    reply = await payload.create({
      collection: interactionRepliesSlug,
      overrideAccess: true,
      data: {
        interaction: interaction.id,
        template,
        text,
        idempotencyKey: request.idempotencyKey,
        state: waits ? 'awaiting_approval' : 'pending',
        author: user.id,
      },
    })
  } catch (error) {
    // The same key sent twice at once: the other request made the row, and sends it.
    const raced = await findByKey(payload, request.idempotencyKey)
    if (raced) return raced
    throw error
  }
  return waits ? reply : sendReply(payload, settings, reply.id, user)
}

async function findByKey(payload: Payload, idempotencyKey: string): Promise<InteractionReply | undefined> {
  const { docs } = await payload.find({
    collection: interactionRepliesSlug,
    where: { idempotencyKey: { equals: idempotencyKey } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]
}

/** NCSC's decision on a reply waiting for approval; an approved reply is sent at once. */
export async function decideOnReply(payload: Payload, settings: ActionSettings, replyId: number, user: User, approve: boolean): Promise<InteractionReply> {
  const state = approve ? 'pending' : 'rejected'
  const { rowCount } = await sqlPool(payload).query(
    `UPDATE interaction_replies SET state = $2, approved_by_id = $3, updated_at = now() WHERE id = $1 AND state = 'awaiting_approval'`,
    [replyId, state, user.id],
  )
  if (!rowCount) throw new ReplyRefusal(409, 'not_awaiting_approval', pluginText('inboxReplies:notAwaitingApproval'))
  return approve
    ? sendReply(payload, settings, replyId, user)
    : payload.findByID({ collection: interactionRepliesSlug, id: replyId, depth: 0, overrideAccess: true })
}

/** Sends a pending reply; only the caller that claims it calls the network. */
export async function sendReply(payload: Payload, settings: ActionSettings, replyId: number, user: User): Promise<InteractionReply> {
  const pool = sqlPool(payload)
  const claimed = await pool.query(`UPDATE interaction_replies SET state = 'sending', updated_at = now() WHERE id = $1 AND state = 'pending' RETURNING id`, [
    replyId,
  ])
  const reload = () => payload.findByID({ collection: interactionRepliesSlug, id: replyId, depth: 0, overrideAccess: true })
  if (!claimed.rowCount) return reload()
  const reply = await reload()
  const interactionId = typeof reply.interaction === 'object' ? reply.interaction.id : reply.interaction
  const interaction = await payload.findByID({ collection: interactionsSlug, id: interactionId, depth: 0, overrideAccess: true })
  // Checked again at sending: a reply approved late may have missed a private message's window.
  const destination = await replyTarget(payload, interaction, new Date())
  if ('refusal' in destination) {
    await pool.query(`UPDATE interaction_replies SET state = 'failed', error = $2, updated_at = now() WHERE id = $1`, [
      replyId,
      reasonText(destination.refusal.reason),
    ])
    return reload()
  }
  let remoteId: string | null
  try {
    const credentials = await credentialsFor(payload, settings.runtime, interaction)
    const result = await settings.runtime.adapters[interaction.network].moderate(
      destination.target,
      { action: 'reply', text: reply.text },
      credentials,
      settings.runtime.adapterContext(interaction.network),
    )
    remoteId = result?.remoteId ?? null
  } catch (error) {
    const reason = error instanceof NetworkError || error instanceof NetworkActionError ? error.reason : null
    if (!reason) throw error
    const unknown = error instanceof NetworkError && error.kind === 'outcome_unknown'
    await pool.query(`UPDATE interaction_replies SET state = $2, error = $3, updated_at = now() WHERE id = $1`, [
      replyId,
      unknown ? 'outcome_unknown' : 'failed',
      reasonText(reason),
    ])
    return reload()
  }
  const sentAt = new Date().toISOString()
  await pool.query(`UPDATE interaction_replies SET state = 'sent', remote_id = $2, sent_at = $3, error = NULL, updated_at = now() WHERE id = $1`, [
    replyId,
    remoteId,
    sentAt,
  ])
  await recordReplySent(pool, Number(interaction.id), sentAt)
  await payload.update({
    collection: interactionsSlug,
    id: interaction.id,
    overrideAccess: true,
    data: { status: interaction.status === 'closed' ? 'closed' : 'answered', reviewed: true },
    context: { inboxActionLogged: true },
  })
  await appendModerationLog(
    payload,
    {
      kind: 'reply',
      actor: { type: 'user', userId: user.id },
      ...interactionLogFields(interaction, { withText: true }),
      action: 'reply',
      before: { status: interaction.status },
      after: { status: interaction.status === 'closed' ? 'closed' : 'answered', replyId, remoteId, template: reply.template ?? null },
    },
    { pseudonymKey: settings.pseudonymKey },
  )
  return reload()
}
