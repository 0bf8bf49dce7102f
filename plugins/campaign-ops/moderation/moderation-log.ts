import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import type { SqlClient } from '../../../src/infra/database'
import { advisoryLocks } from '../../../src/infra/locks'
import { anchorCheck, excerptHashOf, genesisHash, pseudonymize, redactExcerpt, rowHash, verifyChain } from './log-chain'
import type { ChainedFields, ChainProblem, LogAnchor } from './log-chain'
import { checkpointAnchors } from './log-checkpoints'
import { moderationLogSlug } from './log-collection'
import type { ModerationLogKind } from './log-collection'

// Appends take turns, one purge runs at a time (keys in src/infra/locks.ts).
const appendLockKey = advisoryLocks.moderationLogAppend
const purgeLockKey = advisoryLocks.moderationLogPurge

export type ModerationLogEntry = {
  kind: ModerationLogKind
  actor: { type: 'rule' | 'system' } | { type: 'user'; userId: number | string }
  ruleIds?: string[]
  category?: string | null
  action?: string | null
  platform?: string | null
  itemRef?: string | null
  /** The commenter's id on the network: stored only as a keyed pseudonym (or that pseudonym, already computed). */
  commenter?: { platform: string; authorId: string } | { pseudonym: string } | null
  /** The comment's text: stored only as a redacted excerpt, purged after the retention period. */
  commentText?: string | null
  before?: unknown
  after?: unknown
  occurredAt?: Date
}

/** The pseudonym key: a dedicated secret when configured, otherwise derived from Payload's secret. */
export function pseudonymKey(payload: Payload, configuredKey?: string): string {
  return configuredKey ?? createHmac('sha256', payload.secret).update('badil/moderation-log/pseudonym').digest('hex')
}

const logColumns = `sequence, kind, actor_type, actor_user_id, rule_ids, category, action, platform, item_ref,
  commenter_pseudonym, excerpt, excerpt_hash, before, after, occurred_at, prev_hash, hash`
const columnsPerRow = 17
/** Rows per insert statement: far below PostgreSQL's 65,535 parameters. */
const rowsPerStatement = 1000

export type AppendedLogRow = { id: number; sequence: number; hash: string }

/**
 * Appends rows to the moderation log, chained to the last one, inside the caller's transaction on
 * `client` (whatever the caller stores with them commits or rolls back with them). Appends from
 * every instance take turns on a transaction-scoped PostgreSQL advisory lock, held until that
 * transaction ends; the caller keeps it short.
 */
export async function appendModerationLogRows(
  client: SqlClient,
  payload: Payload,
  entries: ModerationLogEntry[],
  options: { pseudonymKey?: string } = {},
): Promise<AppendedLogRow[]> {
  if (entries.length === 0) return []
  const key = pseudonymKey(payload, options.pseudonymKey)
  await client.query('select pg_advisory_xact_lock($1)', [appendLockKey])
  const { rows } = await client.query('select sequence, hash from moderation_log order by sequence desc limit 1')
  const last = rows[0] as { sequence: string; hash: string } | undefined
  let sequence = Number(last?.sequence ?? 0)
  let prevHash = last?.hash ?? genesisHash
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value))
  const chained = entries.map((entry) => {
    const excerpt = entry.commentText ? redactExcerpt(entry.commentText) : null
    const commenterPseudonym = !entry.commenter
      ? null
      : 'pseudonym' in entry.commenter
        ? entry.commenter.pseudonym
        : pseudonymize(key, entry.commenter.platform, entry.commenter.authorId)
    sequence += 1
    const fields: ChainedFields = {
      sequence,
      kind: entry.kind,
      actorType: entry.actor.type,
      actorUser: entry.actor.type === 'user' ? entry.actor.userId : null,
      ruleIds: entry.ruleIds?.length ? entry.ruleIds.join(',') : null,
      category: entry.category ?? null,
      action: entry.action ?? null,
      platform: entry.platform ?? null,
      itemRef: entry.itemRef ?? null,
      commenterPseudonym,
      excerptHash: excerpt ? excerptHashOf(excerpt) : null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      occurredAt: (entry.occurredAt ?? new Date()).toISOString(),
    }
    const hash = rowHash(prevHash, fields)
    const values = [
      fields.sequence,
      fields.kind,
      fields.actorType,
      fields.actorUser,
      fields.ruleIds,
      fields.category,
      fields.action,
      fields.platform,
      fields.itemRef,
      fields.commenterPseudonym,
      excerpt,
      fields.excerptHash,
      json(fields.before),
      json(fields.after),
      fields.occurredAt,
      prevHash,
      hash,
    ]
    prevHash = hash
    return { sequence: fields.sequence, hash, values }
  })
  const appended: AppendedLogRow[] = []
  for (let start = 0; start < chained.length; start += rowsPerStatement) {
    const chunk = chained.slice(start, start + rowsPerStatement)
    const placeholders = chunk.map((_, row) => `(${Array.from({ length: columnsPerRow }, (_, column) => `$${row * columnsPerRow + column + 1}`).join(', ')})`)
    const inserted = await client.query(
      `insert into moderation_log (${logColumns}) values ${placeholders.join(', ')} returning id, sequence`,
      chunk.flatMap((row) => row.values),
    )
    const idOfSequence = new Map(inserted.rows.map((row) => [Number(row.sequence), Number(row.id)]))
    for (const row of chunk) appended.push({ id: idOfSequence.get(row.sequence)!, sequence: row.sequence, hash: row.hash })
  }
  return appended
}

