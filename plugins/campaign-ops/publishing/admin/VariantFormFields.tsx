'use client'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { ApiError } from './publishing-client'
import styles from './publishing.module.css'
import type { VariantFormValues } from './variant-panel-rules'

/** The error of one field, under its input (referenced by the input's aria-describedby). */
export function VariantFieldError({ error, field }: { error: ApiError | null; field: string }) {
  return error && error.field === field ? (
    <span className={styles.fieldError} id={`publishing-${field}-error`} role="alert">
      {error.message}
    </span>
  ) : null
}

/** The reason of a cancellation or of a settled outcome. */
export function VariantReasonField({
  required,
  value,
  error,
  onChange,
}: {
  required: boolean
  value: string
  error: ApiError | null
  onChange: (value: string) => void
}) {
  const { t } = usePluginStrings()
  return (
    <>
      <label htmlFor="publishing-reason">{required ? t('variantPanel:reasonRequired') : t('variantPanel:reasonOptional')}</label>
      <textarea
        id="publishing-reason"
        className={styles.input}
        rows={3}
        value={value}
        required={required}
        dir="auto"
        aria-invalid={error?.field === 'reason'}
        aria-describedby={error?.field === 'reason' ? 'publishing-reason-error' : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <VariantFieldError error={error} field="reason" />
    </>
  )
}

/** The link to the post found or posted by hand, and its optional remote id. */
export function VariantLinkFields({
  values,
  error,
  onChange,
}: {
  values: Pick<VariantFormValues, 'permalink' | 'remoteId'>
  error: ApiError | null
  onChange: (field: 'permalink' | 'remoteId', value: string) => void
}) {
  const { t } = usePluginStrings()
  return (
    <>
      <label htmlFor="publishing-permalink">{t('variantPanel:permalinkInput')}</label>
      <input
        id="publishing-permalink"
        className={styles.input}
        type="url"
        inputMode="url"
        dir="ltr"
        required
        value={values.permalink}
        aria-invalid={error?.field === 'permalink'}
        aria-describedby={error?.field === 'permalink' ? 'publishing-permalink-error' : undefined}
        onChange={(event) => onChange('permalink', event.target.value)}
      />
      <VariantFieldError error={error} field="permalink" />
      <label htmlFor="publishing-remote-id">{t('variantPanel:remoteIdInput')}</label>
      <input
        id="publishing-remote-id"
        className={styles.input}
        type="text"
        dir="ltr"
        value={values.remoteId}
        aria-invalid={error?.field === 'remoteId'}
        onChange={(event) => onChange('remoteId', event.target.value)}
      />
      <VariantFieldError error={error} field="remoteId" />
    </>
  )
}
