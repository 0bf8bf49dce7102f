import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import { clientComponent } from '../admin-components'
import { option } from '../../../src/domain/labels'
import { networkLabels, networks } from '../../../src/domain/networks'
import type { Network } from '../networks/registry'
import { accountComponents, accountCounts, metricComponents, metricCounts } from './metric-components'
import type { AccountComponent, MetricComponent } from './metric-components'

export const metricSnapshotsSlug = 'metric-snapshots'

const componentLabels: Record<MetricComponent | AccountComponent | 'interactions', { fr: string; ar: string; en: string }> = {
  followers: { fr: 'Abonnés', ar: 'المتابعون', en: 'Followers' },
  periodReach: { fr: 'Portée sur 28 jours', ar: 'الوصول خلال 28 يومًا', en: 'Reach over 28 days' },
  impressions: { fr: 'Impressions', ar: 'مرات الظهور', en: 'Impressions' },
  reach: { fr: 'Portée', ar: 'الوصول', en: 'Reach' },
  reactions: { fr: 'Réactions', ar: 'التفاعلات بالإعجاب', en: 'Reactions' },
  comments: { fr: 'Commentaires', ar: 'التعليقات', en: 'Comments' },
  shares: { fr: 'Partages', ar: 'المشاركات', en: 'Shares' },
  saves: { fr: 'Enregistrements', ar: 'الحفظ', en: 'Saves' },
  clicks: { fr: 'Clics', ar: 'النقرات', en: 'Clicks' },
  videoViews: { fr: 'Vues de vidéo', ar: 'مشاهدات الفيديو', en: 'Video views' },
  interactions: { fr: 'Interactions', ar: 'مجموع التفاعلات', en: 'Interactions' },
}

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
      components: { beforeList: [clientComponent('MetricsImportPanel')] },
      defaultColumns: ['remoteId', 'network', 'fetchedAt', 'definitionDate'],
      group: { fr: 'Rapports', ar: 'التقارير', en: 'Reports' },
    },
    access: {
      read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm', 'analyst'),
      create: () => false,
      update: () => false,
      delete: () => false,
    },
    indexes: [{ fields: ['variant', 'fetchedAt'] }, { fields: ['network', 'remoteId', 'fetchedAt'] }, { fields: ['account', 'scope', 'fetchedAt'] }],
    hooks: {
      // The KPIs read common components; they are derived here from the network's own names, for every writer.
      beforeChange: [
        ({ data }) => {
          if (!data.network || !data.values || typeof data.values !== 'object') return data
          const values = data.values as Record<string, unknown>
          return data.scope === 'account'
            ? { ...data, ...accountCounts(data.network as Network, values) }
            : { ...data, ...metricCounts(data.network as Network, values) }
        },
      ],
    },
    fields: [
      {
        name: 'scope',
        type: 'select',
        required: true,
        defaultValue: 'post',
        options: [
          { value: 'post', label: { fr: 'Publication', ar: 'منشور', en: 'Post' } },
          { value: 'account', label: { fr: 'Compte', ar: 'حساب', en: 'Account' } },
        ],
        label: { fr: 'Portée du relevé', ar: 'نطاق القراءة', en: 'About' },
      },
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
        type: 'collapsible',
        label: { fr: 'Valeurs communes à tous les réseaux', ar: 'القيم المشتركة بين الشبكات', en: 'Values common to every network' },
        fields: [...metricComponents, 'interactions' as const, ...accountComponents].map((name) => ({
          name,
          type: 'number' as const,
          admin: { readOnly: true },
          label: componentLabels[name],
        })),
      },
      {
        name: 'definitionDate',
        type: 'date',
        required: true,
        label: { fr: 'Définition en vigueur depuis', ar: 'التعريف سارٍ منذ', en: 'Definition in force since' },
      },
      {
        name: 'source',
        type: 'select',
        defaultValue: 'api',
        options: [
          option('api', { fr: 'Lu par l’API du réseau', ar: 'مقروء عبر واجهة الشبكة', en: 'Read through the network’s API' }),
          option('import', { fr: 'Importé d’un fichier', ar: 'مستورد من ملف', en: 'Imported from a file' }),
        ],
        label: { fr: 'Origine', ar: 'المصدر', en: 'Source' },
      },
      { name: 'import', type: 'relationship', relationTo: 'metric-imports', label: { fr: 'Import', ar: 'الاستيراد', en: 'Import' } },
    ],
  }
}
