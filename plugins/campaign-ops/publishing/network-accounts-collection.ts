import { ValidationError } from 'payload'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { computedByServer } from '../../../src/domain/access'
import { hasRole } from '../../../src/domain/roles'
import { requestLanguage } from '../../../src/i18n/request-language'
import { pluginText } from '../translations'
import { networkLabels, networks } from '../networks/registry'
import type { TokenCipher } from './token-crypto'
import { rscComponent } from '../admin-components'

export const networkAccountsSlug = 'network-accounts'

export const accountStatuses = [
  { value: 'ok', label: { fr: 'Connecté', ar: 'متصل', en: 'Connected' } },
  { value: 'needs_reconnect', label: { fr: 'À reconnecter', ar: 'يحتاج إعادة الربط', en: 'Needs reconnect' } },
  { value: 'rate_limited', label: { fr: 'Limité par le réseau', ar: 'محدود من المنصة', en: 'Rate limited' } },
]

/** Purposes bound to each sealed value (see token-crypto). */
export const tokenPurpose = { access: 'network-account:access', refresh: 'network-account:refresh' } as const

/**
 * Seals the tokens pasted in the write-only fields, and never keeps the plain text: the sealed
 * columns are hidden from every API, so no response or log can carry a token.
 */
function sealPastedTokens(cipher: TokenCipher): CollectionBeforeChangeHook {
  return ({ data, originalDoc, operation, req }) => {
    const pastedAccess = typeof data.accessToken === 'string' ? data.accessToken.trim() : ''
    const pastedRefresh = typeof data.refreshToken === 'string' ? data.refreshToken.trim() : ''
    delete data.accessToken
    delete data.refreshToken
    if (pastedAccess) {
      data.accessTokenSealed = cipher.encrypt(pastedAccess, tokenPurpose.access)
      data.connectedAt = new Date().toISOString()
      // A new token clears a "needs reconnect" left by the old one.
      data.status = 'ok'
      data.lastError = null
    }
    if (pastedRefresh) data.refreshTokenSealed = cipher.encrypt(pastedRefresh, tokenPurpose.refresh)
    const connection = data.connection ?? originalDoc?.connection ?? 'api'
    const hasToken = Boolean(data.accessTokenSealed ?? originalDoc?.accessTokenSealed)
    if (operation === 'create' && connection === 'api' && !hasToken) {
      // A field error: the admin marks the field, and API callers get its path.
      throw new ValidationError(
        {
          collection: 'network-accounts',
          errors: [{ path: 'accessToken', message: pluginText('collectionRefusals:accessTokenRequired')[requestLanguage(req)] }],
        },
        req.t,
      )
    }
    return data
  }
}