/**
 * Appends one row to the moderation log, chained to the last one, in a transaction of its own. All
 * its work is done on the one connection that holds or awaits the lock: a burst of appends larger
 * than the connection pool cannot leave the lock's holder waiting for a connection the waiters hold.
 */
export async function appendModerationLog(payload: Payload, entry: ModerationLogEntry, options: { pseudonymKey?: string } = {}): Promise<AppendedLogRow> {
  const client = await sqlPool(payload).connect()
  try {
    await client.query('begin')
    const [appended] = await appendModerationLogRows(client, payload, [entry], options)
    await client.query('commit')
    return appended!
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/**
 * Reads the whole log in sequence order, page by page, and checks the chain, then its end against
 * the checkpoints and any `anchors` kept outside (a report, an auditor's note).
 */
export async function verifyModerationLog(payload: Payload, options: { pageSize?: number; anchors?: LogAnchor[] } = {}) {
  const pageSize = options.pageSize ?? 1000
  let start = { previousHash: genesisHash, sequence: 0 }
  let checked = 0
  const problems: ChainProblem[] = []
  const anchors = anchorCheck([...(await checkpointAnchors(payload)), ...(options.anchors ?? [])])
  for (let page = 1; ; page += 1) {
    const result = await payload.find({
      collection: moderationLogSlug,
      sort: 'sequence',
      limit: pageSize,
      page,
      depth: 0,
      overrideAccess: true,
    })
    const outcome = verifyChain(result.docs, start)
    anchors.note(result.docs)
    checked += outcome.checked
    problems.push(...outcome.problems)
    start = { previousHash: outcome.lastHash, sequence: outcome.lastSequence }
    if (!result.hasNextPage) break
  }
  problems.push(...anchors.problems(start.sequence))
  return { ok: problems.length === 0, checked, problems }
}

/**
 * Blanks the comment excerpts older than the retention period (law 09-08: keep personal data no
 * longer than needed) and records the purge in the log itself. The chain keeps verifying because
 * it covers each excerpt's hash, not the excerpt.
 */
export async function purgeExpiredExcerpts(payload: Payload, options: { retentionDays: number; now?: Date }) {
  const now = options.now ?? new Date()
  const cutoff = new Date(now.getTime() - options.retentionDays * 24 * 60 * 60 * 1000)
  const client = await sqlPool(payload).connect()
  try {
    const { rows } = await client.query('select pg_try_advisory_lock($1) as locked', [purgeLockKey])
    if (!rows[0]?.locked) return { purged: 0, skipped: true }
    const result = await payload.update({
      collection: moderationLogSlug,
      overrideAccess: true,
      where: { and: [{ occurredAt: { less_than: cutoff.toISOString() } }, { excerpt: { exists: true } }, { excerpt: { not_equals: '' } }] },
      data: { excerpt: null, excerptPurgedAt: now.toISOString() },
      depth: 0,
    })
    const purged = result.docs.length
    await appendModerationLog(payload, {
      kind: 'retention_purge',
      actor: { type: 'system' },
      after: { purgedExcerpts: purged, olderThan: cutoff.toISOString(), retentionDays: options.retentionDays },
      occurredAt: now,
    })
    return { purged, skipped: false }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [purgeLockKey]).catch(() => undefined)
    client.release()
  }
}
