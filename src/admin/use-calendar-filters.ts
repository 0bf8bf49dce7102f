'use client'
import { useState } from 'react'

export type FilterName = 'platform' | 'theme' | 'audience' | 'language'
type Filters = Record<FilterName, string[]>

const noFilters: Filters = { platform: [], theme: [], audience: [], language: [] }
const filterNames: FilterName[] = ['platform', 'theme', 'audience', 'language']

/** The calendar's filters: what is ticked in each group, and the query string they add to the API call. */
export function useCalendarFilters() {
  const [filters, setFilters] = useState<Filters>(noFilters)

  function toggle(name: FilterName, value: string) {
    setFilters((current) => ({
      ...current,
      [name]: current[name].includes(value) ? current[name].filter((selected) => selected !== value) : [...current[name], value],
    }))
  }

  const query = filterNames
    .filter((name) => filters[name].length > 0)
    .map((name) => `&${name}=${encodeURIComponent(filters[name].join(','))}`)
    .join('')
  const active = filterNames.some((name) => filters[name].length > 0)
  return { filters, toggle, clear: () => setFilters(noFilters), query, active }
}
