/**
 * The reporting API in GraphQL: `reports { kpis(...) timeseries(...) breakdown(...)
 * misconceptions(...) posts(...) }`, with the same parameters, validation (the REST zod schemas),
 * access, rate limit and figures as `/api/reports/*`, every KPI described by its unit and
 * definition in the schema. A refusal is a GraphQL error whose `extensions.statusCode` is the REST
 * status and whose `extensions.data.errors` name the parameter.
 */
import { APIError } from 'payload'
import type { PayloadRequest } from 'payload'
import type * as GraphQLModule from 'graphql'
import type { z } from 'zod'

import { adminLanguageOf } from '../../../src/i18n/catalogue'
import { EndpointRefusal } from '../../../src/infra/endpoint'
import { networks } from '../networks/registry'
import { pluginText } from '../translations'
import { kpiCatalogue, kpiNames } from './kpi-catalogue'
import { breakdownDimensions } from './kpi-queries'
import { breakdownReport, kpisReport, misconceptionsReport, postsReport, recommendationsReport, timeSeriesReport } from './report-builders'
import type { Report } from './report-builders'
import { reportLanguages } from './report-filters'
import { breakdownQuery, kpisQuery, misconceptionsQuery, postSortKeys, postsQuery, recommendationsQuery, timeSeriesQuery } from './report-parameters'
import { timeBuckets } from './report-periods'
import { consumeReportCall, countReportCall, defaultReportRateLimit } from './report-usage'
import type { ReportRateLimit } from './report-usage'

type GraphQL = typeof GraphQLModule
type Context = { req: PayloadRequest }

/** A GraphQL error carrying the REST status and the envelope's errors. */
function graphQLRefusal(req: PayloadRequest, status: number, errors: { message: string; field?: string; code: string }[]): APIError {
  const message = errors.map((error) => (error.field ? `${error.field}: ${error.message}` : error.message)).join(' / ')
  return new APIError(message, status, { errors }, true)
}

/** Validates the arguments with the REST schema and runs the report as the caller, within its rate limit. */
async function run<Q extends z.ZodType>(
  req: PayloadRequest,
  settings: { rateLimit?: ReportRateLimit },
  route: string,
  schema: Q,
  args: Record<string, unknown>,
  build: (query: z.output<Q>) => Promise<Report>,
): Promise<Record<string, unknown>> {
  const language = adminLanguageOf(req.i18n?.language)
  const user = req.user
  if (!user) throw graphQLRefusal(req, 401, [{ message: pluginText('reportsApi:forbidden')[language], code: 'unauthenticated' }])
  try {
    await consumeReportCall(req.payload, user, settings.rateLimit ?? defaultReportRateLimit)
    void countReportCall(req.payload, user, `graphql:${route}`).catch((error: unknown) =>
      req.payload.logger.error({ err: error, msg: 'reporting API call not counted' }),
    )
    // Arguments left out are absent, as in a query string.
    const parsed = schema.safeParse(Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined)))
    if (!parsed.success) {
      throw graphQLRefusal(
        req,
        400,
        parsed.error.issues.map((issue) => ({ message: issue.message, field: issue.path.map(String).join('.'), code: issue.code })),
      )
    }
    return (await build(parsed.data)).json as Record<string, unknown>
  } catch (error) {
    if (error instanceof EndpointRefusal) {
      const { status, code, message, field, details } = error.refusal
      throw graphQLRefusal(req, status, [
        { message: typeof message === 'string' ? message : message[language], ...(field ? { field } : {}), code: code ?? 'invalid', ...details },
      ])
    }
    throw error
  }
}

