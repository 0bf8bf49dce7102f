/**
 * `crisis-alerts`: what the crisis watch raised — the level, the series, observed against expected
 * with the statistic, the authors, the share, pseudonymized example comments, the frequent terms and
 * the posts drawing them. Written by the watch only; a person acknowledges and resolves it (with
 * when and who, for the crisis alerts KPI), and each of those steps goes to the moderation log.
 */
import { APIError } from 'payload'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, Field, PayloadRequest } from 'payload'

import { computedByServer } from '../../../../src/domain/access'
import { option } from '../../../../src/domain/labels'
import { hasRole } from '../../../../src/domain/roles'
import { adminLanguageOf } from '../../../../src/i18n/catalogue'
import { appendModerationLog } from '../../moderation/moderation-log'
import { pluginText } from '../../translations'

export const crisisAlertsSlug = 'crisis-alerts'

export const crisisAlertStatuses = ['open', 'acknowledged', 'resolved'] as const
export type CrisisAlertStatus = (typeof crisisAlertStatuses)[number]

export const crisisLevelOptions = [option('watch', { fr: 'Vigilance', ar: 'يقظة', en: 'Watch' }), option('crisis', { fr: 'Crise', ar: 'أزمة', en: 'Crisis' })]
const statusOptions = [
  option('open', { fr: 'Ouverte', ar: 'مفتوح', en: 'Open' }),
  option('acknowledged', { fr: 'Prise en charge', ar: 'قيد المعالجة', en: 'Acknowledged' }),
  option('resolved', { fr: 'Résolue', ar: 'محلول', en: 'Resolved' }),
]
const windowOptions = [
  option('hour', { fr: 'Dernière heure', ar: 'الساعة الأخيرة', en: 'Last hour' }),
  option('sustained', { fr: 'Hausse durable', ar: 'ارتفاع مستمر', en: 'Sustained rise' }),
]
const methodOptions = [
  option('poisson', { fr: 'Loi de Poisson (peu d’historique)', ar: 'توزيع بواسون (تاريخ قصير)', en: 'Poisson (short history)' }),
  option('zscore', { fr: 'Écart à la normale (z)', ar: 'الانحراف عن المعتاد (z)', en: 'Deviation from normal (z)' }),
]

/** Who sees and works the alerts: the team that answers a crisis, and the analysts who report on it. */
export const readsCrisisAlerts = (user: PayloadRequest['user']) => hasRole(user, 'admin', 'ncsc', 'cm', 'analyst')
const worksCrisisAlerts = (user: PayloadRequest['user']) => hasRole(user, 'admin', 'ncsc', 'cm')

const serverNumber = (name: string, label: { fr: string; ar: string; en: string }): Field => ({
  name,
  type: 'number',
  access: computedByServer,
  label,
  admin: { readOnly: true },
})
const serverDate = (name: string, label: { fr: string; ar: string; en: string }): Field => ({
  name,
  type: 'date',
  access: computedByServer,
  label,
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
})

export class CrisisAlertError extends APIError<{ field: string }> {
  constructor(message: string, field: string) {
    super(message, 400, { field }, true)
    this.name = 'CrisisAlertError'
  }
}

/** Acknowledging and resolving stamp who and when; a resolved alert stays resolved. */
const stampStatus: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !originalDoc || data.status === undefined || data.status === originalDoc.status) return data
  const language = adminLanguageOf(req.user && 'language' in req.user ? req.user.language : undefined)
  if (originalDoc.status === 'resolved') throw new CrisisAlertError(pluginText('crisisAlert:resolvedStays')[language], 'status')
  if (data.status === 'open') throw new CrisisAlertError(pluginText('crisisAlert:noReopen')[language], 'status')
  const now = new Date().toISOString()
  const by = req.user?.id ?? null
  if (!originalDoc.acknowledgedAt) Object.assign(data, { acknowledgedAt: now, acknowledgedBy: by })
  if (data.status === 'resolved') Object.assign(data, { resolvedAt: now, resolvedBy: by })
  return data
}

