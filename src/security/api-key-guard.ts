import { getPayload } from 'payload'
import type { SanitizedConfig } from 'payload'

import { hasRole } from '../domain/roles'
import { languageOfRequest } from '../i18n/request-language'
import { appText } from '../i18n/translations'
import type { AppStrings } from '../i18n/translations'
import { errorResponse } from '../infra/endpoint'

const apiKeyHeader = /^(\S+) API-Key (.*)$/
const apiKeyFormat = /^[A-Za-z0-9_-]{16,256}$/

/** Why a key is refused, by the refusal's code (the words are in the app catalogue, group apiKey). */
type ApiKeyRefusal = keyof AppStrings['apiKey']

function unauthorized(request: Request, code: ApiKeyRefusal): Response {
  return errorResponse(401, [{ message: appText(`apiKey:${code}`)[languageOfRequest(request)], code }], { 'WWW-Authenticate': 'API-Key' })
}

/**
 * Payload treats an unknown API key as an anonymous request, so a tool with a wrong key would only
 * see "not allowed". This answers 401 with the reason instead: malformed header, malformed key, or
 * a key that belongs to no integration account.
 */
export function withApiKeyGuard<Context>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const authorization = request.headers.get('authorization')
    if (!authorization || !authorization.includes('API-Key')) return handler(request, context)

    const match = apiKeyHeader.exec(authorization.trim())
    if (!match || match[1] !== 'users') {
      return unauthorized(request, 'malformed_api_key_header')
    }
    if (!apiKeyFormat.test(match[2])) {
      return unauthorized(request, 'malformed_api_key')
    }
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers: request.headers })
    // A key found on any other account (one set before the role changed) is no key at all.
    if (!user || !hasRole(user, 'integration')) {
      return unauthorized(request, 'invalid_api_key')
    }
    return handler(request, context)
  }
}
