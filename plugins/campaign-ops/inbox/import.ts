/**
 * Comments imported from a file, for networks without API access or from a network's own export:
 * CSV (a header row) or JSON Lines, one comment per row with the columns `id`, `text`, and
 * optionally `kind`, `post_id`, `parent_id`, `author_id`, `author_name`, `created_at` (camelCase
 * accepted too). The file is read at once (a malformed file is refused whole), then its rows are
 * stored and moderated in the background like any other interaction, with a per-row report.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import type { Payload, TaskConfig } from 'payload'
import { z } from 'zod'

import type { InboxImport } from '../../../payload-types'
import type { Network } from '../../../src/domain/networks'
import { sqlPool } from '../../../src/infra/database'
import type { InboundEvent } from '../networks/inbound'
import { claimImport, importLeaseSeconds, stoppedImports } from './import-lease'
import { ingestInboundEvent } from './ingest'
import type { InboxSettings } from './ingest'
import { inboxImportsSlug } from './imports-collection'
import { interactionKinds } from './interactions-collection'
import { inboxQueue } from './queue'

export const maxImportRows = 20_000
/** 20,000 comments of a few hundred characters stay far below this. */
export const maxImportBytes = 32 * 1024 * 1024
const batchSize = 200

export type ImportFormat = 'csv' | 'jsonl'

/** Why a file cannot be imported, with the line it was found on when there is one. */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'unreadable' | 'empty' | 'too_many_rows',
    readonly line?: number,
    detail?: string,
  ) {
    super(detail ?? code)
    this.name = 'ImportFileError'
  }
}

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const optionalText = (max: number) => z.preprocess(blankAsUndefined, z.string().trim().max(max).optional())

/** One row, with its column names normalized (`postId`, `Post ID` → `post_id`). */
export const importRowSchema = z.object({
  id: z.preprocess((value) => (typeof value === 'number' ? String(value) : blankAsUndefined(value)), z.string().trim().min(1).max(200)),
  text: z.string().max(20_000),
  kind: z.preprocess(blankAsUndefined, z.enum(interactionKinds).default('comment')),
  post_id: optionalText(200),
  parent_id: optionalText(200),
  author_id: optionalText(200),
  author_name: optionalText(200),
  created_at: z.preprocess(blankAsUndefined, z.iso.datetime({ offset: true }).optional()),
})

export type ImportRow = z.output<typeof importRowSchema>

/** A column name in lower snake case: "Post ID" → post_id, "impressionCount" → impression_count. */
export function normalizeKey(key: string): string {
  return key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase()
}

const normalizeRow = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [normalizeKey(key), value]))

