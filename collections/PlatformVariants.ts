import { APIError, ValidationError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { z } from 'zod'

import { computedByServer, staffOnly } from '../src/domain/access'
import { platformLimits, platforms } from '../src/domain/platform-limits'
import type { Language, Platform } from '../src/domain/platform-limits'
import { requestLanguage } from '../src/i18n/request-language'
import { appText } from '../src/i18n/translations'
import { hasRole, roleOf } from '../src/domain/roles'
import { editorialStates, frozenStates, publicationStates } from '../src/domain/publication-states'
import { defineEndpoint } from '../src/infra/endpoint'
import type { Localized } from '../src/i18n/catalogue'
import { feedRendition } from '../src/domain/platform-renditions'
import { composePostText } from '../src/domain/variant-validation'
import { readinessOnlyCodes, variantReport } from '../src/domain/variant-report'
import { actingSystem } from '../src/domain/actor'
import { heldReason, publicationClearance } from '../src/workflow/publication-clearance'
import { approveVariantEndpoint, isApprovalWrite, revokedApprovalOf, revokeVariantApprovalOnEdit } from '../src/workflow/variant-approval'
import type { VariantDraft } from '../src/domain/variant-report'

type Id = number | string
const idOf = (value: Id | { id: Id }) => (typeof value === 'object' ? value.id : value)

const variantEditors = ['admin', 'ncsc', 'cm'] as const

const wordsOf = {
  foreignMedia: appText('variants:foreignMedia'),
  scheduledAtRequired: appText('variants:scheduledAtRequired'),
}

/**
 * Recomputes the validation report on every save. Hard network limits refuse the save (400 naming
 * the field and the rule); missing alt text or consent only block "ready" and "scheduled".
 * Media must come from the content item's own assets, and the account from the variant's network.
 * A variant is scheduled only while it is cleared to go out (see publication-clearance): being
 * scheduled without clearance is refused (409); a scheduled variant that loses it (its approved
 * text edited) is held with the reason, and the edit is kept.
 */
const validateAndReport: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const lang = requestLanguage(req)
  const itemId = merged.contentItem ? idOf(merged.contentItem) : undefined
  const item = itemId
    ? await req.payload.findByID({ collection: 'content-items', id: itemId, depth: 0, overrideAccess: true, req }).catch(() => null)
    : undefined
  const mediaIds = ((merged.media ?? []) as (Id | { id: Id })[]).map(idOf)
  const assetIds = new Set(((item?.assets ?? []) as (Id | { id: Id })[]).map((asset) => String(idOf(asset))))
  const foreign = mediaIds.findIndex((id) => !assetIds.has(String(id)))
  if (foreign >= 0) {
    throw new ValidationError({ collection: 'platform-variants', errors: [{ path: `media.${foreign}`, message: wordsOf.foreignMedia[lang] }] }, req.t)
  }

  const report = await variantReport(req.payload, merged as VariantDraft, req)
  data.validationReport = report
  const state = merged.publicationState ?? 'draft'
  const blocking = report.errors.filter((issue) => !readinessOnlyCodes.has(issue.code) || state === 'ready' || state === 'scheduled')
  if (blocking.length > 0) {
    throw new ValidationError(
      {
        collection: 'platform-variants',
        errors: blocking.map((issue) => ({ path: issue.field, message: `${issue.message[lang]} [${issue.code}]` })),
      },
      req.t,
    )
  }

  if (state !== 'scheduled') return data
  const enteringSchedule = originalDoc?.publicationState !== 'scheduled'
  if (enteringSchedule && !merged.scheduledAt) {
    throw new ValidationError({ collection: 'platform-variants', errors: [{ path: 'scheduledAt', message: wordsOf.scheduledAtRequired[lang] }] }, req.t)
  }
  const refusal = publicationClearance({ item, variant: merged })
  if (refusal && !enteringSchedule) {
    data.publicationState = 'held'
    data.nextAttemptAt = null
    data.lastError = heldReason(refusal)
    return data
  }
  if (refusal) throw new APIError(refusal.message[lang], 409, { code: refusal.code }, true)
  return data
}

/** A publication state's label in each language (the raw value when unknown). */
const stateLabel = (state: unknown): Localized => {
  const label = publicationStates.find((option) => option.value === state)?.label
  return label ?? { fr: String(state), ar: String(state), en: String(state) }
}

/**
 * States and approvals belong to their operations: the approval to its endpoint, the engine's
 * states to the engine (which writes them in SQL or as the named system). A person sets only
 * the editorial states, and cannot edit a variant that is, or may be, on the network.
 */
