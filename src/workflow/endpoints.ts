import { APIError } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import { isStaff, roleOf } from '../domain/roles'
import { transitionContentItem } from './transition-content-item'
import { availableTransitions } from './transition-table'

function errorResponse(error: unknown): Response {
  if (error instanceof APIError) {
    const data = (error.data ?? {}) as { allowed?: string[]; field?: string }
    return Response.json(
      { errors: [{ message: error.message, ...(data.field ? { field: data.field } : {}), allowed: data.allowed ?? [] }] },
      { status: error.status },
    )
  }
  throw error
}

async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | null> {
  try {
    const body = await req.json?.()
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** `POST /api/content-items/:id/transition {to, reason}` — the one way to change an item's state over REST. */
export const transitionEndpoint: Endpoint = {
  path: '/:id/transition',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Sign in to move content through the workflow.' }] }, { status: 401 })
    if (!isStaff(req.user)) return Response.json({ errors: [{ message: 'Only the campaign staff move content through the workflow.' }] }, { status: 403 })
    const body = await readBody(req)
    if (!body || typeof body.to !== 'string') {
      return Response.json({ errors: [{ message: 'The body must be JSON with a string "to" (the target state).', field: 'to' }] }, { status: 400 })
    }
    if (body.reason !== undefined && body.reason !== null && typeof body.reason !== 'string') {
      return Response.json({ errors: [{ message: '"reason" must be a string.', field: 'reason' }] }, { status: 400 })
    }
    try {
      const result = await transitionContentItem(req.payload, {
        id: String(req.routeParams?.id),
        to: body.to,
        reason: (body.reason as string | undefined) ?? null,
        user: req.user as never,
        req,
      })
      return Response.json({ doc: result.item, event: result.event })
    } catch (error) {
      return errorResponse(error)
    }
  },
}

/** `GET /api/content-items/:id/transitions` — what the signed-in person may do from the item's state. */
export const availableTransitionsEndpoint: Endpoint = {
  path: '/:id/transitions',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Sign in first.' }] }, { status: 401 })
    if (!isStaff(req.user)) return Response.json({ errors: [{ message: 'Only the campaign staff see the workflow.' }] }, { status: 403 })
    const item = await req.payload
      .findByID({ collection: 'content-items', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, user: req.user })
      .catch(() => null)
    if (!item) return Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
    const available = availableTransitions({ workflowState: item.workflowState ?? 'draft', sensitivity: item.sensitivity }, roleOf(req.user))
    return Response.json({
      state: item.workflowState,
      transitions: available.map((transition) => ({
        name: transition.name,
        to: transition.to,
        reasonRequired: Boolean(transition.reasonRequired),
        label: transition.label,
      })),
    })
  },
}
