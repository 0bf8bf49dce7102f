/**
 * The campaign's own moderation decisions as labelled comments for the triage model. A person's
 * latest decision on a public comment is its label:
 * - hidden or deleted by a person → hostile;
 * - answered with an approved reply written for a myth → misinformation;
 * - shown again or restored by a person (a rule had been wrong), or closed or answered by a person
 *   without hiding it → ok.
 * The rules' own automatic decisions are not labels (the model would only learn the lexicon back),
 * nor are comments whose text the retention purge removed. The latest decisions come first, up to
 * `limit`.
 */
import type { SqlClient } from '../../../../src/infra/database'

import type { LabelledComment } from './train-triage-model'
import type { TriageLabel } from './triage-model'

export const defaultLabelLimit = 50_000

/** Every interaction with its label (null when no person decided), as a CTE both queries below read. */
const labelledCte = `
WITH human AS (
  SELECT DISTINCT ON (item_ref) item_ref, kind::text AS kind
  FROM moderation_log
  WHERE actor_type = 'user' AND kind IN ('hide', 'delete', 'unhide', 'restore') AND item_ref LIKE 'interactions/%'
  ORDER BY item_ref, sequence DESC
), myth_replies AS (
  SELECT DISTINCT r.interaction_id
  FROM interaction_replies r JOIN response_templates t ON t.id = r.template_id
  WHERE r.state = 'sent' AND t.myth_id IS NOT NULL
), labelled AS (
  SELECT i.id, i.text,
    CASE
      WHEN h.kind IN ('hide', 'delete') THEN 'hostile'
      WHEN m.interaction_id IS NOT NULL THEN 'misinformation'
      WHEN h.kind IN ('unhide', 'restore') THEN 'ok'
      WHEN i.reviewed AND i.status IN ('answered', 'closed') AND NOT i.hidden_on_network THEN 'ok'
    END AS label
  FROM interactions i
  LEFT JOIN human h ON h.item_ref = 'interactions/' || i.id
  LEFT JOIN myth_replies m ON m.interaction_id = i.id
  WHERE NOT i.from_account_itself AND i.kind IN ('comment', 'reply', 'mention') AND coalesce(btrim(i.text), '') <> ''
)`

export async function campaignLabels(db: SqlClient, limit = defaultLabelLimit): Promise<LabelledComment[]> {
  const { rows } = await db.query(`${labelledCte} SELECT text, label FROM labelled WHERE label IS NOT NULL ORDER BY id DESC LIMIT $1`, [limit])
  // Oldest first, so that the same decisions always train in the same order.
  return rows.reverse().map((row) => ({ text: String(row.text), label: row.label as LabelledComment['label'] }))
}

/** How many decisions there are per label, without reading their texts (what a request to train checks first). */
export async function campaignLabelCounts(db: SqlClient): Promise<Record<TriageLabel, number>> {
  const { rows } = await db.query(`${labelledCte} SELECT label, count(*)::int AS n FROM labelled WHERE label IS NOT NULL GROUP BY label`)
  const counts: Record<TriageLabel, number> = { hostile: 0, misinformation: 0, ok: 0 }
  for (const row of rows) counts[row.label as TriageLabel] = Number(row.n)
  return counts
}
