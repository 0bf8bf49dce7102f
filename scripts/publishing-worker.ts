/**
 * A publishing worker: one more scheduler instance on the app's database, without the web server.
 * Run as many as needed (`npm run publishing-worker`); each due variant is claimed by exactly one
 * of them (and of the web instances) in PostgreSQL. Ctrl-C / SIGTERM finishes the publications in
 * flight, claims nothing more, and exits.
 *
 *   --interval-ms N        pass every N ms instead of the cron expression (default: every 10 s)
 *   --lease-ms N           claim lease (default 5 min, renewed while publishing)
 *   --reconcile-after-ms N delay before asking the network about an unknown outcome
 *   --concurrency N        publications at once
 *   --instance NAME        name in the attempt history (default hostname:pid)
 */
import fs from 'node:fs'

import { getPayload } from 'payload'

import { publishingScheduler } from '../plugins/campaign-ops/publishing/scheduler'
import type { SchedulerOptions } from '../plugins/campaign-ops/publishing/options'
import { openAppDatabase } from '../src/infra/app-database'
import { closePayload } from '../src/infra/database'
import { loadEnv } from '../src/infra/env'
import { loadAppConfigModule, markScriptFinished } from './lib/load-app-config'

function numberArgument(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`)
  if (index < 0) return undefined
  const value = Number(process.argv[index + 1])
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`✖ --${name} must be a positive number\n`)
    process.exit(2)
  }
  return value
}

function textArgument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index < 0 ? undefined : process.argv[index + 1]
}

async function main() {
  if (fs.existsSync('.env')) process.loadEnvFile('.env')
  const env = loadEnv()
  const database = await openAppDatabase(env, (line) => process.stderr.write(line + '\n'))
  const intervalMs = numberArgument('interval-ms')
  const scheduler: SchedulerOptions = {
    leaseMs: numberArgument('lease-ms'),
    reconcileAfterMs: numberArgument('reconcile-after-ms'),
    concurrency: numberArgument('concurrency'),
    instanceId: textArgument('instance'),
    requestTimeoutMs: numberArgument('request-timeout-ms'),
  }
  const { badilConfig } = await loadAppConfigModule()
  const config = await badilConfig({
    env,
    databaseUrl: database.url,
    seed: 'none',
    migrate: false,
    runScheduledJobs: false,
    publishing: { scheduler: Object.fromEntries(Object.entries(scheduler).filter(([, value]) => value !== undefined)) },
  })
  const payload = await getPayload({ config })
  const worker = publishingScheduler(payload)
  let timer: NodeJS.Timeout | undefined
  if (intervalMs) {
    const pass = () =>
      worker
        .tick()
        .catch((error) => payload.logger.error({ err: error, msg: 'Publishing pass failed' }))
        .finally(() => {
          if (!stopping) timer = setTimeout(pass, intervalMs)
        })
    timer = setTimeout(pass, 0)
  } else {
    worker.start()
  }
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    clearTimeout(timer)
    await worker.stop()
    await closePayload(payload)
    await database.close()
    markScriptFinished()
    process.stdout.write('stopped\n', () => process.exit(0))
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
  process.stdout.write(`publishing worker ready (${config.serverURL ?? ''})\n`)
}

main().catch((error) => {
  process.stderr.write(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
