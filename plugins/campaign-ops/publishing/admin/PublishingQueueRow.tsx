'use client'
import { useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { localize } from './publishing-client'
import { labelIn, queueTime, StateBadge, VariantLink } from './publishing-queue-labels'
import type { QueueLabels } from './publishing-queue-labels'
import styles from './publishing.module.css'
import type { QueueItem } from './use-publishing-queue'

/** One variant going out soon: time, variant, content item, language, state and account. */
export function PublishingQueueRow({ item, labels }: { item: QueueItem; labels: QueueLabels }) {
  const { t, language: lang } = usePluginStrings()
  const { config } = useConfig()
  return (
    <tr data-variant-id={item.id}>
      <td style={{ whiteSpace: 'nowrap' }}>
        {queueTime(item.scheduledAt, lang)}
        {item.overdue && <div className={styles.fieldError}>{t('publishingQueue:overdue')}</div>}
      </td>
      <td>
        <VariantLink item={item} platformLabels={labels.platformLabels} />
        <div className={styles.muted}>{labelIn(labels.platformLabels, item.platform, lang)}</div>
      </td>
      <td>
        {item.contentItem ? (
          <Link href={`${config.routes.admin}/collections/content-items/${item.contentItem.id}`} dir="auto">
            {localize(item.contentItem.title, lang) || `#${item.contentItem.id}`}
          </Link>
        ) : (
          '—'
        )}
      </td>
      <td>{labelIn(labels.languageLabels, item.language, lang)}</td>
      <td>
        <StateBadge state={item.publicationState} labels={labels.stateLabels} />
      </td>
      <td>
        {item.account ? (
          <>
            <span dir="auto">{item.account.name || `#${item.account.id}`}</span>{' '}
            {item.account.status && (
              <span className={styles.badge} data-status={item.account.status}>
                {labelIn(labels.accountStatusLabels, item.account.status, lang)}
              </span>
            )}
            {item.account.connection === 'manual' && <div className={styles.muted}>{t('publishingQueue:manual')}</div>}
          </>
        ) : (
          // No account chosen: the scheduler uses the network's one account.
          <span className={styles.muted}>{t('publishingQueue:defaultAccount')}</span>
        )}
      </td>
    </tr>
  )
}
