import { APIError } from 'payload'
import { z } from 'zod'

import { roleOf } from '../domain/roles'
import { appText } from '../i18n/translations'
import { defineEndpoint, refuse } from '../infra/endpoint'
import type { EndpointStatus } from '../infra/endpoint'
import type { Localized } from '../i18n/catalogue'
import { transitionContentItem } from './transition-content-item'
import { availableTransitions } from './transition-table'

const itemParams = z.object({ id: z.string().min(1) })

/** `POST /api/content-items/:id/transition {to, reason}` — the one way to change an item's state over REST. */
export const transitionEndpoint = defineEndpoint({
  path: '/:id/transition',
  method: 'post',
  access: {
    roles: 'staff',
    forbidden: appText('workflow:staffOnly'),
  },
  params: itemParams,
  body: z.object({ to: z.string(), reason: z.string().nullish() }),
  fieldMessages: { to: appText('workflow:toField'), reason: appText('workflow:reasonField') },
  handler: async ({ req, params, body }) => {
    try {
      const result = await transitionContentItem(req.payload, { id: params.id, to: body.to, reason: body.reason ?? null, user: req.user as never, req })
      return { doc: result.item, event: result.event }
    } catch (error) {
      if (!(error instanceof APIError)) throw error
      const data = (error.data ?? {}) as { allowed?: string[]; field?: string; code?: string; reason?: Localized }
      refuse({
        status: error.status as EndpointStatus,
        code: data.code ?? 'transition_refused',
        message: data.reason ?? error.message,
        field: data.field,
        details: { allowed: data.allowed ?? [] },
      })
    }
  },
})

/** `GET /api/content-items/:id/transitions` — what the signed-in person may do from the item's state. */
export const availableTransitionsEndpoint = defineEndpoint({
  path: '/:id/transitions',
  method: 'get',
  access: 'staff',
  params: itemParams,
  handler: async ({ req, params }) => {
    const item = await req.payload.findByID({ collection: 'content-items', id: params.id, depth: 0, overrideAccess: false, user: req.user }).catch(() => null)
    if (!item) refuse({ status: 404, code: 'not_found', message: appText('workflow:itemNotFound') })
    const available = availableTransitions({ workflowState: item.workflowState ?? 'draft', sensitivity: item.sensitivity }, roleOf(req.user))
    return {
      state: item.workflowState,
      transitions: available.map((transition) => ({
        name: transition.name,
        to: transition.to,
        reasonRequired: Boolean(transition.reasonRequired),
        label: transition.label,
      })),
    }
  },
})
