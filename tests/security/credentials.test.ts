/**
 * Credentials that outlive a session: API keys (only an administrator sets them, only on tool
 * accounts, and they stop working the moment they are revoked), and the first administrator of a
 * production database (never the first visitor, see first-admin.test.ts). Hole 3 of issue 10.
 */
import { createHmac, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { startSecurityApp } from './security-kit'
import type { SecurityApp } from './security-kit'

let security: SecurityApp
let payload: Payload

beforeAll(async () => {
  security = await startSecurityApp()
  payload = security.payload
})

afterAll(async () => {
  await security?.close()
})

const me = async (key: string) => (await fetch(`${security.http.baseUrl}/api/users/me`, { headers: { Authorization: `users API-Key ${key}` } })).status

const storedKeyIndex = async (id: number): Promise<string | null> =>
  (await security.sql('SELECT api_key_index FROM users WHERE id = $1', [id]))[0]?.api_key_index ?? null

const freshKey = () => `k-${randomBytes(16).toString('hex')}`

/** A tool account whose key works, made by the setup (access overridden). */
async function toolWithKey(name: string, key = freshKey()) {
  const tool = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: `${name}@test.badil.local`, password: `${name}-password-1`, name, role: 'integration', language: 'fr', enableAPIKey: true, apiKey: key },
  })
  return { id: tool.id, key }
}

describe('hole 3: only an administrator mints an API key, only for a tool', () => {
  it.each(['ncsc', 'legal', 'consultant', 'cm', 'analyst'] as const)('refuses a %s setting a key on their own account, on every transport', async (role) => {
    const id = security.accounts[role].id
    const key = freshKey()
    const rest = await security.rest(role, 'PATCH', `/api/users/${id}`, { apiKey: key })
    expect(rest.status).toBe(403)
    expect(rest.body.errors[0].message).toMatch(/administrateur/)
    const restWithSwitch = await security.rest(role, 'PATCH', `/api/users/${id}`, { enableAPIKey: true, apiKey: key })
    expect(restWithSwitch.status).toBe(403)
    const graphql = await security.graphql(role, `mutation { updateUser(id: ${id}, data: { enableAPIKey: true, apiKey: "${key}" }) { id } }`)
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    await expect(
      payload.update({ collection: 'users', id, overrideAccess: false, user: await security.user(role), data: { enableAPIKey: true, apiKey: key } }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await me(key)).toBe(401)
    expect(await storedKeyIndex(id)).toBeNull()
    // Their profile is still theirs to edit.
    expect((await security.rest(role, 'PATCH', `/api/users/${id}`, { name: `Renamed ${role}` })).status).toBe(200)
  })

  it('refuses a key on a non-integration account even from an administrator (400 naming the field)', async () => {
    const answer = await security.rest('admin', 'PATCH', `/api/users/${security.accounts.cm.id}`, { apiKey: freshKey() })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].data.errors[0].path).toBe('apiKey')
  })

  it('lets an administrator rotate a tool key: the new one works, the old one stops at once', async () => {
    const tool = await toolWithKey('rotating-tool')
    const first = freshKey()
    expect((await security.rest('admin', 'PATCH', `/api/users/${tool.id}`, { enableAPIKey: true, apiKey: first })).status).toBe(200)
    expect(await me(first)).toBe(200)
    const second = freshKey()
    expect((await security.rest('admin', 'PATCH', `/api/users/${tool.id}`, { apiKey: second })).status).toBe(200)
    expect(await me(second)).toBe(200)
    expect(await me(first)).toBe(401)
  })

  it('revokes the key in the same write when a tool is given another role', async () => {
    const { id, key } = await toolWithKey('role-change-tool')
    const tool = { id }
    expect(await me(key)).toBe(200)
    const changed = await security.rest('admin', 'PATCH', `/api/users/${tool.id}`, { role: 'analyst' })
    expect({ status: changed.status, errors: changed.body.errors }).toEqual({ status: 200, errors: undefined })
    expect(await storedKeyIndex(tool.id)).toBeNull()
    expect(await me(key)).toBe(401)
    // Back to a tool: the old key does not come back.
    expect((await security.rest('admin', 'PATCH', `/api/users/${tool.id}`, { role: 'integration' })).status).toBe(200)
    expect(await me(key)).toBe(401)
  })

  it('revokes the key in the same write when an administrator turns keys off', async () => {
    const { id, key } = await toolWithKey('keys-off-tool')
    const tool = { id }
    expect(await me(key)).toBe(200)
    expect((await security.rest('admin', 'PATCH', `/api/users/${tool.id}`, { enableAPIKey: false })).status).toBe(200)
    expect(await storedKeyIndex(tool.id)).toBeNull()
    expect(await me(key)).toBe(401)
  })

  it('refuses a key found on a person’s account (left from before): 401, not that person', async () => {
    const key = freshKey()
    const index = createHmac('sha256', payload.secret).update(key).digest('hex')
    await security.sql('UPDATE users SET api_key_index = $1, enable_a_p_i_key = true WHERE id = $2', [index, security.accounts.ncsc.id])
    expect(await me(key)).toBe(401)
    const graphql = await fetch(`${security.http.baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { Authorization: `users API-Key ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ meUser { user { email } } }' }),
    })
    expect(graphql.status).toBe(401)
  })
})
