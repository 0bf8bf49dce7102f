import { createHash, randomBytes } from 'node:crypto'

import pg from 'pg'
import type { Payload } from 'payload'

import type { Network } from '../../plugins/campaign-ops/networks/registry'
import { tokenPurpose } from '../../plugins/campaign-ops/publishing/network-accounts-collection'
import { oauthConfigFromEnv } from '../../plugins/campaign-ops/networks/oauth'
import type { OAuthConfig } from '../../plugins/campaign-ops/networks/oauth'
import { createStateCodec } from '../../plugins/campaign-ops/networks/oauth/state'
import { refreshAccountIfExpiring } from '../../plugins/campaign-ops/publishing/oauth-endpoints'
import { createPublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import { pollInbox } from '../../plugins/campaign-ops/inbox/polling'
import { defaultSlaMinutes } from '../../plugins/campaign-ops/inbox/ingest'
import type { PublishingOptions } from '../../plugins/campaign-ops/publishing/options'
import { createTokenCipher } from '../../plugins/campaign-ops/publishing/token-crypto'
import { decodeTokenKey, loadEnv } from '../../src/infra/env'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { captureLogs } from '../helpers/log-capture'
import type { LogCapture } from '../helpers/log-capture'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import type { Role } from '../../src/domain/roles'
import { publishingScheduler } from '../../plugins/campaign-ops'
import { xAdapter } from '../../plugins/campaign-ops/networks/x/adapter'
import { fakeClients, startOAuthFake } from './fakes/oauth-fake'
import type { FakeOAuthServer } from './fakes/oauth-fake'
import { setWorkflowState } from '../helpers/workflow'

/**
 * Connecting each network with OAuth against local fake servers: the consent redirect, the signed
 * state (forged, expired, other network, other browser), the code exchange checked like the
 * network does (client, redirect URI, PKCE), the accounts created or updated with sealed tokens,
 * readable errors, and token refresh — X's rotating refresh tokens, failures → needs_reconnect.
 */

const tokenKeyHex = randomBytes(32).toString('hex')
const cipher = createTokenCipher(decodeTokenKey(tokenKeyHex)!)

let fake: FakeOAuthServer
let oauth: OAuthConfig
const publishedWithTokens: string[] = []
let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const jwt = {} as Record<string, string>
let secondAdminJwt: string

let logs: LogCapture

type AccountRow = {
  id: number
  network: Network
  connection: string
  name: string
  accountId: string
  tokenExpiresAt: string | null
  scopes: string | null
  status: string
  lastError: string | null
  connectedAt: string | null
  access: string | null
  refresh: string | null
}

function open(sealed: string, purpose: string): string {
  try {
    return cipher.decrypt(sealed, purpose)
  } catch {
    return '(sealed with another key)'
  }
}

async function rows(network?: Network): Promise<AccountRow[]> {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const { rows: found } = await client.query(
      `select id, network::text as network, connection::text as connection, name, account_id, token_expires_at, scopes,
              status::text as status, last_error, connected_at, access_token_sealed, refresh_token_sealed
         from network_accounts ${network ? 'where network = $1' : ''} order by id`,
      network ? [network] : [],
    )
    return found.map((row: Record<string, any>) => ({
      id: row.id,
      network: row.network,
      connection: row.connection,
      name: row.name,
      accountId: row.account_id,
      tokenExpiresAt: row.token_expires_at ? new Date(row.token_expires_at).toISOString() : null,
      scopes: row.scopes,
      status: row.status,
      lastError: row.last_error,
      connectedAt: row.connected_at ? new Date(row.connected_at).toISOString() : null,
      access: row.access_token_sealed ? open(row.access_token_sealed, tokenPurpose.access) : null,
      refresh: row.refresh_token_sealed ? open(row.refresh_token_sealed, tokenPurpose.refresh) : null,
    }))
  } finally {
    await client.end()
  }
}

async function sql(statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    await client.query(statement, values)
  } finally {
    await client.end()
  }
}

type Started = { status: number; location: string; cookie: string; json?: any }

/** The admin clicks "Connect": Badil answers with the consent page's URL and a binding cookie. */
async function startConnect(network: string, auth: string | null = jwt.admin!, language = 'fr'): Promise<Started> {
  const response = await fetch(`${http.baseUrl}/api/network-accounts/oauth/${network}/connect`, {
    redirect: 'manual',
    headers: { Accept: 'text/html', 'Accept-Language': language, ...(auth ? { Authorization: `JWT ${auth}` } : {}) },
  })
  const setCookie = response.headers.get('set-cookie') ?? ''
  return {
    status: response.status,
    location: response.headers.get('location') ?? '',
    cookie: setCookie.split(';')[0] ?? '',
    json: response.status === 302 ? undefined : await response.json(),
  }
}

type Finished = { status: number; location: string; json?: any; setCookie: string }

