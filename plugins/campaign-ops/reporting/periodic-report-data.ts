/**
 * The figures of a periodic report, read through the reporting API's own builders (same
 * validation, same queries), so a report says what the dashboard and the API say for its period
 * and filters.
 */
import type { Payload } from 'payload'

import type { AdminLanguage } from '../../../src/i18n/catalogue'

import type { KpiName } from './kpi-catalogue'
import type { ExplainedRecommendation } from './recommendation-text'
import { breakdownReport, kpisReport, misconceptionsReport, postsReport, recommendationsReport, timeSeriesReport } from './report-builders'
import { breakdownQuery, kpisQuery, misconceptionsQuery, postsQuery, recommendationsQuery, reportFilters, timeSeriesQuery } from './report-parameters'
import { daysBetween } from './report-periods'
import type { CivilDate } from './report-periods'

/** The filters a subscription keeps, as the API's parameters name them. */
export type PeriodicReportScope = {
  from: CivilDate
  to: CivilDate
  platform?: string[]
  language?: string[]
  theme?: number[]
  audience?: string[]
  format?: string[]
  keyMoment?: number[]
}

/** The KPIs a periodic report opens with: reach, engagement, community, debate, moderation, publishing. */
export const periodicReportKpis: KpiName[] = [
  'impressions',
  'sum_of_post_reach',
  'interactions',
  'engagement_rate_reach_median',
  'video_views',
  'followers',
  'net_follower_change',
  'inbound_volume',
  'response_rate',
  'first_response_time_median_hours',
  'first_response_time_business_median_hours',
  'sla_compliance',
  'escalations',
  'escalation_resolution_median_hours',
  'misconception_prevalence',
  'tone',
  'moderation_hidden',
  'automatic_precision',
  'crisis_alerts',
  'crisis_resolve_median_hours',
  'posts_published',
  'on_time_rate',
]

export const trendKpis: KpiName[] = ['impressions', 'interactions', 'inbound_volume']
export const networkKpis: KpiName[] = ['impressions', 'inbound_volume']
export const categoryKpis: KpiName[] = ['moderation_decisions', 'moderation_hidden']

type Values = Record<string, number | null>
export type KpiLine = { name: KpiName; unit: 'count' | 'ratio' | 'hours'; value: number | null; previous: number | null; change: number | null }
export type MythTotal = { myth: string; matching: number; comments: number; prevalence: number | null }
export type ReportPost = {
  id: number
  label: string | null
  network: string
  publishedAt: string
  permalink: string | null
  interactions: number | null
  impressions: number | null
}

export type PeriodicReportData = {
  scope: PeriodicReportScope
  interval: 'day' | 'week'
  kpis: KpiLine[]
  trend: { start: string; values: Values }[]
  byNetwork: { key: string | null; values: Values }[]
  byCategory: { key: string | null; values: Values }[]
  myths: MythTotal[]
  topPosts: ReportPost[]
  recommendations: ExplainedRecommendation[]
  engagementLookbackDays: number
  crises: CrisisEpisode[]
}

/** A crisis alert raised in the period, as the report tells it. */
export type CrisisEpisode = {
  level: 'watch' | 'crisis'
  subject: Partial<Record<AdminLanguage, string>>
  raisedAt: string
  acknowledgedAt: string | null
  resolvedAt: string | null
  peakObserved: number | null
  stepsDone: number
  stepsTotal: number
  summary: string | null
}

