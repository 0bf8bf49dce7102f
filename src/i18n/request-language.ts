import type { PayloadRequest } from 'payload'
import { adminLanguageOf, isAdminLanguage } from './catalogue'
import type { AdminLanguage } from './catalogue'

/** The admin language of the request (French unless Arabic or English was chosen). */
export function requestLanguage(req: Pick<PayloadRequest, 'i18n'>): AdminLanguage {
  return adminLanguageOf(req.i18n?.language)
}

/**
 * The admin language of a raw HTTP request, before Payload reads it: Payload's language cookie,
 * else the browser's first known language, else French.
 */
export function languageOfRequest(request: Request): AdminLanguage {
  const cookie = /(?:^|;\s*)payload-lng=([a-z]{2})/.exec(request.headers.get('cookie') ?? '')?.[1]
  const candidates = [cookie, ...(request.headers.get('accept-language') ?? '').split(',').map((part) => part.trim().slice(0, 2))]
  return adminLanguageOf(candidates.find(isAdminLanguage))
}
