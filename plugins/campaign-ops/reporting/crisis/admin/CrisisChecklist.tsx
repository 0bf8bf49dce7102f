'use client'
import React, { useState } from 'react'

import { casablancaStamp, callApi } from '../../../publishing/admin/publishing-client'
import { usePluginStrings } from '../../../translations/use-plugin-strings'
import styles from './crisis-room.module.css'
import type { CrisisRoomData } from './use-crisis-room'

type Props = { api: string; data: CrisisRoomData; canWork: boolean; onChanged: () => void }

/** The playbook's steps as a checklist: who ticked each and when; ticking is for those who work the alert. */
export function CrisisChecklist({ api, data, canWork, onChanged }: Props) {
  const { t, language } = usePluginStrings()
  const [busy, setBusy] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { alert, playbook, people } = data
  const steps = alert.checklist ?? []
  if (steps.length === 0) return <p className={styles.muted}>{t('crisisRoom:noPlaybook')}</p>
  const resolved = alert.status === 'resolved'
  const toggle = async (index: number, done: boolean) => {
    setBusy(index)
    const result = await callApi(`${api}/crisis-alerts/${alert.id}/checklist`, { method: 'POST', body: { step: index, done } })
    setBusy(null)
    setError(result.ok ? null : result.message)
    onChanged()
  }
  return (
    <div data-testid="crisis-checklist">
      {playbook && <h2>{t('crisisRoom:checklist', { name: playbook.name })}</h2>}
      <ol className={styles.steps}>
        {steps.map((step, index) => {
          const text = (step.text ?? {}) as Record<string, string | undefined>
          const doneBy = typeof step.doneBy === 'object' && step.doneBy ? step.doneBy.id : step.doneBy
          return (
            <li key={step.id ?? index}>
              <label>
                <input
                  type="checkbox"
                  checked={Boolean(step.doneAt)}
                  disabled={!canWork || resolved || busy !== null}
                  onChange={(event) => void toggle(index, event.target.checked)}
                />
                <span>
                  <bdi>{text[language] ?? text.fr ?? text.ar ?? ''}</bdi>
                  {step.doneAt && (
                    <span className={styles.muted}>
                      {' — '}
                      {t('crisisRoom:doneBy', { name: people[String(doneBy)] ?? '—', time: casablancaStamp(step.doneAt, language) })}
                    </span>
                  )}
                </span>
              </label>
            </li>
          )
        })}
      </ol>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
