'use client'
import { useCatalogue } from '../../../src/i18n/use-catalogue'
import type { PluginStrings } from './en'

/** The plugin's strings in an admin client component: `const { t, language } = usePluginStrings()`. */
export const usePluginStrings = () => useCatalogue<PluginStrings>('campaignOps')
