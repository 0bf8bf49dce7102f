/**
 * The reports themselves, from validated parameters: each builder checks the scope (reportFilters),
 * runs the named queries and gives the answer as JSON and as a table (CSV). The REST endpoints
 * and the GraphQL fields both call these, so both transports give the same figures.
 */
import type { Payload } from 'payload'
import type { z } from 'zod'

import { pluginText } from '../translations'
import { refuse } from '../../../src/infra/endpoint'
import { kpiCatalogue } from './kpi-catalogue'
import type { KpiName } from './kpi-catalogue'
import {
  kpiBreakdown,
  kpiFigures,
  kpisWithoutDimension,
  kpiTimeSeries,
  misconceptionPrevalence,
  postFigures,
  reportDatabase,
  reportTimeZone,
} from './kpi-queries'
import type { KpiValues } from './kpi-queries'
import { previousPeriod } from './report-filters'
import type { ReportFilters } from './report-filters'
import {
  breakdownQuery,
  kpisAsked,
  kpisQuery,
  misconceptionsQuery,
  postsQuery,
  recommendationsQuery,
  reportFilters,
  timeSeriesQuery,
} from './report-parameters'
import { engagementLookbackDays, loadRecommendations } from './recommendations'
import { explainedRecommendations, recommendationNames } from './recommendation-text'

/** What the reports read through: Payload (its database, and the inbox settings' business hours). */
export type ReportPayload = Payload

export type Table = { columns: string[]; rows: unknown[][] }
export type Report = { json: object; table: () => Table }

type ScopeQuery = Parameters<typeof reportFilters>[1]

/** The period and filters as they are echoed in every answer. */
function scopeOf(query: ScopeQuery) {
  const filters: Record<string, Array<string | number>> = {}
  for (const name of ['platform', 'language', 'theme', 'audience', 'format', 'keyMoment'] as const) {
    if (query[name]) filters[name] = [...query[name]!]
  }
  return { period: { from: query.from, to: query.to, timeZone: reportTimeZone }, filters }
}

const change = (value: number | null, previous: number | null) => (value === null || previous === null || previous === 0 ? null : (value - previous) / previous)

export async function kpisReport(payload: ReportPayload, query: z.output<typeof kpisQuery>): Promise<Report> {
  const filters = await reportFilters(payload, query)
  const kpis = kpisAsked(query.kpi)
  const db = reportDatabase(payload)
  const [current, previous] = await Promise.all([
    kpiFigures(db, kpis, filters),
    query.compare === 'previous' ? kpiFigures(db, kpis, previousPeriod(filters)) : Promise.resolve<KpiValues | null>(null),
  ])
  const figures = kpis.map((name) => {
    const { unit, group, definition } = kpiCatalogue[name]
    const value = current[name] ?? null
    return {
      name,
      unit,
      group,
      definition,
      value,
      ...(previous ? { previous: previous[name] ?? null, change: change(value, previous[name] ?? null) } : {}),
    }
  })
  return {
    json: { ...scopeOf(query), kpis: figures },
    table: () => ({
      columns: ['kpi', 'unit', 'value', ...(previous ? ['previous', 'change'] : [])],
      rows: figures.map((figure) => [figure.name, figure.unit, figure.value, ...(previous ? [figure.previous, figure.change] : [])]),
    }),
  }
}

function valuesOf(point: KpiValues, kpis: readonly KpiName[]): Record<string, number | null> {
  return Object.fromEntries(kpis.map((kpi) => [kpi, point[kpi] ?? null]))
}

export async function timeSeriesReport(payload: ReportPayload, query: z.output<typeof timeSeriesQuery>): Promise<Report> {
  const kpis = kpisAsked(query.kpi)
  const filters = await reportFilters(payload, query)
  const points = await kpiTimeSeries(reportDatabase(payload), kpis, filters, query.interval)
  const series = points.map((point) => ({ start: point.start, values: valuesOf(point, kpis) }))
  return {
    json: { ...scopeOf(query), interval: query.interval, kpis, points: series },
    table: () => ({ columns: ['start', ...kpis], rows: series.map((point) => [point.start, ...kpis.map((kpi) => point.values[kpi])]) }),
  }
}

export async function breakdownReport(payload: ReportPayload, query: z.output<typeof breakdownQuery>): Promise<Report> {
  const kpis = kpisAsked(query.kpi)
  const without = kpisWithoutDimension(kpis, query.by)
  if (without.length) {
    refuse({ status: 400, code: 'breakdown_unavailable', field: 'by', message: pluginText('reportsApi:breakdownUnavailable', { kpis: without.join(', ') }) })
  }
  const filters = await reportFilters(payload, query)
  const groups = (await kpiBreakdown(reportDatabase(payload), kpis, filters, query.by)).map((group) => ({ key: group.key, values: valuesOf(group, kpis) }))
  return {
    json: { ...scopeOf(query), by: query.by, kpis, groups },
    table: () => ({ columns: [query.by, ...kpis], rows: groups.map((group) => [group.key, ...kpis.map((kpi) => group.values[kpi])]) }),
  }
}

export async function misconceptionsReport(payload: ReportPayload, query: z.output<typeof misconceptionsQuery>): Promise<Report> {
  const filters: ReportFilters = await reportFilters(payload, query)
  const weeks = await misconceptionPrevalence(reportDatabase(payload), filters)
  return {
    json: { ...scopeOf(query), weeks },
    table: () => ({
      columns: ['myth', 'week', 'matching', 'comments', 'prevalence'],
      rows: weeks.map((week) => [week.myth, week.week, week.matching, week.comments, week.prevalence]),
    }),
  }
}

export async function postsReport(payload: ReportPayload, query: z.output<typeof postsQuery>): Promise<Report> {
  const filters = await reportFilters(payload, query)
  const { docs, totalDocs } = await postFigures(reportDatabase(payload), filters, query.sort, query.page, query.limit)
  const columns = [
    'id',
    'label',
    'platform',
    'network',
    'language',
    'publishedAt',
    'permalink',
    'measuredAt',
    'impressions',
    'reach',
    'videoViews',
    'interactions',
    'clicks',
    'engagementRateReach',
    'engagementRateImpressions',
  ] as const
  return {
    json: { ...scopeOf(query), docs, totalDocs, page: query.page, limit: query.limit, totalPages: Math.ceil(totalDocs / query.limit) },
    table: () => ({ columns: [...columns], rows: docs.map((doc) => columns.map((column) => doc[column])) }),
  }
}

/** The recommendations over the period, each with its figures and its sentence in every admin language. */
export async function recommendationsReport(payload: Payload, query: z.output<typeof recommendationsQuery>): Promise<Report> {
  const filters = await reportFilters(payload, query)
  const [recommendations, names] = await Promise.all([loadRecommendations(payload, filters), recommendationNames(payload)])
  const explained = explainedRecommendations(recommendations, names)
  return {
    json: { ...scopeOf(query), engagementLookbackDays, recommendations: explained },
    table: () => ({
      columns: ['kind', 'explanation_fr', 'explanation_ar', 'figures'],
      rows: explained.map(({ kind, explanation, ...figures }) => [kind, explanation.fr, explanation.ar, JSON.stringify(figures)]),
    }),
  }
}