/** The network sends the browser back: a cross-site navigation carrying only the binding cookie. */
async function finish(callbackUrl: string, options: { cookie?: string; browser?: boolean; language?: string; auth?: string } = {}): Promise<Finished> {
  const response = await fetch(callbackUrl, {
    redirect: 'manual',
    headers: {
      Accept: options.browser === false ? 'application/json' : 'text/html,application/xhtml+xml',
      'Accept-Language': options.language ?? 'fr',
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...(options.auth ? { Authorization: `JWT ${options.auth}` } : {}),
    },
  })
  return {
    status: response.status,
    location: response.headers.get('location') ?? '',
    setCookie: response.headers.get('set-cookie') ?? '',
    json: response.status === 302 ? undefined : await response.json(),
  }
}

/** Connect → consent → callback, like an admin in a browser. */
async function connectFlow(network: Network, options: { browser?: boolean; language?: string } = {}) {
  const started = await startConnect(network)
  expect(started.status).toBe(302)
  const callbackUrl = await fake.consent(started.location)
  const finished = await finish(callbackUrl, { cookie: started.cookie, ...options })
  return { started, callbackUrl, finished, authorize: new URL(started.location) }
}

const callbackPath = (network: string) => `/api/network-accounts/oauth/${network}/callback`
const near = (iso: string | null, expected: number, toleranceMs = 60_000) => {
  expect(iso).not.toBeNull()
  expect(Math.abs(new Date(iso!).getTime() - expected)).toBeLessThan(toleranceMs)
}

async function refreshViaApi(id: number, auth = jwt.admin, language = 'fr') {
  const response = await fetch(`${http.baseUrl}/api/network-accounts/${id}/refresh`, {
    method: 'POST',
    headers: { Authorization: `JWT ${auth}`, 'Accept-Language': language },
  })
  return { status: response.status, json: await response.json() }
}

beforeAll(async () => {
  fake = await startOAuthFake()
  oauth = oauthConfigFromEnv(loadEnv({ ...fake.env }))
  // X publishes through a recording adapter: the test sees which token each post was sent with.
  const publishing: PublishingOptions = {
    oauth,
    adapters: {
      x: {
        ...xAdapter,
        publish: async (request, account) => {
          publishedWithTokens.push(account.accessToken)
          return { remoteId: `post-${publishedWithTokens.length}`, permalink: `https://x.com/i/web/status/${publishedWithTokens.length}` }
        },
      },
    },
  }
  app = await startTestPayload({ env: { NETWORK_TOKEN_KEY: tokenKeyHex }, config: { publishing } })
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  // The redirect URI is this instance's public URL, known once the server listens.
  oauth.serverUrl = http.baseUrl
  for (const role of ['admin', 'cm', 'ncsc'] as Role[]) {
    jwt[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }
  await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: 'second-admin@test.badil.local', password: 'correct-horse-battery-staple', name: 'Second admin', role: 'admin', language: 'fr' },
  })
  secondAdminJwt = (await payload.login({ collection: 'users', data: { email: 'second-admin@test.badil.local', password: 'correct-horse-battery-staple' } }))
    .token!
  logs = captureLogs(payload)
})

afterAll(async () => {
  logs?.restore()
  await http?.close()
  await app?.close()
  await fake?.close()
})

describe('oauthConfigFromEnv', () => {
  it('defaults to the documented production hosts', () => {
    const config = oauthConfigFromEnv(loadEnv({}))
    expect(config.networks.facebook).toMatchObject({
      authorizeUrl: 'https://www.facebook.com/v23.0/dialog/oauth',
      tokenUrl: 'https://graph.facebook.com/v23.0/oauth/access_token',
      apiUrl: 'https://graph.facebook.com/v23.0',
    })
    expect(config.networks.instagram.authorizeUrl).toBe('https://www.facebook.com/v23.0/dialog/oauth')
    expect(config.networks.x).toMatchObject({ authorizeUrl: 'https://x.com/i/oauth2/authorize', tokenUrl: 'https://api.x.com/2/oauth2/token' })
    expect(config.networks.linkedin).toMatchObject({
      authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
      tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
      apiUrl: 'https://api.linkedin.com',
    })
    expect(config.networks.youtube).toMatchObject({
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
    })
    expect(config.networks.tiktok).toMatchObject({
      authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
      tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
    })
    for (const network of Object.values(config.networks)) expect(network.clientId).toBeUndefined()
  })

  it('refuses a client id without its secret, naming the variable', () => {
    expect(() => loadEnv({ X_CLIENT_ID: 'id-only' })).toThrow(/X_CLIENT_SECRET must be set together with X_CLIENT_ID/)
    expect(() => loadEnv({ TIKTOK_CLIENT_SECRET: 'secret-only' })).toThrow(/TIKTOK_CLIENT_KEY/)
  })
})

