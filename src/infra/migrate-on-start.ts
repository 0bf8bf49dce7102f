import type { Migration, Payload } from 'payload'

import { sqlPool } from './database'
import type { CommittedMigration } from './database'
import { advisoryLocks } from './locks'

/**
 * Applies the committed migrations that have not run yet. Several instances may start together
 * on one database: a PostgreSQL advisory lock makes them take turns, and the later ones find
 * nothing left to do.
 */
export async function migrateOnStart(payload: Payload, migrations: CommittedMigration[]): Promise<void> {
  const client = await sqlPool(payload).connect()
  try {
    await client.query('select pg_advisory_lock($1)', [advisoryLocks.migrations])
    // Payload types a migration's arguments as `unknown`; ours are typed by the postgres adapter.
    await payload.db.migrate({ migrations: migrations as Migration[] })
  } finally {
    await client.query('select pg_advisory_unlock($1)', [advisoryLocks.migrations]).catch(() => undefined)
    client.release()
  }
}
