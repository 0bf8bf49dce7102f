'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { Interaction } from '../../../../payload-types'
import { callApi } from '../../publishing/admin/publishing-client'
import { listUrl } from './inbox-query'
import type { InboxFilters } from './inbox-query'

/** How often the list asks for what arrived meanwhile, in a visible tab. */
export const inboxRefreshMs = 10_000
export const inboxPageSize = 50

type ListAnswer = { docs: Interaction[]; totalDocs: number }

/**
 * The inbox list for the filters, kept fresh without a reload: asked again every 10 seconds while
 * the tab is visible and after each action. Rows that came since the page was opened are marked
 * new until they are opened.
 */
export function useInboxList(api: string, filters: InboxFilters, userId: number | string) {
  const [items, setItems] = useState<Interaction[]>([])
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [arrived, setArrived] = useState<ReadonlySet<number>>(new Set())
  const seen = useRef<Set<number> | null>(null)
  const url = listUrl(api, filters, userId, inboxPageSize)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const result = await callApi<ListAnswer>(url, { signal }).catch(() => null)
      if (!result) return
      setLoading(false)
      if (!result.ok) return setError(result.message)
      setError(null)
      const docs = result.body.docs ?? []
      if (seen.current) {
        const fresh = docs.filter((doc) => !seen.current!.has(doc.id)).map((doc) => doc.id)
        if (fresh.length) setArrived((previous) => new Set([...previous, ...fresh]))
      }
      seen.current = new Set([...(seen.current ?? []), ...docs.map((doc) => doc.id)])
      setItems(docs)
      setTotal(result.body.totalDocs ?? docs.length)
    },
    [url],
  )

  useEffect(() => {
    // A new filter is a new list: nothing in it is "new since the page opened".
    seen.current = null
    setArrived(new Set())
    setLoading(true)
    const controller = new AbortController()
    void load(controller.signal)
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load(controller.signal)
    }, inboxRefreshMs)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [load])

  const markOpened = useCallback((id: number) => {
    setArrived((previous) => {
      if (!previous.has(id)) return previous
      const next = new Set(previous)
      next.delete(id)
      return next
    })
  }, [])

  /** Puts an interaction the server just answered with in place, before the next refresh. */
  const replaceItem = useCallback((updated: Interaction) => {
    // The server answers at depth 0: the post read along with the list is kept.
    setItems((previous) => previous.map((item) => (item.id === updated.id ? { ...item, ...updated, variant: item.variant, account: item.account } : item)))
  }, [])

  return { items, total, error, loading, arrived, load, markOpened, replaceItem }
}
