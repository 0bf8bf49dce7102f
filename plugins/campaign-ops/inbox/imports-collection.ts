import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import { importProgressFields, importRecordFields } from './import-progress-fields'

export const inboxImportsSlug = 'inbox-imports'

/**
 * A file of comments imported by hand (a network without API access, or its own export): the rows
 * as read, how far the import went, and what became of each row. The import runs in the
 * background and resumes after a restart from `processed`; its progress is read here.
 */
export const inboxImportsCollection: CollectionConfig = {
  slug: inboxImportsSlug,
  labels: {
    singular: { fr: 'Import de commentaires', ar: 'استيراد تعليقات', en: 'Comment import' },
    plural: { fr: 'Imports de commentaires', ar: 'استيرادات التعليقات', en: 'Comment imports' },
  },
  admin: {
    useAsTitle: 'fileName',
    defaultColumns: ['fileName', 'network', 'status', 'processed', 'total', 'createdAt'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'fileName', type: 'text', label: { fr: 'Fichier', ar: 'الملف', en: 'File' } },
    { name: 'network', type: 'text', required: true, label: { fr: 'Réseau', ar: 'الشبكة', en: 'Network' } },
    { name: 'accountRemoteId', type: 'text', required: true, label: { fr: 'Compte sur le réseau', ar: 'الحساب على الشبكة', en: 'Account on the network' } },
    ...importProgressFields,
    { name: 'created', type: 'number', defaultValue: 0, label: { fr: 'Nouvelles', ar: 'جديدة', en: 'New' } },
    { name: 'duplicates', type: 'number', defaultValue: 0, label: { fr: 'Déjà présentes', ar: 'موجودة سلفا', en: 'Already there' } },
    { name: 'invalid', type: 'number', defaultValue: 0, label: { fr: 'Refusées', ar: 'مرفوضة', en: 'Refused' } },
    ...importRecordFields,
  ],
}
