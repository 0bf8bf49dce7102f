/**
 * Collision care in the inbox: colleagues on one thread see each other and what each does, never
 * themselves; a presence lapses 45 s after its last beat, and leaving ends it at once. Only the
 * inbox team takes part. Over HTTP, as the inbox view calls it.
 */
import type { Payload } from 'payload'

import { othersPresent, presenceName, presenceTimeoutMs, recordPresence } from '../../plugins/campaign-ops/inbox/presence'
import type { Presence } from '../../plugins/campaign-ops/inbox/presence'
import { pluginText } from '../../plugins/campaign-ops/translations'
import type { Role } from '../../src/domain/roles'
import { sqlPool } from '../../src/infra/database'
import type { EndpointError } from '../../src/infra/endpoint'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, testPassword } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

type Answer = { status: number; body: { present?: Presence[]; errors?: EndpointError[] } }
type Person = { id: number; name: string; email: string; token: string }

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
/** The first community manager (from the per-role accounts) and a colleague with the same role. */
let amina: Person
let karim: Person
const tokens: Partial<Record<Role, string>> = {}

async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${http.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return ((await response.json()) as { token: string }).token
}

async function call(token: string | null, method: 'POST' | 'DELETE', interactionId: number, body?: unknown): Promise<Answer> {
  const response = await fetch(`${http.baseUrl}/api/interactions/${interactionId}/presence`, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': 'fr', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Answer['body'] }
}

const beat = (person: Person, interactionId: number, activity: string) => call(person.token, 'POST', interactionId, { activity })
const leave = (person: Person, interactionId: number) => call(person.token, 'DELETE', interactionId)

async function thread(): Promise<number> {
  const created = await payload.create({
    collection: 'interactions',
    overrideAccess: true,
    data: {
      network: 'facebook',
      accountRemoteId: '104872391025567',
      kind: 'comment',
      remoteId: `presence-${Math.random().toString(36).slice(2)}`,
      text: 'La peine alternative, c’est l’impunité ?',
      receivedAt: new Date().toISOString(),
      status: 'new',
    },
  })
  return created.id
}

/** The presence keys stored for a thread, swept ones gone. */
async function storedKeys(interactionId: number): Promise<string[]> {
  const { rows } = await sqlPool(payload).query(`select key from payload_kv where key like $1 order by key`, [`inbox-presence:${interactionId}:%`])
  return rows.map((row) => String(row.key))
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  const colleague = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: 'karim.cm@test.badil.local', password: testPassword, name: 'Karim Alaoui', role: 'cm', language: 'fr' },
  })
  http = await startHttpServer(app.config)
  for (const role of ['admin', 'ncsc', 'cm', 'legal', 'analyst', 'consultant'] as const) tokens[role] = await signIn(accounts[role].email, testPassword)
  amina = { id: accounts.cm.id, name: 'Test cm', email: accounts.cm.email, token: tokens.cm! }
  karim = { id: colleague.id, name: 'Karim Alaoui', email: colleague.email, token: await signIn(colleague.email, testPassword) }
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('who else is on the thread', () => {
  it('two community managers see each other with what each does, never themselves', async () => {
    const id = await thread()
    const first = await beat(amina, id, 'viewing')
    expect(first).toEqual({ status: 200, body: { present: [] } })

    const second = await beat(karim, id, 'replying')
    expect(second.status).toBe(200)
    expect(second.body.present).toEqual([{ userId: amina.id, name: amina.name, activity: 'viewing', since: expect.any(String) }])
    const aminaSince = second.body.present![0]!.since

    const again = await beat(amina, id, 'viewing')
    expect(again.body.present).toEqual([{ userId: karim.id, name: 'Karim Alaoui', activity: 'replying', since: expect.any(String) }])

    // A beat with the same activity keeps when it began; a new activity begins again.
    expect((await beat(karim, id, 'replying')).body.present).toEqual([{ userId: amina.id, name: amina.name, activity: 'viewing', since: aminaSince }])
    await beat(amina, id, 'replying')
    const afterSwitch = (await beat(karim, id, 'replying')).body.present!
    expect(afterSwitch).toEqual([{ userId: amina.id, name: amina.name, activity: 'replying', since: expect.any(String) }])
    expect(new Date(afterSwitch[0]!.since) > new Date(aminaSince)).toBe(true)
  })

  it('lists the others present on this thread only, the longest there first', async () => {
    const id = await thread()
    const elsewhere = await thread()
    await beat(karim, elsewhere, 'replying')
    await beat(amina, id, 'viewing')
    const ncsc: Person = { id: accounts.ncsc.id, name: 'Test ncsc', email: accounts.ncsc.email, token: tokens.ncsc! }
    await beat(ncsc, id, 'replying')
    const admin: Person = { id: accounts.admin.id, name: 'Test admin', email: accounts.admin.email, token: tokens.admin! }
    const seen = await beat(admin, id, 'viewing')
    expect(seen.body.present!.map(({ userId, activity }) => ({ userId, activity }))).toEqual([
      { userId: amina.id, activity: 'viewing' },
      { userId: ncsc.id, activity: 'replying' },
    ])
  })

  it('names a person by the part of their e-mail before the @ when they have no name', () => {
    expect(presenceName({ name: '  ', email: 'salma.idrissi@test.badil.local' })).toBe('salma.idrissi')
    expect(presenceName({ name: 'Salma Idrissi', email: 'salma.idrissi@test.badil.local' })).toBe('Salma Idrissi')
  })
})

