import { randomBytes } from 'node:crypto'

import pg from 'pg'
import type { Payload } from 'payload'

import { tokenPurpose } from '../../plugins/campaign-ops/publishing/network-accounts-collection'
import { createTokenCipher, TokenDecryptionError } from '../../plugins/campaign-ops/publishing/token-crypto'
import { decodeTokenKey } from '../../src/infra/env'
import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { captureLogs } from '../helpers/log-capture'
import type { LogCapture } from '../helpers/log-capture'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, integrationApiKey } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

/**
 * Network accounts with tokens pasted by hand: the token is sealed on save and the plain text
 * never leaves — not in REST, GraphQL or Local API answers, not in the database column, not in
 * the logs — and only admins manage accounts.
 */

const tokenKeyHex = randomBytes(32).toString('hex')
const cipher = createTokenCipher(decodeTokenKey(tokenKeyHex)!)

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const jwt = {} as Record<Role, string>

let logs: LogCapture

/** A fresh, recognizable token, so a leak can be searched for exactly. */
const secretToken = (label: string) => `EAAB-${label}-${randomBytes(16).toString('hex')}`
const pastedTokens: string[] = []
function pasted(label: string): string {
  const value = secretToken(label)
  pastedTokens.push(value)
  return value
}

function expectNoPlaintext(value: unknown) {
  const serialized = typeof value === 'string' ? value : JSON.stringify(value)
  for (const token of pastedTokens) expect(serialized).not.toContain(token)
}

function authHeader(role: Role): Record<string, string> {
  return role === 'integration' ? { Authorization: `users API-Key ${integrationApiKey}` } : { Authorization: `JWT ${jwt[role]}` }
}

async function rest(role: Role, method: string, path: string, body?: unknown) {
  const response = await fetch(`${http.baseUrl}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...authHeader(role) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const raw = await response.text()
  return { status: response.status, raw, json: raw ? (JSON.parse(raw) as Record<string, any>) : {} }
}

async function graphql(role: Role, query: string) {
  const response = await fetch(`${http.baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authHeader(role) },
    body: JSON.stringify({ query }),
  })
  const raw = await response.text()
  return { status: response.status, raw, json: JSON.parse(raw) as Record<string, any> }
}

async function sealedColumns(id: number): Promise<{ access: string | null; refresh: string | null; all: string }> {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query('select * from network_accounts where id = $1', [id])
    const row = rows[0] as Record<string, unknown>
    return { access: row.access_token_sealed as string | null, refresh: row.refresh_token_sealed as string | null, all: JSON.stringify(row) }
  } finally {
    await client.end()
  }
}

const user = (role: Role) => payload.findByID({ collection: 'users', id: accounts[role].id })

