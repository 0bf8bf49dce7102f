/**
 * The fields every background file import keeps (comments into the inbox, figures into the
 * reports): the rows as read, how far the import went, who started it, and what became of each
 * row. The import resumes after a restart from `processed`, under the lease in `claimedUntil`.
 */
import type { Field } from 'payload'

import { option } from '../../../src/domain/labels'

/** Status and size, to place before the import's own counts. */
export const importProgressFields: Field[] = [
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'queued',
    options: [
      option('queued', { fr: 'En attente', ar: 'في الانتظار', en: 'Queued' }),
      option('running', { fr: 'En cours', ar: 'جارٍ', en: 'Running' }),
      option('done', { fr: 'Terminé', ar: 'انتهى', en: 'Done' }),
    ],
    label: { fr: 'État', ar: 'الحالة', en: 'Status' },
  },
  { name: 'total', type: 'number', required: true, label: { fr: 'Lignes', ar: 'الأسطر', en: 'Rows' } },
  { name: 'processed', type: 'number', defaultValue: 0, label: { fr: 'Lignes traitées', ar: 'الأسطر المعالجة', en: 'Rows processed' } },
]

/** The rows, the per-row report, the lease and who started it, to place after the counts. */
export const importRecordFields: Field[] = [
  { name: 'rows', type: 'json', required: true, admin: { hidden: true } },
  { name: 'report', type: 'json', label: { fr: 'Compte rendu par ligne', ar: 'تقرير كل سطر', en: 'Per-row report' } },
  { name: 'claimedUntil', type: 'date', admin: { hidden: true } },
  { name: 'startedBy', type: 'relationship', relationTo: 'users', label: { fr: 'Lancé par', ar: 'أطلقه', en: 'Started by' } },
  { name: 'finishedAt', type: 'date', label: { fr: 'Terminé le', ar: 'انتهى في', en: 'Finished at' } },
]
