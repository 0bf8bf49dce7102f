import type { Payload } from 'payload'

import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { makeJpeg } from './fixtures'

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
let cmToken: string
let itemId: number
let squareImage: number
let tallImage: number
let foreignImage: number

const user = (role: Role) => payload.findByID({ collection: 'users', id: accounts[role].id })

async function api(path: string, body: unknown, method = 'POST') {
  const response = await fetch(`${http.baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${cmToken}` },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

async function image(width: number, height: number, alt: Record<string, string>) {
  const doc = await payload.create({
    collection: 'media',
    overrideAccess: true,
    locale: 'fr',
    data: { alt: alt.fr ?? 'image' },
    file: { data: await makeJpeg(width, height), mimetype: 'image/jpeg', name: `img-${width}x${height}.jpg`, size: 1 },
  })
  if (alt.ar) await payload.update({ collection: 'media', id: doc.id, locale: 'ar', overrideAccess: true, data: { alt: alt.ar } })
  return doc.id
}

const xText = (weighted: number) => 'a'.repeat(weighted)

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  cmToken = (await payload.login({ collection: 'users', data: { email: accounts.cm.email, password: accounts.cm.password } })).token!
  squareImage = await image(1200, 1200, { fr: 'Infographie sur le TIG', ar: 'إنفوغرافيك حول العمل للمنفعة العامة' })
  tallImage = await image(600, 1800, { fr: 'Affiche verticale' })
  foreignImage = await image(800, 800, { fr: 'Autre contenu' })
  itemId = (
    await payload.create({
      collection: 'content-items',
      overrideAccess: true,
      data: { title: 'Le TIG expliqué', format: 'infographic', assets: [squareImage, tallImage] },
    })
  ).id
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('platform variants', () => {
  it('accepts an X post of exactly 280 weighted characters and stores its report', async () => {
    const created = await api('/api/platform-variants', { contentItem: itemId, platform: 'x', language: 'fr', text: xText(280), media: [squareImage] })
    expect(created.status).toBe(201)
    expect(created.body.doc.validationReport).toMatchObject({ ok: true, measures: { textLength: 280, textLimit: 280 } })
  })

  it('refuses 281 weighted characters with 400 naming the field and the rule, keeping the earlier text', async () => {
    const { docs } = await payload.find({ collection: 'platform-variants', where: { platform: { equals: 'x' } } })
    const id = docs[0]!.id
    const refused = await api(`/api/platform-variants/${id}`, { text: xText(281) }, 'PATCH')
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'text', message: expect.stringMatching(/text\.too_long/) })])
    expect((await payload.findByID({ collection: 'platform-variants', id })).text).toBe(xText(280))
  })

  it('counts a URL as 23 on X whatever its length', async () => {
    const url = `https://example.org/${'x'.repeat(80)}`
    const fits = await api('/api/platform-variants/validate', { platform: 'x', language: 'fr', text: `${xText(256)} ${url}` })
    expect(fits.body.report.measures.textLength).toBe(280)
    const over = await api('/api/platform-variants/validate', { platform: 'x', language: 'fr', text: `${xText(257)} ${url}` })
    expect(over.body.report.errors.map((issue: { code: string }) => issue.code)).toContain('text.too_long')
  })

  it('refuses one variant per item, platform and language twice', async () => {
    const duplicate = await api('/api/platform-variants', { contentItem: itemId, platform: 'x', language: 'fr', text: 'again' })
    expect(duplicate.status).toBe(400)
  })

  it('refuses media the content item does not have', async () => {
    const refused = await api('/api/platform-variants', { contentItem: itemId, platform: 'x', language: 'ar', text: 'نص', media: [foreignImage] })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'media.0' })])
  })

  it('refuses an Instagram feed image outside 4:5–1.91:1', async () => {
    const refused = await api('/api/platform-variants', { contentItem: itemId, platform: 'instagram_feed', language: 'fr', text: 'Le TIG', media: [tallImage] })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toMatch(/media\.aspect/)
    const accepted = await api('/api/platform-variants', {
      contentItem: itemId,
      platform: 'instagram_feed',
      language: 'fr',
      text: 'Le TIG',
      media: [squareImage],
    })
    expect(accepted.status).toBe(201)
  })

  it('lets a draft miss its alt text in the variant language, but not a ready variant', async () => {
    const draft = await api('/api/platform-variants', {
      contentItem: itemId,
      platform: 'linkedin',
      language: 'ary',
      text: 'شنو هو العمل للمنفعة العامة؟',
      media: [squareImage],
    })
    expect(draft.status).toBe(201)
    expect(draft.body.doc.validationReport.errors.map((issue: { code: string }) => issue.code)).toContain('alt.missing')
    const ready = await api(`/api/platform-variants/${draft.body.doc.id}`, { publicationState: 'ready' }, 'PATCH')
    expect(ready.status).toBe(400)
    expect(JSON.stringify(ready.body)).toMatch(/alt\.missing/)
  })

  it('does not schedule a variant of an item that is not approved, nor let a person set engine states', async () => {
    const variant = await api('/api/platform-variants', { contentItem: itemId, platform: 'facebook', language: 'fr', text: 'Le TIG, c’est quoi ?' })
    expect(variant.status).toBe(201)
    const scheduled = await api(
      `/api/platform-variants/${variant.body.doc.id}`,
      { publicationState: 'scheduled', scheduledAt: '2026-12-10T10:00:00.000Z' },
      'PATCH',
    )
    expect(scheduled.status).toBe(409)
    const published = await api(`/api/platform-variants/${variant.body.doc.id}`, { publicationState: 'published' }, 'PATCH')
    expect(published.status).toBe(403)
  })

  it('stores scheduledAt in UTC with the Casablanca time zone, inside and outside Ramadan', async () => {
    const { docs } = await payload.find({ collection: 'platform-variants', where: { platform: { equals: 'facebook' } } })
    const id = docs[0]!.id
    // 10:00 in Casablanca: UTC+1 in December, UTC+0 during Ramadan 2026 (mid-Feb to late March).
    const december = await payload.update({
      collection: 'platform-variants',
      id,
      data: { scheduledAt: '2026-12-10T09:00:00.000Z', scheduledAt_tz: 'Africa/Casablanca' } as never,
    })
    expect(december.scheduledAt).toBe('2026-12-10T09:00:00.000Z')
    expect((december as unknown as { scheduledAt_tz: string }).scheduledAt_tz).toBe('Africa/Casablanca')
    // 10:00 in Casablanca on 1 March 2026, during Ramadan: 10:00 UTC.
    const ramadan = await payload.update({
      collection: 'platform-variants',
      id,
      data: { scheduledAt: '2026-03-01T10:00:00.000Z', scheduledAt_tz: 'Africa/Casablanca' } as never,
    })
    expect(ramadan.scheduledAt).toBe('2026-03-01T10:00:00.000Z')
    // Read back as stored: the instant in UTC and the zone it was chosen in.
    const stored = await payload.findByID({ collection: 'platform-variants', id, depth: 0 })
    expect([stored.scheduledAt, stored.scheduledAt_tz]).toEqual(['2026-03-01T10:00:00.000Z', 'Africa/Casablanca'])
  })

  it('returns the composed text, the truncation point and a right-to-left preview for Arabic', async () => {
    const text = 'هل تعلم أن العمل لأجل المنفعة العامة عقوبة حقيقية؟ '.repeat(6)
    const { status, body } = await api('/api/platform-variants/validate', {
      platform: 'instagram_feed',
      language: 'ar',
      text,
      hashtags: ['العقوبات_البديلة'],
      media: [squareImage],
    })
    expect(status).toBe(200)
    expect(body.composedText).toContain('#العقوبات_البديلة')
    expect(body.report.measures.truncationIndex).toBeLessThan(body.composedText.length)
    expect(body.preview).toMatchObject({ rtl: true, rendition: 'portrait', mediaUrl: expect.stringMatching(/1080x1350/) })
  })

  it('keeps variants away from integration accounts and read-only for consultants', async () => {
    await expect(payload.find({ collection: 'platform-variants', overrideAccess: false, user: await user('integration') })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      payload.create({
        collection: 'platform-variants',
        overrideAccess: false,
        user: await user('consultant'),
        data: { contentItem: itemId, platform: 'tiktok', language: 'fr', text: 'x' } as never,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