beforeAll(async () => {
  app = await startTestPayload({ env: { NETWORK_TOKEN_KEY: tokenKeyHex } })
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  for (const role of roles.filter((role) => role !== 'integration')) {
    jwt[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }
  logs = captureLogs(payload)
})

afterAll(async () => {
  logs?.restore()
  await http?.close()
  await app?.close()
})

describe('a token pasted by hand', () => {
  let accountId: number
  const access = pasted('access')
  const refresh = pasted('refresh')

  it('is sealed on REST create, and the answer carries neither the token nor its sealed form', async () => {
    const created = await rest('admin', 'POST', '/network-accounts', {
      network: 'facebook',
      name: 'Badil — Page',
      accountId: '104857600000000099',
      accessToken: access,
      refreshToken: refresh,
    })
    expect(created.status).toBe(201)
    expectNoPlaintext(created.raw)
    expect(created.raw).not.toContain('v1:')
    const doc = created.json.doc
    expect(doc.accessToken ?? null).toBeNull()
    expect(doc.refreshToken ?? null).toBeNull()
    expect(doc).not.toHaveProperty('accessTokenSealed')
    expect(doc).not.toHaveProperty('refreshTokenSealed')
    expect(doc.status).toBe('ok')
    expect(doc.connectedAt).toEqual(expect.any(String))
    accountId = doc.id
  })

  it('is stored as v1:… ciphertext that opens to the token with the key, never in clear', async () => {
    const columns = await sealedColumns(accountId)
    expect(columns.access).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/)
    expect(columns.refresh).toMatch(/^v1:/)
    expectNoPlaintext(columns.all)
    expect(cipher.decrypt(columns.access!, tokenPurpose.access)).toBe(access)
    expect(cipher.decrypt(columns.refresh!, tokenPurpose.refresh)).toBe(refresh)
  })

  it('is replaced by a REST update with a new token, and kept by an update without one', async () => {
    const before = await sealedColumns(accountId)
    const renamed = await rest('admin', 'PATCH', `/network-accounts/${accountId}`, { name: 'Badil — Page officielle' })
    expect(renamed.status).toBe(200)
    expect((await sealedColumns(accountId)).access).toBe(before.access)

    const replacement = pasted('replacement')
    const updated = await rest('admin', 'PATCH', `/network-accounts/${accountId}`, { accessToken: replacement })
    expect(updated.status).toBe(200)
    expectNoPlaintext(updated.raw)
    expect(updated.raw).not.toContain('v1:')
    const after = await sealedColumns(accountId)
    expect(after.access).not.toBe(before.access)
    expect(cipher.decrypt(after.access!, tokenPurpose.access)).toBe(replacement)
    // The refresh token was not pasted again: it stays.
    expect(after.refresh).toBe(before.refresh)
  })

  it('never appears in REST find or findByID, whatever is asked for', async () => {
    for (const path of [
      '/network-accounts',
      '/network-accounts?depth=2',
      `/network-accounts/${accountId}`,
      `/network-accounts/${accountId}?select[accessToken]=true&select[accessTokenSealed]=true&select[refreshTokenSealed]=true`,
      '/network-accounts?where[accessTokenSealed][exists]=true',
    ]) {
      const answer = await rest('admin', 'GET', path)
      expectNoPlaintext(answer.raw)
      expect(answer.raw).not.toContain('v1:')
    }
  })

  it('never appears in GraphQL, querying every field the type has', async () => {
    const introspection = await graphql('admin', '{ __type(name: "NetworkAccount") { fields { name type { kind ofType { kind } } } } }')
    const fields = (introspection.json.data.__type.fields as Array<{ name: string; type: { kind: string; ofType: { kind: string } | null } }>)
      .filter((field) => ['SCALAR', 'ENUM'].includes(field.type.kind) || ['SCALAR', 'ENUM'].includes(field.type.ofType?.kind ?? ''))
      .map((field) => field.name)
    expect(fields).toEqual(expect.arrayContaining(['accessToken', 'refreshToken', 'accountId', 'tokenExpiresAt', 'status']))
    const selection = fields.join(' ')
    const listed = await graphql('admin', `{ NetworkAccounts { docs { ${selection} } } NetworkAccount(id: ${accountId}) { ${selection} } }`)
    expect(listed.json.errors).toBeUndefined()
    // Payload lists hidden fields in the schema; their values are stripped from every answer.
    for (const field of ['accessToken', 'refreshToken', 'accessTokenSealed', 'refreshTokenSealed']) {
      expect(listed.json.data.NetworkAccount[field] ?? null).toBeNull()
      for (const doc of listed.json.data.NetworkAccounts.docs) expect(doc[field] ?? null).toBeNull()
    }
    expectNoPlaintext(listed.raw)
    expect(listed.raw).not.toContain('v1:')

    const viaMutation = pasted('graphql')
    const created = await graphql(
      'admin',
      `mutation { createNetworkAccount(data: { network: x, connection: api, name: "X Badil", accountId: "1445880548472328999", accessToken: ${JSON.stringify(viaMutation)} }) { ${selection} } }`,
    )
    expect(created.json.errors).toBeUndefined()
    expectNoPlaintext(created.raw)
    const id = created.json.data.createNetworkAccount.id as number
    expect(cipher.decrypt((await sealedColumns(id)).access!, tokenPurpose.access)).toBe(viaMutation)

    // An invalid mutation: GraphQL echoes the input back to its sender (standard), but nothing is logged (checked below).
    const refused = await graphql(
      'admin',
      `mutation { createNetworkAccount(data: { network: x, accessToken: ${JSON.stringify(pasted('graphql-invalid'))} }) { id } }`,
    )
    expect(refused.json.errors?.length).toBeGreaterThan(0)
  })

  it('never appears through the Local API with access control', async () => {
    const admin = await user('admin')
    const found = await payload.find({ collection: 'network-accounts', overrideAccess: false, user: admin })
    const one = await payload.findByID({ collection: 'network-accounts', id: accountId, overrideAccess: false, user: admin })
    expectNoPlaintext(found)
    expectNoPlaintext(one)
    expect(JSON.stringify(found)).not.toContain('v1:')

    const localToken = pasted('local')
    const created = await payload.create({
      collection: 'network-accounts',
      overrideAccess: false,
      user: admin,
      data: { network: 'linkedin', connection: 'api', name: 'Badil LinkedIn', accountId: 'urn:li:organization:1', accessToken: localToken },
    })
    expectNoPlaintext(created)
    const updated = await payload.update({
      collection: 'network-accounts',
      id: created.id,
      overrideAccess: false,
      user: admin,
      data: { accessToken: pasted('local-update') },
    })
    expectNoPlaintext(updated)
  })

  it('is refused when an API account is created without one, and not needed for a manual account', async () => {
    const missing = await rest('admin', 'POST', '/network-accounts', { network: 'tiktok', name: 'TikTok', accountId: 'open-id-1' })
    expect(missing.status).toBe(400)
    expect(missing.json.errors[0].data?.errors?.[0]?.path ?? missing.json.errors[0].field ?? missing.json.errors[0].message).toMatch(/accessToken/)
    // A refused save that carried a token: the error (and whatever Payload logs about it) has no token.
    const invalid = await rest('admin', 'POST', '/network-accounts', { network: 'tiktok', accountId: 'open-id-3', accessToken: pasted('refused') })
    expect(invalid.status).toBe(400)
    expectNoPlaintext(invalid.raw)
    const manual = await rest('admin', 'POST', '/network-accounts', {
      network: 'tiktok',
      connection: 'manual',
      name: 'TikTok (kit)',
      accountId: 'open-id-2',
    })
    expect(manual.status).toBe(201)
  })
})

