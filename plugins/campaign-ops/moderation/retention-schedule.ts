import cron from 'node-cron'
import type { Payload } from 'payload'

import { purgeExpiredExcerpts } from './moderation-log'

/**
 * Runs the excerpt purge every night (Africa/Casablanca). Every instance schedules it; an advisory
 * lock lets only one purge at a time, and a purge that finds nothing to do still records itself.
 */
export function scheduleRetentionPurge(payload: Payload, retentionDays: number, expression = '17 3 * * *') {
  const task = cron.schedule(
    expression,
    async () => {
      try {
        const result = await purgeExpiredExcerpts(payload, { retentionDays })
        if (!result.skipped) payload.logger.info(`Moderation log: purged ${result.purged} comment excerpts older than ${retentionDays} days`)
      } catch (error) {
        payload.logger.error({ err: error, msg: 'Moderation log retention purge failed' })
      }
    },
    { timezone: 'Africa/Casablanca', name: 'moderation-log-retention' },
  )
  // Payload stops what is in `payload.crons` on destroy, so a stopped app leaves no timer behind.
  ;(payload.crons as unknown as { stop(): unknown }[]).push({ stop: () => task.stop() })
  return task
}
