/**
 * `npm run dev` and `npm start`: finds the database (DATABASE_URL, or the embedded server started
 * here), applies migrations and first-start accounts, then runs Next.js with the admin and API.
 * Stops Next.js and the embedded server cleanly on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { openAppDatabase } from '../src/lib/app-database'
import { closePayload } from '../src/lib/database'
import { dataDir } from '../src/lib/data-dir'
import { EnvValidationError, loadEnv } from '../src/lib/env'
import { readDemoCredentials } from '../src/seed/initial-accounts'
import { loadAppConfigModule, markScriptFinished } from './lib/load-app-config'

const mode = process.argv[2] === 'start' ? 'start' : 'dev'
// Same rule as Next.js: .env fills in what the real environment does not set.
if (fs.existsSync('.env')) process.loadEnvFile('.env')
// NODE_ENV is typed read-only by Next.js; the launcher is where it is decided.
Object.assign(process.env, { NODE_ENV: mode === 'start' ? 'production' : (process.env.NODE_ENV ?? 'development') })

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
  const databaseUrl = database.url
  const stopDatabase = () =>
    database.close().catch((error: unknown) => console.error('Stopping the embedded database failed:', error))
  process.env.DATABASE_URL = databaseUrl

  // Migrations and first-start accounts run in Payload's onInit; doing it once here, before
  // Next.js starts, shows problems at once instead of on the first page load.
  console.log('Applying migrations and first-start accounts…')
  const { getPayload } = await import('payload')
  const { default: config } = await loadAppConfigModule()
  const payload = await getPayload({ config })
  await closePayload(payload)
  // From here the launcher lives as long as Next.js does; its exit code is Next's.
  markScriptFinished()

  const credentials = readDemoCredentials(dataDirPath)
  if (mode === 'dev' && credentials && !env.ADMIN_EMAIL) {
    console.log('\nDemo accounts (password for all: ' + credentials.password + ')')
    for (const account of credentials.accounts) console.log(`  ${account.role.padEnd(11)} ${account.email}`)
  }
  console.log(`\nBadil admin: ${env.SERVER_URL}/admin\n`)

  const nextBin = path.resolve('node_modules/next/dist/bin/next')
  const next = spawn(process.execPath, [nextBin, mode, '--port', String(env.PORT)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  })

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping Badil…`)
    if (next.exitCode === null) next.kill('SIGTERM')
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)

  next.on('exit', (code) => {
    void stopDatabase().then(() => process.exit(stopping ? 0 : (code ?? 1)))
  })
}

main().catch((error: unknown) => {
  if (error instanceof Error && !process.env.DEBUG) fail(error.message + '\n  (set DEBUG=1 for the stack trace)')
  console.error(error)
  process.exit(1)
})
