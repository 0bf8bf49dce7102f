import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import type { Localized } from '../../../src/i18n/catalogue'

export const publicationAttemptsSlug = 'publication-attempts'

export const attemptKinds = ['publish', 'reconcile', 'manual', 'resolve'] as const

const attemptKindLabels: Record<(typeof attemptKinds)[number], Localized> = {
  publish: { fr: 'Envoi', ar: 'إرسال', en: 'Publish' },
  reconcile: { fr: 'Vérification', ar: 'تحقق', en: 'Check' },
  manual: { fr: 'Publication manuelle', ar: 'نشر يدوي', en: 'Posted by hand' },
  resolve: { fr: 'Décision', ar: 'قرار', en: 'Resolution' },
}

export const attemptOutcomes = [
  { value: 'in_progress', label: { fr: 'En cours', ar: 'جارية', en: 'In progress' } },
  { value: 'succeeded', label: { fr: 'Publiée', ar: 'نُشرت', en: 'Published' } },
  { value: 'retry_scheduled', label: { fr: 'Nouvel essai prévu', ar: 'إعادة محاولة مبرمجة', en: 'Retry scheduled' } },
  { value: 'rate_limited', label: { fr: 'Limite du réseau', ar: 'حد المنصة', en: 'Rate limited' } },
  { value: 'failed', label: { fr: 'Échec', ar: 'فشل', en: 'Failed' } },
  { value: 'outcome_unknown', label: { fr: 'Résultat inconnu', ar: 'نتيجة غير معروفة', en: 'Outcome unknown' } },
  { value: 'found', label: { fr: 'Retrouvée sur le réseau', ar: 'وُجدت على المنصة', en: 'Found on the network' } },
  { value: 'not_found', label: { fr: 'Absente du réseau', ar: 'غير موجودة على المنصة', en: 'Not on the network' } },
  { value: 'vetoed', label: { fr: 'Refusée par une règle', ar: 'رُفضت بقاعدة', en: 'Vetoed' } },
  { value: 'interrupted', label: { fr: 'Interrompue (instance arrêtée)', ar: 'توقفت (توقف الخادم)', en: 'Interrupted (instance stopped)' } },
]

/** One row per publish call, reconciliation and human resolution: the variant's attempt history. */
export const publicationAttemptsCollection: CollectionConfig = {
  slug: publicationAttemptsSlug,
  labels: {
    singular: { fr: 'Tentative de publication', ar: 'محاولة نشر', en: 'Publication attempt' },
    plural: { fr: 'Tentatives de publication', ar: 'محاولات النشر', en: 'Publication attempts' },
  },
  admin: {
    useAsTitle: 'idempotencyKey',
    defaultColumns: ['variant', 'attemptNumber', 'kind', 'outcome', 'startedAt', 'durationMs'],
    group: { fr: 'Publication', ar: 'النشر', en: 'Publishing' },
  },
  defaultSort: '-startedAt',
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    // Written by the publishing engine only.
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    {
      name: 'variant',
      type: 'relationship',
      relationTo: 'platform-variants',
      required: true,
      index: true,
      label: { fr: 'Variante', ar: 'الصيغة', en: 'Variant' },
    },
    { name: 'networkAccount', type: 'relationship', relationTo: 'network-accounts', label: { fr: 'Compte', ar: 'الحساب', en: 'Account' } },
    { name: 'platform', type: 'text', label: { fr: 'Réseau', ar: 'المنصة', en: 'Platform' } },
    { name: 'attemptNumber', type: 'number', required: true, label: { fr: 'N°', ar: 'الرقم', en: 'No.' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: attemptKinds.map((kind) => ({ value: kind, label: attemptKindLabels[kind] })),
      label: { fr: 'Type', ar: 'النوع', en: 'Kind' },
    },
    { name: 'idempotencyKey', type: 'text', required: true, index: true, label: { fr: 'Clé d’idempotence', ar: 'مفتاح عدم التكرار', en: 'Idempotency key' } },
    { name: 'instance', type: 'text', label: { fr: 'Instance', ar: 'الخادم', en: 'Instance' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: { fr: 'Par', ar: 'بواسطة', en: 'By' } },
    { name: 'outcome', type: 'select', required: true, index: true, options: attemptOutcomes, label: { fr: 'Résultat', ar: 'النتيجة', en: 'Outcome' } },
    { name: 'requestSummary', type: 'json', label: { fr: 'Requête', ar: 'الطلب', en: 'Request' } },
    { name: 'response', type: 'json', label: { fr: 'Réponse', ar: 'الرد', en: 'Response' } },
    { name: 'errorKind', type: 'text', label: { fr: 'Type d’erreur', ar: 'نوع الخطأ', en: 'Error kind' } },
    { name: 'reason', type: 'textarea', label: { fr: 'Raison', ar: 'السبب', en: 'Reason' } },
    { name: 'remoteId', type: 'text', label: { fr: 'Identifiant distant', ar: 'المعرّف على المنصة', en: 'Remote id' } },
    { name: 'permalink', type: 'text', label: { fr: 'Lien', ar: 'الرابط', en: 'Permalink' } },
    {
      name: 'retryAt',
      type: 'date',
      label: { fr: 'Nouvel essai', ar: 'المحاولة التالية', en: 'Retry at' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'startedAt',
      type: 'date',
      required: true,
      index: true,
      label: { fr: 'Début', ar: 'البداية', en: 'Started' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'finishedAt', type: 'date', label: { fr: 'Fin', ar: 'النهاية', en: 'Finished' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', type: 'number', label: { fr: 'Durée (ms)', ar: 'المدة (مللي ثانية)', en: 'Duration (ms)' } },
  ],
}
