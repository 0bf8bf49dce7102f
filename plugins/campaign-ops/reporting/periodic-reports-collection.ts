import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import { option } from '../../../src/domain/labels'
import { managersOrRecipients } from './report-subscriptions-collection'

export const periodicReportsSlug = 'periodic-reports'

export const periodicReportKinds = ['weekly', 'monthly', 'on_demand'] as const
export type PeriodicReportKind = (typeof periodicReportKinds)[number]

/**
 * Each report made, one document per language: the PDF (or, where Chromium is not installed, the
 * same report as a web page), its period and filters, to whom it went and how sending went.
 * Written by the reporting queue only; downloadable in the admin by whoever may read it.
 */
export function periodicReportsCollection(staticDir: string): CollectionConfig {
  return {
    slug: periodicReportsSlug,
    labels: {
      singular: { fr: 'Rapport envoyé', ar: 'تقرير مُرسَل', en: 'Sent report' },
      plural: { fr: 'Rapports envoyés', ar: 'التقارير المرسلة', en: 'Sent reports' },
    },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'language', 'status', 'sentAt'],
      group: { fr: 'Rapports', ar: 'التقارير', en: 'Reports' },
    },
    upload: {
      staticDir,
      mimeTypes: ['application/pdf', 'text/html'],
    },
    access: {
      read: managersOrRecipients,
      create: () => false,
      update: () => false,
      delete: ({ req }) => hasRole(req.user, 'admin'),
    },
    fields: [
      { name: 'title', type: 'text', required: true, label: { fr: 'Titre', ar: 'العنوان', en: 'Title' } },
      {
        name: 'kind',
        type: 'select',
        required: true,
        options: [
          option('weekly', { fr: 'Hebdomadaire', ar: 'أسبوعي', en: 'Weekly' }),
          option('monthly', { fr: 'Mensuel', ar: 'شهري', en: 'Monthly' }),
          option('on_demand', { fr: 'À la demande', ar: 'عند الطلب', en: 'On demand' }),
        ],
        label: { fr: 'Type', ar: 'النوع', en: 'Kind' },
      },
      {
        name: 'subscription',
        type: 'relationship',
        relationTo: 'report-subscriptions',
        index: true,
        label: { fr: 'Abonnement', ar: 'الاشتراك', en: 'Subscription' },
      },
      { name: 'periodFrom', type: 'text', required: true, label: { fr: 'Du', ar: 'من', en: 'From' } },
      { name: 'periodTo', type: 'text', required: true, label: { fr: 'Au', ar: 'إلى', en: 'To' } },
      {
        name: 'language',
        type: 'select',
        required: true,
        options: [
          option('fr', { fr: 'Français', ar: 'الفرنسية', en: 'French' }),
          option('ar', { fr: 'Arabe', ar: 'العربية', en: 'Arabic' }),
          option('en', { fr: 'Anglais', ar: 'الإنجليزية', en: 'English' }),
        ],
        label: { fr: 'Langue', ar: 'اللغة', en: 'Language' },
      },
      { name: 'recipients', type: 'relationship', relationTo: 'users', hasMany: true, label: { fr: 'Destinataires', ar: 'المستلمون', en: 'Recipients' } },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'stored',
        options: [
          option('stored', { fr: 'Enregistré, envoi en cours', ar: 'محفوظ، الإرسال جارٍ', en: 'Stored, being sent' }),
          option('sent', { fr: 'Envoyé', ar: 'أُرسل', en: 'Sent' }),
          option('failed', { fr: 'Envoi échoué', ar: 'فشل الإرسال', en: 'Sending failed' }),
        ],
        label: { fr: 'État', ar: 'الحالة', en: 'Status' },
      },
      { name: 'sentAt', type: 'date', label: { fr: 'Envoyé le', ar: 'تاريخ الإرسال', en: 'Sent at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'failure', type: 'textarea', label: { fr: 'Motif de l’échec', ar: 'سبب الفشل', en: 'Why it failed' } },
      { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: { fr: 'Demandé par', ar: 'طلبه', en: 'Requested by' } },
      {
        name: 'pdf',
        type: 'checkbox',
        label: { fr: 'PDF', ar: 'PDF', en: 'PDF' },
        admin: {
          description: {
            fr: 'Décoché : Chromium n’est pas installé, le rapport est une page web.',
            ar: 'غير محدد: Chromium غير مثبت، والتقرير صفحة ويب.',
            en: 'Unticked: Chromium is not installed, the report is a web page.',
          },
        },
      },
      // Makes a scheduled report once per subscription, period and language, whatever the instances.
      { name: 'deliveryKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    ],
  }
}
