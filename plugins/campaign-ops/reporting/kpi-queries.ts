/**
 * The KPIs of kpis.md in SQL: one named, documented query per source of rows (kpi-catalogue.ts),
 * each KPI an aggregate over its source's rows. The same rows serve the period's figures, the
 * time series (grouped by Casablanca day, week or month) and the breakdowns (by network,
 * language…), so a figure is the same wherever it is shown. Sums over no value are null: a metric
 * no network gave is missing, never 0.
 */
import { readPool } from '../../../src/infra/database'
import { defaultRules } from '../moderation/default-rules'
import { kpiCatalogue } from './kpi-catalogue'
import { bucketsOf, casablancaDayOf } from './report-periods'
import { businessCalendar, defaultBusinessHours } from '../inbox/business-hours'
import type { TimeBucket } from './report-periods'
import type { KpiName, KpiSource } from './kpi-catalogue'
import { filtersOnContent } from './report-filters'
import type { ReportFilters, ReportLanguage } from './report-filters'

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

/** The time zone of every day, week and month of a report (cut by report-periods.ts). */
export const reportTimeZone = 'Africa/Casablanca'
/** Categories counted as hostile in the tone KPI. */
export const hostileCategories = ['hate', 'harassment', 'defamation'] as const
/** A publication this late after its scheduled time is not on time. */
export const onTimeToleranceMinutes = 2
/** A person who makes an automatic hide visible again within this many days makes it a wrong one. */
export const restoreWindowDays = 7

