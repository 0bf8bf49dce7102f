/**
 * Post figures imported from a file: a network's own export (Meta Business Suite's Facebook and
 * Instagram content exports, X's and LinkedIn's post analytics) or a CSV with the network's API
 * metric names as columns. Each row names a post (its id on the network, or its permalink) and
 * its figures; it becomes a metric snapshot of our post like one read from the API, an empty cell
 * a missing figure (never 0). The file is checked at once (unreadable, empty, no known column: the
 * whole file is refused); its rows are then read in the background with a per-row report.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import type { Payload, TaskConfig } from 'payload'

import type { MetricImport } from '../../../payload-types'
import type { Network } from '../../../src/domain/networks'
import type { Localized } from '../../../src/i18n/catalogue'
import { sqlPool } from '../../../src/infra/database'
import { normalizeKey } from '../inbox/import'
import { claimImport, importLeaseSeconds, stoppedImports } from '../inbox/import-lease'
import { pluginText } from '../translations'
import { componentMetricNames } from './metric-components'
import { metricDefinitionDate } from './metric-definitions'
import { metricImportsSlug } from './metric-imports-collection'
import { metricSnapshotsSlug } from './metric-snapshots-collection'
import { reportingQueue } from './metrics-pull'

export const maxMetricImportRows = 20_000
export const maxMetricImportBytes = 16 * 1024 * 1024
const batchSize = 100

/** The columns of the networks' own exports, by normalized header, and the API metric each one is. */
const exportColumns: Record<Network, Record<string, string>> = {
  // Meta Business Suite → Content → Export (posts), 2025 onwards.
  facebook: {
    views: 'post_media_view',
    reach: 'post_total_media_view_unique',
    reactions: 'post_reactions_by_type_total',
    comments: 'post_comments',
    shares: 'post_shares',
    total_clicks: 'post_clicks',
    link_clicks: 'post_link_clicks',
    other_clicks: 'post_other_clicks',
  },
  // Meta Business Suite → Content → Export (Instagram posts and reels).
  instagram: {
    views: 'views',
    reach: 'reach',
    likes: 'likes',
    comments: 'comments',
    shares: 'shares',
    saves: 'saved',
    follows: 'follows',
    profile_visits: 'profile_visits',
  },
  // X analytics → Export data (posts).
  x: {
    impressions: 'impression_count',
    likes: 'like_count',
    replies: 'reply_count',
    reposts: 'retweet_count',
    retweets: 'retweet_count',
    quotes: 'quote_count',
    bookmarks: 'bookmark_count',
    url_clicks: 'url_link_clicks',
    profile_visits: 'user_profile_clicks',
  },
  // LinkedIn page analytics → Updates → Export.
  linkedin: {
    impressions: 'impressionCount',
    unique_impressions: 'uniqueImpressionsCount',
    clicks: 'clickCount',
    reactions: 'likeCount',
    likes: 'likeCount',
    comments: 'commentCount',
    reposts: 'shareCount',
    shares: 'shareCount',
  },
  youtube: { views: 'viewCount', likes: 'likeCount', comments: 'commentCount' },
  tiktok: { video_views: 'view_count', views: 'view_count', likes: 'like_count', comments: 'comment_count', shares: 'share_count' },
}

/** Columns that name the post, and the one that dates the figures. */
const idColumns = ['post_id', 'id', 'media_id', 'video_id', 'tweet_id', 'update_id', 'urn']
const permalinkColumns = ['permalink', 'post_link', 'link', 'url']
const measuredAtColumn = 'measured_at'

/** Every column this network's files may carry a figure in, and the metric it is. */
export function metricColumns(network: Network): Map<string, string> {
  const columns = new Map<string, string>()
  for (const name of componentMetricNames(network)) columns.set(normalizeKey(name), name)
  for (const [column, name] of Object.entries(exportColumns[network])) columns.set(column, name)
  return columns
}

export type MetricFileProblem = { code: 'unreadable' | 'empty' | 'too_many_rows' | 'no_post_column' | 'no_metric_column'; line?: number; accepted?: string[] }

export class MetricFileError extends Error {
  constructor(readonly problem: MetricFileProblem) {
    super(problem.code)
    this.name = 'MetricFileError'
  }
}

