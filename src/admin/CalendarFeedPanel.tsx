'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import { useAppStrings } from '../i18n/use-app-strings'
import styles from './calendar.module.css'

/** Subscribing to the calendar from a calendar app: a new private iCal link, to copy. */
export function CalendarFeedPanel(props: { apiRoute: string }) {
  const { apiRoute } = props
  const { t } = useAppStrings()
  const [feed, setFeed] = useState<{ url?: string; error?: string; copied?: boolean }>({})

  async function subscribe() {
    setFeed({})
    try {
      const response = await fetch(`${apiRoute}/calendar/feed-token`, { method: 'POST', credentials: 'include' })
      const body = await response.json()
      if (!response.ok || typeof body?.url !== 'string') throw new Error(body?.errors?.[0]?.message ?? t('calendar:subscribeFailed'))
      setFeed({ url: body.url })
    } catch (failure) {
      setFeed({ error: failure instanceof Error && failure.message ? failure.message : t('calendar:subscribeFailed') })
    }
  }

  async function copyFeedUrl() {
    if (!feed.url) return
    await navigator.clipboard?.writeText(feed.url).catch(() => undefined)
    setFeed({ ...feed, copied: true })
  }

  return (
    <section className={styles.panel}>
      <Button buttonStyle="secondary" size="small" onClick={() => void subscribe()}>
        {t('calendar:subscribe')}
      </Button>
      {feed.url && (
        <>
          <p>{t('calendar:subscribeIntro')}</p>
          <input className={styles.feedUrl} readOnly value={feed.url} onFocus={(event) => event.currentTarget.select()} aria-label={t('calendar:subscribe')} />
          <Button buttonStyle="secondary" size="small" onClick={() => void copyFeedUrl()}>
            {feed.copied ? t('calendar:copied') : t('calendar:copy')}
          </Button>
          <p className={styles.muted}>{t('calendar:subscribeWarning')}</p>
        </>
      )}
      {feed.error && <p role="alert">{feed.error}</p>}
    </section>
  )
}
