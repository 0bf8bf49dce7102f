import type { CollectionConfig } from 'payload'

import { option } from '../../../src/domain/labels'
import { networkLabels, networks } from '../../../src/domain/networks'
import { hasRole } from '../../../src/domain/roles'
import { importProgressFields, importRecordFields } from '../inbox/import-progress-fields'

export const metricImportsSlug = 'metric-imports'

/** Who imports the networks' own exports of figures: those who read and report them. */
export const metricImporters = ['admin', 'ncsc', 'cm', 'analyst'] as const

/**
 * A file of post figures imported by hand (a network's own export, such as Meta Business Suite's,
 * or Badil's template): its rows are read in the background, each matched to our post and kept as
 * a metric snapshot, with progress and a per-row report. Written by the import only.
 */
export const metricImportsCollection: CollectionConfig = {
  slug: metricImportsSlug,
  labels: {
    singular: { fr: 'Import de statistiques', ar: 'استيراد إحصائيات', en: 'Metrics import' },
    plural: { fr: 'Imports de statistiques', ar: 'استيرادات الإحصائيات', en: 'Metrics imports' },
  },
  admin: {
    useAsTitle: 'fileName',
    defaultColumns: ['fileName', 'network', 'status', 'processed', 'total', 'createdAt'],
    group: { fr: 'Rapports', ar: 'التقارير', en: 'Reports' },
  },
  access: {
    read: ({ req }) => hasRole(req.user, ...metricImporters),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'fileName', type: 'text', label: { fr: 'Fichier', ar: 'الملف', en: 'File' } },
    {
      name: 'network',
      type: 'select',
      required: true,
      options: networks.map((network) => option(network, { fr: networkLabels[network], ar: networkLabels[network], en: networkLabels[network] })),
      label: { fr: 'Réseau', ar: 'الشبكة', en: 'Network' },
    },
    ...importProgressFields,
    { name: 'created', type: 'number', defaultValue: 0, label: { fr: 'Relevés créés', ar: 'قراءات مُنشأة', en: 'Snapshots created' } },
    { name: 'unmatched', type: 'number', defaultValue: 0, label: { fr: 'Publications introuvables', ar: 'منشورات غير موجودة', en: 'Posts not found' } },
    { name: 'invalid', type: 'number', defaultValue: 0, label: { fr: 'Lignes refusées', ar: 'أسطر مرفوضة', en: 'Rows refused' } },
    ...importRecordFields,
  ],
}
