/**
 * The reporting API for external tools and the admin's dashboards, under `/api/reports/*`: KPIs
 * over a period, time series, breakdowns, misconception prevalence per myth and week, and the
 * posts with their figures. Parameters are validated by the zod schemas of report-parameters.ts
 * (400 naming the parameter); answers are JSON or CSV, with an ETag and `Cache-Control` so a
 * dashboard polling every minute gets 304s; integration keys are rate-limited and every call is
 * counted per caller.
 */
import { createHash } from 'node:crypto'

import { stringify } from 'csv-stringify/sync'
import type { Endpoint, PayloadRequest } from 'payload'
import type { z } from 'zod'

import { roles } from '../../../src/domain/roles'
import { defineEndpoint, refuse } from '../../../src/infra/endpoint'
import type { EndpointContext } from '../../../src/infra/endpoint'
import type { AdminLanguage } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'
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
import { casablancaDayOf } from './report-periods'
import type { ReportFilters } from './report-filters'
import { breakdownQuery, kpisAsked, kpisQuery, misconceptionsQuery, postsQuery, reportFilters, timeSeriesQuery } from './report-parameters'
import { consumeReportCall, countReportCall, defaultReportRateLimit, reportUsage } from './report-usage'
import type { ReportRateLimit } from './report-usage'

export type ReportApiSettings = { rateLimit?: ReportRateLimit }

/** Seconds a report may be reused by the caller before asking again (with If-None-Match). */
const maxAgeSeconds = 60

/** Every role reads the reports: the team in the admin, tools with an integration key. */
export const reportCallers = roles
const reportAccess = { roles: reportCallers, forbidden: pluginText('reportsApi:forbidden') }

type Table = { columns: string[]; rows: unknown[][] }
type Report = { json: object; table: () => Table }

type ScopeQuery = Parameters<typeof reportFilters>[1]

/** The period and filters as they are echoed in every answer. */
function scopeOf(query: ScopeQuery) {
  const filters: Record<string, Array<string | number>> = {}
  for (const name of ['platform', 'language', 'theme', 'audience', 'format', 'keyMoment'] as const) {
    if (query[name]) filters[name] = [...query[name]!]
  }
  return { period: { from: query.from, to: query.to, timeZone: reportTimeZone }, filters }
}

function csvOf(table: Table): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell)))])
}

/** The answer in the format asked, with a validator so an unchanged report is answered 304. */
function answer(req: PayloadRequest, report: Report, output: 'json' | 'csv', name: string, rate: { remaining: number | null; limit: number | null }): Response {
  const csv = output === 'csv'
  const body = csv ? csvOf(report.table()) : JSON.stringify(report.json)
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': `private, max-age=${maxAgeSeconds}`,
    Vary: 'Authorization, Cookie, Accept-Language',
    ...(rate.limit !== null ? { 'RateLimit-Limit': String(rate.limit), 'RateLimit-Remaining': String(rate.remaining) } : {}),
  }
  const presented = req.headers.get('if-none-match')
  if (presented && presented.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers })
  if (csv) {
    headers['Content-Type'] = 'text/csv; charset=utf-8'
    headers['Content-Disposition'] = `attachment; filename="badil-${name}.csv"`
  } else {
    headers['Content-Type'] = 'application/json'
  }
  return new Response(body, { status: 200, headers })
}

type ReportRoute<Q extends z.ZodType> = {
  name: string
  query: Q
  build: (context: EndpointContext<undefined, z.output<Q>, undefined>) => Promise<Report>
}

/** A GET report: access, validation, the caller's rate limit, the call counted, then the report. */
function reportEndpoint<Q extends z.ZodType>(settings: ReportApiSettings, route: ReportRoute<Q>): Endpoint {
  return defineEndpoint({
    path: `/reports/${route.name}`,
    method: 'get',
    access: reportAccess,
    query: route.query,
    handler: async (context) => {
      const { req, user } = context
      const rate = await rateOrRefusal(req, user, context.language, settings)
      if (rate instanceof Response) return rate
      await countReportCall(req.payload, user, route.name)
      const report = await route.build(context as EndpointContext<undefined, z.output<Q>, undefined>)
      return answer(req, report, (context.query as { output?: 'json' | 'csv' }).output ?? 'json', route.name, rate)
    },
  })
}

