'use client'
import { Button } from '@payloadcms/ui'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import styles from './publishing.module.css'
import { cancelStates, kitHiddenStates, markPostedStates, publishNowStates, rescheduleStates } from './variant-panel-rules'
import type { Mode } from './variant-panel-rules'

export type VariantPublishingActionsProps = {
  state: string
  /** The account is posted to by hand: the kit and "Mark as posted" instead of "Publish now". */
  manual: boolean
  /** Never scheduled yet: "Schedule" rather than "Reschedule". */
  firstSchedule: boolean
  busy: boolean
  onOpen: (mode: Mode) => void
  onDownloadKit: () => void
}

/** The buttons of the actions the variant's state allows; each opens its form under the facts. */
export function VariantPublishingActions({ state, manual, firstSchedule, busy, onOpen, onDownloadKit }: VariantPublishingActionsProps) {
  const { t } = usePluginStrings()
  return (
    <div className={styles.actions}>
      {!manual && publishNowStates.includes(state) && (
        <Button buttonStyle="primary" size="small" disabled={busy} onClick={() => onOpen('publish')}>
          {t('variantPanel:publishNow')}
        </Button>
      )}
      {rescheduleStates.includes(state) && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => onOpen('reschedule')}>
          {firstSchedule ? t('variantPanel:schedule') : t('variantPanel:reschedule')}
        </Button>
      )}
      {cancelStates.includes(state) && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => onOpen('cancel')}>
          {t('variantPanel:cancel')}
        </Button>
      )}
      {state === 'outcome_unknown' && (
        <>
          <Button buttonStyle="primary" size="small" disabled={busy} onClick={() => onOpen('published')}>
            {t('variantPanel:resolvePublished')}
          </Button>
          <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => onOpen('not_published')}>
            {t('variantPanel:resolveNotPublished')}
          </Button>
          <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => onOpen('failed')}>
            {t('variantPanel:resolveFailed')}
          </Button>
        </>
      )}
      {manual && !kitHiddenStates.includes(state) && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={onDownloadKit}>
          {t('variantPanel:kit')}
        </Button>
      )}
      {manual && markPostedStates.includes(state) && (
        <Button buttonStyle="primary" size="small" disabled={busy} onClick={() => onOpen('posted')}>
          {t('variantPanel:markPosted')}
        </Button>
      )}
    </div>
  )
}
