'use client'
import { Button, useAuth, useConfig, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React from 'react'

import type { Localized } from '../../../../src/i18n/catalogue'
import type { PluginStringKey } from '../../translations'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { idOf, publishingRoles } from './publishing-client'
import styles from './publishing.module.css'
import { useVariantAccount } from './use-variant-account'
import { useVariantActions } from './use-variant-actions'
import { useVariantDoc } from './use-variant-doc'
import { formFields, markPostedStates, pollDelay } from './variant-panel-rules'
import { VariantLastError } from './VariantLastError'
import { VariantPublishingActions } from './VariantPublishingActions'
import { VariantPublishingFacts } from './VariantPublishingFacts'
import { VariantPublishingForm } from './VariantPublishingForm'

export type VariantPublishingPanelProps = {
  stateLabels: Record<string, Localized>
  accountStatusLabels: Record<string, Localized>
  networkOfPlatform: Record<string, string>
  networkLabels: Record<string, string>
}

/** What the panel tells under the facts in the states that wait for something. */
const hintKeys: Partial<Record<string, PluginStringKey>> = {
  draft: 'variantPanel:draftHint',
  publishing: 'variantPanel:publishingHint',
  held: 'variantPanel:heldHint',
  failed: 'variantPanel:failedHint',
  outcome_unknown: 'variantPanel:unknownHint',
}

export function VariantPublishingPanelClient(props: VariantPublishingPanelProps) {
  const { id, data: savedData } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const { t, language: lang } = usePluginStrings()
  const { config } = useConfig()
  const modified = useFormModified()
  const api = config.routes.api
  const canAct = publishingRoles.includes(user?.role ?? '')

  const { doc, loadError, stale, accept, load, reloadForm } = useVariantDoc({ id, savedData, api, modified })
  const state = doc?.publicationState ?? 'draft'
  const network = doc?.platform ? props.networkOfPlatform[doc.platform] : undefined
  const accountInfo = useVariantAccount(api, canAct, network, idOf(doc?.networkAccount))
  const { mode, busy, error, values, setValue, open, close, submit, downloadKit } = useVariantActions({ api, id, doc, accept, load })

  const dir = lang === 'ar' ? 'rtl' : 'ltr'
  if (!id) {
    return (
      <div className={styles.panel} dir={dir} lang={lang} data-testid="variant-publishing-panel">
        <h4>{t('variantPanel:title')}</h4>
        <p className={styles.muted}>{t('variantPanel:notSaved')}</p>
      </div>
    )
  }

  const live = pollDelay(doc ?? { id, publicationState: state }) !== null
  const account = accountInfo?.account ?? null
  const manual = account?.connection === 'manual'
  const networkName = network ? (props.networkLabels[network] ?? network) : (doc?.platform ?? '')
  const target = account?.name ? `${networkName} (${account.name})` : networkName
  const hintKey = hintKeys[state]
  // Never scheduled yet: "Schedule" rather than "Reschedule".
  const firstSchedule = state === 'draft' || state === 'ready'
  const generalError = error && !formFields.includes(error.field ?? '') ? error : null

  return (
    <div className={styles.panel} dir={dir} lang={lang} data-testid="variant-publishing-panel" data-state={state}>
      <h4>{t('variantPanel:title')}</h4>
      {loadError && (
        <p className={styles.error} role="alert">
          {t('variantPanel:loadFailed')} {loadError}
        </p>
      )}
      {stale && (
        <div className={styles.warning} role="status">
          {t('variantPanel:stale')}{' '}
          <Button buttonStyle="secondary" size="small" onClick={reloadForm}>
            {t('variantPanel:reload')}
          </Button>
        </div>
      )}
      <VariantPublishingFacts
        doc={doc}
        state={state}
        live={live}
        accountInfo={canAct ? accountInfo : null}
        stateLabels={props.stateLabels}
        accountStatusLabels={props.accountStatusLabels}
      />
      {doc?.lastError && state !== 'published' && <VariantLastError lastError={doc.lastError} state={state} />}
      {hintKey && <p className={styles.muted}>{t(hintKey)}</p>}
      {manual && markPostedStates.includes(state) && !mode && <p className={styles.muted}>{t('variantPanel:manualHint')}</p>}

      {canAct && !mode && (
        <VariantPublishingActions
          state={state}
          manual={manual}
          firstSchedule={firstSchedule}
          busy={busy}
          onOpen={open}
          onDownloadKit={() => void downloadKit()}
        />
      )}

      {canAct && mode && (
        <VariantPublishingForm
          mode={mode}
          target={target}
          firstSchedule={firstSchedule}
          values={values}
          onChange={setValue}
          error={error}
          busy={busy}
          modified={modified}
          onSubmit={() => void submit()}
          onBack={close}
        />
      )}
      {generalError && (
        <p className={styles.error} role="alert" data-testid="publishing-error">
          {generalError.message}
        </p>
      )}
    </div>
  )
}
