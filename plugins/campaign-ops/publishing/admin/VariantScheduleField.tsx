'use client'
import React from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { casablancaInputValue, parseCasablancaInput } from './publishing-client'
import type { ApiError } from './publishing-client'
import styles from './publishing.module.css'
import { VariantFieldError } from './VariantFormFields'

/** The schedule form's field: a Casablanca wall time, with its offset or what a clock change does to it. */
export function VariantScheduleField({ value, error, onChange }: { value: string; error: ApiError | null; onChange: (value: string) => void }) {
  const { t, language: lang } = usePluginStrings()
  const parsed = value ? parseCasablancaInput(value) : null
  return (
    <>
      <label htmlFor="publishing-when">{t('variantPanel:newTime')}</label>
      <input
        id="publishing-when"
        className={styles.input}
        type="datetime-local"
        dir="ltr"
        step={60}
        min={casablancaInputValue(new Date())}
        value={value}
        required
        aria-invalid={error?.field === 'scheduledAt'}
        aria-describedby={error?.field === 'scheduledAt' ? 'publishing-scheduledAt-error' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <VariantFieldError error={error} field="scheduledAt" />
      {parsed && (
        <span className={styles.muted}>
          {parsed.kind === 'skipped'
            ? t('variantPanel:skipped', { time: formatInCasablanca(parsed.utc.toISOString(), lang) })
            : parsed.kind === 'repeated'
              ? t('variantPanel:repeated')
              : t('variantPanel:timeNote', { offset: parsed.offset })}
        </span>
      )}
    </>
  )
}
