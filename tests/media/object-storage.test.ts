/**
 * Media and reports on S3-compatible object storage (issue 16): with S3_* set, every media path
 * goes to the bucket of a local S3 server and nothing to the local disk — upload, renditions,
 * download, focal-point change, delete, the manual kit, a network fetching by URL, the reports'
 * files, and the readiness check.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'

import { migrations } from '../../migrations'
import { instagramAdapter } from '../../plugins/campaign-ops/networks/instagram/adapter'
import { buildPublishRequest } from '../../plugins/campaign-ops/publishing/publish-request'
import { deliverPeriodicReport } from '../../plugins/campaign-ops/reporting/periodic-report-delivery'
import { signPublicMediaLink } from '../../plugins/campaign-ops/publishing/public-media-links'
import type { Role } from '../../src/domain/roles'
import { fileStoresOf } from '../../src/infra/file-store'
import { readiness } from '../../src/infra/health'
import { s3FileStore } from '../../src/infra/s3-file-store'
import { makeJpeg } from '../content-model/fixtures'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { bucketFolder, startS3Server } from '../helpers/s3-server'
import type { TestS3Server } from '../helpers/s3-server'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { setWorkflowState } from '../helpers/workflow'
import { FAKE_IG_USER_ID, FAKE_TOKEN, startMetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { unzip } from '../helpers/unzip'

let s3: TestS3Server
let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const tokens: Partial<Record<Role, string>> = {}

const renditionNames = ['landscape', 'portrait', 'square', 'story', 'thumbnail', 'x']

type MediaDoc = { id: number; filename: string; focalX: number; focalY: number; renditions: Record<string, { filename: string; url: string; filesize: number }> }

async function upload(file: Buffer, name: string, data: Record<string, unknown> = { alt: 'Affiche' }): Promise<{ status: number; doc: MediaDoc }> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), name)
  form.append('_payload', JSON.stringify(data))
  const response = await fetch(`${http.baseUrl}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${tokens.consultant}` }, body: form })
  const body = await response.json()
  return { status: response.status, doc: body.doc }
}

async function get(url: string, role?: Role) {
  const response = await fetch(url.startsWith('http') ? url : `${http.baseUrl}${url}`, { headers: role ? { Authorization: `JWT ${tokens[role]}` } : {} })
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) }
}

/** A French variant of a fresh approved item, carrying one media. */
async function variantWith(mediaId: number, platform: 'facebook' | 'instagram_feed', text: string) {
  const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: `Affiche (${platform})`, format: 'post', assets: [mediaId] } })
  await setWorkflowState(payload, item.id, 'approved')
  return payload.create({ collection: 'platform-variants', overrideAccess: true, data: { contentItem: item.id, platform, language: 'fr', text, media: [mediaId] } })
}

const mediaKeys = () => s3.keys('media/')
const keysOf = (doc: MediaDoc) => [doc.filename, ...Object.values(doc.renditions).map((rendition) => rendition.filename)].map((name) => `media/${name}`).sort()
const inBucket = (filename: string) => bucketFolder(s3, 'media').read(filename)

beforeAll(async () => {
  s3 = await startS3Server()
  // The networks reach the bucket at its own address here: Instagram gets presigned links to it.
  app = await startTestPayload({ env: { ...s3.env, S3_PUBLIC_URL: s3.endpoint } })
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  for (const role of ['consultant', 'cm', 'ncsc', 'admin'] as const) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }
})

afterAll(async () => {
  await http?.close()
  await app?.close()
  await s3?.close()
})

