'use client'
import { Button } from '@payloadcms/ui'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { ApiError, CrisisState } from './publishing-client'
import styles from './publishing.module.css'

export type CrisisModeSwitchProps = {
  crisis: CrisisState
  reason: string
  onReasonChange: (reason: string) => void
  /** The refusal of the reason (empty, or the endpoint's word on it). */
  reasonError: ApiError | null
  busy: boolean
  /** The confirmation is open instead of the switch button. */
  confirming: boolean
  onRequest: () => void
  onConfirm: () => void
  onBack: () => void
}

/** The switch for NCSC and administrators: what it does, the required reason, then a confirmation. */
export function CrisisModeSwitch({ crisis, reason, onReasonChange, reasonError, busy, confirming, onRequest, onConfirm, onBack }: CrisisModeSwitchProps) {
  const { t } = usePluginStrings()
  const confirmQuestion = crisis.active ? t('crisisMode:confirmRelease') : t('crisisMode:confirmActivate')
  return (
    <div className={styles.form}>
      <p style={{ margin: 0 }}>{crisis.active ? t('crisisMode:explainRelease') : t('crisisMode:explainActivate')}</p>
      <label htmlFor="crisis-reason">{crisis.active ? t('crisisMode:reasonRelease') : t('crisisMode:reasonActivate')}</label>
      <textarea
        id="crisis-reason"
        className={styles.input}
        rows={3}
        dir="auto"
        required
        value={reason}
        disabled={busy || confirming}
        aria-invalid={Boolean(reasonError)}
        aria-describedby={reasonError ? 'crisis-reason-error' : undefined}
        onChange={(event) => onReasonChange(event.target.value)}
      />
      {reasonError && (
        <span className={styles.fieldError} id="crisis-reason-error" role="alert">
          {reasonError.message}
        </span>
      )}
      {confirming ? (
        <div className={styles.actions} role="group" aria-label={confirmQuestion}>
          <strong style={{ flexBasis: '100%' }}>{confirmQuestion}</strong>
          <Button buttonStyle="primary" className={crisis.active ? undefined : styles.danger} size="small" disabled={busy} onClick={onConfirm}>
            {t('crisisMode:confirm')}
          </Button>
          <Button buttonStyle="secondary" size="small" disabled={busy} onClick={onBack}>
            {t('crisisMode:back')}
          </Button>
        </div>
      ) : (
        <div className={styles.actions}>
          <Button buttonStyle="primary" className={crisis.active ? undefined : styles.danger} size="small" disabled={busy} onClick={onRequest}>
            {crisis.active ? t('crisisMode:release') : t('crisisMode:activate')}
          </Button>
        </div>
      )}
    </div>
  )
}
