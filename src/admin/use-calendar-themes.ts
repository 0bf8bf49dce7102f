'use client'
import { useEffect, useState } from 'react'

import type { LabelledOption } from './calendar-options'

/** The campaign's themes as filter options, named in the content locale. */
export function useCalendarThemes(apiRoute: string, contentLocale: string): LabelledOption[] {
  const [themes, setThemes] = useState<LabelledOption[]>([])

  useEffect(() => {
    const controller = new AbortController()
    fetch(`${apiRoute}/themes?limit=100&depth=0&sort=name&locale=${contentLocale}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs?: { id: number | string; name?: string }[] }) =>
        setThemes((body.docs ?? []).map((theme) => ({ value: String(theme.id), label: theme.name ?? String(theme.id) }))),
      )
      .catch(() => undefined)
    return () => controller.abort()
  }, [apiRoute, contentLocale])

  return themes
}
