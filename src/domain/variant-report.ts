import type { Payload, PayloadRequest } from 'payload'

import type { Media, PlatformVariant } from '../../payload-types'
import { consentStatus } from './consent'
import type { Language } from './platform-limits'
import { validateVariant } from './variant-validation'
import type { MediaFacts, ValidationReport } from './variant-validation'

type Id = number | string
/** A media document read with `locale: 'all'`: its localized alt text comes as one value per locale. */
type MediaInAllLocales = Omit<Media, 'alt'> & { alt?: Partial<Record<Language, string | null>> | string | null }

/** A variant as it would be saved: what its network's limits check. */
export type VariantDraft = Pick<PlatformVariant, 'platform' | 'language' | 'text' | 'title' | 'hashtags' | 'link' | 'firstComment' | 'media'>

const idOf = (value: Id | { id: Id }) => (typeof value === 'object' ? value.id : value)

function kindOf(doc: MediaInAllLocales): MediaFacts['kind'] {
  if (doc.kind) return doc.kind
  if (doc.mimeType?.startsWith('video/')) return 'video'
  if (doc.mimeType === 'application/pdf') return 'pdf'
  return 'image'
}

/** What the limits care about in a media document: type, size, shape, alt text per language, consent. */
export async function mediaFacts(payload: Payload, ids: Id[], req?: Partial<PayloadRequest>): Promise<MediaFacts[]> {
  if (ids.length === 0) return []
  const { docs } = await payload.find({
    collection: 'media',
    where: { id: { in: ids } },
    locale: 'all',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map<string, MediaInAllLocales>(docs.map((doc) => [String(doc.id), doc]))
  return ids.flatMap((id) => {
    const doc = byId.get(String(id))
    if (!doc) return []
    const alt = typeof doc.alt === 'string' ? { fr: doc.alt } : (doc.alt ?? {})
    const consent = consentStatus({ peopleShown: doc.peopleShown, consents: doc.consents }, new Date()).status
    return [
      {
        id: doc.id,
        kind: kindOf(doc),
        mimeType: doc.mimeType ?? 'application/octet-stream',
        filesize: doc.filesize ?? 0,
        width: doc.width ?? null,
        height: doc.height ?? null,
        durationSeconds: doc.video?.durationSeconds ?? null,
        altText: alt,
        consent: consent === 'expiring_soon' ? 'ok' : consent,
        filename: doc.filename ?? undefined,
      },
    ]
  })
}

/** The validation report of a variant as it would be saved, against its network's limits. */
export async function variantReport(payload: Payload, draft: VariantDraft, req?: Partial<PayloadRequest>): Promise<ValidationReport> {
  const media = await mediaFacts(payload, (draft.media ?? []).map(idOf), req)
  return validateVariant({
    platform: draft.platform,
    language: draft.language,
    text: draft.text,
    title: draft.title,
    hashtags: draft.hashtags ?? [],
    link: draft.link,
    firstComment: draft.firstComment,
    media,
  })
}

/** Issues that only block publication (the asset's paperwork), not saving the variant. */
export const readinessOnlyCodes = new Set(['alt.missing', 'consent.missing', 'consent.expired'])
