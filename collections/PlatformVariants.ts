import { APIError, ValidationError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionConfig, Endpoint, PayloadRequest } from 'payload'

import { computedByServer, staffOnly } from '../src/lib/access'
import { networkLabels, networkOfPlatform } from '../src/lib/networks'
import type { Network } from '../src/lib/networks'
import { platformLimits, platforms } from '../src/lib/platform-limits'
import type { Language, Platform } from '../src/lib/platform-limits'
import { requestLanguage } from '../src/lib/request-language'
import type { AdminLanguageCode } from '../src/lib/request-language'
import { hasRole, roleOf } from '../src/lib/roles'
import { feedRendition } from '../src/lib/platform-renditions'
import { composePostText } from '../src/lib/variant-validation'
import { readinessOnlyCodes, variantReport } from '../src/lib/variant-report'
import { actingSystem } from '../src/lib/actor'
import { heldReason, publicationClearance } from '../src/workflow/publication-clearance'
import { approveVariantEndpoint, isApprovalWrite, revokedApprovalOf, revokeVariantApprovalOnEdit } from '../src/workflow/variant-approval'
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
  // Held by a crisis pause, or because the item left approval or the variant's approval was withdrawn (the reason says which).
  { value: 'held', label: { fr: 'Retenue', ar: 'محتجزة', en: 'Held' } },
]

/** States in which the post is, or may be, on the network: its content is frozen. */
const frozenStates = ['publishing', 'published', 'outcome_unknown']

const wordsOf = {
  foreignMedia: {
    fr: 'Ce média ne fait pas partie des médias du contenu.',
    ar: 'هذا الوسيط ليس من وسائط المحتوى.',
    en: 'This media is not one of the content item’s assets.',
  },
  scheduledAtRequired: { fr: 'Requise pour programmer', ar: 'مطلوب للبرمجة', en: 'Required to schedule' },
  accountNotFound: { fr: 'Ce compte n’existe pas.', ar: 'هذا الحساب غير موجود.', en: 'This account does not exist.' },
  accountOfOtherNetwork: (accountNetwork: string, variantNetwork: string) => ({
    fr: `Ce compte est un compte ${accountNetwork} : une variante ${variantNetwork} se publie par un compte ${variantNetwork}.`,
    ar: `هذا حساب على ${accountNetwork}: صيغة ${variantNetwork} تُنشر عبر حساب على ${variantNetwork}.`,
    en: `This is a ${accountNetwork} account: a ${variantNetwork} variant is published through a ${variantNetwork} account.`,
  }),
}

/** The account must be one of the variant's network: a token is never sent to another network. */
async function checkAccountNetwork(req: PayloadRequest, merged: Record<string, unknown>, lang: AdminLanguageCode): Promise<void> {
  const accountId = merged.networkAccount ? idOf(merged.networkAccount as Id | { id: Id }) : undefined
  if (accountId === undefined || !merged.platform) return
  const account = await req.payload.findByID({ collection: 'network-accounts', id: accountId, depth: 0, overrideAccess: true, req }).catch(() => null)
  const variantNetwork = networkOfPlatform[merged.platform as Platform]
  const message = !account
    ? wordsOf.accountNotFound[lang]
    : account.network !== variantNetwork
      ? wordsOf.accountOfOtherNetwork(networkLabels[account.network as Network] ?? account.network, networkLabels[variantNetwork])[lang]
      : null
  if (message) throw new ValidationError({ collection: 'platform-variants', errors: [{ path: 'networkAccount', message }] }, req.t)
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
  await checkAccountNetwork(req, merged, lang)

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
  if (enteringSchedule && !merged.networkAccount) {
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
  return data
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
      throw new APIError('A variant is approved through POST /api/platform-variants/:id/approve (NCSC), not by writing the field.', 403, null, true)
    }
    data.approval = originalDoc?.approval
  }
  const engine = actingSystem(req) === 'publishing-engine'
  const next = data.publicationState
  if (!engine && next !== undefined && next !== originalDoc?.publicationState && !editorialStates.includes(next)) {
    throw new APIError(`The publication state "${next}" is set by the publishing engine, not by hand.`, 403, null, true)
  }
  if (!engine && frozenStates.includes(originalDoc?.publicationState)) {
    throw new APIError(`This variant is ${originalDoc?.publicationState}: it is on the network, or may be, and can no longer be edited.`, 409, null, true)
  }
  if (next === 'scheduled' && originalDoc?.publicationState !== 'scheduled') {
    // A fresh schedule starts a fresh retry budget.
    data.nextAttemptAt = null
    data.attempts = 0
  } else if (next === 'scheduled' && data.scheduledAt !== undefined && data.scheduledAt !== originalDoc?.scheduledAt) {
    data.attempts = 0
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
    const firstMedia = firstMediaId ? await req.payload.findByID({ collection: 'media', id: firstMediaId, depth: 0, req }).catch(() => null) : null
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
  // One variant per item, network and language: a copy could only collide with its original.
  disableDuplicate: true,
  endpoints: [validateEndpoint, approveVariantEndpoint, manualKitEndpoint, markPostedEndpoint],
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
    {
      name: 'remoteId',
      type: 'text',
      access: computedByServer,
      label: { fr: 'Identifiant distant', ar: 'المعرّف على المنصة', en: 'Remote id' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'permalink',
      type: 'text',
      access: computedByServer,
      label: { fr: 'Lien publié', ar: 'رابط المنشور', en: 'Permalink' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      access: computedByServer,
      label: { fr: 'Tentatives', ar: 'المحاولات', en: 'Attempts' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'lastError',
      type: 'textarea',
      access: computedByServer,
      label: { fr: 'Dernière erreur', ar: 'آخر خطأ', en: 'Last error' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      access: computedByServer,
      label: { fr: 'Publiée le', ar: 'نُشرت في', en: 'Published at' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'nextAttemptAt',
      type: 'date',
      access: computedByServer,
      index: true,
      label: { fr: 'Prochain essai', ar: 'المحاولة التالية', en: 'Next attempt' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    // The scheduler's claim: who holds the variant and until when (see publishing/claim.ts).
    { name: 'leaseUntil', type: 'date', index: true, access: computedByServer, admin: { hidden: true } },
    { name: 'claimToken', type: 'text', access: computedByServer, admin: { hidden: true } },
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
