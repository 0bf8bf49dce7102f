'use client'
import { Button } from '@payloadcms/ui'
import React from 'react'

import type { PluginStringKey } from '../../translations'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { ApiError } from './publishing-client'
import styles from './publishing.module.css'
import type { OpenMode, VariantFormValues } from './variant-panel-rules'
import { VariantLinkFields, VariantReasonField } from './VariantFormFields'
import { VariantScheduleField } from './VariantScheduleField'

export type VariantPublishingFormProps = {
  mode: OpenMode
  /** The network and account, in the publish confirmation. */
  target: string
  /** Never scheduled yet: "Schedule" rather than "Reschedule". */
  firstSchedule: boolean
  values: VariantFormValues
  onChange: (field: keyof VariantFormValues, value: string) => void
  error: ApiError | null
  busy: boolean
  /** The document form has unsaved edits (they are lost when the action reloads it). */
  modified: boolean
  onSubmit: () => void
  onBack: () => void
}

/** The form or confirmation of one action, open under the panel's facts. */
export function VariantPublishingForm({ mode, target, firstSchedule, values, onChange, error, busy, modified, onSubmit, onBack }: VariantPublishingFormProps) {
  const { t } = usePluginStrings()
  const reasonField = (required: boolean) => (
    <VariantReasonField required={required} value={values.reason} error={error} onChange={(value) => onChange('reason', value)} />
  )
  const linkFields = <VariantLinkFields values={values} error={error} onChange={onChange} />
  const forms: Record<OpenMode, { intro?: string; body?: React.ReactNode; danger?: boolean }> = {
    publish: { intro: t('variantPanel:publishConfirm', { target }) },
    reschedule: { body: <VariantScheduleField value={values.when} error={error} onChange={(value) => onChange('when', value)} /> },
    cancel: { intro: t('variantPanel:cancelConfirm'), body: reasonField(false), danger: true },
    published: { intro: t('variantPanel:publishedExplain'), body: linkFields },
    not_published: { intro: t('variantPanel:notPublishedExplain'), body: reasonField(false) },
    failed: { intro: t('variantPanel:failedExplain'), body: reasonField(true), danger: true },
    posted: { intro: t('variantPanel:manualHint'), body: linkFields },
  }
  const titles: Record<OpenMode, PluginStringKey> = {
    publish: 'variantPanel:publishNow',
    reschedule: firstSchedule ? 'variantPanel:schedule' : 'variantPanel:reschedule',
    cancel: 'variantPanel:cancel',
    published: 'variantPanel:resolvePublished',
    not_published: 'variantPanel:resolveNotPublished',
    failed: 'variantPanel:resolveFailed',
    posted: 'variantPanel:markPosted',
  }
  const form = forms[mode]
  return (
    // Not a <form>: the panel sits inside Payload's document form, and forms do not nest.
    <div
      className={styles.form}
      role="group"
      aria-label={t(titles[mode])}
      data-testid={`publishing-form-${mode}`}
      onKeyDown={(event) => {
        // Enter in a one-line input confirms this action instead of saving the document.
        if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
          event.preventDefault()
          onSubmit()
        }
      }}
    >
      {form.intro && <p style={{ margin: 0 }}>{form.intro}</p>}
      {form.body}
      {modified && <span className={styles.muted}>{t('variantPanel:unsaved')}</span>}
      <div className={styles.actions}>
        <Button buttonStyle="primary" className={form.danger ? styles.danger : undefined} size="small" disabled={busy} onClick={onSubmit}>
          {t('variantPanel:confirm')}
        </Button>
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={onBack}>
          {t('variantPanel:back')}
        </Button>
      </div>
    </div>
  )
}
