'use client'
import { Button, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { callApi } from '../../../publishing/admin/publishing-client'
import { usePluginStrings } from '../../../translations/use-plugin-strings'

/** In a model's sidebar: NCSC puts it in use (when its precision holds) or retires it. */
export function ModelActivation() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: string }>()
  const { config } = useConfig()
  const router = useRouter()
  const { t, language } = usePluginStrings()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  const activatable = useFormFields(([fields]) => Boolean(fields.activatable?.value))
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null)
  if (!id) return null
  const isNcsc = user?.role === 'ncsc'

  async function act(action: 'activate' | 'retire') {
    setBusy(true)
    const result = await callApi<{ message: Record<string, string> }>(`${config.routes.api}/moderation-models/${id}/${action}`, { method: 'POST', body: {} })
    setBusy(false)
    setOutcome(result.ok ? { ok: true, message: result.body.message[language] ?? result.body.message.fr ?? '' } : { ok: false, message: result.message })
    if (result.ok) router.refresh()
  }

  return (
    <div dir={language === 'ar' ? 'rtl' : 'ltr'} data-testid="model-activation">
      {status === 'active' && <p data-testid="model-active">{t('triageModels:activeBadge')}</p>}
      {status !== 'active' && !activatable && <p data-testid="model-cannot-activate">{t('triageModels:cannotActivate')}</p>}
      {isNcsc && status !== 'active' && activatable && (
        <Button buttonStyle="primary" size="small" disabled={busy} onClick={() => void act('activate')} extraButtonProps={{ 'data-testid': 'model-activate' }}>
          {t('triageModels:activate')}
        </Button>
      )}
      {isNcsc && status === 'active' && (
        <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void act('retire')} extraButtonProps={{ 'data-testid': 'model-retire' }}>
          {t('triageModels:retire')}
        </Button>
      )}
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} data-testid={outcome.ok ? 'model-activation-done' : 'model-activation-error'}>
          {outcome.message}
        </p>
      )}
    </div>
  )
}
