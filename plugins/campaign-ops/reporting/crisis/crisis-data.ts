/**
 * The crisis watch's view of the inbox: the public comments (comments and replies, not the
 * accounts' own) of the baseline days up to now, each with its network, author pseudonym, category
 * and the misconceptions its rules matched, fed in time order to a `CrisisStream`.
 */
import type { SqlClient } from '../../../../src/infra/database'
import { SqlParameters, mythRulesSql } from '../kpi-queries'
import { CrisisStream } from './crisis-stream'
import type { CrisisInput } from './detector'
import type { CrisisParameters } from './crisis-parameters'

const day = 86_400_000

/** When a comment counts: when it was written, or when it arrived when the network did not say. */
export const commentTimeSql = (alias: string) => `coalesce(${alias}.remote_created_at, ${alias}.received_at)`

/** The public comments the watch counts, in `alias`. */
export const watchedCommentsSql = (alias: string) => `${alias}.kind IN ('comment', 'reply') AND NOT coalesce(${alias}.from_account_itself, false)`

/** The detector's input at `now`: the baseline days and the sustained window before it. */
export async function loadCrisisInput(db: SqlClient, parameters: CrisisParameters, now: Date): Promise<CrisisInput> {
  const sql = new SqlParameters()
  const from = new Date(now.getTime() - (parameters.baselineDays + 1) * day - parameters.watchWindowHours * 3_600_000)
  const { rows } = await db.query(
    `WITH myth_rules AS ${mythRulesSql(sql)}
     SELECT ${commentTimeSql('i')} AS at, i.network::text AS network, coalesce(i.author_pseudonym, 'id:' || i.id) AS author,
            i.moderation_category::text AS category,
            (SELECT array_agg(DISTINCT mr.myth) FROM myth_rules mr WHERE mr.rule_id = ANY(string_to_array(i.moderation_rule_ids, ','))) AS myths
       FROM interactions i
      WHERE ${watchedCommentsSql('i')} AND ${commentTimeSql('i')} >= ${sql.add(from)} AND ${commentTimeSql('i')} < ${sql.add(now)}
      ORDER BY 1`,
    sql.values,
  )
  // Each scope's first comment ever: until the baseline days are full, the watch knows it is warming up.
  const first = await db.query(
    `SELECT i.network::text AS network, min(${commentTimeSql('i')}) AS first FROM interactions i WHERE ${watchedCommentsSql('i')} GROUP BY 1`,
  )
  const stream = new CrisisStream(parameters)
  for (const row of rows) {
    stream.add({
      at: new Date(row.at as string).getTime(),
      network: String(row.network),
      author: String(row.author),
      category: (row.category as string | null) ?? null,
      myths: (row.myths as string[] | null) ?? [],
    })
  }
  const input = stream.inputAt(now.getTime())
  const firstSeen = new Map(input.firstSeen)
  let overall = Infinity
  for (const row of first.rows) {
    const at = new Date(row.first as string).getTime()
    firstSeen.set(String(row.network), at)
    overall = Math.min(overall, at)
  }
  if (Number.isFinite(overall)) firstSeen.set('all', overall)
  return { ...input, firstSeen }
}
