import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import type { Payload } from 'payload'

import { consentStates } from '../../src/domain/consent'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { makeMovie } from '../media/fixtures/make-mp4'
import { makeJpeg, makeMarkedJpeg } from './fixtures'

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
let consultantToken: string

async function upload(file: Buffer, name: string, type: string, data: Record<string, unknown> = { alt: 'Texte alternatif' }) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  const response = await fetch(`${http.baseUrl}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${consultantToken}` }, body: form })
  return { status: response.status, body: await response.json() }
}

const mediaCount = async () => (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs

beforeAll(async () => {
  app = await startTestPayload({ env: { MEDIA_MAX_IMAGE_MB: '2' } })
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  consultantToken = (await payload.login({ collection: 'users', data: { email: accounts.consultant.email, password: accounts.consultant.password } })).token!
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('media uploads', () => {
  it('makes the six renditions at their exact sizes', async () => {
    const { status, body } = await upload(await makeJpeg(4000, 3000, 70), 'photo.jpg', 'image/jpeg')
    expect(status).toBe(201)
    const sizes = body.doc.renditions
    expect([sizes.square.width, sizes.square.height]).toEqual([1080, 1080])
    expect([sizes.portrait.width, sizes.portrait.height]).toEqual([1080, 1350])
    expect([sizes.story.width, sizes.story.height]).toEqual([1080, 1920])
    expect([sizes.landscape.width, sizes.landscape.height]).toEqual([1200, 630])
    expect([sizes.x.width, sizes.x.height]).toEqual([1600, 900])
    expect([sizes.thumbnail.width, sizes.thumbnail.height]).toEqual([1280, 720])
    const onDisk = await sharp(path.join(app.dataDirPath, 'media', sizes.story.filename)).metadata()
    expect([onDisk.width, onDisk.height]).toEqual([1080, 1920])
    expect(body.doc).toMatchObject({ kind: 'image', rightsHolder: 'NCSC — propriété exclusive', consentStatus: 'not_required' })
  })

  it('crops renditions around the focal point', async () => {
    const marked = await makeMarkedJpeg(3000, 3000)
    const redCorner = await upload(marked, 'marked-a.jpg', 'image/jpeg', { alt: 'a', focalX: 5, focalY: 5 })
    const blueCorner = await upload(marked, 'marked-b.jpg', 'image/jpeg', { alt: 'b', focalX: 95, focalY: 95 })
    const redness = async (filename: string) => {
      // From a buffer: libvips caches decoded files by name.
      const { channels } = await sharp(fs.readFileSync(path.join(app.dataDirPath, 'media', filename))).stats()
      return channels[0]!.mean - channels[2]!.mean
    }
    // The landscape crop (1200×630 of a square) keeps the top rows when the focal point is at the top.
    expect(redCorner.body.doc).toMatchObject({ focalX: 5, focalY: 5 })
    const nearRed = await redness(redCorner.body.doc.renditions.landscape.filename)
    const farFromRed = await redness(blueCorner.body.doc.renditions.landscape.filename)
    // Top band: 1/4 of the width × 750 of 1575 rows are red (≈ 12 %); bottom band: none.
    expect(nearRed).toBeGreaterThan(-220)
    expect(farFromRed).toBeLessThan(-250)

    // Moving the focal point re-renders the renditions; they are served like the original.
    const moved = await fetch(`${http.baseUrl}/api/media/${blueCorner.body.doc.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${consultantToken}` },
      body: JSON.stringify({ focalX: 5, focalY: 5 }),
    }).then((response) => response.json())
    expect(await redness(moved.doc.renditions.landscape.filename)).toBeGreaterThan(-220)
    expect(fs.existsSync(path.join(app.dataDirPath, 'media', blueCorner.body.doc.renditions.landscape.filename))).toBe(false)
    const served = await fetch(`${http.baseUrl}/api/media/file/${moved.doc.renditions.landscape.filename}`, {
      headers: { Authorization: `JWT ${consultantToken}` },
    })
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
  })

  it('refuses a PNG renamed .pdf, naming the file field, and stores nothing', async () => {
    const before = await mediaCount()
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    const refused = await upload(png, 'rapport.pdf', 'application/pdf')
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'file' })])
    expect(await mediaCount()).toBe(before)
  })

  it('refuses SVG, executables and oversize images', async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect((await upload(svg, 'logo.png', 'image/png')).status).toBe(400)
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)])
    expect((await upload(elf, 'photo.jpg', 'image/jpeg')).status).toBe(400)
    const noise = Buffer.alloc(1600 * 1600 * 3)
    for (let index = 0; index < noise.length; index += 1) noise[index] = (index * 2654435761) % 251
    const big = await sharp(noise, { raw: { width: 1600, height: 1600, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer()
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024)
    const tooLarge = await upload(big, 'big.jpg', 'image/jpeg')
    expect(tooLarge.status).toBe(400)
    expect(JSON.stringify(tooLarge.body)).toMatch(/file/)
  })

  it('reads a video’s duration, size and codec from the file', async () => {
    const { status, body } = await upload(makeMovie({ width: 1080, height: 1920, timescale: 600, frameCount: 360, frameDuration: 20 }), 'reel.mp4', 'video/mp4')
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({ kind: 'video', width: 1080, height: 1920, video: { durationSeconds: 12, codec: expect.stringMatching(/^avc1/) } })
  })

  it('marks an asset whose consent expired, and one whose consent is missing', async () => {
    const expired = await upload(await makeJpeg(800, 800), 'people.jpg', 'image/jpeg', {
      alt: 'Bénévoles',
      peopleShown: true,
      consents: [{ person: 'Fatima Z.', signedOn: '2025-01-10', expiresOn: '2026-01-10', scope: ['social_media'] }],
    })
    expect(expired.body.doc.consentStatus).toBe('expired')
    const missing = await upload(await makeJpeg(800, 800), 'crowd.jpg', 'image/jpeg', { alt: 'Foule', peopleShown: true })
    expect(missing.body.doc.consentStatus).toBe('missing')
    const valid = await upload(await makeJpeg(800, 800), 'ok.jpg', 'image/jpeg', {
      alt: 'Atelier',
      peopleShown: true,
      consents: [{ person: 'Omar B.', signedOn: '2026-01-10', expiresOn: '2030-01-10', scope: ['social_media'] }],
    })
    expect(valid.body.doc.consentStatus).toBe('ok')
    expect(fs.existsSync(path.join(app.dataDirPath, 'media'))).toBe(true)
  })

  it('shows the consent status in words in French and Arabic, never its code', () => {
    const field = payload.collections.media.config.fields.find((candidate) => 'name' in candidate && candidate.name === 'consentStatus')
    expect(field).toMatchObject({ type: 'select', virtual: true })
    const options = (field as { options: { value: string; label: Record<string, string> }[] }).options
    expect(options.map((option) => option.value).sort()).toEqual([...consentStates].sort())
    for (const { value, label } of options) {
      expect(label.fr).not.toContain(value)
      expect(label.fr).toMatch(/^[A-ZÀ-Ý][a-zà-ÿ’' ]+$/)
      expect(label.ar).toMatch(/^[\u0600-\u06FF ]+$/)
    }
    expect(options.find((option) => option.value === 'not_required')!.label).toMatchObject({ fr: 'Non nécessaire', ar: 'غير مطلوبة' })
  })
})
