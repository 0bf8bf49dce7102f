'use client'
import { Button, useAuth, useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import { callApi } from '../../../publishing/admin/publishing-client'
import { usePluginStrings } from '../../../translations/use-plugin-strings'

type Outcome = { ok: boolean; message: string }

/** Above the list of triage models: what the model learns from, and "train now" for NCSC and admins. */
export function TrainModelButton() {
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const { t, language } = usePluginStrings()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const mayTrain = user?.role === 'ncsc' || user?.role === 'admin'

  async function train() {
    setBusy(true)
    const result = await callApi<{ message: Record<string, string> | string }>(`${config.routes.api}/moderation-models/train`, { method: 'POST', body: {} })
    setBusy(false)
    if (result.ok) {
      const message = result.body.message
      setOutcome({ ok: true, message: typeof message === 'string' ? message : (message[language] ?? message.fr ?? '') })
    } else {
      setOutcome({ ok: false, message: result.message })
    }
  }

  return (
    // Payload's gutter, so the panel lines up with the list below it.
    <div dir={language === 'ar' ? 'rtl' : 'ltr'} data-testid="train-model" className="gutter--left gutter--right" style={{ marginBlock: 'var(--base)' }}>
      <p>{t('triageModels:trainHelp')}</p>
      {mayTrain && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void train()} extraButtonProps={{ 'data-testid': 'train-model-button' }}>
          {busy ? t('triageModels:training') : t('triageModels:train')}
        </Button>
      )}
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} data-testid={outcome.ok ? 'train-model-queued' : 'train-model-error'}>
          {outcome.message}
        </p>
      )}
    </div>
  )
}
