import { sqlPool } from './database'

/**
 * Marks `key` used, once across every instance: true the first time, false ever after (a replayed
 * link, a double click). It relies on the unique key of Payload's key-value table, so two requests
 * racing for the same key cannot both win. Marks older than `keepMs` are swept as new ones come:
 * a key only needs remembering while what it guards can still be presented (an OAuth state lives
 * 10 minutes).
 */
export async function useOnce(payload: { db: unknown }, key: string, keepMs = 60 * 60 * 1000): Promise<boolean> {
  const pool = sqlPool(payload)
  const namespaced = `single-use:${key}`
  await pool.query(
    `delete from payload_kv where key like 'single-use:%' and (data->>'usedAt')::timestamptz < now() - make_interval(secs => $1::double precision / 1000)`,
    [keepMs],
  )
  const { rows } = await pool.query(
    `insert into payload_kv (key, data) values ($1, jsonb_build_object('usedAt', now())) on conflict (key) do nothing returning id`,
    [namespaced],
  )
  return rows.length === 1
}
