/**
 * `npm run media:migrate-to-s3 [-- --dry-run] [--remove-local]`: copies the media files (originals
 * and renditions) and the sent reports from local disk (MEDIA_DIR, DATA_DIR/reports) into the
 * bucket named by S3_BUCKET and the other S3_* variables, where Badil reads them once started with
 * the same variables. Resumable: run it again after an interruption and it copies only what is
 * not in the bucket yet. Each file is checked in the bucket (its size) before `--remove-local`
 * deletes the local copy. Exit code 0 when every file is in the bucket, 1 when some could not be
 * copied or are missing on disk (each named), 2 when it cannot run.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { openAppDatabase } from '../src/infra/app-database'
import { dataDir } from '../src/infra/data-dir'
import { diskFileStore } from '../src/infra/disk-file-store'
import { loadEnv } from '../src/infra/env'
import { s3SettingsFromEnv, storedCollections } from '../src/infra/object-storage'
import { s3FileStore } from '../src/infra/s3-file-store'
import { migrateFiles, storedFileEntries } from '../src/media/storage-migration'
import type { MigrationProgress } from '../src/media/storage-migration'

const usage = 'usage: npm run media:migrate-to-s3 [-- --dry-run] [--remove-local]'

let options: { dryRun: boolean; removeLocal: boolean }
try {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, 'remove-local': { type: 'boolean' } }, strict: true, allowPositionals: false })
  options = { dryRun: values['dry-run'] ?? false, removeLocal: values['remove-local'] ?? false }
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}\n${usage}`)
  process.exit(2)
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const verbs: Record<MigrationProgress['outcome'], string> = {
  copied: 'copied',
  already_there: 'already in the bucket',
  missing_locally: 'MISSING on disk',
  failed: 'FAILED',
}

try {
  if (fs.existsSync('.env')) process.loadEnvFile('.env')
  const env = loadEnv()
  const s3 = s3SettingsFromEnv(env)
  if (!s3) {
    console.error(`✖ S3_BUCKET is not set: set S3_BUCKET and the other S3_* variables (see .env.example) to the bucket Badil will use.\n${usage}`)
    process.exit(2)
  }
  const sides = [
    { folder: storedCollections.media, local: diskFileStore(path.resolve(env.MEDIA_DIR)), remote: s3FileStore(s3, storedCollections.media) },
    {
      folder: storedCollections['periodic-reports'],
      local: diskFileStore(path.join(dataDir(env), 'reports')),
      remote: s3FileStore(s3, storedCollections['periodic-reports']),
    },
  ]
  // Before anything else: a wrong bucket or key fails here, with the server's reason.
  await sides[0]!.remote.check().catch((error: unknown) => {
    throw new Error(`the bucket ${s3.bucket} cannot be reached: ${error instanceof Error ? error.message : String(error)}`)
  })

  const database = await openAppDatabase(env, (line) => console.error(line))
  const client = new pg.Client({ connectionString: database.url })
  let exitCode: number
  try {
    await client.connect()
    const entries = await storedFileEntries(client)
    console.log(`${entries.length} file(s) named by the database; ${options.dryRun ? 'dry run, nothing is written' : `copying to the bucket ${s3.bucket}`}`)
    const width = String(entries.length).length
    const summary = await migrateFiles(entries, sides, {
      ...options,
      onProgress: (progress) => {
        const counter = `[${String(progress.done).padStart(width)}/${progress.total}]`
        const size = progress.bytes ? ` (${megabytes(progress.bytes)})` : ''
        const removed = progress.removedLocal ? ', local copy removed' : ''
        const reason = progress.error ? `: ${progress.error}` : ''
        console.log(`${counter} ${progress.entry.folder}/${progress.entry.filename}: ${verbs[progress.outcome]}${size}${removed}${reason}`)
      },
    })
    const copied = options.dryRun ? 'to copy' : 'copied'
    console.log(
      `${summary.failed || summary.missing_locally ? '✖' : '✔'} ${summary.copied} ${copied} (${megabytes(summary.bytesCopied)}), ${summary.already_there} already in the bucket, ` +
        `${summary.missing_locally} missing on disk, ${summary.failed} failed${options.removeLocal ? `, ${summary.removedLocal} local copies removed` : ''}`,
    )
    if (summary.failed) console.log('Run the command again to retry the failed files.')
    if (summary.copied && !options.removeLocal && !options.dryRun)
      console.log('The local copies are kept; run again with --remove-local once Badil serves the files from the bucket.')
    exitCode = summary.failed || summary.missing_locally ? 1 : 0
  } finally {
    // Before exiting: an embedded database started for this run is stopped.
    await client.end().catch(() => undefined)
    await database.close()
  }
  process.exit(exitCode)
} catch (error) {
  console.error(`✖ cannot move the files: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}
