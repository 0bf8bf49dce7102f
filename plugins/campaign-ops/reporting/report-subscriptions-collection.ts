import type { Access, CollectionConfig, PayloadRequest, Where } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { audiences, contentFormats } from '../../../src/domain/content-taxonomy'
import { option } from '../../../src/domain/labels'
import { networkLabels, networks } from '../../../src/domain/networks'
import { hasRole, isStaff } from '../../../src/domain/roles'
import { clientComponent } from '../admin-components'
import { translatePlugin } from '../translations'
import { reportFrequencies } from './report-periods'

export const reportSubscriptionsSlug = 'report-subscriptions'

/** Who manages the subscriptions and reads every report: the reporting's own people. */
export const reportManagers = ['admin', 'ncsc', 'analyst'] as const

const frequencyLabels = {
  weekly: { fr: 'Hebdomadaire (lundi matin, semaine précédente)', ar: 'أسبوعي (صباح الاثنين، الأسبوع الماضي)', en: 'Weekly (Monday morning, the week before)' },
  monthly: { fr: 'Mensuel (le 1er, mois précédent)', ar: 'شهري (في اليوم الأول، الشهر الماضي)', en: 'Monthly (on the 1st, the month before)' },
}

/** A manager reads every subscription and report; any other member of the team those sent to them. */
export const managersOrRecipients: Access = ({ req }): boolean | Where => {
  if (hasRole(req.user, ...reportManagers)) return true
  if (!req.user || !isStaff(req.user)) return false
  return { recipients: { contains: req.user.id } }
}

/**
 * Who receives which periodic report, with which filters: the weekly report goes out on Monday
 * at 07:00 Casablanca for the week before, the monthly one on the 1st for the month before, each
 * recipient in their own admin language, with charts and a PDF; "send now" makes one on demand.
 */
export const reportSubscriptionsCollection: CollectionConfig = {
  slug: reportSubscriptionsSlug,
  labels: {
    singular: { fr: 'Abonnement aux rapports', ar: 'اشتراك في التقارير', en: 'Report subscription' },
    plural: { fr: 'Abonnements aux rapports', ar: 'الاشتراكات في التقارير', en: 'Report subscriptions' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'frequency', 'recipients', 'active', 'lastPeriodSent'],
    group: { fr: 'Rapports', ar: 'التقارير', en: 'Reports' },
  },
  access: {
    read: managersOrRecipients,
    create: ({ req }) => hasRole(req.user, ...reportManagers),
    update: ({ req }) => hasRole(req.user, ...reportManagers),
    delete: ({ req }) => hasRole(req.user, ...reportManagers),
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { fr: 'Nom', ar: 'الاسم', en: 'Name' } },
    {
      name: 'frequency',
      type: 'select',
      required: true,
      defaultValue: 'weekly',
      options: reportFrequencies.map((frequency) => option(frequency, frequencyLabels[frequency])),
      label: { fr: 'Fréquence', ar: 'الوتيرة', en: 'Frequency' },
    },
    {
      name: 'recipients',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      required: true,
      minRows: 1,
      // An integration key's account has no mailbox to read a report in.
      filterOptions: { role: { not_equals: 'integration' } },
      validate: async (value: unknown, { req }: { req: PayloadRequest }) => {
        const ids = (Array.isArray(value) ? value : []).map((entry) => (typeof entry === 'object' && entry ? (entry as { id: number }).id : entry))
        if (ids.length === 0) return translatePlugin(req, 'reportSubscriptions:noRecipient')
        const { docs } = await req.payload.find({ collection: 'users', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true })
        const tools = docs.filter((user) => user.role === 'integration')
        return tools.length ? translatePlugin(req, 'reportSubscriptions:integrationRecipient', { emails: tools.map((user) => user.email).join(', ') }) : true
      },
      admin: {
        description: {
          fr: 'Chacun reçoit le rapport dans la langue de son interface.',
          ar: 'يتلقى كل واحد التقرير بلغة واجهته.',
          en: 'Each gets the report in their interface language.',
        },
      },
      label: { fr: 'Destinataires', ar: 'المستلمون', en: 'Recipients' },
    },
    {
      type: 'collapsible',
      label: { fr: 'Filtres', ar: 'عوامل التصفية', en: 'Filters' },
      admin: { description: { fr: 'Vide : tout.', ar: 'فارغ: الكل.', en: 'Empty: everything.' } },
      fields: [
        {
          name: 'platforms',
          type: 'select',
          hasMany: true,
          options: networks.map((network) => option(network, { fr: networkLabels[network], ar: networkLabels[network], en: networkLabels[network] })),
          label: { fr: 'Réseaux', ar: 'الشبكات', en: 'Networks' },
        },
        {
          name: 'languages',
          type: 'select',
          hasMany: true,
          options: [
            option('fr', { fr: 'Français', ar: 'الفرنسية', en: 'French' }),
            option('ar', { fr: 'Arabe', ar: 'العربية', en: 'Arabic' }),
            option('ary', { fr: 'Darija', ar: 'الدارجة', en: 'Darija' }),
          ],
          label: { fr: 'Langues', ar: 'اللغات', en: 'Languages' },
        },
        { name: 'themes', type: 'relationship', relationTo: 'themes', hasMany: true, label: { fr: 'Thèmes', ar: 'المحاور', en: 'Themes' } },
        {
          name: 'audiences',
          type: 'select',
          hasMany: true,
          options: audiences.map((entry) => option(entry.value, entry.label)),
          label: { fr: 'Publics', ar: 'الفئات المستهدفة', en: 'Audiences' },
        },
        {
          name: 'formats',
          type: 'select',
          hasMany: true,
          options: contentFormats.map((entry) => option(entry.value, entry.label)),
          label: { fr: 'Formats', ar: 'الأشكال', en: 'Formats' },
        },
        {
          name: 'keyMoments',
          type: 'relationship',
          relationTo: 'key-moments',
          hasMany: true,
          label: { fr: 'Temps forts', ar: 'المحطات البارزة', en: 'Key moments' },
        },
      ],
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar' },
      label: { fr: 'Envoi automatique', ar: 'إرسال تلقائي', en: 'Sent automatically' },
    },
    {
      name: 'lastPeriodSent',
      type: 'text',
      access: computedByServer,
      admin: { position: 'sidebar', readOnly: true },
      label: { fr: 'Dernière période envoyée', ar: 'آخر فترة أُرسلت', en: 'Last period sent' },
    },
    {
      name: 'sendNow',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: clientComponent('SendReportNow') } },
    },
  ],
}
