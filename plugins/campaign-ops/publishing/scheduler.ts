import { Cron } from 'croner'
import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import { clearanceWords, heldReason } from '../../../src/workflow/publication-clearance'
import { claimDueVariants, claimReconciliations, holdUnclearedVariants, sweepExpiredLeases } from './claim'
import { publishClaimedVariant } from './publish-variant'
import { reconcileClaimedVariant } from './reconcile-variant'
import type { PublishingRuntime } from './runtime'
import { clearExpiredRateLimits } from './variant-state'

export type TickReport = {
  swept: number
  /** Scheduled variants the workflow no longer clears, held instead of published. */
  held: number
  reconciled: Record<string, number>
  published: Record<string, number>
}

export type PublishingScheduler = {
  /** One pass: sweep dead claims, reconcile unknown outcomes, publish everything due. */
  tick(): Promise<TickReport>
  start(): void
  /** Stops claiming; resolves when the publications in flight have settled. */
  stop(): Promise<void>
}

const schedulers = new WeakMap<Payload, PublishingScheduler>()

/** The scheduler of a Payload instance (set up by the plugin on init). */
export function publishingScheduler(payload: Payload): PublishingScheduler {
  const scheduler = schedulers.get(payload)
  if (!scheduler) throw new Error('The publishing scheduler is not set up on this Payload instance')
  return scheduler
}

const unclearedReasons = {
  itemNotApproved: heldReason({ code: 'item_not_approved', message: clearanceWords.itemNotApproved }),
  variantNotApproved: heldReason({ code: 'variant_not_approved', message: clearanceWords.variantNotApproved }),
}

const count = (tally: Record<string, number>, key: string) => {
  tally[key] = (tally[key] ?? 0) + 1
}

export function createPublishingScheduler(payload: Payload, runtime: PublishingRuntime): PublishingScheduler {
  let running: Promise<TickReport> | null = null
  let stopping = false
  let task: Cron | null = null
  // Stopped by stop(), or by Payload stopping its crons when it is destroyed: no new claims.
  const stopped = () => stopping || (task?.isStopped() ?? false)

  /**
   * `concurrency` workers, each claiming one variant at a time until nothing is due: instances
   * share the work variant by variant, and a claim never waits long before its publish starts.
   */
  async function drain<T>(claimOne: () => Promise<T | null>, handle: (claim: T) => Promise<string>, tally: Record<string, number>) {
    const worker = async () => {
      while (!stopped()) {
        const claim = await claimOne()
        if (!claim) return
        try {
          count(tally, await handle(claim))
        } catch (error) {
          // The claim stays held and expires; the next sweep makes it an unknown outcome to check.
          count(tally, 'error')
          payload.logger.error({ err: error, msg: 'Publishing a claimed variant failed' })
        }
      }
    }
    await Promise.all(Array.from({ length: runtime.concurrency }, worker))
  }

  async function tickOnce(): Promise<TickReport> {
    const db = sqlPool(payload)
    const report: TickReport = { swept: 0, held: 0, reconciled: {}, published: {} }
    await clearExpiredRateLimits(db)
    report.swept = (await sweepExpiredLeases(db, runtime.reconcileAfterMs)).length
    report.held = await holdUnclearedVariants(db, unclearedReasons)
    await drain(
      async () => (await claimReconciliations(db, { limit: 1, leaseMs: runtime.leaseMs }))[0] ?? null,
      (claim) => reconcileClaimedVariant(payload, runtime, claim),
      report.reconciled,
    )
    await drain(
      async () => (await claimDueVariants(db, { limit: 1, leaseMs: runtime.leaseMs, instance: runtime.instanceId }))[0] ?? null,
      (claim) => publishClaimedVariant(payload, runtime, claim),
      report.published,
    )
    // Again at the end: a limit that ran out during the pass (its variant was claimed and went
    // out) must not leave the account showing "rate limited" until the next pass.
    await clearExpiredRateLimits(db)
    return report
  }

  const scheduler: PublishingScheduler = {
    tick() {
      // One pass at a time per instance; a tick asked for meanwhile joins the running one.
      running ??= tickOnce().finally(() => {
        running = null
      })
      return running
    },
    start() {
      if (task) return
      stopping = false
      // Croner, like Payload's own crons: Payload stops every cron in `payload.crons` when it is destroyed.
      task = new Cron(runtime.cron, { name: 'publishing-scheduler', protect: true }, async () => {
        try {
          await scheduler.tick()
        } catch (error) {
          payload.logger.error({ err: error, msg: 'Publishing tick failed' })
        }
      })
      payload.crons.push(task)
    },
    async stop() {
      stopping = true
      task?.stop()
      task = null
      await running?.catch(() => undefined)
    },
  }
  schedulers.set(payload, scheduler)
  return scheduler
}
