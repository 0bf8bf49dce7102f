import { getPayload } from 'payload'
import type { SanitizedConfig } from 'payload'

import { hasRole } from '../domain/roles'
import type { Localized } from '../i18n/catalogue'
import { languageOfRequest } from '../i18n/request-language'
import { errorResponse } from '../infra/endpoint'

const apiKeyHeader = /^(\S+) API-Key (.*)$/
const apiKeyFormat = /^[A-Za-z0-9_-]{16,256}$/

const refusals = {
  malformed_api_key_header: {
    fr: 'En-tête de clé API mal formé : attendu « Authorization: users API-Key <clé> ».',
    ar: 'ترويسة مفتاح API غير سليمة: المتوقع «Authorization: users API-Key <المفتاح>».',
    en: 'Malformed API key header: expected "Authorization: users API-Key <key>".',
  },
  malformed_api_key: {
    fr: 'Clé API mal formée : de 16 à 256 lettres, chiffres, « - » ou « _ ».',
    ar: 'مفتاح API غير سليم: من 16 إلى 256 حرفًا أو رقمًا أو «-» أو «_».',
    en: 'Malformed API key: expected 16 to 256 letters, digits, "-" or "_".',
  },
  invalid_api_key: {
    fr: 'Clé API invalide : aucun compte d’intégration n’a cette clé (elle a peut-être été révoquée).',
    ar: 'مفتاح API غير صالح: لا يملك أي حساب تكامل هذا المفتاح (ربما أُلغي).',
    en: 'Invalid API key: no integration account has this key (it may have been revoked).',
  },
} satisfies Record<string, Localized>

function unauthorized(request: Request, code: keyof typeof refusals): Response {
  return errorResponse(401, [{ message: refusals[code][languageOfRequest(request)], code }], { 'WWW-Authenticate': 'API-Key' })
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
