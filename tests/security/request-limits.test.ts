/**
 * One request cannot hold the event loop the scheduler shares: an upload past MEDIA_MAX_*_MB is
 * refused while it streams, a JSON body past 16 MB before anything parses it, and the moderation
 * check takes at most 500 comments of 5,000 characters (hole 9 of issue 10).
 */
import http from 'node:http'

import { moderationCheckLimits } from '../../plugins/campaign-ops/moderation/check-endpoint'
import { maxJsonBodyBytes } from '../../src/infra/body-limit'
import { makeJpeg } from '../content-model/fixtures'
import { startSecurityApp } from './security-kit'
import type { SecurityApp } from './security-kit'

let security: SecurityApp

beforeAll(async () => {
  // One megabyte for every kind, so that the limit is quick to pass.
  security = await startSecurityApp({ env: { MEDIA_MAX_IMAGE_MB: '1', MEDIA_MAX_VIDEO_MB: '1', MEDIA_MAX_PDF_MB: '1' } })
})

afterAll(async () => {
  await security?.close()
})

type StreamedAnswer = { status: number; body: any; sentBytes: number }

/**
 * Sends `total` bytes (head, then filler, then tail) in 64 KB chunks, slowly enough that the
 * server can answer before the end; resolves with the answer and how much had been sent by then.
 */
function streamRequest(options: {
  path: string
  headers: Record<string, string>
  head: Buffer
  fillerBytes: number
  tail: Buffer
  chunked?: boolean
}): Promise<StreamedAnswer> {
  const url = new URL(options.path, security.http.baseUrl)
  const total = options.head.length + options.fillerBytes + options.tail.length
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const request = http.request(
      url,
      { method: 'POST', headers: { ...options.headers, ...(options.chunked ? {} : { 'content-length': String(total) }) } },
      (response) => {
        answered = true
        let text = ''
        response.on('data', (chunk) => (text += String(chunk)))
        response.on('end', () => {
          request.destroy()
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null, sentBytes: sent })
        })
      },
    )
    request.on('error', (error) => (answered ? undefined : reject(error)))
    request.write(options.head)
    sent += options.head.length
    const chunk = Buffer.alloc(64 * 1024, 0x41)
    const pump = () => {
      if (answered) return
      if (sent - options.head.length >= options.fillerBytes) {
        request.end(options.tail)
        sent += options.tail.length
        return
      }
      const size = Math.min(chunk.length, options.fillerBytes - (sent - options.head.length))
      request.write(chunk.subarray(0, size))
      sent += size
      setTimeout(pump, 2)
    }
    pump()
  })
}

describe('uploads', () => {
  const boundary = 'badil-limit-boundary'
  const multipart = async () => ({
    head: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"Trop lourd"}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lourd.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      await makeJpeg(64, 64),
    ]),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`),
  })

  it.each([
    ['declares its size: refused at once, in the caller’s language', false, 'ar', /1 ميغابايت/],
    ['does not declare it: cut off while it streams', true, 'fr', /1 Mo/],
  ])('refuses a file past the largest MEDIA_MAX_*_MB with 413 — an upload that %s — and stores nothing', async (_case, chunked, language, message) => {
    const before = (await security.payload.count({ collection: 'media', overrideAccess: true })).totalDocs
    const fillerBytes = 24 * 1024 * 1024
    const answer = await streamRequest({
      path: '/api/media',
      headers: { ...security.headers('consultant'), 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': language as string },
      ...(await multipart()),
      fillerBytes,
      chunked: chunked as boolean,
    })
    expect(answer.status).toBe(413)
    expect(answer.body.errors[0].message).toMatch(message as RegExp)
    // Answered long before the 24 MB were sent.
    expect(answer.sentBytes).toBeLessThan(fillerBytes / 2)
    expect((await security.payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('still takes a file under the limit', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await makeJpeg(800, 600))], { type: 'image/jpeg' }), 'leger.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Léger' }))
    expect((await security.rest('consultant', 'POST', '/api/media', form)).status).toBe(201)
  })
})

describe('JSON bodies', () => {
  it.each([false, true])('refuses a body past 16 MB with 413 before parsing it (chunked: %s)', async (chunked) => {
    const answer = await streamRequest({
      path: '/api/content-items',
      headers: { ...security.headers('consultant'), 'content-type': 'application/json' },
      head: Buffer.from('{"title":"'),
      fillerBytes: maxJsonBodyBytes + 1024 * 1024,
      tail: Buffer.from('","format":"post"}'),
      chunked,
    })
    expect(answer.status).toBe(413)
    expect(answer.body.errors[0]).toMatchObject({ code: 'body_too_large', limit: maxJsonBodyBytes })
    if (!chunked) expect(answer.sentBytes).toBeLessThan(maxJsonBodyBytes)
  })

  it('refuses a GraphQL document past the limit too', async () => {
    const answer = await streamRequest({
      path: '/api/graphql',
      headers: { ...security.headers('consultant'), 'content-type': 'application/json' },
      head: Buffer.from('{"query":"'),
      fillerBytes: maxJsonBodyBytes + 1024,
      tail: Buffer.from('"}'),
    })
    expect(answer.status).toBe(413)
  })
})

describe('the moderation check', () => {
  it('answers 413 with the limit past 500 comments', async () => {
    const comments = Array.from({ length: moderationCheckLimits.comments + 1 }, (_, index) => `commentaire ${index}`)
    const answer = await security.rest('cm', 'POST', '/api/moderation/check', { comments, rules: 'default' }, { 'accept-language': 'fr' })
    expect(answer.status).toBe(413)
    expect(answer.body.errors[0]).toMatchObject({ field: 'comments', limit: 500 })
  })

  it('answers 413 naming the comment past 5,000 characters', async () => {
    const answer = await security.rest('cm', 'POST', '/api/moderation/check', {
      comments: ['court', 'x'.repeat(moderationCheckLimits.characters + 1)],
      rules: 'default',
    })
    expect(answer.status).toBe(413)
    expect(answer.body.errors[0]).toMatchObject({ field: 'comments.1.text', limit: 5000 })
  })

  it('takes the largest request allowed: 500 comments of 5,000 characters', async () => {
    const comment = 'La peine alternative n’est pas une faveur. '.repeat(200).slice(0, moderationCheckLimits.characters)
    const comments = Array.from({ length: moderationCheckLimits.comments }, () => comment)
    const answer = await security.rest('cm', 'POST', '/api/moderation/check', { comments, rules: 'default' })
    expect(answer.status).toBe(200)
    expect(answer.body.decisions).toHaveLength(500)
  })
})
