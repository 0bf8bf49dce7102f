/**
 * What the reporting API answers, as zod schemas: the OpenAPI document describes the answers from
 * them, and the tests check real answers against them.
 */
import { z } from 'zod'

import { kpiNames } from './kpi-catalogue'
import type { KpiName } from './kpi-catalogue'

const kpiName = z.enum(kpiNames as [KpiName, ...KpiName[]]).meta({ description: 'The KPI’s stable name (see x-kpis for units and definitions).' })
const figure = z
  .number()
  .nullable()
  .meta({ description: 'The figure; null when missing (a network that does not give it, a ratio over nothing) — never 0 for missing.' })

export const periodSchema = z
  .object({
    from: z.string().meta({ description: 'First day, included.' }),
    to: z.string().meta({ description: 'Last day, included.' }),
    timeZone: z.literal('Africa/Casablanca'),
  })
  .meta({ id: 'Period' })

export const scopeSchema = z
  .object({
    period: periodSchema,
    filters: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).meta({ description: 'The filters applied, by parameter.' }),
  })
  .meta({ id: 'Scope' })

export const kpiFigureSchema = z
  .object({
    name: kpiName,
    unit: z.enum(['count', 'ratio', 'hours']),
    group: z.enum(['reach', 'engagement', 'community', 'moderation', 'publishing']),
    definition: z.string(),
    value: figure,
    previous: figure.optional().meta({ description: 'With compare=previous: the figure over the period of the same length just before.' }),
    change: z
      .number()
      .nullable()
      .optional()
      .meta({ description: 'With compare=previous: (value − previous) ÷ previous; null when either is missing or previous is 0.' }),
  })
  .meta({ id: 'KpiFigure' })

export const kpisResponse = scopeSchema.extend({ kpis: z.array(kpiFigureSchema) }).meta({ id: 'KpisReport' })

const kpiValues = z.record(z.string(), figure).meta({ description: 'One figure per KPI asked, by its name.' })

export const timeSeriesResponse = scopeSchema
  .extend({
    interval: z.enum(['day', 'week', 'month']),
    kpis: z.array(kpiName),
    points: z.array(z.object({ start: z.string().meta({ description: 'First day of the interval.' }), values: kpiValues })),
  })
  .meta({ id: 'TimeSeriesReport' })

export const breakdownResponse = scopeSchema
  .extend({
    by: z.enum(['network', 'language', 'category']),
    kpis: z.array(kpiName),
    groups: z.array(z.object({ key: z.string().nullable().meta({ description: 'The group; null for rows without one.' }), values: kpiValues })),
  })
  .meta({ id: 'BreakdownReport' })

export const misconceptionsResponse = scopeSchema
  .extend({
    weeks: z.array(
      z.object({
        myth: z.string().meta({ description: 'The myth’s key in the fact library.' }),
        week: z.string().meta({ description: 'Monday of the week (Africa/Casablanca).' }),
        matching: z.number().int().meta({ description: 'Comments matching the myth’s misinformation rules.' }),
        comments: z.number().int().meta({ description: 'All comments received that week (within the filters).' }),
        prevalence: figure,
      }),
    ),
  })
  .meta({ id: 'MisconceptionsReport' })

const explanation = z
  .object({ fr: z.string(), ar: z.string(), en: z.string() })
  .meta({ description: 'The recommendation in words, in French, Arabic and English, with its figures.' })
const rate = (description: string) => z.number().meta({ description })
const posts = (description: string) => z.number().int().meta({ description })

export const recommendationSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('best_slot'),
      network: z.string(),
      weekday: z.number().int().min(1).max(7).meta({ description: '1 = Monday … 7 = Sunday (Africa/Casablanca).' }),
      hour: z.number().int().min(0).max(23).meta({ description: 'Hour of the day (Africa/Casablanca).' }),
      posts: posts('Measured posts published at that hour of the week.'),
      medianEngagementRate: rate('Their median engagement rate.'),
      networkMedianEngagementRate: rate('The median over every measured post of the network.'),
      networkPosts: posts('Measured posts of the network.'),
      explanation,
    }),
    z.object({
      kind: z.literal('best_format'),
      audience: z.string(),
      format: z.string(),
      posts: posts('Measured posts of that format for the audience.'),
      medianEngagementRate: rate('Their median engagement rate.'),
      audienceMedianEngagementRate: rate('The median over every measured post for the audience.'),
      audiencePosts: posts('Measured posts for the audience.'),
      explanation,
    }),
    z.object({
      kind: z.literal('underserved_theme'),
      themeId: z.number().int(),
      keyMoments: posts('Key moments of the period (and the 14 days after it) that name the theme.'),
      posts: posts('Posts on the theme published or planned in that window.'),
      averagePosts: z.number().meta({ description: 'Average posts over the themes the key moments name.' }),
      explanation,
    }),
    z.object({
      kind: z.literal('rising_misconception'),
      myth: z.string().meta({ description: 'The myth’s key in the fact library.' }),
      week: z.string().meta({ description: 'Monday of the week that rose.' }),
      matching: posts('Comments matching the myth that week.'),
      comments: posts('Comments received that week.'),
      prevalence: rate('matching ÷ comments.'),
      previousPrevalence: z.number().nullable().meta({ description: 'Prevalence over the weeks before; null when no comment was received.' }),
      explanation,
    }),
  ])
  .meta({ id: 'Recommendation' })

export const recommendationsResponse = scopeSchema
  .extend({
    engagementLookbackDays: z.number().int().meta({ description: 'Slots and formats are ranked over at least this many days up to the period’s end.' }),
    recommendations: z.array(recommendationSchema),
  })
  .meta({ id: 'RecommendationsReport' })

export const postFiguresSchema = z
  .object({
    id: z.number().int(),
    label: z.string().nullable(),
    platform: z.string(),
    network: z.string(),
    language: z.string(),
    publishedAt: z.string(),
    permalink: z.string().nullable(),
    measuredAt: z.string().nullable().meta({ description: 'When the figures were read from the network; null when never.' }),
    impressions: figure,
    reach: figure,
    videoViews: figure,
    interactions: figure,
    clicks: figure,
    engagementRateReach: figure,
    engagementRateImpressions: figure,
  })
  .meta({ id: 'PostFigures' })

export const postsResponse = scopeSchema
  .extend({
    docs: z.array(postFiguresSchema),
    totalDocs: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta({ id: 'PostsReport' })

export const errorResponseSchema = z
  .object({
    errors: z.array(
      z
        .object({
          message: z.string().meta({ description: 'In the caller’s language (Accept-Language: fr, ar or en).' }),
          field: z.string().optional().meta({ description: 'The parameter at fault.' }),
          code: z.string(),
        })
        .catchall(z.unknown()),
    ),
  })
  .meta({ id: 'Errors' })

export const usageResponse = z
  .object({
    since: z.string(),
    calls: z.array(z.object({ userId: z.number().int(), day: z.string(), route: z.string(), calls: z.number().int() })),
  })
  .meta({ id: 'UsageReport' })
