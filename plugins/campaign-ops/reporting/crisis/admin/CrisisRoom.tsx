'use client'
import { Button, useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useState } from 'react'

import { hasRole } from '../../../../../src/domain/roles'
import { networkLabels } from '../../../../../src/domain/networks'
import type { Network } from '../../../../../src/domain/networks'
import { CrisisModeControl } from '../../../publishing/admin/CrisisModeControl'
import { callApi, casablancaStamp } from '../../../publishing/admin/publishing-client'
import { usePluginStrings } from '../../../translations/use-plugin-strings'
import { CrisisChecklist } from './CrisisChecklist'
import { CrisisRoomChart } from './CrisisRoomChart'
import { crisisRoomWorkers } from './crisis-room-roles'
import styles from './crisis-room.module.css'
import { useCrisisRoom } from './use-crisis-room'
import type { CrisisRoomData } from './use-crisis-room'

const percent = (value: number | null | undefined, language: string) =>
  value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat(language === 'ar' ? 'ar-MA' : 'fr-MA', { style: 'percent', maximumFractionDigits: 0 }).format(value)

/** Acknowledge, then resolve with the episode's summary. */
function AlertActions({ api, data, onChanged }: { api: string; data: CrisisRoomData; onChanged: () => void }) {
  const { t } = usePluginStrings()
  const [summary, setSummary] = useState(data.alert.resolutionNote ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const patch = async (body: Record<string, unknown>) => {
    setBusy(true)
    const result = await callApi(`${api}/crisis-alerts/${data.alert.id}`, { method: 'PATCH', body })
    setBusy(false)
    setError(result.ok ? null : result.message)
    onChanged()
  }
  if (data.alert.status === 'resolved') return null
  return (
    <div className={styles.actions} data-testid="crisis-actions">
      {data.alert.status === 'open' && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void patch({ status: 'acknowledged' })}>
          {t('crisisRoom:acknowledge')}
        </Button>
      )}
      <label htmlFor="crisis-summary" style={{ flexBasis: '100%' }}>
        {t('crisisRoom:summaryLabel')}
      </label>
      <textarea id="crisis-summary" className={styles.textarea} dir="auto" value={summary} onChange={(event) => setSummary(event.target.value)} />
      <Button
        buttonStyle="primary"
        size="small"
        disabled={busy}
        onClick={() => (summary.trim() ? void patch({ status: 'resolved', resolutionNote: summary.trim() }) : setError(t('crisisRoom:summaryRequired')))}
      >
        {t('crisisRoom:resolve')}
      </Button>
      {error && (
        <p className={styles.error} role="alert" style={{ flexBasis: '100%' }}>
          {error}
        </p>
      )}
    </div>
  )
}

/** After the crisis: what happened when, who did what, and the summary, as the report tells it. */
function AfterTheCrisis({ data }: { data: CrisisRoomData }) {
  const { t, language } = usePluginStrings()
  const { alert, people } = data
  const nameOf = (value: unknown) => people[String(typeof value === 'object' && value ? (value as { id: number }).id : value)] ?? '—'
  const steps = alert.checklist ?? []
  const events = [
    alert.raisedAt && { at: alert.raisedAt, text: t('crisisRoom:timeline:raised') },
    alert.escalatedAt && { at: alert.escalatedAt, text: t('crisisRoom:timeline:escalated') },
    alert.acknowledgedAt && { at: alert.acknowledgedAt, text: t('crisisRoom:timeline:acknowledged', { name: nameOf(alert.acknowledgedBy) }) },
    alert.resolvedAt && { at: alert.resolvedAt, text: t('crisisRoom:timeline:resolved', { name: nameOf(alert.resolvedBy) }) },
  ].filter((event): event is { at: string; text: string } => Boolean(event))
  return (
    <section className={styles.panel} data-testid="crisis-summary">
      <h2>{t('crisisRoom:summaryTitle')}</h2>
      <ul>
        {events.map((event) => (
          <li key={event.text}>
            {casablancaStamp(event.at, language)} — {event.text}
          </li>
        ))}
      </ul>
      {steps.length > 0 && <p>{t('crisisRoom:stepsDone', { done: steps.filter((step) => step.doneAt).length, total: steps.length })}</p>}
      {alert.resolutionNote && (
        <p style={{ whiteSpace: 'pre-wrap' }}>
          <bdi>{alert.resolutionNote}</bdi>
        </p>
      )}
    </section>
  )
}

