import type { Endpoint } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import { platformLimits } from '../../../src/domain/platform-limits'
import type { Platform } from '../../../src/domain/platform-limits'
import { requestLanguage } from '../../../src/i18n/request-language'
import { hasRole } from '../../../src/domain/roles'
import { networkLabels, networkOfPlatform, networks } from '../networks/registry'
import type { NetworkPlatform } from '../networks/types'
import { CrisisModeError, readCrisisState, switchCrisisMode } from './crisis-mode'

const deny = (status: 401 | 403) => Response.json({ errors: [{ message: status === 401 ? 'Sign in.' : 'Not allowed for your role.' }] }, { status })

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
const queueEndpoint: Endpoint = {
  path: '/publishing/queue',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return deny(401)
    if (!hasRole(req.user, 'admin', 'ncsc', 'cm')) return deny(403)
    const hoursParam = req.searchParams.get('hours')
    const hours = hoursParam === null ? 24 : Number(hoursParam)
    if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 31) {
      return Response.json({ errors: [{ message: 'hours must be a number between 0 and 744', field: 'hours' }] }, { status: 400 })
    }
    const locale = requestLanguage(req) === 'fr' ? 'fr' : 'ar'
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
    )) as unknown as { rows: QueueRow[] }
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
    return Response.json({
      now: now.toISOString(),
      hours,
      crisis: await readCrisisState(req.payload),
      networks: networks.map((network) => ({
        network,
        label: networkLabels[network],
        items: upcoming.filter((row) => networkOfPlatform[row.platform as NetworkPlatform] === network).map(item),
      })),
      attention: attention.map((row) => ({ ...item(row), lastError: row.last_error })),
    })
  },
}

const crisisReadEndpoint: Endpoint = {
  path: '/publishing/crisis',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return deny(401)
    if (hasRole(req.user, 'integration')) return deny(403)
    return Response.json(await readCrisisState(req.payload))
  },
}

/** `POST /api/publishing/crisis` `{ active, reason }` — ncsc/admin; logged with its reason. */
const crisisSwitchEndpoint: Endpoint = {
  path: '/publishing/crisis',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return deny(401)
    // Who may switch is decided before anything is read from the body.
    if (!hasRole(req.user, 'ncsc', 'admin')) return deny(403)
    const input = ((await req.json?.().catch(() => undefined)) ?? {}) as { active?: unknown; reason?: unknown }
    if (typeof input.active !== 'boolean') {
      return Response.json({ errors: [{ message: 'active must be true or false', field: 'active' }] }, { status: 400 })
    }
    try {
      const state = await switchCrisisMode(req.payload, {
        active: input.active,
        reason: typeof input.reason === 'string' ? input.reason : null,
        user: req.user,
        language: requestLanguage(req),
      })
      return Response.json(state)
    } catch (error) {
      if (error instanceof CrisisModeError) {
        const field = (error.data as { field?: string } | undefined)?.field
        return Response.json({ errors: [{ message: error.message, ...(field ? { field } : {}) }] }, { status: error.status })
      }
      throw error
    }
  },
}

export const publishingEndpoints: Endpoint[] = [queueEndpoint, crisisReadEndpoint, crisisSwitchEndpoint]
