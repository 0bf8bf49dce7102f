'use client'
import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useEffect, useState } from 'react'

import type { Localized } from '../i18n/catalogue'
import { useAppStrings } from '../i18n/use-app-strings'

/** A transition the server allows, its label already in every language. */
type Available = { name: string; to: string; reasonRequired: boolean; label: Localized }

/**
 * The workflow buttons of a content item: only the transitions the signed-in person may take
 * from its current state, as the server's transition table says.
 */
export function WorkflowControls() {
  const { id } = useDocumentInfo()
  const { t, language: lang } = useAppStrings()
  const router = useRouter()
  const [available, setAvailable] = useState<Available[]>([])
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`/api/content-items/${id}/transitions`, { credentials: 'include' })
    if (response.ok) setAvailable((await response.json()).transitions)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  async function take(transition: Available) {
    let reason: string | null = null
    if (transition.reasonRequired) {
      reason = window.prompt(t('workflowControls:reason'))
      if (!reason?.trim()) return
    }
    setBusy(true)
    const response = await fetch(`/api/content-items/${id}/transition`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: transition.to, reason }),
    })
    setBusy(false)
    const body = await response.json()
    if (!response.ok) {
      toast.error(body.errors?.[0]?.message ?? response.statusText)
      return
    }
    toast.success(transition.label[lang])
    await load()
    router.refresh()
  }

  if (!id || available.length === 0) return null
  return (
    <div data-testid="workflow-controls" style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
      {available.map((transition) => (
        <Button
          key={transition.name}
          buttonStyle={transition.reasonRequired ? 'secondary' : 'primary'}
          disabled={busy}
          onClick={() => void take(transition)}
          size="medium"
        >
          {transition.label[lang]}
        </Button>
      ))}
    </div>
  )
}
