import type { Endpoint } from 'payload'
import { z } from 'zod'

import { sqlPool } from '../../../src/infra/database'
import { platformLimits } from '../../../src/domain/platform-limits'
import type { Platform } from '../../../src/domain/platform-limits'
import { defineEndpoint, refuse } from '../../../src/infra/endpoint'
import type { EndpointStatus } from '../../../src/infra/endpoint'
import { networkLabels, networkOfPlatform, networks } from '../networks/registry'
import type { NetworkPlatform } from '../networks/types'
import { CrisisModeError, readCrisisState, switchCrisisMode } from './crisis-mode'
import { pluginText } from '../translations'

type QueueRow = {
  id: number
  label: string | null
  platform: string
  language: string
  scheduled_at: Date | null
  publication_state: string
  last_error: string | null
  lease_until: Date | null
  account_id: number | null
  account_name: string | null
  account_status: string | null
  account_connection: string | null
  item_id: number | null
  item_title: string | null
}

/**
 * `GET /api/publishing/queue?hours=24`: what goes out in the next hours per network, what is
 * overdue, and what needs a person (unknown outcomes, failures, held variants, dead claims).
 */
const queueEndpoint = defineEndpoint({
  path: '/publishing/queue',
  method: 'get',
  access: { roles: ['admin', 'ncsc', 'cm'] },
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
    const locale = language === 'fr' ? 'fr' : 'ar'
    // Raw SQL rows: the generated types describe documents, not these joined snake_case columns.
    const { rows } = (await sqlPool(req.payload).query(
      `SELECT v.id, v.label, v.platform::text AS platform, v.language::text AS language, v.scheduled_at, v.publication_state::text AS publication_state,
              v.last_error, v.lease_until, a.id AS account_id, a.name AS account_name, a.status::text AS account_status,
              a.connection::text AS account_connection, i.id AS item_id,
              COALESCE((SELECT l.title FROM content_items_locales l WHERE l._parent_id = i.id AND l._locale = $2),
                       (SELECT l.title FROM content_items_locales l WHERE l._parent_id = i.id AND l._locale = 'fr')) AS item_title
         FROM platform_variants v
         LEFT JOIN network_accounts a ON a.id = v.network_account_id
         LEFT JOIN content_items i ON i.id = v.content_item_id
        WHERE (v.publication_state IN ('scheduled', 'publishing') AND v.scheduled_at <= now() + make_interval(hours => $1::int))
           OR v.publication_state IN ('outcome_unknown', 'failed', 'held')
        ORDER BY v.scheduled_at NULLS LAST, v.id
        LIMIT 2000`,
      [Math.ceil(hours), locale],
    )) as { rows: QueueRow[] }
    const now = new Date()
    const item = (row: QueueRow) => ({
      id: row.id,
      label: row.label,
      platform: row.platform,
      platformLabel: platformLimits[row.platform as Platform]?.label ?? row.platform,
      language: row.language,
      scheduledAt: row.scheduled_at ? new Date(row.scheduled_at).toISOString() : null,
      publicationState: row.publication_state,
      overdue: row.publication_state === 'scheduled' && row.scheduled_at !== null && new Date(row.scheduled_at) < now,
      account: row.account_id ? { id: row.account_id, name: row.account_name, status: row.account_status, connection: row.account_connection } : null,
      contentItem: row.item_id ? { id: row.item_id, title: row.item_title } : null,
    })
    const upcoming = rows.filter((row) => row.publication_state === 'scheduled' || row.publication_state === 'publishing')
    const attention = rows.filter(
      (row) =>
        ['outcome_unknown', 'failed', 'held'].includes(row.publication_state) ||
        (row.publication_state === 'publishing' && row.lease_until !== null && new Date(row.lease_until) < now) ||
        (row.publication_state === 'scheduled' && row.account_status === 'needs_reconnect'),
    )
    return {
      now: now.toISOString(),
      hours,
      crisis: await readCrisisState(req.payload),
      networks: networks.map((network) => ({
        network,
        label: networkLabels[network],
        items: upcoming.filter((row) => networkOfPlatform[row.platform as NetworkPlatform] === network).map(item),
      })),
      attention: attention.map((row) => ({ ...item(row), lastError: row.last_error })),
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
