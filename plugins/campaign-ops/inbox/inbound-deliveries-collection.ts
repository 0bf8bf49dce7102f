import type { CollectionConfig } from 'payload'

export const inboundDeliveriesSlug = 'inbound-deliveries'

/**
 * Every webhook delivery a network made, stored as received (after its signature was checked)
 * before the network is answered, then read into interactions by the inbox's job. A delivery
 * retried by the network is stored once (same bytes, same key). Server only: no API reads or
 * writes it; it is the evidence of what the networks sent.
 */
export const inboundDeliveriesCollection: CollectionConfig = {
  slug: inboundDeliveriesSlug,
  labels: {
    singular: { fr: 'Notification reçue', ar: 'إشعار مستلم', en: 'Received delivery' },
    plural: { fr: 'Notifications reçues', ar: 'الإشعارات المستلمة', en: 'Received deliveries' },
  },
  admin: { hidden: true },
  graphQL: false,
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  indexes: [{ fields: ['processedAt', 'claimedUntil'] }],
  fields: [
    { name: 'source', type: 'text', required: true },
    /** SHA-256 of the raw body: a delivery the network retries has the same bytes. */
    { name: 'deliveryKey', type: 'text', required: true, unique: true },
    { name: 'body', type: 'json', required: true },
    { name: 'receivedAt', type: 'date', required: true },
    { name: 'claimedUntil', type: 'date' },
    { name: 'processedAt', type: 'date' },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'text' },
  ],
}
