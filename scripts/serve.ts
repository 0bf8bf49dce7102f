/**
 * `npm run dev` and `npm start`: finds the database (DATABASE_URL, or the embedded server started
 * here), applies migrations and first-start accounts, then runs Next.js with the admin and API.
 * Stops Next.js and the embedded server cleanly on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { openAppDatabase } from '../src/infra/app-database'
import { dataDir } from '../src/infra/data-dir'
import { EnvValidationError, loadEnv } from '../src/infra/env'
import pg from 'pg'

import { missingFirstAdminMessage, readDemoCredentials } from '../src/seed/initial-accounts'
import { markScriptFinished } from './lib/load-app-config'

const mode = process.argv[2] === 'start' ? 'start' : 'dev'
// Same rule as Next.js: .env fills in what the real environment does not set.
if (fs.existsSync('.env')) process.loadEnvFile('.env')
// NODE_ENV is typed read-only by Next.js; the launcher is where it is decided.
Object.assign(process.env, { NODE_ENV: mode === 'start' ? 'production' : (process.env.NODE_ENV ?? 'development') })

/** Waits until Payload answers inside Next.js (the first call initialises it), up to 5 minutes. */
async function warmUp(baseUrl: string): Promise<boolean> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      const response = await fetch(`${baseUrl}/api/users/me`, { signal: AbortSignal.timeout(120_000) })
      if (response.status < 500) return true
    } catch {
      // Next.js is not listening yet, or is still compiling.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  console.error('✖ Badil did not answer on /api within 5 minutes; see the messages above.')
  return false
}

/** How many accounts exist (none on a database the migrations have not reached yet). */
async function countUsers(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return Number((await client.query('SELECT count(*)::int AS n FROM users')).rows[0]?.n ?? 0)
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return 0
    throw error
  } finally {
    await client.end()
  }
}

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`)
  process.exit(1)
}

async function main() {
  let env
  try {
    env = loadEnv()
  } catch (error) {
    if (error instanceof EnvValidationError) fail(error.message)
    throw error
  }
  const dataDirPath = dataDir(env)

  let stopping = false
  const database = await openAppDatabase(env, (line) => console.log(line))
  // The embedded server's library stops it on the first SIGTERM/SIGINT, under the app's feet while
  // it drains: the launcher decides instead (below), and stops the database once Next.js has exited.
  process.removeAllListeners('SIGTERM')
  process.removeAllListeners('SIGINT')
  const databaseUrl = database.url
  const stopDatabase = () => database.close().catch((error: unknown) => console.error('Stopping the embedded database failed:', error))
  process.env.DATABASE_URL = databaseUrl

  // Production never opens with an empty accounts table: the first visitor would become admin.
  if (mode === 'start' && !(env.ADMIN_EMAIL && env.ADMIN_PASSWORD) && (await countUsers(databaseUrl)) === 0) {
    await stopDatabase()
    fail(missingFirstAdminMessage)
  }

  // From here the launcher lives as long as Next.js does; its exit code is Next's.
  markScriptFinished()

  const nextBin = path.resolve('node_modules/next/dist/bin/next')
  const next = spawn(process.execPath, [nextBin, mode, '--port', String(env.PORT)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // In production the app stops itself on SIGTERM (drain, stop claiming, close: src/infra/lifecycle.ts);
      // the development server keeps Next's own quick stop.
      ...(mode === 'start' ? { BADIL_SERVER: 'true', NEXT_MANUAL_SIG_HANDLE: 'true' } : {}),
    },
  })

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping Badil…`)
    if (next.exitCode === null) next.kill('SIGTERM')
    // Past its own deadline (or before Payload started and could hear the signal), the server is stopped hard.
    setTimeout(
      () => {
        if (next.exitCode === null && next.signalCode === null) next.kill('SIGKILL')
      },
      (env.SHUTDOWN_TIMEOUT_S + 5) * 1000,
    ).unref()
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)

  // Payload initialises inside Next.js (migrations, first-start accounts, seeds) on the first
  // request: make that request now, so problems show at once and the credentials can be printed.
  void warmUp(`http://127.0.0.1:${env.PORT}`).then((ready) => {
    if (!ready || stopping) return
    const credentials = readDemoCredentials(dataDirPath)
    if (mode === 'dev' && credentials && !env.ADMIN_EMAIL) {
      console.log('\nDemo accounts (password for all: ' + credentials.password + ')')
      for (const account of credentials.accounts) console.log(`  ${account.role.padEnd(11)} ${account.email}`)
    }
    console.log(`\nBadil admin: ${env.SERVER_URL}/admin\n`)
  })

  next.on('exit', (code) => {
    void stopDatabase().then(() => process.exit(stopping ? 0 : (code ?? 1)))
  })
}

main().catch((error: unknown) => {
  if (error instanceof Error && !process.env.DEBUG) fail(error.message + '\n  (set DEBUG=1 for the stack trace)')
  console.error(error)
  process.exit(1)
})
