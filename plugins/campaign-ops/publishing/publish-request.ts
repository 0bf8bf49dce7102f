import path from 'node:path'

import type { Payload } from 'payload'

import type { PlatformVariant } from '../../../payload-types'
import { feedRendition } from '../../../src/domain/platform-renditions'
import { linkPlacementFor, platformLimits } from '../../../src/domain/platform-limits'
import type { Platform } from '../../../src/domain/platform-limits'
import { composePostText } from '../../../src/domain/variant-validation'
import { fileStoresOf } from '../../../src/infra/file-store'
import type { NetworkPlatform, PublishMedia, PublishRequest } from '../networks/types'
import { idempotencyKeyOf } from './attempts'
import { publicMediaLinkLifetimeMs, signPublicMediaLink } from './public-media-links'

/** A rendition as the media pipeline stores it in the `renditions` JSON field, which the generated types leave untyped. */
type StoredRendition = { filename: string; url: string; width: number; height: number; mimeType: string; filesize: number }

/** A media file of the variant is not in the media storage (removed by hand, or a storage move not finished). */
export class MissingMediaFileError extends Error {
  constructor(readonly mediaId: number | string) {
    super(`The file of media ${mediaId} is missing from the media storage`)
    this.name = 'MissingMediaFileError'
  }
}

/** What publishing reads of a variant: what goes out, and what the kit and the webhooks name. */
export type PublishableVariant = Pick<
  PlatformVariant,
  'id' | 'platform' | 'language' | 'title' | 'text' | 'hashtags' | 'link' | 'firstComment' | 'media' | 'contentItem' | 'scheduledAt'
>

/** Alt text in the variant's language: Darija variants use the Arabic alt text (same script). */
function altLocale(language: string): 'fr' | 'ar' {
  return language === 'fr' ? 'fr' : 'ar'
}

/**
 * The post as the network will receive it: the composed text (text, hashtags, link where the
 * surface carries it in the text), the link as a field where the surface has one, and each image
 * in the rendition the network's feed shows (the original for videos and PDFs).
 */
export async function buildPublishRequest(payload: Payload, variant: PublishableVariant, options: { publicMediaBaseUrl?: string }): Promise<PublishRequest> {
  const platform = variant.platform as Platform
  const mediaIds = (variant.media ?? []).map((entry) => (typeof entry === 'object' ? entry.id : entry))
  const store = fileStoresOf(payload).media
  const media: PublishMedia[] = []
  for (const id of mediaIds) {
    const doc = await payload.findByID({
      collection: 'media',
      id,
      depth: 0,
      locale: altLocale(variant.language),
      overrideAccess: true,
    })
    const kind = (doc.kind ?? 'image') as PublishMedia['kind']
    const renditions = doc.renditions as Partial<Record<string, StoredRendition>> | null | undefined
    const rendition = kind === 'image' ? renditions?.[feedRendition[platform].name] : undefined
    const filename = rendition?.filename ?? doc.filename ?? ''
    const storedName = path.basename(filename)
    const mimeType = rendition?.mimeType ?? doc.mimeType ?? 'application/octet-stream'
    media.push({
      kind,
      mimeType,
      filename,
      sizeBytes: rendition?.filesize ?? doc.filesize ?? 0,
      width: rendition?.width ?? doc.width ?? null,
      height: rendition?.height ?? doc.height ?? null,
      durationSeconds: doc.video?.durationSeconds ?? null,
      altText: doc.alt ?? null,
      read: async () => {
        const data = await store.read(storedName)
        if (!data) throw new MissingMediaFileError(id)
        return new Uint8Array(data)
      },
      // The media library is for staff: the network gets a short-lived link to this one file,
      // straight from the bucket where it has a public address, through Badil otherwise.
      publicUrl: filename
        ? ((await store.publicLink(storedName, { mimeType, expiresInSeconds: publicMediaLinkLifetimeMs / 1000 })) ??
          signPublicMediaLink({
            secret: payload.secret,
            publicBaseUrl: options.publicMediaBaseUrl ?? payload.config.serverURL ?? 'http://localhost:3000',
            apiRoute: payload.config.routes.api,
            filename: storedName,
            mimeType,
          }))
        : null,
    })
  }
  // A surface that needs a title (YouTube) takes the item's when the variant has none, as the
  // variant's limit report promises the CM.
  let title = variant.title?.trim() || null
  if (!title && platformLimits[platform].title && variant.contentItem) {
    const itemId = typeof variant.contentItem === 'object' ? variant.contentItem.id : variant.contentItem
    const item = await payload.findByID({ collection: 'content-items', id: itemId, depth: 0, locale: altLocale(variant.language), overrideAccess: true })
    title = item.title?.trim() || null
  }
  const link = (variant.link ?? '').trim()
  const linkAsField = link !== '' && linkPlacementFor(platformLimits[platform].link, media.length > 0) === 'link_field'
  return {
    variantId: String(variant.id),
    platform: platform as NetworkPlatform,
    text: composePostText({ platform, text: variant.text, hashtags: variant.hashtags ?? [], link: variant.link, mediaCount: media.length }),
    title,
    link: linkAsField ? link : null,
    firstComment: variant.firstComment?.trim() || null,
    media,
    idempotencyKey: idempotencyKeyOf(variant.id),
    language: variant.language,
  }
}

/** What an attempt records of the request: enough to understand it, never file bytes or tokens. */
export function summarizeRequest(request: PublishRequest): Record<string, unknown> {
  return {
    platform: request.platform,
    text: request.text,
    title: request.title ?? undefined,
    link: request.link ?? undefined,
    firstComment: request.firstComment ?? undefined,
    media: request.media.map((item) => ({ kind: item.kind, filename: item.filename, mimeType: item.mimeType, sizeBytes: item.sizeBytes })),
    idempotencyKey: request.idempotencyKey,
  }
}