const guardSystemStates: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (data.approval !== undefined && !isApprovalWrite(req)) {
    const before = (originalDoc?.approval ?? {}) as { state?: string }
    const after = data.approval as { state?: string }
    if ((after?.state ?? 'pending') !== (before.state ?? 'pending')) {
      throw new APIError(appText('variants:approvalByEndpoint')[requestLanguage(req)], 403, null, true)
    }
    data.approval = originalDoc?.approval
  }
  const engine = actingSystem(req) === 'publishing-engine'
  const next = data.publicationState
  if (!engine && next !== undefined && next !== originalDoc?.publicationState && !editorialStates.includes(next)) {
    throw new APIError(appText('variants:engineState', { state: stateLabel(next) })[requestLanguage(req)], 403, null, true)
  }
  if (!engine && frozenStates.includes(originalDoc?.publicationState)) {
    throw new APIError(appText('variants:frozen', { state: stateLabel(originalDoc?.publicationState) })[requestLanguage(req)], 409, null, true)
  }
  return data
}

/** `POST /api/platform-variants/validate`: the report of unsaved edits, for the live view in the admin. */
const validateEndpoint = defineEndpoint({
  path: '/validate',
  method: 'post',
  access: { roles: [...variantEditors, 'consultant', 'legal', 'analyst'] },
  // The rest of the draft (text, hashtags, media…) is read by the report, which checks it field by field.
  body: z.looseObject({ platform: z.enum(platforms), language: z.enum(['fr', 'ar', 'ary']) }),
  fieldMessages: { platform: appText('variants:platformRequired'), language: appText('variants:languageInvalid') },
  handler: async ({ req, body }) => {
    const draft = body as VariantDraft
    const report = await variantReport(req.payload, draft, req)
    const firstMediaId = draft.media?.length ? idOf(draft.media[0]!) : undefined
    const firstMedia = firstMediaId ? await req.payload.findByID({ collection: 'media', id: firstMediaId, depth: 0, req }).catch(() => null) : null
    const rendition = feedRendition[draft.platform]
    const renditions = (firstMedia?.renditions ?? {}) as Record<string, { url?: string | null } | undefined>
    return {
      report,
      composedText: composePostText({ ...draft, hashtags: draft.hashtags ?? [], mediaCount: draft.media?.length ?? 0 }),
      preview: {
        rtl: draft.language !== 'fr',
        rendition: rendition.name,
        aspectRatio: rendition.width / rendition.height,
        mediaUrl: renditions[rendition.name]?.url ?? firstMedia?.url ?? null,
        mediaKind: firstMedia?.kind ?? null,
      },
    }
  },
})

