import { createHmac } from 'node:crypto'

import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, integrationApiKey } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

let app: TestPayload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const tokens = {} as Record<Role, string>

const humanRoles = roles.filter((role) => role !== 'integration')
const nonAdminRoles = humanRoles.filter((role) => role !== 'admin')

async function api(path: string, init: RequestInit & { token?: string; apiKey?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `JWT ${init.token}`)
  if (init.apiKey) headers.set('Authorization', `users API-Key ${init.apiKey}`)
  if (init.body) headers.set('Content-Type', 'application/json')
  const response = await fetch(`${http.baseUrl}${path}`, { ...init, headers })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

async function graphql(query: string, auth: { token?: string; apiKey?: string } = {}) {
  return api('/api/graphql', { method: 'POST', body: JSON.stringify({ query }), ...auth })
}

/** Payload's count of wrong passwords and whether the account is locked now. */
async function lockState(email: string) {
  const [user] = (await app.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, showHiddenFields: true })).docs
  return { loginAttempts: user?.loginAttempts ?? 0, locked: Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now()) }
}

/** A session token signed as Payload signs them (its header, HS256 with its secret), with the claims given. */
function signSessionToken(header: string, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${header}.${encode(claims)}`
  return `${unsigned}.${createHmac('sha256', app.payload.secret).update(unsigned).digest('base64url')}`
}

beforeAll(async () => {
  app = await startTestPayload()
  accounts = await createAccountPerRole(app.payload)
  http = await startHttpServer(app.config)
  for (const role of humanRoles) {
    const login = await api('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: accounts[role].email, password: accounts[role].password }),
    })
    expect(login.status).toBe(200)
    tokens[role] = login.body.token
  }
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('users over REST', () => {
  it('answers 401 with a reason to a wrong password, gives no token, and counts the attempt', async () => {
    const login = await api('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: accounts.analyst.email, password: 'wrong-password' }),
    })
    expect(login.status).toBe(401)
    expect(login.body.token).toBeUndefined()
    expect(login.body.errors[0].message).toBe('L’adresse e-mail ou le mot de passe fourni est incorrect.')
    expect(await lockState(accounts.analyst.email)).toEqual({ loginAttempts: 1, locked: false })
    // The right password afterwards signs in and starts the count again.
    const right = await api('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: accounts.analyst.email, password: accounts.analyst.password }),
    })
    expect(right.status).toBe(200)
    expect(await lockState(accounts.analyst.email)).toEqual({ loginAttempts: 0, locked: false })
  })

  it('locks an account after five wrong passwords, even against the right one', async () => {
    const email = 'verrou@test.badil.local'
    const password = 'Un-mot-de-passe-solide-43'
    await app.payload.create({ collection: 'users', overrideAccess: true, data: { email, password, name: 'Verrou', role: 'cm', language: 'fr' } })
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const wrong = await api('/api/users/login', { method: 'POST', body: JSON.stringify({ email, password: `faux-${attempt}` }) })
      expect(wrong.status).toBe(401)
    }
    expect(await lockState(email)).toEqual({ loginAttempts: 5, locked: true })
    const right = await api('/api/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
    expect(right.status).toBe(401)
    expect(right.body.token).toBeUndefined()
    expect(right.body.errors[0].message).toBe('Cet utilisateur est verrouillé en raison d’un trop grand nombre de tentatives de connexion infructueuses.')
    await app.payload.delete({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
  })

  it('treats an expired session token as no session at all', async () => {
    const [header, claims] = tokens.cm.split('.') as [string, string]
    const decoded = JSON.parse(Buffer.from(claims!, 'base64url').toString('utf8')) as Record<string, unknown>
    const now = Math.floor(Date.now() / 1000)
    const expired = signSessionToken(header, { ...decoded, iat: now - 9 * 3600, exp: now - 3600 })
    const stillValid = signSessionToken(header, { ...decoded, iat: now, exp: now + 3600 })
    // The same claims signed the same way are accepted while they last: only the expiry differs.
    expect((await api('/api/users/me', { token: stillValid })).body.user?.email).toBe(accounts.cm.email)
    expect((await api('/api/users/me', { token: expired })).body.user).toBeNull()
    const anonymous = await api('/api/platform-variants')
    const withExpired = await api('/api/platform-variants', { token: expired })
    expect(anonymous.status).toBe(403)
    expect(withExpired).toEqual(anonymous)
  })

  it('answers 403 to a password login of an integration account', async () => {
    const login = await api('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: accounts.integration.email, password: accounts.integration.password }),
    })
    expect(login.status).toBe(403)
    expect(login.body.errors[0].message).toMatch(/clé API|API key/)
  })

  it('lists every account to an admin only', async () => {
    expect((await api('/api/users', { token: tokens.admin })).body.totalDocs).toBe(roles.length)
    for (const role of nonAdminRoles) {
      const { body } = await api('/api/users', { token: tokens[role] })
      expect(body.docs.map((doc: { id: number }) => doc.id)).toEqual([accounts[role].id])
    }
    expect((await api('/api/users')).status).toBe(403)
  })

  it.each(nonAdminRoles)('lets a %s rename themselves but answers 403 to a role change', async (role) => {
    const rename = await api(`/api/users/${accounts[role].id}`, {
      method: 'PATCH',
      token: tokens[role],
      body: JSON.stringify({ name: `REST ${role}` }),
    })
    expect(rename.status).toBe(200)
    const promote = await api(`/api/users/${accounts[role].id}`, {
      method: 'PATCH',
      token: tokens[role],
      body: JSON.stringify({ role: 'admin' }),
    })
    expect(promote.status).toBe(403)
    expect(promote.body.errors[0].message).toMatch(/rôle/)
    const other = await api(`/api/users/${accounts.admin.id}`, {
      method: 'PATCH',
      token: tokens[role],
      body: JSON.stringify({ name: 'hijacked' }),
    })
    expect(other.status).toBe(403)
    const create = await api('/api/users', {
      method: 'POST',
      token: tokens[role],
      body: JSON.stringify({ email: `x-${role}@test.badil.local`, password: 'a-long-password-1', name: 'X', role: 'admin' }),
    })
    expect(create.status).toBe(403)
  })

  it('answers 400 naming the field when an admin creates an account without a role', async () => {
    const create = await api('/api/users', {
      method: 'POST',
      token: tokens.admin,
      body: JSON.stringify({ email: 'no-role@test.badil.local', password: 'a-long-password-1', name: 'X' }),
    })
    expect(create.status).toBe(400)
    expect(create.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'role' })])
  })
})

describe('users over GraphQL', () => {
  const listQuery = '{ Users { totalDocs docs { id email role } } }'

  it('lists every account to an admin and only self to others', async () => {
    expect((await graphql(listQuery, { token: tokens.admin })).body.data.Users.totalDocs).toBe(roles.length)
    for (const role of nonAdminRoles) {
      const { body } = await graphql(listQuery, { token: tokens[role] })
      expect(body.data.Users.docs.map((doc: { id: number }) => doc.id)).toEqual([accounts[role].id])
    }
  })

  it('refuses anonymous reads and shows an integration account only itself', async () => {
    expect((await graphql(listQuery)).body.errors[0].message).toMatch(/not allowed|autorisé/i)
    const { body } = await graphql(listQuery, { apiKey: integrationApiKey })
    expect(body.data.Users.docs.map((doc: { id: number }) => doc.id)).toEqual([accounts.integration.id])
  })

  it.each(nonAdminRoles)('refuses a role change by a %s through a mutation', async (role) => {
    const { body } = await graphql(`mutation { updateUser(id: ${accounts[role].id}, data: { role: admin }) { role } }`, {
      token: tokens[role],
    })
    expect(body.errors?.[0]?.message).toMatch(/rôle/)
    expect((await app.payload.findByID({ collection: 'users', id: accounts[role].id })).role).toBe(role)
  })
})

describe('API keys', () => {
  it('authenticates an integration account by its key', async () => {
    const me = await api('/api/users/me', { apiKey: integrationApiKey })
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ email: accounts.integration.email, role: 'integration' })
  })

  it('answers 401 with the reason to a malformed or unknown key', async () => {
    const malformed = await api('/api/users/me', { apiKey: 'short' })
    expect(malformed.status).toBe(401)
    expect(malformed.body.errors[0]).toMatchObject({ code: 'malformed_api_key', message: expect.stringMatching(/Clé API mal formée/) })

    const badHeader = await api('/api/users/me', { headers: { Authorization: 'API-Key something-long-enough-0000' } })
    expect(badHeader.status).toBe(401)
    expect(badHeader.body.errors[0]).toMatchObject({ code: 'malformed_api_key_header', message: expect.stringMatching(/users API-Key/) })

    const unknown = await api('/api/users/me', { apiKey: 'unknown-key-0123456789abcdef' })
    expect(unknown.status).toBe(401)
    expect(unknown.body.errors[0]).toMatchObject({ code: 'invalid_api_key', message: expect.stringMatching(/Clé API invalide/) })

    const viaGraphql = await graphql('{ meUser { user { email } } }', { apiKey: 'unknown-key-0123456789abcdef' })
    expect(viaGraphql.status).toBe(401)
  })
})
