'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useState } from 'react'

import { hasRole } from '../../../../../src/domain/roles'
import type { CrisisAlert } from '../../../../../payload-types'
import { callApi } from '../../../publishing/admin/publishing-client'
import { usePluginStrings } from '../../../translations/use-plugin-strings'
import { crisisRoomReaders } from './crisis-room-roles'
import styles from './crisis-room.module.css'

const pollMs = 30_000

/**
 * The banner above every admin page while a crisis alert is open (not resolved), for those who
 * read the alerts: the worst open alert, and the way to its crisis room. Follows new alerts by
 * polling, while the tab is visible.
 */
export function CrisisAlertBanner() {
  const { user } = useAuth<{ role?: string }>()
  const { t, language } = usePluginStrings()
  const { config } = useConfig()
  const [alerts, setAlerts] = useState<CrisisAlert[]>([])
  const reads = hasRole(user, ...crisisRoomReaders)

  useEffect(() => {
    if (!reads) return
    const refresh = () => {
      if (document.visibilityState !== 'visible') return
      callApi<{ docs: CrisisAlert[] }>(`${config.routes.api}/crisis-alerts?where[status][not_equals]=resolved&sort=-raisedAt&limit=10&depth=0`)
        .then((result) => {
          if (result.ok) setAlerts(result.body.docs)
        })
        .catch(() => undefined)
    }
    refresh()
    const timer = setInterval(refresh, pollMs)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }, [config.routes.api, reads])

  if (!reads || alerts.length === 0) return null
  const worst = alerts.find((alert) => alert.level === 'crisis') ?? alerts[0]!
  const subject = (worst.subject ?? {}) as Record<string, string | undefined>
  return (
    <div
      className={`${styles.banner} ${worst.level === 'crisis' ? styles.crisis : ''}`}
      role="alert"
      dir={language === 'ar' ? 'rtl' : 'ltr'}
      lang={language}
      data-testid="crisis-alert-banner"
    >
      <span>{t('crisisRoom:banner', { level: t(`crisisRoom:level:${worst.level}`), series: subject[language] ?? subject.fr ?? '' })}</span>
      <Link href={`${config.routes.admin}/crisis-room?alert=${worst.id}`}>{t('crisisRoom:bannerOpen')}</Link>
    </div>
  )
}
