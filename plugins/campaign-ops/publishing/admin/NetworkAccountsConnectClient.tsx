'use client'
import { Button, Gutter, useConfig } from '@payloadcms/ui'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { OAuthNetworkInfo } from './oauth-networks'
import styles from './publishing.module.css'
import { withElements } from './with-elements'

export type ConnectButtonProps = {
  info: OAuthNetworkInfo
  collectionSlug: string
  buttonStyle?: 'primary' | 'secondary'
  /** Label instead of "Connect with <network>" (the edit view's "Reconnect…"). */
  label?: React.ReactNode
}

/** The connect URL (a full navigation: the endpoint answers with a redirect to the network). */
export function connectUrl(apiRoute: string, collectionSlug: string, network: string): string {
  return `${apiRoute}/${collectionSlug}/oauth/${encodeURIComponent(network)}/connect`
}

/** One network's button; disabled (with the reason next to it) when the server has no OAuth app for it. */
export function ConnectButton({ info, collectionSlug, buttonStyle = 'primary', label }: ConnectButtonProps) {
  const { t } = usePluginStrings()
  const { config } = useConfig()
  return (
    <Button
      el="anchor"
      url={connectUrl(config.routes.api, collectionSlug, info.network)}
      buttonStyle={buttonStyle}
      size="small"
      disabled={!info.configured}
      extraButtonProps={{ 'data-testid': `oauth-connect-${info.network}`, 'data-configured': String(info.configured) }}
    >
      {label ?? withElements(t('networkAccounts:connect'), { network: <bdi>{info.label}</bdi> })}
    </Button>
  )
}

/** Why a network cannot be connected yet: its two environment variables, kept left to right. */
export function NotConfiguredNote({ info }: { info: OAuthNetworkInfo }) {
  const { t } = usePluginStrings()
  return (
    <span className={styles.muted}>
      {withElements(t('networkAccounts:notConfigured'), {
        first: <code dir="ltr">{info.variables[0]}</code>,
        second: <code dir="ltr">{info.variables[1]}</code>,
      })}
    </span>
  )
}

export function NetworkAccountsConnectClient({ networks, collectionSlug }: { networks: OAuthNetworkInfo[]; collectionSlug: string }) {
  const { t, language: lang } = usePluginStrings()
  return (
    <Gutter>
      <section className={styles.connect} dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} aria-labelledby="oauth-connect-title" data-testid="oauth-connect">
        <h3 id="oauth-connect-title">{t('networkAccounts:title')}</h3>
        <p className={styles.muted}>{t('networkAccounts:intro')}</p>
        <ul className={styles.connectGrid}>
          {networks.map((info) => (
            <li key={info.network} className={styles.connectCard} data-network={info.network} data-configured={info.configured}>
              <ConnectButton info={info} collectionSlug={collectionSlug} />
              {info.configured ? <span className={styles.muted}>{t('networkAccounts:ready')}</span> : <NotConfiguredNote info={info} />}
            </li>
          ))}
        </ul>
      </section>
    </Gutter>
  )
}
