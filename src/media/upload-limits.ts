import type { Config } from 'payload'

import type { SizeLimits } from './media-types'
import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024))

export const uploadTooLargeWords = (limit: number): Localized => appText('mediaUpload:streamTooLarge', { megabytes: megabytes(limit) })

/** The largest file Badil takes: the largest of MEDIA_MAX_*_MB (each kind's own limit is checked from the file's bytes). */
export function largestUpload(limits: SizeLimits): number {
  return Math.max(limits.image, limits.video, limits.pdf)
}

/**
 * Payload's multipart limits: an upload past the largest limit is cut off while it streams (413).
 * Uploads that declare their size are refused before that, in the request's language, by the
 * route guard (body-limit.ts); this message, in the default admin language, is for those that do
 * not (the admin's config reaches the browser, so it holds no function to localize it).
 */
export function uploadLimits(limits: SizeLimits): NonNullable<Config['upload']> {
  const largest = largestUpload(limits)
  return {
    abortOnLimit: true,
    limits: { fileSize: largest },
    // Form fields and the multipart framing get one more megabyte.
    requestSizeLimit: largest + 1024 * 1024,
    responseOnLimit: uploadTooLargeWords(largest).fr,
  }
}
