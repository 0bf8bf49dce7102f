import type { CollectionConfig } from 'payload'

import { staffOnly } from '../src/domain/access'

/**
 * Who did what in the editorial workflow: every transition, invalidation and variant approval,
 * with the reason and a hash of what was approved. Written only by the workflow's server code;
 * nobody updates or deletes it, admins included.
 */
export const WorkflowEvents: CollectionConfig = {
  slug: 'workflow-events',
  labels: {
    singular: { fr: 'Événement de validation', ar: 'حدث مسار المصادقة', en: 'Workflow event' },
    plural: { fr: 'Historique de validation', ar: 'سجل مسار المصادقة', en: 'Workflow history' },
  },
  admin: {
    defaultColumns: ['at', 'kind', 'contentItem', 'from', 'to', 'actor', 'role'],
    group: { fr: 'Contenus', ar: 'المحتوى', en: 'Content' },
  },
  defaultSort: '-at',
  access: {
    read: staffOnly,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: ['transition', 'invalidation', 'variant_approval', 'variant_revocation'],
      label: { fr: 'Type', ar: 'النوع', en: 'Kind' },
    },
    { name: 'transition', type: 'text', label: { fr: 'Transition', ar: 'الانتقال', en: 'Transition' } },
    { name: 'contentItem', type: 'relationship', relationTo: 'content-items', index: true, label: { fr: 'Contenu', ar: 'المحتوى', en: 'Content item' } },
    { name: 'variant', type: 'relationship', relationTo: 'platform-variants', index: true, label: { fr: 'Variante', ar: 'الصيغة', en: 'Variant' } },
    { name: 'from', type: 'text', label: { fr: 'De', ar: 'من', en: 'From' } },
    { name: 'to', type: 'text', label: { fr: 'Vers', ar: 'إلى', en: 'To' } },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: { fr: 'Acteur', ar: 'الفاعل', en: 'Actor' } },
    { name: 'role', type: 'text', label: { fr: 'Rôle', ar: 'الدور', en: 'Role' } },
    { name: 'reason', type: 'textarea', label: { fr: 'Motif', ar: 'السبب', en: 'Reason' } },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      label: { fr: 'Date', ar: 'التاريخ', en: 'At' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'snapshotHash', type: 'text', label: { fr: 'Empreinte du contenu', ar: 'بصمة المحتوى', en: 'Snapshot hash' } },
  ],
}
