/** Languages of the admin interface (chosen per user) and of the campaign's content. */

export const adminLanguages = [
  { code: 'fr', label: { fr: 'Français', ar: 'الفرنسية', en: 'French' }, rtl: false },
  { code: 'ar', label: { fr: 'Arabe', ar: 'العربية', en: 'Arabic' }, rtl: true },
  { code: 'en', label: { fr: 'Anglais', ar: 'الإنجليزية', en: 'English' }, rtl: false },
] as const

export type AdminLanguage = (typeof adminLanguages)[number]['code']

export const defaultAdminLanguage: AdminLanguage = 'fr'

/**
 * Content locales. `ary` is Moroccan Darija: right-to-left when written in Arabic letters, though
 * people also write it in Latin letters with digits (Arabizi); the editor direction follows the
 * Arabic-letter usage, which is the campaign's.
 */
export const contentLocales = [
  { code: 'fr', label: { fr: 'Français', ar: 'الفرنسية', en: 'French' }, rtl: false },
  { code: 'ar', label: { fr: 'Arabe', ar: 'العربية', en: 'Arabic' }, rtl: true },
  { code: 'ary', label: { fr: 'Darija', ar: 'الدارجة', en: 'Moroccan Darija' }, rtl: true },
] as const

export type ContentLocale = (typeof contentLocales)[number]['code']

export const defaultContentLocale: ContentLocale = 'fr'
