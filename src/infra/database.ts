import { postgresAdapter } from '@payloadcms/db-postgres'
import type { MigrateDownArgs, MigrateUpArgs, PostgresAdapter } from '@payloadcms/db-postgres'
import pg from 'pg'

/** The database could not be reached: a message for people, never a stack trace. */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const target = describeDatabaseUrl(url)
    const reason = cause instanceof Error ? cause.message || (cause as NodeJS.ErrnoException).code : String(cause)
    super(
      `Cannot reach PostgreSQL at ${target.host}:${target.port} (database "${target.database}", user "${target.user}"): ${reason}.\n` +
        '  Check that:\n' +
        `  - a PostgreSQL server is running and listening on ${target.host}:${target.port};\n` +
        '  - DATABASE_URL is right (postgres://user:password@host:port/database), or unset it to use the embedded database;\n' +
        '  - the user, password and database exist and the server accepts this client (pg_hba.conf).',
    )
    this.name = 'DatabaseUnreachableError'
  }
}

export function describeDatabaseUrl(url: string) {
  try {
    const parsed = new URL(url)
    return {
      host: parsed.hostname || 'localhost',
      port: parsed.port || '5432',
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres',
      user: decodeURIComponent(parsed.username) || 'postgres',
    }
  } catch {
    return { host: '?', port: '?', database: '?', user: '?' }
  }
}

/** Connects once and runs `select 1`, failing with a clear message after `timeoutMs`. */
export async function assertDatabaseReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  client.on('error', () => undefined)
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    throw new DatabaseUnreachableError(url, error)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** A migration as `payload migrate:create` writes it in migrations/. */
export type CommittedMigration = {
  name: string
  up: (args: MigrateUpArgs) => Promise<void>
  down: (args: MigrateDownArgs) => Promise<void>
}

export type DatabaseAdapterOptions = {
  url: string | undefined
  migrationDir: string
  readReplicas?: string[]
}

/**
 * node-postgres whose pools report a lost idle connection (server restarted or stopped first on
 * Ctrl-C) as one line instead of an uncaught exception; the pool replaces the connection itself.
 */
class ReportingPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config)
    this.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`))
  }
}

const reportingPg = { ...pg, Pool: ReportingPool } as typeof pg

/**
 * PostgreSQL through Payload's adapter. The schema comes only from committed migrations
 * (`push: false`): a pushed database cannot be migrated later without a prompt.
 */
export function createDatabaseAdapter(options: DatabaseAdapterOptions) {
  return postgresAdapter({
    pool: {
      // Without a URL (type generation, `next build`) nothing connects; `npm run dev` and
      // `npm start` always provide one, starting the embedded server when needed.
      connectionString: options.url ?? 'postgres://127.0.0.1:5432/badil-database-url-not-set',
      connectionTimeoutMillis: 10_000,
    },
    push: false,
    pg: reportingPg,
    migrationDir: options.migrationDir,
    readReplicas: options.readReplicas,
  })
}

type ClientInternals = {
  release?: (error?: Error | boolean) => void
  on?: (event: 'error', listener: () => void) => void
  /** pg's own state (pg 8): the query running on this connection, and those waiting for it. */
  _activeQuery?: unknown
  _queryQueue?: unknown[]
}

type PoolInternals = {
  _clients?: ClientInternals[]
  _idle?: { client: ClientInternals }[]
  on?: (event: 'error', listener: () => void) => void
  end(): Promise<void>
  ended?: boolean
}

/** How long a query still running when Payload stops (a job its crons started) may take to finish. */
const runningQueriesGraceMs = 10_000

const isBusy = (client: ClientInternals) => Boolean(client._activeQuery) || (client._queryQueue?.length ?? 0) > 0

/**
 * Stops a Payload instance and closes its PostgreSQL pool. `payload.destroy()` leaves the pool
 * open with one client the adapter checked out at connect; `pool.end()` would wait for it forever,
 * so that client is released (and destroyed) first. Queries still running are let finish first:
 * releasing their connection under them made pg release it a second time when they ended, an
 * uncaught error that failed whichever test file was stopping.
 */
export async function closePayload(payload: { destroy(): Promise<void>; db: unknown }): Promise<void> {
  const pool = (payload.db as { pool?: PoolInternals }).pool
  // The adapter opens the replicas' pools like the primary's, and closes neither fully.
  const replicas = replicaPoolsOf(payload)
  await payload.destroy()
  await Promise.all([pool, ...replicas].map((each) => (each ? closePool(each) : undefined)))
}

async function closePool(pool: PoolInternals): Promise<void> {
  if (pool.ended) return
  // A socket may still be closing when the database is dropped or the server stops; its late
  // "connection terminated" must not become an unhandled error.
  pool.on?.('error', () => undefined)
  const deadline = Date.now() + runningQueriesGraceMs
  while ((pool._clients ?? []).some(isBusy) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25))
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  for (const client of [...(pool._clients ?? [])]) {
    client.on?.('error', () => undefined)
    if (idle.has(client)) continue
    try {
      client.release?.(true)
    } catch {
      // already released
    }
  }
  await pool.end()
}

/** A connection or the pool: what raw SQL needs (the engine's claims, locks, the moderation log). */
export type SqlClient = { query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount?: number | null }> }
export type SqlPool = SqlClient & { connect(): Promise<SqlClient & { release(): void }> }

/** The PostgreSQL pool behind Payload's adapter. */
export function sqlPool(payload: { db: unknown }): SqlPool {
  const pool = (payload.db as { pool?: SqlPool }).pool
  if (!pool) throw new Error('The PostgreSQL pool is not ready')
  return pool
}

/** A replica's pool: queried like any pool, closed like the primary's. */
type ReplicaPool = SqlPool & PoolInternals

/** The replicas' node-postgres pools, which Payload's adapter keeps inside drizzle's `withReplicas`. */
function replicaPoolsOf(payload: { db: unknown }): ReplicaPool[] {
  const drizzle = (payload.db as { drizzle?: { $replicas?: Array<{ $client?: ReplicaPool }> } }).drizzle
  return (drizzle?.$replicas ?? []).flatMap((replica) => (replica.$client ? [replica.$client] : []))
}

/** The read replicas' pools that Payload's adapter opened (DATABASE_READ_REPLICAS); none without. */
export function replicaPools(payload: { db: unknown }): SqlPool[] {
  return replicaPoolsOf(payload)
}

let nextReplica = 0

/**
 * Where reports and dashboards read: a read replica (in turn) when there are some, the primary
 * otherwise. Never for a write, a claim or a read that must see the write just made: those use
 * `sqlPool`, which is always the primary.
 */
export function readPool(payload: { db: unknown }): SqlPool {
  const replicas = replicaPools(payload)
  if (replicas.length === 0) return sqlPool(payload)
  nextReplica = (nextReplica + 1) % replicas.length
  return replicas[nextReplica]!
}

/**
 * Payload's adapter as the PostgreSQL adapter it is (drizzle, sessions of open transactions).
 * Payload types `payload.db` as the generic adapter, whose type does not overlap this one; Badil
 * runs on PostgreSQL only, which the check below makes sure of.
 */
export function postgresAdapterOf(payload: { db: unknown }): PostgresAdapter {
  const db = payload.db as Partial<PostgresAdapter> | undefined
  if (db?.name !== 'postgres' || db.drizzle === undefined) throw new Error('Badil needs the PostgreSQL adapter, connected')
  return db as PostgresAdapter
}
