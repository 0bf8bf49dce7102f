import type { TaskConfig } from 'payload'

import { checkpointModerationLog } from './log-checkpoints'
import { maintenanceQueue } from './retention-task'

export const checkpointTask = 'checkpointModerationLog'

/**
 * Seals the moderation log's end every hour (at minute 7), on the maintenance queue: Payload's
 * schedule keeps one waiting or running at a time. Rows appended since the last seal are the only
 * ones whose removal the seals cannot show, so at most an hour's.
 */
export const checkpointTaskConfig: TaskConfig = {
  slug: checkpointTask,
  retries: 2,
  schedule: [{ cron: '7 * * * *', queue: maintenanceQueue }],
  outputSchema: [{ name: 'sealedSequence', type: 'number' }],
  handler: async ({ req }) => {
    const checkpoint = await checkpointModerationLog(req.payload)
    return { output: { sealedSequence: checkpoint?.sequence ?? null } }
  },
}