/** A person acknowledging or resolving an alert is an episode's step: the moderation log keeps it. */
const logStatusChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  if (operation !== 'update' || !req.user || previousDoc?.status === doc.status) return doc
  await appendModerationLog(req.payload, {
    kind: 'crisis_alert',
    actor: { type: 'user', userId: req.user.id },
    action: doc.status,
    itemRef: `${crisisAlertsSlug}:${doc.id}`,
    before: { status: previousDoc?.status },
    after: { status: doc.status, note: doc.resolutionNote ?? null },
  })
  return doc
}

export const crisisAlertsCollection = (variantsSlug: string): CollectionConfig => ({
  slug: crisisAlertsSlug,
  labels: {
    singular: { fr: 'Alerte de crise', ar: 'تنبيه أزمة', en: 'Crisis alert' },
    plural: { fr: 'Alertes de crise', ar: 'تنبيهات الأزمة', en: 'Crisis alerts' },
  },
  admin: {
    useAsTitle: 'raisedAt',
    defaultColumns: ['raisedAt', 'title', 'level', 'status', 'observed', 'expected'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  defaultSort: '-raisedAt',
  access: {
    read: ({ req }) => readsCrisisAlerts(req.user),
    create: () => false,
    update: ({ req }) => worksCrisisAlerts(req.user),
    delete: () => false,
  },
  hooks: { beforeChange: [stampStatus], afterChange: [logStatusChange] },
  fields: [
    {
      // The series in the reader's language: never stored, so it speaks each reader's language.
      name: 'title',
      type: 'text',
      virtual: true,
      label: { fr: 'Alerte', ar: 'التنبيه', en: 'Alert' },
      admin: { readOnly: true },
      hooks: {
        afterRead: [
          ({ siblingData, req }) => {
            const language = adminLanguageOf(req.i18n?.language)
            const level = crisisLevelOptions.find((entry) => entry.value === siblingData.level)?.label[language] ?? ''
            const subject = (siblingData.subject ?? {}) as Partial<Record<string, string>>
            return `${level} — ${subject[language] ?? subject.fr ?? ''}`
          },
        ],
      },
    },
    {
      name: 'level',
      type: 'select',
      required: true,
      options: crisisLevelOptions,
      index: true,
      access: computedByServer,
      label: { fr: 'Niveau', ar: 'المستوى', en: 'Level' },
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      options: statusOptions,
      index: true,
      label: { fr: 'Suivi', ar: 'المتابعة', en: 'Status' },
    },
    {
      name: 'series',
      type: 'text',
      required: true,
      index: true,
      access: computedByServer,
      label: { fr: 'Série surveillée', ar: 'السلسلة المرصودة', en: 'Watched series' },
      admin: { readOnly: true, hidden: true },
    },
    {
      // The series' name in each language, made when the alert is raised (see series-labels.ts).
      name: 'subject',
      type: 'json',
      access: computedByServer,
      label: { fr: 'Objet', ar: 'الموضوع', en: 'Subject' },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'window',
      type: 'select',
      options: windowOptions,
      access: computedByServer,
      label: { fr: 'Fenêtre', ar: 'النافذة', en: 'Window' },
      admin: { readOnly: true },
    },
    {
      name: 'method',
      type: 'select',
      options: methodOptions,
      access: computedByServer,
      label: { fr: 'Méthode', ar: 'الطريقة', en: 'Method' },
      admin: { readOnly: true },
    },
    serverNumber('observed', { fr: 'Observé', ar: 'المرصود', en: 'Observed' }),
    serverNumber('expected', { fr: 'Attendu', ar: 'المتوقع', en: 'Expected' }),
    serverNumber('peakObserved', { fr: 'Pic observé', ar: 'الذروة المرصودة', en: 'Peak observed' }),
    serverNumber('z', { fr: 'Écart (z)', ar: 'الانحراف (z)', en: 'Deviation (z)' }),
    serverNumber('probability', { fr: 'Probabilité sous la normale', ar: 'الاحتمال في الوضع العادي', en: 'Probability if normal' }),
    serverNumber('authors', { fr: 'Auteurs distincts', ar: 'كتّاب مختلفون', en: 'Distinct authors' }),
    serverNumber('share', { fr: 'Part des commentaires', ar: 'نسبة التعليقات', en: 'Share of comments' }),
    serverNumber('baselineShare', { fr: 'Part habituelle', ar: 'النسبة المعتادة', en: 'Usual share' }),
    serverDate('windowStart', { fr: 'Début de la fenêtre', ar: 'بداية النافذة', en: 'Window start' }),
    serverDate('windowEnd', { fr: 'Fin de la fenêtre', ar: 'نهاية النافذة', en: 'Window end' }),
    serverDate('raisedAt', { fr: 'Levée le', ar: 'تاريخ الإطلاق', en: 'Raised at' }),
    serverDate('escalatedAt', { fr: 'Passée en crise le', ar: 'تاريخ التحول إلى أزمة', en: 'Escalated at' }),
    serverDate('lastSignalAt', { fr: 'Dernier signal', ar: 'آخر إشارة', en: 'Last signal' }),
    {
      name: 'topTerms',
      type: 'json',
      access: computedByServer,
      label: { fr: 'Termes fréquents', ar: 'الكلمات المتكررة', en: 'Frequent terms' },
      admin: { readOnly: true },
    },
    {
      name: 'examples',
      type: 'json',
      access: computedByServer,
      label: { fr: 'Exemples (pseudonymisés)', ar: 'أمثلة (بأسماء مستعارة)', en: 'Examples (pseudonymized)' },
      admin: { readOnly: true },
    },
    {
      name: 'posts',
      type: 'relationship',
      relationTo: variantsSlug as 'platform-variants',
      hasMany: true,
      access: computedByServer,
      label: { fr: 'Publications concernées', ar: 'المنشورات المعنية', en: 'Posts drawing them' },
      admin: { readOnly: true },
    },
    {
      name: 'playbook',
      type: 'relationship',
      relationTo: 'crisis-playbooks',
      access: computedByServer,
      label: { fr: 'Plan de réponse', ar: 'خطة الاستجابة', en: 'Playbook' },
      admin: { readOnly: true },
    },
    {
      // The playbook's steps when the alert was raised (later edits of the playbook do not change a
      // running episode), each done by someone at a time: POST /api/crisis-alerts/:id/checklist.
      name: 'checklist',
      type: 'array',
      access: computedByServer,
      label: { fr: 'Liste des étapes', ar: 'قائمة الخطوات', en: 'Checklist' },
      admin: { readOnly: true },
      fields: [
        { name: 'text', type: 'json', label: { fr: 'Étape', ar: 'الخطوة', en: 'Step' } },
        { name: 'doneAt', type: 'date', label: { fr: 'Faite le', ar: 'أنجزت في', en: 'Done at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'doneBy', type: 'relationship', relationTo: 'users', label: { fr: 'Faite par', ar: 'أنجزها', en: 'Done by' } },
      ],
    },
    serverDate('acknowledgedAt', { fr: 'Prise en charge le', ar: 'تاريخ بدء المعالجة', en: 'Acknowledged at' }),
    {
      name: 'acknowledgedBy',
      type: 'relationship',
      relationTo: 'users',
      access: computedByServer,
      label: { fr: 'Prise en charge par', ar: 'تولّاه', en: 'Acknowledged by' },
      admin: { readOnly: true },
    },
    serverDate('resolvedAt', { fr: 'Résolue le', ar: 'تاريخ الحل', en: 'Resolved at' }),
    {
      name: 'resolvedBy',
      type: 'relationship',
      relationTo: 'users',
      access: computedByServer,
      label: { fr: 'Résolue par', ar: 'حلّه', en: 'Resolved by' },
      admin: { readOnly: true },
    },
    { name: 'resolutionNote', type: 'textarea', label: { fr: 'Bilan', ar: 'الحصيلة', en: 'Summary' } },
  ],
})
