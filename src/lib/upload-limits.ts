import { APIError, parseCookies } from 'payload'
import type { Config } from 'payload'

import type { AdminLanguageCode } from './request-language'
import type { SizeLimits } from './media-types'

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024))

const words = (limit: number) => ({
  fr: `Ce fichier dépasse la taille maximale de ${megabytes(limit)} Mo : l’envoi a été arrêté.`,
  ar: `يتجاوز هذا الملف الحجم الأقصى ${megabytes(limit)} ميغابايت: أُوقف الإرسال.`,
  en: `This file is larger than the ${megabytes(limit)} MB limit: the upload was stopped.`,
})

/** The language of a raw request: Payload's language cookie, else the browser's, else French. */
function languageOf(request: Request): AdminLanguageCode {
  const fromCookie = parseCookies(request.headers).get('payload-lng')
  const candidates = [fromCookie, ...(request.headers.get('accept-language') ?? '').split(',').map((part) => part.trim().slice(0, 2))]
  return (candidates.find((code) => code === 'fr' || code === 'ar' || code === 'en') as AdminLanguageCode | undefined) ?? 'fr'
}

/**
 * Payload's multipart limits from MEDIA_MAX_*_MB: an upload larger than the largest kind's limit is
 * refused with 413 while it streams, before it is held in memory (the per-kind limit is checked
 * once the file's bytes say what it is). Form fields and framing get one more megabyte.
 */
export function uploadLimits(limits: SizeLimits): NonNullable<Config['upload']> {
  const largest = Math.max(limits.image, limits.video, limits.pdf)
  return {
    abortOnLimit: true,
    limits: { fileSize: largest },
    requestSizeLimit: largest + 1024 * 1024,
    limitHandler: ({ request }) => {
      throw new APIError(words(largest)[languageOf(request)], 413, { field: 'file', limit: largest }, true)
    },
  }
}
