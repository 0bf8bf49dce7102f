import type { TaskConfig } from 'payload'

import { nextCasablancaClockTime } from '../../../src/domain/casablanca-time'
import { checkpointModerationLog } from './log-checkpoints'
import { purgeExpiredExcerpts } from './moderation-log'

export const retentionPurgeTask = 'purgeModerationLogExcerpts'
/** The queue of the plugin's scheduled upkeep (the retention purge). */
export const maintenanceQueue = 'maintenance'

/** Each night at 03:17 in Casablanca, whatever the server's time zone (Payload's cron reads the server's). */
const purgeAt = { hour: 3, minute: 17 }

/**
 * The moderation log's nightly purge, on Payload's jobs queue: scheduled once a day, run by one
 * instance (and an advisory lock inside lets only one purge at a time). A purge that finds nothing
 * to blank still records itself in the log.
 */
export function retentionPurgeTaskConfig(retentionDays: number): TaskConfig {
  return {
    slug: retentionPurgeTask,
    retries: 2,
    schedule: [
      {
        cron: `${purgeAt.minute} ${purgeAt.hour} * * *`,
        queue: maintenanceQueue,
        hooks: {
          // Payload's rule (one purge waiting or running at a time), at 03:17 Casablanca time.
          beforeSchedule: async (args) => {
            const decision = await args.defaultBeforeSchedule(args)
            return decision.shouldSchedule ? { ...decision, waitUntil: nextCasablancaClockTime(purgeAt.hour, purgeAt.minute, new Date()) } : decision
          },
        },
      },
    ],
    outputSchema: [
      { name: 'purged', type: 'number' },
      { name: 'skipped', type: 'checkbox' },
    ],
    handler: async ({ req }) => {
      const result = await purgeExpiredExcerpts(req.payload, { retentionDays })
      if (!result.skipped) {
        req.payload.logger.info(`Moderation log: purged ${result.purged} comment excerpts older than ${retentionDays} days`)
        // The purge's own row is sealed at once: it is the night's last word on the log.
        await checkpointModerationLog(req.payload)
      }
      return { output: result }
    },
  }
}
