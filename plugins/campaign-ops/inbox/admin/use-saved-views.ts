'use client'
import { usePreferences } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { inboxFilterKeys } from './inbox-query'
import type { InboxFilters } from './inbox-query'

/** A set of filters a person named to come back to; kept in their own Payload preferences. */
export type SavedView = { id: string; name: string; filters: InboxFilters }

export const savedViewsPreference = 'badil-inbox-saved-views'
export const maxSavedViews = 20

/** Reads what the preference holds, dropping anything that is not a view (an older shape, a hand edit). */
function asSavedViews(value: unknown): SavedView[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((entry): SavedView[] => {
    if (!entry || typeof entry !== 'object') return []
    const { id, name, filters } = entry as Record<string, unknown>
    if (typeof id !== 'string' || typeof name !== 'string' || !filters || typeof filters !== 'object') return []
    const kept: InboxFilters = {}
    for (const key of inboxFilterKeys) {
      const value = (filters as Record<string, unknown>)[key]
      if (typeof value === 'string' && value) kept[key] = value
    }
    return [{ id, name, filters: kept }]
  })
}

/** The person's saved inbox views: listed, added (newest last, at most 20), removed. */
export function useSavedViews() {
  const { getPreference, setPreference } = usePreferences()
  const [views, setViews] = useState<SavedView[]>([])

  useEffect(() => {
    let active = true
    void getPreference<unknown>(savedViewsPreference).then((value) => {
      if (active) setViews(asSavedViews(value))
    })
    return () => {
      active = false
    }
  }, [getPreference])

  const store = useCallback(
    async (next: SavedView[]) => {
      setViews(next)
      await setPreference(savedViewsPreference, next)
    },
    [setPreference],
  )

  const save = useCallback(
    (name: string, filters: InboxFilters) => {
      const trimmed = name.trim().slice(0, 80)
      if (!trimmed) return Promise.resolve()
      const others = views.filter((view) => view.name !== trimmed)
      const view: SavedView = { id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, name: trimmed, filters }
      return store([...others, view].slice(-maxSavedViews))
    },
    [store, views],
  )

  const remove = useCallback((id: string) => store(views.filter((view) => view.id !== id)), [store, views])

  return { views, save, remove }
}