export function networkAccountsCollection(cipher: TokenCipher): CollectionConfig {
  return {
    slug: networkAccountsSlug,
    labels: {
      singular: { fr: 'Compte réseau', ar: 'حساب منصة', en: 'Network account' },
      plural: { fr: 'Comptes réseaux', ar: 'حسابات المنصات', en: 'Network accounts' },
    },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'network', 'connection', 'status', 'tokenExpiresAt'],
      group: { fr: 'Publication', ar: 'النشر', en: 'Publishing' },
      components: {
        // The OAuth callback's message, then the "Connect with <network>" buttons (admins only).
        beforeList: [rscComponent('OAuthNotice'), rscComponent('NetworkAccountsConnect')],
      },
    },
    access: {
      // Names and statuses are shown to the people who schedule; only admins manage accounts.
      read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
      create: ({ req }) => hasRole(req.user, 'admin'),
      update: ({ req }) => hasRole(req.user, 'admin'),
      delete: ({ req }) => hasRole(req.user, 'admin'),
    },
    indexes: [{ fields: ['network', 'accountId'], unique: true }],
    // A copy would carry the sealed tokens and break the one-account-per-id index.
    disableDuplicate: true,
    hooks: { beforeChange: [sealPastedTokens(cipher)] },
    fields: [
      // The OAuth callback's message on the account's page (`?oauthConnected=1`); nothing otherwise.
      { name: 'oauthNotice', type: 'ui', admin: { components: { Field: rscComponent('OAuthNoticeField') } } },
      {
        type: 'row',
        fields: [
          {
            name: 'network',
            type: 'select',
            required: true,
            options: networks.map((network) => ({ value: network, label: networkLabels[network] })),
            label: { fr: 'Réseau', ar: 'المنصة', en: 'Network' },
          },
          {
            name: 'connection',
            type: 'select',
            required: true,
            defaultValue: 'api',
            options: [
              { value: 'api', label: { fr: 'API du réseau', ar: 'واجهة المنصة', en: 'Network API' } },
              { value: 'manual', label: { fr: 'Manuelle (kit à publier)', ar: 'يدوي (حزمة للنشر)', en: 'Manual (ready-to-post kit)' } },
            ],
            label: { fr: 'Publication', ar: 'طريقة النشر', en: 'Publishing' },
          },
        ],
      },
      { name: 'name', type: 'text', required: true, label: { fr: 'Nom', ar: 'الاسم', en: 'Name' } },
      {
        name: 'accountId',
        type: 'text',
        required: true,
        label: { fr: 'Identifiant du compte', ar: 'معرّف الحساب', en: 'Account id' },
        admin: {
          description: {
            fr: 'Id de la Page, de l’utilisateur Instagram, URN de l’organisation LinkedIn, id de chaîne, open_id TikTok…',
            ar: 'معرّف الصفحة أو مستخدم إنستغرام أو منظمة لينكدإن أو القناة أو open_id في تيك توك…',
            en: 'Page id, Instagram user id, LinkedIn organization URN, channel id, TikTok open_id…',
          },
        },
      },
      {
        name: 'accessToken',
        type: 'text',
        virtual: true,
        label: { fr: 'Coller un jeton d’accès', ar: 'لصق رمز الوصول', en: 'Paste an access token' },
        admin: {
          description: {
            fr: 'Chiffré à l’enregistrement et jamais réaffiché. Laisser vide pour garder le jeton actuel.',
            ar: 'يُشفَّر عند الحفظ ولا يُعرض أبدا. اتركه فارغا للإبقاء على الرمز الحالي.',
            en: 'Encrypted on save and never shown again. Leave empty to keep the current token.',
          },
          condition: (data) => data?.connection !== 'manual',
        },
        hooks: { afterRead: [() => undefined] },
      },
      {
        name: 'refreshToken',
        type: 'text',
        virtual: true,
        label: { fr: 'Coller un jeton de renouvellement', ar: 'لصق رمز التجديد', en: 'Paste a refresh token' },
        admin: { condition: (data) => data?.connection !== 'manual' },
        hooks: { afterRead: [() => undefined] },
      },
      { name: 'accessTokenSealed', type: 'text', hidden: true, access: computedByServer },
      {
        // "Renew token" (POST /api/network-accounts/:id/refresh) and "Reconnect with <network>".
        name: 'tokenRenewal',
        type: 'ui',
        admin: {
          position: 'sidebar',
          condition: (data) => data?.connection !== 'manual',
          components: { Field: rscComponent('RenewTokenField') },
        },
      },
      { name: 'refreshTokenSealed', type: 'text', hidden: true, access: computedByServer },
      {
        name: 'tokenExpiresAt',
        type: 'date',
        label: { fr: 'Expiration du jeton', ar: 'انتهاء صلاحية الرمز', en: 'Token expires' },
        admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      },
      { name: 'scopes', type: 'text', access: computedByServer, label: { fr: 'Permissions', ar: 'الصلاحيات', en: 'Scopes' }, admin: { readOnly: true } },
      {
        name: 'status',
        type: 'select',
        access: computedByServer,
        defaultValue: 'ok',
        options: accountStatuses,
        label: { fr: 'État', ar: 'الحالة', en: 'Status' },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'rateLimitedUntil',
        type: 'date',
        access: computedByServer,
        label: { fr: 'Limité jusqu’à', ar: 'محدود حتى', en: 'Rate limited until' },
        admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'lastError',
        type: 'textarea',
        access: computedByServer,
        label: { fr: 'Dernière erreur', ar: 'آخر خطأ', en: 'Last error' },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'inboxSilentSince',
        type: 'date',
        access: computedByServer,
        label: { fr: 'Plus rien reçu depuis', ar: 'لم يصل أي شيء منذ', en: 'Nothing received since' },
        admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.inboxSilentSince), date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'connectedAt',
        type: 'date',
        access: computedByServer,
        label: { fr: 'Connecté le', ar: 'تاريخ الربط', en: 'Connected at' },
        admin: { position: 'sidebar', readOnly: true },
      },
    ],
  }
}