describe('who manages accounts', () => {
  let targetId: number

  beforeAll(async () => {
    const target = await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'youtube', connection: 'api', name: 'Badil TV', accountId: 'UC-access-test', accessToken: pasted('youtube') },
    })
    targetId = target.id
  })

  const nonAdmins = roles.filter((role) => role !== 'admin')

  it.each(nonAdmins)('%s cannot create, update or delete an account (403)', async (role) => {
    const token = pasted(`by-${role}`)
    const created = await rest(role, 'POST', '/network-accounts', { network: 'x', name: `By ${role}`, accountId: `x-${role}`, accessToken: token })
    expect(created.status).toBe(403)
    const updated = await rest(role, 'PATCH', `/network-accounts/${targetId}`, { accessToken: token, name: 'hijacked' })
    expect(updated.status).toBe(403)
    const deleted = await rest(role, 'DELETE', `/network-accounts/${targetId}`)
    expect(deleted.status).toBe(403)
    for (const answer of [created, updated, deleted]) expect(answer.json.errors?.[0]?.message).toEqual(expect.any(String))
    const stored = await payload.findByID({ collection: 'network-accounts', id: targetId, overrideAccess: true })
    expect(stored.name).toBe('Badil TV')
  })

  it.each(['cm', 'ncsc'] as Role[])('%s reads names and statuses but no token', async (role) => {
    const listed = await rest(role, 'GET', '/network-accounts?limit=100')
    expect(listed.status).toBe(200)
    expect(listed.json.docs.map((doc: { id: number }) => doc.id)).toContain(targetId)
    const one = await rest(role, 'GET', `/network-accounts/${targetId}`)
    expect(one.status).toBe(200)
    expect(one.json).toMatchObject({ name: 'Badil TV', status: 'ok' })
    expectNoPlaintext(listed.raw + one.raw)
    expect(listed.raw + one.raw).not.toContain('v1:')
    const local = await payload.find({ collection: 'network-accounts', overrideAccess: false, user: await user(role) })
    expectNoPlaintext(local)
    const viaGraphql = await graphql(role, '{ NetworkAccounts { docs { id name accessToken refreshToken status } } }')
    expect(viaGraphql.json.errors).toBeUndefined()
    expectNoPlaintext(viaGraphql.raw)
  })

  it.each(['legal', 'consultant', 'analyst', 'integration'] as Role[])('%s cannot read accounts', async (role) => {
    const listed = await rest(role, 'GET', '/network-accounts')
    expect(listed.status).toBe(403)
    const one = await rest(role, 'GET', `/network-accounts/${targetId}`)
    expect(one.status).toBe(403)
  })
})

describe('the token cipher', () => {
  it('refuses another key, another purpose and a tampered value with a typed error', async () => {
    const [row] = (await payload.find({ collection: 'network-accounts', overrideAccess: true, limit: 1, showHiddenFields: true })).docs
    const sealed = row!.accessTokenSealed!
    const wrongKey = createTokenCipher(randomBytes(32))
    expect(() => wrongKey.decrypt(sealed, tokenPurpose.access)).toThrow(TokenDecryptionError)
    expect(() => cipher.decrypt(sealed, tokenPurpose.refresh)).toThrow(TokenDecryptionError)
    const [version, iv, tag, body] = sealed.split(':')
    const flipped = Buffer.from(body!, 'base64')
    flipped[0] = flipped[0]! ^ 1
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64')].join(':'), tokenPurpose.access)).toThrow(TokenDecryptionError)
    expect(() => cipher.decrypt('not-sealed', tokenPurpose.access)).toThrow(TokenDecryptionError)
    try {
      wrongKey.decrypt(sealed, tokenPurpose.access)
    } catch (error) {
      expect((error as Error).name).toBe('TokenDecryptionError')
      expect((error as Error).message).toMatch(/NETWORK_TOKEN_KEY/)
    }
  })
})

describe('the logs', () => {
  it('never received a pasted token during all the requests above', () => {
    expect(pastedTokens.length).toBeGreaterThan(8)
    // The capture itself works (Payload's logger is the one every request uses).
    payload.logger.debug({ msg: 'log capture probe' })
    expect(logs.lines.join('\n')).toContain('log capture probe')
    console.log(`network-accounts: ${logs.lines.length} log lines checked for ${pastedTokens.length} pasted tokens`)
    expectNoPlaintext(logs.lines.join('\n'))
  })
})
