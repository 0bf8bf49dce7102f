/**
 * Per-user secret tokens for the iCalendar feed URL: calendar apps subscribe to a URL and cannot
 * send an Authorization header. Only the token's sha256 is stored; issuing a new token revokes the
 * previous one.
 */

import { createHash, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

type Id = number | string

export type CalendarFeedUser = { id: Id; role?: string | null; language?: string | null; collection: 'users' }

/** 32 random bytes in base64url. */
const tokenFormat = /^[A-Za-z0-9_-]{43}$/

export function hashCalendarFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export async function issueCalendarFeedToken(payload: Payload, userId: Id): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await payload.update({
    collection: 'users',
    id: userId,
    overrideAccess: true,
    depth: 0,
    data: { calendarFeedTokenHash: hashCalendarFeedToken(token) } as Record<string, unknown>,
  })
  return token
}

/** The user a feed token belongs to, or null for a malformed, unknown or revoked token. */
export async function userForCalendarFeedToken(payload: Payload, token: string): Promise<CalendarFeedUser | null> {
  if (!tokenFormat.test(token)) return null
  const { docs } = await payload.find({
    collection: 'users',
    overrideAccess: true,
    depth: 0,
    limit: 1,
    where: { calendarFeedTokenHash: { equals: hashCalendarFeedToken(token) } },
  })
  const found = docs[0] as (Omit<CalendarFeedUser, 'collection'> & { calendarFeedTokenHash?: unknown }) | undefined
  if (!found) return null
  const { calendarFeedTokenHash: _hash, ...user } = found
  return { ...user, collection: 'users' }
}
