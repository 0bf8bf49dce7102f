'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import type { AcceptedLanguages } from '@payloadcms/translations'
import React, { useEffect } from 'react'

/**
 * Shows the admin in the language chosen in the signed-in user's profile. Payload picks the
 * language from a cookie or the browser; this keeps it in step with the profile, wherever the
 * person signs in from.
 */
export function UserLanguageSync({ children }: { children?: React.ReactNode }) {
  const { user } = useAuth<{ language?: string | null }>()
  const { i18n, switchLanguage } = useTranslation()
  const preferred = user?.language

  useEffect(() => {
    if (preferred && preferred !== i18n.language && switchLanguage) {
      void switchLanguage(preferred as AcceptedLanguages)
    }
  }, [preferred, i18n.language, switchLanguage])

  return <>{children}</>
}
