/**
 * Collision care in the inbox: who else is viewing or replying to a thread right now, so two
 * colleagues do not answer the same person twice. The open view beats every 15 seconds; each beat
 * is a row of Payload's key-value table (`inbox-presence:{interactionId}:{userId}`), shared by every
 * instance, and a row without a beat for `presenceTimeoutMs` no longer counts and is swept by the
 * next beat of anyone.
 */
import type { User } from '../../../payload-types'
import { sqlPool } from '../../../src/infra/database'

export const presenceActivities = ['viewing', 'replying'] as const
export type PresenceActivity = (typeof presenceActivities)[number]

/** Three beats of the view: a presence survives two lost ones (a slow network, a sleeping tab). */
export const presenceTimeoutMs = 45_000

/** Someone on a thread: what they do there, and since when they do it. */
export type Presence = { userId: number; name: string; activity: PresenceActivity; since: string }

/** What a key holds: the presence and its last beat (`at`). */
type StoredPresence = Presence & { at: string }

const keyPrefix = 'inbox-presence:'

function presenceKey(interactionId: number, userId: number): string {
  return `${keyPrefix}${interactionId}:${userId}`
}

/** The keys of one thread; ids are integers, so nothing in them is a LIKE wildcard. */
function threadKeyPattern(interactionId: number): string {
  return `${keyPrefix}${interactionId}:%`
}

/** How colleagues know the person: their name, else the part of their e-mail before the @. */
export function presenceName(user: Pick<User, 'name' | 'email'>): string {
  return user.name?.trim() || user.email.split('@')[0]!
}

function expiryCutoff(now: Date): string {
  return new Date(now.getTime() - presenceTimeoutMs).toISOString()
}

function isActivity(value: unknown): value is PresenceActivity {
  return presenceActivities.some((activity) => activity === value)
}

/** A row as listed, or null for one this module did not write. */
function presenceOfRow(row: Record<string, unknown>): Presence | null {
  const { userId, name, activity, since } = row
  if (typeof name !== 'string' || typeof since !== 'string' || !isActivity(activity)) return null
  return { userId: Number(userId), name, activity, since }
}

/**
 * Records that `user` is on the thread doing `activity`, as of `now`. A beat with the same activity
 * keeps its `since`; a new activity, or a return after the presence expired, starts it again.
 * Expired presences of every thread are swept first.
 */
export async function recordPresence(
  payload: { db: unknown },
  interactionId: number,
  user: Pick<User, 'id' | 'name' | 'email'>,
  activity: PresenceActivity,
  now: Date = new Date(),
): Promise<void> {
  const pool = sqlPool(payload)
  const cutoff = expiryCutoff(now)
  await pool.query(`delete from payload_kv where key like $1 and (data->>'at')::timestamptz < $2::timestamptz`, [`${keyPrefix}%`, cutoff])
  const at = now.toISOString()
  const stored: StoredPresence = { userId: user.id, name: presenceName(user), activity, since: at, at }
  await pool.query(
    `insert into payload_kv (key, data) values ($1, $2::jsonb)
     on conflict (key) do update set data = excluded.data || jsonb_build_object('since',
       case when payload_kv.data->>'activity' = excluded.data->>'activity' and (payload_kv.data->>'at')::timestamptz >= $3::timestamptz
            then payload_kv.data->'since' else excluded.data->'since' end)`,
    [presenceKey(interactionId, user.id), JSON.stringify(stored), cutoff],
  )
}

/** Everyone on the thread as of `now` but `userId` (the caller sees only the others), longest there first. */
export async function othersPresent(payload: { db: unknown }, interactionId: number, userId: number, now: Date = new Date()): Promise<Presence[]> {
  const { rows } = await sqlPool(payload).query(
    `select (data->>'userId')::integer as "userId", data->>'name' as name, data->>'activity' as activity, data->>'since' as since
       from payload_kv
      where key like $1 and key <> $2 and (data->>'at')::timestamptz >= $3::timestamptz
      order by (data->>'since')::timestamptz, (data->>'userId')::integer`,
    [threadKeyPattern(interactionId), presenceKey(interactionId, userId), expiryCutoff(now)],
  )
  return rows.map(presenceOfRow).filter((presence): presence is Presence => presence !== null)
}

/** `userId` left the thread (closed the view): colleagues stop seeing them at once, not 45 s later. */
export async function leavePresence(payload: { db: unknown }, interactionId: number, userId: number): Promise<void> {
  await sqlPool(payload).query(`delete from payload_kv where key = $1`, [presenceKey(interactionId, userId)])
}
