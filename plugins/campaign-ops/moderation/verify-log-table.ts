import { anchorCheck, genesisHash, verifyChain } from './log-chain'
import type { ChainProblem, LogAnchor } from './log-chain'
import { checkpointSource } from './log-checkpoints'

type SqlClient = { query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

const selectPage = `
  select id, sequence, kind, actor_type as "actorType", actor_user_id as "actorUser", rule_ids as "ruleIds",
         category, action, platform, item_ref as "itemRef", commenter_pseudonym as "commenterPseudonym",
         excerpt, excerpt_hash as "excerptHash", before, after, occurred_at as "occurredAt",
         prev_hash as "prevHash", hash
    from moderation_log
   where sequence > $1
   order by sequence
   limit $2`

const selectCheckpoints = `select sequence, hash, recorded_at as "recordedAt" from moderation_log_checkpoints order by sequence`

/**
 * Verifies the moderation log's hash chain straight from PostgreSQL, without booting the app: an
 * auditor's check that depends on nothing but the tables and the chain's rules. Its end is checked
 * against the checkpoints table and any `anchors` kept outside.
 */
export async function verifyModerationLogTable(client: SqlClient, options: { pageSize?: number; anchors?: LogAnchor[] } = {}) {
  const pageSize = options.pageSize ?? 1000
  let start = { previousHash: genesisHash, sequence: 0 }
  let lastSeen = Number.NEGATIVE_INFINITY
  let checked = 0
  const problems: ChainProblem[] = []
  const checkpoints = (await client.query(selectCheckpoints)).rows.map((row) => ({
    sequence: Number(row.sequence),
    hash: String(row.hash),
    source: checkpointSource(row.recordedAt as Date),
  }))
  const anchors = anchorCheck([...checkpoints, ...(options.anchors ?? [])])
  for (;;) {
    const { rows } = await client.query(selectPage, [lastSeen === Number.NEGATIVE_INFINITY ? -1e18 : lastSeen, pageSize])
    if (rows.length === 0) break
    const outcome = verifyChain(rows, start)
    anchors.note(rows)
    checked += outcome.checked
    problems.push(...outcome.problems)
    start = { previousHash: outcome.lastHash, sequence: outcome.lastSequence }
    lastSeen = Number(rows[rows.length - 1]!.sequence)
    if (rows.length < pageSize) break
  }
  problems.push(...anchors.problems(start.sequence))
  return { ok: problems.length === 0, checked, problems }
}
