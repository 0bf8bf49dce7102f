'use client'
import React from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import type { Localized } from '../../../../src/i18n/catalogue'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { isHttpUrl } from './publishing-client'
import styles from './publishing.module.css'
import type { AccountInfo, VariantDoc } from './variant-panel-rules'
import { VariantAccountLine } from './VariantAccountLine'

export type VariantPublishingFactsProps = {
  doc: VariantDoc | null
  state: string
  /** The panel follows the state live (shown next to it). */
  live: boolean
  /** The account line; null leaves it out (not loaded, or the person may not act). */
  accountInfo: AccountInfo
  stateLabels: Record<string, Localized>
  accountStatusLabels: Record<string, Localized>
}

/** The variant's publication facts: state, times, account, the post on the network, attempts. */
export function VariantPublishingFacts({ doc, state, live, accountInfo, stateLabels, accountStatusLabels }: VariantPublishingFactsProps) {
  const { t, language: lang } = usePluginStrings()
  const format = (iso: string | null | undefined) => (iso ? formatInCasablanca(iso, lang) : '')
  return (
    <dl className={styles.facts}>
      <dt>{t('variantPanel:state')}</dt>
      <dd aria-live="polite">
        <span className={styles.badge} data-state={state} data-testid="publication-state">
          {stateLabels[state]?.[lang] ?? state}
        </span>
        {live && <span className={styles.muted}> · {t('variantPanel:live')}</span>}
      </dd>
      {doc?.scheduledAt && (
        <>
          <dt>{t('variantPanel:scheduledAt')}</dt>
          <dd>{format(doc.scheduledAt)}</dd>
        </>
      )}
      {accountInfo && <VariantAccountLine accountInfo={accountInfo} accountStatusLabels={accountStatusLabels} />}
      {doc?.publishedAt && (
        <>
          <dt>{t('variantPanel:publishedAt')}</dt>
          <dd>{format(doc.publishedAt)}</dd>
        </>
      )}
      {doc?.permalink && (
        <>
          <dt>{t('variantPanel:permalink')}</dt>
          <dd dir="ltr">
            {isHttpUrl(doc.permalink) ? (
              <a href={doc.permalink} target="_blank" rel="noopener noreferrer" title={t('variantPanel:openPost')} data-testid="variant-permalink">
                {doc.permalink}
              </a>
            ) : (
              doc.permalink
            )}
          </dd>
        </>
      )}
      {doc?.remoteId && (
        <>
          <dt>{t('variantPanel:remoteId')}</dt>
          <dd dir="ltr">
            <code>{doc.remoteId}</code>
          </dd>
        </>
      )}
      {(doc?.attempts ?? 0) > 0 && (
        <>
          <dt>{t('variantPanel:attempts')}</dt>
          <dd>{doc?.attempts}</dd>
        </>
      )}
      {doc?.nextAttemptAt && ['scheduled', 'publishing', 'outcome_unknown'].includes(state) && (
        <>
          <dt>{t('variantPanel:nextAttempt')}</dt>
          <dd>{format(doc.nextAttemptAt)}</dd>
        </>
      )}
    </dl>
  )
}
