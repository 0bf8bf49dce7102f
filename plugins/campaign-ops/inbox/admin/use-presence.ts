'use client'
import { useEffect, useRef, useState } from 'react'

import { callApi } from '../../publishing/admin/publishing-client'

export type PresenceActivity = 'viewing' | 'replying'
export type Colleague = { userId: number | string; name: string; activity: PresenceActivity; since?: string }

/** Heartbeat interval: the server forgets a presence after 45 s without one. */
const heartbeatMs = 15_000

/**
 * Says on the server that this person has the thread open (or is writing a reply), every 15 s while
 * it stays open and at once when the activity changes, and returns the colleagues who do too;
 * leaving the thread says so at once.
 */
export function usePresence(api: string, interactionId: number | null, activity: PresenceActivity): Colleague[] {
  const [colleagues, setColleagues] = useState<Colleague[]>([])
  const activityRef = useRef(activity)
  const beatRef = useRef<(() => Promise<void>) | null>(null)

  useEffect(() => {
    setColleagues([])
    if (interactionId === null) return
    const url = `${api}/interactions/${interactionId}/presence`
    const controller = new AbortController()
    const beat = async () => {
      const result = await callApi<{ present?: Colleague[] }>(url, {
        method: 'POST',
        body: { activity: activityRef.current },
        signal: controller.signal,
      }).catch(() => null)
      if (result?.ok) setColleagues(result.body.present ?? [])
    }
    beatRef.current = beat
    void beat()
    const timer = setInterval(() => void beat(), heartbeatMs)
    return () => {
      beatRef.current = null
      clearInterval(timer)
      controller.abort()
      void fetch(url, { method: 'DELETE', credentials: 'include', keepalive: true }).catch(() => undefined)
    }
  }, [api, interactionId])

  useEffect(() => {
    if (activityRef.current === activity) return
    activityRef.current = activity
    void beatRef.current?.()
  }, [activity])

  return colleagues
}
