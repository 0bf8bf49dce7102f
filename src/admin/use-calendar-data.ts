'use client'
import { useEffect, useState } from 'react'

import type { CalendarData, CivilDate } from '../calendar/calendar-data'

/**
 * The calendar of the days from `from` to `to`, read again whenever they, the content locale or
 * the filters change; `failed` is the error shown when the API gives no message.
 */
export function useCalendarData(args: { apiRoute: string; from: CivilDate; to: CivilDate; contentLocale: string; filterQuery: string; failed: string }) {
  const { apiRoute, from, to, contentLocale, filterQuery, failed } = args
  const [data, setData] = useState<CalendarData | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    fetch(`${apiRoute}/calendar?from=${from}&to=${to}&locale=${contentLocale}${filterQuery}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? failed)
        setData(body as CalendarData)
        setError(null)
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure instanceof Error && failure.message ? failure.message : failed)
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false)
      })
    return () => controller.abort()
  }, [apiRoute, from, to, contentLocale, filterQuery, failed])

  return { data, loading, error }
}
