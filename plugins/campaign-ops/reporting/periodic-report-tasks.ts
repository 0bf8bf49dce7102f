/**
 * The periodic reports on the jobs queue: every hour the due subscriptions are looked at, and
 * each due report is queued as its own job (made, stored and sent, retried on failure). A weekly
 * report is due from Monday 07:00 Casablanca for the week before, a monthly one from the 1st at
 * 07:00 for the month before.
 */
import type { Payload, TaskConfig } from 'payload'

import { deliverPeriodicReport } from './periodic-report-delivery'
import type { DeliveryRequest, PeriodicReportSettings } from './periodic-report-delivery'
import { reportingQueue } from './metrics-pull'
import { lastCompletePeriod, periodicReportDueAt } from './report-periods'
import { reportSubscriptionsSlug } from './report-subscriptions-collection'

export const queuePeriodicReportsTask = 'queuePeriodicReports'
export const deliverPeriodicReportTask = 'deliverPeriodicReport'

/** Queues one subscription's report. */
export async function queuePeriodicReport(payload: Payload, request: DeliveryRequest): Promise<void> {
  await payload.jobs.queue({ task: deliverPeriodicReportTask, queue: reportingQueue, input: request })
}

/** Queues the reports due at `now` that were not sent yet; answers how many. */
export async function queueDuePeriodicReports(payload: Payload, now: Date): Promise<number> {
  const { docs } = await payload.find({
    collection: reportSubscriptionsSlug,
    where: { active: { equals: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  let queued = 0
  for (const subscription of docs) {
    const period = lastCompletePeriod(subscription.frequency, now)
    if (now < periodicReportDueAt(period.to)) continue
    if (subscription.lastPeriodSent === `${period.from} – ${period.to}`) continue
    await queuePeriodicReport(payload, { subscriptionId: subscription.id, ...period, kind: subscription.frequency })
    queued += 1
  }
  return queued
}

export const queuePeriodicReportsTaskConfig: TaskConfig = {
  slug: queuePeriodicReportsTask,
  retries: 0,
  schedule: [{ cron: '23 * * * *', queue: reportingQueue }],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ req }) => ({ output: { queued: await queueDuePeriodicReports(req.payload, new Date()) } }),
}

export function deliverPeriodicReportTaskConfig(settings: PeriodicReportSettings): TaskConfig {
  return {
    slug: deliverPeriodicReportTask,
    retries: 3,
    inputSchema: [
      { name: 'subscriptionId', type: 'number', required: true },
      { name: 'from', type: 'text', required: true },
      { name: 'to', type: 'text', required: true },
      { name: 'kind', type: 'text', required: true },
      { name: 'requestedBy', type: 'number' },
      { name: 'requestId', type: 'text' },
    ],
    outputSchema: [
      { name: 'reports', type: 'number' },
      { name: 'sent', type: 'number' },
      { name: 'failed', type: 'number' },
      { name: 'skipped', type: 'number' },
    ],
    handler: async ({ input, req }) => ({ output: await deliverPeriodicReport(req.payload, settings, input as DeliveryRequest) }),
  }
}