/** The crisis alerts raised in the period (all networks: an alert is about comments, not about the report's filters). */
async function crisisEpisodes(payload: Payload, scope: PeriodicReportScope): Promise<CrisisEpisode[]> {
  const filters = await reportFilters(payload, { from: scope.from, to: scope.to })
  const { docs } = await payload.find({
    collection: 'crisis-alerts',
    where: { and: [{ raisedAt: { greater_than_equal: filters.from.toISOString() } }, { raisedAt: { less_than: filters.to.toISOString() } }] },
    sort: 'raisedAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((alert) => ({
    level: alert.level,
    subject: (alert.subject ?? {}) as CrisisEpisode['subject'],
    raisedAt: alert.raisedAt!,
    acknowledgedAt: alert.acknowledgedAt ?? null,
    resolvedAt: alert.resolvedAt ?? null,
    peakObserved: alert.peakObserved ?? null,
    stepsDone: (alert.checklist ?? []).filter((step) => step.doneAt).length,
    stepsTotal: (alert.checklist ?? []).length,
    summary: alert.resolutionNote ?? null,
  }))
}

/** The scope as the API's query parameters (lists comma-separated, as a caller would send them). */
function parameters(scope: PeriodicReportScope, extra: Record<string, string> = {}): Record<string, string> {
  const query: Record<string, string> = { from: scope.from, to: scope.to, ...extra }
  for (const name of ['platform', 'language', 'theme', 'audience', 'format', 'keyMoment'] as const) {
    const values = scope[name]
    if (values?.length) query[name] = values.join(',')
  }
  return query
}

/** Reads every figure of the report; a scope the API would refuse (a deleted theme) fails with the API's refusal. */
export async function periodicReportData(payload: Payload, scope: PeriodicReportScope): Promise<PeriodicReportData> {
  // A month reads best per week, a week per day.
  const interval = daysBetween(scope.from, scope.to) > 31 ? 'week' : 'day'
  const [kpis, trend, byNetwork, byCategory, misconceptions, posts, recommendations, crises] = await Promise.all([
    kpisReport(payload, kpisQuery.parse(parameters(scope, { kpi: periodicReportKpis.join(','), compare: 'previous' }))),
    timeSeriesReport(payload, timeSeriesQuery.parse(parameters(scope, { kpi: trendKpis.join(','), interval }))),
    breakdownReport(payload, breakdownQuery.parse(parameters(scope, { kpi: networkKpis.join(','), by: 'network' }))),
    breakdownReport(payload, breakdownQuery.parse(parameters(scope, { kpi: categoryKpis.join(','), by: 'category' }))),
    misconceptionsReport(payload, misconceptionsQuery.parse(parameters(scope))),
    postsReport(payload, postsQuery.parse(parameters(scope, { sort: 'interactions', limit: '5' }))),
    recommendationsReport(payload, recommendationsQuery.parse(parameters(scope))),
    crisisEpisodes(payload, scope),
  ])
  const weeks = (misconceptions.json as { weeks: { myth: string; matching: number; comments: number }[] }).weeks
  const totals = new Map<string, MythTotal>()
  for (const week of weeks) {
    const total = totals.get(week.myth) ?? { myth: week.myth, matching: 0, comments: 0, prevalence: null }
    total.matching += week.matching
    total.comments += week.comments
    totals.set(week.myth, total)
  }
  const myths = [...totals.values()]
    .map((total) => ({ ...total, prevalence: total.comments ? total.matching / total.comments : null }))
    .filter((total) => total.matching > 0)
    .sort((a, b) => b.matching - a.matching || a.myth.localeCompare(b.myth))
  const recommendationsJson = recommendations.json as { recommendations: ExplainedRecommendation[]; engagementLookbackDays: number }
  return {
    scope,
    interval,
    kpis: (kpis.json as { kpis: KpiLine[] }).kpis,
    trend: (trend.json as { points: PeriodicReportData['trend'] }).points,
    byNetwork: (byNetwork.json as { groups: PeriodicReportData['byNetwork'] }).groups,
    byCategory: (byCategory.json as { groups: PeriodicReportData['byCategory'] }).groups,
    myths,
    topPosts: (posts.json as { docs: ReportPost[] }).docs,
    recommendations: recommendationsJson.recommendations,
    engagementLookbackDays: recommendationsJson.engagementLookbackDays,
    crises,
  }
}