describe('media on object storage', () => {
  let doc: MediaDoc
  let original: Buffer

  beforeAll(async () => {
    original = await makeJpeg(1800, 1200)
    const uploaded = await upload(original, 'affiche-bucket.jpg', { alt: 'Affiche', focalX: 30, focalY: 40 })
    expect(uploaded.status).toBe(201)
    doc = uploaded.doc
  })

  it('stores the original and its six renditions in the bucket, nothing on the local disk', async () => {
    expect(Object.keys(doc.renditions).sort()).toEqual(renditionNames)
    expect(mediaKeys()).toEqual(keysOf(doc))
    expect((await inBucket(doc.filename))!.equals(original)).toBe(true)
    const story = await sharp((await inBucket(doc.renditions.story!.filename))!).metadata()
    expect([story.width, story.height, story.format]).toEqual([1080, 1920, 'jpeg'])
    const mediaDir = path.join(app.dataDirPath, 'media')
    expect(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir) : []).toEqual([])
  })

  it('serves the original and the renditions from the bucket to staff, and to nobody else', async () => {
    const originalAnswer = await get(`/api/media/file/${encodeURIComponent(doc.filename)}`, 'cm')
    expect(originalAnswer).toMatchObject({ status: 200, type: 'image/jpeg' })
    expect(originalAnswer.body.equals(original)).toBe(true)
    const thumbnail = await get(doc.renditions.thumbnail!.url.replace(/^https?:\/\/[^/]+/, ''), 'consultant')
    expect(thumbnail.status).toBe(200)
    expect(thumbnail.body.equals((await inBucket(doc.renditions.thumbnail!.filename))!)).toBe(true)
    expect((await get(`/api/media/file/${encodeURIComponent(doc.filename)}`)).status).toBe(403)
    expect((await get(`/api/media/file/${encodeURIComponent(doc.renditions.thumbnail!.filename)}`)).status).toBe(403)
    expect((await get('/api/media/file/no-such-file.jpg', 'cm')).status).toBe(404)
  })

  it('re-renders the renditions in the bucket when the focal point moves, and removes the old ones', async () => {
    const before = keysOf(doc)
    const response = await fetch(`${http.baseUrl}/api/media/${doc.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${tokens.consultant}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ focalX: 80, focalY: 20 }),
    })
    expect(response.status).toBe(200)
    const moved = (await response.json()).doc as MediaDoc
    expect(moved.filename).toBe(doc.filename)
    for (const name of renditionNames) expect(moved.renditions[name]!.filename).not.toBe(doc.renditions[name]!.filename)
    expect(mediaKeys()).toEqual(keysOf(moved))
    expect(mediaKeys().filter((key) => before.includes(key))).toEqual([`media/${doc.filename}`])
    doc = moved
  })

  it('builds the manual kit from the bucket', async () => {
    const variant = await variantWith(doc.id, 'facebook', 'Les peines alternatives, expliquées.')
    const kit = await get(`/api/platform-variants/${variant.id}/kit`, 'cm')
    expect(kit.status).toBe(200)
    const files = await unzip(kit.body)
    const image = [...files.keys()].find((name) => name.startsWith('media/01-'))!
    expect(files.get(image)!.equals((await inBucket(doc.renditions.landscape!.filename))!)).toBe(true)
  })

  it('lets Instagram fetch the feed rendition by URL straight from the bucket, with a link that expires', async () => {
    const variant = await variantWith(doc.id, 'instagram_feed', 'Une seconde chance pour la société.')
    const request = await buildPublishRequest(payload, variant, { publicMediaBaseUrl: http.baseUrl })
    const [media] = request.media
    const url = new URL(media!.publicUrl!)
    expect(url.origin).toBe(s3.endpoint)
    expect(url.searchParams.get('X-Amz-Expires')).toBe('7200')
    expect(Buffer.from(await media!.read()).equals((await inBucket(media!.filename))!)).toBe(true)

    const meta = await startMetaGraphFake()
    try {
      meta.publicWeb.set(url.host, s3.endpoint)
      const context = { baseUrl: meta.baseUrl, fetch: globalThis.fetch, timeoutMs: 10_000, sleep: async () => undefined, now: () => new Date() }
      const result = await instagramAdapter.publish(request, { accountId: FAKE_IG_USER_ID, accessToken: FAKE_TOKEN }, context)
      expect(result.remoteId).toBeTruthy()
      expect(meta.state.mediaFetches).toEqual([{ url: media!.publicUrl, status: 200, contentType: 'image/jpeg', bytes: media!.sizeBytes }])
    } finally {
      await meta.close()
    }
  })

  it('streams a file from the bucket through Badil’s signed link where the bucket has no public address', async () => {
    const filename = doc.renditions.portrait!.filename
    const link = signPublicMediaLink({ secret: payload.secret, publicBaseUrl: http.baseUrl, apiRoute: '/api', filename, mimeType: 'image/jpeg' })
    const fetched = await get(link)
    expect(fetched).toMatchObject({ status: 200, type: 'image/jpeg' })
    expect(fetched.body.equals((await inBucket(filename))!)).toBe(true)
    const missing = signPublicMediaLink({ secret: payload.secret, publicBaseUrl: http.baseUrl, apiRoute: '/api', filename: 'gone.jpg', mimeType: 'image/jpeg' })
    expect((await get(missing)).status).toBe(404)
    expect(await s3FileStore({ ...s3.settings, publicUrl: undefined }, 'media').publicLink(filename, { mimeType: 'image/jpeg', expiresInSeconds: 60 })).toBeNull()
  })

  it('removes the original and every rendition from the bucket when the media is deleted', async () => {
    const other = await upload(await makeJpeg(900, 900), 'autre.jpg')
    const response = await fetch(`${http.baseUrl}/api/media/${doc.id}`, { method: 'DELETE', headers: { Authorization: `JWT ${tokens.admin}` } })
    expect(response.status).toBe(200)
    expect(mediaKeys()).toEqual(keysOf(other.doc))
  })

  it('keeps the storage fields for the server: nobody moves a file to another folder', async () => {
    const target = (await upload(await makeJpeg(800, 600), 'dossier.jpg')).doc
    const response = await fetch(`${http.baseUrl}/api/media/${target.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${tokens.consultant}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ prefix: '../periodic-reports', _objectKey: 'elsewhere', caption: 'Légende' }),
    })
    expect(response.status).toBe(200)
    const stored = await payload.findByID({ collection: 'media', id: target.id, depth: 0, overrideAccess: true })
    expect(stored).toMatchObject({ caption: 'Légende', prefix: '' })
    expect(stored._objectKey ?? null).toBeNull()
    expect((await get(`/api/media/file/${encodeURIComponent(target.filename)}`, 'cm')).status).toBe(200)
  })
})

