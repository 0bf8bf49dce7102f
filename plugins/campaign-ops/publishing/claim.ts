import type { SqlClient } from '../../../src/infra/database'
import { networkOfPlatform } from '../../../src/domain/networks'
import type { Platform } from '../../../src/domain/platform-limits'

/**
 * The scheduler's claims, in PostgreSQL only: every instance runs the same statements, and a row
 * lock with SKIP LOCKED plus a random claim token decide which one holds a variant. A claim is a
 * lease: an instance that dies stops renewing it, and the next sweep takes the variant over.
 */

export type Claim = {
  variantId: number
  claimToken: string
  attempts: number
  /** The publish attempt opened with the claim (same statement, same commit). */
  attempt?: { id: number; startedAt: Date }
}

/**
 * The workflow's clearance (src/workflow/publication-clearance.ts) in SQL, on `v` (the variant) and
 * `i` (its item): the item is approved or published, and a sensitive item's variant carries NCSC's
 * approval. The engine checks again, with the approved text's hash, before it sends anything.
 */
const clearedForPublication = `i.workflow_state IN ('approved', 'published')
         AND (i.sensitivity IS DISTINCT FROM 'sensitive' OR v.approval_state = 'approved')`

/**
 * Claims up to `limit` due variants: scheduled, at or past their time, cleared by the workflow,
 * past any retry delay, not during a crisis pause, and not on an account that is rate limited,
 * waiting to be reconnected or published by hand. The variant moves to `publishing` in the same
 * statement.
 */
export async function claimDueVariants(db: SqlClient, options: { limit: number; leaseMs: number; instance: string }): Promise<Claim[]> {
  // The claim and its attempt row commit together: one disk flush instead of two per publication.
  const { rows } = await db.query(
    `WITH due AS (
       SELECT v.id FROM platform_variants v
       JOIN content_items i ON i.id = v.content_item_id
       LEFT JOIN network_accounts a ON a.id = v.network_account_id
       WHERE v.publication_state = 'scheduled'
         AND v.scheduled_at <= now()
         AND ${clearedForPublication}
         AND (v.next_attempt_at IS NULL OR v.next_attempt_at <= now())
         AND NOT COALESCE((SELECT c.active FROM crisis_mode c LIMIT 1), false)
         AND (a.id IS NULL OR (a.connection = 'api' AND a.status IS DISTINCT FROM 'needs_reconnect'
              AND (a.rate_limited_until IS NULL OR a.rate_limited_until <= now())))
       ORDER BY v.scheduled_at, v.id
       LIMIT $1
       FOR UPDATE OF v SKIP LOCKED
     ), claimed AS (
       UPDATE platform_variants v
          SET publication_state = 'publishing',
              lease_until = now() + make_interval(secs => $2::double precision / 1000),
              claim_token = gen_random_uuid()::text,
              attempts = COALESCE(v.attempts, 0) + 1,
              updated_at = now()
         FROM due WHERE v.id = due.id
       RETURNING v.id, v.claim_token, v.attempts, v.platform, v.network_account_id
     )
     INSERT INTO publication_attempts (variant_id, attempt_number, kind, idempotency_key, instance, platform, network_account_id, outcome, started_at)
     SELECT id, attempts, 'publish', 'badil-variant-' || id, $3, platform::text, network_account_id, 'in_progress', now() FROM claimed
     RETURNING variant_id, id AS attempt_id, started_at, attempt_number,
               (SELECT c.claim_token FROM claimed c WHERE c.id = variant_id) AS claim_token`,
    [options.limit, options.leaseMs, options.instance],
  )
  return rows.map((row) => ({
    variantId: Number(row.variant_id),
    claimToken: String(row.claim_token),
    attempts: Number(row.attempt_number),
    attempt: { id: Number(row.attempt_id), startedAt: new Date(row.started_at as string) },
  }))
}

/** Claims unknown outcomes whose reconciliation is due; the state stays `outcome_unknown`. */
export async function claimReconciliations(db: SqlClient, options: { limit: number; leaseMs: number }): Promise<Claim[]> {
  const { rows } = await db.query(
    `WITH due AS (
       SELECT v.id FROM platform_variants v
       WHERE v.publication_state = 'outcome_unknown'
         AND v.next_attempt_at IS NOT NULL AND v.next_attempt_at <= now()
         AND (v.lease_until IS NULL OR v.lease_until < now())
       ORDER BY v.next_attempt_at, v.id
       LIMIT $1
       FOR UPDATE OF v SKIP LOCKED
     )
     UPDATE platform_variants v
        SET lease_until = now() + make_interval(secs => $2::double precision / 1000),
            claim_token = gen_random_uuid()::text
       FROM due WHERE v.id = due.id
     RETURNING v.id, v.claim_token, v.attempts`,
    [options.limit, options.leaseMs],
  )
  return rows.map((row) => ({ variantId: Number(row.id), claimToken: String(row.claim_token), attempts: Number(row.attempts) }))
}

