'use client'
import React from 'react'

import { reasonInLanguage } from '../../../../src/i18n/stored-reason'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import styles from './publishing.module.css'

/** The last error of the variant, or why it is held, in the reader's language. */
export function VariantLastError({ lastError, state }: { lastError: string; state: string }) {
  const { t, language: lang } = usePluginStrings()
  return (
    <div className={styles.error} data-testid="variant-last-error">
      <strong>{state === 'held' ? t('variantPanel:heldReason') : t('variantPanel:lastError')}</strong>
      <br />
      <span dir="auto">{reasonInLanguage(lastError, lang)}</span>
    </div>
  )
}
