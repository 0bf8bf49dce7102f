import cron from 'node-cron'
import type { Payload } from 'payload'

import { webhookQueue } from './webhooks'

/** Delivers queued outbound webhooks every 10 s; the PostgreSQL-backed queue gives each job to one instance. */
export function scheduleWebhookDeliveries(payload: Payload, expression = '*/10 * * * * *') {
  const task = cron.schedule(
    expression,
    async () => {
      try {
        await payload.jobs.run({ queue: webhookQueue, limit: 100 })
      } catch (error) {
        payload.logger.error({ err: error, msg: 'Delivering webhooks failed' })
      }
    },
    { name: 'publication-webhooks', noOverlap: true },
  )
  ;(payload.crons as unknown as { stop(): unknown }[]).push({ stop: () => task.stop() })
  return task
}
