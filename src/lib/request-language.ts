import type { PayloadRequest } from 'payload'

export type AdminLanguageCode = 'fr' | 'ar' | 'en'

/** The admin language of the request (French unless Arabic or English was chosen). */
export function requestLanguage(req: Pick<PayloadRequest, 'i18n'>): AdminLanguageCode {
  const code = req.i18n?.language
  return code === 'ar' || code === 'en' ? code : 'fr'
}
