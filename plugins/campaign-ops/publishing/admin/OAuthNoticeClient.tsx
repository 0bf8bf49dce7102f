'use client'
import { Button, Gutter, useTranslation } from '@payloadcms/ui'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import React, { useState } from 'react'

import { pickLanguage } from './publishing-client'
import type { Lang } from './publishing-client'
import styles from './publishing.module.css'

type Name = React.ReactNode

const strings = {
  fr: {
    connectedOne: (name: Name | null) =>
      name ? <>Compte {name} connecté : ses jetons sont enregistrés (chiffrés).</> : <>Compte connecté : ses jetons sont enregistrés (chiffrés).</>,
    connectedMany: (count: number, name: Name | null) => (
      <>
        {count} comptes {name} connectés ou mis à jour.
      </>
    ),
    connectedNone: (name: Name | null) => (
      <>{name ?? 'Le réseau'} n’a donné accès à aucun compte (Page, organisation, chaîne…) : vérifiez les autorisations accordées, puis recommencez.</>
    ),
    failed: (name: Name | null) => (name ? <>La connexion à {name} a échoué</> : <>La connexion a échoué</>),
    dismiss: 'Fermer',
  },
  ar: {
    connectedOne: (name: Name | null) => (name ? <>تم ربط حساب {name}: حُفظت رموزه (مشفّرة).</> : <>تم ربط الحساب: حُفظت رموزه (مشفّرة).</>),
    connectedMany: (count: number, name: Name | null) => (
      <>
        حسابات {name} المربوطة أو المحدَّثة: {count}
      </>
    ),
    connectedNone: (name: Name | null) => <>لم تمنح {name ?? 'المنصة'} الوصول إلى أي حساب (صفحة، منظمة، قناة…): تحقق من الأذونات الممنوحة ثم أعد المحاولة.</>,
    failed: (name: Name | null) => (name ? <>فشل الربط مع {name}</> : <>فشل الربط</>),
    dismiss: 'إغلاق',
  },
  en: {
    connectedOne: (name: Name | null) =>
      name ? <>{name} account connected: its tokens are stored (encrypted).</> : <>Account connected: its tokens are stored (encrypted).</>,
    connectedMany: (count: number, name: Name | null) => (
      <>
        {count} {name} accounts connected or updated.
      </>
    ),
    connectedNone: (name: Name | null) => (
      <>{name ?? 'The network'} gave access to no account (Page, organization, channel…): check the permissions granted, then try again.</>
    ),
    failed: (name: Name | null) => (name ? <>Connecting {name} failed</> : <>The connection failed</>),
    dismiss: 'Dismiss',
  },
} satisfies Record<Lang, unknown>

const noticeParams = ['oauthConnected', 'oauthError', 'oauthNetwork']
/** The callback bounds what it puts in the URL; a hand-made URL gets no more room. */
const maxMessage = 600

export function OAuthNoticeClient({ networkLabels, gutter }: { networkLabels: Record<string, string>; gutter: boolean }) {
  const { i18n } = useTranslation()
  const lang = pickLanguage(i18n.language)
  const t = strings[lang]
  const params = useSearchParams()
  const pathname = usePathname()
  const router = useRouter()
  const [dismissed, setDismissed] = useState<string | null>(null)

  const connected = params.get('oauthConnected')
  const error = params.get('oauthError')
  const network = params.get('oauthNetwork')
  const key = `${connected}|${error}|${network}`
  if ((connected === null && error === null) || dismissed === key) return null

  const label = network ? (networkLabels[network] ?? network) : null
  const name = label ? <bdi>{label}</bdi> : null
  const count = connected === null ? Number.NaN : Number.parseInt(connected, 10)
  const kind = error !== null ? 'error' : count === 0 ? 'warning' : 'success'

  function dismiss() {
    setDismissed(key)
    const rest = new URLSearchParams(params.toString())
    for (const param of noticeParams) rest.delete(param)
    const query = rest.toString()
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false })
  }

  let message: React.ReactNode
  if (kind === 'error') {
    message = (
      <>
        <strong>{t.failed(name)}</strong>
        {error ? (
          <>
            <br />
            <span dir="auto">{error.slice(0, maxMessage)}</span>
          </>
        ) : null}
      </>
    )
  } else if (kind === 'warning') {
    message = t.connectedNone(name)
  } else if (Number.isFinite(count) && count > 1) {
    message = t.connectedMany(count, name)
  } else {
    message = t.connectedOne(name)
  }

  const notice = (
    <div
      className={kind === 'success' ? styles.success : kind === 'warning' ? styles.warning : styles.error}
      role={kind === 'error' ? 'alert' : 'status'}
      dir={lang === 'ar' ? 'rtl' : 'ltr'}
      lang={lang}
      data-testid="oauth-notice"
      data-kind={kind}
    >
      <div className={styles.noticeBody}>
        <p className={styles.noticeText}>{message}</p>
        <Button buttonStyle="secondary" size="small" onClick={dismiss}>
          {t.dismiss}
        </Button>
      </div>
    </div>
  )
  return gutter ? <Gutter>{notice}</Gutter> : notice
}
