/**
 * What the security suites share: an app on its own database served over real HTTP, one account
 * per role with its credentials, and the callers the matrix tries besides them: nobody, a key
 * nobody has, and a key that was revoked.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, integrationApiKey } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

/** Who calls: a role, nobody, a well-formed key no account has, or the key of a tool whose key was revoked. */
export type Caller = Role | 'anonymous' | 'unknownKey' | 'revokedKey'

export const unknownApiKey = 'unknown-key-0123456789abcdefghij'
export const revokedApiKey = 'revoked-tool-key-0123456789abcdef'

export type Answer = { status: number; body: any; text: string }

export type SecurityApp = {
  app: TestPayload
  payload: Payload
  http: TestHttpServer
  accounts: Record<Role, TestAccount>
  /** The stored user of a role, for the Local API's `user`. */
  user(role: Role): Promise<any>
  headers(caller: Caller): Record<string, string>
  rest(caller: Caller, method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<Answer>
  graphql(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<Answer>
  /** SQL straight on the app's database: what a write outside the API (or older code) leaves behind. */
  sql(text: string, values?: unknown[]): Promise<Record<string, any>[]>
  close(): Promise<void>
}

export async function startSecurityApp(options: Parameters<typeof startTestPayload>[0] = {}): Promise<SecurityApp> {
  const app = await startTestPayload(options)
  const { payload } = app
  const accounts = await createAccountPerRole(payload)
  // A tool whose key an administrator switched off: the key must stop working at once.
  const revoked = await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: {
      email: 'revoked-tool@test.badil.local',
      password: 'revoked-tool-password-1',
      name: 'Revoked tool',
      role: 'integration',
      language: 'fr',
      enableAPIKey: true,
      apiKey: revokedApiKey,
    },
  })
  const admin = await payload.findByID({ collection: 'users', id: accounts.admin.id, depth: 0 })
  await payload.update({ collection: 'users', id: revoked.id, overrideAccess: false, user: admin, data: { enableAPIKey: false } })

  const http = await startHttpServer(app.config)
  const tokens = {} as Record<Role, string>
  for (const role of roles.filter((role) => role !== 'integration')) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }

  const headers = (caller: Caller): Record<string, string> => {
    if (caller === 'anonymous') return {}
    if (caller === 'unknownKey') return { Authorization: `users API-Key ${unknownApiKey}` }
    if (caller === 'revokedKey') return { Authorization: `users API-Key ${revokedApiKey}` }
    if (caller === 'integration') return { Authorization: `users API-Key ${integrationApiKey}` }
    return { Authorization: `JWT ${tokens[caller]}` }
  }

  const send = async (caller: Caller, method: string, path: string, body: BodyInit | undefined, extra: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${http.baseUrl}${path}`, { method, headers: { ...headers(caller), ...extra }, body, redirect: 'manual' })
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      parsed = null
    }
    return { status: response.status, body: parsed, text }
  }

  return {
    app,
    payload,
    http,
    accounts,
    user: (role) => payload.findByID({ collection: 'users', id: accounts[role].id, depth: 0 }),
    headers,
    rest: (caller, method, path, body, extraHeaders = {}) =>
      body === undefined
        ? send(caller, method, path, undefined, extraHeaders)
        : body instanceof FormData
          ? send(caller, method, path, body, extraHeaders)
          : send(caller, method, path, JSON.stringify(body), { 'Content-Type': 'application/json', ...extraHeaders }),
    graphql: (caller, query, variables) => send(caller, 'POST', '/api/graphql', JSON.stringify({ query, variables }), { 'Content-Type': 'application/json' }),
    sql: async (text, values = []) => {
      const client = new pg.Client({ connectionString: app.databaseUrl })
      await client.connect()
      try {
        return (await client.query(text, values)).rows
      } finally {
        await client.end()
      }
    },
    close: async () => {
      await http.close()
      await app.close()
    },
  }
}

/**
 * The status a GraphQL field's error carries (Payload's `extensions.statusCode`), or 200 without
 * one. A request the schema refused (no path: a wrong argument or variable) is a mistake of the
 * test, never a refusal by Badil: it throws.
 */
export function graphqlStatus(answer: Answer, field?: string): number {
  if (answer.status !== 200) return answer.status
  const errors = (answer.body?.errors ?? []) as { path?: string[]; extensions?: { statusCode?: number }; message?: string }[]
  const invalid = errors.filter((entry) => !entry.path)
  if (invalid.length) throw new Error(`The GraphQL request is invalid: ${invalid.map((entry) => entry.message).join(' / ')}`)
  const error = field ? errors.find((entry) => entry.path?.[0] === field) : errors[0]
  if (!error) return 200
  return error.extensions?.statusCode ?? 500
}
