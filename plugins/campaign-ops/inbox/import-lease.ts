/**
 * Who works on a background file import: the instance that took its lease in PostgreSQL, renewed
 * after each batch; an import whose lease ran out (its instance stopped) is taken up again by the
 * queue that resumes imports. Shared by the comment imports and the figure imports.
 */
import { sqlPool } from '../../../src/infra/database'

export type ImportTable = 'inbox_imports' | 'metric_imports'

/** Seconds an instance keeps an import between two batches. */
export const importLeaseSeconds = 120

/** Takes the import's lease; false when it is done or another instance holds it. */
export async function claimImport(payload: { db: unknown }, table: ImportTable, importId: number): Promise<boolean> {
  const { rowCount } = await sqlPool(payload).query(
    `UPDATE ${table} SET status = 'running', claimed_until = now() + make_interval(secs => $2), updated_at = now()
      WHERE id = $1 AND status <> 'done' AND (claimed_until IS NULL OR claimed_until < now() OR status = 'queued') RETURNING id`,
    [importId, importLeaseSeconds],
  )
  return Boolean(rowCount)
}

/** The imports not done whose lease ran out, oldest first. */
export async function stoppedImports(payload: { db: unknown }, table: ImportTable, limit = 5): Promise<number[]> {
  const { rows } = await sqlPool(payload).query(
    `SELECT id FROM ${table} WHERE status <> 'done' AND (claimed_until IS NULL OR claimed_until < now()) ORDER BY id LIMIT $1`,
    [limit],
  )
  return rows.map((row) => Number(row.id))
}
