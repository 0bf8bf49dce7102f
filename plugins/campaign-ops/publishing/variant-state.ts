import type { SqlClient } from '../../../src/infra/database'
import type { AttemptFinish, OpenAttempt } from './attempts'
import type { Claim } from './claim'
import type { Localized } from '../../../src/i18n/catalogue'

/**
 * The engine's state changes of a variant, in SQL: each one requires the claim that was taken, so
 * an instance that lost its lease can never overwrite what another one decided. They bypass the
 * collection's hooks on purpose: these are not editorial edits.
 */

/** Reasons are kept in the campaign's three admin languages, one per line. */
export function reasonText(reason: Localized | string): string {
  return typeof reason === 'string' ? reason : `${reason.fr}\n${reason.ar}\n${reason.en}`
}

const releaseClaim = `claim_token = NULL, lease_until = NULL, updated_at = now()`

export type Settlement = AttemptFinish & { attempt: OpenAttempt }

/**
 * Runs a variant update and closes its attempt in one statement: they commit together (the
 * attempt history never disagrees with the state) and cost one disk flush. Returns whether the
 * variant row was changed.
 */
async function settle(db: SqlClient, variantUpdate: string, values: unknown[], settlement: Settlement): Promise<boolean> {
  const base = values.length
  const finishedAt = new Date()
  const { rows } = await db.query(
    `WITH changed AS (${variantUpdate} RETURNING id)
     UPDATE publication_attempts
        SET outcome = $${base + 2}, response = $${base + 3}, error_kind = $${base + 4}, reason = $${base + 5}, remote_id = $${base + 6},
            permalink = $${base + 7}, retry_at = $${base + 8}, finished_at = $${base + 9}, duration_ms = $${base + 10},
            request_summary = COALESCE($${base + 11}, request_summary), updated_at = now()
      WHERE id = $${base + 1}
     RETURNING (SELECT count(*) FROM changed)::int AS changed`,
    [
      ...values,
      settlement.attempt.id,
      settlement.outcome,
      settlement.response === undefined ? null : JSON.stringify(settlement.response),
      settlement.errorKind ?? null,
      settlement.reason ?? null,
      settlement.remoteId ?? null,
      settlement.permalink ?? null,
      settlement.retryAt ?? null,
      finishedAt,
      finishedAt.getTime() - settlement.attempt.startedAt.getTime(),
      settlement.requestSummary ? JSON.stringify(settlement.requestSummary) : null,
    ],
  )
  return Number(rows[0]?.changed ?? 0) > 0
}

/**
 * The post is on the network. Also accepted without the claim when the variant meanwhile became
 * an unknown outcome or was queued again by a reconciliation: the network's answer is the truth.
 */
export async function markPublished(
  db: SqlClient,
  claim: Claim,
  result: { remoteId: string; permalink: string | null },
  settlement: Settlement,
): Promise<boolean> {
  return settle(
    db,
    `UPDATE platform_variants
        SET publication_state = 'published', remote_id = $3, permalink = $4, published_at = now(),
            next_attempt_at = NULL, last_error = NULL, ${releaseClaim}
      WHERE id = $1 AND (claim_token = $2 OR publication_state IN ('outcome_unknown', 'scheduled'))`,
    [claim.variantId, claim.claimToken, result.remoteId, result.permalink],
    settlement,
  )
}

export async function scheduleRetry(db: SqlClient, claim: Claim, retryAt: Date, reason: string, settlement: Settlement): Promise<boolean> {
  return settle(
    db,
    `UPDATE platform_variants SET publication_state = 'scheduled', next_attempt_at = $3, last_error = $4, ${releaseClaim}
      WHERE id = $1 AND claim_token = $2`,
    [claim.variantId, claim.claimToken, retryAt, reason],
    settlement,
  )
}

export async function markFailed(db: SqlClient, claim: Claim, reason: string, settlement: Settlement): Promise<boolean> {
  return settle(
    db,
    `UPDATE platform_variants SET publication_state = 'failed', next_attempt_at = NULL, last_error = $3, ${releaseClaim}
      WHERE id = $1 AND claim_token = $2`,
    [claim.variantId, claim.claimToken, reason],
    settlement,
  )
}

/** `reconcileAt` null: no automatic reconciliation left, a person decides. */
export async function markOutcomeUnknown(db: SqlClient, claim: Claim, reconcileAt: Date | null, reason: string, settlement: Settlement): Promise<boolean> {
  return settle(
    db,
    `UPDATE platform_variants SET publication_state = 'outcome_unknown', next_attempt_at = $3, last_error = $4, ${releaseClaim}
      WHERE id = $1 AND claim_token = $2`,
    [claim.variantId, claim.claimToken, reconcileAt, reason],
    settlement,
  )
}

/** Reconciliation proved the post is not on the network: publish it again, now. */
export async function requeueAfterLookup(db: SqlClient, claim: Claim, reason: string, settlement: Settlement): Promise<boolean> {
  return settle(
    db,
    `UPDATE platform_variants SET publication_state = 'scheduled', next_attempt_at = NULL, last_error = $3, ${releaseClaim}
      WHERE id = $1 AND claim_token = $2 AND publication_state = 'outcome_unknown'`,
    [claim.variantId, claim.claimToken, reason],
    settlement,
  )
}

export async function markAccountRateLimited(db: SqlClient, accountId: number, until: Date, reason: string): Promise<void> {
  await db.query(
    `UPDATE network_accounts SET status = 'rate_limited', rate_limited_until = GREATEST(COALESCE(rate_limited_until, $2), $2), last_error = $3, updated_at = now()
      WHERE id = $1`,
    [accountId, until, reason],
  )
}

export async function markAccountNeedsReconnect(db: SqlClient, accountId: number, reason: string): Promise<void> {
  await db.query(`UPDATE network_accounts SET status = 'needs_reconnect', last_error = $2, updated_at = now() WHERE id = $1`, [accountId, reason])
}

/** A rate limit that has passed stops showing: the account is usable again. */
export async function clearExpiredRateLimits(db: SqlClient): Promise<void> {
  await db.query(
    `UPDATE network_accounts SET status = 'ok', rate_limited_until = NULL, updated_at = now()
      WHERE status = 'rate_limited' AND (rate_limited_until IS NULL OR rate_limited_until <= now())`,
  )
}
