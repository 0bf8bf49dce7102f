import type { CollectionConfig, CollectionSlug } from 'payload'

import { option } from '../../../src/domain/labels'
import { hasRole } from '../../../src/domain/roles'

/** Where a reply stands, from written to sent (or refused). */
export const interactionReplyStateOptions = [
  option('awaiting_approval', { fr: 'En attente du NCSC', ar: 'في انتظار NCSC', en: 'Awaiting NCSC' }),
  option('pending', { fr: 'À envoyer', ar: 'في انتظار الإرسال', en: 'To send' }),
  option('sending', { fr: 'En cours d’envoi', ar: 'قيد الإرسال', en: 'Sending' }),
  option('sent', { fr: 'Envoyée', ar: 'أُرسل', en: 'Sent' }),
  option('failed', { fr: 'Échec', ar: 'فشل', en: 'Failed' }),
  option('outcome_unknown', { fr: 'Issue inconnue, à vérifier', ar: 'نتيجة غير معروفة، يلزم التحقق', en: 'Outcome unknown, to check' }),
  option('rejected', { fr: 'Refusée par le NCSC', ar: 'رفضها NCSC', en: 'Rejected by NCSC' }),
]

export const interactionRepliesSlug = 'interaction-replies'

export const replyStates = ['awaiting_approval', 'pending', 'sending', 'sent', 'failed', 'outcome_unknown', 'rejected'] as const
export type ReplyState = (typeof replyStates)[number]

/**
 * The inbox's outbox: each reply Badil sends on a thread, one row per idempotency key, so a reply
 * is never sent twice — a repeated request finds its row, and only the request that moves a row
 * from pending to sending calls the network. Written by the inbox's endpoints only.
 */
export const interactionRepliesCollection: CollectionConfig = {
  slug: interactionRepliesSlug,
  labels: {
    singular: { fr: 'Réponse envoyée', ar: 'رد مرسل', en: 'Reply' },
    plural: { fr: 'Réponses envoyées', ar: 'الردود المرسلة', en: 'Replies' },
  },
  admin: {
    useAsTitle: 'text',
    defaultColumns: ['text', 'state', 'author', 'sentAt'],
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
    {
      name: 'interaction',
      type: 'relationship',
      relationTo: 'interactions',
      required: true,
      index: true,
      label: { fr: 'Interaction', ar: 'التفاعل', en: 'Interaction' },
    },
    { name: 'template', type: 'relationship', relationTo: 'response-templates' as CollectionSlug, label: { fr: 'Modèle', ar: 'النموذج', en: 'Template' } },
    { name: 'text', type: 'textarea', required: true, label: { fr: 'Texte', ar: 'النص', en: 'Text' } },
    { name: 'idempotencyKey', type: 'text', required: true, unique: true, label: { fr: 'Clé d’unicité', ar: 'مفتاح التفرد', en: 'Idempotency key' } },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      options: interactionReplyStateOptions,
      label: { fr: 'État', ar: 'الحالة', en: 'State' },
    },
    { name: 'author', type: 'relationship', relationTo: 'users', label: { fr: 'Écrite par', ar: 'كتبها', en: 'Written by' } },
    { name: 'approvedBy', type: 'relationship', relationTo: 'users', label: { fr: 'Approuvée par', ar: 'اعتمدها', en: 'Approved by' } },
    { name: 'remoteId', type: 'text', label: { fr: 'Identifiant sur le réseau', ar: 'المعرّف على الشبكة', en: 'Id on the network' } },
    { name: 'error', type: 'textarea', label: { fr: 'Erreur', ar: 'الخطأ', en: 'Error' } },
    { name: 'sentAt', type: 'date', label: { fr: 'Envoyée le', ar: 'تاريخ الإرسال', en: 'Sent at' } },
  ],
}
