/**
 * Meta's webhooks for Facebook Pages and Instagram (docs/networks.md#meta-webhooks): the one-time
 * verification handshake, the `X-Hub-Signature-256` check over the raw body, and the reading of
 * comment events into Badil's inbound shape. Pure: no I/O.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import type { InboundEvent } from '../inbound'

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
type MetaEntry = { id?: unknown; time?: unknown; changes?: unknown; field?: unknown; value?: unknown }

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

/**
 * The comment events of one delivery. Instagram's may carry `field`/`value` directly in the entry
 * instead of under `changes`; both shapes are read. Anything else (posts, reactions, mentions of
 * other kinds) is left out. Throws only when the body is not a Meta delivery at all.
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
