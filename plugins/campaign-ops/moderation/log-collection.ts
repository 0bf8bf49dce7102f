import type { CollectionConfig, PayloadRequest } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import type { Localized } from '../../../src/i18n/catalogue'

export const moderationLogSlug = 'moderation-log'

export const moderationLogKinds = [
  'decision',
  'hide',
  'unhide',
  'delete',
  'escalate',
  'assign',
  'status',
  'reply',
  'restore',
  'rule_change',
  'retention_purge',
  'crisis_alert',
  'model_change',
] as const

export type ModerationLogKind = (typeof moderationLogKinds)[number]

const kindLabels: Record<ModerationLogKind, Localized> = {
  decision: { fr: 'Décision automatique', ar: 'قرار تلقائي', en: 'Automatic decision' },
  hide: { fr: 'Masqué', ar: 'إخفاء', en: 'Hidden' },
  unhide: { fr: 'Réaffiché', ar: 'إعادة الإظهار', en: 'Shown again' },
  delete: { fr: 'Supprimé', ar: 'حذف', en: 'Deleted' },
  escalate: { fr: 'Escaladé', ar: 'تصعيد', en: 'Escalated' },
  assign: { fr: 'Attribué', ar: 'إسناد', en: 'Assigned' },
  status: { fr: 'État changé', ar: 'تغيير الحالة', en: 'Status changed' },
  reply: { fr: 'Réponse', ar: 'رد', en: 'Reply' },
  restore: { fr: 'Rétabli', ar: 'استعادة', en: 'Restored' },
  rule_change: { fr: 'Règle modifiée', ar: 'تعديل قاعدة', en: 'Rule changed' },
  retention_purge: { fr: 'Purge de conservation', ar: 'حذف بعد مدة الحفظ', en: 'Retention purge' },
  crisis_alert: { fr: 'Alerte de crise', ar: 'تنبيه أزمة', en: 'Crisis alert' },
  model_change: { fr: 'Modèle d’aide au tri changé', ar: 'تغيير نموذج المساعدة على الفرز', en: 'Triage model changed' },
}

/** Who reads the log (and its seals): the people who moderate and those who report on it. */
export const readsTheLog = (user: PayloadRequest['user']) => hasRole(user, 'admin', 'ncsc', 'cm', 'analyst')

/**
 * Every automatic decision and every human moderation action. Nobody writes it through the API:
 * rows are appended by the plugin's server code only, and never updated or deleted (the retention
 * purge blanks excerpts outside the hash chain).
 */
export const moderationLogCollection: CollectionConfig = {
  slug: moderationLogSlug,
  labels: {
    singular: { fr: 'Journal de modération', ar: 'سجل الإشراف', en: 'Moderation log entry' },
    plural: { fr: 'Journal de modération', ar: 'سجل الإشراف', en: 'Moderation log' },
  },
  admin: {
    useAsTitle: 'sequence',
    defaultColumns: ['sequence', 'kind', 'category', 'action', 'actorType', 'platform', 'occurredAt'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  access: {
    read: ({ req }) => readsTheLog(req.user),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  defaultSort: '-sequence',
  fields: [
    { name: 'sequence', type: 'number', required: true, unique: true, index: true, label: { fr: 'N°', ar: 'الرقم', en: 'No.' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: moderationLogKinds.map((kind) => ({ value: kind, label: kindLabels[kind] })),
      label: { fr: 'Type', ar: 'النوع', en: 'Kind' },
    },
    {
      name: 'actorType',
      type: 'select',
      required: true,
      options: [
        { value: 'rule', label: { fr: 'Règle', ar: 'قاعدة', en: 'Rule' } },
        { value: 'user', label: { fr: 'Personne', ar: 'شخص', en: 'Person' } },
        { value: 'system', label: { fr: 'Système', ar: 'النظام', en: 'System' } },
      ],
      label: { fr: 'Auteur', ar: 'الفاعل', en: 'Actor' },
    },
    { name: 'actorUser', type: 'relationship', relationTo: 'users', label: { fr: 'Utilisateur', ar: 'المستخدم', en: 'User' } },
    { name: 'ruleIds', type: 'text', label: { fr: 'Règles', ar: 'القواعد', en: 'Rules' } },
    { name: 'category', type: 'text', index: true, label: { fr: 'Catégorie', ar: 'الفئة', en: 'Category' } },
    { name: 'action', type: 'text', index: true, label: { fr: 'Action', ar: 'الإجراء', en: 'Action' } },
    { name: 'platform', type: 'text', label: { fr: 'Plateforme', ar: 'المنصة', en: 'Platform' } },
    { name: 'itemRef', type: 'text', index: true, label: { fr: 'Référence', ar: 'المرجع', en: 'Item reference' } },
    { name: 'commenterPseudonym', type: 'text', index: true, label: { fr: 'Pseudonyme', ar: 'الاسم المستعار', en: 'Commenter pseudonym' } },
    { name: 'excerpt', type: 'textarea', label: { fr: 'Extrait (expurgé)', ar: 'مقتطف (منقح)', en: 'Excerpt (redacted)' } },
    { name: 'excerptHash', type: 'text', label: { fr: 'Empreinte de l’extrait', ar: 'بصمة المقتطف', en: 'Excerpt hash' } },
    { name: 'excerptPurgedAt', type: 'date', label: { fr: 'Extrait purgé le', ar: 'تاريخ حذف المقتطف', en: 'Excerpt purged at' } },
    { name: 'before', type: 'json', label: { fr: 'Avant', ar: 'قبل', en: 'Before' } },
    { name: 'after', type: 'json', label: { fr: 'Après', ar: 'بعد', en: 'After' } },
    { name: 'occurredAt', type: 'date', required: true, index: true, label: { fr: 'Date', ar: 'التاريخ', en: 'Occurred at' } },
    { name: 'prevHash', type: 'text', required: true, label: { fr: 'Empreinte précédente', ar: 'البصمة السابقة', en: 'Previous hash' } },
    { name: 'hash', type: 'text', required: true, label: { fr: 'Empreinte', ar: 'البصمة', en: 'Hash' } },
  ],
}
