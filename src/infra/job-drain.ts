/**
 * No job cut in half by a rolling restart. Once a stopping instance begins to drain, its job
 * runners start nothing more (the other instances run what is queued), and the shutdown waits for
 * the runs already going, within its deadline. Payload's crons call `payload.jobs.run`; a run cut
 * by the process exiting would leave its jobs marked as processing, never to be run again.
 */
import type { Payload } from 'payload'

import { isShuttingDown, onShutdown } from './lifecycle'

type Run = Payload['jobs']['run']

const drained = new WeakSet<Payload>()

export function drainJobsOnShutdown(payload: Payload): void {
  if (drained.has(payload)) return
  drained.add(payload)
  const inFlight = new Set<Promise<unknown>>()
  const run: Run = payload.jobs.run.bind(payload.jobs)
  payload.jobs.run = (async (args: Parameters<Run>[0]) => {
    if (isShuttingDown(payload)) return { noJobsRemaining: true, remainingJobsFromQueried: 0 }
    const running = run(args)
    inFlight.add(running)
    try {
      return await running
    } finally {
      inFlight.delete(running)
    }
  }) as unknown as Run
  onShutdown(payload, 'job runs', async () => {
    await Promise.allSettled([...inFlight])
  })
}
