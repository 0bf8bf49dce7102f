/**
 * The server side of `npm run bench -- inbox`, in a process of its own so that its memory is
 * measured apart from the load: Payload on the benchmark's database, its REST handlers (the Meta
 * webhook among them) on 127.0.0.1 over real HTTP, deliveries read on arrival as in production.
 * Prints `inbox bench server <url>` when it answers; stops on SIGTERM.
 */
import { getPayload } from 'payload'

import { closePayload } from '../../src/infra/database'
import { loadEnv } from '../../src/infra/env'
import { startHttpServer } from '../../tests/helpers/http-server'
import { loadAppConfigModule, markScriptFinished } from '../../scripts/lib/load-app-config'

const env = loadEnv({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' })
const { badilConfig } = await loadAppConfigModule()
const payload = await getPayload({
  config: badilConfig({ env, databaseUrl: process.env.DATABASE_URL!, seed: 'none', migrate: false, runScheduledJobs: false }),
})
const server = await startHttpServer(payload.config)
process.stdout.write(`inbox bench server ${server.baseUrl}\n`)

// The bench asks for the heap's share of the resident memory at the end (SIGUSR2).
process.on('SIGUSR2', () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  const usage = process.memoryUsage()
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  process.stdout.write(
    `memory: rss ${mb(usage.rss)}, heap used ${mb(usage.heapUsed)} of ${mb(usage.heapTotal)}, external ${mb(usage.external)}, array buffers ${mb(usage.arrayBuffers)}\n`,
  )
})

let stopping = false
process.on('SIGTERM', () => {
  if (stopping) return
  stopping = true
  void (async () => {
    await server.close()
    await closePayload(payload)
    markScriptFinished()
    process.exit(0)
  })()
})
