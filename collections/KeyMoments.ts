import type { CollectionConfig } from 'payload'

import { staffOnly } from '../src/domain/access'
import { hasRole } from '../src/domain/roles'

/** The campaign's highlights (temps forts) the editorial calendar is built around. */
export const KeyMoments: CollectionConfig = {
  slug: 'key-moments',
  labels: {
    singular: { fr: 'Temps fort', ar: 'محطة بارزة', en: 'Key moment' },
    plural: { fr: 'Temps forts', ar: 'المحطات البارزة', en: 'Key moments' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'startsOn', 'endsOn', 'priority'],
    group: { fr: 'Campagne', ar: 'الحملة', en: 'Campaign' },
  },
  defaultSort: 'startsOn',
  access: {
    read: staffOnly,
    create: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    update: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { fr: 'Titre', ar: 'العنوان', en: 'Title' } },
    {
      type: 'row',
      fields: [
        {
          name: 'startsOn',
          type: 'date',
          required: true,
          index: true,
          label: { fr: 'Début', ar: 'البداية', en: 'Starts on' },
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
        },
        {
          name: 'endsOn',
          type: 'date',
          required: true,
          label: { fr: 'Fin', ar: 'النهاية', en: 'Ends on' },
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
          validate: (value: unknown, { siblingData }: { siblingData: { startsOn?: string | Date | null } }) => {
            if (!value || !siblingData.startsOn) return true
            return new Date(value as string) >= new Date(siblingData.startsOn) ? true : 'La fin doit suivre le début / End must not be before start'
          },
        },
        {
          name: 'priority',
          type: 'select',
          required: true,
          defaultValue: 'medium',
          label: { fr: 'Priorité', ar: 'الأولوية', en: 'Priority' },
          options: [
            { value: 'high', label: { fr: 'Haute', ar: 'عالية', en: 'High' } },
            { value: 'medium', label: { fr: 'Moyenne', ar: 'متوسطة', en: 'Medium' } },
            { value: 'low', label: { fr: 'Basse', ar: 'منخفضة', en: 'Low' } },
          ],
        },
      ],
    },
    { name: 'description', type: 'textarea', localized: true, label: { fr: 'Description', ar: 'الوصف', en: 'Description' } },
    { name: 'themes', type: 'relationship', relationTo: 'themes', hasMany: true, label: { fr: 'Thèmes', ar: 'المحاور', en: 'Themes' } },
  ],
}
