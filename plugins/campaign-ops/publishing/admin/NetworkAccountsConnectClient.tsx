'use client'
import { Button, Gutter, useConfig, useTranslation } from '@payloadcms/ui'
import React from 'react'

import { pickLanguage } from './publishing-client'
import type { Lang } from './publishing-client'
import type { OAuthNetworkInfo } from './oauth-networks'
import styles from './publishing.module.css'

const strings = {
  fr: {
    title: 'Connecter un compte avec OAuth',
    intro:
      'Chaque bouton ouvre la page d’autorisation du réseau. À votre retour, les comptes autorisés (Pages, organisations, chaînes…) sont ajoutés ou mis à jour ci-dessous, leurs jetons chiffrés. Un compte déjà présent est simplement reconnecté.',
    connect: 'Connecter avec',
    ready: 'Ouvre la page d’autorisation du réseau.',
    notConfigured: ['Non configuré : définissez ', ' et ', ' sur le serveur, ou collez un jeton dans un compte.'],
  },
  ar: {
    title: 'ربط حساب عبر OAuth',
    intro:
      'يفتح كل زر صفحة التفويض لدى المنصة. عند عودتك تُضاف الحسابات المأذون بها (الصفحات، المنظمات، القنوات…) أو تُحدَّث أدناه، مع تشفير رموزها. أما الحساب الموجود أصلا فيُعاد ربطه فقط.',
    connect: 'الربط عبر',
    ready: 'يفتح صفحة التفويض لدى المنصة.',
    notConfigured: ['غير مُعدّ: عرّف ', ' و ', ' على الخادم، أو الصق رمزا في حساب.'],
  },
  en: {
    title: 'Connect an account with OAuth',
    intro:
      'Each button opens the network’s authorization page. When you come back, the accounts you authorized (Pages, organizations, channels…) are added or updated below, their tokens encrypted. An account already listed is simply reconnected.',
    connect: 'Connect with',
    ready: 'Opens the network’s authorization page.',
    notConfigured: ['Not configured: set ', ' and ', ' on the server, or paste a token into an account.'],
  },
} satisfies Record<Lang, unknown>

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
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const t = strings[pickLanguage(i18n.language)]
  return (
    <Button
      el="anchor"
      url={connectUrl(config.routes.api, collectionSlug, info.network)}
      buttonStyle={buttonStyle}
      size="small"
      disabled={!info.configured}
      extraButtonProps={{ 'data-testid': `oauth-connect-${info.network}`, 'data-configured': String(info.configured) }}
    >
      {label ?? (
        <>
          {t.connect} <bdi>{info.label}</bdi>
        </>
      )}
    </Button>
  )
}

/** Why a network cannot be connected yet: its two environment variables, kept left to right. */
export function NotConfiguredNote({ info }: { info: OAuthNetworkInfo }) {
  const { i18n } = useTranslation()
  const [before, between, after] = strings[pickLanguage(i18n.language)].notConfigured
  return (
    <span className={styles.muted}>
      {before}
      <code dir="ltr">{info.variables[0]}</code>
      {between}
      <code dir="ltr">{info.variables[1]}</code>
      {after}
    </span>
  )
}

export function NetworkAccountsConnectClient({ networks, collectionSlug }: { networks: OAuthNetworkInfo[]; collectionSlug: string }) {
  const { i18n } = useTranslation()
  const lang = pickLanguage(i18n.language)
  const t = strings[lang]
  return (
    <Gutter>
      <section className={styles.connect} dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} aria-labelledby="oauth-connect-title" data-testid="oauth-connect">
        <h3 id="oauth-connect-title">{t.title}</h3>
        <p className={styles.muted}>{t.intro}</p>
        <ul className={styles.connectGrid}>
          {networks.map((info) => (
            <li key={info.network} className={styles.connectCard} data-network={info.network} data-configured={info.configured}>
              <ConnectButton info={info} collectionSlug={collectionSlug} />
              {info.configured ? <span className={styles.muted}>{t.ready}</span> : <NotConfiguredNote info={info} />}
            </li>
          ))}
        </ul>
      </section>
    </Gutter>
  )
}
