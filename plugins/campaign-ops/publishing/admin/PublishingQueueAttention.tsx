'use client'
import React from 'react'

import { reasonInLanguage } from '../../../../src/i18n/stored-reason'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { labelIn, queueTime, StateBadge, VariantLink } from './publishing-queue-labels'
import type { QueueLabels } from './publishing-queue-labels'
import styles from './publishing.module.css'
import type { AttentionItem } from './use-publishing-queue'

/** Reasons the state badge does not already say. */
const reasonsBeyondState = new Set(['stale_claim', 'needs_reconnect', 'no_account'])

/** The variants that wait for a person (unknown outcome, failed, held, stuck, account to reconnect). */
export function PublishingQueueAttention({ items, labels }: { items: AttentionItem[]; labels: QueueLabels }) {
  const { t, language: lang } = usePluginStrings()
  return (
    <section id="attention" aria-labelledby="queue-attention" data-testid="queue-attention">
      <h2 id="queue-attention">
        {t('publishingQueue:attention')} <span className={styles.muted}>({items.length})</span>
      </h2>
      <p className={styles.muted}>{t('publishingQueue:attentionIntro')}</p>
      {items.length === 0 ? (
        <p>{t('publishingQueue:nothingToDo')}</p>
      ) : (
        <ul className={styles.attention}>
          {items.map((item) => (
            <li key={String(item.id)} data-variant-id={item.id}>
              <VariantLink item={item} platformLabels={labels.platformLabels} /> <StateBadge state={item.publicationState} labels={labels.stateLabels} />{' '}
              <span className={styles.muted}>
                {labelIn(labels.platformLabels, item.platform, lang)}
                {item.scheduledAt && ` · ${t('publishingQueue:scheduledFor')} ${queueTime(item.scheduledAt, lang)}`}
              </span>
              {item.reason && reasonsBeyondState.has(item.reason) && (
                <div className={styles.error} data-reason={item.reason}>
                  {t(`homePanels:reasons:${item.reason as 'no_account'}`)}
                </div>
              )}
              {item.lastError && (
                <div className={styles.error}>
                  <strong>{t('publishingQueue:lastError')}</strong>
                  <br />
                  <span dir="auto">{reasonInLanguage(item.lastError, lang)}</span>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
