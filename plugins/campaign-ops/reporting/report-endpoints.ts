/**
 * The reporting API for external tools and the admin's dashboards, under `/api/reports/*`: KPIs
 * over a period, time series, breakdowns, misconception prevalence per myth and week, the posts
 * with their figures, and the recommendations drawn from them. Parameters are validated by the zod schemas of report-parameters.ts
 * (400 naming the parameter); answers are JSON or CSV, with an ETag and `Cache-Control` so a
 * dashboard polling every minute gets 304s; integration keys are rate-limited and every call is
 * counted per caller.
 */
import { createHash } from 'node:crypto'

import { stringify } from 'csv-stringify/sync'
import type { Endpoint, PayloadRequest } from 'payload'
import type { z } from 'zod'

import { roles } from '../../../src/domain/roles'
import { defineEndpoint } from '../../../src/infra/endpoint'
import type { EndpointContext } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { breakdownReport, kpisReport, misconceptionsReport, postsReport, recommendationsReport, timeSeriesReport } from './report-builders'
import type { Report, Table } from './report-builders'
import { breakdownQuery, kpisQuery, misconceptionsQuery, postsQuery, recommendationsQuery, timeSeriesQuery } from './report-parameters'
import { casablancaDayOf } from './report-periods'
import { consumeReportCall, countReportCall, defaultReportRateLimit, reportUsage } from './report-usage'
import type { ReportRateLimit } from './report-usage'

export type ReportApiSettings = { rateLimit?: ReportRateLimit }

/** Seconds a report may be reused by the caller before asking again (with If-None-Match). */
const maxAgeSeconds = 60

/** Every role reads the reports: the team in the admin, tools with an integration key. */
export const reportCallers = roles
const reportAccess = { roles: reportCallers, forbidden: pluginText('reportsApi:forbidden') }

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
      // Past the key's limit, a 429 with Retry-After (report-usage.ts).
      const rate = await consumeReportCall(req.payload, user, settings.rateLimit ?? defaultReportRateLimit)
      // Counted beside the answer, not before it: a count is one row's update, the caller need not wait for it.
      void countReportCall(req.payload, user, route.name).catch((error: unknown) =>
        req.payload.logger.error({ err: error, msg: 'reporting API call not counted' }),
      )
      const report = await route.build(context as EndpointContext<undefined, z.output<Q>, undefined>)
      return answer(req, report, (context.query as { output?: 'json' | 'csv' }).output ?? 'json', route.name, rate)
    },
  })
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
    reportEndpoint(settings, { name: 'kpis', query: kpisQuery, build: ({ req, query }) => kpisReport(req.payload, query) }),
    reportEndpoint(settings, { name: 'timeseries', query: timeSeriesQuery, build: ({ req, query }) => timeSeriesReport(req.payload, query) }),
    reportEndpoint(settings, { name: 'breakdown', query: breakdownQuery, build: ({ req, query }) => breakdownReport(req.payload, query) }),
    reportEndpoint(settings, { name: 'misconceptions', query: misconceptionsQuery, build: ({ req, query }) => misconceptionsReport(req.payload, query) }),
    reportEndpoint(settings, { name: 'posts', query: postsQuery, build: ({ req, query }) => postsReport(req.payload, query) }),
    reportEndpoint(settings, {
      name: 'recommendations',
      query: recommendationsQuery,
      build: ({ req, query }) => recommendationsReport(req.payload, query),
    }),
    usageEndpoint,
  ]
}
