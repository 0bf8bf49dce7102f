/**
 * The inbox's one-click actions on an interaction: hide, show again or delete it on its network
 * (`POST /api/interactions/:id/moderate`), and escalate it to NCSC (`POST /api/interactions/:id/escalate`).
 * Assignment, status and tags are plain updates of the interaction (logged by its hooks).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import type { Interaction, User } from '../../../payload-types'
import { hasRole } from '../../../src/domain/roles'
import { defineEndpoint, refuse } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { escalateInteraction } from './escalation'
import { interactionsSlug } from './interactions-collection'
import { actOnNetwork, NetworkActionError } from './network-actions'
import type { ActionSettings } from './network-actions'
import { decideOnReply, ReplyRefusal, requestReply } from './send-reply'

const inboxTeam = { roles: ['admin', 'ncsc', 'cm'] as const, forbidden: pluginText('inboxActions:forbidden') }
const idParams = z.object({ id: z.coerce.number().int().positive() })

/** The interaction as the caller may read it, or 404. */
async function readable(req: PayloadRequest, id: number): Promise<Interaction> {
  const found = await req.payload.findByID({ collection: interactionsSlug, id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true })
  if (!found) refuse({ status: 404, code: 'not_found', message: pluginText('inboxActions:notFound') })
  return found
}

function answerReplyRefusal(error: unknown): never {
  if (error instanceof ReplyRefusal) refuse({ status: error.status, code: error.code, message: error.reason, ...(error.field ? { field: error.field } : {}) })
  throw error
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
      path: '/:id/reply',
      method: 'post',
      access: inboxTeam,
      params: idParams,
      body: z.object({
        text: z.string().max(8000).optional(),
        templateId: z.number().int().positive().optional(),
        language: z.enum(['fr', 'ar', 'ary']).optional(),
        idempotencyKey: z.string().trim().min(8).max(200),
        openedAt: z.iso.datetime({ offset: true }).optional(),
        confirm: z.boolean().optional(),
      }),
      handler: async ({ req, user, params, body }) => {
        const interaction = await readable(req, params.id)
        const reply = await requestReply(req.payload, settings, interaction, user as User, {
          ...body,
          openedAt: body.openedAt ? new Date(body.openedAt) : undefined,
        }).catch(answerReplyRefusal)
        return { reply }
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

/** `POST /api/interaction-replies/:id/decision`: NCSC approves (and sends) or rejects a reply on a sensitive thread. */
export function replyDecisionEndpoints(settings: ActionSettings): Endpoint[] {
  return [
    defineEndpoint({
      path: '/:id/decision',
      method: 'post',
      access: { roles: ['admin', 'ncsc'], forbidden: pluginText('inboxReplies:approveNcscOnly') },
      params: idParams,
      body: z.object({ approve: z.boolean() }),
      handler: async ({ req, user, params, body }) => {
        const found = await req.payload.findByID({
          collection: 'interaction-replies',
          id: params.id,
          depth: 0,
          overrideAccess: false,
          user,
          disableErrors: true,
        })
        if (!found) refuse({ status: 404, code: 'not_found', message: pluginText('inboxReplies:notFound') })
        const reply = await decideOnReply(req.payload, settings, params.id, user as User, body.approve).catch(answerReplyRefusal)
        return { reply }
      },
    }),
  ]
}
