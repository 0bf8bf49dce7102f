/**
 * The signed links Instagram fetches media through: one file, its type, until it expires, to
 * anyone holding the link; every other way to the media library still needs a staff session.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { signPublicMediaLink } from '../../plugins/campaign-ops/publishing/public-media-links'
import { makeJpeg } from '../content-model/fixtures'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

jest.setTimeout(60_000)

let app: TestPayload
let payload: Payload
let server: TestHttpServer
let original: { filename: string; filesize: number }
let portrait: { filename: string; filesize: number }

const linkTo = (filename: string, options: { mimeType?: string; now?: Date; lifetimeMs?: number; secret?: string } = {}) =>
  signPublicMediaLink({
    secret: options.secret ?? payload.secret,
    publicBaseUrl: server.baseUrl,
    apiRoute: '/api',
    filename,
    mimeType: options.mimeType ?? 'image/jpeg',
    now: options.now,
    lifetimeMs: options.lifetimeMs,
  })

async function errorOf(response: Response) {
  return { status: response.status, errors: ((await response.json()) as { errors: unknown[] }).errors }
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  server = await startHttpServer(app.config)
  const media = await payload.create({
    collection: 'media',
    overrideAccess: true,
    locale: 'fr',
    data: { alt: 'Affiche' },
    file: { data: await makeJpeg(1080, 1350), mimetype: 'image/jpeg', name: 'affiche-lien.jpg', size: 1 },
  })
  original = { filename: media.filename!, filesize: media.filesize! }
  portrait = (media.renditions as Record<string, { filename: string; filesize: number }>)['portrait']!
})

afterAll(async () => {
  await server?.close()
  await app?.close()
})

describe('signed media links', () => {
  it('serve the one file, anonymously, with its type, for as long as the link lives', async () => {
    const response = await fetch(linkTo(portrait.filename, { lifetimeMs: 3_600_000 }))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1])
    expect(maxAge).toBeGreaterThan(3_500)
    expect(maxAge).toBeLessThanOrEqual(3_600)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(bytes.length).toBe(portrait.filesize)
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  })

  it('leave the media library closed: the same file by its library URL is refused without a session', async () => {
    expect((await fetch(`${server.baseUrl}/api/media/file/${portrait.filename}`)).status).toBe(403)
    expect((await fetch(`${server.baseUrl}/api/media/file/${original.filename}`)).status).toBe(403)
  })

  it('refuse a link whose signature was changed, moved to another file or to another type (403)', async () => {
    const good = new URL(linkTo(portrait.filename))
    const tampered = new URL(good)
    const signature = good.searchParams.get('signature')!
    tampered.searchParams.set('signature', `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`)
    const otherFile = new URL(good.href.replace(encodeURIComponent(portrait.filename), encodeURIComponent(original.filename)))
    const otherType = new URL(good)
    otherType.searchParams.set('type', 'text/html')
    const otherSecret = new URL(linkTo(portrait.filename, { secret: 'not-the-payload-secret' }))
    for (const url of [tampered, otherFile, otherType, otherSecret]) {
      expect(await errorOf(await fetch(url))).toEqual({
        status: 403,
        errors: [{ code: 'bad_signature', field: 'signature', message: 'Ce lien de média n’est pas valide : sa signature ne correspond pas.' }],
      })
    }
  })

  it('refuse an expired link (410), in the caller’s language', async () => {
    const expired = linkTo(portrait.filename, { now: new Date(Date.now() - 3 * 3_600_000), lifetimeMs: 3_600_000 })
    expect(await errorOf(await fetch(expired, { headers: { 'accept-language': 'ar' } }))).toEqual({
      status: 410,
      errors: [{ code: 'link_expired', field: 'expires', message: 'انتهت صلاحية رابط الوسائط هذا؛ تنشئ بديل رابطا جديدا عند النشر التالي.' }],
    })
  })

  it('answer 400 naming the missing part of an incomplete link', async () => {
    const good = new URL(linkTo(portrait.filename))
    for (const field of ['type', 'expires', 'signature']) {
      const incomplete = new URL(good)
      incomplete.searchParams.delete(field)
      expect(await errorOf(await fetch(incomplete))).toEqual({
        status: 400,
        errors: [{ code: 'invalid_link', field, message: `Ce lien de média est incomplet : « ${field} » manque ou n’est pas valide.` }],
      })
    }
  })

  it('answer 404 for a signed name that is not a file of the media folder, or names a path', async () => {
    for (const filename of ['absent.jpg', '../payload.config.ts', '.env']) {
      expect((await fetch(linkTo(filename))).status).toBe(404)
    }
  })
})