describe('connect', () => {
  it('sends the admin to the consent page with a signed state and a binding cookie', async () => {
    const started = await startConnect('facebook')
    expect(started.status).toBe(302)
    const authorize = new URL(started.location)
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${fake.baseUrl}/meta/dialog/oauth`)
    expect(authorize.searchParams.get('client_id')).toBe(fakeClients.meta.id)
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${http.baseUrl}${callbackPath('facebook')}`)
    expect(authorize.searchParams.get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'pages_manage_engagement', 'read_insights']),
    )
    expect(authorize.searchParams.get('state')).toMatch(/^v1\.[\w-]+\.[\w-]{43}$/)
    expect(started.cookie).toMatch(/^badil-oauth-facebook=[\w-]+$/)
    expect(started.location).not.toContain(fakeClients.meta.secret)
  })

  it('asks each network for the publishing, moderation and insights scopes', async () => {
    const scopes = async (network: Network) => new URL((await startConnect(network)).location).searchParams
    expect((await scopes('instagram')).get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['instagram_basic', 'instagram_content_publish', 'instagram_manage_comments', 'instagram_manage_insights']),
    )
    const x = await scopes('x')
    expect(x.get('scope')!.split(' ')).toEqual(expect.arrayContaining(['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access']))
    expect(x.get('code_challenge_method')).toBe('S256')
    expect(x.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect((await scopes('linkedin')).get('scope')!.split(' ')).toEqual(
      expect.arrayContaining(['w_organization_social', 'r_organization_social', 'rw_organization_admin']),
    )
    const google = await scopes('youtube')
    expect(google.get('scope')!.split(' ')).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/youtube.upload',
        'https://www.googleapis.com/auth/youtube.force-ssl',
        'https://www.googleapis.com/auth/yt-analytics.readonly',
      ]),
    )
    expect(google.get('access_type')).toBe('offline')
    const tiktok = await scopes('tiktok')
    expect(tiktok.get('client_key')).toBe(fakeClients.tiktok.id)
    expect(tiktok.get('scope')!.split(',')).toEqual(expect.arrayContaining(['video.publish', 'user.info.basic']))
  })

  it('is for admins only, and names the variables of a network that is not configured', async () => {
    const anonymous = await startConnect('facebook', null)
    expect(anonymous.status).toBe(401)
    expect(anonymous.json.errors[0].message).toEqual(expect.any(String))
    for (const role of ['cm', 'ncsc']) {
      const refused = await startConnect('facebook', jwt[role])
      expect(refused.status).toBe(403)
      expect(refused.json.errors[0].message).toMatch(/administrat/)
    }
    const unknown = await startConnect('myspace')
    expect(unknown.status).toBe(400)
    expect(unknown.json.errors[0]).toMatchObject({ field: 'network' })

    const saved = oauth.networks.tiktok.clientId
    oauth.networks.tiktok.clientId = undefined
    try {
      const french = await startConnect('tiktok')
      expect(french.status).toBe(400)
      expect(french.json.errors[0].message).toMatch(/TIKTOK_CLIENT_KEY.*TIKTOK_CLIENT_SECRET/)
      expect(french.json.errors[0].message).toMatch(/n’est pas configurée/)
      const english = await startConnect('tiktok', jwt.admin, 'en')
      expect(english.json.errors[0].message).toMatch(/^OAuth for TikTok is not configured: set TIKTOK_CLIENT_KEY and TIKTOK_CLIENT_SECRET/)
      const arabic = await startConnect('tiktok', jwt.admin, 'ar')
      expect(arabic.json.errors[0].message).toMatch(/TIKTOK_CLIENT_KEY/)
      expect(arabic.json.errors[0].message).toMatch(/غير مُعدّ/)
    } finally {
      oauth.networks.tiktok.clientId = saved
    }
  })
})

