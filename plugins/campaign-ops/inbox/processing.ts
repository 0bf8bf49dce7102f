import type { Payload, TaskConfig } from 'payload'

import { drainDeliveries } from './deliveries'
import type { InboxSettings } from './ingest'
import { inboxQueue } from './queue'

export const processDeliveriesTask = 'processInboundDeliveries'

/**
 * The inbox's job on Payload's queue: every minute, whatever deliveries are still waiting (stored
 * while no instance processed them, or left by a crash) are read into interactions.
 */
export function processDeliveriesTaskConfig(settings: InboxSettings): TaskConfig {
  return {
    slug: processDeliveriesTask,
    retries: 0,
    schedule: [{ cron: '* * * * *', queue: inboxQueue }],
    outputSchema: [
      { name: 'deliveries', type: 'number' },
      { name: 'events', type: 'number' },
      { name: 'failed', type: 'number' },
    ],
    handler: async ({ req }) => ({ output: await drainDeliveries(req.payload, settings) }),
  }
}

/**
 * Reads a delivery right after it is stored, in the instance that received it, so an interaction
 * shows within a second rather than at the next minute. The first arrival waits `gatherMs` for
 * those that come with it, so a burst is read in a few batches rather than one by one. One drain
 * at a time per instance; a delivery stored meanwhile is picked up by the next round.
 */
export function createArrivalProcessor(settings: InboxSettings, gatherMs = 25): (payload: Payload) => void {
  let running = false
  let again = false
  return (payload) => {
    if (running) {
      again = true
      return
    }
    running = true
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, gatherMs))
      try {
        do {
          again = false
          await drainDeliveries(payload, settings)
        } while (again)
      } catch (error) {
        payload.logger.error({ err: error }, 'Inbox: reading stored deliveries failed; the inbox job will retry')
      } finally {
        running = false
      }
    })()
  }
}
