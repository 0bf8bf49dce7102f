/**
 * `crisis-playbooks`: what the team does when an alert is raised — the steps in order, the people
 * to call, and the pre-approved holding statements (approved response templates, in French,
 * Arabic and Darija). NCSC writes them; an alert takes the steps of the first playbook that fits
 * its level and series when it is raised, as its checklist.
 */
import type { CollectionConfig, Payload, Validate } from 'payload'

import { option } from '../../../../src/domain/labels'
import { hasRole, isStaff } from '../../../../src/domain/roles'
import { adminLanguageOf } from '../../../../src/i18n/catalogue'
import { pluginText } from '../../translations'
import { crisisLevelOptions } from './crisis-alerts-collection'
import type { CrisisLevel } from './crisis-parameters'

export const crisisPlaybooksSlug = 'crisis-playbooks'

const seriesKindOptions = [
  option('hostile', { fr: 'Vague de propos hostiles', ar: 'موجة تعليقات عدائية', en: 'Wave of hostile comments' }),
  option('myth', { fr: 'Vague d’une idée reçue', ar: 'موجة فكرة خاطئة', en: 'Wave of a misconception' }),
]

/** Holding statements are approved replies only: nothing unapproved is one click from publishing. */
const approvedTemplatesOnly: Validate<unknown> = async (value, { req }) => {
  const ids = (Array.isArray(value) ? value : []).map((entry) => (typeof entry === 'object' && entry ? (entry as { id: number }).id : entry))
  if (ids.length === 0) return true
  const { docs } = await req.payload.find({
    collection: 'response-templates',
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const unapproved = docs.find((template) => template.state !== 'approved')
  const language = adminLanguageOf(req.user && 'language' in req.user ? req.user.language : undefined)
  return unapproved ? pluginText('crisisPlaybook:unapprovedStatement', { name: unapproved.name })[language] : true
}

export const crisisPlaybooksCollection: CollectionConfig = {
  slug: crisisPlaybooksSlug,
  labels: {
    singular: { fr: 'Plan de réponse', ar: 'خطة استجابة', en: 'Crisis playbook' },
    plural: { fr: 'Plans de réponse', ar: 'خطط الاستجابة', en: 'Crisis playbooks' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'levels', 'seriesKinds', 'updatedAt'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  access: {
    read: ({ req }) => isStaff(req.user) && !hasRole(req.user, 'integration'),
    create: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    update: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { fr: 'Nom', ar: 'الاسم', en: 'Name' } },
    {
      name: 'levels',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['watch', 'crisis'],
      options: crisisLevelOptions,
      label: { fr: 'Pour les alertes de niveau', ar: 'لتنبيهات المستوى', en: 'For alerts of level' },
    },
    {
      name: 'seriesKinds',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['hostile', 'myth'],
      options: seriesKindOptions,
      label: { fr: 'Pour les vagues de', ar: 'لموجات', en: 'For waves of' },
    },
    {
      name: 'steps',
      type: 'array',
      minRows: 1,
      label: { fr: 'Étapes', ar: 'الخطوات', en: 'Steps' },
      labels: { singular: { fr: 'Étape', ar: 'خطوة', en: 'Step' }, plural: { fr: 'Étapes', ar: 'الخطوات', en: 'Steps' } },
      fields: [{ name: 'text', type: 'textarea', required: true, localized: true, label: { fr: 'À faire', ar: 'المطلوب', en: 'To do' } }],
    },
    {
      name: 'contacts',
      type: 'array',
      label: { fr: 'Contacts', ar: 'جهات الاتصال', en: 'Contacts' },
      labels: { singular: { fr: 'Contact', ar: 'جهة اتصال', en: 'Contact' }, plural: { fr: 'Contacts', ar: 'جهات الاتصال', en: 'Contacts' } },
      fields: [
        { name: 'name', type: 'text', required: true, label: { fr: 'Nom', ar: 'الاسم', en: 'Name' } },
        { name: 'role', type: 'text', label: { fr: 'Rôle', ar: 'الدور', en: 'Role' } },
        { name: 'phone', type: 'text', label: { fr: 'Téléphone', ar: 'الهاتف', en: 'Phone' } },
        { name: 'email', type: 'email', label: { fr: 'E-mail', ar: 'البريد الإلكتروني', en: 'E-mail' } },
      ],
    },
    {
      name: 'statements',
      type: 'relationship',
      relationTo: 'response-templates',
      hasMany: true,
      filterOptions: { state: { equals: 'approved' } },
      validate: approvedTemplatesOnly,
      label: { fr: 'Déclarations d’attente (modèles approuvés)', ar: 'بيانات الانتظار (نماذج معتمدة)', en: 'Holding statements (approved templates)' },
    },
  ],
}

/** The playbook for an alert: the first (by name) that fits its level and kind of series. */
export async function playbookFor(payload: Payload, level: CrisisLevel, series: string) {
  const kind = series.startsWith('myth:') ? 'myth' : 'hostile'
  const { docs } = await payload.find({
    collection: crisisPlaybooksSlug,
    where: { and: [{ levels: { in: [level] } }, { seriesKinds: { in: [kind] } }] },
    sort: 'name',
    limit: 1,
    locale: 'all',
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] ?? null
}
