'use client'
import { useCallback, useEffect, useState } from 'react'

import { chartInterval } from './dashboard-period'
import type { DashboardData, DashboardFilters } from './dashboard-types'

/** The reporting API's query for these filters, without the empty ones. */
export function reportQuery(filters: DashboardFilters, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) query.set(name, value)
  return query.toString()
}

const trendKpis = 'impressions,interactions,inbound_volume'
const networkKpis = 'impressions,inbound_volume,first_response_time_median_hours,first_response_time_p90_hours,on_time_rate'
const categoryKpis = 'moderation_decisions,moderation_hidden'

async function read<T>(path: string): Promise<T> {
  const response = await fetch(`/api/reports/${path}`, { credentials: 'include' })
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return (await response.json()) as T
}

/** Everything the dashboard shows, read from the reporting API in one go whenever the filters change. */
export function useDashboardData(filters: DashboardFilters, cards: string[]) {
  const [data, setData] = useState<DashboardData | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => setAttempt((count) => count + 1), [])

  useEffect(() => {
    let current = true
    setState('loading')
    const interval = chartInterval(filters.from, filters.to)
    Promise.all([
      read<{ kpis: DashboardData['kpis'] }>(`kpis?${reportQuery(filters, { kpi: cards.join(','), compare: 'previous' })}`),
      read<{ points: DashboardData['trend'] }>(`timeseries?${reportQuery(filters, { kpi: trendKpis, interval })}`),
      read<{ groups: DashboardData['byNetwork'] }>(`breakdown?${reportQuery(filters, { kpi: networkKpis, by: 'network' })}`),
      read<{ groups: DashboardData['byCategory'] }>(`breakdown?${reportQuery(filters, { kpi: categoryKpis, by: 'category' })}`),
      read<{ weeks: DashboardData['misconceptions'] }>(`misconceptions?${reportQuery(filters)}`),
      read<{ docs: DashboardData['topPosts'] }>(`posts?${reportQuery(filters, { sort: 'interactions', limit: '5' })}`),
      read<{ recommendations: DashboardData['recommendations']; engagementLookbackDays: number }>(`recommendations?${reportQuery(filters)}`),
    ])
      .then(([kpis, trend, byNetwork, byCategory, misconceptions, posts, recommendations]) => {
        if (!current) return
        setData({
          kpis: kpis.kpis,
          trend: trend.points,
          byNetwork: byNetwork.groups,
          byCategory: byCategory.groups,
          misconceptions: misconceptions.weeks,
          topPosts: posts.docs,
          recommendations: recommendations.recommendations,
          engagementLookbackDays: recommendations.engagementLookbackDays,
        })
        setState('ready')
      })
      .catch(() => current && setState('failed'))
    return () => {
      current = false
    }
  }, [filters, cards, attempt])

  return { data, state, retry, trendKpis: trendKpis.split(','), interval: chartInterval(filters.from, filters.to) }
}
