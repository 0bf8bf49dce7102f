/**
 * When the campaign first answered an inbound item — its first reply sent from Badil, or the
 * first reply the campaign's own account posted on the network — kept on the item
 * (`first_answered_at`), so the community KPIs (response rate and time, answers within target)
 * read a column instead of searching the replies of every item of a period.
 */
import type { SqlClient } from '../../../src/infra/database'

/** A reply sent from Badil at `sentAt` answers its item then, unless an earlier answer did. */
export async function recordReplySent(db: SqlClient, interactionId: number, sentAt: string): Promise<void> {
  await db.query(`UPDATE interactions SET first_answered_at = least(coalesce(first_answered_at, $2::timestamptz), $2::timestamptz) WHERE id = $1`, [
    interactionId,
    sentAt,
  ])
}

/**
 * Newly stored items, either way round: the campaign's own replies among them answer their parent
 * items, and an item whose answer was stored before it (a poll finding the reply first) gets it.
 */
export async function recordFirstAnswers(db: SqlClient, storedIds: readonly number[]): Promise<void> {
  if (storedIds.length === 0) return
  await db.query(
    `UPDATE interactions parent SET first_answered_at = least(coalesce(parent.first_answered_at, own.at), own.at)
       FROM (SELECT network, parent_remote_id, min(coalesce(remote_created_at, received_at)) AS at
               FROM interactions WHERE id = ANY($1::int[]) AND from_account_itself AND parent_remote_id IS NOT NULL
              GROUP BY 1, 2) own
      WHERE parent.network = own.network AND parent.remote_id = own.parent_remote_id AND NOT coalesce(parent.from_account_itself, false)`,
    [storedIds],
  )
  await db.query(
    `UPDATE interactions item SET first_answered_at = least(coalesce(item.first_answered_at, own.at), own.at)
       FROM (SELECT o.network, o.parent_remote_id, min(coalesce(o.remote_created_at, o.received_at)) AS at
               FROM interactions o
               JOIN interactions fresh ON fresh.network = o.network AND fresh.remote_id = o.parent_remote_id
              WHERE fresh.id = ANY($1::int[]) AND NOT coalesce(fresh.from_account_itself, false) AND o.from_account_itself
              GROUP BY 1, 2) own
      WHERE item.id = ANY($1::int[]) AND item.network = own.network AND item.remote_id = own.parent_remote_id`,
    [storedIds],
  )
}
