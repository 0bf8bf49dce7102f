import type { PayloadRequest } from 'payload'

export type AdminLanguageCode = 'fr' | 'ar' | 'en'

/** The admin language of the request (French unless Arabic or English was chosen). */
export function requestLanguage(req: Pick<PayloadRequest, 'i18n'>): AdminLanguageCode {
  const code = req.i18n?.language
  return code === 'ar' || code === 'en' ? code : 'fr'
}

/**
 * The admin language of a raw HTTP request, before Payload reads it: Payload's language cookie,
 * else the browser's first known language, else French.
 */
export function languageOfRequest(request: Request): AdminLanguageCode {
  const cookie = /(?:^|;\s*)payload-lng=([a-z]{2})/.exec(request.headers.get('cookie') ?? '')?.[1]
  const candidates = [cookie, ...(request.headers.get('accept-language') ?? '').split(',').map((part) => part.trim().slice(0, 2))]
  return (candidates.find((code) => code === 'fr' || code === 'ar' || code === 'en') as AdminLanguageCode | undefined) ?? 'fr'
}
