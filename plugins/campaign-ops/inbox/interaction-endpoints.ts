/**
 * The inbox's one-click actions on an interaction: hide, show again or delete it on its network
 * (`POST /api/interactions/:id/moderate`), and escalate it to NCSC (`POST /api/interactions/:id/escalate`).
 * Assignment, status and tags are plain updates of the interaction (logged by its hooks).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Interaction } from '../../../payload-types'
import { hasRole } from '../../../src/domain/roles'
import { defineEndpoint, refuse } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { escalateInteraction } from './escalation'
import { interactionsSlug } from './interactions-collection'
import { actOnNetwork, NetworkActionError } from './network-actions'
import type { ActionSettings } from './network-actions'

const inboxTeam = { roles: ['admin', 'ncsc', 'cm'] as const, forbidden: pluginText('inboxActions:forbidden') }
const idParams = z.object({ id: z.coerce.number().int().positive() })

/** The interaction as the caller may read it, or 404. */
async function readable(req: PayloadRequest, id: number): Promise<Interaction> {
  const found = await req.payload.findByID({ collection: interactionsSlug, id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true })
  if (!found) refuse({ status: 404, code: 'not_found', message: pluginText('inboxActions:notFound') })
  return found
}

function answerNetworkError(error: unknown): never {
  if (error instanceof NetworkActionError) refuse({ status: error.status, code: error.code, message: error.reason })
  throw error
}

export function interactionEndpoints(settings: ActionSettings): Endpoint[] {
  return [
    defineEndpoint({
      path: '/:id/moderate',
      method: 'post',
      access: inboxTeam,
      params: idParams,
      body: z.object({ action: z.enum(['hide', 'unhide', 'delete']), reason: z.string().trim().max(2000).optional() }),
      handler: async ({ req, user, params, body }) => {
        if (body.action === 'delete') {
          if (!hasRole(user, 'ncsc')) refuse({ status: 403, code: 'ncsc_only', message: pluginText('inboxActions:deleteNcscOnly') })
          if (!body.reason) refuse({ status: 400, code: 'reason_required', field: 'reason', message: pluginText('inboxActions:deleteNeedsReason') })
        }
        const interaction = await readable(req, params.id)
        if (interaction.removedOnNetworkAt) refuse({ status: 409, code: 'already_removed', message: pluginText('inboxActions:alreadyRemoved') })
        const updated = await actOnNetwork(req.payload, settings, interaction, body.action, { type: 'user', userId: user.id }, body.reason || null).catch(
          answerNetworkError,
        )
        return { interaction: updated }
      },
    }),
    defineEndpoint({
      path: '/:id/escalate',
      method: 'post',
      access: inboxTeam,
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1).max(2000), toLegal: z.boolean().optional() }),
      fieldMessages: { reason: pluginText('inboxActions:escalateNeedsReason') },
      handler: async ({ req, user, params, body }) => {
        const interaction = await readable(req, params.id)
        const updated = await escalateInteraction(
          req.payload,
          interaction,
          { type: 'user', userId: user.id },
          {
            reason: body.reason,
            toLegal: body.toLegal === true,
            pseudonymKey: settings.pseudonymKey,
          },
        )
        return { interaction: updated }
      },
    }),
  ]
}
