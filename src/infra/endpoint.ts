import { APIError } from 'payload'
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { hasRole, isStaff } from '../domain/roles'
import { BodyTooLargeError, maxJsonBodyBytes, readBodyWithin } from './body-limit'
import type { Role } from '../domain/roles'
import { requestLanguage } from '../i18n/request-language'
import type { AdminLanguage, Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

/**
 * One way to write a custom endpoint: who may call it, zod schemas for its route params, query
 * and body, and one error envelope — `{ errors: [{ message, field?, code }] }`, the message in
 * the caller's admin language — shaped like Payload's own errors so the admin shows both alike.
 */

/** One error of the envelope; `details` carries what a client needs beyond the words (allowed values, a limit). */
export type EndpointError = { message: string; field?: string; code: string } & Record<string, unknown>

export type EndpointStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503
/** `headers` go on the answer too (a 429's Retry-After). */
export type Refusal = {
  status: EndpointStatus
  code?: string
  message: Localized | string
  field?: string
  details?: Record<string, unknown>
  headers?: Record<string, string>
}

export class EndpointRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(typeof refusal.message === 'string' ? refusal.message : refusal.message.en)
  }
}

/** The code of a refusal that names none: what its status means. */
const codeOfStatus: Record<EndpointStatus, string> = {
  400: 'invalid',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'upstream_error',
  503: 'unavailable',
}

/** Ends the endpoint with this refusal, answered in the envelope. */
export function refuse(refusal: Refusal): never {
  throw new EndpointRefusal(refusal)
}

/** The envelope with these errors. */
export function errorResponse(status: number, errors: EndpointError[], headers?: HeadersInit): Response {
  return Response.json({ errors }, { status, headers })
}

const words = {
  signIn: appText('endpoint:signIn'),
  notForYourRole: appText('endpoint:notForYourRole'),
  bodyTooLarge: (bytes: number): Localized => appText('endpoint:bodyTooLarge', { megabytes: Math.ceil(bytes / 1024 / 1024) }),
  notJson: appText('endpoint:notJson'),
}

const zodLocales = { fr: z.locales.fr(), ar: z.locales.ar(), en: z.locales.en() }

/** Who may call: every signed-in staff member, or some roles (with what the others are told). */
export type EndpointAccess = 'staff' | { roles: 'staff' | readonly Role[]; forbidden?: Localized; signIn?: Localized }

type Schema = z.ZodType
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined

export type EndpointContext<P, Q, B> = {
  req: PayloadRequest & { user: NonNullable<PayloadRequest['user']> }
  /** Who calls: the request's user, or the one `authenticate` found (a feed token). */
  user: NonNullable<PayloadRequest['user']>
  language: AdminLanguage
  params: P
  query: Q
  body: B
}

export type EndpointDefinition<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  path: string
  method: Endpoint['method']
  access: EndpointAccess
  params?: P
  query?: Q
  body?: B
  /** Finds the caller another way than Payload's session or API key (a token in the URL); may refuse. */
  authenticate?: (req: PayloadRequest) => Promise<PayloadRequest['user'] | undefined>
  /** The message of an invalid field, by its path ("hours", "comments.*.text"), in place of zod's generic one. */
  fieldMessages?: Record<string, Localized>
  /** Payload's errors (a save refused by a hook or a validation) answered in the envelope with their fields. */
  answerPayloadErrors?: boolean
  /** The largest body read (default: the JSON body limit of every route, 16 MB). */
  bodyLimitBytes?: number
  /** Headers on every answer of this endpoint, errors included (e.g. Cache-Control: no-store). */
  headers?: Record<string, string>
  handler: (context: EndpointContext<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<Response | object>
}

function localize(message: Localized | string, language: AdminLanguage): string {
  return typeof message === 'string' ? message : message[language]
}

/** The parsed value, or undefined with the issues added to `errors` (every invalid field is answered at once). */
function parse<S extends Schema | undefined>(
  schema: S,
  value: unknown,
  language: AdminLanguage,
  fieldMessages: Record<string, Localized> | undefined,
  errors: EndpointError[],
): Parsed<S> {
  if (!schema) return undefined as Parsed<S>
  // Zod's own words in the caller's language, unless the endpoint names the field's message.
  const result = schema.safeParse(value, { error: zodLocales[language].localeError })
  if (result.success) return result.data as Parsed<S>
  for (const issue of result.error.issues) {
    // A strict schema's unknown names: one error each, naming it (a misspelt `?platfrom=` is not ignored).
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path.map(String), key].join('.')) : [issue.path.map(String).join('.')]
    for (const field of fields) {
      // A message named for the field, or for its pattern with array positions as `*` ("comments.*.text").
      const own = fieldMessages?.[field] ?? fieldMessages?.[field.replace(/(^|\.)\d+(?=\.|$)/g, '$1*')]
      errors.push({ message: own?.[language] ?? issue.message, ...(field ? { field } : {}), code: issue.code })
    }
  }
  return undefined as Parsed<S>
}

