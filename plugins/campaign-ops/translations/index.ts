import type { PayloadRequest } from 'payload'

import { localizedTexts, namespacedTranslate } from '../../../src/i18n/catalogue'
import type { AdminLanguage, CatalogueKey, Localized, TranslationVars } from '../../../src/i18n/catalogue'
import { ar } from './ar'
import { en } from './en'
import type { PluginStrings } from './en'
import { fr } from './fr'

/** The plugin's namespace in Payload's i18n: `t('campaignOps:crisisBanner:title')`. */
export const pluginNamespace = 'campaignOps'

/** The plugin's catalogue by language, as its tree (for the catalogue test). */
export const pluginCatalogue = { fr, ar, en }

/** The plugin's catalogue as Payload's `i18n.translations` takes it; the plugin merges it into the config. */
export const campaignOpsTranslations = {
  fr: { [pluginNamespace]: fr },
  ar: { [pluginNamespace]: ar },
  en: { [pluginNamespace]: en },
}

export type PluginStringKey = CatalogueKey<PluginStrings>
export type { PluginStrings }

/** One of the plugin's strings in the request's language (server side). */
export function translatePlugin(req: Pick<PayloadRequest, 't'>, key: PluginStringKey, vars?: TranslationVars): string {
  return namespacedTranslate<PluginStrings>(pluginNamespace, req.t)(key, vars)
}

/** One of the plugin's strings in the three languages, for an answer or a stored reason read later in the reader's language. */
export const pluginText = localizedTexts<PluginStrings>(pluginCatalogue)

/**
 * Like `pluginText`, for a text whose values are themselves in each language (another text quoted
 * in it, a list joined the language's way): `vars(language)` fills that language's text.
 */
export function pluginTextByLanguage(key: PluginStringKey, vars: (language: AdminLanguage) => TranslationVars): Localized {
  return { fr: pluginText(key, vars('fr')).fr, ar: pluginText(key, vars('ar')).ar, en: pluginText(key, vars('en')).en }
}
