/**
 * Per-user secret tokens for the iCalendar feed URL: calendar apps subscribe to a URL and cannot
 * send an Authorization header. Only the token's sha256 is stored; issuing a new token revokes the
 * previous one.
 */

import { createHash, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { User } from '../../payload-types'

type Id = number | string

/** The user a feed token names, without the token's hash. */
export type CalendarFeedUser = Pick<User, 'id' | 'role' | 'language' | 'collection'>

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
    data: { calendarFeedTokenHash: hashCalendarFeedToken(token) },
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
  const found: User | undefined = docs[0]
  if (!found) return null
  const { calendarFeedTokenHash: _hash, ...user } = found
  return { ...user, collection: 'users' }
}
