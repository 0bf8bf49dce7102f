import type { PayloadRequest } from 'payload'

import { localizedTexts, namespacedTranslate } from './catalogue'
import type { CatalogueKey, SameKeys, TranslationVars } from './catalogue'

/**
 * The app's strings, under the `badil` namespace of Payload's i18n, in every admin language
 * (Payload's own strings come from @payloadcms/translations; the plugin's are in its own folder).
 * English first: French and Arabic must have the same keys. Grouped by the screen or component
 * that shows them; `{{name}}` marks a value filled in.
 */
const en = {
  cannotChangeOwnRole: 'You cannot change your own role; ask an administrator.',
  integrationNoPasswordLogin: 'Integration accounts authenticate with an API key only and cannot log in with a password.',
  apiKeyOnlyForIntegration: 'API keys are reserved for accounts with the "External tool" role.',
  apiKeyOnlyByAdmin: 'Only an administrator creates or renews an API key.',
  // The editorial calendar (/admin/calendar) and its link in the navigation.
  calendar: {
    title: 'Editorial calendar',
    refusal: 'The editorial calendar is for the campaign team only.',
    month: 'Month',
    week: 'Week',
    previous: '‹ Previous',
    next: 'Next ›',
    today: 'Today',
    platform: 'Platforms',
    theme: 'Themes',
    audience: 'Audiences',
    language: 'Languages',
    clearFilters: 'Clear filters',
    loading: 'Loading…',
    failed: 'The calendar could not be loaded.',
    warnings: 'Warnings',
    noWarnings: 'No warnings for this period.',
    timeNote: 'Casablanca time (UTC+1; UTC+0 during Ramadan).',
    clockChange: 'Clock change',
    subscribe: 'Subscribe (iCal)',
    subscribeIntro: 'Add this link to your calendar app (Google Calendar, Outlook, Apple Calendar):',
    subscribeWarning: 'This link opens the calendar without a password: do not share it. Creating a new one disables the previous one.',
    copy: 'Copy',
    copied: 'Copied',
    subscribeFailed: 'The link could not be created.',
    nothingPlanned: 'nothing planned',
    // A key moment's planned posts: one, or more than one.
    plannedOne: '{{count}} planned post',
    plannedMany: '{{count}} planned posts',
    keyMoment: 'Key moment',
    variant: 'Variant',
  },
  // "Waiting for me" in the navigation: the queue of each role.
  reviewQueue: {
    ncsc: 'Waiting for my review',
    legal: 'Waiting for legal review',
    consultant: 'Waiting for my changes',
    cm: 'Approved, to publish',
  },
  // A variant's live limit checks and post preview.
  variantReport: {
    title: 'Limit checks (live)',
    errors: 'Errors',
    warnings: 'Warnings',
    ok: 'Within the network’s limits',
    length: 'Length',
    hashtags: 'Hashtags',
    mentions: 'Mentions',
    preview: 'Preview',
    more: '… see more',
    pick: 'Choose a network and a language.',
  },
  // A content item's workflow buttons (the transitions' labels come from the server).
  workflowControls: {
    reason: 'Reason (required):',
  },
  // A content item's workflow history.
  workflowTimeline: {
    title: 'History',
    // The actor of an event no person took.
    system: 'system',
  },
} as const

export type AppStrings = typeof en

const fr: SameKeys<AppStrings> = {
  cannotChangeOwnRole: 'Vous ne pouvez pas modifier votre propre rôle ; demandez à un administrateur.',
  integrationNoPasswordLogin: "Les comptes d'intégration s'authentifient uniquement par clé API et ne peuvent pas se connecter par mot de passe.",
  apiKeyOnlyForIntegration: 'Les clés API sont réservées aux comptes de rôle « Outil externe ».',
  apiKeyOnlyByAdmin: 'Seul un administrateur crée ou renouvelle une clé API.',
  calendar: {
    title: 'Calendrier éditorial',
    refusal: 'Le calendrier éditorial est réservé à l’équipe de la campagne.',
    month: 'Mois',
    week: 'Semaine',
    previous: '‹ Précédent',
    next: 'Suivant ›',
    today: 'Aujourd’hui',
    platform: 'Réseaux',
    theme: 'Thèmes',
    audience: 'Publics',
    language: 'Langues',
    clearFilters: 'Effacer les filtres',
    loading: 'Chargement…',
    failed: 'Le calendrier n’a pas pu être chargé.',
    warnings: 'Alertes',
    noWarnings: 'Aucune alerte sur cette période.',
    timeNote: 'Heures de Casablanca (UTC+1 ; UTC+0 pendant le Ramadan).',
    clockChange: 'Changement d’heure',
    subscribe: 'S’abonner (iCal)',
    subscribeIntro: 'Ajoutez ce lien à votre agenda (Google Agenda, Outlook, Apple Calendrier) :',
    subscribeWarning: 'Ce lien ouvre le calendrier sans mot de passe : ne le partagez pas. En créer un nouveau désactive l’ancien.',
    copy: 'Copier',
    copied: 'Copié',
    subscribeFailed: 'Le lien n’a pas pu être créé.',
    nothingPlanned: 'rien de prévu',
    plannedOne: '{{count}} publication prévue',
    plannedMany: '{{count}} publications prévues',
    keyMoment: 'Temps fort',
    variant: 'Variante',
  },
  reviewQueue: {
    ncsc: 'À valider',
    legal: 'Revue juridique en attente',
    consultant: 'À compléter',
    cm: 'Approuvés, à décliner',
  },
  variantReport: {
    title: 'Contrôle des limites (en direct)',
    errors: 'Erreurs',
    warnings: 'Avertissements',
    ok: 'Conforme aux limites du réseau',
    length: 'Longueur',
    hashtags: 'Hashtags',
    mentions: 'Mentions',
    preview: 'Aperçu',
    more: '… voir plus',
    pick: 'Choisissez un réseau et une langue.',
  },
  workflowControls: {
    reason: 'Motif (obligatoire) :',
  },
  workflowTimeline: {
    title: 'Historique',
    system: 'système',
  },
}

