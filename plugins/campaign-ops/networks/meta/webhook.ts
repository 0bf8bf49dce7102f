/**
 * Meta's webhooks for Facebook Pages and Instagram (docs/networks.md#meta-webhooks): the one-time
 * verification handshake, the `X-Hub-Signature-256` check over the raw body, and the reading of
 * comment events and private messages (Messenger, Instagram Direct) into Badil's inbound shape.
 * Pure: no I/O.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import type { InboundEvent } from '../inbound'
import { directConversationKey } from './messaging'

/** Constant-time comparison of two secrets: their digests have one length, so not even the length leaks. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/**
 * The answer to Meta's `GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`: the challenge
 * when the token is ours, null otherwise (an empty configured token never matches).
 */
export function verificationChallenge(query: URLSearchParams | undefined, verifyToken: string | undefined): string | null {
  if (!verifyToken) return null
  if (query?.get('hub.mode') !== 'subscribe') return null
  const challenge = query.get('hub.challenge')
  const token = query.get('hub.verify_token') ?? ''
  if (!challenge || !sameSecret(token, verifyToken)) return null
  return challenge
}

/** HMAC-SHA256 of the raw bytes with the app secret, as Meta sends it: `sha256=<hex>`. */
export function metaSignature(rawBody: Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`
}

/** True when `header` is the signature of exactly these bytes (checked before any parsing). */
export function hasValidMetaSignature(rawBody: Uint8Array, header: string | null, appSecret: string | undefined): boolean {
  if (!appSecret || !header || !header.startsWith('sha256=')) return false
  const expected = Buffer.from(metaSignature(rawBody, appSecret).slice('sha256='.length), 'hex')
  const given = Buffer.from(header.slice('sha256='.length), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

type MetaFrom = { id?: unknown; name?: unknown; username?: unknown }
type MetaChange = { field?: unknown; value?: Record<string, unknown> }
type MetaEntry = { id?: unknown; time?: unknown; changes?: unknown; field?: unknown; value?: unknown; messaging?: unknown }

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined

/** Unix seconds (Meta's `created_time`, `time`) or an ISO string, as a date. */
function metaTime(value: unknown): Date | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000)
  if (typeof value === 'string' && value !== '') {
    const parsed = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value)
    if (!Number.isNaN(parsed.getTime())) return parsed
  }
  return undefined
}

const verbs = new Set(['add', 'edited', 'remove', 'hide', 'unhide'])

/** A Page `feed` change about a comment, or nothing for posts, reactions and shares. */
function pageComment(pageId: string, entryTime: Date, value: Record<string, unknown>): InboundEvent | undefined {
  if (value.item !== 'comment') return undefined
  const remoteId = asString(value.comment_id)
  const verb = asString(value.verb) ?? 'add'
  if (!remoteId || !verbs.has(verb)) return undefined
  const postRemoteId = asString(value.post_id) ?? asString((value.post as { id?: unknown } | undefined)?.id)
  const parentRemoteId = asString(value.parent_id)
  const from = (value.from ?? undefined) as MetaFrom | undefined
  const authorId = asString(from?.id)
  const createdAt = metaTime(value.created_time)
  return {
    network: 'facebook',
    accountRemoteId: pageId,
    remoteId,
    kind: parentRemoteId && parentRemoteId !== postRemoteId ? 'reply' : 'comment',
    verb: verb as InboundEvent['verb'],
    postRemoteId: postRemoteId ?? null,
    parentRemoteId: parentRemoteId && parentRemoteId !== postRemoteId ? parentRemoteId : null,
    author: authorId ? { id: authorId, handle: asString(from?.name) ?? null } : null,
    text: typeof value.message === 'string' ? value.message : null,
    // An edit or a removal happens at the delivery's time; a new comment at its own creation time.
    occurredAt: verb === 'add' ? (createdAt ?? entryTime) : entryTime,
    createdAt: createdAt ?? null,
    fromAccountItself: authorId === pageId,
  }
}

/** An Instagram `comments` / `live_comments` change. */
function instagramComment(igUserId: string, entryTime: Date, value: Record<string, unknown>): InboundEvent | undefined {
  const remoteId = asString(value.id)
  if (!remoteId) return undefined
  const from = (value.from ?? undefined) as MetaFrom | undefined
  const authorId = asString(from?.id)
  const parentRemoteId = asString(value.parent_id)
  return {
    network: 'instagram',
    accountRemoteId: igUserId,
    remoteId,
    kind: parentRemoteId ? 'reply' : 'comment',
    verb: 'add',
    postRemoteId: asString((value.media as { id?: unknown } | undefined)?.id) ?? null,
    parentRemoteId: parentRemoteId ?? null,
    author: authorId ? { id: authorId, handle: asString(from?.username) ?? null } : null,
    text: typeof value.text === 'string' ? value.text : null,
    occurredAt: entryTime,
    createdAt: entryTime,
    fromAccountItself: authorId === igUserId,
  }
}

type MessagingParty = { id?: unknown }
type MessagingEvent = {
  sender?: MessagingParty
  recipient?: MessagingParty
  timestamp?: unknown
  message?: { mid?: unknown; text?: unknown; is_echo?: unknown; is_deleted?: unknown; attachments?: unknown }
  message_edit?: { mid?: unknown; text?: unknown }
}

/** Messaging timestamps are Unix milliseconds (feed changes use seconds). */
function messagingTime(value: unknown): Date | undefined {
  const milliseconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
  return Number.isFinite(milliseconds) ? new Date(milliseconds) : undefined
}

/**
 * What a message without text carried, as Meta names it (`[image]`, `[audio, file]`): the inbox
 * shows that something was sent, in words that read the same in every language. No URL is kept
 * (Meta's attachment links expire and may be private).
 */
function attachmentsSummary(attachments: unknown): string | null {
  if (!Array.isArray(attachments) || attachments.length === 0) return null
  const types = attachments.map((attachment) => asString((attachment as { type?: unknown } | null)?.type) ?? 'attachment')
  return `[${[...new Set(types)].join(', ')}]`
}

/**
 * One `messaging` item of a Page (Messenger) or Instagram delivery: a private message, an unsent
 * one, or an edit; an echo is a message the account itself sent (Meta Business Suite, the app, or
 * Badil's own reply), kept in the conversation unmoderated. Reads, deliveries, reactions and
 * postbacks carry no message and are left out.
 */
function directMessage(network: 'facebook' | 'instagram', entryAccountId: string, entryTime: Date, item: MessagingEvent): InboundEvent | undefined {
  const edit = item.message_edit
  const message = item.message ?? edit
  const remoteId = asString(message?.mid)
  if (!message || !remoteId) return undefined
  const senderId = asString(item.sender?.id)
  const recipientId = asString(item.recipient?.id)
  // An edit carries no is_echo: the account's own message is the one it sent.
  const echo = item.message?.is_echo === true || (senderId !== undefined && senderId === entryAccountId)
  // The account is the recipient of a person's message and the sender of an echo.
  const accountRemoteId = (echo ? senderId : recipientId) ?? entryAccountId
  const personId = echo ? recipientId : senderId
  if (!personId) return undefined
  const at = messagingTime(item.timestamp) ?? entryTime
  const verb: InboundEvent['verb'] = item.message?.is_deleted === true ? 'remove' : edit ? 'edited' : 'add'
  const text = typeof message.text === 'string' && message.text !== '' ? message.text : attachmentsSummary(item.message?.attachments)
  return {
    network,
    accountRemoteId,
    remoteId,
    kind: 'dm',
    verb,
    postRemoteId: null,
    parentRemoteId: directConversationKey(personId),
    // Meta sends no name with a message: only the scoped id, which the inbox keeps as a pseudonym.
    author: { id: echo ? accountRemoteId : personId, handle: null },
    text: verb === 'remove' ? null : text,
    occurredAt: at,
    createdAt: verb === 'add' ? at : null,
    fromAccountItself: echo,
  }
}

/**
 * The comment and private-message events of one delivery. Instagram's may carry `field`/`value`
 * directly in the entry instead of under `changes`; both shapes are read, and an entry's
 * `messaging` items (Messenger, Instagram Direct) beside them. Anything else (posts, reactions,
 * mentions of other kinds) is left out. Throws only when the body is not a Meta delivery at all.
 */
export function readMetaDelivery(body: unknown): InboundEvent[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not a JSON object')
  const { object, entry } = body as { object?: unknown; entry?: unknown }
  if ((object !== 'page' && object !== 'instagram') || !Array.isArray(entry)) throw new Error('not a Meta page or instagram delivery')
  const events: InboundEvent[] = []
  for (const item of entry as MetaEntry[]) {
    const accountId = asString(item?.id)
    if (!accountId) continue
    const entryTime = metaTime(item.time) ?? new Date()
    if (Array.isArray(item.messaging)) {
      const network = object === 'page' ? 'facebook' : 'instagram'
      // Messaging entries give their time in milliseconds.
      const messagingEntryTime = messagingTime(item.time) ?? new Date()
      for (const message of item.messaging as MessagingEvent[]) {
        const event = message && typeof message === 'object' ? directMessage(network, accountId, messagingEntryTime, message) : undefined
        if (event) events.push(event)
      }
    }
    const changes: MetaChange[] = Array.isArray(item.changes)
      ? (item.changes as MetaChange[])
      : item.field
        ? [{ field: item.field, value: item.value as Record<string, unknown> }]
        : []
    for (const change of changes) {
      if (!change?.value || typeof change.value !== 'object') continue
      const event =
        object === 'page'
          ? change.field === 'feed'
            ? pageComment(accountId, entryTime, change.value)
            : undefined
          : change.field === 'comments' || change.field === 'live_comments'
            ? instagramComment(accountId, entryTime, change.value)
            : undefined
      if (event) events.push(event)
    }
  }
  return events
}
