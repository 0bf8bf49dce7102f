import { APIError } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'

import { requestLanguage } from '../../../src/i18n/request-language'
import type { AdminLanguageCode } from '../../../src/i18n/request-language'
import { hasRole } from '../../../src/domain/roles'
import type { Role } from '../../../src/domain/roles'

/**
 * The variant endpoints' answers to people (publishing by hand, publish now, reschedule…): a
 * refusal in the person's admin language, shaped `{ errors: [{ message, field? }] }` like
 * Payload's own errors so that the admin shows it the same way.
 */

export type Words = Record<AdminLanguageCode, string>
export type Refusal = { status: 400 | 401 | 403 | 404 | 409; message: Words; field?: string }

class EndpointRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message.en)
  }
}

/** Ends the action with this refusal (answered by `variantEndpoint`). */
export function refuse(refusal: Refusal): never {
  throw new EndpointRefusal(refusal)
}

const signInWords: Words = { fr: 'Connectez-vous.', ar: 'سجّل الدخول.', en: 'Sign in.' }
export const variantNotFound: Words = { fr: 'Variante introuvable.', ar: 'الصيغة غير موجودة.', en: 'Variant not found.' }

/** Who may call an endpoint, and what the others are told. */
export type EndpointAccess = {
  roles: readonly Role[]
  /** Why the other roles are refused. */
  forbidden: Words
  /**
   * Whether Payload's errors (validation of a save made as the person) are answered too, with the
   * field paths; otherwise they go to Payload's error handling.
   */
  answerPayloadErrors?: boolean
}

/**
 * The handler of a `/:id/…` variant endpoint: refuses anonymous callers (401) and other roles
 * (403), runs the action with the person's language and the id, and answers its refusals.
 */
export function variantEndpoint(
  access: EndpointAccess,
  action: (req: PayloadRequest, language: AdminLanguageCode, id: string) => Promise<Response>,
): Endpoint['handler'] {
  return async (req) => {
    const language = requestLanguage(req)
    try {
      if (!req.user) refuse({ status: 401, message: signInWords })
      if (!hasRole(req.user, ...access.roles)) refuse({ status: 403, message: access.forbidden })
      return await action(req, language, String(req.routeParams?.id ?? ''))
    } catch (error) {
      if (error instanceof EndpointRefusal) {
        const { status, message, field } = error.refusal
        return Response.json({ errors: [{ message: message[language], ...(field ? { field } : {}) }] }, { status })
      }
      if (access.answerPayloadErrors && error instanceof APIError) {
        const data = error.data as { errors?: { path?: string; field?: string; message: string }[] } | undefined
        const errors = data?.errors?.length
          ? data.errors.map((item) => ({ message: item.message, field: item.path ?? item.field }))
          : [{ message: error.message }]
        return Response.json({ errors }, { status: error.status })
      }
      throw error
    }
  }
}

/** The JSON object body of a request; anything else (no body, invalid JSON, an array) reads as `{}`. */
export async function readJsonObject(req: PayloadRequest): Promise<Record<string, unknown>> {
  const parsed = (await req.json?.().catch(() => undefined)) as unknown
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
}