describe('reports on object storage', () => {
  it('stores a report’s file in the bucket and serves it to whoever may read it', async () => {
    const subscription = await payload.create({
      collection: 'report-subscriptions',
      overrideAccess: true,
      data: { name: 'Comité de pilotage', frequency: 'weekly', recipients: [accounts.analyst.id] },
    })
    // Without Chromium the report is a web page: the storage is what is tested here, not the PDF.
    const outcome = await deliverPeriodicReport(
      payload,
      { chromiumPath: '/nonexistent/chromium' },
      { subscriptionId: subscription.id, from: '2026-11-23', to: '2026-11-29', kind: 'on_demand', requestId: 'object-storage' },
    )
    expect(outcome).toMatchObject({ reports: 1, sent: 1, failed: 0 })
    const filename = 'badil-on_demand-2026-11-23-2026-11-29-fr.html'
    expect(s3.keys('periodic-reports/')).toEqual([`periodic-reports/${filename}`])
    const stored = (await fileStoresOf(payload).reports.read(filename))!
    expect(stored.toString('utf8')).toContain('<html')
    tokens.analyst = (await payload.login({ collection: 'users', data: { email: accounts.analyst.email, password: accounts.analyst.password } })).token!
    const served = await get(`/api/periodic-reports/file/${filename}`, 'analyst')
    expect(served.status).toBe(200)
    expect(served.body.equals(stored)).toBe(true)
    expect((await get(`/api/periodic-reports/file/${filename}`, 'cm')).status).toBe(403)
    expect((await get(`/api/periodic-reports/file/${filename}`)).status).toBe(403)
    const reportsDir = path.join(app.dataDirPath, 'reports')
    expect(fs.existsSync(reportsDir) ? fs.readdirSync(reportsDir) : []).toEqual([])
  })
})

describe('readiness with object storage', () => {
  it('is ready while the bucket answers, and not when it cannot be reached', async () => {
    expect(await readiness(payload, { migrations, fileStores: fileStoresOf(payload) })).toMatchObject({ ready: true, checks: { storage: 'ok' } })
    const missingBucket = s3FileStore({ ...s3.settings, bucket: 'no-such-bucket' }, 'media')
    const unreachable = s3FileStore({ ...s3.settings, endpoint: 'http://127.0.0.1:9' }, 'media')
    for (const media of [missingBucket, unreachable]) {
      const answer = await readiness(payload, { migrations, fileStores: { media, reports: fileStoresOf(payload).reports } })
      expect(answer).toEqual({ ready: false, checks: { database: 'ok', migrations: 'ok', storage: 'failing', accepting: 'ok' } })
    }
  })
})