describe('callback, for each network', () => {
  it('Facebook: every Page listed (over two result pages) becomes an account with its non-expiring Page token', async () => {
    const { finished } = await connectFlow('facebook')
    expect(finished.status).toBe(302)
    expect(finished.location).toBe('/admin/collections/network-accounts?oauthNetwork=facebook&oauthConnected=3')
    expect(finished.setCookie).toMatch(/badil-oauth-facebook=;.*Max-Age=0/)
    const facebook = await rows('facebook')
    expect(facebook.map((row) => [row.accountId, row.name])).toEqual([
      ['104857600000000001', 'Badil — بديل'],
      ['104857600000000002', 'Badil Darija'],
      ['104857600000000003', 'Badil Événements'],
    ])
    for (const row of facebook) {
      expect(row.access).toMatch(new RegExp(`^fb-page-${row.accountId}-`))
      expect(fake.isValidAccessToken(row.access!)).toBe(true)
      expect(row).toMatchObject({ connection: 'api', status: 'ok', tokenExpiresAt: null, refresh: null, lastError: null })
      expect(row.scopes!.split(' ')).toEqual(expect.arrayContaining(['pages_manage_posts', 'read_insights']))
      near(row.connectedAt, Date.now())
    }
    // Graph's documented exchange: code → short user token → long-lived user token.
    const exchanges = fake.requests.filter((request) => request.path === '/meta/graph/oauth/access_token')
    const codeExchange = exchanges.at(-2)!.query
    expect(codeExchange.get('client_id')).toBe(fakeClients.meta.id)
    expect(codeExchange.get('client_secret')).toBe(fakeClients.meta.secret)
    expect(codeExchange.get('redirect_uri')).toBe(`${http.baseUrl}${callbackPath('facebook')}`)
    expect(codeExchange.get('code')).toMatch(/^code-meta-/)
    expect(exchanges.at(-1)!.query.get('grant_type')).toBe('fb_exchange_token')
    expect(exchanges.at(-1)!.query.get('fb_exchange_token')).toMatch(/^fb-short-user-/)
    const listing = fake.requests.filter((request) => request.path === '/meta/graph/me/accounts')
    expect(listing.at(-1)!.headers.authorization).toMatch(/^Bearer fb-long-user-/)
  })

  it('Facebook again: the same accounts are updated (new tokens, new names), none duplicated, and declined permissions are reported', async () => {
    const before = await rows('facebook')
    fake.pages[1]!.name = 'Badil Darija (officiel)'
    fake.declinedPermissions = ['read_insights']
    try {
      const { finished } = await connectFlow('facebook')
      expect(finished.status).toBe(302)
    } finally {
      fake.declinedPermissions = []
    }
    const after = await rows('facebook')
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id))
    expect(after[1]!.name).toBe('Badil Darija (officiel)')
    for (const [index, row] of after.entries()) {
      expect(row.access).not.toBe(before[index]!.access)
      expect(row.scopes).not.toContain('read_insights')
      expect(row.lastError).toMatch(/read_insights/)
    }
  })

  it('Instagram: the Pages’ Instagram professional accounts, with their Page’s token', async () => {
    const { finished } = await connectFlow('instagram')
    expect(finished.location).toBe('/admin/collections/network-accounts?oauthNetwork=instagram&oauthConnected=2')
    const instagram = await rows('instagram')
    expect(instagram.map((row) => [row.accountId, row.name])).toEqual([
      ['17841400000000001', '@badil.ma'],
      ['17841400000000003', '@badil.events'],
    ])
    expect(instagram[0]!.access).toMatch(/^fb-page-104857600000000001-/)
    expect(instagram[1]!.access).toMatch(/^fb-page-104857600000000003-/)
    expect(instagram[0]!.scopes!.split(' ')).toEqual(expect.arrayContaining(['instagram_content_publish', 'instagram_manage_comments']))
    expect(
      fake.requests
        .filter((request) => request.path === '/meta/graph/me/accounts')
        .at(-1)!
        .query.get('fields'),
    ).toContain('instagram_business_account')
  })

  it('X: PKCE S256 with a verifier sealed in the state, Basic client auth, a 2-hour token and a refresh token', async () => {
    const { finished, authorize } = await connectFlow('x')
    const [account] = await rows('x')
    expect(finished.location).toBe(`/admin/collections/network-accounts/${account!.id}?oauthConnected=1`)
    expect(account).toMatchObject({ accountId: '1445880548472328192', name: 'Badil (@badil_ma)', status: 'ok' })
    expect(account!.access).toBe(fake.lastAccessToken('x'))
    expect(account!.refresh).toBe(fake.lastRefreshToken('x'))
    near(account!.tokenExpiresAt, Date.now() + 2 * 3600_000)
    const exchange = fake.requests.filter((request) => request.path === '/x/api/2/oauth2/token').at(-1)!
    expect(exchange.form.get('grant_type')).toBe('authorization_code')
    expect(exchange.form.get('redirect_uri')).toBe(`${http.baseUrl}${callbackPath('x')}`)
    const verifier = exchange.form.get('code_verifier')!
    expect(verifier).toMatch(/^[\w-]{43,128}$/)
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(authorize.searchParams.get('code_challenge'))
    expect(exchange.headers.authorization).toBe(`Basic ${Buffer.from(`${fakeClients.x.id}:${fakeClients.x.secret}`).toString('base64')}`)
    // The verifier travels sealed: it cannot be read from the state.
    expect(Buffer.from(authorize.searchParams.get('state')!.split('.')[1]!, 'base64url').toString()).not.toContain(verifier)
  })

  it('LinkedIn: the organizations the member administers, by URN, with a 60-day token', async () => {
    const { finished } = await connectFlow('linkedin')
    const linkedin = await rows('linkedin')
    expect(linkedin.map((row) => [row.accountId, row.name])).toEqual([['urn:li:organization:2414183', 'Badil Maroc']])
    expect(finished.location).toBe(`/admin/collections/network-accounts/${linkedin[0]!.id}?oauthConnected=1`)
    near(linkedin[0]!.tokenExpiresAt, Date.now() + 5_184_000_000)
    expect(linkedin[0]!.refresh).toBe(fake.lastRefreshToken('linkedin'))
    const exchange = fake.requests.filter((request) => request.path === '/linkedin/oauth/v2/accessToken').at(-1)!
    expect(Object.fromEntries(exchange.form)).toMatchObject({
      grant_type: 'authorization_code',
      client_id: fakeClients.linkedin.id,
      client_secret: fakeClients.linkedin.secret,
      redirect_uri: `${http.baseUrl}${callbackPath('linkedin')}`,
    })
  })

  it('YouTube: the channel of the Google account, offline access with a refresh token', async () => {
    await connectFlow('youtube')
    const [channel] = await rows('youtube')
    expect(channel).toMatchObject({ accountId: 'UCbadil0000000000000000a', name: 'Badil TV', status: 'ok' })
    near(channel!.tokenExpiresAt, Date.now() + 3599_000)
    expect(channel!.refresh).toBe(fake.lastRefreshToken('google'))
    const exchange = fake.requests.filter((request) => request.path === '/google/token').at(-1)!
    expect(Object.fromEntries(exchange.form)).toMatchObject({
      grant_type: 'authorization_code',
      client_id: fakeClients.google.id,
      client_secret: fakeClients.google.secret,
      redirect_uri: `${http.baseUrl}${callbackPath('youtube')}`,
    })
  })

  it('TikTok: the open_id and display name, a 24-hour token', async () => {
    await connectFlow('tiktok')
    const [account] = await rows('tiktok')
    expect(account).toMatchObject({ accountId: '-000badilOpenId', name: 'Badil بديل', status: 'ok' })
    near(account!.tokenExpiresAt, Date.now() + 86_400_000)
    expect(account!.refresh).toBe(fake.lastRefreshToken('tiktok'))
    const exchange = fake.requests.filter((request) => request.path === '/tiktok/api/v2/oauth/token/').at(-1)!
    expect(Object.fromEntries(exchange.form)).toMatchObject({
      grant_type: 'authorization_code',
      client_key: fakeClients.tiktok.id,
      client_secret: fakeClients.tiktok.secret,
      redirect_uri: `${http.baseUrl}${callbackPath('tiktok')}`,
    })
  })
})