export const PlatformVariants: CollectionConfig = {
  slug: 'platform-variants',
  labels: {
    singular: { fr: 'Variante', ar: 'صيغة منصة', en: 'Platform variant' },
    plural: { fr: 'Variantes par réseau', ar: 'صيغ المنصات', en: 'Platform variants' },
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'platform', 'language', 'publicationState', 'scheduledAt'],
    group: { fr: 'Contenus', ar: 'المحتوى', en: 'Content' },
  },
  access: {
    read: staffOnly,
    create: ({ req }) => hasRole(req.user, ...variantEditors),
    update: ({ req }) => hasRole(req.user, ...variantEditors),
    delete: ({ req }) => hasRole(req.user, ...variantEditors),
  },
  indexes: [{ fields: ['contentItem', 'platform', 'language'], unique: true }],
  // One variant per item, network and language: a copy could only collide with its original.
  disableDuplicate: true,
  endpoints: [validateEndpoint, approveVariantEndpoint],
  hooks: {
    beforeChange: [guardSystemStates, revokeVariantApprovalOnEdit, validateAndReport],
    afterChange: [
      async ({ doc, req }) => {
        const revoked = revokedApprovalOf(req)
        delete req.context.variantApprovalRevoked
        if (revoked === undefined || String(revoked) !== String(doc.id)) return doc
        await req.payload.create({
          collection: 'workflow-events',
          overrideAccess: true,
          req,
          data: {
            kind: 'variant_revocation',
            transition: 'revoke_variant_approval',
            variant: doc.id,
            contentItem: idOf(doc.contentItem) as number,
            from: 'approved',
            to: 'pending',
            actor: (req.user?.id as number | undefined) ?? null,
            role: roleOf(req.user) ?? 'system',
            reason: 'Approval withdrawn: the approved text or media changed.',
            at: new Date().toISOString(),
          },
        })
        return doc
      },
    ],
    beforeValidate: [
      ({ data, originalDoc }) => {
        const merged = { ...(originalDoc ?? {}), ...(data ?? {}) }
        if (data && merged.platform && merged.language) {
          data.label = `${platformLimits[merged.platform as Platform]?.label ?? merged.platform} · ${String(merged.language).toUpperCase()} · #${
            merged.contentItem ? idOf(merged.contentItem) : '?'
          }`
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'label', type: 'text', access: computedByServer, admin: { hidden: true } },
    {
      name: 'contentItem',
      type: 'relationship',
      relationTo: 'content-items',
      required: true,
      index: true,
      label: { fr: 'Contenu', ar: 'المحتوى', en: 'Content item' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'platform',
          type: 'select',
          required: true,
          options: platforms.map((platform) => ({ value: platform, label: platformLimits[platform].label })),
          label: { fr: 'Réseau', ar: 'المنصة', en: 'Platform' },
        },
        {
          name: 'language',
          type: 'select',
          required: true,
          defaultValue: 'fr',
          options: [
            { value: 'fr', label: { fr: 'Français', ar: 'الفرنسية', en: 'French' } },
            { value: 'ar', label: { fr: 'Arabe', ar: 'العربية', en: 'Arabic' } },
            { value: 'ary', label: { fr: 'Darija', ar: 'الدارجة', en: 'Darija' } },
          ] satisfies { value: Language; label: unknown }[],
          label: { fr: 'Langue', ar: 'اللغة', en: 'Language' },
        },
      ],
    },
    {
      name: 'title',
      type: 'text',
      label: { fr: 'Titre (YouTube)', ar: 'العنوان (يوتيوب)', en: 'Title (YouTube)' },
      admin: { condition: (data) => data?.platform === 'youtube' || data?.platform === 'youtube_short' },
    },
    { name: 'text', type: 'textarea', label: { fr: 'Texte', ar: 'النص', en: 'Text' } },
    { name: 'hashtags', type: 'text', hasMany: true, label: { fr: 'Hashtags', ar: 'وسوم', en: 'Hashtags' } },
    { name: 'link', type: 'text', label: { fr: 'Lien', ar: 'الرابط', en: 'Link' } },
    {
      name: 'media',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: { fr: 'Médias', ar: 'الوسائط', en: 'Media' },
      // Only the content item's own assets are offered.
      filterOptions: async ({ data, req }) => {
        const itemId = data?.contentItem ? idOf(data.contentItem) : undefined
        if (!itemId) return false
        const item = await req.payload.findByID({ collection: 'content-items', id: itemId, depth: 0, overrideAccess: true })
        const ids = ((item?.assets ?? []) as (Id | { id: Id })[]).map(idOf)
        return ids.length ? { id: { in: ids } } : false
      },
    },
    { name: 'firstComment', type: 'textarea', label: { fr: 'Premier commentaire', ar: 'التعليق الأول', en: 'First comment' } },
    {
      name: 'validationReport',
      type: 'json',
      access: computedByServer,
      label: { fr: 'Contrôle des limites', ar: 'فحص الحدود', en: 'Limit checks' },
      // Live limit checks and a preview of the post, recomputed as the CM types.
      admin: {
        readOnly: true,
        components: { Field: '/src/admin/VariantReportField#VariantReportField' },
      },
    },
    {
      name: 'scheduledAt',
      type: 'date',
      index: true,
      label: { fr: 'Date de publication', ar: 'موعد النشر', en: 'Scheduled at' },
      timezone: {
        defaultTimezone: 'Africa/Casablanca',
        supportedTimezones: [{ label: 'Casablanca', value: 'Africa/Casablanca' }],
      },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', timeFormat: 'HH:mm', displayFormat: 'dd/MM/yyyy HH:mm' },
        description: {
          fr: 'Heure de Casablanca (le Maroc change d’heure pendant le Ramadan).',
          ar: 'بتوقيت الدار البيضاء (يتغير توقيت المغرب خلال رمضان).',
          en: 'Casablanca time (Morocco changes its clocks around Ramadan).',
        },
      },
    },
    {
      name: 'publicationState',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      options: publicationStates,
      label: { fr: 'Publication', ar: 'النشر', en: 'Publication' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'approval',
      type: 'group',
      label: { fr: 'Approbation du texte', ar: 'اعتماد النص', en: 'Text approval' },
      admin: {
        position: 'sidebar',
        description: {
          fr: 'Requise pour programmer une variante d’un contenu sensible ; retirée si le texte ou les médias changent.',
          ar: 'مطلوبة لبرمجة صيغة لمحتوى حساس؛ تُسحب إذا تغير النص أو الوسائط.',
          en: 'Required to schedule a variant of a sensitive item; withdrawn when its text or media change.',
        },
      },
      fields: [
        {
          name: 'state',
          type: 'select',
          defaultValue: 'pending',
          label: { fr: 'État', ar: 'الحالة', en: 'State' },
          options: [
            { value: 'pending', label: { fr: 'En attente', ar: 'في الانتظار', en: 'Pending' } },
            { value: 'approved', label: { fr: 'Approuvée', ar: 'معتمدة', en: 'Approved' } },
          ],
          admin: { readOnly: true },
        },
        {
          name: 'approvedBy',
          type: 'relationship',
          relationTo: 'users',
          access: computedByServer,
          label: { fr: 'Approuvée par', ar: 'اعتمدها', en: 'Approved by' },
          admin: { readOnly: true },
        },
        {
          name: 'approvedAt',
          type: 'date',
          access: computedByServer,
          label: { fr: 'Approuvée le', ar: 'تاريخ الاعتماد', en: 'Approved at' },
          admin: { readOnly: true },
        },
        { name: 'approvedHash', type: 'text', access: computedByServer, admin: { hidden: true } },
      ],
    },
  ],
}
