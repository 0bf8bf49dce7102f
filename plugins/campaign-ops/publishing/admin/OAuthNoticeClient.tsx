'use client'
import { Button, Gutter } from '@payloadcms/ui'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import React, { useState } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import styles from './publishing.module.css'
import { withElements } from './with-elements'

const noticeParams = ['oauthConnected', 'oauthError', 'oauthNetwork']
/** The callback bounds what it puts in the URL; a hand-made URL gets no more room. */
const maxMessage = 600

export function OAuthNoticeClient({ networkLabels, gutter }: { networkLabels: Record<string, string>; gutter: boolean }) {
  const { t, language: lang } = usePluginStrings()
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
        <strong>{name ? withElements(t('oauthNotice:failed'), { network: name }) : t('oauthNotice:failedUnnamed')}</strong>
        {error ? (
          <>
            <br />
            <span dir="auto">{error.slice(0, maxMessage)}</span>
          </>
        ) : null}
      </>
    )
  } else if (kind === 'warning') {
    message = name ? withElements(t('oauthNotice:connectedNone'), { network: name }) : t('oauthNotice:connectedNoneUnnamed')
  } else if (Number.isFinite(count) && count > 1) {
    message = withElements(t('oauthNotice:connectedMany'), { count, network: name })
  } else {
    message = name ? withElements(t('oauthNotice:connectedOne'), { network: name }) : t('oauthNotice:connectedOneUnnamed')
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
          {t('oauthNotice:dismiss')}
        </Button>
      </div>
    </div>
  )
  return gutter ? <Gutter>{notice}</Gutter> : notice
}
