/**
 * Moves the files an installation kept on local disk (media with their renditions, sent reports)
 * into object storage. Driven by the database, not by the folder: every file a document names is
 * copied, a stray file is left alone, and a file a document names but the disk lacks is reported.
 * Resumable: a file already in the bucket with the same size is not copied again, and each object
 * is written in one request, so an interrupted run leaves no half file behind.
 */
import type pg from 'pg'

import type { FileStore } from '../infra/file-store'

export type StoredFileEntry = { folder: string; filename: string; mimeType: string }

export type MigrationSide = { folder: string; local: FileStore; remote: FileStore }

export type MigrationOutcome = 'copied' | 'already_there' | 'missing_locally' | 'failed'

export type MigrationProgress = { done: number; total: number; entry: StoredFileEntry; outcome: MigrationOutcome; bytes: number; error?: string; removedLocal: boolean }

export type MigrationSummary = Record<MigrationOutcome, number> & { bytesCopied: number; removedLocal: number; missing: StoredFileEntry[]; failures: { entry: StoredFileEntry; error: string }[] }

type RenditionsColumn = Record<string, { filename?: string; mimeType?: string } | null> | null

/** Every file the media and periodic-reports documents name, originals before renditions. */
export async function storedFileEntries(client: pg.Client | pg.Pool): Promise<StoredFileEntry[]> {
  const entries: StoredFileEntry[] = []
  const seen = new Set<string>()
  const add = (folder: string, filename: unknown, mimeType: unknown) => {
    if (typeof filename !== 'string' || filename === '' || seen.has(`${folder}/${filename}`)) return
    seen.add(`${folder}/${filename}`)
    entries.push({ folder, filename, mimeType: typeof mimeType === 'string' && mimeType ? mimeType : 'application/octet-stream' })
  }
  const media = await client.query<{ filename: string | null; mime_type: string | null; renditions: RenditionsColumn }>(
    'SELECT filename, mime_type, renditions FROM media ORDER BY id',
  )
  for (const row of media.rows) {
    add('media', row.filename, row.mime_type)
    for (const rendition of Object.values(row.renditions ?? {})) add('media', rendition?.filename, rendition?.mimeType)
  }
  const reports = await client.query<{ filename: string | null; mime_type: string | null }>('SELECT filename, mime_type FROM periodic_reports ORDER BY id')
  for (const row of reports.rows) add('periodic-reports', row.filename, row.mime_type)
  return entries
}

export async function migrateFiles(
  entries: StoredFileEntry[],
  sides: MigrationSide[],
  options: { removeLocal: boolean; dryRun: boolean; onProgress?: (progress: MigrationProgress) => void },
): Promise<MigrationSummary> {
  const summary: MigrationSummary = { copied: 0, already_there: 0, missing_locally: 0, failed: 0, bytesCopied: 0, removedLocal: 0, missing: [], failures: [] }
  const sideOf = new Map(sides.map((side) => [side.folder, side]))
  for (const [index, entry] of entries.entries()) {
    const side = sideOf.get(entry.folder)
    if (!side) throw new Error(`no storage for the folder ${entry.folder}`)
    let outcome: MigrationOutcome
    let bytes = 0
    let error: string | undefined
    let removedLocal = false
    try {
      const [localSize, remoteSize] = await Promise.all([side.local.size(entry.filename), side.remote.size(entry.filename)])
      if (localSize === null) {
        outcome = remoteSize === null ? 'missing_locally' : 'already_there'
      } else if (remoteSize === localSize) {
        outcome = 'already_there'
      } else if (options.dryRun) {
        outcome = 'copied'
        bytes = localSize
      } else {
        const opened = await side.local.open(entry.filename)
        if (!opened) throw new Error('the local file disappeared while copying')
        await side.remote.write(entry.filename, opened, entry.mimeType)
        const written = await side.remote.size(entry.filename)
        if (written !== localSize) throw new Error(`the bucket holds ${written ?? 'no'} bytes instead of ${localSize}`)
        outcome = 'copied'
        bytes = localSize
      }
      // Only a file now known to be whole in the bucket leaves the disk.
      if (options.removeLocal && !options.dryRun && localSize !== null && outcome !== 'missing_locally') {
        await side.local.remove(entry.filename)
        removedLocal = true
      }
    } catch (failure) {
      outcome = 'failed'
      error = failure instanceof Error ? failure.message : String(failure)
    }
    summary[outcome] += 1
    summary.bytesCopied += bytes
    if (removedLocal) summary.removedLocal += 1
    if (outcome === 'missing_locally') summary.missing.push(entry)
    if (outcome === 'failed') summary.failures.push({ entry, error: error! })
    options.onProgress?.({ done: index + 1, total: entries.length, entry, outcome, bytes, error, removedLocal })
  }
  return summary
}
