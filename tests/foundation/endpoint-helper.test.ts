import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { defineEndpoint, refuse } from '../../src/infra/endpoint'

type Caller = { role: string } | null

/** A request as Payload hands it to an endpoint handler: user, language, route params, query, body. */
function request(options: {
  user?: Caller
  language?: string
  routeParams?: Record<string, string>
  query?: string
  body?: string | Uint8Array
}): PayloadRequest {
  const body =
    options.body === undefined
      ? null
      : new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(typeof options.body === 'string' ? new TextEncoder().encode(options.body) : options.body)
            controller.close()
          },
        })
  return {
    user: options.user ? { id: 1, collection: 'users', ...options.user } : null,
    i18n: { language: options.language ?? 'fr' },
    routeParams: options.routeParams ?? {},
    searchParams: new URLSearchParams(options.query ?? ''),
    body,
  } as unknown as PayloadRequest
}

async function call(endpoint: ReturnType<typeof defineEndpoint>, options: Parameters<typeof request>[0]) {
  const response = await endpoint.handler(request(options))
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as { errors?: Record<string, unknown>[] } & Record<string, unknown>,
  }
}

const hoursWords = { fr: 'Un nombre d’heures.', ar: 'عدد من الساعات.', en: 'A number of hours.' }

const echo = defineEndpoint({
  path: '/echo/:id',
  method: 'post',
  access: { roles: ['cm', 'ncsc'], forbidden: { fr: 'Réservé.', ar: 'محجوز.', en: 'Reserved.' } },
  params: z.object({ id: z.string().regex(/^\d+$/) }),
  query: z.object({ hours: z.coerce.number().positive().default(24), tag: z.union([z.string(), z.array(z.string())]).optional() }),
  body: z.object({ comments: z.array(z.string()).min(1), note: z.string().optional() }),
  fieldMessages: { hours: hoursWords, 'comments.*': { fr: 'Chaque commentaire est un texte.', ar: 'كل تعليق نص.', en: 'Each comment is a text.' } },
  bodyLimitBytes: 1024,
  headers: { 'Cache-Control': 'no-store' },
  handler: async ({ params, query, body, user }) => {
    if (body.note === 'conflict')
      refuse({ status: 409, code: 'already_done', message: { fr: 'Déjà fait.', ar: 'تم بالفعل.', en: 'Already done.' }, details: { allowed: ['undo'] } })
    if (body.note === 'plain') refuse({ status: 409, message: 'As the action said it.' })
    return { id: params.id, hours: query.hours, tag: query.tag, comments: body.comments, role: (user as { role?: string }).role }
  },
})

const valid = { user: { role: 'cm' }, routeParams: { id: '7' }, body: JSON.stringify({ comments: ['a'] }) }

describe('defineEndpoint', () => {
  it('runs the handler with the parsed params, query and body, and answers its object as JSON', async () => {
    const answer = await call(echo, { ...valid, query: 'hours=6&tag=a&tag=b' })
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ id: '7', hours: 6, tag: ['a', 'b'], comments: ['a'], role: 'cm' })
    expect(answer.headers.get('Cache-Control')).toBe('no-store')
  })

  it('refuses an anonymous caller with 401 before anything else, in the caller’s language', async () => {
    const answer = await call(echo, { ...valid, user: null, routeParams: { id: 'x' }, body: 'not json', language: 'ar' })
    expect(answer.status).toBe(401)
    expect(answer.json).toEqual({ errors: [{ message: 'سجّل الدخول.', code: 'unauthenticated' }] })
    expect(answer.headers.get('Cache-Control')).toBe('no-store')
  })

  it('refuses another role with 403 and the endpoint’s own words, before reading the request', async () => {
    const answer = await call(echo, { ...valid, user: { role: 'analyst' }, routeParams: { id: 'x' }, language: 'en' })
    expect(answer.status).toBe(403)
    expect(answer.json).toEqual({ errors: [{ message: 'Reserved.', code: 'forbidden' }] })
  })

  it('names every invalid field with zod’s code and the endpoint’s message, array positions matched by *', async () => {
    const answer = await call(echo, { ...valid, query: 'hours=-1', body: JSON.stringify({ comments: ['ok', 3] }), language: 'ar' })
    expect(answer.status).toBe(400)
    expect(answer.json.errors).toEqual([
      { field: 'hours', code: 'too_small', message: 'عدد من الساعات.' },
      { field: 'comments.1', code: 'invalid_type', message: 'كل تعليق نص.' },
    ])
  })

  it('falls back to zod’s own words in the caller’s language for a field without a message', async () => {
    const answer = await call(echo, { ...valid, routeParams: { id: 'abc' }, language: 'fr' })
    expect(answer.status).toBe(400)
    expect(answer.json.errors).toEqual([{ field: 'id', code: 'invalid_format', message: expect.stringMatching(/invalide/i) }])
  })

  it('refuses a body that is not a JSON object with 400 on the body', async () => {
    for (const body of ['{', '[1]', '"text"']) {
      const answer = await call(echo, { ...valid, body })
      expect(answer.status).toBe(400)
      expect(answer.json.errors).toEqual([{ field: 'body', code: 'invalid_json', message: expect.stringContaining('JSON') }])
    }
  })

  it('reads no body as an empty object, which the schema then judges', async () => {
    const answer = await call(echo, { ...valid, body: undefined })
    expect(answer.status).toBe(400)
    expect(answer.json.errors?.[0]).toMatchObject({ field: 'comments', code: 'invalid_type' })
  })

  it('stops reading a body over its limit with 413 and the limit', async () => {
    const answer = await call(echo, { ...valid, body: JSON.stringify({ comments: ['x'.repeat(2000)] }), language: 'en' })
    expect(answer.status).toBe(413)
    expect(answer.json.errors).toEqual([{ field: 'body', code: 'body_too_large', limit: 1024, message: 'The request is larger than 1 MB.' }])
  })

  it('answers a refusal with its code, its details, and a code from the status when it names none', async () => {
    const named = await call(echo, { ...valid, body: JSON.stringify({ comments: ['a'], note: 'conflict' }), language: 'fr' })
    expect(named.status).toBe(409)
    expect(named.json.errors).toEqual([{ message: 'Déjà fait.', code: 'already_done', allowed: ['undo'] }])
    const plain = await call(echo, { ...valid, body: JSON.stringify({ comments: ['a'], note: 'plain' }) })
    expect(plain.json.errors).toEqual([{ message: 'As the action said it.', code: 'conflict' }])
  })

  it('finds the caller through authenticate when the endpoint has its own way (a token)', async () => {
    const feed = defineEndpoint({
      path: '/feed',
      method: 'get',
      access: 'staff',
      authenticate: async (req) => {
        const token = req.searchParams.get('token')
        if (token === null) return req.user
        if (token !== 'good') refuse({ status: 401, code: 'invalid_token', message: { fr: 'Jeton invalide.', ar: 'رمز غير صالح.', en: 'Invalid token.' } })
        return { id: 2, collection: 'users', role: 'legal' } as unknown as PayloadRequest['user']
      },
      handler: async ({ user }) => ({ role: (user as { role?: string }).role }),
    })
    expect((await call(feed, { query: 'token=good' })).json).toEqual({ role: 'legal' })
    expect((await call(feed, { query: 'token=bad' })).json.errors).toEqual([{ message: 'Jeton invalide.', code: 'invalid_token' }])
    expect((await call(feed, {})).status).toBe(401)
    expect((await call(feed, { user: { role: 'integration' } })).status).toBe(403)
  })
})
