'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { ConnectButton } from './NetworkAccountsConnectClient'
import { callApi, pickLanguage } from './publishing-client'
import type { ApiError, Lang } from './publishing-client'
import type { OAuthNetworkInfo } from './oauth-networks'
import styles from './publishing.module.css'

const strings = {
  fr: {
    title: 'Jeton d’accès',
    renew: 'Renouveler le jeton',
    explain: 'Demande tout de suite au réseau un nouveau jeton d’accès à partir du jeton de renouvellement (fait aussi automatiquement avant une publication).',
    noRefresh: (name: React.ReactNode) => (
      <>{name} ne renouvelle pas ses jetons : les jetons de Page n’expirent pas. En cas de révocation, reconnectez le compte.</>
    ),
    renewed: 'Jeton renouvelé.',
    expires: (when: string) => `Nouvelle expiration : ${when}.`,
    noExpiry: 'Le nouveau jeton n’a pas de date d’expiration.',
    reloadHint: 'Enregistrez ou rechargez la page pour voir la nouvelle date d’expiration.',
    failed: 'Le jeton n’a pas été renouvelé',
    reconnect: (name: React.ReactNode) => <>Reconnecter avec {name}</>,
    saveFirst: 'Enregistrez le compte pour pouvoir renouveler son jeton.',
  },
  ar: {
    title: 'رمز الوصول',
    renew: 'تجديد الرمز',
    explain: 'يطلب فورا من المنصة رمز وصول جديدا انطلاقا من رمز التجديد (يتم ذلك تلقائيا أيضا قبل كل نشر).',
    noRefresh: (name: React.ReactNode) => <>لا تجدد {name} رموزها: رموز الصفحات لا تنتهي صلاحيتها. أعد ربط الحساب إذا أُلغي الرمز.</>,
    renewed: 'تم تجديد الرمز.',
    expires: (when: string) => `تنتهي صلاحيته الجديدة في: ${when}.`,
    noExpiry: 'لا يحمل الرمز الجديد تاريخ انتهاء صلاحية.',
    reloadHint: 'احفظ الصفحة أو أعد تحميلها لرؤية تاريخ الانتهاء الجديد.',
    failed: 'لم يُجدَّد الرمز',
    reconnect: (name: React.ReactNode) => <>إعادة الربط عبر {name}</>,
    saveFirst: 'احفظ الحساب لتتمكن من تجديد رمزه.',
  },
  en: {
    title: 'Access token',
    renew: 'Renew token',
    explain: 'Asks the network now for a new access token from the refresh token (also done automatically before publishing).',
    noRefresh: (name: React.ReactNode) => <>{name} does not renew its tokens: Page tokens do not expire. If the token was revoked, reconnect the account.</>,
    renewed: 'Token renewed.',
    expires: (when: string) => `New expiry: ${when}.`,
    noExpiry: 'The new token has no expiry date.',
    reloadHint: 'Save or reload the page to see the new expiry date.',
    failed: 'The token was not renewed',
    reconnect: (name: React.ReactNode) => <>Reconnect with {name}</>,
    saveFirst: 'Save the account to renew its token.',
  },
} satisfies Record<Lang, unknown>

type RefreshAnswer = { id: number | string; refreshed: boolean; tokenExpiresAt: string | null }

export function RenewTokenFieldClient({ networks, collectionSlug }: { networks: OAuthNetworkInfo[]; collectionSlug: string }) {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const router = useRouter()
  const modified = useFormModified()
  const lang = pickLanguage(i18n.language)
  const t = strings[lang]
  const network = useFormFields(([fields]) => fields.network?.value as string | undefined)
  const connection = useFormFields(([fields]) => fields.connection?.value as string | undefined)

  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<RefreshAnswer | null>(null)
  const [answerWhileModified, setAnswerWhileModified] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  // Only administrators manage accounts (the endpoint says so too); manual accounts have no token.
  if (user?.role !== 'admin' || connection === 'manual') return null
  const dir = lang === 'ar' ? 'rtl' : 'ltr'
  const info = networks.find((entry) => entry.network === network)
  const name = info ? <bdi>{info.label}</bdi> : null

  async function renew() {
    setBusy(true)
    setError(null)
    setAnswer(null)
    const result = await callApi<RefreshAnswer>(`${config.routes.api}/${collectionSlug}/${id}/refresh`, { method: 'POST', body: {} })
    setBusy(false)
    if (!result.ok) return setError(result)
    setAnswer(result.body)
    toast.success(t.renewed)
    // The sidebar's expiry and status come from the server: reload them unless that would drop edits.
    setAnswerWhileModified(modified)
    if (!modified) router.refresh()
  }

  return (
    <div className={styles.panel} dir={dir} lang={lang} data-testid="renew-token">
      <h4>{t.title}</h4>
      {!id ? (
        <p className={styles.muted}>{t.saveFirst}</p>
      ) : (
        <>
          <p className={styles.muted} style={{ marginBlock: '0 0.5rem' }}>
            {info && !info.refreshes ? t.noRefresh(name) : t.explain}
          </p>
          <div className={styles.actions} style={{ marginBlockStart: 0 }}>
            {info?.refreshes !== false && (
              <Button
                buttonStyle="secondary"
                size="small"
                disabled={busy}
                onClick={() => void renew()}
                extraButtonProps={{ 'data-testid': 'renew-token-button' }}
              >
                {t.renew}
              </Button>
            )}
            {info?.configured && <ConnectButton info={info} collectionSlug={collectionSlug} buttonStyle="secondary" label={t.reconnect(name)} />}
          </div>
          {answer && (
            <p className={styles.success} role="status" data-testid="renew-token-result">
              {t.renewed} {answer.tokenExpiresAt ? t.expires(formatInCasablanca(answer.tokenExpiresAt, lang)) : t.noExpiry}
              {answerWhileModified && (
                <>
                  <br />
                  <span className={styles.muted}>{t.reloadHint}</span>
                </>
              )}
            </p>
          )}
          {error && (
            <div className={styles.error} role="alert" data-testid="renew-token-error">
              <strong>{t.failed}</strong>
              <br />
              <span dir="auto">{error.message}</span>
            </div>
          )}
        </>
      )}
    </div>
  )
}
