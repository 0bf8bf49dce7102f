'use client'
import { useFormFields } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import type { Localized } from '../i18n/catalogue'

/** A limit the variant breaks or comes near, its message already in every language. */
export type Issue = { code: string; field: string; message: Localized }
export type Report = {
  ok: boolean
  errors: Issue[]
  warnings: Issue[]
  measures: { textLength: number; textLimit: number | null; countingMethod: string; hashtagCount: number; mentionCount: number; truncationIndex?: number }
}
export type Preview = { rtl: boolean; rendition: string; aspectRatio: number; mediaUrl: string | null; mediaKind: string | null }
export type VariantCheck = { report: Report; composedText: string; preview: Preview }

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/**
 * The server's check of the variant being edited, asked again 300 ms after the fields change;
 * `picked` is false until the form has a network and a language.
 */
export function useVariantReport(): { picked: boolean; result: VariantCheck | null } {
  const values = useFormFields(([fields]) => ({
    platform: fields.platform?.value,
    language: fields.language?.value,
    text: fields.text?.value,
    title: fields.title?.value,
    hashtags: fields.hashtags?.value,
    link: fields.link?.value,
    firstComment: fields.firstComment?.value,
    media: fields.media?.value,
  }))
  const body = useMemo(
    () =>
      JSON.stringify({
        ...values,
        media: Array.isArray(values.media) ? values.media.map(idOf) : [],
        hashtags: Array.isArray(values.hashtags) ? values.hashtags : [],
      }),
    [values],
  )
  const [result, setResult] = useState<VariantCheck | null>(null)

  useEffect(() => {
    if (!values.platform || !values.language) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch('/api/platform-variants/validate', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: controller.signal,
      })
        .then((response) => (response.ok ? response.json() : null))
        .then((json) => json && setResult(json))
        .catch(() => undefined)
    }, 300)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [body, values.platform, values.language])

  return { picked: Boolean(values.platform && values.language), result }
}
