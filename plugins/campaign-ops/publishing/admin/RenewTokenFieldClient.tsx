'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { ConnectButton } from './NetworkAccountsConnectClient'
import { callApi } from './publishing-client'
import type { ApiError } from './publishing-client'
import type { OAuthNetworkInfo } from './oauth-networks'
import styles from './publishing.module.css'
import { withElements } from './with-elements'

type RefreshAnswer = { id: number | string; refreshed: boolean; tokenExpiresAt: string | null }

export function RenewTokenFieldClient({ networks, collectionSlug }: { networks: OAuthNetworkInfo[]; collectionSlug: string }) {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const { t, language: lang } = usePluginStrings()
  const { config } = useConfig()
  const router = useRouter()
  const modified = useFormModified()
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
    toast.success(t('renewToken:renewed'))
    // The sidebar's expiry and status come from the server: reload them unless that would drop edits.
    setAnswerWhileModified(modified)
    if (!modified) router.refresh()
  }

  return (
    <div className={styles.panel} dir={dir} lang={lang} data-testid="renew-token">
      <h4>{t('renewToken:title')}</h4>
      {!id ? (
        <p className={styles.muted}>{t('renewToken:saveFirst')}</p>
      ) : (
        <>
          <p className={styles.muted} style={{ marginBlock: '0 0.5rem' }}>
            {info && !info.refreshes ? withElements(t('renewToken:noRefresh'), { network: name }) : t('renewToken:explain')}
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
                {t('renewToken:renew')}
              </Button>
            )}
            {info?.configured && (
              <ConnectButton
                info={info}
                collectionSlug={collectionSlug}
                buttonStyle="secondary"
                label={withElements(t('renewToken:reconnect'), { network: name })}
              />
            )}
          </div>
          {answer && (
            <p className={styles.success} role="status" data-testid="renew-token-result">
              {t('renewToken:renewed')}{' '}
              {answer.tokenExpiresAt ? t('renewToken:expires', { time: formatInCasablanca(answer.tokenExpiresAt, lang) }) : t('renewToken:noExpiry')}
              {answerWhileModified && (
                <>
                  <br />
                  <span className={styles.muted}>{t('renewToken:reloadHint')}</span>
                </>
              )}
            </p>
          )}
          {error && (
            <div className={styles.error} role="alert" data-testid="renew-token-error">
              <strong>{t('renewToken:failed')}</strong>
              <br />
              <span dir="auto">{error.message}</span>
            </div>
          )}
        </>
      )}
    </div>
  )
}