/** The file's rows as objects, before validation; a file that cannot be read at all throws. */
export function readImportFile(text: string, format: ImportFormat): Record<string, unknown>[] {
  let rows: Record<string, unknown>[]
  if (format === 'csv') {
    try {
      rows = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, unknown>[]
    } catch (error) {
      const line = (error as { lines?: number }).lines
      throw new ImportFileError('unreadable', line, error instanceof Error ? error.message : String(error))
    }
  } else {
    rows = []
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
    lines.forEach((line, index) => {
      if (line.trim() === '') return
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch {
        throw new ImportFileError('unreadable', index + 1)
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ImportFileError('unreadable', index + 1)
      rows.push(value as Record<string, unknown>)
    })
  }
  if (rows.length === 0) throw new ImportFileError('empty')
  if (rows.length > maxImportRows) throw new ImportFileError('too_many_rows')
  return rows.map(normalizeRow)
}

/** Creates the import; its rows are read by `runImport`. */
export async function startImport(
  payload: Payload,
  input: { network: Network; accountRemoteId: string; fileName: string | null; rows: Record<string, unknown>[]; userId: number | string },
): Promise<InboxImport> {
  return payload.create({
    collection: inboxImportsSlug,
    overrideAccess: true,
    data: {
      network: input.network,
      accountRemoteId: input.accountRemoteId,
      fileName: input.fileName,
      status: 'queued',
      total: input.rows.length,
      processed: 0,
      rows: input.rows,
      report: [],
      startedBy: Number(input.userId),
    },
  })
}

type ReportEntry = { row: number; status: 'created' | 'duplicate' | 'invalid'; remoteId?: string; errors?: { field: string; message: string }[] }

function eventOf(network: Network, accountRemoteId: string, row: ImportRow): InboundEvent {
  const createdAt = row.created_at ? new Date(row.created_at) : null
  const authorId = row.author_id ?? (row.author_name ? `name:${row.author_name}` : undefined)
  return {
    network,
    accountRemoteId,
    remoteId: row.id,
    kind: row.kind,
    verb: 'add',
    postRemoteId: row.post_id ?? null,
    parentRemoteId: row.parent_id ?? null,
    author: authorId ? { id: authorId, handle: row.author_name ?? null } : null,
    text: row.text,
    occurredAt: createdAt ?? new Date(),
    createdAt,
    fromAccountItself: row.author_id === accountRemoteId,
  }
}

/**
 * Reads an import's rows from where it stopped, batch after batch, recording progress and the
 * per-row report after each batch; only the instance holding its lease works on it.
 */
export async function runImport(payload: Payload, settings: InboxSettings, importId: number): Promise<void> {
  const db = sqlPool(payload)
  if (!(await claimImport(payload, 'inbox_imports', importId))) return
  const stored = await payload.findByID({ collection: inboxImportsSlug, id: importId, depth: 0, overrideAccess: true })
  const rows = (stored.rows ?? []) as Record<string, unknown>[]
  const report = (Array.isArray(stored.report) ? stored.report : []) as ReportEntry[]
  const counts = { created: stored.created ?? 0, duplicates: stored.duplicates ?? 0, invalid: stored.invalid ?? 0 }
  let processed = stored.processed ?? 0
  while (processed < rows.length) {
    const batch = rows.slice(processed, processed + batchSize)
    for (const [offset, raw] of batch.entries()) {
      const rowNumber = processed + offset + 1
      const parsed = importRowSchema.safeParse(raw)
      if (!parsed.success) {
        counts.invalid += 1
        report.push({
          row: rowNumber,
          status: 'invalid',
          errors: parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })),
        })
        continue
      }
      const outcome = await ingestInboundEvent(payload, settings, eventOf(stored.network as Network, stored.accountRemoteId, parsed.data), 'import')
      const status = outcome === 'created' ? 'created' : 'duplicate'
      counts[status === 'created' ? 'created' : 'duplicates'] += 1
      report.push({ row: rowNumber, status, remoteId: parsed.data.id })
    }
    processed += batch.length
    const done = processed >= rows.length
    await db.query(
      `UPDATE inbox_imports SET processed = $2, created = $3, duplicates = $4, invalid = $5, report = $6,
              status = CASE WHEN $7 THEN 'done'::enum_inbox_imports_status ELSE status END,
              finished_at = CASE WHEN $7 THEN now() ELSE finished_at END,
              claimed_until = CASE WHEN $7 THEN NULL ELSE now() + make_interval(secs => $8) END, updated_at = now()
        WHERE id = $1`,
      [importId, processed, counts.created, counts.duplicates, counts.invalid, JSON.stringify(report), done, importLeaseSeconds],
    )
  }
}

/** Every minute on the inbox queue: imports whose instance stopped are taken up where they were. */
export function resumeImportsTaskConfig(settings: InboxSettings): TaskConfig {
  return {
    slug: 'resumeInboxImports',
    retries: 0,
    schedule: [{ cron: '* * * * *', queue: inboxQueue }],
    outputSchema: [{ name: 'resumed', type: 'number' }],
    handler: async ({ req }) => {
      const stopped = await stoppedImports(req.payload, 'inbox_imports')
      for (const id of stopped) await runImport(req.payload, settings, id)
      return { output: { resumed: stopped.length } }
    },
  }
}
