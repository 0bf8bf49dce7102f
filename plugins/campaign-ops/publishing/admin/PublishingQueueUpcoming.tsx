'use client'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { postCount } from './publishing-queue-labels'
import type { QueueLabels } from './publishing-queue-labels'
import { PublishingQueueNetwork } from './PublishingQueueNetwork'
import styles from './publishing.module.css'
import { queueHours } from './use-publishing-queue'
import type { QueueNetwork } from './use-publishing-queue'

/** What goes out in the next hours, network by network. */
export function PublishingQueueUpcoming({ networks, labels }: { networks: QueueNetwork[]; labels: QueueLabels }) {
  const { t } = usePluginStrings()
  const upcomingCount = networks.reduce((total, network) => total + network.items.length, 0)
  return (
    <section aria-labelledby="queue-upcoming" data-testid="queue-upcoming">
      <h2 id="queue-upcoming">
        {t('publishingQueue:upcoming', { hours: queueHours })} <span className={styles.muted}>({postCount(t, upcomingCount)})</span>
      </h2>
      {upcomingCount === 0 && <p>{t('publishingQueue:nothingUpcoming', { hours: queueHours })}</p>}
      {networks.map((network) => (
        <PublishingQueueNetwork key={network.network} network={network} labels={labels} />
      ))}
    </section>
  )
}
