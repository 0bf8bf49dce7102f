'use client'
import { Button, useAuth, useConfig } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import { networkLabels, networks } from '../../../../src/domain/networks'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import styles from './dashboard.module.css'

type RowError = { field: string; message: Record<'fr' | 'ar' | 'en', string> }
type ReportEntry = { row: number; status: 'created' | 'unmatched' | 'invalid'; post?: string; variant?: number; errors?: RowError[] }
type ImportState = {
  id: number
  status: 'queued' | 'running' | 'done'
  total: number
  processed: number
  created: number
  unmatched: number
  invalid: number
  report?: ReportEntry[]
}

const importers = ['admin', 'ncsc', 'cm', 'analyst']

/** Above the metric snapshots: a network's export (or Badil's CSV) imported, with a progress bar and the per-row report. */
export function MetricsImportPanel() {
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const { t, language } = usePluginStrings()
  const [network, setNetwork] = useState<string>('facebook')
  const [file, setFile] = useState<File | null>(null)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [state, setState] = useState<ImportState | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])
  if (!importers.includes(user?.role ?? '')) return null

  const follow = (id: number) => {
    const poll = async () => {
      const response = await fetch(`${config.routes.api}/metric-imports/${id}?depth=0`, { credentials: 'include' })
      if (!response.ok) return setFailure(response.statusText)
      const current = (await response.json()) as ImportState
      setState(current)
      if (current.status !== 'done') timer.current = setTimeout(() => void poll(), 1000)
    }
    void poll()
  }

  async function start() {
    if (!file) return
    setSending(true)
    setFailure(null)
    setState(null)
    try {
      const query = new URLSearchParams({ network, fileName: file.name })
      const response = await fetch(`${config.routes.api}/metric-imports/file?${query}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'text/csv' },
        body: file,
      })
      const body = (await response.json().catch(() => null)) as { import?: { id: number; total: number }; errors?: { message?: string }[] } | null
      if (!response.ok || !body?.import) return setFailure(body?.errors?.[0]?.message ?? response.statusText)
      setState({ id: body.import.id, status: 'queued', total: body.import.total, processed: 0, created: 0, unmatched: 0, invalid: 0 })
      follow(body.import.id)
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setSending(false)
    }
  }

  const problems = (state?.report ?? []).filter((entry) => entry.status !== 'created')
  return (
    <section className={styles.importPanel} dir={language === 'ar' ? 'rtl' : 'ltr'} data-testid="metrics-import">
      <h3>{t('metricsImport:title')}</h3>
      <p className={styles.muted}>{t('metricsImport:help')}</p>
      <div className={styles.filters}>
        <label>
          {t('metricsImport:network')}
          <select value={network} onChange={(event) => setNetwork(event.target.value)} data-testid="metrics-import-network">
            {networks.map((name) => (
              <option key={name} value={name}>
                {networkLabels[name]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('metricsImport:file')}
          <input type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} data-testid="metrics-import-file" />
        </label>
      </div>
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={!file || sending}
        onClick={() => void start()}
        extraButtonProps={{ 'data-testid': 'metrics-import-start' }}
      >
        {sending ? t('metricsImport:sending') : t('metricsImport:start')}
      </Button>
      {failure && (
        <p role="alert" data-testid="metrics-import-error">
          {t('metricsImport:failed', { reason: failure })}
        </p>
      )}
      {state && (
        <div data-testid="metrics-import-progress">
          <progress max={state.total} value={state.processed} style={{ inlineSize: '100%' }} />
          <p className={styles.muted}>{t('metricsImport:progress', { processed: state.processed, total: state.total })}</p>
          {state.status === 'done' && (
            <p role="status" data-testid="metrics-import-summary">
              {t('metricsImport:summary', { created: state.created, unmatched: state.unmatched, invalid: state.invalid })}
            </p>
          )}
          {state.status === 'done' && problems.length > 0 && (
            <table className={styles.posts} data-testid="metrics-import-report">
              <thead>
                <tr>
                  <th>{t('metricsImport:row')}</th>
                  <th>{t('metricsImport:status')}</th>
                  <th>{t('metricsImport:post')}</th>
                  <th>{t('metricsImport:detail')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.slice(0, 200).map((entry) => (
                  <tr key={entry.row}>
                    <td>{entry.row}</td>
                    <td>{t(`metricsImport:${entry.status}`)}</td>
                    <td dir="ltr">{entry.post ?? '—'}</td>
                    <td>{(entry.errors ?? []).map((error) => `${error.message[language]} (${error.field})`).join(' · ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  )
}
