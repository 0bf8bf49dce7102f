'use client'
import { useEffect, useState } from 'react'

import { callApi, normalizeCrisis, onCrisisChange } from './publishing-client'
import type { CrisisState } from './publishing-client'

/**
 * Crisis mode for the control: the page's copy when it has one (`initial`), else asked of
 * `GET /api/publishing/crisis` (`initial` undefined); then followed through this tab's switches.
 */
export function useCrisisMode(api: string, initial: CrisisState | null | undefined) {
  const [crisis, setCrisis] = useState<CrisisState | null>(initial ?? null)
  const [loadError, setLoadError] = useState<string | null>(null)

  // The page's copy wins when it is newer (the queue reloads every few seconds).
  useEffect(() => {
    if (initial) setCrisis(initial)
  }, [initial])

  useEffect(() => {
    if (initial !== undefined) return
    const controller = new AbortController()
    callApi<unknown>(`${api}/publishing/crisis`, { signal: controller.signal })
      .then((result) => {
        if (!result.ok) return setLoadError(result.message)
        setCrisis(normalizeCrisis(result.body))
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, initial])

  useEffect(() => onCrisisChange(setCrisis), [])

  return { crisis, setCrisis, loadError }
}
