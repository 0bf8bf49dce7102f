import type { CollectionConfig } from 'payload'

import { staffOnly } from '../src/domain/access'
import { hasRole } from '../src/domain/roles'

/** The campaign's themes (community service, electronic monitoring, …); NCSC extends the list. */
export const Themes: CollectionConfig = {
  slug: 'themes',
  labels: {
    singular: { fr: 'Thème', ar: 'محور', en: 'Theme' },
    plural: { fr: 'Thèmes', ar: 'المحاور', en: 'Themes' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: { fr: 'Campagne', ar: 'الحملة', en: 'Campaign' } },
  access: {
    read: staffOnly,
    create: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    update: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
    delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { fr: 'Nom', ar: 'الاسم', en: 'Name' } },
    { name: 'slug', type: 'text', required: true, unique: true, index: true, label: { fr: 'Identifiant', ar: 'المعرّف', en: 'Slug' } },
    { name: 'description', type: 'textarea', localized: true, label: { fr: 'Description', ar: 'الوصف', en: 'Description' } },
  ],
}
