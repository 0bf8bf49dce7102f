/**
 * `npm run media:migrate-to-s3` (issue 16): an installation that kept its files on disk moves them
 * into the bucket where Badil with S3_* set reads them — every file a document names, resumable,
 * with progress, the local copies removed only on request and only once in the bucket.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { diskFileStore } from '../../src/infra/disk-file-store'
import { fileStoresOf } from '../../src/infra/file-store'
import { makeJpeg } from '../content-model/fixtures'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { runScript } from '../helpers/run-script'
import { bucketFolder, startS3Server } from '../helpers/s3-server'
import type { TestS3Server } from '../helpers/s3-server'

let s3: TestS3Server
let app: TestPayload
let payload: Payload
let mediaDir: string
let reportsDir: string
/** Every file the documents name, as `folder/name`. */
let expected: string[]

const migrate = (args: string[] = [], env: Record<string, string> = s3.env) =>
  runScript('scripts/migrate-media-to-s3.ts', args, {
    env: { DATABASE_URL: app.databaseUrl, DATA_DIR: app.dataDirPath, MEDIA_DIR: mediaDir, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    timeoutMs: 90_000,
  })

const allKeys = () => [...s3.keys('media/'), ...s3.keys('periodic-reports/')]

beforeAll(async () => {
  s3 = await startS3Server('badil-migration')
  // Files on local disk, as every installation before object storage.
  app = await startTestPayload()
  payload = app.payload
  mediaDir = path.join(app.dataDirPath, 'media')
  reportsDir = path.join(app.dataDirPath, 'reports')
  const names: string[] = []
  for (const [width, name] of [
    [1600, 'affiche-a.jpg'],
    [1200, 'affiche-b.jpg'],
  ] as const) {
    const doc = await payload.create({
      collection: 'media',
      overrideAccess: true,
      data: { alt: 'Affiche' },
      file: { data: await makeJpeg(width, 1000), mimetype: 'image/jpeg', name, size: 1 },
    })
    names.push(`media/${doc.filename}`, ...Object.values(doc.renditions as Record<string, { filename: string }>).map((rendition) => `media/${rendition.filename}`))
  }
  const html = Buffer.from('<!doctype html><title>Rapport</title>')
  const report = await payload.create({
    collection: 'periodic-reports',
    overrideAccess: true,
    data: { title: 'Rapport', kind: 'weekly', periodFrom: '2026-11-23', periodTo: '2026-11-29', language: 'fr', status: 'stored', deliveryKey: 'migration-test' },
    file: { data: html, mimetype: 'text/html', name: 'rapport-semaine.html', size: html.length },
  })
  names.push(`periodic-reports/${report.filename}`)
  // A stray file no document names stays where it is.
  fs.writeFileSync(path.join(mediaDir, 'stray.txt'), 'not a media file')
  expected = names.sort()
})

afterAll(async () => {
  await app?.close()
  await s3?.close()
})

describe('moving files to object storage', () => {
  it('refuses to run without a bucket or with one it cannot reach, and says why', async () => {
    const run = await migrate([], {})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('S3_BUCKET is not set')
    const wrongBucket = await migrate([], { ...s3.env, S3_BUCKET: 'no-such-bucket' })
    expect(wrongBucket.code).toBe(2)
    expect(wrongBucket.stderr).toContain('the bucket no-such-bucket cannot be reached')
    expect(allKeys()).toEqual([])
  })

  it('a dry run lists what it would copy and writes nothing', async () => {
    const run = await migrate(['--dry-run'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${expected.length} file(s) named by the database; dry run`)
    expect(run.stdout).toContain(`✔ ${expected.length} to copy`)
    expect(allKeys()).toEqual([])
  })

  it('copies every file a document names, with progress, and keeps the local copies', async () => {
    const run = await migrate()
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`[ 1/${expected.length}] media/affiche-a.jpg: copied (`)
    expect(run.stdout).toContain(`✔ ${expected.length} copied`)
    expect(allKeys()).toEqual(expected)
    for (const key of expected) {
      const [folder, name] = key.split('/') as [string, string]
      const local = fs.readFileSync(path.join(folder === 'media' ? mediaDir : reportsDir, name))
      expect((await bucketFolder(s3, folder).read(name))!.equals(local)).toBe(true)
    }
    expect(allKeys()).not.toContain('media/stray.txt')
    expect(fs.existsSync(path.join(mediaDir, 'affiche-a.jpg'))).toBe(true)
  })

  it('resumes: copies only what is not in the bucket yet', async () => {
    const again = await migrate()
    expect(again.stdout).toContain(`✔ 0 copied (0.0 MB), ${expected.length} already in the bucket`)
    // As if the first run had stopped before these two files.
    const lost = expected.slice(0, 2)
    for (const key of lost) await bucketFolder(s3, key.split('/')[0]!).remove(key.split('/')[1]!)
    const resumed = await migrate()
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toContain(`✔ 2 copied`)
    expect(resumed.stdout).toContain(`${expected.length - 2} already in the bucket`)
    expect(allKeys()).toEqual(expected)
  })

  it('names a file a document needs but the disk lacks, and fails', async () => {
    const [folder, name] = expected.find((key) => key.startsWith('media/'))!.split('/') as [string, string]
    await bucketFolder(s3, folder).remove(name)
    const kept = fs.readFileSync(path.join(mediaDir, name))
    fs.rmSync(path.join(mediaDir, name))
    try {
      const run = await migrate()
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(`${folder}/${name}: MISSING on disk`)
      expect(run.stdout).toContain('1 missing on disk')
    } finally {
      fs.writeFileSync(path.join(mediaDir, name), kept)
    }
  })

  it('removes the local copies on request, only of files whole in the bucket', async () => {
    const run = await migrate(['--remove-local'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`, ${expected.length} local copies removed`)
    expect(allKeys()).toEqual(expected)
    expect(fs.readdirSync(mediaDir)).toEqual(['stray.txt'])
    expect(fs.readdirSync(reportsDir)).toEqual([])
    // The app on disk no longer finds them: the files now live where Badil with S3_* reads them.
    expect(await fileStoresOf(payload).media.size(expected[0]!.split('/')[1]!)).toBeNull()
    expect(await diskFileStore(mediaDir).size('stray.txt')).toBe('not a media file'.length)
  })
})
