'use client'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { localize } from './publishing-client'
import { postCount } from './publishing-queue-labels'
import type { QueueLabels } from './publishing-queue-labels'
import { PublishingQueueRow } from './PublishingQueueRow'
import styles from './publishing.module.css'
import type { QueueNetwork } from './use-publishing-queue'

/** One network's part of what goes out soon: its variants in a table, or that none is planned. */
export function PublishingQueueNetwork({ network, labels }: { network: QueueNetwork; labels: QueueLabels }) {
  const { t, language: lang } = usePluginStrings()
  return (
    <section className={styles.network} data-network={network.network}>
      <h3>
        {localize(network.label, lang) || network.network} <span className={styles.muted}>({postCount(t, network.items.length)})</span>
      </h3>
      {network.items.length === 0 ? (
        <p className={styles.muted}>{t('publishingQueue:nothingOnNetwork')}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('publishingQueue:time')}</th>
              <th scope="col">{t('publishingQueue:variant')}</th>
              <th scope="col">{t('publishingQueue:content')}</th>
              <th scope="col">{t('publishingQueue:language')}</th>
              <th scope="col">{t('publishingQueue:state')}</th>
              <th scope="col">{t('publishingQueue:account')}</th>
            </tr>
          </thead>
          <tbody>
            {network.items.map((item) => (
              <PublishingQueueRow key={String(item.id)} item={item} labels={labels} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
