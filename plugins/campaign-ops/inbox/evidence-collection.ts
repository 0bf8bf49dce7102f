import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import { option } from '../../../src/domain/labels'

export const interactionEvidenceSlug = 'interaction-evidence'

/** Who may read the archived copies: NCSC, who documents and escalates, and the legal experts. */
export const evidenceReaders = ['ncsc', 'legal'] as const

/**
 * A copy of an interaction taken before it is hidden or deleted on the network: text, author's
 * handle, times and link, so harassment or threats against the team can be documented and taken
 * further even once the network no longer shows them. Written by the server only; kept until
 * `expiresAt` (its own retention), then purged.
 */
export const interactionEvidenceCollection: CollectionConfig = {
  slug: interactionEvidenceSlug,
  labels: {
    singular: { fr: 'Pièce conservée', ar: 'نسخة محفوظة', en: 'Archived copy' },
    plural: { fr: 'Pièces conservées', ar: 'النسخ المحفوظة', en: 'Archived copies' },
  },
  admin: {
    useAsTitle: 'text',
    defaultColumns: ['text', 'network', 'authorHandle', 'action', 'capturedAt'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  access: {
    read: ({ req }) => hasRole(req.user, ...evidenceReaders),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  defaultSort: '-capturedAt',
  fields: [
    { name: 'interaction', type: 'relationship', relationTo: 'interactions', index: true, label: { fr: 'Interaction', ar: 'التفاعل', en: 'Interaction' } },
    { name: 'network', type: 'text', required: true, label: { fr: 'Réseau', ar: 'الشبكة', en: 'Network' } },
    { name: 'remoteId', type: 'text', required: true, label: { fr: 'Identifiant sur le réseau', ar: 'المعرّف على الشبكة', en: 'Id on the network' } },
    { name: 'text', type: 'textarea', label: { fr: 'Texte', ar: 'النص', en: 'Text' } },
    { name: 'authorHandle', type: 'text', label: { fr: 'Nom affiché de l’auteur', ar: 'اسم الكاتب الظاهر', en: 'Author’s display name' } },
    { name: 'authorPseudonym', type: 'text', label: { fr: 'Auteur (pseudonyme)', ar: 'الكاتب (اسم مستعار)', en: 'Author (pseudonym)' } },
    { name: 'permalink', type: 'text', label: { fr: 'Lien', ar: 'الرابط', en: 'Link' } },
    { name: 'writtenAt', type: 'date', label: { fr: 'Écrit le', ar: 'تاريخ الكتابة', en: 'Written at' } },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: [
        option('hide', { fr: 'Avant masquage', ar: 'قبل الإخفاء', en: 'Before hiding' }),
        option('delete', { fr: 'Avant suppression', ar: 'قبل الحذف', en: 'Before deletion' }),
      ],
      label: { fr: 'Conservée', ar: 'حُفظت', en: 'Kept' },
    },
    { name: 'reason', type: 'textarea', label: { fr: 'Motif', ar: 'السبب', en: 'Reason' } },
    { name: 'capturedBy', type: 'relationship', relationTo: 'users', label: { fr: 'Par', ar: 'بواسطة', en: 'By' } },
    { name: 'capturedAt', type: 'date', required: true, index: true, label: { fr: 'Conservée le', ar: 'تاريخ الحفظ', en: 'Kept at' } },
    { name: 'expiresAt', type: 'date', required: true, index: true, label: { fr: 'Conservée jusqu’au', ar: 'محفوظة حتى', en: 'Kept until' } },
  ],
}
