import type { Endpoint } from 'payload'
import { z } from 'zod'

import { defineEndpoint, refuse } from '../../../src/infra/endpoint'
import type { EndpointStatus } from '../../../src/infra/endpoint'
import { networkLabels, networkOfPlatform, networks } from '../networks/registry'
import type { NetworkPlatform } from '../networks/types'
import { CrisisModeError, readCrisisState, switchCrisisMode } from './crisis-mode'
import { publishingQueueRoles, readPublishingQueue } from './publishing-queue'
import { pluginText } from '../translations'

/**
 * `GET /api/publishing/queue?hours=24`: what goes out in the next hours per network, what is
 * overdue, and what needs a person (unknown outcomes, failures, held variants, dead claims).
 */
const queueEndpoint = defineEndpoint({
  path: '/publishing/queue',
  method: 'get',
  access: { roles: [...publishingQueueRoles] },
  query: z.object({
    hours: z.coerce
      .number()
      .gt(0)
      .max(24 * 31)
      .default(24),
  }),
  fieldMessages: {
    hours: pluginText('publishingEndpoints:hours'),
  },
  handler: async ({ req, language, query: { hours } }) => {
    const queue = await readPublishingQueue(req.payload, { hours, locale: language === 'fr' ? 'fr' : 'ar' })
    return {
      now: queue.now.toISOString(),
      hours,
      crisis: await readCrisisState(req.payload),
      networks: networks.map((network) => ({
        network,
        label: networkLabels[network],
        items: queue.upcoming.filter((item) => networkOfPlatform[item.platform as NetworkPlatform] === network),
      })),
      attention: queue.attention,
    }
  },
})

const crisisReadEndpoint = defineEndpoint({
  path: '/publishing/crisis',
  method: 'get',
  access: 'staff',
  handler: async ({ req }) => readCrisisState(req.payload),
})

/** `POST /api/publishing/crisis` `{ active, reason }` — ncsc/admin; logged with its reason. */
const crisisSwitchEndpoint = defineEndpoint({
  path: '/publishing/crisis',
  method: 'post',
  // Who may switch is decided before anything is read from the body.
  access: { roles: ['ncsc', 'admin'] },
  body: z.object({ active: z.boolean(), reason: z.string().nullish().catch(null) }),
  fieldMessages: {
    active: pluginText('publishingEndpoints:active'),
  },
  handler: async ({ req, language, body }) => {
    try {
      return await switchCrisisMode(req.payload, { active: body.active, reason: body.reason ?? null, user: req.user, language })
    } catch (error) {
      if (!(error instanceof CrisisModeError)) throw error
      const field = (error.data as { field?: string } | undefined)?.field
      refuse({ status: error.status as EndpointStatus, code: 'crisis_switch_refused', message: error.message, field })
    }
  },
})

export const publishingEndpoints: Endpoint[] = [queueEndpoint, crisisReadEndpoint, crisisSwitchEndpoint]