/** The `reports` query field and its types, built with the GraphQL module Payload hands over. */
export function reportQueries(graphQL: GraphQL, settings: { rateLimit?: ReportRateLimit } = {}) {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphQL
  const list = <T extends GraphQLModule.GraphQLInputType>(type: T) => new GraphQLList(new GraphQLNonNull(type))
  const enumOf = (name: string, values: readonly string[], describe: (value: string) => string | undefined = () => undefined, description?: string) =>
    new GraphQLEnumType({ name, description, values: Object.fromEntries(values.map((value) => [value, { value, description: describe(value) }])) })

  const kpi = enumOf(
    'ReportKpi',
    kpiNames,
    (name) => `${kpiCatalogue[name as keyof typeof kpiCatalogue].definition} (unit: ${kpiCatalogue[name as keyof typeof kpiCatalogue].unit})`,
    'A KPI of kpis.md, by its stable name.',
  )
  const network = enumOf('ReportNetwork', networks)
  const language = enumOf('ReportLanguage', reportLanguages, (value) => (value === 'ary' ? 'Moroccan Darija, either script' : undefined))
  const interval = enumOf('ReportInterval', timeBuckets, undefined, 'Africa/Casablanca days, weeks from Monday, months.')
  const dimension = enumOf('ReportDimension', breakdownDimensions)
  const postSort = enumOf('ReportPostSort', postSortKeys)

  const scopeArgs = {
    from: { type: new GraphQLNonNull(GraphQLString), description: 'First day of the period (YYYY-MM-DD, Africa/Casablanca), included.' },
    to: { type: new GraphQLNonNull(GraphQLString), description: 'Last day of the period, included; at most 2 years after from.' },
    platform: { type: list(network) },
    language: { type: list(language) },
    theme: { type: list(GraphQLInt), description: 'Theme ids.' },
    audience: { type: list(GraphQLString), description: 'Target audiences.' },
    format: { type: list(GraphQLString), description: 'Content formats.' },
    keyMoment: { type: list(GraphQLInt), description: 'Key moment ids.' },
  }
  const figure = { type: GraphQLFloat, description: 'Null when missing (never 0 for missing).' }
  const kpiValue = new GraphQLObjectType({
    name: 'ReportKpiValue',
    fields: { kpi: { type: new GraphQLNonNull(kpi) }, value: figure },
  })
  const values = { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(kpiValue))) }
  const asValues = (record: Record<string, number | null>) => Object.entries(record).map(([name, value]) => ({ kpi: name, value }))

  const kpiFigure = new GraphQLObjectType({
    name: 'ReportKpiFigure',
    fields: {
      name: { type: new GraphQLNonNull(kpi) },
      unit: { type: new GraphQLNonNull(GraphQLString), description: 'count, ratio (0–1) or hours.' },
      group: { type: new GraphQLNonNull(GraphQLString) },
      definition: { type: new GraphQLNonNull(GraphQLString) },
      value: figure,
      previous: { type: GraphQLFloat, description: 'With compare: the figure over the period of the same length just before.' },
      change: { type: GraphQLFloat, description: 'With compare: (value − previous) ÷ previous.' },
    },
  })
  const timeSeriesPoint = new GraphQLObjectType({
    name: 'ReportTimeSeriesPoint',
    fields: { start: { type: new GraphQLNonNull(GraphQLString), description: 'First day of the interval.' }, values },
  })
  const breakdownGroup = new GraphQLObjectType({
    name: 'ReportBreakdownGroup',
    fields: { key: { type: GraphQLString, description: 'The group; null for rows without one.' }, values },
  })
  const mythWeek = new GraphQLObjectType({
    name: 'ReportMythWeek',
    fields: {
      myth: { type: new GraphQLNonNull(GraphQLString), description: 'The myth’s key in the fact library.' },
      week: { type: new GraphQLNonNull(GraphQLString), description: 'Monday of the week.' },
      matching: { type: new GraphQLNonNull(GraphQLInt) },
      comments: { type: new GraphQLNonNull(GraphQLInt) },
      prevalence: figure,
    },
  })
  const post = new GraphQLObjectType({
    name: 'ReportPost',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      label: { type: GraphQLString },
      platform: { type: new GraphQLNonNull(GraphQLString) },
      network: { type: new GraphQLNonNull(GraphQLString) },
      language: { type: new GraphQLNonNull(GraphQLString) },
      publishedAt: { type: new GraphQLNonNull(GraphQLString) },
      permalink: { type: GraphQLString },
      measuredAt: { type: GraphQLString },
      ...Object.fromEntries(
        ['impressions', 'reach', 'videoViews', 'interactions', 'clicks', 'engagementRateReach', 'engagementRateImpressions'].map((name) => [name, figure]),
      ),
    },
  })
  const postsPage = new GraphQLObjectType({
    name: 'ReportPostsPage',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(post))) },
      totalDocs: { type: new GraphQLNonNull(GraphQLInt) },
      page: { type: new GraphQLNonNull(GraphQLInt) },
      limit: { type: new GraphQLNonNull(GraphQLInt) },
      totalPages: { type: new GraphQLNonNull(GraphQLInt) },
    },
  })

  const explanation = new GraphQLObjectType({
    name: 'ReportRecommendationText',
    fields: Object.fromEntries(['fr', 'ar', 'en'].map((language) => [language, { type: new GraphQLNonNull(GraphQLString) }])),
  })
  const whenKind = (kinds: string) => `Set for ${kinds}.`
  const recommendation = new GraphQLObjectType({
    name: 'ReportRecommendation',
    description: 'A recommendation with the figures it rests on; the fields of other kinds are null.',
    fields: {
      kind: { type: new GraphQLNonNull(GraphQLString), description: 'best_slot, best_format, underserved_theme or rising_misconception.' },
      explanation: { type: new GraphQLNonNull(explanation), description: 'The recommendation in words, with its figures.' },
      network: { type: GraphQLString, description: whenKind('best_slot') },
      weekday: { type: GraphQLInt, description: `1 = Monday … 7 = Sunday (Africa/Casablanca). ${whenKind('best_slot')}` },
      hour: { type: GraphQLInt, description: `Hour of the day (Africa/Casablanca). ${whenKind('best_slot')}` },
      networkMedianEngagementRate: { type: GraphQLFloat, description: whenKind('best_slot') },
      networkPosts: { type: GraphQLInt, description: whenKind('best_slot') },
      audience: { type: GraphQLString, description: whenKind('best_format') },
      format: { type: GraphQLString, description: whenKind('best_format') },
      audienceMedianEngagementRate: { type: GraphQLFloat, description: whenKind('best_format') },
      audiencePosts: { type: GraphQLInt, description: whenKind('best_format') },
      medianEngagementRate: { type: GraphQLFloat, description: whenKind('best_slot and best_format') },
      posts: { type: GraphQLInt, description: 'Posts the figure rests on (best_slot, best_format, underserved_theme).' },
      themeId: { type: GraphQLInt, description: whenKind('underserved_theme') },
      keyMoments: { type: GraphQLInt, description: whenKind('underserved_theme') },
      averagePosts: { type: GraphQLFloat, description: whenKind('underserved_theme') },
      myth: { type: GraphQLString, description: whenKind('rising_misconception') },
      week: { type: GraphQLString, description: `Monday of the week that rose. ${whenKind('rising_misconception')}` },
      matching: { type: GraphQLInt, description: whenKind('rising_misconception') },
      comments: { type: GraphQLInt, description: whenKind('rising_misconception') },
      prevalence: { type: GraphQLFloat, description: whenKind('rising_misconception') },
      previousPrevalence: { type: GraphQLFloat, description: whenKind('rising_misconception') },
    },
  })

  type Args = Record<string, unknown>
  const reports = new GraphQLObjectType({
    name: 'Reports',
    description: 'Campaign reports (kpis.md): periods are Africa/Casablanca days; integration keys are rate-limited and every call is counted.',
    fields: {
      kpis: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(kpiFigure))),
        description: 'KPIs over the period (all by default).',
        args: { ...scopeArgs, kpi: { type: list(kpi) }, compare: { type: GraphQLBoolean, description: 'Also the period just before.' } },
        resolve: async (_: unknown, { compare, ...args }: Args, { req }: Context) =>
          (await run(req, settings, 'kpis', kpisQuery, { ...args, compare: compare ? 'previous' : undefined }, (query) => kpisReport(req.payload, query))).kpis,
      },
      timeseries: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(timeSeriesPoint))),
        description: 'KPIs per day, week or month.',
        args: { ...scopeArgs, kpi: { type: new GraphQLNonNull(list(kpi)) }, interval: { type: interval, defaultValue: 'day' } },
        resolve: async (_: unknown, args: Args, { req }: Context) =>
          ((await run(req, settings, 'timeseries', timeSeriesQuery, args, (query) => timeSeriesReport(req.payload, query))).points as Args[]).map((point) => ({
            start: point.start,
            values: asValues(point.values as Record<string, number | null>),
          })),
      },
      breakdown: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(breakdownGroup))),
        description: 'KPIs per network, language or moderation category.',
        args: { ...scopeArgs, kpi: { type: new GraphQLNonNull(list(kpi)) }, by: { type: new GraphQLNonNull(dimension) } },
        resolve: async (_: unknown, args: Args, { req }: Context) =>
          ((await run(req, settings, 'breakdown', breakdownQuery, args, (query) => breakdownReport(req.payload, query))).groups as Args[]).map((group) => ({
            key: group.key,
            values: asValues(group.values as Record<string, number | null>),
          })),
      },
      misconceptions: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(mythWeek))),
        description: 'Misconception prevalence per myth and week.',
        args: scopeArgs,
        resolve: async (_: unknown, args: Args, { req }: Context) =>
          (await run(req, settings, 'misconceptions', misconceptionsQuery, args, (query) => misconceptionsReport(req.payload, query))).weeks,
      },
      posts: {
        type: new GraphQLNonNull(postsPage),
        description: 'Posts of the period with their latest figures.',
        args: {
          ...scopeArgs,
          sort: { type: postSort, defaultValue: 'published_at' },
          page: { type: GraphQLInt, defaultValue: 1 },
          limit: { type: GraphQLInt, defaultValue: 50 },
        },
        resolve: async (_: unknown, args: Args, { req }: Context) => run(req, settings, 'posts', postsQuery, args, (query) => postsReport(req.payload, query)),
      },
      recommendations: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(recommendation))),
        description: 'Best slots per network, best formats per audience, under-served themes and rising misconceptions.',
        args: scopeArgs,
        resolve: async (_: unknown, args: Args, { req }: Context) =>
          (await run(req, settings, 'recommendations', recommendationsQuery, args, (query) => recommendationsReport(req.payload, query))).recommendations,
      },
    },
  })

  return {
    reports: {
      type: new GraphQLNonNull(reports),
      description: 'The campaign’s reports, for the team and its integration keys.',
      resolve: (_: unknown, __: unknown, { req }: Context) => {
        if (!req.user) {
          throw graphQLRefusal(req, 401, [{ message: pluginText('reportsApi:forbidden')[adminLanguageOf(req.i18n?.language)], code: 'unauthenticated' }])
        }
        return {}
      },
    },
  }
}
