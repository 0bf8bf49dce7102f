import type { Language, Platform } from '../../../src/domain/platform-limits'
import { validateVariant } from '../../../src/domain/variant-validation'
import type { PublishRequest } from './types'
import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

export type RequestIssue = { code: string; field: string; message: Localized }

/**
 * The last check before a post leaves: the request as it will be sent (after the beforePublish
 * hooks, which may have added a link or a hashtag) against the network's documented limits. The
 * variant's own report checked the text as written; this one checks what is actually posted.
 * Consent and alt text were checked when the variant was scheduled and are not repeated here.
 */
export function validatePublishRequest(request: PublishRequest, extra: RequestIssue[] = []): RequestIssue[] {
  const language = (request.language ?? 'fr') as Language
  const report = validateVariant({
    platform: request.platform as Platform,
    language,
    // Already composed: hashtags and an in-text link are part of it.
    text: request.text,
    title: request.title ?? null,
    hashtags: [],
    link: request.link ?? null,
    firstComment: request.firstComment ?? null,
    media: request.media.map((item, index) => ({
      id: index,
      kind: item.kind,
      mimeType: item.mimeType,
      filesize: item.sizeBytes,
      width: item.width,
      height: item.height,
      durationSeconds: item.durationSeconds,
      altText: { [language]: item.altText ?? 'checked when scheduled' },
      consent: 'not_required' as const,
      filename: item.filename,
    })),
  })
  return [...report.errors.map((issue) => ({ code: issue.code, field: issue.field, message: issue.message })), ...extra]
}

/** Networks that fetch media from a URL need one the network can reach. */
export function publicUrlIssues(request: PublishRequest): RequestIssue[] {
  return request.media
    .map((item, index) =>
      item.publicUrl && !/^https?:\/\/(localhost|127\.|\[::1\])/.test(item.publicUrl)
        ? null
        : {
            code: 'media.no_public_url',
            field: `media.${index}`,
            message: pluginText('networkErrors:noPublicUrl'),
          },
    )
    .filter((issue): issue is RequestIssue => issue !== null)
}
