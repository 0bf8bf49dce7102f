'use client'
import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import styles from './dashboard.module.css'

type Outcome = { ok: true; from: string; to: string } | { ok: false; message: string }

/** The subscription's "send now": the last complete period, or the dates chosen; the report comes by e-mail. */
export function SendReportNow() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { t, language } = usePluginStrings()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  async function send() {
    setBusy(true)
    setOutcome(null)
    try {
      const response = await fetch(`${config.routes.api}/report-subscriptions/${id}/send`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(from || to ? { from: from || undefined, to: to || undefined } : {}),
      })
      const body = (await response.json().catch(() => null)) as { from?: string; to?: string; errors?: { message?: string }[] } | null
      setOutcome(
        response.ok ? { ok: true, from: body?.from ?? '', to: body?.to ?? '' } : { ok: false, message: body?.errors?.[0]?.message ?? response.statusText },
      )
    } catch (error) {
      setOutcome({ ok: false, message: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className={styles.sendNow} dir={language === 'ar' ? 'rtl' : 'ltr'} data-testid="send-report-now">
      <h4>{t('reportSubscriptions:sendNow')}</h4>
      {!id ? (
        <p className={styles.muted}>{t('reportSubscriptions:saveFirst')}</p>
      ) : (
        <>
          <p className={styles.muted}>{t('reportSubscriptions:sendNowHelp')}</p>
          <label>
            {t('reportSubscriptions:from')}
            <input type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} data-testid="send-report-from" />
          </label>
          <label>
            {t('reportSubscriptions:to')}
            <input type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} data-testid="send-report-to" />
          </label>
          <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void send()} extraButtonProps={{ 'data-testid': 'send-report-button' }}>
            {busy ? t('reportSubscriptions:sending') : t('reportSubscriptions:sendNow')}
          </Button>
          {outcome?.ok && (
            <p role="status" data-testid="send-report-queued">
              {t('reportSubscriptions:queued')}
            </p>
          )}
          {outcome && !outcome.ok && (
            <p role="alert" data-testid="send-report-error">
              {t('reportSubscriptions:failed', { reason: outcome.message })}
            </p>
          )}
        </>
      )}
    </div>
  )
}
