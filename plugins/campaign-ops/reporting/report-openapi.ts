/**
 * The reporting API's OpenAPI 3.1 document, generated from the zod schemas the endpoints validate
 * with and answer by (report-parameters.ts, report-responses.ts), with every KPI's unit and
 * definition. Served at `/api/reports/openapi.json` to the same callers as the reports.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi'
import type { Endpoint } from 'payload'
import type { z } from 'zod'

import { defineEndpoint } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { kpiCatalogue, kpiNames } from './kpi-catalogue'
import { breakdownQuery, kpisQuery, misconceptionsQuery, postsQuery, recommendationsQuery, timeSeriesQuery } from './report-parameters'
import {
  breakdownResponse,
  errorResponseSchema,
  kpisResponse,
  misconceptionsResponse,
  recommendationsResponse,
  postsResponse,
  timeSeriesResponse,
  usageResponse,
} from './report-responses'
import { reportCallers } from './report-endpoints'

const kpiTable = kpiNames.map((name) => `- \`${name}\` (${kpiCatalogue[name].unit}): ${kpiCatalogue[name].definition}`).join('\n')

const description = `Badil's campaign reports: KPIs (kpis.md definitions, unchanged across months), time series, breakdowns,
misconception prevalence per myth and week, the posts with their figures, and recommendations drawn from them.

Periods are Africa/Casablanca days, \`from\` and \`to\` included, at most 2 years. A figure a network does not give is
\`null\`, never 0. Answers carry an ETag: send it back in If-None-Match to get a 304 while nothing changed. Integration
keys are rate-limited (429 with Retry-After) and every call is counted.

KPIs:
${kpiTable}`

type Route = { name: string; summary: string; query: z.ZodObject; response: z.ZodType }

const routes: Route[] = [
  { name: 'kpis', summary: 'KPIs over a period', query: kpisQuery, response: kpisResponse },
  { name: 'timeseries', summary: 'KPIs per day, week or month', query: timeSeriesQuery, response: timeSeriesResponse },
  { name: 'breakdown', summary: 'KPIs per network, language or moderation category', query: breakdownQuery, response: breakdownResponse },
  { name: 'misconceptions', summary: 'Misconception prevalence per myth and week', query: misconceptionsQuery, response: misconceptionsResponse },
  { name: 'posts', summary: 'Posts of the period with their latest figures', query: postsQuery, response: postsResponse },
  {
    name: 'recommendations',
    summary: 'Best slots per network, best formats per audience, under-served themes and rising misconceptions, each with its figures',
    query: recommendationsQuery,
    response: recommendationsResponse,
  },
]

const errors = (description: string) => ({ description, content: { 'application/json': { schema: errorResponseSchema } } })

/** The document, built once per process (it depends on the code only). */
let document: object | undefined

export function reportOpenApiDocument(): object {
  if (document) return document
  const registry = new OpenAPIRegistry()
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'An integration key, sent as `Authorization: users API-Key <key>` (an administrator creates the key on an integration account).',
  })
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'payload-token', description: 'A signed-in admin session.' })
  for (const route of routes) {
    registry.registerPath({
      method: 'get',
      path: `/reports/${route.name}`,
      operationId: `report_${route.name}`,
      summary: route.summary,
      security: [{ apiKey: [] }, { session: [] }],
      request: { query: route.query },
      responses: {
        200: {
          description: 'The report (application/json, or text/csv with output=csv).',
          headers: {
            ETag: { schema: { type: 'string' }, description: 'Validator of this answer.' },
            'Cache-Control': { schema: { type: 'string' } },
          },
          content: { 'application/json': { schema: route.response }, 'text/csv': { schema: { type: 'string' } } },
        },
        304: { description: 'Not modified since the ETag sent in If-None-Match.' },
        400: errors('A parameter is invalid; `field` names it.'),
        401: errors('No or unknown key.'),
        403: errors('The account may not read reports.'),
        429: {
          ...errors('The key’s rate limit is spent.'),
          headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds before the next call is accepted.' } },
        },
      },
    })
  }
  registry.registerPath({
    method: 'get',
    path: '/reports/usage',
    operationId: 'report_usage',
    summary: 'Calls counted per key, day and route over the last 30 days (an integration key sees its own)',
    security: [{ apiKey: [] }, { session: [] }],
    responses: { 200: { description: 'The counts.', content: { 'application/json': { schema: usageResponse } } }, 401: errors('No or unknown key.') },
  })
  const generated = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Badil reporting API', version: '1.0.0', description },
    servers: [{ url: '/api' }],
  })
  document = {
    ...generated,
    // Each KPI's unit, group and definition as data, for tools that label their charts from the document.
    'x-kpis': Object.fromEntries(kpiNames.map((name) => [name, kpiCatalogue[name]])),
  }
  return document
}

export const reportOpenApiEndpoint: Endpoint = defineEndpoint({
  path: '/reports/openapi.json',
  method: 'get',
  access: { roles: reportCallers, forbidden: pluginText('reportsApi:forbidden') },
  headers: { 'Cache-Control': 'private, max-age=3600' },
  handler: async () => reportOpenApiDocument(),
})
