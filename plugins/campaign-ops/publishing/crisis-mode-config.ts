import type { CollectionConfig, GlobalConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import { clientComponent } from '../admin-components'

export const crisisModeSlug = 'crisis-mode'
export const crisisEventsSlug = 'crisis-mode-events'

/**
 * The crisis switch. It is read by every scheduler tick (in the claim's SQL) and by the admin
 * banner; it is switched through `POST /api/publishing/crisis` (ncsc/admin, with a reason), never
 * by writing the global, so every switch is logged with its reason.
 */
export const crisisModeGlobal: GlobalConfig = {
  slug: crisisModeSlug,
  label: { fr: 'Mode crise', ar: 'وضع الأزمة', en: 'Crisis mode' },
  admin: {
    group: { fr: 'Publication', ar: 'النشر', en: 'Publishing' },
    components: {
      elements: {
        // The switch (ncsc/admin), with its required reason and a confirmation; the fields are read-only.
        Description: { path: clientComponent('CrisisModeControl'), clientProps: { hideTitle: true } },
      },
    },
  },
  access: {
    read: ({ req }) => Boolean(req.user) && !hasRole(req.user, 'integration'),
    update: () => false,
  },
  fields: [
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: false,
      label: { fr: 'Publication suspendue', ar: 'النشر موقوف', en: 'Publishing paused' },
      admin: { readOnly: true },
    },
    { name: 'reason', type: 'textarea', label: { fr: 'Raison', ar: 'السبب', en: 'Reason' }, admin: { readOnly: true } },
    { name: 'changedBy', type: 'relationship', relationTo: 'users', label: { fr: 'Par', ar: 'بواسطة', en: 'By' }, admin: { readOnly: true } },
    { name: 'changedAt', type: 'date', label: { fr: 'Depuis', ar: 'منذ', en: 'Since' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
  ],
}

/** Every switch of crisis mode, with who, when and why; appended by the server only. */
export const crisisEventsCollection: CollectionConfig = {
  slug: crisisEventsSlug,
  labels: {
    singular: { fr: 'Bascule du mode crise', ar: 'تبديل وضع الأزمة', en: 'Crisis mode switch' },
    plural: { fr: 'Journal du mode crise', ar: 'سجل وضع الأزمة', en: 'Crisis mode log' },
  },
  admin: {
    useAsTitle: 'reason',
    defaultColumns: ['active', 'reason', 'actor', 'at', 'heldVariants'],
    group: { fr: 'Publication', ar: 'النشر', en: 'Publishing' },
  },
  defaultSort: '-at',
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    { name: 'active', type: 'checkbox', required: true, label: { fr: 'Suspendue', ar: 'موقوف', en: 'Paused' } },
    { name: 'reason', type: 'textarea', required: true, label: { fr: 'Raison', ar: 'السبب', en: 'Reason' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', required: true, label: { fr: 'Par', ar: 'بواسطة', en: 'By' } },
    { name: 'at', type: 'date', required: true, label: { fr: 'Le', ar: 'في', en: 'At' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'heldVariants',
      type: 'number',
      label: { fr: 'Variantes retenues', ar: 'الصيغ المحتجزة', en: 'Variants held' },
      admin: {
        description: {
          fr: 'À la levée : variantes arrivées à échéance pendant la pause, qui attendent d’être relâchées ou reprogrammées.',
          ar: 'عند الرفع: الصيغ التي حان موعدها أثناء التوقف وتنتظر الإطلاق أو إعادة البرمجة.',
          en: 'On release: variants that fell due during the pause and wait to be released or rescheduled.',
        },
      },
    },
  ],
}
