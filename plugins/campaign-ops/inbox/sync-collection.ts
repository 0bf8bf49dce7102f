import type { CollectionConfig } from 'payload'

import { hasRole } from '../../../src/domain/roles'

export const inboxSyncSlug = 'inbox-sync'

/**
 * How well each of our posts is heard, per network account: when its last webhook event and its
 * last poll came, and how many comments only the poll found (webhooks lose some silently: a
 * subscription missing, a delivery dropped). The poll's `lastPollAt` is also its cursor: the next
 * poll reads back to it. Written by the inbox only.
 */
export const inboxSyncCollection: CollectionConfig = {
  slug: inboxSyncSlug,
  labels: {
    singular: { fr: 'Réception d’une publication', ar: 'استقبال منشور', en: 'Post sync' },
    plural: { fr: 'État de la réception', ar: 'حالة الاستقبال', en: 'Inbox sync' },
  },
  admin: {
    useAsTitle: 'postRemoteId',
    defaultColumns: ['postRemoteId', 'network', 'lastWebhookAt', 'lastPollAt', 'foundOnlyByPolling'],
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
  },
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  indexes: [{ fields: ['network', 'accountRemoteId', 'postRemoteId'], unique: true }],
  fields: [
    { name: 'network', type: 'text', required: true, label: { fr: 'Réseau', ar: 'الشبكة', en: 'Network' } },
    { name: 'accountRemoteId', type: 'text', required: true, label: { fr: 'Compte sur le réseau', ar: 'الحساب على الشبكة', en: 'Account on the network' } },
    { name: 'postRemoteId', type: 'text', required: true, label: { fr: 'Publication', ar: 'المنشور', en: 'Post' } },
    { name: 'lastWebhookAt', type: 'date', label: { fr: 'Dernière notification', ar: 'آخر إشعار', en: 'Last webhook event' } },
    { name: 'lastPollAt', type: 'date', label: { fr: 'Dernier relevé', ar: 'آخر جلب', en: 'Last poll' } },
    {
      name: 'foundOnlyByPolling',
      type: 'number',
      defaultValue: 0,
      label: { fr: 'Trouvés seulement par relevé', ar: 'وُجدت بالجلب فقط', en: 'Found only by polling' },
    },
    { name: 'lastPollError', type: 'textarea', label: { fr: 'Dernière erreur de relevé', ar: 'آخر خطأ في الجلب', en: 'Last poll error' } },
  ],
}
