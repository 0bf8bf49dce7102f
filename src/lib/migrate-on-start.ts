import type { Migration, Payload } from 'payload'

import { sqlPool } from './database'
import type { CommittedMigration } from './database'

// Any fixed 64-bit number: every Badil instance agrees on it, so only one migrates at a time.
const migrationLockKey = 431_220_250_822

/**
 * Applies the committed migrations that have not run yet. Several instances may start together
 * on one database: a PostgreSQL advisory lock makes them take turns, and the later ones find
 * nothing left to do.
 */
export async function migrateOnStart(payload: Payload, migrations: CommittedMigration[]): Promise<void> {
  const client = await sqlPool(payload).connect()
  try {
    await client.query(`select pg_advisory_lock(${migrationLockKey})`)
    // Payload types a migration's arguments as `unknown`; ours are typed by the postgres adapter.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  } finally {
    await client.query(`select pg_advisory_unlock(${migrationLockKey})`).catch(() => undefined)
    client.release()
  }
}
