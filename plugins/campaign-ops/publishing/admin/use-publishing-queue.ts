'use client'
import { useCallback, useEffect, useState } from 'react'

import { callApi, onCrisisChange } from './publishing-client'
import type { Id } from './publishing-client'

export type QueueAccount = { id: Id; name?: string | null; status?: string | null; connection?: string | null }
export type QueueItem = {
  id: Id
  label?: string | null
  platform: string
  language?: string | null
  scheduledAt?: string | null
  publicationState: string
  /** Scheduled, and its time has passed (the scheduler has not taken it yet). */
  overdue?: boolean
  account: QueueAccount | null
  contentItem?: { id: Id; title?: unknown } | null
}
export type QueueNetwork = { network: string; label?: unknown; items: QueueItem[] }
export type AttentionItem = {
  id: Id
  label?: string | null
  platform: string
  publicationState: string
  /** Why it waits for a person (see publishing-queue.ts). */
  reason?: string
  lastError?: string | null
  scheduledAt?: string | null
}
export type Queue = { now?: string; crisis?: unknown; networks: QueueNetwork[]; attention: AttentionItem[] }

/** How far ahead the queue looks. */
export const queueHours = 24
const refreshMs = 30_000

/** Loads `GET /api/publishing/queue?hours=24` and keeps it fresh (every 30 s in a visible tab, and after a crisis switch). */
export function usePublishingQueue(api: string) {
  const [queue, setQueue] = useState<Queue | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoading(true)
      const result = await callApi<Queue>(`${api}/publishing/queue?hours=${queueHours}`, { signal }).catch(() => null)
      if (!result) return
      setLoading(false)
      if (!result.ok) return setError(result.message)
      setError(null)
      setQueue({ ...result.body, networks: result.body.networks ?? [], attention: result.body.attention ?? [] })
    },
    [api],
  )

  useEffect(() => {
    const controller = new AbortController()
    void load(controller.signal)
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load(controller.signal)
    }, refreshMs)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [load])

  // A switch from the crisis control (here or elsewhere in this tab): what is held changes.
  useEffect(() => onCrisisChange(() => void load()), [load])

  return { queue, error, loading, load }
}
