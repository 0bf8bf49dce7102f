'use client'
import { useTranslation } from '@payloadcms/ui'

import { adminLanguageOf, namespacedTranslate } from './catalogue'
import type { AdminLanguage, CatalogueKey, TranslationVars } from './catalogue'

/** In an admin client component: `t` for one catalogue namespace, and the admin language. */
export function useCatalogue<Tree>(namespace: string): { t: (key: CatalogueKey<Tree>, vars?: TranslationVars) => string; language: AdminLanguage } {
  const { i18n, t } = useTranslation()
  return { t: namespacedTranslate<Tree>(namespace, t), language: adminLanguageOf(i18n.language) }
}
