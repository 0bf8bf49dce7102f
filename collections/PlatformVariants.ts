import { APIError, ValidationError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionConfig, Endpoint } from 'payload'

import { staffOnly } from '../src/lib/access'
import { networkOfPlatform } from '../src/lib/networks'
import { platformLimits, platforms } from '../src/lib/platform-limits'
import type { Language, Platform } from '../src/lib/platform-limits'
import { requestLanguage } from '../src/lib/request-language'
import { hasRole } from '../src/lib/roles'
import { feedRendition } from '../src/lib/platform-renditions'
import { composePostText } from '../src/lib/variant-validation'
import { readinessOnlyCodes, variantReport } from '../src/lib/variant-report'
import { approveVariantEndpoint, revokeVariantApprovalOnEdit } from '../src/workflow/variant-approval'
import { manualKitEndpoint, markPostedEndpoint } from '../plugins/campaign-ops/publishing/manual-endpoints'
import type { VariantDraft } from '../src/lib/variant-report'

type Id = number | string
const idOf = (value: Id | { id: Id }) => (typeof value === 'object' ? value.id : value)

const variantEditors = ['admin', 'ncsc', 'cm'] as const

/** States a person sets; the others belong to the publishing engine. */
const editorialStates = ['draft', 'ready', 'scheduled', 'cancelled']

export const publicationStates = [
  { value: 'draft', label: { fr: 'Brouillon', ar: 'مسودة', en: 'Draft' } },
  { value: 'ready', label: { fr: 'Prête', ar: 'جاهزة', en: 'Ready' } },
  { value: 'scheduled', label: { fr: 'Programmée', ar: 'مبرمجة', en: 'Scheduled' } },
  { value: 'publishing', label: { fr: 'En cours de publication', ar: 'قيد النشر', en: 'Publishing' } },
  { value: 'published', label: { fr: 'Publiée', ar: 'منشورة', en: 'Published' } },
  { value: 'failed', label: { fr: 'Échec', ar: 'فشل', en: 'Failed' } },
  { value: 'outcome_unknown', label: { fr: 'Résultat inconnu', ar: 'نتيجة غير معروفة', en: 'Outcome unknown' } },
  { value: 'cancelled', label: { fr: 'Annulée', ar: 'ملغاة', en: 'Cancelled' } },
  { value: 'held', label: { fr: 'Retenue (mode crise)', ar: 'محتجزة (وضع الأزمة)', en: 'Held (crisis mode)' } },
]

/** States in which the post is, or may be, on the network: its content is frozen. */
const frozenStates = ['publishing', 'published', 'outcome_unknown']

/**
 * Recomputes the validation report on every save. Hard network limits refuse the save (400 naming
 * the field and the rule); missing alt text or consent only block "ready" and "scheduled".
 * Media must come from the content item's own assets.
 */
