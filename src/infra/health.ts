/**
 * Is this instance fit to be sent traffic? The database answers, every committed migration has
 * run, the file storage (disk or bucket) answers, and the instance is not stopping. The answer names each
 * check and its state only: no address, no error text, nothing an anonymous caller could use.
 */
import type { Payload } from 'payload'

import { sqlPool } from './database'
import type { CommittedMigration } from './database'
import { beforeDeadline, late } from './deadline'
import type { FileStores } from './file-store'
import { isShuttingDown } from './lifecycle'

export type CheckState = 'ok' | 'failing'
export type Readiness = {
  ready: boolean
  checks: { database: CheckState; migrations: CheckState | 'unknown'; storage: CheckState; accepting: CheckState }
}

/** A check that does not answer within this is failing: a load balancer must not wait on it. */
const CHECK_TIMEOUT_MS = 2000

/** The work's value in time, or a failure: a check that does not answer is failing. */
async function timed<T>(work: Promise<T>): Promise<T> {
  const value = await beforeDeadline(work, CHECK_TIMEOUT_MS)
  if (value === late) throw new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)
  return value
}

export type ReadinessSources = {
  migrations: readonly Pick<CommittedMigration, 'name'>[]
  /** Where media and reports are stored: each store checks it can be reached. */
  fileStores: FileStores
}

async function migrationsApplied(payload: Payload, committed: ReadinessSources['migrations']): Promise<CheckState> {
  const { rows } = await timed(sqlPool(payload).query('SELECT name FROM payload_migrations'))
  const applied = new Set(rows.map((row) => String(row.name)))
  return committed.every((migration) => applied.has(migration.name)) ? 'ok' : 'failing'
}

async function storageReachable(stores: FileStores): Promise<CheckState> {
  await timed(Promise.all([stores.media.check(), stores.reports.check()]))
  return 'ok'
}

export async function readiness(payload: Payload, sources: ReadinessSources): Promise<Readiness> {
  const failing = (): CheckState => 'failing'
  const database = await timed(sqlPool(payload).query('SELECT 1'))
    .then((): CheckState => 'ok')
    .catch(failing)
  const migrations = database === 'ok' ? await migrationsApplied(payload, sources.migrations).catch(failing) : ('unknown' as const)
  const storage = await storageReachable(sources.fileStores).catch(failing)
  const accepting: CheckState = isShuttingDown(payload) ? 'failing' : 'ok'
  const checks = { database, migrations, storage, accepting }
  return { ready: Object.values(checks).every((state) => state === 'ok'), checks }
}
