'use client'
import { useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import type { AdminLanguage, Localized } from '../../../../src/i18n/catalogue'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { Id } from './publishing-client'
import styles from './publishing.module.css'

/** The labels the queue shows; they come from the collections (server-only modules) as the view's props. */
export type QueueLabels = {
  stateLabels: Record<string, Localized>
  accountStatusLabels: Record<string, Localized>
  platformLabels: Record<string, Localized>
  languageLabels: Record<string, Localized>
}

/** A value's label in the reader's language (the value itself when it has none). */
export const labelIn = (labels: Record<string, Localized>, value: string | null | undefined, lang: AdminLanguage) =>
  value ? (labels[value]?.[lang] ?? value) : ''

/** A time in Casablanca, or a dash. */
export const queueTime = (iso: string | null | undefined, lang: AdminLanguage) => (iso ? formatInCasablanca(iso, lang) : '—')

/** "3 posts": the words depend on the count. */
export const postCount = (t: ReturnType<typeof usePluginStrings>['t'], count: number) =>
  t(count > 1 ? 'publishingQueue:postsMany' : 'publishingQueue:postsOne', { count })

export function StateBadge({ state, labels }: { state: string; labels: Record<string, Localized> }) {
  const { language: lang } = usePluginStrings()
  return (
    <span className={styles.badge} data-state={state}>
      {labelIn(labels, state, lang)}
    </span>
  )
}

/** A variant's edit page, under its label (or its platform and id). */
export function VariantLink({
  item,
  platformLabels,
}: {
  item: { id: Id; label?: string | null; platform: string }
  platformLabels: Record<string, Localized>
}) {
  const { language: lang } = usePluginStrings()
  const { config } = useConfig()
  return (
    <Link href={`${config.routes.admin}/collections/platform-variants/${item.id}`} dir="auto">
      {item.label || `${labelIn(platformLabels, item.platform, lang)} #${item.id}`}
    </Link>
  )
}
