import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import { option } from '../../../src/domain/labels'
import { networkLabels, networks } from '../../../src/domain/networks'

export const metricSnapshotsSlug = 'metric-snapshots'

/**
 * What a network said about one of our posts at one moment: the metric names Badil asked for, the
 * value of each (null where the network could not give it — never 0), when it was fetched and the
 * date from which the network's definition of these metrics holds (view counting changed in
 * 2025–2026). Append-only: written by the metrics pulls, never changed or deleted through the API;
 * the KPIs read the latest snapshot per post.
 */
export function metricSnapshotsCollection(variantsSlug: string): CollectionConfig {
  return {
    slug: metricSnapshotsSlug,
    labels: {
      singular: { fr: 'Relevé de statistiques', ar: 'قراءة إحصائيات', en: 'Metric snapshot' },
      plural: { fr: 'Relevés de statistiques', ar: 'قراءات الإحصائيات', en: 'Metric snapshots' },
    },
    admin: {
      useAsTitle: 'remoteId',
      defaultColumns: ['remoteId', 'network', 'fetchedAt', 'definitionDate'],
      group: { fr: 'Rapports', ar: 'التقارير', en: 'Reports' },
    },
    access: {
      read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm', 'analyst'),
      create: () => false,
      update: () => false,
      delete: () => false,
    },
    indexes: [{ fields: ['variant', 'fetchedAt'] }, { fields: ['network', 'remoteId', 'fetchedAt'] }],
    fields: [
      {
        name: 'network',
        type: 'select',
        required: true,
        options: networks.map((network) => option(network, { fr: networkLabels[network], ar: networkLabels[network], en: networkLabels[network] })),
        label: { fr: 'Réseau', ar: 'الشبكة', en: 'Network' },
      },
      { name: 'account', type: 'relationship', relationTo: 'network-accounts', label: { fr: 'Compte', ar: 'الحساب', en: 'Account' } },
      { name: 'variant', type: 'relationship', relationTo: variantsSlug as 'platform-variants', label: { fr: 'Publication', ar: 'المنشور', en: 'Post' } },
      {
        name: 'remoteId',
        type: 'text',
        required: true,
        label: { fr: 'Identifiant sur le réseau', ar: 'المعرّف على الشبكة', en: 'Id on the network' },
      },
      {
        name: 'values',
        type: 'json',
        required: true,
        label: {
          fr: 'Valeurs (absentes si le réseau ne les donne pas)',
          ar: 'القيم (غائبة إن لم تقدّمها الشبكة)',
          en: 'Values (missing where the network gives none)',
        },
      },
      { name: 'fetchedAt', type: 'date', required: true, index: true, label: { fr: 'Relevé le', ar: 'تاريخ القراءة', en: 'Fetched at' } },
      {
        name: 'definitionDate',
        type: 'date',
        required: true,
        label: { fr: 'Définition en vigueur depuis', ar: 'التعريف سارٍ منذ', en: 'Definition in force since' },
      },
    ],
  }
}
