import type { PayloadRequest } from 'payload'

/**
 * Badil's own admin and API strings, under the `badil` namespace of Payload's i18n, in every admin
 * language. Payload's own strings come from @payloadcms/translations.
 */
export const badilTranslations = {
  fr: {
    badil: {
      cannotChangeOwnRole: 'Vous ne pouvez pas modifier votre propre rôle ; demandez à un administrateur.',
      integrationNoPasswordLogin: "Les comptes d'intégration s'authentifient uniquement par clé API et ne peuvent pas se connecter par mot de passe.",
      apiKeyOnlyForIntegration: 'Les clés API sont réservées aux comptes de rôle « Outil externe ».',
      apiKeyOnlyByAdmin: 'Seul un administrateur crée ou renouvelle une clé API.',
    },
  },
  ar: {
    badil: {
      cannotChangeOwnRole: 'لا يمكنك تغيير دورك بنفسك؛ اطلب ذلك من مسؤول النظام.',
      integrationNoPasswordLogin: 'حسابات التكامل تُصادَق بمفتاح API فقط ولا يمكنها تسجيل الدخول بكلمة مرور.',
      apiKeyOnlyForIntegration: 'مفاتيح API مخصصة لحسابات دور «أداة خارجية» فقط.',
      apiKeyOnlyByAdmin: 'لا ينشئ مفتاح API أو يجدده إلا مسؤول النظام.',
    },
  },
  en: {
    badil: {
      cannotChangeOwnRole: 'You cannot change your own role; ask an administrator.',
      integrationNoPasswordLogin: 'Integration accounts authenticate with an API key only and cannot log in with a password.',
      apiKeyOnlyForIntegration: 'API keys are reserved for accounts with the "External tool" role.',
      apiKeyOnlyByAdmin: 'Only an administrator creates or renews an API key.',
    },
  },
} as const

export type BadilTranslationKey = keyof (typeof badilTranslations)['en']['badil']

/** Translates one of Badil's strings in the request's language (Payload's `t` is typed for its own keys). */
export function translate(req: Pick<PayloadRequest, 't'>, key: BadilTranslationKey): string {
  return (req.t as (key: string) => string)(`badil:${key}`)
}
