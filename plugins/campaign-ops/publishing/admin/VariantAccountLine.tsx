'use client'
import React from 'react'

import type { Localized } from '../../../../src/i18n/catalogue'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import styles from './publishing.module.css'
import type { AccountInfo } from './variant-panel-rules'

/** The account the variant goes out with (chosen, or the network's default), its status, or why there is none. */
export function VariantAccountLine({
  accountInfo,
  accountStatusLabels,
}: {
  accountInfo: NonNullable<AccountInfo>
  accountStatusLabels: Record<string, Localized>
}) {
  const { t, language: lang } = usePluginStrings()
  const account = accountInfo.account
  return (
    <>
      <dt>{t('variantPanel:account')}</dt>
      <dd>
        {account ? (
          <>
            <span dir="auto">{account.name}</span>
            {accountInfo.isDefault && <span className={styles.muted}> ({t('variantPanel:defaultAccount')})</span>}{' '}
            {account.status && (
              <span className={styles.badge} data-status={account.status}>
                {accountStatusLabels[account.status]?.[lang] ?? account.status}
              </span>
            )}
            {account.connection === 'manual' && <span className={styles.muted}> · {t('variantPanel:manual')}</span>}
          </>
        ) : (
          <span className={styles.fieldError}>{accountInfo.candidates > 1 ? t('variantPanel:severalAccounts') : t('variantPanel:noAccount')}</span>
        )}
      </dd>
    </>
  )
}
