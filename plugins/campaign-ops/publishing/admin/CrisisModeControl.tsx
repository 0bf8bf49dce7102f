'use client'
import { toast, useAuth, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import Link from 'next/link'
import React, { useState } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { CrisisModeState } from './CrisisModeState'
import { CrisisModeSwitch } from './CrisisModeSwitch'
import { announceCrisisChange, callApi, crisisRoles, normalizeCrisis } from './publishing-client'
import type { ApiError, CrisisState } from './publishing-client'
import styles from './publishing.module.css'
import { useCrisisMode } from './use-crisis-mode'

export type CrisisModeControlProps = {
  /** The state already known to the page (the queue has it); fetched otherwise. */
  initial?: CrisisState | null
  /** Called after a switch, with the new state (the queue reloads). */
  onChanged?: (state: CrisisState) => void
  /** On the crisis-mode global's page, whose title already says "Crisis mode". */
  hideTitle?: boolean
}

/**
 * Shows crisis mode and, for NCSC and administrators, switches it with a required reason and a
 * confirmation (`POST /api/publishing/crisis`). Used in the publishing queue and on the
 * crisis-mode global's page.
 */
export function CrisisModeControl({ initial, onChanged, hideTitle }: CrisisModeControlProps) {
  const { user } = useAuth<{ role?: string }>()
  const { t, language: lang } = usePluginStrings()
  const { config } = useConfig()
  const router = useRouter()
  const api = config.routes.api
  const canSwitch = crisisRoles.includes(user?.role ?? '')

  const { crisis, setCrisis, loadError } = useCrisisMode(api, initial)
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [heldAfterRelease, setHeldAfterRelease] = useState<number | null>(null)

  function requestSwitch() {
    setError(null)
    if (!reason.trim()) return setError({ status: 0, message: t('crisisMode:needsReason'), field: 'reason' })
    setConfirming(true)
  }

  async function switchMode() {
    if (!crisis) return
    const activate = !crisis.active
    setBusy(true)
    setError(null)
    const result = await callApi<unknown>(`${api}/publishing/crisis`, { method: 'POST', body: { active: activate, reason: reason.trim() } })
    setBusy(false)
    setConfirming(false)
    if (!result.ok) return setError(result)
    const next = normalizeCrisis(result.body) ?? { active: activate, reason: reason.trim(), changedAt: new Date().toISOString(), changedBy: null }
    setCrisis(next)
    setReason('')
    setHeldAfterRelease(activate ? null : (next.heldVariants ?? null))
    toast.success(activate ? t('crisisMode:activated') : t('crisisMode:released'))
    announceCrisisChange(next)
    onChanged?.(next)
    // The banner above every page and the global's read-only fields are server-rendered.
    router.refresh()
  }

  const dir = lang === 'ar' ? 'rtl' : 'ltr'
  const reasonError = error?.field === 'reason' ? error : null
  const generalError = error && error.field !== 'reason' ? error : null

  return (
    <section id="crisis-control" dir={dir} lang={lang} data-testid="crisis-mode-control" aria-label={t('crisisMode:title')} style={{ marginBlock: '0 1.5rem' }}>
      {!hideTitle && <h2 style={{ marginBlock: '0 0.75rem' }}>{t('crisisMode:title')}</h2>}
      {loadError && (
        <p className={styles.error} role="alert">
          {t('crisisMode:loadFailed')} {loadError}
        </p>
      )}
      {!crisis && !loadError && <p className={styles.muted}>{t('crisisMode:loading')}</p>}
      {crisis && <CrisisModeState crisis={crisis} />}
      {heldAfterRelease !== null && heldAfterRelease > 0 && (
        <p className={styles.warning} role="status">
          {t(heldAfterRelease > 1 ? 'crisisMode:heldMany' : 'crisisMode:heldOne', { count: heldAfterRelease })}{' '}
          <Link href={`${config.routes.admin}/publishing-queue#attention`}>{t('crisisMode:seeQueue')}</Link>
        </p>
      )}
      {crisis && !canSwitch && <p className={styles.muted}>{t('crisisMode:readOnly')}</p>}
      {crisis && canSwitch && (
        <CrisisModeSwitch
          crisis={crisis}
          reason={reason}
          onReasonChange={setReason}
          reasonError={reasonError}
          busy={busy}
          confirming={confirming}
          onRequest={requestSwitch}
          onConfirm={() => void switchMode()}
          onBack={() => setConfirming(false)}
        />
      )}
      {generalError && (
        <p className={styles.error} role="alert">
          {generalError.message}
        </p>
      )}
    </section>
  )
}