/** The body as text, read within its limit while it streams; past it, a 413 naming the limit. No body reads as ''. */
export async function readTextBody(req: PayloadRequest, limitBytes: number): Promise<string> {
  try {
    return req.body ? new TextDecoder().decode(await readBodyWithin(req.body, limitBytes)) : ''
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error
    refuse({ status: 413, code: 'body_too_large', field: 'body', message: words.bodyTooLarge(limitBytes), details: { limit: limitBytes } })
  }
}

/** The JSON body, read within its limit before anything parses it; no body reads as `{}`, invalid JSON as `undefined`. */
async function readBody(req: PayloadRequest, limitBytes: number): Promise<unknown> {
  const text = await readTextBody(req, limitBytes)
  if (!text.trim()) return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The query string as an object; a repeated name (`?platform=a&platform=b`) gives a list. */
function queryObject(searchParams: URLSearchParams | undefined): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const name of new Set(searchParams?.keys() ?? [])) {
    const values = searchParams!.getAll(name)
    query[name] = values.length === 1 ? values[0]! : values
  }
  return query
}

function allowed(access: EndpointAccess, user: PayloadRequest['user']): boolean {
  const roles = access === 'staff' ? access : access.roles
  return roles === 'staff' ? isStaff(user) : hasRole(user, ...roles)
}

/** An endpoint of Payload's shape built from a definition: access, then params, query and body, then the handler. */
export function defineEndpoint<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  definition: EndpointDefinition<P, Q, B>,
): Endpoint {
  return {
    path: definition.path,
    method: definition.method,
    handler: async (req) => {
      const language = requestLanguage(req)
      const answer = (status: number, errors: EndpointError[]) => errorResponse(status, errors, definition.headers)
      try {
        const user = definition.authenticate ? await definition.authenticate(req) : req.user
        if (!user) refuse({ status: 401, code: 'unauthenticated', message: (definition.access !== 'staff' && definition.access.signIn) || words.signIn })
        if (!allowed(definition.access, user)) {
          refuse({ status: 403, code: 'forbidden', message: (definition.access !== 'staff' && definition.access.forbidden) || words.notForYourRole })
        }
        const invalid: EndpointError[] = []
        const params = parse(definition.params as P, req.routeParams ?? {}, language, definition.fieldMessages, invalid)
        const query = parse(definition.query as Q, queryObject(req.searchParams), language, definition.fieldMessages, invalid)
        let body = undefined as Parsed<B>
        if (definition.body) {
          const raw = await readBody(req, definition.bodyLimitBytes ?? maxJsonBodyBytes)
          if (raw === undefined || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
            refuse({ status: 400, code: 'invalid_json', field: 'body', message: words.notJson })
          }
          body = parse(definition.body as B, raw, language, definition.fieldMessages, invalid)
        }
        if (invalid.length > 0) return answer(400, invalid)
        const result = await definition.handler({ req: req as EndpointContext<never, never, never>['req'], user, language, params, query, body })
        if (result instanceof Response) {
          for (const [name, value] of Object.entries(definition.headers ?? {})) result.headers.set(name, value)
          return result
        }
        return Response.json(result, { headers: definition.headers })
      } catch (error) {
        if (error instanceof EndpointRefusal) {
          const { status, code, message, field, details, headers } = error.refusal
          const errors = [{ message: localize(message, language), ...(field ? { field } : {}), code: code ?? codeOfStatus[status], ...details }]
          return errorResponse(status, errors, { ...definition.headers, ...headers })
        }
        if (definition.answerPayloadErrors && error instanceof APIError) {
          const data = error.data as { errors?: { path?: string; field?: string; message: string }[] } | undefined
          const code = (data as { code?: string } | undefined)?.code ?? (error.status === 400 ? 'invalid' : 'refused')
          const errors = data?.errors?.length
            ? data.errors.map((item) => ({ message: item.message, field: item.path ?? item.field, code }))
            : [{ message: error.message, code }]
          return answer(error.status, errors)
        }
        throw error
      }
    },
  }
}
