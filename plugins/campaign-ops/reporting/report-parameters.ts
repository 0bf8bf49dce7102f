/**
 * The parameters of the reporting API, as zod schemas: the endpoints validate with them and the
 * OpenAPI document is generated from them, so the two cannot disagree. Shape is checked here;
 * what needs the database or two parameters at once (a theme that exists, `to` after `from`) is
 * checked by `reportFilters`, each refusal a 400 naming the parameter.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { audienceValues, contentFormatValues } from '../../../src/domain/content-taxonomy'
import { refuse } from '../../../src/infra/endpoint'
import { sqlPool } from '../../../src/infra/database'
import { currentBusinessHours } from '../inbox/settings-global'
import { networks } from '../networks/registry'
import type { Network } from '../networks/registry'
import { pluginText } from '../translations'
import { kpiNames } from './kpi-catalogue'
import type { KpiName } from './kpi-catalogue'
import { breakdownDimensions } from './kpi-queries'
import { addDays, casablancaMidnight, daysBetween, isCalendarDay, timeBuckets } from './report-periods'
import { reportLanguages } from './report-filters'
import type { ReportFilters, ReportLanguage } from './report-filters'

/** The longest period a report covers (2 years of days). */
export const maxPeriodDays = 731

const dayPattern = /^\d{4}-\d{2}-\d{2}$/

const day = (description: string, example: string) =>
  z
    .string()
    .regex(dayPattern)
    .refine(isCalendarDay, { message: pluginText('reportsApi:day').en })
    .meta({ description, example })

/** `?x=a,b` or `?x=a&x=b`: a list, each value checked by `item`. */
const list = <Item extends z.ZodType>(item: Item, description: string) =>
  z
    .preprocess(
      (value) =>
        [value ?? []]
          .flat()
          .flatMap((part) => String(part).split(','))
          .map((part) => part.trim())
          .filter(Boolean),
      z.array(item).min(1),
    )
    .optional()
    .meta({ description, param: { style: 'form', explode: false } })

/** The period and the filters every report takes. */
export const scopeParameters = {
  from: day('First day of the period (Africa/Casablanca), included.', '2026-11-01'),
  to: day('Last day of the period (Africa/Casablanca), included; at most 2 years after from.', '2026-11-30'),
  platform: list(z.enum(networks as unknown as [Network, ...Network[]]), 'Networks (comma-separated).'),
  language: list(z.enum(reportLanguages), 'Languages: fr, ar, ary (Moroccan Darija, either script), other (inbound items only).'),
  theme: list(z.coerce.number().int().positive(), 'Theme ids (comma-separated).'),
  audience: list(z.enum(audienceValues as [string, ...string[]]), 'Target audiences of the content.'),
  format: list(z.enum(contentFormatValues as [string, ...string[]]), 'Content formats.'),
  keyMoment: list(z.coerce.number().int().positive(), 'Key moment ids (comma-separated).'),
}

const kpiList = (description: string) => list(z.enum(kpiNames as [KpiName, ...KpiName[]]), description)

export const outputParameter = z.enum(['json', 'csv']).default('json').meta({ description: 'json (default) or csv.' })

export const kpisQuery = z
  .object({
    ...scopeParameters,
    kpi: kpiList('KPIs to compute (default: all).'),
    compare: z.enum(['previous']).optional().meta({ description: 'previous: also compute each KPI over the period of the same length just before.' }),
    output: outputParameter,
  })
  .strict()

export const timeSeriesQuery = z
  .object({
    ...scopeParameters,
    kpi: kpiList('KPIs to compute per interval.').unwrap().meta({ description: 'KPIs to compute per interval (comma-separated).' }),
    interval: z.enum(timeBuckets).default('day').meta({ description: 'day, week (from Monday) or month, in Africa/Casablanca time.' }),
    output: outputParameter,
  })
  .strict()

export const breakdownQuery = z
  .object({
    ...scopeParameters,
    kpi: kpiList('KPIs to compute per group.').unwrap().meta({ description: 'KPIs to compute per group (comma-separated).' }),
    by: z.enum(breakdownDimensions).meta({ description: 'network, language, or category (moderation category; inbound and moderation KPIs only).' }),
    output: outputParameter,
  })
  .strict()

export const misconceptionsQuery = z.object({ ...scopeParameters, output: outputParameter }).strict()

export const recommendationsQuery = z.object({ ...scopeParameters, output: outputParameter }).strict()

export const postSortKeys = ['published_at', 'impressions', 'reach', 'interactions', 'engagement_rate_reach', 'engagement_rate_impressions'] as const

export const postsQuery = z
  .object({
    ...scopeParameters,
    sort: z.enum(postSortKeys).default('published_at').meta({ description: 'Order of the posts, highest (or latest) first.' }),
    page: z.coerce.number().int().min(1).default(1).meta({ description: 'Page number, from 1.' }),
    limit: z.coerce.number().int().min(1).max(500).default(50).meta({ description: 'Posts per page, at most 500.' }),
    output: outputParameter,
  })
  .strict()

type ScopeInput = {
  from: string
  to: string
  platform?: Network[]
  language?: ReportLanguage[]
  theme?: number[]
  audience?: string[]
  format?: string[]
  keyMoment?: number[]
}

/** Ids among `ids` that are not in `table`. */
async function missingIds(payload: { db: unknown }, table: 'themes' | 'key_moments', ids: readonly number[]): Promise<number[]> {
  const { rows } = await sqlPool(payload).query(`SELECT id FROM ${table} WHERE id = ANY($1::int[])`, [ids])
  const found = new Set(rows.map((row) => Number(row.id)))
  return ids.filter((id) => !found.has(id))
}

/** The report's scope from validated parameters; a period the wrong way round or too long, or an id that does not exist, is refused. */
export async function reportFilters(payload: Payload, query: ScopeInput): Promise<ReportFilters> {
  if (query.to < query.from) refuse({ status: 400, code: 'to_before_from', field: 'to', message: pluginText('reportsApi:toBeforeFrom') })
  const days = daysBetween(query.from, query.to) + 1
  if (days > maxPeriodDays) {
    refuse({
      status: 400,
      code: 'period_too_long',
      field: 'to',
      message: pluginText('reportsApi:periodTooLong', { days, max: maxPeriodDays }),
      details: { max: maxPeriodDays },
    })
  }
  for (const [field, table, ids] of [
    ['theme', 'themes', query.theme],
    ['keyMoment', 'key_moments', query.keyMoment],
  ] as const) {
    if (!ids) continue
    const missing = await missingIds(payload, table, ids)
    if (missing.length) {
      refuse({
        status: 400,
        code: 'unknown_value',
        field,
        message: pluginText('reportsApi:unknownValue', { values: missing.join(', ') }),
        details: { values: missing },
      })
    }
  }
  return {
    from: casablancaMidnight(query.from),
    to: casablancaMidnight(addDays(query.to, 1)),
    networks: query.platform ?? null,
    languages: query.language ?? null,
    themes: query.theme ?? null,
    audiences: query.audience ?? null,
    formats: query.format ?? null,
    keyMoments: query.keyMoment ?? null,
    businessHours: await currentBusinessHours(payload),
  }
}

/** The KPIs asked (all by default), each with its definition. */
export function kpisAsked(kpis: readonly KpiName[] | undefined): KpiName[] {
  return kpis ? [...new Set(kpis)] : kpiNames
}