const validateAndReport: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const lang = requestLanguage(req)
  const itemId = merged.contentItem ? idOf(merged.contentItem) : undefined
  const item = itemId
    ? await req.payload.findByID({ collection: 'content-items', id: itemId, depth: 0, overrideAccess: true, req })
    : undefined
  const mediaIds = ((merged.media ?? []) as (Id | { id: Id })[]).map(idOf)
  const assetIds = new Set(((item?.assets ?? []) as (Id | { id: Id })[]).map((asset) => String(idOf(asset))))
  const foreign = mediaIds.findIndex((id) => !assetIds.has(String(id)))
  if (foreign >= 0) {
    throw new ValidationError(
      {
        collection: 'platform-variants',
        errors: [
          {
            path: `media.${foreign}`,
            message: {
              fr: 'Ce média ne fait pas partie des médias du contenu.',
              ar: 'هذا الوسيط ليس من وسائط المحتوى.',
              en: 'This media is not one of the content item’s assets.',
            }[lang],
          },
        ],
      },
      req.t,
    )
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

  if (state === 'scheduled' && originalDoc?.publicationState !== 'scheduled') {
    if (!merged.scheduledAt) {
      throw new ValidationError({ collection: 'platform-variants', errors: [{ path: 'scheduledAt', message: 'Required to schedule' }] }, req.t)
    }
    if (!merged.networkAccount) {
      // The network's only account is the obvious choice; with several, the CM picks one.
      const network = networkOfPlatform[merged.platform as Platform]
      const { docs } = await req.payload.find({
        collection: 'network-accounts',
        where: { network: { equals: network } },
        limit: 2,
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (docs.length === 1) data.networkAccount = docs[0]!.id
    }
    const variantApproved = (merged.approval as { state?: string } | undefined)?.state === 'approved'
    // Once an item's first variant is out, the item is "published" and its siblings still go out.
    const itemCleared = item?.workflowState === 'approved' || item?.workflowState === 'published'
    if (itemCleared && item.sensitivity === 'sensitive' && !variantApproved) {
      throw new APIError(
        {
          fr: 'Le contenu est sensible : le texte de cette variante doit d’abord être approuvé par le NCSC.',
          ar: 'المحتوى حساس: يجب أن يعتمد الفريق نص هذه الصيغة أولا.',
          en: 'The item is sensitive: NCSC must approve this variant’s text first.',
        }[lang],
        409,
        null,
        true,
      )
    }
    if (!itemCleared) {
      throw new APIError(
        {
          fr: 'Seule une variante d’un contenu approuvé peut être programmée.',
          ar: 'لا يمكن برمجة إلا صيغة لمحتوى مُعتمد.',
          en: 'Only a variant of an approved content item can be scheduled.',
        }[lang],
        409,
        null,
        true,
      )
    }
  }
  return data
}

const guardSystemStates: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (data.approval !== undefined && !req.context.variantApproval) {
    const before = (originalDoc?.approval ?? {}) as { state?: string }
    const after = data.approval as { state?: string }
    if ((after?.state ?? 'pending') !== (before.state ?? 'pending')) {
      throw new APIError('A variant is approved through POST /api/platform-variants/:id/approve (NCSC), not by writing the field.', 403, null, true)
    }
    data.approval = originalDoc?.approval
  }
  const next = data.publicationState
  if (req.user && next !== undefined && next !== originalDoc?.publicationState && !editorialStates.includes(next)) {
    throw new APIError(`The publication state "${next}" is set by the publishing engine, not by hand.`, 403, null, true)
  }
  if (req.user && frozenStates.includes(originalDoc?.publicationState)) {
    throw new APIError(
      `This variant is ${originalDoc?.publicationState}: it is on the network, or may be, and can no longer be edited.`,
      409,
      null,
      true,
    )
  }
  if (next === 'scheduled' && originalDoc?.publicationState !== 'scheduled') {
    // A fresh schedule starts a fresh retry budget.
    data.nextAttemptAt = null
  }
  return data
}

/** `POST /api/platform-variants/validate`: the report of unsaved edits, for the live view in the admin. */
const validateEndpoint: Endpoint = {
  path: '/validate',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, ...variantEditors, 'consultant', 'legal', 'analyst')) {
      return Response.json({ errors: [{ message: 'Sign in to validate variants.' }] }, { status: req.user ? 403 : 401 })
    }
    const body = (await req.json?.().catch(() => undefined)) as Partial<VariantDraft> | undefined
    if (!body || !platforms.includes(body.platform as Platform)) {
      return Response.json({ errors: [{ message: 'platform is required', field: 'platform' }] }, { status: 400 })
    }
    if (!['fr', 'ar', 'ary'].includes(body.language as string)) {
      return Response.json({ errors: [{ message: 'language must be fr, ar or ary', field: 'language' }] }, { status: 400 })
    }
    const draft = body as VariantDraft
    const report = await variantReport(req.payload, draft, req)
    const firstMediaId = draft.media?.length ? idOf(draft.media[0]!) : undefined
    const firstMedia = firstMediaId
      ? await req.payload.findByID({ collection: 'media', id: firstMediaId, depth: 0, req }).catch(() => null)
      : null
    const rendition = feedRendition[draft.platform]
    const renditions = (firstMedia?.renditions ?? {}) as Record<string, { url?: string | null } | undefined>
    return Response.json({
      report,
      composedText: composePostText({ ...draft, hashtags: draft.hashtags ?? [], mediaCount: draft.media?.length ?? 0 }),
      preview: {
        rtl: draft.language !== 'fr',
        rendition: rendition.name,
        aspectRatio: rendition.width / rendition.height,
        mediaUrl: renditions[rendition.name]?.url ?? firstMedia?.url ?? null,
        mediaKind: firstMedia?.kind ?? null,
      },
    })
  },
}

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
  endpoints: [validateEndpoint, approveVariantEndpoint, manualKitEndpoint, markPostedEndpoint],
  hooks: {
    beforeChange: [guardSystemStates, revokeVariantApprovalOnEdit, validateAndReport],
    afterChange: [
      async ({ doc, req }) => {
        if (!req.context.variantApprovalRevoked) return doc
        delete req.context.variantApprovalRevoked
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
            actor: req.user ? (req.user.id as number) : null,
            role: req.user?.role ?? 'system',
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
    { name: 'label', type: 'text', admin: { hidden: true } },
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
      label: { fr: 'Contrôle des limites', ar: 'فحص الحدود', en: 'Limit checks' },
      // Live limit checks and a preview of the post, recomputed as the CM types.
      admin: {
        readOnly: true,
        components: { Field: '/src/admin/VariantReportField#VariantReportField' },
      },
    },
    {
      name: 'publishingPanel',
      type: 'ui',
      label: { fr: 'Publication', ar: 'النشر', en: 'Publishing' },
      admin: {
        position: 'sidebar',
        components: { Field: '/src/admin/publishing/VariantPublishingPanel#VariantPublishingPanel' },
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
        { name: 'approvedBy', type: 'relationship', relationTo: 'users', label: { fr: 'Approuvée par', ar: 'اعتمدها', en: 'Approved by' }, admin: { readOnly: true } },
        { name: 'approvedAt', type: 'date', label: { fr: 'Approuvée le', ar: 'تاريخ الاعتماد', en: 'Approved at' }, admin: { readOnly: true } },
        { name: 'approvedHash', type: 'text', admin: { hidden: true } },
      ],
    },
    {
      name: 'networkAccount',
      type: 'relationship',
      relationTo: 'network-accounts',
      label: { fr: 'Compte', ar: 'الحساب', en: 'Account' },
      admin: {
        position: 'sidebar',
        description: {
          fr: 'Vide : le seul compte connecté de ce réseau.',
          ar: 'فارغ: الحساب الوحيد المربوط بهذه المنصة.',
          en: 'Empty: the one connected account of this network.',
        },
      },
    },
    { name: 'remoteId', type: 'text', label: { fr: 'Identifiant distant', ar: 'المعرّف على المنصة', en: 'Remote id' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'permalink', type: 'text', label: { fr: 'Lien publié', ar: 'رابط المنشور', en: 'Permalink' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'attempts', type: 'number', defaultValue: 0, label: { fr: 'Tentatives', ar: 'المحاولات', en: 'Attempts' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'lastError', type: 'textarea', label: { fr: 'Dernière erreur', ar: 'آخر خطأ', en: 'Last error' }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'publishedAt', type: 'date', label: { fr: 'Publiée le', ar: 'نُشرت في', en: 'Published at' }, admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'nextAttemptAt',
      type: 'date',
      index: true,
      label: { fr: 'Prochain essai', ar: 'المحاولة التالية', en: 'Next attempt' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    // The scheduler's claim: who holds the variant and until when (see publishing/claim.ts).
    { name: 'leaseUntil', type: 'date', index: true, admin: { hidden: true } },
    { name: 'claimToken', type: 'text', admin: { hidden: true } },
    {
      name: 'attemptHistory',
      type: 'join',
      collection: 'publication-attempts',
      on: 'variant',
      defaultSort: '-startedAt',
      defaultLimit: 20,
      label: { fr: 'Historique des tentatives', ar: 'سجل المحاولات', en: 'Attempt history' },
      // Written by the publishing engine only: no "add new" in the list.
      admin: { allowCreate: false, defaultColumns: ['attemptNumber', 'kind', 'outcome', 'reason', 'permalink', 'startedAt', 'durationMs'] },
    },
  ],
}
