'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useRef, useState } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { callApi, casablancaStamp, crisisRoles, normalizeCrisis, onCrisisChange } from './publishing-client'
import type { CrisisState } from './publishing-client'
import styles from './publishing.module.css'

const pollMs = 15_000

/** Client side of CrisisBanner: starts from the server's copy, then follows the switch. */
export function CrisisBannerLive({ initial }: { initial: CrisisState | null }) {
  const { user } = useAuth<{ role?: string }>()
  const { t, language: lang } = usePluginStrings()
  const { config } = useConfig()
  const api = config.routes.api
  const [crisis, setCrisis] = useState<CrisisState | null>(initial)
  const serverCopy = useRef(Boolean(initial))

  // A fresh server render (navigation, router.refresh) brings a newer copy.
  useEffect(() => {
    if (initial) setCrisis(initial)
  }, [initial])

  useEffect(() => onCrisisChange(setCrisis), [])

  useEffect(() => {
    if (!user) return
    let controller: AbortController | undefined
    const refresh = () => {
      if (document.visibilityState !== 'visible') return
      controller?.abort()
      controller = new AbortController()
      callApi<unknown>(`${api}/publishing/crisis`, { signal: controller.signal })
        .then((result) => {
          // A refusal or an outage keeps what is shown; it is retried at the next tick.
          if (result.ok) setCrisis(normalizeCrisis(result.body))
        })
        .catch(() => undefined)
    }
    // The server could not read the global: ask the API at once rather than at the first tick.
    if (!serverCopy.current) refresh()
    const timer = setInterval(refresh, pollMs)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
      controller?.abort()
    }
  }, [api, user])

  if (!user || !crisis?.active) return null
  const reason = crisis.reason?.trim()
  return (
    <div className={styles.crisisBanner} role="status" dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} data-testid="crisis-banner">
      <span>
        {t('crisisBanner:title')}
        {reason && (
          <>
            {t('crisisBanner:beforeReason')}
            <bdi>{reason}</bdi>
          </>
        )}
        {crisis.changedAt && ` (${t('crisisBanner:since', { time: casablancaStamp(crisis.changedAt, lang) })})`}
      </span>
      {crisisRoles.includes(user.role ?? '') && <Link href={`${config.routes.admin}/publishing-queue#crisis-control`}>{t('crisisBanner:manage')}</Link>}
    </div>
  )
}
