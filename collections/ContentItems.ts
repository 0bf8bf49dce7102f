import type { CollectionConfig } from 'payload'

import { staffOnly } from '../src/domain/access'
import { audiences, contentFormats } from '../src/domain/content-taxonomy'
import { option } from '../src/domain/labels'
import { hasRole } from '../src/domain/roles'
import { guardWorkflowState, recordInvalidation } from '../src/workflow/content-item-hooks'
import { availableTransitionsEndpoint, transitionEndpoint } from '../src/workflow/endpoints'
import { workflowStateLabels, workflowStateValues } from '../src/workflow/transition-table'

export { audiences, contentFormats }

export const workflowStates = workflowStateValues.map((state) => option(state, workflowStateLabels[state]))

const writers = ['admin', 'ncsc', 'consultant'] as const

/** The pedagogical unit: one message of the campaign, in fr/ar/Darija, with its assets. */
export const ContentItems: CollectionConfig = {
  slug: 'content-items',
  labels: {
    singular: { fr: 'Contenu', ar: 'محتوى', en: 'Content item' },
    plural: { fr: 'Contenus', ar: 'المحتويات', en: 'Content items' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'format', 'workflowState', 'sensitivity', 'keyMoment', 'updatedAt'],
    listSearchableFields: ['title', 'summary'],
    group: { fr: 'Contenus', ar: 'المحتوى', en: 'Content' },
    components: { edit: { beforeDocumentControls: ['/src/admin/WorkflowControls#WorkflowControls'] } },
  },
  versions: { maxPerDoc: 50 },
  endpoints: [transitionEndpoint, availableTransitionsEndpoint],
  access: {
    read: staffOnly,
    // Versions hold every draft: the same readers as the item itself.
    readVersions: staffOnly,
    create: ({ req }) => hasRole(req.user, ...writers),
    update: ({ req }) => hasRole(req.user, ...writers),
    delete: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  hooks: {
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation === 'create' && !data.owner && req.user) data.owner = req.user.id
        return data
      },
      guardWorkflowState,
    ],
    afterChange: [recordInvalidation],
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { fr: 'Titre', ar: 'العنوان', en: 'Title' } },
    {
      type: 'row',
      fields: [
        { name: 'format', type: 'select', required: true, options: contentFormats, index: true, label: { fr: 'Format', ar: 'الشكل', en: 'Format' } },
        {
          name: 'sensitivity',
          type: 'select',
          defaultValue: 'normal',
          index: true,
          label: { fr: 'Sensibilité', ar: 'الحساسية', en: 'Sensitivity' },
          options: [
            option('normal', { fr: 'Normale', ar: 'عادية', en: 'Normal' }),
            option('sensitive', { fr: 'Sensible (revue juridique)', ar: 'حساسة (مراجعة قانونية)', en: 'Sensitive (legal review)' }),
          ],
        },
      ],
    },
    { name: 'summary', type: 'textarea', localized: true, label: { fr: 'Résumé', ar: 'الملخص', en: 'Summary' } },
    { name: 'body', type: 'richText', localized: true, label: { fr: 'Corps', ar: 'النص', en: 'Body' } },
    { name: 'themes', type: 'relationship', relationTo: 'themes', hasMany: true, index: true, label: { fr: 'Thèmes', ar: 'المحاور', en: 'Themes' } },
    { name: 'audiences', type: 'select', hasMany: true, options: audiences, label: { fr: 'Publics cibles', ar: 'الفئات المستهدفة', en: 'Target audiences' } },
    { name: 'keyMoment', type: 'relationship', relationTo: 'key-moments', index: true, label: { fr: 'Temps fort', ar: 'المحطة', en: 'Key moment' } },
    {
      name: 'legalReferences',
      type: 'array',
      labels: {
        singular: { fr: 'Référence juridique', ar: 'مرجع قانوني', en: 'Legal reference' },
        plural: { fr: 'Références juridiques', ar: 'المراجع القانونية', en: 'Legal references' },
      },
      label: { fr: 'Références juridiques', ar: 'المراجع القانونية', en: 'Legal references' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'article', type: 'text', required: true, label: { fr: 'Article', ar: 'المادة', en: 'Article' } },
            { name: 'sourceUrl', type: 'text', label: { fr: 'Lien source', ar: 'رابط المصدر', en: 'Source link' } },
          ],
        },
        { name: 'text', type: 'textarea', localized: true, label: { fr: 'Texte', ar: 'النص', en: 'Text' } },
      ],
    },
    { name: 'assets', type: 'upload', relationTo: 'media', hasMany: true, label: { fr: 'Médias', ar: 'الوسائط', en: 'Assets' } },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      label: { fr: 'Responsable', ar: 'المسؤول', en: 'Owner' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'workflowHistory',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/admin/WorkflowTimeline#WorkflowTimeline' } },
    },
    {
      name: 'workflowState',
      type: 'select',
      defaultValue: 'draft',
      options: workflowStates,
      index: true,
      label: { fr: 'État', ar: 'الحالة', en: 'State' },
      // Moved only by workflow transitions; a direct write is refused (see guardWorkflowState).
      // A copy starts as a draft, whatever the state of its original.
      hooks: { beforeDuplicate: [() => 'draft'] },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
