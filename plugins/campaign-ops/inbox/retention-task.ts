import type { Payload, TaskConfig } from 'payload'

import { nextCasablancaClockTime } from '../../../src/domain/casablanca-time'
import { sqlPool } from '../../../src/infra/database'
import { appendModerationLog } from '../moderation/moderation-log'
import { maintenanceQueue } from '../moderation/retention-task'

export const inboxRetentionTask = 'purgeInboxPersonalData'

const purgeAt = { hour: 3, minute: 27 }

/**
 * Each night (03:27 Casablanca), the inbox forgets what it may not keep (law 09-08): archived
 * copies past their own retention are deleted, and authors' display names older than the
 * moderation log's retention are blanked (the keyed pseudonym stays, so an author's history
 * still adds up). The purge records itself in the moderation log.
 */
export function inboxRetentionTaskConfig(options: { handleRetentionDays: number }): TaskConfig {
  return {
    slug: inboxRetentionTask,
    retries: 2,
    schedule: [
      {
        cron: `${purgeAt.minute} ${purgeAt.hour} * * *`,
        queue: maintenanceQueue,
        hooks: {
          beforeSchedule: async (args) => {
            const decision = await args.defaultBeforeSchedule(args)
            return decision.shouldSchedule ? { ...decision, waitUntil: nextCasablancaClockTime(purgeAt.hour, purgeAt.minute, new Date()) } : decision
          },
        },
      },
    ],
    outputSchema: [
      { name: 'evidenceDeleted', type: 'number' },
      { name: 'handlesBlanked', type: 'number' },
    ],
    handler: async ({ req }) => ({ output: await purgeInboxPersonalData(req.payload, options.handleRetentionDays) }),
  }
}

export async function purgeInboxPersonalData(payload: Payload, handleRetentionDays: number) {
  const pool = sqlPool(payload)
  const evidence = await pool.query(`DELETE FROM interaction_evidence WHERE expires_at < now()`)
  const handles = await pool.query(
    `UPDATE interactions SET author_handle = NULL, updated_at = now()
      WHERE author_handle IS NOT NULL AND received_at < now() - make_interval(days => $1)`,
    [handleRetentionDays],
  )
  const result = { evidenceDeleted: evidence.rowCount ?? 0, handlesBlanked: handles.rowCount ?? 0 }
  await appendModerationLog(payload, { kind: 'retention_purge', actor: { type: 'system' }, after: { inbox: result, handleRetentionDays } })
  return result
}