/** The crisis room for one alert: the series, the playbook's checklist, crisis mode, the comments behind it. */
export function CrisisRoom({ alertId }: { alertId: number }) {
  const { user } = useAuth<{ role?: string }>()
  const { t, language } = usePluginStrings()
  const { config } = useConfig()
  const api = config.routes.api
  const { data, error, reload } = useCrisisRoom(api, alertId)
  const [copied, setCopied] = useState<string | null>(null)
  if (error && !data) return <p className={styles.error}>{t('crisisRoom:loadError', { message: error })}</p>
  if (!data) return null
  const { alert } = data
  const subject = (alert.subject ?? {}) as Record<string, string | undefined>
  const canWork = hasRole(user, ...crisisRoomWorkers)
  const windowText = alert.window === 'sustained' ? t('crisisAlert:sustained', { hours: data.watchWindowHours }) : t('crisisAlert:hour')
  return (
    <article className={styles.room} data-testid="crisis-room" dir={language === 'ar' ? 'rtl' : 'ltr'} lang={language}>
      <header>
        <h1>
          <span className={`${styles.badge} ${alert.level === 'crisis' ? styles.crisis : ''}`}>{t(`crisisRoom:level:${alert.level}`)}</span>
          <bdi>{subject[language] ?? subject.fr}</bdi>
        </h1>
        <p className={styles.muted} data-testid="crisis-status">
          {t(`crisisRoom:status:${alert.status}`)} · {alert.raisedAt && t('crisisRoom:raised', { time: casablancaStamp(alert.raisedAt, language) })}
        </p>
        <p>
          {t('crisisRoom:figures', {
            observed: alert.observed ?? 0,
            window: windowText,
            expected: Math.round((alert.expected ?? 0) * 10) / 10,
            authors: alert.authors ?? 0,
            share: percent(alert.share, language),
            usualShare: percent(alert.baselineShare, language),
          })}
        </p>
      </header>
      <section className={styles.panel}>
        <h2>{t('crisisRoom:chartTitle')}</h2>
        <CrisisRoomChart chart={data.chart} />
      </section>
      {alert.status === 'resolved' && <AfterTheCrisis data={data} />}
      <div className={styles.columns}>
        <section className={styles.panel}>
          <CrisisChecklist api={api} data={data} canWork={canWork} onChanged={() => void reload()} />
        </section>
        <section className={styles.panel}>
          {canWork && <AlertActions api={api} data={data} onChanged={() => void reload()} />}
          <h2 style={{ marginBlockStart: '1rem' }}>{t('crisisRoom:crisisMode')}</h2>
          <CrisisModeControl hideTitle />
        </section>
      </div>
      {data.playbook && (data.playbook.contacts.length > 0 || data.playbook.statements.length > 0) && (
        <div className={styles.columns}>
          {data.playbook.contacts.length > 0 && (
            <section className={styles.panel}>
              <h2>{t('crisisRoom:contacts')}</h2>
              <ul>
                {data.playbook.contacts.map((contact) => (
                  <li key={`${contact.name}-${contact.phone ?? ''}`}>
                    <bdi>{contact.name}</bdi>
                    {contact.role && (
                      <>
                        {' '}
                        — <bdi>{contact.role}</bdi>
                      </>
                    )}
                    {contact.phone && (
                      <>
                        {' · '}
                        <a href={`tel:${contact.phone}`} dir="ltr">
                          {contact.phone}
                        </a>
                      </>
                    )}
                    {contact.email && (
                      <>
                        {' · '}
                        <a href={`mailto:${contact.email}`}>{contact.email}</a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {data.playbook.statements.length > 0 && (
            <section className={styles.panel} data-testid="crisis-statements">
              <h2>{t('crisisRoom:statements')}</h2>
              {data.playbook.statements.map((statement) => (
                <div key={statement.name}>
                  <strong>
                    <bdi>{statement.name}</bdi>
                  </strong>
                  {(['fr', 'ar', 'ary'] as const)
                    .filter((locale) => statement.body[locale])
                    .map((locale) => (
                      <div key={locale} className={styles.actions}>
                        <p className={styles.statement} dir={locale === 'fr' ? 'ltr' : 'rtl'} lang={locale === 'ary' ? 'ar-MA' : locale}>
                          {statement.body[locale]}
                        </p>
                        <Button
                          buttonStyle="secondary"
                          size="small"
                          onClick={() => void navigator.clipboard?.writeText(statement.body[locale]!).then(() => setCopied(`${statement.name}-${locale}`))}
                        >
                          {copied === `${statement.name}-${locale}` ? t('crisisRoom:copied') : t('crisisRoom:copy')}
                        </Button>
                      </div>
                    ))}
                </div>
              ))}
            </section>
          )}
        </div>
      )}
      <section className={styles.panel}>
        <h2>{t('crisisRoom:comments')}</h2>
        {data.comments.length === 0 ? (
          <p className={styles.muted}>{t('crisisRoom:noComments')}</p>
        ) : (
          <ul className={styles.comments} data-testid="crisis-comments">
            {data.comments.map((comment) => (
              <li key={comment.interaction}>
                <span className={styles.muted}>
                  {networkLabels[comment.network as Network] ?? comment.network} · {casablancaStamp(comment.at, language)}
                </span>
                <p style={{ margin: '0.25rem 0' }} dir="auto">
                  {comment.excerpt}
                </p>
                {canWork && <Link href={`${config.routes.admin}/collections/interactions/${comment.interaction}`}>{t('crisisRoom:openComment')}</Link>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  )
}
