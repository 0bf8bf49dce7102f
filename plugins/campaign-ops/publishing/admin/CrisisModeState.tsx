'use client'
import React from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { crisisActorName } from './publishing-client'
import type { CrisisState } from './publishing-client'
import styles from './publishing.module.css'

/** Crisis mode as it stands: on or off, with the last change's reason, time and author. */
export function CrisisModeState({ crisis }: { crisis: CrisisState }) {
  const { t, language: lang } = usePluginStrings()
  const actor = crisisActorName(crisis.changedBy)
  return (
    <div className={styles.crisisState} data-active={crisis.active} data-testid="crisis-state" role="status">
      <strong>{crisis.active ? t('crisisMode:active') : t('crisisMode:inactive')}</strong>
      {(crisis.reason || crisis.changedAt) && (
        <dl className={styles.facts} style={{ marginBlockStart: '0.5rem' }}>
          {crisis.reason && (
            <>
              <dt>{crisis.active ? t('crisisMode:reason') : `${t('crisisMode:lastChange')} · ${t('crisisMode:reason')}`}</dt>
              <dd dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {crisis.reason}
              </dd>
            </>
          )}
          {crisis.changedAt && (
            <>
              <dt>{t('crisisMode:since')}</dt>
              <dd>{formatInCasablanca(crisis.changedAt, lang)}</dd>
            </>
          )}
          {actor && (
            <>
              <dt>{t('crisisMode:by')}</dt>
              <dd dir="auto">{actor}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  )
}
