'use client'
import type { AppStrings } from './translations'
import { useCatalogue } from './use-catalogue'

/** The app's strings in an admin client component: `const { t, language } = useAppStrings()`. */
export const useAppStrings = () => useCatalogue<AppStrings>('badil')
