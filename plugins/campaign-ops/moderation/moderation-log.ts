import { createHmac } from 'node:crypto'

import type { Payload } from 'payload'

import type { ModerationLog } from '../../../payload-types'
import { sqlPool } from '../../../src/infra/database'
import { advisoryLocks } from '../../../src/infra/locks'
import { excerptHashOf, genesisHash, pseudonymize, redactExcerpt, rowHash, verifyChain } from './log-chain'
import type { ChainedFields, ChainProblem } from './log-chain'
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

/**
 * Appends one row to the moderation log, chained to the last one. Appends from every instance
 * are serialized by a PostgreSQL advisory lock held until the row is committed.
 */
export async function appendModerationLog(payload: Payload, entry: ModerationLogEntry, options: { pseudonymKey?: string } = {}) {
  const client = await sqlPool(payload).connect()
  try {
    await client.query('select pg_advisory_lock($1)', [appendLockKey])
    const { docs } = await payload.find({
      collection: moderationLogSlug,
      sort: '-sequence',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    const last: ModerationLog | undefined = docs[0]
    const excerpt = entry.commentText ? redactExcerpt(entry.commentText) : null
    const fields: ChainedFields = {
      sequence: (last?.sequence ?? 0) + 1,
      kind: entry.kind,
      actorType: entry.actor.type,
      actorUser: entry.actor.type === 'user' ? entry.actor.userId : null,
      ruleIds: entry.ruleIds?.length ? entry.ruleIds.join(',') : null,
      category: entry.category ?? null,
      action: entry.action ?? null,
      platform: entry.platform ?? null,
      itemRef: entry.itemRef ?? null,
      commenterPseudonym: !entry.commenter
        ? null
        : 'pseudonym' in entry.commenter
          ? entry.commenter.pseudonym
          : pseudonymize(pseudonymKey(payload, options.pseudonymKey), entry.commenter.platform, entry.commenter.authorId),
      excerptHash: excerpt ? excerptHashOf(excerpt) : null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      occurredAt: (entry.occurredAt ?? new Date()).toISOString(),
    }
    const prevHash = last?.hash ?? genesisHash
    return await payload.create({
      collection: moderationLogSlug,
      overrideAccess: true,
      data: {
        ...fields,
        kind: entry.kind,
        actorType: entry.actor.type,
        actorUser: fields.actorUser as number | null,
        before: fields.before as Record<string, unknown> | null,
        after: fields.after as Record<string, unknown> | null,
        excerpt,
        prevHash,
        hash: rowHash(prevHash, fields),
      },
    })
  } finally {
    await client.query('select pg_advisory_unlock($1)', [appendLockKey]).catch(() => undefined)
    client.release()
  }
}

/** Reads the whole log in sequence order, page by page, and checks the chain. */
export async function verifyModerationLog(payload: Payload, pageSize = 1000) {
  let start = { previousHash: genesisHash, sequence: 0 }
  let checked = 0
  const problems: ChainProblem[] = []
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
    checked += outcome.checked
    problems.push(...outcome.problems)
    start = { previousHash: outcome.lastHash, sequence: outcome.lastSequence }
    if (!result.hasNextPage) break
  }
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