export class SqlParameters {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** The network of a variant's platform ('instagram_reel' → 'instagram', 'youtube_short' → 'youtube'). */
const variantNetwork = (alias: string) => `split_part(${alias}.platform::text, '_', 1)`

/** Inbound items are tagged with Darija's script; a report's `ary` is both. */
function inboundLanguages(languages: readonly ReportLanguage[]): string[] {
  return languages.flatMap((language) => (language === 'ary' ? ['ary_arabic', 'ary_latin'] : [language]))
}

/** Conditions on the content item `c` (theme, audience, format, key moment); a row without content meets none. */
function contentConditions(filters: ReportFilters, parameters: SqlParameters): string[] {
  const conditions: string[] = []
  if (filters.formats) conditions.push(`c.format::text = ANY(${parameters.add(filters.formats)}::text[])`)
  if (filters.keyMoments) conditions.push(`c.key_moment_id = ANY(${parameters.add(filters.keyMoments)}::int[])`)
  if (filters.themes) {
    conditions.push(
      `EXISTS (SELECT 1 FROM content_items_rels t WHERE t.parent_id = c.id AND t.path = 'themes' AND t.themes_id = ANY(${parameters.add(filters.themes)}::int[]))`,
    )
  }
  if (filters.audiences) {
    conditions.push(
      `EXISTS (SELECT 1 FROM content_items_audiences a WHERE a.parent_id = c.id AND a.value::text = ANY(${parameters.add(filters.audiences)}::text[]))`,
    )
  }
  return conditions
}

/** Conditions on the variant `v`: its network and language. */
function variantConditions(filters: ReportFilters, parameters: SqlParameters): string[] {
  const conditions: string[] = []
  if (filters.networks) conditions.push(`${variantNetwork('v')} = ANY(${parameters.add(filters.networks)}::text[])`)
  if (filters.languages) conditions.push(`v.language::text = ANY(${parameters.add(filters.languages)}::text[])`)
  return conditions
}

function where(conditions: string[]): string {
  return conditions.length ? conditions.join('\n AND ') : 'true'
}

/** The rule ids that detect a myth, with the myth's key: the shipped rules, and those in the database. */
export function mythRulesSql(parameters: SqlParameters): string {
  const shipped = defaultRules.filter((rule) => rule.mythId)
  return `(SELECT unnest(${parameters.add(shipped.map((rule) => rule.id))}::text[]) AS rule_id, unnest(${parameters.add(shipped.map((rule) => rule.mythId))}::text[]) AS myth
            UNION SELECT 'db:' || r.id, m.key FROM moderation_rules r JOIN myths m ON m.id = r.myth_id)`
}

/** The KPIs that read the business hours between receipt and first answer, or the escalation's resolution. */
const businessKpis: readonly KpiName[] = ['first_response_time_business_median_hours', 'first_response_time_business_p90_hours']
const resolutionKpis: readonly KpiName[] = ['escalation_resolution_median_hours']

/**
 * The business hours between receipt and first answer, as a difference of cumulative business
 * hours: each instant is placed among the business intervals (a binary search, `width_bucket`)
 * and takes the hours before its interval plus its part of it. The intervals run from the period's
 * start to 60 days after its end (answers come later than receipts).
 */
function businessHoursSql(filters: ReportFilters, parameters: SqlParameters, kpis: readonly KpiName[]): { column: string; join: string } {
  if (!kpis.some((kpi) => businessKpis.includes(kpi))) return { column: '', join: '' }
  const calendar = businessCalendar(
    filters.businessHours ?? defaultBusinessHours,
    casablancaDayOf(filters.from),
    casablancaDayOf(new Date(filters.to.getTime() + 60 * 86_400_000)),
  )
  if (calendar.starts.length === 0) return { column: ', NULL::double precision AS business_hours', join: '' }
  const starts = `${parameters.add(calendar.starts)}::timestamptz[]`
  const ends = `${parameters.add(calendar.ends)}::timestamptz[]`
  const before = `${parameters.add(calendar.hoursBefore)}::double precision[]`
  // Each instant's interval once (k.received, k.answered), then the hours before it and its part of it.
  const cumulative = (instant: string, interval: string) =>
    `(CASE WHEN ${interval} = 0 THEN 0 ELSE (${before})[${interval}]
        + extract(epoch FROM least(${instant}, (${ends})[${interval}]) - (${starts})[${interval}]) / 3600 END)`
  return {
    column: `,
                   greatest(${cumulative('i.first_answered_at', 'k.answered')} - ${cumulative('i.received_at', 'k.received')}, 0) AS business_hours`,
    join: `LEFT JOIN LATERAL (SELECT width_bucket(i.received_at, ${starts}) AS received, width_bucket(i.first_answered_at, ${starts}) AS answered) k
                ON i.first_answered_at IS NOT NULL`,
  }
}

/** When an escalated item was settled: the first reply, hide, removal or change of state after its escalation. */
function resolutionColumn(kpis: readonly KpiName[]): string {
  if (!kpis.some((kpi) => resolutionKpis.includes(kpi))) return ''
  return `,
                   CASE WHEN i.escalated_at IS NOT NULL THEN (
                     SELECT min(l.occurred_at) FROM moderation_log l
                      WHERE l.item_ref = 'interactions/' || i.id AND l.occurred_at >= i.escalated_at
                        AND (l.kind IN ('reply', 'hide', 'delete') OR (l.kind = 'status' AND coalesce(l.after->>'status', '') <> 'escalated'))) END AS resolved_at`
}

/**
 * The rows of each source, with `at` (the time that places a row in the period) and the columns
 * the KPIs aggregate, plus `network` and `language` for breakdowns.
 */
const sourceRows: Record<KpiSource, (filters: ReportFilters, parameters: SqlParameters, kpis: readonly KpiName[]) => string> = {
  /** Variants published in the period, each with its latest snapshot before the period's end (or none). */
  posts: (filters, parameters) => {
    const to = parameters.add(filters.to)
    const conditions = [
      `v.publication_state = 'published'`,
      `v.published_at >= ${parameters.add(filters.from)}`,
      `v.published_at < ${to}`,
      ...variantConditions(filters, parameters),
      ...contentConditions(filters, parameters),
    ]
    return `SELECT v.id AS variant_id, v.published_at AS at, ${variantNetwork('v')} AS network, v.language::text AS language,
                   s.impressions, s.reach, s.video_views, s.interactions, s.clicks, s.fetched_at
              FROM platform_variants v
              ${filtersOnContent(filters) ? 'JOIN content_items c ON c.id = v.content_item_id' : ''}
              LEFT JOIN LATERAL (
                SELECT m.impressions, m.reach, m.video_views, m.interactions, m.clicks, m.fetched_at
                  FROM metric_snapshots m
                 WHERE m.variant_id = v.id AND m.fetched_at < ${to}
                 ORDER BY m.fetched_at DESC LIMIT 1) s ON true
             WHERE ${where(conditions)}`
  },
  /** Variants planned in the period (drafts aside), whatever became of them. */
  publishing: (filters, parameters) => {
    const conditions = [
      `v.publication_state <> 'draft'`,
      `v.scheduled_at >= ${parameters.add(filters.from)}`,
      `v.scheduled_at < ${parameters.add(filters.to)}`,
      ...variantConditions(filters, parameters),
      ...contentConditions(filters, parameters),
    ]
    return `SELECT v.id AS variant_id, v.scheduled_at AS at, ${variantNetwork('v')} AS network, v.language::text AS language,
                   v.publication_state::text AS state, v.published_at, v.scheduled_at
              FROM platform_variants v
              ${filtersOnContent(filters) ? 'JOIN content_items c ON c.id = v.content_item_id' : ''}
             WHERE ${where(conditions)}`
  },
  /** Inbound items received in the period, with the campaign's first answer (from Badil or posted on the network: inbox/first-answer.ts). */
  inbound: (filters, parameters, kpis) => {
    const conditions = [
      `NOT coalesce(i.from_account_itself, false)`,
      `i.received_at >= ${parameters.add(filters.from)}`,
      `i.received_at < ${parameters.add(filters.to)}`,
    ]
    if (filters.networks) conditions.push(`i.network::text = ANY(${parameters.add(filters.networks)}::text[])`)
    if (filters.languages) conditions.push(`i.language::text = ANY(${parameters.add(inboundLanguages(filters.languages))}::text[])`)
    conditions.push(...contentConditions(filters, parameters))
    const mythRuleIds = `(SELECT array_agg(rule_id) FROM ${mythRulesSql(parameters)} myth_rules)`
    const business = businessHoursSql(filters, parameters, kpis)
    return `SELECT i.id, i.received_at AS at, i.network::text AS network, i.language::text AS language, i.kind::text AS kind,
                   i.moderation_category::text AS category, i.sla_due_at, i.escalated_at,
                   (coalesce(i.moderation_category::text, '') <> 'spam' AND NOT coalesce(i.hidden_on_network, false)
                     AND i.status <> 'hidden' AND i.removed_on_network_at IS NULL) AS needs_answer,
                   (i.kind IN ('comment', 'reply')) AS is_comment, i.moderation_rule_ids AS rule_ids,
                   (i.moderation_rule_ids IS NOT NULL AND string_to_array(i.moderation_rule_ids, ',') && ${mythRuleIds}) AS matches_myth,
                   i.first_answered_at AS answered_at${business.column}${resolutionColumn(kpis)}
              FROM interactions i
              ${business.join}
              ${filtersOnContent(filters) ? 'LEFT JOIN platform_variants v ON v.id = i.variant_id LEFT JOIN content_items c ON c.id = v.content_item_id' : ''}
             WHERE ${where(conditions)}`
  },
  /** The campaign's accounts, with their followers at the period's start and end and their latest 28-day reach. */
  accounts: (filters, parameters) => {
    const from = parameters.add(filters.from)
    const to = parameters.add(filters.to)
    const conditions: string[] = []
    if (filters.networks) conditions.push(`a.network::text = ANY(${parameters.add(filters.networks)}::text[])`)
    // An account has no language, theme, audience, format or key moment: such a filter leaves none.
    if (filters.languages || filtersOnContent(filters)) conditions.push('false')
    const latest = (column: string, before: string) =>
      `(SELECT m.${column} FROM metric_snapshots m
         WHERE m.account_id = a.id AND m.scope = 'account' AND m.fetched_at < ${before} AND m.${column} IS NOT NULL
         ORDER BY m.fetched_at DESC LIMIT 1)`
    return `SELECT a.id, ${to}::timestamptz AS at, a.network::text AS network, NULL::text AS language,
                   ${latest('followers', to)} AS followers_end, ${latest('followers', from)} AS followers_start, ${latest('period_reach', to)} AS period_reach
              FROM network_accounts a
             WHERE ${where(conditions)}`
  },
  /** The crisis watch's alerts raised in the period; an alert over all networks has none. */
  crisis: (filters, parameters) => {
    const network = `CASE WHEN a.series LIKE 'hostile:%' AND a.series <> 'hostile:all' THEN substring(a.series FROM 9) END`
    const conditions = [`a.raised_at >= ${parameters.add(filters.from)}`, `a.raised_at < ${parameters.add(filters.to)}`]
    if (filters.networks) conditions.push(`${network} = ANY(${parameters.add(filters.networks)}::text[])`)
    // An alert has no language, theme, audience, format or key moment: such a filter leaves none.
    if (filters.languages || filtersOnContent(filters)) conditions.push('false')
    return `SELECT a.id, a.raised_at AS at, ${network} AS network, NULL::text AS language, NULL::text AS category,
                   a.acknowledged_at, a.resolved_at
              FROM crisis_alerts a
             WHERE ${where(conditions)}`
  },
  /** Moderation log entries of the period; an automatic hide says whether a person restored it within 7 days. */
  moderation: (filters, parameters) => {
    const conditions = [
      `l.kind IN ('decision', 'hide', 'unhide', 'restore', 'delete', 'escalate', 'reply')`,
      `l.occurred_at >= ${parameters.add(filters.from)}`,
      `l.occurred_at < ${parameters.add(filters.to)}`,
    ]
    if (filters.networks) conditions.push(`l.platform = ANY(${parameters.add(filters.networks)}::text[])`)
    if (filters.languages) conditions.push(`i.language::text = ANY(${parameters.add(inboundLanguages(filters.languages))}::text[])`)
    conditions.push(...contentConditions(filters, parameters))
    return `SELECT l.id, l.occurred_at AS at, l.platform AS network, i.language::text AS language, l.kind::text AS kind,
                   l.actor_type::text AS actor_type, l.category, l.action,
                   CASE WHEN l.kind = 'hide' AND l.actor_type = 'rule' THEN EXISTS (
                     SELECT 1 FROM moderation_log u
                      WHERE u.item_ref = l.item_ref AND u.kind IN ('unhide', 'restore') AND u.actor_type = 'user'
                        AND u.occurred_at > l.occurred_at AND u.occurred_at <= l.occurred_at + make_interval(days => ${restoreWindowDays}))
                   END AS restored_by_person
              FROM moderation_log l
              LEFT JOIN interactions i ON i.id = CASE WHEN l.item_ref ~ '^interactions/[0-9]{1,9}$' THEN substring(l.item_ref FROM 14)::int END
              ${filtersOnContent(filters) ? 'LEFT JOIN platform_variants v ON v.id = i.variant_id LEFT JOIN content_items c ON c.id = v.content_item_id' : ''}
             WHERE ${where(conditions)}`
  },
}

const ratio = (numerator: string, denominator: string) => `(${numerator})::double precision / nullif(${denominator}, 0)`
const hoursBetween = (later: string, earlier: string) => `extract(epoch FROM (${later} - ${earlier})) / 3600`
const answeredItem = `r.needs_answer AND r.answered_at IS NOT NULL`
const lateness = `r.published_at <= r.scheduled_at + make_interval(mins => ${onTimeToleranceMinutes})`
const hostile = `r.category IN (${hostileCategories.map((category) => `'${category}'`).join(', ')})`

/** Each KPI as an aggregate over the rows `r` of its source. */
const kpiAggregates: Record<KpiName, string> = {
  impressions: `sum(r.impressions)`,
  sum_of_post_reach: `sum(r.reach)`,
  video_views: `sum(r.video_views)`,
  followers: `sum(r.followers_end)`,
  net_follower_change: `sum(r.followers_end - r.followers_start)`,
  period_reach_28d: `sum(r.period_reach)`,
  interactions: `sum(r.interactions)`,
  clicks: `sum(r.clicks)`,
  engagement_rate_reach_median: `percentile_cont(0.5) WITHIN GROUP (ORDER BY (r.interactions / nullif(r.reach, 0))::double precision) FILTER (WHERE r.reach > 0 AND r.interactions IS NOT NULL)`,
  engagement_rate_reach_weighted: ratio(
    `sum(r.interactions) FILTER (WHERE r.reach > 0)`,
    `sum(r.reach) FILTER (WHERE r.reach > 0 AND r.interactions IS NOT NULL)`,
  ),
  engagement_rate_impressions_median: `percentile_cont(0.5) WITHIN GROUP (ORDER BY (r.interactions / nullif(r.impressions, 0))::double precision) FILTER (WHERE r.impressions > 0 AND r.interactions IS NOT NULL)`,
  engagement_rate_impressions_weighted: ratio(
    `sum(r.interactions) FILTER (WHERE r.impressions > 0)`,
    `sum(r.impressions) FILTER (WHERE r.impressions > 0 AND r.interactions IS NOT NULL)`,
  ),
  posts_published: `count(*)`,
  on_time_rate: ratio(
    `count(*) FILTER (WHERE r.state = 'published' AND ${lateness})`,
    `count(*) FILTER (WHERE r.state IN ('published', 'failed', 'outcome_unknown'))`,
  ),
  failure_rate: ratio(
    `count(*) FILTER (WHERE r.state IN ('failed', 'outcome_unknown'))`,
    `count(*) FILTER (WHERE r.state IN ('published', 'failed', 'outcome_unknown'))`,
  ),
  cadence_vs_plan: ratio(`count(*) FILTER (WHERE r.state = 'published')`, `count(*)`),
  inbound_volume: `count(*)`,
  response_rate: ratio(`count(*) FILTER (WHERE ${answeredItem})`, `count(*) FILTER (WHERE r.needs_answer)`),
  first_response_time_median_hours: `percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(${hoursBetween('r.answered_at', 'r.at')}, 0)) FILTER (WHERE ${answeredItem})`,
  first_response_time_p90_hours: `percentile_cont(0.9) WITHIN GROUP (ORDER BY greatest(${hoursBetween('r.answered_at', 'r.at')}, 0)) FILTER (WHERE ${answeredItem})`,
  first_response_time_business_median_hours: `percentile_cont(0.5) WITHIN GROUP (ORDER BY r.business_hours) FILTER (WHERE ${answeredItem} AND r.business_hours IS NOT NULL)`,
  first_response_time_business_p90_hours: `percentile_cont(0.9) WITHIN GROUP (ORDER BY r.business_hours) FILTER (WHERE ${answeredItem} AND r.business_hours IS NOT NULL)`,
  sla_compliance: ratio(
    `count(*) FILTER (WHERE ${answeredItem} AND r.sla_due_at IS NOT NULL AND r.answered_at <= r.sla_due_at)`,
    `count(*) FILTER (WHERE r.needs_answer AND r.sla_due_at IS NOT NULL AND (r.answered_at IS NOT NULL OR r.sla_due_at <= now()))`,
  ),
  escalations: `count(*) FILTER (WHERE r.escalated_at IS NOT NULL)`,
  escalation_resolution_median_hours: `percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(${hoursBetween('r.resolved_at', 'r.escalated_at')}, 0)) FILTER (WHERE r.resolved_at IS NOT NULL)`,
  tone: ratio(`count(*) FILTER (WHERE r.is_comment AND ${hostile})`, `count(*) FILTER (WHERE r.is_comment)`),
  misconception_prevalence: ratio(`count(*) FILTER (WHERE r.is_comment AND r.matches_myth)`, `count(*) FILTER (WHERE r.is_comment)`),
  moderation_decisions: `count(*) FILTER (WHERE r.kind = 'decision')`,
  moderation_hidden: `count(*) FILTER (WHERE r.kind = 'hide')`,
  moderation_flagged: `count(*) FILTER (WHERE r.kind = 'decision' AND r.action = 'flag')`,
  moderation_escalated: `count(*) FILTER (WHERE r.kind = 'escalate')`,
  moderation_replied: `count(*) FILTER (WHERE r.kind = 'reply')`,
  moderation_restored: `count(*) FILTER (WHERE r.kind IN ('unhide', 'restore'))`,
  crisis_alerts: `count(*)`,
  crisis_acknowledge_median_hours: `percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(${hoursBetween('r.acknowledged_at', 'r.at')}, 0)) FILTER (WHERE r.acknowledged_at IS NOT NULL)`,
  crisis_resolve_median_hours: `percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(${hoursBetween('r.resolved_at', 'r.at')}, 0)) FILTER (WHERE r.resolved_at IS NOT NULL)`,
  automatic_precision: ratio(
    `count(*) FILTER (WHERE r.kind = 'hide' AND r.actor_type = 'rule' AND NOT r.restored_by_person)`,
    `count(*) FILTER (WHERE r.kind = 'hide' AND r.actor_type = 'rule')`,
  ),
}

export type KpiValues = Partial<Record<KpiName, number | null>>

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null
  const parsed = Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

/** The KPIs asked, grouped by the source they are computed over. */
function bySource(kpis: readonly KpiName[]): Map<KpiSource, KpiName[]> {
  const groups = new Map<KpiSource, KpiName[]>()
  for (const kpi of kpis) {
    const source = kpiCatalogue[kpi].source
    groups.set(source, [...(groups.get(source) ?? []), kpi])
  }
  return groups
}

const selectList = (kpis: readonly KpiName[]) => kpis.map((kpi) => `${kpiAggregates[kpi]} AS "${kpi}"`).join(',\n ')

/** The KPIs over the period and filters: one query per source asked. */
export async function kpiFigures(db: Queryable, kpis: readonly KpiName[], filters: ReportFilters): Promise<KpiValues> {
  const figures: KpiValues = {}
  await Promise.all(
    [...bySource(kpis)].map(async ([source, names]) => {
      const parameters = new SqlParameters()
      const rows = sourceRows[source](filters, parameters, names)
      const { rows: result } = await db.query(`SELECT ${selectList(names)} FROM (${rows}) r`, parameters.values)
      for (const name of names) figures[name] = numberOrNull(result[0]?.[name])
    }),
  )
  return figures
}

export type TimeSeriesPoint = { start: string } & KpiValues

/** `width_bucket` over the boundaries: the bucket of each row, 1 for the first (a binary search, not a join). */
const bucketOf = (boundaries: string) => `width_bucket(r.at, ${boundaries}::timestamptz[])`

/**
 * The KPIs by Casablanca day, week (from Monday) or month of the row's time. Buckets where the
 * source has no row are present, with counts of 0 and the other figures missing. The accounts'
 * figures are read at each interval's end (one small query per interval: there are few accounts).
 */
export async function kpiTimeSeries(db: Queryable, kpis: readonly KpiName[], filters: ReportFilters, bucket: TimeBucket): Promise<TimeSeriesPoint[]> {
  const { labels, boundaries } = bucketsOf(filters.from, filters.to, bucket)
  const points: TimeSeriesPoint[] = labels.map((start) => ({ start }))
  await Promise.all(
    [...bySource(kpis)].map(async ([source, names]) => {
      if (source === 'accounts') {
        // An account's figures are at a moment: each interval's are those at its end (followers) and
        // its change over it, within the period (the first week or month may start before it).
        await Promise.all(
          points.map(async (point, index) => {
            const from = new Date(Math.max(boundaries[index]!.getTime(), filters.from.getTime()))
            const to = new Date(Math.min(boundaries[index + 1]!.getTime(), filters.to.getTime()))
            Object.assign(point, await kpiFigures(db, names, { ...filters, from, to }))
          }),
        )
        return
      }
      const parameters = new SqlParameters()
      const rows = sourceRows[source](filters, parameters, names)
      const bounds = parameters.add(boundaries)
      const { rows: result } = await db.query(`SELECT ${bucketOf(bounds)} AS bucket, ${selectList(names)} FROM (${rows}) r GROUP BY 1`, parameters.values)
      const byBucket = new Map(result.map((row) => [Number(row.bucket), row]))
      points.forEach((point, index) => {
        const row = byBucket.get(index + 1)
        for (const name of names) point[name] = row ? numberOrNull(row[name]) : isCountOfRows(name) ? 0 : null
      })
    }),
  )
  return points
}

/** A KPI that counts rows (0 when there are none), not one that sums what networks gave (missing when none did). */
function isCountOfRows(kpi: KpiName): boolean {
  return kpiAggregates[kpi].startsWith('count(')
}

export const breakdownDimensions = ['network', 'language', 'category'] as const
export type BreakdownDimension = (typeof breakdownDimensions)[number]

/** The sources whose rows have a moderation category. */
const sourcesWithCategory: readonly KpiSource[] = ['inbound', 'moderation']

/** The KPIs among `kpis` that cannot be broken down by `dimension` (an account has no language nor category). */
export function kpisWithoutDimension(kpis: readonly KpiName[], dimension: BreakdownDimension): KpiName[] {
  if (dimension === 'category') return kpis.filter((kpi) => !sourcesWithCategory.includes(kpiCatalogue[kpi].source))
  if (dimension === 'language') return kpis.filter((kpi) => ['accounts', 'crisis'].includes(kpiCatalogue[kpi].source))
  return []
}

/** The KPIs by network, language or moderation category, over the period and filters. */
export async function kpiBreakdown(
  db: Queryable,
  kpis: readonly KpiName[],
  filters: ReportFilters,
  dimension: BreakdownDimension,
): Promise<Array<{ key: string | null } & KpiValues>> {
  const groups = new Map<string, { key: string | null } & KpiValues>()
  await Promise.all(
    [...bySource(kpis)].map(async ([source, names]) => {
      const parameters = new SqlParameters()
      const rows = sourceRows[source](filters, parameters, names)
      const { rows: result } = await db.query(`SELECT r.${dimension} AS key, ${selectList(names)} FROM (${rows}) r GROUP BY 1 ORDER BY 1`, parameters.values)
      for (const row of result) {
        const key = row.key === null || row.key === undefined ? null : String(row.key)
        const group = groups.get(String(key)) ?? { key }
        for (const name of names) group[name] = numberOrNull(row[name])
        groups.set(String(key), group)
      }
    }),
  )
  // Groups in key order, rows without a key (a DM has no category) last.
  return [...groups.values()].sort((left, right) => (left.key === null ? 1 : right.key === null ? -1 : left.key.localeCompare(right.key)))
}

export type MythWeek = { myth: string; week: string; matching: number; comments: number; prevalence: number | null }

/**
 * Misconception prevalence per myth per Casablanca week (from Monday): the comments matching the
 * myth's misinformation rules ÷ all comments received that week. Every myth of the fact library
 * has a row for every week of the period.
 */
export async function misconceptionPrevalence(db: Queryable, filters: ReportFilters): Promise<MythWeek[]> {
  const { labels, boundaries } = bucketsOf(filters.from, filters.to, 'week')
  const parameters = new SqlParameters()
  const rows = sourceRows.inbound(filters, parameters, [])
  const bounds = parameters.add(boundaries)
  const mythRules = mythRulesSql(parameters)
  const { rows: result } = await db.query(
    `WITH comments AS (SELECT r.id, ${bucketOf(bounds)} AS week, r.rule_ids FROM (${rows}) r WHERE r.is_comment),
     rules AS ${mythRules},
     totals AS (SELECT week, count(*) AS comments FROM comments GROUP BY week),
     matches AS (
       SELECT rules.myth, comments.week, count(DISTINCT comments.id) AS matching
         FROM comments JOIN rules ON rules.rule_id = ANY(string_to_array(comments.rule_ids, ','))
        GROUP BY 1, 2)
     SELECT m.key AS myth, w.week, coalesce(x.matching, 0) AS matching, coalesce(t.comments, 0) AS comments
       FROM myths m CROSS JOIN generate_series(1, ${parameters.add(labels.length)}::int) AS w(week)
       LEFT JOIN totals t ON t.week = w.week
       LEFT JOIN matches x ON x.myth = m.key AND x.week = w.week
      ORDER BY m.key, w.week`,
    parameters.values,
  )
  return result.map((row) => {
    const matching = Number(row.matching)
    const comments = Number(row.comments)
    return { myth: String(row.myth), week: labels[Number(row.week) - 1]!, matching, comments, prevalence: comments ? matching / comments : null }
  })
}

/** The longest a report's query may run before PostgreSQL stops it. */
export const reportStatementTimeoutMs = 30_000

/**
 * Runs the named queries on a read replica when there are some (the primary otherwise), each in a
 * read-only transaction without JIT
 * (PostgreSQL compiled these short analytical queries for longer than they ran: the inbound KPIs
 * over 90 days of 1M items took 3.9 s with it, 2.4 s without) and within a statement timeout.
 */
export function reportDatabase(payload: { db: unknown }): Queryable {
  return {
    async query(text, values) {
      const client = await readPool(payload).connect()
      try {
        // One round trip for the three.
        await client.query(`BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL statement_timeout = ${reportStatementTimeoutMs}`)
        const result = await client.query(text, values)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
  }
}

export type PostSort = 'published_at' | 'impressions' | 'reach' | 'interactions' | 'engagement_rate_reach' | 'engagement_rate_impressions'

export type PostFigures = {
  id: number
  label: string | null
  platform: string
  network: string
  language: string
  publishedAt: string
  permalink: string | null
  measuredAt: string | null
  impressions: number | null
  reach: number | null
  videoViews: number | null
  interactions: number | null
  clicks: number | null
  engagementRateReach: number | null
  engagementRateImpressions: number | null
}

const postOrder: Record<PostSort, string> = {
  published_at: 'r.at',
  impressions: 'r.impressions',
  reach: 'r.reach',
  interactions: 'r.interactions',
  engagement_rate_reach: 'r.interactions / nullif(r.reach, 0)',
  engagement_rate_impressions: 'r.interactions / nullif(r.impressions, 0)',
}

/** The posts of the period with their latest figures, highest first by `sort` (missing figures last), one page at a time. */
export async function postFigures(
  db: Queryable,
  filters: ReportFilters,
  sort: PostSort,
  page: number,
  limit: number,
): Promise<{ docs: PostFigures[]; totalDocs: number }> {
  const counting = new SqlParameters()
  const { rows: counted } = await db.query(`SELECT count(*) AS total FROM (${sourceRows.posts(filters, counting, [])}) r`, counting.values)
  const parameters = new SqlParameters()
  const rows = sourceRows.posts(filters, parameters, [])
  const { rows: result } = await db.query(
    `SELECT r.*, v.label, v.platform::text AS platform, v.permalink,
            r.interactions / nullif(r.reach, 0) AS er_reach, r.interactions / nullif(r.impressions, 0) AS er_impressions
       FROM (${rows}) r JOIN platform_variants v ON v.id = r.variant_id
      ORDER BY ${postOrder[sort]} DESC NULLS LAST, r.variant_id DESC
      LIMIT ${parameters.add(limit)} OFFSET ${parameters.add((page - 1) * limit)}`,
    parameters.values,
  )
  const instant = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
  return {
    totalDocs: Number(counted[0]?.total ?? 0),
    docs: result.map((row) => ({
      id: Number(row.variant_id),
      label: (row.label as string | null) ?? null,
      platform: String(row.platform),
      network: String(row.network),
      language: String(row.language),
      publishedAt: instant(row.at)!,
      permalink: (row.permalink as string | null) ?? null,
      measuredAt: instant(row.fetched_at),
      impressions: numberOrNull(row.impressions),
      reach: numberOrNull(row.reach),
      videoViews: numberOrNull(row.video_views),
      interactions: numberOrNull(row.interactions),
      clicks: numberOrNull(row.clicks),
      engagementRateReach: numberOrNull(row.er_reach),
      engagementRateImpressions: numberOrNull(row.er_impressions),
    })),
  }
}

export type PostEngagement = {
  network: string
  publishedAt: Date
  /** Interactions ÷ reach, or ÷ impressions where the network gives no reach (X); null when neither is known. */
  engagementRate: number | null
  format: string | null
  audiences: string[]
}

/**
 * The period's posts with their engagement rate and their content's format and audiences: what the
 * recommendations rank slots and formats by. Posts without a measured interaction count are left out.
 */
export async function postEngagement(db: Queryable, filters: ReportFilters): Promise<PostEngagement[]> {
  const parameters = new SqlParameters()
  const rows = sourceRows.posts(filters, parameters, [])
  const { rows: result } = await db.query(
    `SELECT r.network, r.at, r.interactions::double precision / coalesce(nullif(r.reach, 0), nullif(r.impressions, 0)) AS rate,
            c.format::text AS format,
            ARRAY(SELECT a.value::text FROM content_items_audiences a WHERE a.parent_id = c.id ORDER BY a.value) AS audiences
       FROM (${rows}) r
       JOIN platform_variants pv ON pv.id = r.variant_id
       LEFT JOIN content_items c ON c.id = pv.content_item_id
      WHERE r.interactions IS NOT NULL`,
    parameters.values,
  )
  return result.map((row) => ({
    network: String(row.network),
    publishedAt: new Date(row.at as string),
    engagementRate: numberOrNull(row.rate),
    format: (row.format as string | null) ?? null,
    audiences: (row.audiences as string[] | null) ?? [],
  }))
}

export type ThemeCoverage = { themeId: number; keyMoments: number; posts: number }

/**
 * The themes the calendar's key moments name between the period's start and `horizon`, with the
 * posts on each theme published or planned (not drafts, not cancelled) in that window.
 */
export async function themeCoverage(db: Queryable, filters: ReportFilters, horizon: Date): Promise<ThemeCoverage[]> {
  const parameters = new SqlParameters()
  const from = parameters.add(filters.from)
  const until = parameters.add(horizon)
  const momentConditions = [`k.starts_on < ${until}`, `k.ends_on + interval '1 day' > ${from}`]
  if (filters.keyMoments) momentConditions.push(`k.id = ANY(${parameters.add(filters.keyMoments)}::int[])`)
  const themeCondition = filters.themes ? `AND kr.themes_id = ANY(${parameters.add(filters.themes)}::int[])` : ''
  const postConditions = [
    `v.publication_state NOT IN ('draft', 'cancelled')`,
    `coalesce(v.published_at, v.scheduled_at) >= ${from}`,
    `coalesce(v.published_at, v.scheduled_at) < ${until}`,
    ...variantConditions(filters, parameters),
    ...contentConditions(filters, parameters),
  ]
  const { rows: result } = await db.query(
    `WITH named AS (
       SELECT kr.themes_id AS theme_id, count(DISTINCT k.id) AS key_moments
         FROM key_moments k JOIN key_moments_rels kr ON kr.parent_id = k.id AND kr.path = 'themes'
        WHERE ${where(momentConditions)} AND kr.themes_id IS NOT NULL ${themeCondition}
        GROUP BY 1),
     planned AS (
       SELECT v.id, v.content_item_id FROM platform_variants v JOIN content_items c ON c.id = v.content_item_id
        WHERE ${where(postConditions)})
     SELECT n.theme_id, n.key_moments, count(DISTINCT p.id) AS posts
       FROM named n
       LEFT JOIN content_items_rels cr ON cr.themes_id = n.theme_id AND cr.path = 'themes'
       LEFT JOIN planned p ON p.content_item_id = cr.parent_id
      GROUP BY 1, 2
      ORDER BY 1`,
    parameters.values,
  )
  return result.map((row) => ({ themeId: Number(row.theme_id), keyMoments: Number(row.key_moments), posts: Number(row.posts) }))
}
