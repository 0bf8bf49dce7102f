import { APIError } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import type { SqlClient } from '../../../src/infra/database'
import { advisoryLocks } from '../../../src/infra/locks'
import { hasRole } from '../../../src/domain/roles'
import { crisisEventsSlug, crisisModeSlug } from './crisis-mode-config'
import type { AdminLanguage } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

export type CrisisState = {
  active: boolean
  reason: string | null
  changedAt: string | null
  changedBy: { id: number | string; name?: string | null; email?: string | null } | null
}

export class CrisisModeError extends APIError<{ field?: string }> {
  constructor(message: string, status: 400 | 403 | 409, field?: string) {
    super(message, status, field ? { field } : {}, true)
    this.name = 'CrisisModeError'
  }
}

export async function readCrisisState(payload: Payload): Promise<CrisisState> {
  const global = await payload.findGlobal({ slug: crisisModeSlug, depth: 1, overrideAccess: true })
  const by = global.changedBy
  return {
    active: Boolean(global.active),
    reason: global.reason ?? null,
    changedAt: global.changedAt ?? null,
    changedBy: by && typeof by === 'object' ? { id: by.id, name: by.name ?? null, email: by.email ?? null } : by ? { id: by } : null,
  }
}

/**
 * Variants that fell due while publishing was paused wait in "held" for the CM to release or
 * reschedule them: after a crisis, yesterday's post must not go out on its own.
 */
async function holdOverdueVariants(db: SqlClient): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE platform_variants SET publication_state = 'held', next_attempt_at = NULL, updated_at = now()
      WHERE publication_state = 'scheduled' AND scheduled_at <= now()`,
  )
  return rowCount ?? 0
}

const messages = {
  forbidden: pluginText('crisisSwitch:forbidden'),
  reason: pluginText('crisisSwitch:reasonRequired'),
  already: (active: boolean) => pluginText(active ? 'crisisSwitch:alreadyOn' : 'crisisSwitch:alreadyOff'),
}

/**
 * Switches crisis mode (ncsc/admin, with a reason): one row in the crisis log per switch. On: the
 * scheduler's claim stops taking anything. Off: what fell due meanwhile is held.
 */
export async function switchCrisisMode(
  payload: Payload,
  request: { active: boolean; reason: string | null | undefined; user: PayloadRequest['user']; language?: AdminLanguage },
): Promise<CrisisState & { heldVariants: number }> {
  const language = request.language ?? 'fr'
  if (!hasRole(request.user, 'ncsc', 'admin')) throw new CrisisModeError(messages.forbidden[language], 403)
  const reason = request.reason?.trim()
  if (!reason) throw new CrisisModeError(messages.reason[language], 400, 'reason')
  const db = sqlPool(payload)
  // One switch at a time across instances: two people pressing at once cannot both succeed.
  const client = await db.connect()
  let heldVariants = 0
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [advisoryLocks.crisisSwitch])
    const { rows } = await client.query('SELECT active FROM crisis_mode LIMIT 1')
    const current = Boolean(rows[0]?.active)
    if (current === request.active) throw new CrisisModeError(messages.already(current)[language], 409, 'active')
    const now = new Date()
    if (rows.length === 0) {
      await client.query(`INSERT INTO crisis_mode (active, reason, changed_by_id, changed_at, updated_at, created_at) VALUES ($1, $2, $3, $4, now(), now())`, [
        request.active,
        reason,
        request.user!.id,
        now,
      ])
    } else {
      await client.query(`UPDATE crisis_mode SET active = $1, reason = $2, changed_by_id = $3, changed_at = $4, updated_at = now()`, [
        request.active,
        reason,
        request.user!.id,
        now,
      ])
    }
    if (!request.active) heldVariants = await holdOverdueVariants(client)
    await client.query(
      `INSERT INTO crisis_mode_events (active, reason, actor_id, at, held_variants, updated_at, created_at) VALUES ($1, $2, $3, $4, $5, now(), now())`,
      [request.active, reason, request.user!.id, now, request.active ? null : heldVariants],
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
  payload.logger.info({ msg: request.active ? 'Crisis mode on: publishing paused' : 'Crisis mode off', reason, heldVariants, by: request.user!.id })
  return { ...(await readCrisisState(payload)), heldVariants }
}

export { crisisEventsSlug }
