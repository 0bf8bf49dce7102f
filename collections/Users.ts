import { randomBytes } from 'node:crypto'

import { APIError, ValidationError } from 'payload'
import type { CollectionConfig } from 'payload'

import { adminLanguages } from '../src/domain/languages'
import { translate } from '../src/i18n/translations'
import { hasRole, isAdmin, roles } from '../src/domain/roles'
import type { Role } from '../src/domain/roles'
import type { Localized } from '../src/i18n/catalogue'

const roleLabels: Record<Role, Localized> = {
  admin: { fr: 'Administrateur', ar: 'مسؤول النظام', en: 'Administrator' },
  ncsc: { fr: 'Équipe de campagne (NCSC)', ar: 'فريق الحملة', en: 'Campaign team (NCSC)' },
  legal: { fr: 'Expert juridique', ar: 'خبير قانوني', en: 'Legal expert' },
  consultant: { fr: 'Consultant contenu', ar: 'مستشار المحتوى', en: 'Content consultant' },
  cm: { fr: 'Community manager', ar: 'مدير المجتمع الرقمي', en: 'Community manager' },
  analyst: { fr: 'Analyste / partenaire', ar: 'محلل / شريك', en: 'Analyst / partner' },
  integration: { fr: 'Outil externe (clé API)', ar: 'أداة خارجية (مفتاح API)', en: 'External tool (API key)' },
}

type AccessArgs = { req: { user?: { id: number | string; role?: string | null } | null } }

/** Only admins see every account; everyone else sees their own (a tool too, to check its key). */
const adminOrSelf = ({ req }: AccessArgs) => {
  if (!req.user) return false
  if (isAdmin(req.user)) return true
  return { id: { equals: req.user.id } }
}

/** Only admins manage accounts; people edit their own profile; tools edit nothing. */
const adminOrOwnProfile = ({ req }: AccessArgs) => (hasRole(req.user, 'integration') ? false : adminOrSelf({ req }))

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { fr: 'Utilisateur', ar: 'مستخدم', en: 'User' },
    plural: { fr: 'Utilisateurs', ar: 'المستخدمون', en: 'Users' },
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role', 'language'],
    group: { fr: 'Administration', ar: 'الإدارة', en: 'Administration' },
  },
  auth: {
    useAPIKey: true,
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  access: {
    // Tools authenticate with an API key for the reporting API only, never the admin.
    admin: ({ req }) => Boolean(req.user) && !hasRole(req.user, 'integration'),
    create: ({ req }) => isAdmin(req.user),
    read: adminOrSelf,
    update: adminOrOwnProfile,
    delete: ({ req }) => isAdmin(req.user),
    unlock: ({ req }) => isAdmin(req.user),
  },
  hooks: {
    beforeOperation: [
      async ({ args, operation, req }) => {
        if ((operation !== 'update' && operation !== 'updateByID') || isAdmin(req.user) || (args as { overrideAccess?: boolean }).overrideAccess) return args
        const data = (args as { data?: { role?: unknown; apiKey?: unknown; enableAPIKey?: unknown } }).data
        if (!data) return args
        // A non-admin may never set a role, even their own current one to something else.
        if (data.role !== undefined && data.role !== req.user?.role) {
          throw new APIError(translate(req, 'cannotChangeOwnRole'), 403, null, true)
        }
        // Nor mint or switch on an API key (field access drops it too; this says so).
        const stored = async () =>
          (args as { id?: number | string }).id === undefined
            ? null
            : await req.payload
                .findByID({ collection: 'users', id: (args as { id: number | string }).id, depth: 0, overrideAccess: true, req })
                .catch(() => null)
        if ((typeof data.apiKey === 'string' && data.apiKey !== '') || (data.enableAPIKey === true && (await stored())?.enableAPIKey !== true)) {
          throw new APIError(translate(req, 'apiKeyOnlyByAdmin'), 403, null, true)
        }
        return args
      },
    ],
    beforeLogin: [
      ({ req, user }) => {
        if (hasRole(user, 'integration')) {
          throw new APIError(translate(req, 'integrationNoPasswordLogin'), 403, null, true)
        }
        return user
      },
    ],
    beforeValidate: [
      ({ data, operation }) => {
        // Tool accounts never use their password: give them an unguessable one nobody knows.
        if (operation === 'create' && data?.role === 'integration' && !data.password) {
          data.password = randomBytes(32).toString('base64url')
        }
        return data
      },
    ],
    beforeChange: [
      ({ data, originalDoc, operation, req }) => {
        const nextRole = data.role ?? originalDoc?.role
        if (operation === 'update' && req.user && originalDoc && String(req.user.id) === String(originalDoc.id)) {
          if (data.role !== undefined && data.role !== originalDoc.role) {
            throw new APIError(translate(req, 'cannotChangeOwnRole'), 403, null, true)
          }
        }
        // `data` holds the stored values merged in: what this write asks for is what differs.
        const freshKey = typeof data.apiKey === 'string' && data.apiKey !== ''
        const enabling = data.enableAPIKey === true && originalDoc?.enableAPIKey !== true
        if (nextRole !== 'integration' && (enabling || freshKey)) {
          throw new ValidationError(
            {
              collection: 'users',
              errors: [{ path: enabling ? 'enableAPIKey' : 'apiKey', message: translate(req, 'apiKeyOnlyForIntegration') }],
            },
            req.t,
          )
        }
        const roleChanged = operation === 'update' && data.role !== undefined && data.role !== originalDoc?.role
        const keysOff = data.enableAPIKey === false || nextRole !== 'integration'
        if (keysOff || (roleChanged && !freshKey)) {
          // Revoked in this very write: the key's index goes with it, so the key stops working at once.
          data.enableAPIKey = false
          data.apiKey = null
          data.apiKeyIndex = null
        }
        return data
      },
    ],
  },
  fields: [
    {
      // Payload's API key field, with Badil's rule: only an administrator sets, rotates or switches
      // keys (on integration accounts, checked in beforeChange). Payload gives the same access to
      // `enableAPIKey` and the key's lookup index.
      name: 'apiKey',
      type: 'text',
      access: { create: ({ req }) => isAdmin(req.user), update: ({ req }) => isAdmin(req.user) },
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { fr: 'Nom', ar: 'الاسم', en: 'Name' },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      label: { fr: 'Rôle', ar: 'الدور', en: 'Role' },
      options: roles.map((role) => ({ value: role, label: roleLabels[role] })),
      access: {
        create: ({ req }) => isAdmin(req.user),
        update: ({ req }) => isAdmin(req.user),
      },
      admin: { position: 'sidebar' },
      index: true,
    },
    {
      // sha256 of the token in the user's private calendar feed URL; the token itself is never stored.
      name: 'calendarFeedTokenHash',
      type: 'text',
      index: true,
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'fr',
      label: { fr: "Langue de l'interface", ar: 'لغة الواجهة', en: 'Interface language' },
      options: adminLanguages.map((language) => ({ value: language.code, label: language.label })),
      admin: {
        position: 'sidebar',
        description: {
          fr: "L'interface d'administration s'affiche dans cette langue.",
          ar: 'تُعرض واجهة الإدارة بهذه اللغة.',
          en: 'The admin interface is shown in this language.',
        },
      },
    },
  ],
}
