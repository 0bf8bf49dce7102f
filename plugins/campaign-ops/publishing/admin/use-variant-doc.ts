'use client'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'

import { callApi } from './publishing-client'
import type { Id } from './publishing-client'
import { later, pollDelay } from './variant-panel-rules'
import type { VariantDoc } from './variant-panel-rules'

export type UseVariantDocOptions = {
  id: Id | undefined
  /** The document form's saved data (the first copy, and its updatedAt moves on at each save). */
  savedData: Record<string, unknown> | undefined
  api: string
  /** The document form has unsaved edits. */
  modified: boolean
}

/**
 * The variant as the server has it: loaded at first and after each save of the form, then again
 * every few seconds while the scheduler may move it on (only in a visible tab).
 */
export function useVariantDoc({ id, savedData, api, modified }: UseVariantDocOptions) {
  const router = useRouter()
  const [doc, setDoc] = useState<VariantDoc | null>(() => (savedData && id ? ({ ...savedData, id } as VariantDoc) : null))
  const [loadError, setLoadError] = useState<string | null>(null)
  const [stale, setStale] = useState(false)

  const modifiedRef = useRef(modified)
  modifiedRef.current = modified
  const seenUpdatedAt = useRef<string | undefined>(savedData?.updatedAt as string | undefined)
  const docRef = useRef(doc)
  docRef.current = doc

  /**
   * Takes a fresh copy of the variant. When the server changed it (the scheduler moved it on, or
   * an action here), the form is reloaded too (router.refresh, as Payload does for stale data) so
   * that a later save does not send old values; unless the person has unsaved edits: then they
   * are told and choose.
   */
  const accept = useCallback(
    (next: VariantDoc, origin: 'poll' | 'action') => {
      setDoc(next)
      const changed = Boolean(seenUpdatedAt.current) && later(next.updatedAt, seenUpdatedAt.current)
      if (later(next.updatedAt, seenUpdatedAt.current)) seenUpdatedAt.current = next.updatedAt
      if (origin === 'action' || (changed && !modifiedRef.current)) {
        setStale(false)
        router.refresh()
      } else if (changed) {
        setStale(true)
      }
    },
    [router],
  )

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (!id) return
      const result = await callApi<VariantDoc>(`${api}/platform-variants/${id}?depth=0&joins[attemptHistory]=false`, { signal }).catch(() => null)
      if (!result) return
      if (!result.ok) return setLoadError(result.message)
      setLoadError(null)
      accept(result.body, 'poll')
    },
    [accept, api, id],
  )

  // First load, and again after each save of the form (its updatedAt moves on).
  const savedUpdatedAt = savedData?.updatedAt as string | undefined
  useEffect(() => {
    if (later(savedUpdatedAt, seenUpdatedAt.current)) seenUpdatedAt.current = savedUpdatedAt
    const controller = new AbortController()
    void load(controller.signal)
    return () => controller.abort()
  }, [load, savedUpdatedAt])

  // Live state while the scheduler may move the variant: every few seconds, only in a visible tab.
  const state = doc?.publicationState ?? 'draft'
  useEffect(() => {
    if (!id) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const schedule = () => {
      const delay = docRef.current ? pollDelay(docRef.current) : null
      if (delay === null || stopped) return
      timer = setTimeout(async () => {
        if (document.visibilityState === 'visible') await load()
        schedule()
      }, delay)
    }
    schedule()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [id, load, state])

  /** The person chose to drop their edits for the server's copy. */
  function reloadForm() {
    setStale(false)
    router.refresh()
  }

  return { doc, loadError, stale, accept, load, reloadForm }
}