/** Extends a held lease; false when the claim was lost (another instance took the variant over). */
export async function renewLease(db: SqlClient, claim: Claim, leaseMs: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE platform_variants SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
      WHERE id = $1 AND claim_token = $2`,
    [claim.variantId, claim.claimToken, leaseMs],
  )
  return (rowCount ?? 0) > 0
}

/**
 * Variants left `publishing` by an instance that stopped (crash, SIGKILL, lost machine): nobody
 * knows whether the network got the post, so they become unknown outcomes for `lookup` to settle.
 * Their open attempts are closed as interrupted.
 */
export async function sweepExpiredLeases(db: SqlClient, reconcileAfterMs: number): Promise<number[]> {
  const { rows } = await db.query(
    `UPDATE platform_variants
        SET publication_state = 'outcome_unknown', claim_token = NULL, lease_until = NULL,
            next_attempt_at = now() + make_interval(secs => $1::double precision / 1000),
            last_error = 'The instance publishing this variant stopped before it finished; checking the network.',
            updated_at = now()
      WHERE publication_state = 'publishing' AND lease_until < now()
      RETURNING id`,
    [reconcileAfterMs],
  )
  const ids = rows.map((row) => Number(row.id))
  // Attempts left open by a stopped instance (publish or reconciliation): their variant's lease is
  // gone. An open attempt and its lease are always written in one statement, so this never
  // closes a live one.
  await db.query(
    `UPDATE publication_attempts a
        SET outcome = 'interrupted', finished_at = now(), updated_at = now(),
            reason = 'The instance stopped before the network answered.'
       FROM platform_variants v
      WHERE a.variant_id = v.id AND a.outcome = 'in_progress'
        AND (v.lease_until IS NULL OR v.lease_until < now())`,
  )
  return ids
}

/** The account a variant publishes through: its own, or the only API account of its network. */
export async function resolveAccountId(
  db: SqlClient,
  variantId: number,
  /** The variant's own account when the caller already read it (saves a query per publication). */
  own?: number | null,
): Promise<{ accountId: number | null; candidates: number }> {
  if (own !== undefined && own !== null) return { accountId: own, candidates: 1 }
  const { rows } = await db.query(`SELECT network_account_id, platform::text AS platform FROM platform_variants WHERE id = $1`, [variantId])
  const row = rows[0]
  if (!row) return { accountId: null, candidates: 0 }
  if (row.network_account_id !== null && row.network_account_id !== undefined) return { accountId: Number(row.network_account_id), candidates: 1 }
  const network = networkOfPlatform[row.platform as Platform]
  const { rows: candidates } = await db.query(`SELECT id FROM network_accounts WHERE network = $1 ORDER BY id LIMIT 2`, [network])
  return { accountId: candidates.length === 1 ? Number(candidates[0]!.id) : null, candidates: candidates.length }
}

/**
 * Scheduled variants the workflow no longer clears (their item left approval, or a sensitive
 * item's variant lost its NCSC approval) leave the queue as `held`, with the reason: the claim
 * never takes them, and a person sees why. Items leaving approval hold their variants at once;
 * this catches whatever reached `scheduled` otherwise (a reconciliation queuing a post again).
 */
export async function holdUnclearedVariants(db: SqlClient, reasons: { itemNotApproved: string; variantNotApproved: string }): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE platform_variants v
        SET publication_state = 'held', next_attempt_at = NULL, updated_at = now(),
            last_error = CASE WHEN EXISTS (SELECT 1 FROM content_items i WHERE i.id = v.content_item_id AND i.workflow_state IN ('approved', 'published'))
                              THEN $2 ELSE $1 END
      WHERE v.publication_state = 'scheduled'
        AND NOT EXISTS (SELECT 1 FROM content_items i WHERE i.id = v.content_item_id AND ${clearedForPublication})`,
    [reasons.itemNotApproved, reasons.variantNotApproved],
  )
  return rowCount ?? 0
}
