import { randomBytes } from 'node:crypto'

import { ValidationError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { hasRole } from '../../../src/domain/roles'
import { requestLanguage } from '../../../src/i18n/request-language'
import { pluginText } from '../translations'
import type { TokenCipher } from './token-crypto'
import { privateTargetReason } from './webhook-delivery'
import type { WebhookTarget } from './webhook-delivery'

export const webhookSubscriptionsSlug = 'webhook-subscriptions'
export const publicationEvents = ['publication.succeeded', 'publication.failed', 'publication.outcome_unknown'] as const
export type PublicationEvent = (typeof publicationEvents)[number]
export const webhookSecretPurpose = 'webhook-subscription:secret'

/**
 * The signing secret is sealed like a network token. On creation without one, Badil generates it
 * and returns it once, in that response only (`generatedSecret`), for the receiver to keep.
 */
function sealSecret(cipher: TokenCipher): CollectionBeforeChangeHook {
  return ({ data, operation, req }) => {
    const given = typeof data.secret === 'string' ? data.secret.trim() : ''
    delete data.secret
    if (given && given.length < 16) {
      // A field error: the admin marks the field, and API callers get its path.
      throw new ValidationError(
        { collection: 'webhook-subscriptions', errors: [{ path: 'secret', message: pluginText('collectionRefusals:secretTooShort')[requestLanguage(req)] }] },
        req.t,
      )
    }
    if (given) data.secretSealed = cipher.encrypt(given, webhookSecretPurpose)
    else if (operation === 'create') {
      const generated = randomBytes(32).toString('hex')
      data.secretSealed = cipher.encrypt(generated, webhookSecretPurpose)
      req.context.generatedWebhookSecret = generated
    }
    return data
  }
}

export function webhookSubscriptionsCollection(cipher: TokenCipher, target: WebhookTarget): CollectionConfig {
  return {
    slug: webhookSubscriptionsSlug,
    labels: {
      singular: { fr: 'Webhook sortant', ar: 'ويب هوك صادر', en: 'Outbound webhook' },
      plural: { fr: 'Webhooks sortants', ar: 'ويب هوكات صادرة', en: 'Outbound webhooks' },
    },
    admin: {
      useAsTitle: 'url',
      defaultColumns: ['url', 'events', 'active', 'lastStatus', 'lastDeliveryAt'],
      group: { fr: 'Publication', ar: 'النشر', en: 'Publishing' },
    },
    access: {
      read: ({ req }) => hasRole(req.user, 'admin'),
      create: ({ req }) => hasRole(req.user, 'admin'),
      update: ({ req }) => hasRole(req.user, 'admin'),
      delete: ({ req }) => hasRole(req.user, 'admin'),
    },
    // A copy would share the signing secret that was shown once.
    disableDuplicate: true,
    hooks: {
      beforeChange: [sealSecret(cipher)],
      afterChange: [
        ({ doc, req }) => {
          const generated = req.context.generatedWebhookSecret
          if (typeof generated !== 'string') return doc
          delete req.context.generatedWebhookSecret
          return { ...doc, generatedSecret: generated }
        },
      ],
    },
    fields: [
      {
        name: 'url',
        type: 'text',
        required: true,
        label: { fr: 'URL', ar: 'الرابط', en: 'URL' },
        validate: (value: unknown) => {
          if (!(typeof value === 'string' && /^https?:\/\//.test(value) && URL.canParse(value))) return 'Must be an http(s) URL'
          const refusal = privateTargetReason(value, target)
          return refusal ? `Must be a public address (this is ${refusal}; WEBHOOK_ALLOW_PRIVATE=true allows it)` : true
        },
      },
      {
        name: 'events',
        type: 'select',
        hasMany: true,
        required: true,
        options: publicationEvents.map((event) => ({ value: event, label: event })),
        label: { fr: 'Événements', ar: 'الأحداث', en: 'Events' },
      },
      { name: 'active', type: 'checkbox', defaultValue: true, label: { fr: 'Actif', ar: 'مفعل', en: 'Active' } },
      {
        name: 'secret',
        type: 'text',
        virtual: true,
        label: { fr: 'Secret de signature', ar: 'سر التوقيع', en: 'Signing secret' },
        admin: {
          description: {
            fr: 'HMAC-SHA256 (en-tête X-Badil-Signature). Vide à la création : Badil en génère un et le montre une seule fois.',
            ar: 'HMAC-SHA256 (ترويسة X-Badil-Signature). إن تُرك فارغا عند الإنشاء يولّد النظام سرا ويعرضه مرة واحدة.',
            en: 'HMAC-SHA256 (X-Badil-Signature header). Empty on creation: Badil generates one and shows it once.',
          },
        },
        hooks: { afterRead: [() => undefined] },
      },
      { name: 'secretSealed', type: 'text', hidden: true, access: computedByServer },
      {
        name: 'lastDeliveryAt',
        type: 'date',
        access: computedByServer,
        admin: { readOnly: true, position: 'sidebar' },
        label: { fr: 'Dernier envoi', ar: 'آخر إرسال', en: 'Last delivery' },
      },
      {
        name: 'lastStatus',
        type: 'text',
        access: computedByServer,
        admin: { readOnly: true, position: 'sidebar' },
        label: { fr: 'Dernier statut', ar: 'آخر حالة', en: 'Last status' },
      },
    ],
  }
}
