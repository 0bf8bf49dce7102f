/**
 * How a running instance stops without losing work. On SIGTERM (a rolling restart, a scale-in):
 * 1. it reports itself not ready (`/api/health/ready` answers 503), so the load balancer sends it
 *    nothing new, and gives the requests in flight `drainMs` to finish;
 * 2. the parts that claim work stop claiming and finish what they hold (the publishing scheduler
 *    settles its publications in flight; Payload's crons stop queueing and running jobs);
 * 3. the PostgreSQL pools close, and the process exits.
 * All within `SHUTDOWN_TIMEOUT_S`: what is still held then keeps its lease, which expires, and
 * another instance takes it over (a publication in flight becomes an "unknown outcome" that is
 * checked on the network before anything is sent again).
 */
import type { Payload } from 'payload'

import { closePayload } from './database'
import { beforeDeadline, late } from './deadline'

type Stopper = { name: string; stop: () => Promise<void> }

const stoppers = new WeakMap<Payload, Stopper[]>()
const draining = new WeakSet<Payload>()

/** Registers what must stop (stop claiming, finish what it holds) before the pools close. */
export function onShutdown(payload: Payload, name: string, stop: () => Promise<void>): void {
  const list = stoppers.get(payload) ?? []
  list.push({ name, stop })
  stoppers.set(payload, list)
}

/** True once this instance's shutdown began: it is draining and must not be sent new work. */
export function isShuttingDown(payload: Payload): boolean {
  return draining.has(payload)
}

export type ShutdownReport = { stopped: string[]; unfinished: string[]; seconds: number }

/**
 * Drains, stops every registered part, then stops Payload and closes its pools, within
 * `timeoutMs` in all. Resolves with what stopped in time and what did not.
 */
export async function shutDown(payload: Payload, options: { timeoutMs: number; drainMs: number; log?: (line: string) => void }): Promise<ShutdownReport> {
  const started = Date.now()
  const left = () => options.timeoutMs - (Date.now() - started)
  const log = options.log ?? (() => undefined)
  draining.add(payload)
  log(`shutting down: not ready any more; ${Math.round(options.drainMs / 1000)} s for the requests in flight`)
  await new Promise((resolve) => setTimeout(resolve, Math.min(options.drainMs, Math.max(0, left()))))

  const report: ShutdownReport = { stopped: [], unfinished: [], seconds: 0 }
  // Whatever the parts do, the pools get their share of the deadline to close.
  const closeReserveMs = Math.min(3000, options.timeoutMs / 4)
  await Promise.all(
    (stoppers.get(payload) ?? []).map(async ({ name, stop }) => {
      const outcome = await beforeDeadline(
        stop().catch((error: unknown) => log(`shutting down: ${name} failed to stop cleanly: ${error instanceof Error ? error.message : String(error)}`)),
        left() - closeReserveMs,
      )
      report[outcome === late ? 'unfinished' : 'stopped'].push(name)
    }),
  )
  // Payload's destroy stops its crons (job runners included); the pools close once their queries end.
  const closed = await beforeDeadline(closePayload(payload), left())
  if (closed === late) report.unfinished.push('database pools')
  report.seconds = Math.round((Date.now() - started) / 100) / 10
  log(
    report.unfinished.length === 0
      ? `shutting down: done in ${report.seconds} s`
      : `shutting down: ${report.unfinished.join(', ')} still busy after ${report.seconds} s; their leases expire and another instance takes over`,
  )
  return report
}

let installed = false

/**
 * In a server process (never in tests or one-off scripts): SIGTERM and SIGINT start the shutdown
 * once, then exit. Next.js leaves the signals to the app when NEXT_MANUAL_SIG_HANDLE is set (the
 * launcher sets it), so its server keeps answering while the instance drains.
 */
export function installSignalHandlers(payload: Payload, options: { timeoutMs: number; drainMs: number }): void {
  if (installed) return
  installed = true
  let started = false
  const handle = (signal: NodeJS.Signals) => {
    if (started) return
    started = true
    payload.logger.info(`${signal}: stopping this instance (at most ${Math.round(options.timeoutMs / 1000)} s)`)
    void shutDown(payload, { ...options, log: (line) => payload.logger.info(line) })
      .then((report) => process.exit(report.unfinished.length === 0 ? 0 : 1))
      .catch((error: unknown) => {
        payload.logger.error({ err: error, msg: 'shutting down failed' })
        process.exit(1)
      })
  }
  process.on('SIGTERM', handle)
  process.on('SIGINT', handle)
}
