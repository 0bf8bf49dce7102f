import type { AdminViewServerProps } from 'payload'
import Link from 'next/link'
import React from 'react'

import { hasRole } from '../../../../../src/domain/roles'
import { formatInCasablanca } from '../../../../../src/domain/casablanca-time'
import { adminLanguageOf } from '../../../../../src/i18n/catalogue'
import { AdminPage } from '../../../../../src/ui/AdminPage'
import { translatePlugin } from '../../../translations'
import type { PluginStringKey } from '../../../translations'
import { crisisAlertsSlug } from '../crisis-alerts-collection'
import { CrisisRoom } from './CrisisRoom'
import { crisisRoomReaders } from './crisis-room-roles'
import styles from './crisis-room.module.css'

/**
 * Admin page `/admin/crisis-room`: the open crisis alerts (and those resolved in the last 30
 * days); with `?alert=<id>`, the room of one alert (see CrisisRoom).
 */
export async function CrisisRoomView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const t = (key: string, vars?: Record<string, string | number>) => translatePlugin(req, key as PluginStringKey, vars)
  const language = adminLanguageOf(req.i18n?.language)
  if (!hasRole(req.user, ...crisisRoomReaders)) {
    return (
      <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
        <p>{t('crisisRoom:refusal')}</p>
      </AdminPage>
    )
  }
  const alertId = Number(Array.isArray(searchParams?.alert) ? searchParams.alert[0] : searchParams?.alert)
  if (Number.isInteger(alertId) && alertId > 0) {
    return (
      <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
        <CrisisRoom alertId={alertId} />
      </AdminPage>
    )
  }
  const since = new Date(Date.now() - 30 * 86_400_000).toISOString()
  const [open, resolved] = await Promise.all([
    req.payload.find({
      collection: crisisAlertsSlug,
      where: { status: { not_equals: 'resolved' } },
      sort: '-raisedAt',
      limit: 50,
      depth: 0,
      overrideAccess: false,
      req,
    }),
    req.payload.find({
      collection: crisisAlertsSlug,
      where: { and: [{ status: { equals: 'resolved' } }, { raisedAt: { greater_than: since } }] },
      sort: '-raisedAt',
      limit: 50,
      depth: 0,
      overrideAccess: false,
      req,
    }),
  ])
  const row = (alert: (typeof open.docs)[number]) => {
    const subject = (alert.subject ?? {}) as Record<string, string | undefined>
    return (
      <li key={alert.id}>
        <span className={`${styles.badge} ${alert.level === 'crisis' ? styles.crisis : ''}`}>{t(`crisisRoom:level:${alert.level}`)}</span>
        <Link href={`${req.payload.config.routes.admin}/crisis-room?alert=${alert.id}`}>
          <bdi>{subject[language] ?? subject.fr}</bdi>
        </Link>
        <span className={styles.muted}>
          {' · '}
          {t(`crisisRoom:status:${alert.status}`)}
          {alert.raisedAt && ` · ${formatInCasablanca(alert.raisedAt, language)}`}
        </span>
      </li>
    )
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <article className={styles.room} data-testid="crisis-room-list">
        <h1>{t('crisisRoom:title')}</h1>
        {open.docs.length === 0 ? (
          <p>{t('crisisRoom:none')}</p>
        ) : (
          <section>
            <h2>{t('crisisRoom:openAlerts')}</h2>
            <ul className={styles.comments}>{open.docs.map(row)}</ul>
          </section>
        )}
        {resolved.docs.length > 0 && (
          <section>
            <h2>{t('crisisRoom:recentAlerts')}</h2>
            <ul className={styles.comments}>{resolved.docs.map(row)}</ul>
          </section>
        )}
      </article>
    </AdminPage>
  )
}
