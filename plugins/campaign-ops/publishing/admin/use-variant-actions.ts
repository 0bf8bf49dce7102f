'use client'
import { toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { callApi, downloadFile, idOf, isHttpUrl, parseCasablancaInput } from './publishing-client'
import type { ApiError, Id } from './publishing-client'
import { defaultWallTime } from './variant-panel-rules'
import type { Mode, VariantDoc, VariantFormValues } from './variant-panel-rules'

export type UseVariantActionsOptions = {
  api: string
  id: Id | undefined
  doc: VariantDoc | null
  /** Takes the variant an action answered with (see useVariantDoc). */
  accept: (next: VariantDoc, origin: 'poll' | 'action') => void
  load: () => Promise<void>
}

const emptyValues: VariantFormValues = { when: '', reason: '', permalink: '', remoteId: '' }

/**
 * The panel's actions: which form is open, what it holds, its checks before the call, the call to
 * `POST /api/platform-variants/:id/<action>` (or the kit's download) and its answer.
 */
export function useVariantActions({ api, id, doc, accept, load }: UseVariantActionsOptions) {
  const { t } = usePluginStrings()
  const router = useRouter()
  const [mode, setMode] = useState<Mode>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [values, setValues] = useState<VariantFormValues>(emptyValues)

  const setValue = (field: keyof VariantFormValues, value: string) => setValues((current) => ({ ...current, [field]: value }))

  function open(next: Mode) {
    setError(null)
    setValues((current) => ({ ...current, reason: '', permalink: '', remoteId: '' }))
    if (next === 'reschedule') setValue('when', defaultWallTime(doc?.scheduledAt))
    setMode(next)
  }

  async function act(path: string, body: unknown, success: string) {
    setBusy(true)
    setError(null)
    const result = await callApi<{ variant?: VariantDoc }>(`${api}/platform-variants/${id}/${path}`, { method: 'POST', body })
    setBusy(false)
    if (!result.ok) return setError(result)
    toast.success(success)
    setMode(null)
    if (result.body?.variant) {
      accept({ ...result.body.variant, networkAccount: idOf(result.body.variant.networkAccount) }, 'action')
    } else {
      await load()
      router.refresh()
    }
  }

  function close() {
    setMode(null)
    setError(null)
  }

  const invalid = (message: string, field?: string) => setError({ status: 0, message, field })

  function submit() {
    const trimmedReason = values.reason.trim()
    const trimmedLink = values.permalink.trim()
    const trimmedRemoteId = values.remoteId.trim() || undefined
    switch (mode) {
      case 'publish':
        return act('publish-now', {}, t('variantPanel:done:publish'))
      case 'reschedule': {
        const parsed = parseCasablancaInput(values.when)
        if (!parsed) return invalid(t('variantPanel:invalidTime'), 'scheduledAt')
        if (parsed.utc.getTime() <= Date.now()) return invalid(t('variantPanel:pastTime'), 'scheduledAt')
        return act('reschedule', { scheduledAt: parsed.utc.toISOString() }, t('variantPanel:done:reschedule'))
      }
      case 'cancel':
        return act('cancel', trimmedReason ? { reason: trimmedReason } : {}, t('variantPanel:done:cancel'))
      case 'published':
        if (!isHttpUrl(trimmedLink)) return invalid(t('variantPanel:needsPermalink'), 'permalink')
        return act('resolve', { resolution: 'published', permalink: trimmedLink, remoteId: trimmedRemoteId }, t('variantPanel:done:resolve'))
      case 'not_published':
        return act('resolve', { resolution: 'not_published', ...(trimmedReason ? { reason: trimmedReason } : {}) }, t('variantPanel:done:resolve'))
      case 'failed':
        if (!trimmedReason) return invalid(t('variantPanel:needsReason'), 'reason')
        return act('resolve', { resolution: 'failed', reason: trimmedReason }, t('variantPanel:done:resolve'))
      case 'posted':
        if (!isHttpUrl(trimmedLink)) return invalid(t('variantPanel:needsPermalink'), 'permalink')
        return act('mark-posted', { permalink: trimmedLink, remoteId: trimmedRemoteId }, t('variantPanel:done:posted'))
      default:
        return undefined
    }
  }

  async function downloadKit() {
    setBusy(true)
    setError(null)
    const result = await downloadFile(`${api}/platform-variants/${id}/kit`, `kit-${id}.zip`)
    setBusy(false)
    if (!result.ok) setError(result)
  }

  return { mode, busy, error, values, setValue, open, close, submit, downloadKit }
}