/** The file's rows with normalized column names; a file that cannot be imported throws why. */
export function readMetricFile(text: string, network: Network): Record<string, string>[] {
  let rows: Record<string, string>[]
  try {
    rows = parseCsv(text, {
      columns: (header: string[]) => header.map(normalizeKey),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as Record<string, string>[]
  } catch (error) {
    throw new MetricFileError({ code: 'unreadable', line: (error as { lines?: number }).lines })
  }
  if (rows.length === 0) throw new MetricFileError({ code: 'empty' })
  if (rows.length > maxMetricImportRows) throw new MetricFileError({ code: 'too_many_rows' })
  const header = Object.keys(rows[0]!)
  if (!header.some((column) => idColumns.includes(column) || permalinkColumns.includes(column))) {
    throw new MetricFileError({ code: 'no_post_column', accepted: [...idColumns, ...permalinkColumns] })
  }
  const columns = metricColumns(network)
  if (!header.some((column) => columns.has(column))) throw new MetricFileError({ code: 'no_metric_column', accepted: [...columns.keys()] })
  return rows
}

/** Creates the import; its rows are read by `runMetricImport`. */
export async function startMetricImport(
  payload: Payload,
  input: { network: Network; fileName: string | null; rows: Record<string, string>[]; userId: number },
): Promise<MetricImport> {
  return payload.create({
    collection: metricImportsSlug,
    overrideAccess: true,
    data: {
      network: input.network,
      fileName: input.fileName,
      status: 'queued',
      total: input.rows.length,
      processed: 0,
      rows: input.rows,
      report: [],
      startedBy: input.userId,
    },
  })
}

export type RowError = { field: string; code: string; message: Localized }
export type MetricImportReportEntry = { row: number; status: 'created' | 'unmatched' | 'invalid'; post?: string; variant?: number; errors?: RowError[] }

/** A figure as the exports write it: digits (spaces, narrow spaces or commas between thousands), or blank / "-" for none. */
export function parseFigure(cell: string | undefined): number | null | 'invalid' {
  const text = (cell ?? '').trim()
  if (text === '' || text === '-' || text === '—' || /^n\/?a$/i.test(text)) return null
  const compact = text.replace(/[\s\u00a0\u202f]/g, '')
  if (/^\d{1,3}(,\d{3})+$/.test(compact)) return Number(compact.replace(/,/g, ''))
  if (/^\d+([.,]\d+)?$/.test(compact)) return Number(compact.replace(',', '.'))
  return 'invalid'
}

type ParsedRow = { post: string | null; permalink: string | null; values: Record<string, number | null>; measuredAt: Date | null }

/** A row's post, figures and date, or why it cannot be kept. */
export function parseMetricRow(row: Record<string, string>, network: Network, now: Date): ParsedRow | RowError[] {
  const errors: RowError[] = []
  const first = (names: string[]) => names.map((name) => row[name]?.trim()).find((value) => value) ?? null
  const post = first(idColumns)
  const permalink = first(permalinkColumns)
  if (!post && !permalink) errors.push({ field: 'post_id', code: 'missing_post', message: pluginText('metricsImport:missingPost') })
  const values: Record<string, number | null> = {}
  for (const [column, metric] of metricColumns(network)) {
    if (!(column in row)) continue
    const figure = parseFigure(row[column])
    if (figure === 'invalid') {
      errors.push({ field: column, code: 'not_a_number', message: pluginText('metricsImport:notANumber', { value: row[column]!.slice(0, 40) }) })
      continue
    }
    // Two columns of one metric (X's "Reposts" and "Retweets") add up; blank ones leave it missing.
    const previous = values[metric]
    values[metric] = figure === null ? (previous ?? null) : (previous ?? 0) + figure
  }
  let measuredAt: Date | null = null
  const when = row[measuredAtColumn]?.trim()
  if (when) {
    measuredAt = new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T23:59:59Z` : when)
    if (Number.isNaN(measuredAt.getTime())) {
      errors.push({ field: measuredAtColumn, code: 'not_a_date', message: pluginText('metricsImport:notADate', { value: when.slice(0, 40) }) })
    } else if (measuredAt > now) {
      errors.push({ field: measuredAtColumn, code: 'in_the_future', message: pluginText('metricsImport:inTheFuture') })
    }
  }
  return errors.length ? errors : { post, permalink, values, measuredAt }
}

/** Our published post this row is about: its id on the network (Facebook's with or without the Page's prefix), or its permalink. */
async function matchingVariant(payload: Payload, network: Network, row: ParsedRow): Promise<{ id: number; remoteId: string } | null> {
  const { rows } = await sqlPool(payload).query(
    `SELECT id, remote_id FROM platform_variants
      WHERE split_part(platform::text, '_', 1) = $1 AND remote_id IS NOT NULL
        AND (remote_id = $2 OR remote_id LIKE '%\\_' || $2 OR (permalink IS NOT NULL AND permalink = $3))
      ORDER BY published_at DESC NULLS LAST LIMIT 1`,
    [network, row.post ?? '', row.permalink ?? ''],
  )
  return rows[0] ? { id: Number(rows[0].id), remoteId: String(rows[0].remote_id) } : null
}

/**
 * Reads an import's rows from where it stopped, batch after batch, recording progress and the
 * per-row report after each batch; only the instance holding its lease works on it.
 */
export async function runMetricImport(payload: Payload, importId: number): Promise<void> {
  const db = sqlPool(payload)
  if (!(await claimImport(payload, 'metric_imports', importId))) return
  const stored = await payload.findByID({ collection: metricImportsSlug, id: importId, depth: 0, overrideAccess: true })
  const network = stored.network as Network
  const rows = (stored.rows ?? []) as Record<string, string>[]
  const report = (Array.isArray(stored.report) ? stored.report : []) as MetricImportReportEntry[]
  const counts = { created: stored.created ?? 0, unmatched: stored.unmatched ?? 0, invalid: stored.invalid ?? 0 }
  const importedAt = new Date(stored.createdAt)
  let processed = stored.processed ?? 0
  while (processed < rows.length) {
    const batch = rows.slice(processed, processed + batchSize)
    for (const [offset, raw] of batch.entries()) {
      const rowNumber = processed + offset + 1
      const parsed = parseMetricRow(raw, network, new Date())
      if (Array.isArray(parsed)) {
        counts.invalid += 1
        report.push({ row: rowNumber, status: 'invalid', errors: parsed })
        continue
      }
      const variant = await matchingVariant(payload, network, parsed)
      const post = parsed.post ?? parsed.permalink ?? undefined
      if (!variant) {
        counts.unmatched += 1
        report.push({ row: rowNumber, status: 'unmatched', post })
        continue
      }
      const fetchedAt = parsed.measuredAt ?? importedAt
      await payload.create({
        collection: metricSnapshotsSlug,
        overrideAccess: true,
        data: {
          scope: 'post',
          network,
          variant: variant.id,
          remoteId: variant.remoteId,
          values: parsed.values,
          fetchedAt: fetchedAt.toISOString(),
          definitionDate: metricDefinitionDate(network, fetchedAt),
          source: 'import',
          import: importId,
        },
      })
      counts.created += 1
      report.push({ row: rowNumber, status: 'created', post, variant: variant.id })
    }
    processed += batch.length
    const done = processed >= rows.length
    await db.query(
      `UPDATE metric_imports SET processed = $2, created = $3, unmatched = $4, invalid = $5, report = $6,
              status = CASE WHEN $7 THEN 'done'::enum_metric_imports_status ELSE status END,
              finished_at = CASE WHEN $7 THEN now() ELSE finished_at END,
              claimed_until = CASE WHEN $7 THEN NULL ELSE now() + make_interval(secs => $8) END, updated_at = now()
        WHERE id = $1`,
      [importId, processed, counts.created, counts.unmatched, counts.invalid, JSON.stringify(report), done, importLeaseSeconds],
    )
  }
}

/** Every minute on the reporting queue: imports whose instance stopped are taken up where they were. */
export const resumeMetricImportsTaskConfig: TaskConfig = {
  slug: 'resumeMetricImports',
  retries: 0,
  schedule: [{ cron: '* * * * *', queue: reportingQueue }],
  outputSchema: [{ name: 'resumed', type: 'number' }],
  handler: async ({ req }) => {
    const stopped = await stoppedImports(req.payload, 'metric_imports')
    for (const id of stopped) await runMetricImport(req.payload, id)
    return { output: { resumed: stopped.length } }
  },
}
