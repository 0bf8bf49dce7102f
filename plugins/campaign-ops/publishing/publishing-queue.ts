/**
 * The publishing queue: what goes out in the next hours, and what needs a person (unknown outcomes,
 * failures, held variants, dead claims, variants due on an account to reconnect or with no account
 * at all). Read by `GET /api/publishing/queue` and by the home page's publishing panels.
 */
import type { Payload } from 'payload'

import { platformLimits } from '../../../src/domain/platform-limits'
import type { Platform } from '../../../src/domain/platform-limits'
import { networkOfPlatform } from '../../../src/domain/networks'
import { sqlPool } from '../../../src/infra/database'

/** Who reads the queue: the people who schedule, publish and answer for it. */
export const publishingQueueRoles = ['admin', 'ncsc', 'cm'] as const

type QueueRow = {
  id: number
  label: string | null
  platform: string
  language: string
  scheduled_at: Date | null
  publication_state: string
  last_error: string | null
  lease_until: Date | null
  account_id: number | null
  account_name: string | null
  account_status: string | null
  account_connection: string | null
  item_id: number | null
  item_title: string | null
}

/** Why a variant needs a person, most urgent first. */
export const attentionReasons = ['outcome_unknown', 'failed', 'stale_claim', 'held', 'needs_reconnect', 'no_account'] as const
export type AttentionReason = (typeof attentionReasons)[number]

type AccountRow = { id: number; network: string; status: string }

/**
 * The account a variant goes out on: its own, or else its network's only account (as the claim
 * resolves it); none when the network has no account, or several and the variant names none.
 */
function accountStatusOf(row: QueueRow, accounts: AccountRow[]): string | null {
  if (row.account_id !== null) return row.account_status
  const network = networkOfPlatform[row.platform as Platform]
  const candidates = accounts.filter((account) => account.network === network)
  return candidates.length === 1 ? candidates[0]!.status : null
}

function attentionReason(row: QueueRow, accounts: AccountRow[], now: Date): AttentionReason | null {
  if (row.publication_state === 'outcome_unknown' || row.publication_state === 'failed' || row.publication_state === 'held') return row.publication_state
  if (row.publication_state === 'publishing' && row.lease_until !== null && new Date(row.lease_until) < now) return 'stale_claim'
  if (row.publication_state !== 'scheduled') return null
  const status = accountStatusOf(row, accounts)
  if (status === null) return 'no_account'
  return status === 'needs_reconnect' ? 'needs_reconnect' : null
}

function queueItem(row: QueueRow, now: Date) {
  return {
    id: row.id,
    label: row.label,
    platform: row.platform,
    platformLabel: platformLimits[row.platform as Platform]?.label ?? row.platform,
    language: row.language,
    scheduledAt: row.scheduled_at ? new Date(row.scheduled_at).toISOString() : null,
    publicationState: row.publication_state,
    overdue: row.publication_state === 'scheduled' && row.scheduled_at !== null && new Date(row.scheduled_at) < now,
    account: row.account_id ? { id: row.account_id, name: row.account_name, status: row.account_status, connection: row.account_connection } : null,
    contentItem: row.item_id ? { id: row.item_id, title: row.item_title } : null,
  }
}

export type PublishingQueueItem = ReturnType<typeof queueItem>
export type AttentionItem = PublishingQueueItem & { reason: AttentionReason; lastError: string | null }

/** The queue over the next `hours`, titles in `locale` (French when the item has none in it). */
export async function readPublishingQueue(
  payload: Payload,
  { hours, locale }: { hours: number; locale: 'fr' | 'ar' },
): Promise<{ now: Date; upcoming: PublishingQueueItem[]; attention: AttentionItem[] }> {
  // Raw SQL rows: the generated types describe documents, not these joined snake_case columns.
  const { rows } = (await sqlPool(payload).query(
    `SELECT v.id, v.label, v.platform::text AS platform, v.language::text AS language, v.scheduled_at, v.publication_state::text AS publication_state,
            v.last_error, v.lease_until, a.id AS account_id, a.name AS account_name, a.status::text AS account_status,
            a.connection::text AS account_connection, i.id AS item_id,
            COALESCE((SELECT l.title FROM content_items_locales l WHERE l._parent_id = i.id AND l._locale = $2),
                     (SELECT l.title FROM content_items_locales l WHERE l._parent_id = i.id AND l._locale = 'fr')) AS item_title
       FROM platform_variants v
       LEFT JOIN network_accounts a ON a.id = v.network_account_id
       LEFT JOIN content_items i ON i.id = v.content_item_id
      WHERE (v.publication_state IN ('scheduled', 'publishing') AND v.scheduled_at <= now() + make_interval(hours => $1::int))
         OR v.publication_state IN ('outcome_unknown', 'failed', 'held')
      ORDER BY v.scheduled_at NULLS LAST, v.id
      LIMIT 2000`,
    [Math.ceil(hours), locale],
  )) as { rows: QueueRow[] }
  const now = new Date()
  const upcoming = rows.filter((row) => row.publication_state === 'scheduled' || row.publication_state === 'publishing').map((row) => queueItem(row, now))
  const attention: AttentionItem[] = []
  const { rows: accounts } = (await sqlPool(payload).query(
    `SELECT id, network::text AS network, status::text AS status FROM network_accounts ORDER BY id`,
  )) as {
    rows: AccountRow[]
  }
  for (const row of rows) {
    const reason = attentionReason(row, accounts, now)
    if (reason) attention.push({ ...queueItem(row, now), reason, lastError: row.last_error })
  }
  return { now, upcoming, attention }
}
