import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'

export type AttemptStart = {
  variantId: number
  attemptNumber: number
  kind: 'publish' | 'reconcile' | 'manual' | 'resolve'
  idempotencyKey: string
  instance: string
  platform: string
  accountId?: number | null
  actorId?: number | null
  requestSummary?: Record<string, unknown>
  outcome?: AttemptOutcome
}

export type AttemptOutcome =
  'in_progress' | 'succeeded' | 'retry_scheduled' | 'rate_limited' | 'failed' | 'outcome_unknown' | 'found' | 'not_found' | 'vetoed' | 'interrupted'

export type AttemptFinish = {
  outcome: AttemptOutcome
  response?: unknown
  errorKind?: string | null
  reason?: string | null
  remoteId?: string | null
  permalink?: string | null
  retryAt?: Date | null
  requestSummary?: Record<string, unknown>
}

export type OpenAttempt = { id: number | string; startedAt: Date }

/** Each variant's attempts share one key: the network side and `lookup` see the same publication. */
export function idempotencyKeyOf(variantId: number | string): string {
  return `badil-variant-${variantId}`
}

/**
 * Attempts are written in SQL like the variant's state changes: they are the engine's own record,
 * written on every publication, and Payload's create path (validation, hooks, locale handling)
 * cost more than the network call itself under load. The collection reads them as usual.
 */
export async function startAttempt(payload: Payload, start: AttemptStart): Promise<OpenAttempt> {
  const startedAt = new Date()
  const { rows } = await sqlPool(payload).query(
    `INSERT INTO publication_attempts
       (variant_id, attempt_number, kind, idempotency_key, instance, platform, network_account_id, actor_id, outcome, request_summary, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      start.variantId,
      start.attemptNumber,
      start.kind,
      start.idempotencyKey,
      start.instance,
      start.platform,
      start.accountId ?? null,
      start.actorId ?? null,
      start.outcome ?? 'in_progress',
      start.requestSummary ? JSON.stringify(start.requestSummary) : null,
      startedAt,
    ],
  )
  return { id: Number(rows[0]!.id), startedAt }
}

export async function finishAttempt(payload: Payload, attempt: OpenAttempt, finish: AttemptFinish): Promise<void> {
  const finishedAt = new Date()
  await sqlPool(payload).query(
    `UPDATE publication_attempts
        SET outcome = $2, response = $3, error_kind = $4, reason = $5, remote_id = $6, permalink = $7, retry_at = $8,
            finished_at = $9, duration_ms = $10, request_summary = COALESCE($11, request_summary), updated_at = now()
      WHERE id = $1`,
    [
      attempt.id,
      finish.outcome,
      finish.response === undefined ? null : JSON.stringify(finish.response),
      finish.errorKind ?? null,
      finish.reason ?? null,
      finish.remoteId ?? null,
      finish.permalink ?? null,
      finish.retryAt ?? null,
      finishedAt,
      finishedAt.getTime() - attempt.startedAt.getTime(),
      finish.requestSummary ? JSON.stringify(finish.requestSummary) : null,
    ],
  )
}