describe('a presence ends', () => {
  it('45 s after its last beat, and the next beat sweeps it away', async () => {
    const id = await thread()
    const start = new Date()
    await recordPresence(payload, id, { id: karim.id, name: karim.name, email: karim.email }, 'replying', start)
    const seenAt = (ms: number) => othersPresent(payload, id, amina.id, new Date(start.getTime() + ms))
    expect((await seenAt(presenceTimeoutMs - 1000)).map((presence) => presence.userId)).toEqual([karim.id])
    expect(await seenAt(presenceTimeoutMs + 1000)).toEqual([])

    // Over HTTP, a colleague whose last beat is 46 s old is gone, and no longer stored.
    await recordPresence(payload, id, { id: karim.id, name: karim.name, email: karim.email }, 'replying', new Date(Date.now() - 46_000))
    expect(await storedKeys(id)).toEqual([`inbox-presence:${id}:${karim.id}`])
    expect((await beat(amina, id, 'viewing')).body.present).toEqual([])
    expect(await storedKeys(id)).toEqual([`inbox-presence:${id}:${amina.id}`])
  })

  it('at once when the person leaves', async () => {
    const id = await thread()
    await beat(amina, id, 'viewing')
    await beat(karim, id, 'replying')
    const left = await leave(karim, id)
    expect(left).toEqual({ status: 200, body: { present: [{ userId: amina.id, name: amina.name, activity: 'viewing', since: expect.any(String) }] } })
    expect((await beat(amina, id, 'viewing')).body.present).toEqual([])
    expect(await storedKeys(id)).toEqual([`inbox-presence:${id}:${amina.id}`])
  })
})

describe('who may take part', () => {
  it('refuses other roles and anonymous callers, and records none of them', async () => {
    const id = await thread()
    for (const role of ['legal', 'analyst', 'consultant'] as const) {
      for (const method of ['POST', 'DELETE'] as const) {
        const answer = await call(tokens[role]!, method, id, method === 'POST' ? { activity: 'viewing' } : undefined)
        expect({ role, method, status: answer.status, error: answer.body.errors?.[0] }).toEqual({
          role,
          method,
          status: 403,
          error: { code: 'forbidden', message: pluginText('inboxActions:forbidden').fr },
        })
      }
    }
    for (const method of ['POST', 'DELETE'] as const) {
      const anonymous = await call(null, method, id, method === 'POST' ? { activity: 'viewing' } : undefined)
      expect({ method, status: anonymous.status, code: anonymous.body.errors?.[0]?.code }).toEqual({ method, status: 401, code: 'unauthenticated' })
    }
    expect(await storedKeys(id)).toEqual([])
  })

  it('answers 404 for a thread that does not exist, recording nothing', async () => {
    const answer = await beat(amina, 999_999, 'viewing')
    expect(answer.status).toBe(404)
    expect(answer.body.errors?.[0]).toEqual({ code: 'not_found', message: pluginText('inboxActions:notFound').fr })
    expect((await leave(amina, 999_999)).status).toBe(404)
    expect(await storedKeys(999_999)).toEqual([])
  })

  it('refuses an activity it does not know, naming the field, in the caller’s language', async () => {
    const id = await thread()
    for (const body of [{ activity: 'typing' }, {}]) {
      const answer = await call(amina.token, 'POST', id, body)
      expect(answer.status).toBe(400)
      expect(answer.body.errors).toEqual([{ field: 'activity', code: expect.any(String), message: pluginText('inboxActions:presenceActivity').fr }])
    }
    expect(await storedKeys(id)).toEqual([])
  })
})