describe('callback, refused', () => {
  async function validCallback(network: Network = 'x') {
    const started = await startConnect(network)
    return { started, callbackUrl: await fake.consent(started.location) }
  }

  function withState(callbackUrl: string, state: string): string {
    const url = new URL(callbackUrl)
    url.searchParams.set('state', state)
    return url.toString()
  }

  it('refuses a forged state (400) and leaves the code unused', async () => {
    const { started, callbackUrl } = await validCallback()
    const state = new URL(callbackUrl).searchParams.get('state')!
    const [version, body, signature] = state.split('.')
    const tamperedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), u: '999' })).toString('base64url')
    const requestsBefore = fake.requests.length
    for (const forged of [`${version}.${tamperedBody}.${signature}`, `${version}.${body}.${signature!.slice(0, -2)}AA`, `${version}.${body}`, 'nonsense']) {
      const answer = await finish(withState(callbackUrl, forged), { cookie: started.cookie })
      expect(answer.status).toBe(400)
      expect(answer.json.errors[0]).toMatchObject({ field: 'state', message: expect.stringMatching(/state/) })
    }
    // Signed with another secret (another Badil, or a guess).
    const foreign = createStateCodec({ secret: 'another-payload-secret-of-32-characters!', cipher }).issue({ network: 'x', userId: accounts.admin.id })
    const answer = await finish(withState(callbackUrl, foreign.state), { cookie: `badil-oauth-x=${foreign.nonce}`, language: 'en' })
    expect(answer.status).toBe(400)
    expect(answer.json.errors[0].message).toMatch(/forged/)
    expect(fake.requests.length).toBe(requestsBefore)
  })

  it('refuses a replayed callback before calling the network, even from the same browser', async () => {
    const { started, callbackUrl } = await validCallback('x')
    const first = await finish(callbackUrl, { cookie: started.cookie })
    expect(first.status).toBe(302)
    expect(first.location).toMatch(/oauthConnected=/)
    const requestsBefore = fake.requests.length
    const replayed = await finish(callbackUrl, { cookie: started.cookie, browser: false })
    expect(replayed.status).toBe(400)
    expect(replayed.json.errors).toEqual([
      { code: 'state_used', message: 'Ce lien de connexion a déjà servi : recommencez la connexion depuis la liste des comptes.' },
    ])
    // In a browser: back to the accounts list with the reason.
    const inBrowser = await finish(callbackUrl, { cookie: started.cookie, language: 'ar' })
    expect(inBrowser.status).toBe(302)
    expect(new URL(inBrowser.location, http.baseUrl).searchParams.get('oauthError')).toBe('سبق استعمال رابط الربط هذا: أعد الربط من قائمة الحسابات.')
    expect(fake.requests.length).toBe(requestsBefore)
  })

  it('refuses an expired state (400)', async () => {
    const { callbackUrl } = await validCallback()
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000)
    const expired = createStateCodec({ secret: payload.secret, cipher, now: () => elevenMinutesAgo }).issue({
      network: 'x',
      userId: accounts.admin.id,
      codeVerifier: 'v'.repeat(43),
    })
    const answer = await finish(withState(callbackUrl, expired.state), { cookie: `badil-oauth-x=${expired.nonce}` })
    expect(answer.status).toBe(400)
    expect(answer.json.errors[0].message).toMatch(/expiré/)
    const english = await finish(withState(callbackUrl, expired.state), { cookie: `badil-oauth-x=${expired.nonce}`, language: 'en' })
    expect(english.json.errors[0].message).toMatch(/expired \(10 minutes\)/)
  })

  it('refuses a state issued for another network, or finished in another browser', async () => {
    const { started, callbackUrl } = await validCallback('x')
    const otherNetwork = callbackUrl.replace(callbackPath('x'), callbackPath('linkedin'))
    const wrongNetwork = await finish(otherNetwork, { cookie: started.cookie.replace('badil-oauth-x', 'badil-oauth-linkedin'), language: 'en' })
    expect(wrongNetwork.status).toBe(400)
    expect(wrongNetwork.json.errors[0].message).toMatch(/another network/)
    const noCookie = await finish(callbackUrl, { language: 'en' })
    expect(noCookie.status).toBe(400)
    expect(noCookie.json.errors[0].message).toMatch(/browser that started it/)
    const otherCookie = await finish(callbackUrl, { cookie: 'badil-oauth-x=someone-elses-nonce' })
    expect(otherCookie.status).toBe(400)
  })

  it('refuses a callback carrying another admin’s session (403)', async () => {
    const { started, callbackUrl } = await validCallback('x')
    const answer = await finish(callbackUrl, { cookie: started.cookie, auth: secondAdminJwt, language: 'en' })
    expect(answer.status).toBe(403)
    expect(answer.json.errors[0].message).toMatch(/another user/)
  })

  it('turns a refused code exchange into a readable message: back to the admin for a browser, 400 JSON otherwise', async () => {
    fake.failNext({ path: '/google/token', status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request: code was already redeemed.' } })
    const browser = await connectFlow('youtube', { language: 'fr' })
    expect(browser.finished.status).toBe(302)
    const back = new URL(browser.finished.location, http.baseUrl)
    expect(back.pathname).toBe('/admin/collections/network-accounts')
    expect(back.searchParams.get('oauthNetwork')).toBe('youtube')
    expect(back.searchParams.get('oauthError')).toBe('YouTube a refusé l’échange du code d’autorisation : Bad Request: code was already redeemed.')

    fake.failNext({ path: '/google/token', status: 400, body: { error: 'invalid_grant', error_description: 'Bad Request: code was already redeemed.' } })
    const script = await connectFlow('youtube', { browser: false, language: 'en' })
    expect(script.finished.status).toBe(400)
    expect(script.finished.json).toEqual({
      errors: [{ message: 'YouTube refused the authorization code exchange: Bad Request: code was already redeemed.', code: 'oauth_auth' }],
    })

    fake.failNext({
      path: '/meta/graph/oauth/access_token',
      status: 400,
      body: { error: { message: 'Error validating client secret.', type: 'OAuthException', code: 1 } },
    })
    const meta = await connectFlow('facebook', { browser: false, language: 'ar' })
    expect(meta.finished.json.errors[0].message).toBe('رفضت Facebook تبادل رمز التفويض: Error validating client secret.')

    // TikTok answers its errors with HTTP 200.
    fake.failNext({
      path: '/tiktok/api/v2/oauth/token/',
      status: 200,
      body: { error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: 'x' },
    })
    const tiktok = await connectFlow('tiktok', { browser: false, language: 'en' })
    expect(tiktok.finished.json.errors[0].message).toBe('TikTok refused the authorization code exchange: Authorization code is expired.')
  })

  it('reports a network that is down, a person who said no, and a login that reaches no account', async () => {
    fake.failNext({ path: '/x/api/2/oauth2/token', status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', status: 503 } })
    const down = await connectFlow('x', { browser: false, language: 'en' })
    expect(down.finished.json.errors[0].message).toBe('X could not be reached during the authorization code exchange (Service Unavailable); try again later.')

    fake.denyNextConsent = true
    const denied = await connectFlow('linkedin', { language: 'en' })
    expect(new URL(denied.finished.location, http.baseUrl).searchParams.get('oauthError')).toBe(
      'LinkedIn did not authorize the connection: The user denied the request',
    )

    const pages = fake.pages.splice(0)
    try {
      const none = await connectFlow('facebook', { browser: false, language: 'en' })
      expect(none.finished.status).toBe(400)
      expect(none.finished.json.errors[0].message).toMatch(/gives access to no Page/)
    } finally {
      fake.pages.push(...pages)
    }
  })
})

describe('refresh', () => {
  const accountOf = async (network: Network) => (await rows(network))[0]!

  it('X: rotates the refresh token, persists the new one, and the next refresh uses it', async () => {
    const before = await accountOf('x')
    const first = await refreshViaApi(before.id)
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ id: before.id, refreshed: true, tokenExpiresAt: expect.any(String) })
    const afterFirst = await accountOf('x')
    expect(afterFirst.access).not.toBe(before.access)
    expect(afterFirst.refresh).not.toBe(before.refresh)
    expect(afterFirst.refresh).toBe(fake.lastRefreshToken('x'))
    near(afterFirst.tokenExpiresAt, Date.now() + 7200_000)
    const used = fake.requests.filter((request) => request.path === '/x/api/2/oauth2/token').at(-1)!
    expect(used.form.get('grant_type')).toBe('refresh_token')
    expect(used.form.get('refresh_token')).toBe(before.refresh)
    expect(used.headers.authorization).toMatch(/^Basic /)

    const second = await refreshViaApi(before.id)
    expect(second.status).toBe(200)
    const afterSecond = await accountOf('x')
    expect(afterSecond.refresh).toBe(fake.lastRefreshToken('x'))
    expect(afterSecond.refresh).not.toBe(afterFirst.refresh)
  })

  it('the scheduler renews a token about to expire before it publishes with it', async () => {
    const before = await accountOf('x')
    await sql(`UPDATE network_accounts SET token_expires_at = now() + interval '1 minute' WHERE id = $1`, [before.id])
    const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Jeton à renouveler', format: 'post' } })
    await setWorkflowState(payload, item.id, 'approved')
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: {
        contentItem: item.id,
        platform: 'x',
        language: 'fr',
        text: 'Publié avec un jeton renouvelé',
        networkAccount: before.id,
        publicationState: 'scheduled',
        scheduledAt: new Date(Date.now() - 1000).toISOString(),
      },
    })
    await publishingScheduler(payload).tick()
    const after = await accountOf('x')
    expect((await payload.findByID({ collection: 'platform-variants', id: variant.id, overrideAccess: true })).publicationState).toBe('published')
    expect(after.access).not.toBe(before.access)
    expect(publishedWithTokens.at(-1)).toBe(after.access)
    expect(publishedWithTokens).not.toContain(before.access)
    near(after.tokenExpiresAt, Date.now() + 7200_000)
  })

  it('the inbox poll renews a token about to expire before it reads with it', async () => {
    const before = await accountOf('x')
    await sql(`UPDATE network_accounts SET token_expires_at = now() + interval '1 minute' WHERE id = $1`, [before.id])
    // X's API itself is a closed local port: the read fails, but only after the renewal.
    const runtime = createPublishingRuntime({ oauth, endpoints: { x: { baseUrl: 'http://127.0.0.1:9' } } }, cipher)
    const report = await pollInbox(payload, {
      variantsSlug: 'platform-variants',
      slaMinutes: defaultSlaMinutes,
      actions: { runtime, evidenceRetentionDays: 365 },
      lookbackDays: 7,
    })
    const after = await accountOf('x')
    expect(after.access).not.toBe(before.access)
    near(after.tokenExpiresAt, Date.now() + 7200_000)
    expect(after.status).not.toBe('needs_reconnect')
    expect(report.accounts).toBeGreaterThanOrEqual(1)
  })

  it('refreshAccountIfExpiring: nothing when the token is fresh, one refresh when two instances ask at once', async () => {
    const account = await accountOf('x')
    const calls = () => fake.requests.filter((request) => request.path === '/x/api/2/oauth2/token').length
    const callsBefore = calls()
    expect(await refreshAccountIfExpiring(payload, account.id, cipher, oauth)).toMatchObject({ status: 'not_needed' })
    expect(calls()).toBe(callsBefore)

    await sql('update network_accounts set token_expires_at = $1 where id = $2', [new Date(Date.now() + 2 * 60_000), account.id])
    const outcomes = await Promise.all([
      refreshAccountIfExpiring(payload, account.id, cipher, oauth),
      refreshAccountIfExpiring(payload, account.id, cipher, oauth),
    ])
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['not_needed', 'refreshed'])
    expect(calls()).toBe(callsBefore + 1)
    const after = await accountOf('x')
    expect(after.status).toBe('ok')
    expect(after.refresh).toBe(fake.lastRefreshToken('x'))
    near(after.tokenExpiresAt, Date.now() + 7200_000)
  })

  it('a revoked refresh token marks the account needs_reconnect with the reason', async () => {
    const account = await accountOf('x')
    fake.revokeRefreshTokens('x')
    const answer = await refreshViaApi(account.id, jwt.admin, 'en')
    expect(answer.status).toBe(400)
    expect(answer.json.errors[0].message).toBe('X refused the token refresh: Value passed for the token was invalid.')
    const after = await accountOf('x')
    expect(after).toMatchObject({ status: 'needs_reconnect', lastError: 'X refused the token refresh: Value passed for the token was invalid.' })
    expect(after.access).toBe(account.access)

    // Reconnecting clears it.
    await connectFlow('x')
    expect(await accountOf('x')).toMatchObject({ id: account.id, status: 'ok', lastError: null })
  })

  it('YouTube keeps its refresh token; TikTok and LinkedIn refresh too', async () => {
    const youtube = await accountOf('youtube')
    expect((await refreshViaApi(youtube.id)).status).toBe(200)
    const youtubeAfter = await accountOf('youtube')
    expect(youtubeAfter.access).not.toBe(youtube.access)
    expect(youtubeAfter.refresh).toBe(youtube.refresh)

    const tiktok = await accountOf('tiktok')
    expect((await refreshViaApi(tiktok.id)).status).toBe(200)
    const tiktokAfter = await accountOf('tiktok')
    expect(tiktokAfter.refresh).not.toBe(tiktok.refresh)
    expect(tiktokAfter.refresh).toBe(fake.lastRefreshToken('tiktok'))
    const tiktokForm = fake.requests.filter((request) => request.path === '/tiktok/api/v2/oauth/token/').at(-1)!.form
    expect(Object.fromEntries(tiktokForm)).toMatchObject({ grant_type: 'refresh_token', client_key: fakeClients.tiktok.id, refresh_token: tiktok.refresh })

    const linkedin = await accountOf('linkedin')
    expect((await refreshViaApi(linkedin.id)).status).toBe(200)
    expect((await accountOf('linkedin')).access).not.toBe(linkedin.access)
  })

  it('a network that is down changes nothing (502); Facebook and accounts without refresh tokens say why (400)', async () => {
    const youtube = await accountOf('youtube')
    fake.failNext({ path: '/google/token', status: 503, body: { error: 'backendError' } })
    const down = await refreshViaApi(youtube.id, jwt.admin, 'en')
    expect(down.status).toBe(502)
    expect(down.json.errors[0].message).toMatch(/could not be reached during the token refresh/)
    expect(await accountOf('youtube')).toMatchObject({ status: 'ok', access: youtube.access })

    const facebook = await accountOf('facebook')
    const noRefresh = await refreshViaApi(facebook.id, jwt.admin, 'en')
    expect(noRefresh.status).toBe(400)
    expect(noRefresh.json.errors[0].message).toMatch(/Page tokens do not expire/)

    await sql('update network_accounts set refresh_token_sealed = null where id = $1', [youtube.id])
    const missing = await refreshViaApi(youtube.id, jwt.admin, 'fr')
    expect(missing.status).toBe(400)
    expect(missing.json.errors[0].message).toMatch(/pas de jeton de renouvellement/)
  })

  it('a refresh token sealed with another key marks the account needs_reconnect', async () => {
    const tiktok = await accountOf('tiktok')
    const otherKey = createTokenCipher(randomBytes(32))
    await sql('update network_accounts set refresh_token_sealed = $1 where id = $2', [otherKey.encrypt('rft-elsewhere', tokenPurpose.refresh), tiktok.id])
    const answer = await refreshViaApi(tiktok.id, jwt.admin, 'en')
    expect(answer.status).toBe(400)
    expect(answer.json.errors[0].message).toMatch(/NETWORK_TOKEN_KEY/)
    expect(await accountOf('tiktok')).toMatchObject({ status: 'needs_reconnect' })
  })

  it('is for admins only', async () => {
    const account = await accountOf('linkedin')
    for (const role of ['cm', 'ncsc']) {
      const refused = await refreshViaApi(account.id, jwt[role]!)
      expect(refused.status).toBe(403)
    }
    const anonymous = await fetch(`${http.baseUrl}/api/network-accounts/${account.id}/refresh`, { method: 'POST' })
    expect(anonymous.status).toBe(401)
    expect((await refreshViaApi(999_999)).status).toBe(404)
  })
})

describe('the logs', () => {
  it('never received a token issued by the networks, nor an app secret', () => {
    const issued = fake.issuedTokens()
    expect(issued.length).toBeGreaterThan(20)
    payload.logger.debug({ msg: 'log capture probe' })
    const all = logs.lines.join('\n')
    expect(all).toContain('log capture probe')
    expect(all).toContain('network accounts connected')
    for (const token of issued) expect(all).not.toContain(token)
    for (const client of Object.values(fakeClients)) expect(all).not.toContain(client.secret)
  })
})
