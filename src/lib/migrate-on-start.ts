import type { Migration, Payload } from 'payload'

import type { CommittedMigration } from './database'

type PoolLike = { connect(): Promise<{ query(sql: string): Promise<unknown>; release(): void }> }

// Any fixed 64-bit number: every Badil instance agrees on it, so only one migrates at a time.
const migrationLockKey = 431_220_250_822

/**
 * Applies the committed migrations that have not run yet. Several instances may start together
 * on one database: a PostgreSQL advisory lock makes them take turns, and the later ones find
 * nothing left to do.
 */
export async function migrateOnStart(payload: Payload, migrations: CommittedMigration[]): Promise<void> {
  const pool = (payload.db as unknown as { pool?: PoolLike }).pool
  if (!pool) throw new Error('The PostgreSQL pool is not ready: cannot run migrations')
  const client = await pool.connect()
  try {
    await client.query(`select pg_advisory_lock(${migrationLockKey})`)
    // Payload types a migration's arguments as `unknown`; ours are typed by the postgres adapter.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  } finally {
    await client.query(`select pg_advisory_unlock(${migrationLockKey})`).catch(() => undefined)
    client.release()
  }
}