const ar: SameKeys<AppStrings> = {
  cannotChangeOwnRole: 'لا يمكنك تغيير دورك بنفسك؛ اطلب ذلك من مسؤول النظام.',
  integrationNoPasswordLogin: 'حسابات التكامل تُصادَق بمفتاح API فقط ولا يمكنها تسجيل الدخول بكلمة مرور.',
  apiKeyOnlyForIntegration: 'مفاتيح API مخصصة لحسابات دور «أداة خارجية» فقط.',
  apiKeyOnlyByAdmin: 'لا ينشئ مفتاح API أو يجدده إلا مسؤول النظام.',
  calendar: {
    title: 'الرزنامة التحريرية',
    refusal: 'الرزنامة التحريرية مخصصة لفريق الحملة.',
    month: 'شهر',
    week: 'أسبوع',
    previous: '‹ السابق',
    next: 'التالي ›',
    today: 'اليوم',
    platform: 'المنصات',
    theme: 'المحاور',
    audience: 'الفئات المستهدفة',
    language: 'اللغات',
    clearFilters: 'مسح عوامل التصفية',
    loading: 'جارٍ التحميل…',
    failed: 'تعذّر تحميل الرزنامة.',
    warnings: 'تنبيهات',
    noWarnings: 'لا توجد تنبيهات في هذه الفترة.',
    timeNote: 'الأوقات بتوقيت الدار البيضاء (UTC+1، وUTC+0 خلال رمضان).',
    clockChange: 'تغيير الساعة',
    subscribe: 'الاشتراك (iCal)',
    subscribeIntro: 'أضف هذا الرابط إلى تقويمك (تقويم Google أو Outlook أو Apple):',
    subscribeWarning: 'يفتح هذا الرابط الرزنامة دون كلمة مرور: لا تشاركه. إنشاء رابط جديد يُلغي الرابط السابق.',
    copy: 'نسخ',
    copied: 'تم النسخ',
    subscribeFailed: 'تعذّر إنشاء الرابط.',
    nothingPlanned: 'لا شيء مبرمج',
    plannedOne: 'منشورات مبرمجة: {{count}}',
    plannedMany: 'منشورات مبرمجة: {{count}}',
    keyMoment: 'محطة بارزة',
    variant: 'صيغة',
  },
  reviewQueue: {
    ncsc: 'في انتظار مصادقتي',
    legal: 'في انتظار مراجعتي القانونية',
    consultant: 'في انتظار تعديلي',
    cm: 'معتمدة للنشر',
  },
  variantReport: {
    title: 'فحص الحدود (مباشر)',
    errors: 'أخطاء',
    warnings: 'تنبيهات',
    ok: 'مطابق لحدود المنصة',
    length: 'الطول',
    hashtags: 'الوسوم',
    mentions: 'الإشارات',
    preview: 'معاينة',
    more: '… عرض المزيد',
    pick: 'اختر المنصة واللغة.',
  },
  workflowControls: {
    reason: 'السبب (إلزامي):',
  },
  workflowTimeline: {
    title: 'السجل',
    system: 'النظام',
  },
}

export const appNamespace = 'badil'

/** The app's catalogue by language, as its tree (for the catalogue test). */
export const appCatalogue = { fr, ar, en }

/** The app's catalogue as Payload's `i18n.translations` takes it. */
export const badilTranslations = {
  fr: { [appNamespace]: fr },
  ar: { [appNamespace]: ar },
  en: { [appNamespace]: en },
}

export type AppStringKey = CatalogueKey<AppStrings>

/** One of the app's strings in the request's language. */
export function translate(req: Pick<PayloadRequest, 't'>, key: AppStringKey, vars?: TranslationVars): string {
  return namespacedTranslate<AppStrings>(appNamespace, req.t)(key, vars)
}

/** One of the app's strings in the three languages, for an answer or a stored reason read later in the reader's language. */
export const appText = localizedTexts<AppStrings>(appCatalogue)
