'use client'
import { Button, useConfig } from '@payloadcms/ui'
import React, { useMemo } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { CrisisModeControl } from './CrisisModeControl'
import { normalizeCrisis } from './publishing-client'
import { queueTime } from './publishing-queue-labels'
import type { QueueLabels } from './publishing-queue-labels'
import { PublishingQueueAttention } from './PublishingQueueAttention'
import { PublishingQueueUpcoming } from './PublishingQueueUpcoming'
import styles from './publishing.module.css'
import { usePublishingQueue } from './use-publishing-queue'

export type PublishingQueueProps = QueueLabels

/** The queue page's content: loads `GET /api/publishing/queue?hours=24` and keeps it fresh. */
export function PublishingQueue(props: PublishingQueueProps) {
  const { t, language: lang } = usePluginStrings()
  const { config } = useConfig()
  const { queue, error, loading, load } = usePublishingQueue(config.routes.api)

  const crisis = useMemo(() => (queue ? normalizeCrisis(queue.crisis) : null), [queue])

  return (
    <div className={styles.queue} dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} data-testid="publishing-queue">
      <h1>{t('publishingQueue:title')}</h1>

      {/* Before the first answer the control waits for the queue's copy; if the queue fails it asks on its own. */}
      <CrisisModeControl initial={queue ? crisis : error ? undefined : null} />

      <div className={styles.toolbar}>
        <Button buttonStyle="secondary" size="small" disabled={loading} onClick={() => void load()}>
          {t('publishingQueue:refresh')}
        </Button>
        {queue?.now && (
          <span className={styles.muted}>
            {t('publishingQueue:updatedAt')} {queueTime(queue.now, lang)}
          </span>
        )}
        {loading && !queue && <span className={styles.muted}>{t('publishingQueue:loading')}</span>}
      </div>
      <p className={styles.muted}>{t('publishingQueue:timeNote')}</p>
      {error && (
        <p className={styles.error} role="alert">
          {t('publishingQueue:failed')} {error}
        </p>
      )}

      {queue && (
        <>
          <PublishingQueueUpcoming networks={queue.networks} labels={props} />
          <PublishingQueueAttention items={queue.attention} labels={props} />
        </>
      )}
    </div>
  )
}
