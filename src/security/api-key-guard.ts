import { getPayload } from 'payload'
import type { SanitizedConfig } from 'payload'

import { hasRole } from '../domain/roles'

const apiKeyHeader = /^(\S+) API-Key (.*)$/
const apiKeyFormat = /^[A-Za-z0-9_-]{16,256}$/

function unauthorized(message: string): Response {
  return Response.json({ errors: [{ message }] }, { status: 401, headers: { 'WWW-Authenticate': 'API-Key' } })
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
      return unauthorized('Malformed API key header: expected "Authorization: users API-Key <key>".')
    }
    if (!apiKeyFormat.test(match[2])) {
      return unauthorized('Malformed API key: expected 16 to 256 letters, digits, "-" or "_".')
    }
    const payload = await getPayload({ config })
    const { user } = await payload.auth({ headers: request.headers })
    // A key found on any other account (one set before the role changed) is no key at all.
    if (!user || !hasRole(user, 'integration')) {
      return unauthorized('Invalid API key: no integration account has this key (it may have been revoked).')
    }
    return handler(request, context)
  }
}