/** The caller's place in its rate limit, or the 429 (with Retry-After) once it is spent. */
async function rateOrRefusal(req: PayloadRequest, user: { id: number | string; role?: unknown }, language: AdminLanguage, settings: ReportApiSettings) {
  try {
    return await consumeReportCall(req.payload, user, settings.rateLimit ?? defaultReportRateLimit)
  } catch (error) {
    const refusal = (error as { refusal?: { status: number; details?: { retryAfterSeconds?: number } } }).refusal
    if (refusal?.status !== 429) throw error
    const seconds = refusal.details?.retryAfterSeconds ?? 1
    return Response.json(
      { errors: [{ message: pluginText('reportsApi:rateLimited', { seconds })[language], code: 'rate_limited', ...refusal.details }] },
      { status: 429, headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' } },
    )
  }
}

const change = (value: number | null, previous: number | null) => (value === null || previous === null || previous === 0 ? null : (value - previous) / previous)

async function kpisReport(req: PayloadRequest, query: z.output<typeof kpisQuery>): Promise<Report> {
  const filters = await reportFilters(req.payload, query)
  const kpis = kpisAsked(query.kpi)
  const db = reportDatabase(req.payload)
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

async function timeSeriesReport(req: PayloadRequest, query: z.output<typeof timeSeriesQuery>): Promise<Report> {
  const filters = await reportFilters(req.payload, query)
  const kpis = kpisAsked(query.kpi)
  const points = await kpiTimeSeries(reportDatabase(req.payload), kpis, filters, query.interval)
  const series = points.map((point) => ({ start: point.start, values: valuesOf(point, kpis) }))
  return {
    json: { ...scopeOf(query), interval: query.interval, kpis, points: series },
    table: () => ({ columns: ['start', ...kpis], rows: series.map((point) => [point.start, ...kpis.map((kpi) => point.values[kpi])]) }),
  }
}

async function breakdownReport(req: PayloadRequest, query: z.output<typeof breakdownQuery>): Promise<Report> {
  const kpis = kpisAsked(query.kpi)
  const without = kpisWithoutDimension(kpis, query.by)
  if (without.length) {
    refuse({ status: 400, code: 'breakdown_unavailable', field: 'by', message: pluginText('reportsApi:breakdownUnavailable', { kpis: without.join(', ') }) })
  }
  const filters = await reportFilters(req.payload, query)
  const groups = (await kpiBreakdown(reportDatabase(req.payload), kpis, filters, query.by)).map((group) => ({ key: group.key, values: valuesOf(group, kpis) }))
  return {
    json: { ...scopeOf(query), by: query.by, kpis, groups },
    table: () => ({ columns: [query.by, ...kpis], rows: groups.map((group) => [group.key, ...kpis.map((kpi) => group.values[kpi])]) }),
  }
}

async function misconceptionsReport(req: PayloadRequest, query: z.output<typeof misconceptionsQuery>): Promise<Report> {
  const filters: ReportFilters = await reportFilters(req.payload, query)
  const weeks = await misconceptionPrevalence(reportDatabase(req.payload), filters)
  return {
    json: { ...scopeOf(query), weeks },
    table: () => ({
      columns: ['myth', 'week', 'matching', 'comments', 'prevalence'],
      rows: weeks.map((week) => [week.myth, week.week, week.matching, week.comments, week.prevalence]),
    }),
  }
}

async function postsReport(req: PayloadRequest, query: z.output<typeof postsQuery>): Promise<Report> {
  const filters = await reportFilters(req.payload, query)
  const { docs, totalDocs } = await postFigures(reportDatabase(req.payload), filters, query.sort, query.page, query.limit)
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

/** The usage of the API: an administrator sees every caller's, a tool its own. */
const usageEndpoint = defineEndpoint({
  path: '/reports/usage',
  method: 'get',
  access: { roles: ['admin', 'integration'], forbidden: pluginText('reportsApi:forbidden') },
  headers: { 'Cache-Control': 'no-store' },
  handler: async ({ req, user }) => {
    const since = casablancaDayOf(new Date(Date.now() - 30 * 86_400_000))
    const calls = await reportUsage(req.payload, since, user.role === 'admin' ? undefined : Number(user.id))
    return { since, calls }
  },
})

/** Every route of the reporting API (the OpenAPI document is served beside them, report-openapi.ts). */
export function reportEndpoints(settings: ReportApiSettings = {}): Endpoint[] {
  return [
    reportEndpoint(settings, { name: 'kpis', query: kpisQuery, build: ({ req, query }) => kpisReport(req, query) }),
    reportEndpoint(settings, { name: 'timeseries', query: timeSeriesQuery, build: ({ req, query }) => timeSeriesReport(req, query) }),
    reportEndpoint(settings, { name: 'breakdown', query: breakdownQuery, build: ({ req, query }) => breakdownReport(req, query) }),
    reportEndpoint(settings, { name: 'misconceptions', query: misconceptionsQuery, build: ({ req, query }) => misconceptionsReport(req, query) }),
    reportEndpoint(settings, { name: 'posts', query: postsQuery, build: ({ req, query }) => postsReport(req, query) }),
    usageEndpoint,
  ]
}
