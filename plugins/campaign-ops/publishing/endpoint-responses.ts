import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { defineEndpoint } from '../../../src/infra/endpoint'
import type { Role } from '../../../src/domain/roles'

export { refuse } from '../../../src/infra/endpoint'
import type { AdminLanguage, Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

/** The variant endpoints (publishing by hand, publish now, reschedule…) on the app's one endpoint helper. */

export const variantNotFound: Localized = pluginText('variantActions:notFound')

/** Who may call an endpoint, and what the others are told. */
export type EndpointAccess = {
  roles: readonly Role[]
  /** Why the other roles are refused. */
  forbidden: Localized
  /** Whether Payload's errors (a save made as the person refused) are answered too, with their fields. */
  answerPayloadErrors?: boolean
}

/**
 * A `/:id/…` variant endpoint: refuses anonymous callers (401) and other roles (403), then runs
 * the action with the person's language and the variant's id.
 */
export function variantEndpoint(
  route: { path: string; method: Endpoint['method']; access: EndpointAccess },
  action: (req: PayloadRequest, language: AdminLanguage, id: string) => Promise<Response>,
): Endpoint {
  return defineEndpoint({
    path: route.path,
    method: route.method,
    access: { roles: route.access.roles, forbidden: route.access.forbidden },
    answerPayloadErrors: route.access.answerPayloadErrors,
    params: z.object({ id: z.string() }),
    handler: ({ req, language, params }) => action(req, language, params.id),
  })
}

/** The JSON object body of a request; anything else (no body, invalid JSON, an array) reads as `{}`. */
export async function readJsonObject(req: PayloadRequest): Promise<Record<string, unknown>> {
  const parsed = (await req.json?.().catch(() => undefined)) as unknown
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
}
