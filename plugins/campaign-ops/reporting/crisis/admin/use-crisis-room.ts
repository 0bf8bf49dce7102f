'use client'
import { useCallback, useEffect, useState } from 'react'

import type { CrisisAlert } from '../../../../../payload-types'
import { callApi } from '../../../publishing/admin/publishing-client'

export type CrisisRoomData = {
  alert: CrisisAlert
  /** The sustained window of the watch's settings, in hours. */
  watchWindowHours: number
  chart: { at: string; observed: number; expected: number | null }[]
  comments: { interaction: number; network: string; author: string | null; excerpt: string; at: string; status: string }[]
  playbook: {
    name: string
    contacts: { name: string; role?: string | null; phone?: string | null; email?: string | null }[]
    statements: { name: string; body: Record<string, string | undefined> }[]
  } | null
  people: Record<string, string>
}

const refreshMs = 60_000

/** The room's data for one alert, refreshed every minute and after each action. */
export function useCrisisRoom(api: string, alertId: number) {
  const [data, setData] = useState<CrisisRoomData | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    const result = await callApi<CrisisRoomData>(`${api}/crisis-alerts/${alertId}/room`)
    if (result.ok) {
      setData(result.body)
      setError(null)
    } else setError(result.message)
  }, [api, alertId])

  useEffect(() => {
    void load()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load()
    }, refreshMs)
    return () => clearInterval(timer)
  }, [load])

  return { data, error, reload: load }
}
