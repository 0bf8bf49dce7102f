import cron from 'node-cron'
import type { Payload } from 'payload'

/**
 * Runs the notification jobs every minute (PostgreSQL-backed queue: any instance may run them, a
 * job is taken once). Failed sends stay queued and are retried by the queue's retry policy.
 */
export function scheduleNotificationRunner(payload: Payload, expression = '* * * * *') {
  const task = cron.schedule(
    expression,
    async () => {
      try {
        await payload.jobs.run({ queue: 'notifications', limit: 50 })
      } catch (error) {
        payload.logger.error({ err: error, msg: 'Running notification jobs failed' })
      }
    },
    { name: 'workflow-notifications', noOverlap: true },
  )
  // Payload stops everything in `payload.crons` on destroy.
  ;(payload.crons as unknown as { stop(): unknown }[]).push({ stop: () => task.stop() })
  return task
}
