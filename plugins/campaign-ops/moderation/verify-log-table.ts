import { genesisHash, verifyChain } from './log-chain'
import type { ChainProblem } from './log-chain'

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

/**
 * Verifies the moderation log's hash chain straight from PostgreSQL, without booting the app: an
 * auditor's check that depends on nothing but the table and the chain's rules.
 */
export async function verifyModerationLogTable(client: SqlClient, pageSize = 1000) {
  let start = { previousHash: genesisHash, sequence: 0 }
  let lastSeen = Number.NEGATIVE_INFINITY
  let checked = 0
  const problems: ChainProblem[] = []
  for (;;) {
    const { rows } = await client.query(selectPage, [lastSeen === Number.NEGATIVE_INFINITY ? -1e18 : lastSeen, pageSize])
    if (rows.length === 0) break
    const outcome = verifyChain(rows, start)
    checked += outcome.checked
    problems.push(...outcome.problems)
    start = { previousHash: outcome.lastHash, sequence: outcome.lastSequence }
    lastSeen = Number(rows[rows.length - 1]!.sequence)
    if (rows.length < pageSize) break
  }
  return { ok: problems.length === 0, checked, problems }
}
