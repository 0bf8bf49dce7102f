/**
 * A local stand-in for the networks' OAuth servers (docs/networks.md#facebook-login,
 * docs/networks.md#instagram-accounts-and-scopes, docs/networks.md#x-oauth,
 * docs/networks.md#linkedin-rest-headers-and-oauth, docs/networks.md#youtube-oauth,
 * docs/networks.md#tiktok-login-kit): the consent pages answer like a person who clicked "Allow"
 * (302 back to the redirect URI with a code and the state), and the token endpoints check what a
 * real one checks — client id and secret, redirect URI identical to the one given at consent,
 * single-use codes, the PKCE verifier against its S256 challenge, grant types — then the APIs that
 * list pages, channels and organizations.
 * Refresh tokens rotate on X and TikTok (the old one stops working), not on Google or LinkedIn.
 */
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeNetwork = 'meta' | 'x' | 'linkedin' | 'google' | 'tiktok'

export const fakeClients: Record<FakeNetwork, { id: string; secret: string }> = {
  meta: { id: 'meta-app-1234', secret: 'meta-app-secret-5678' },
  x: { id: 'x-client-id-abcd', secret: 'x-client-secret-efgh' },
  linkedin: { id: 'linkedin-client-77', secret: 'linkedin-secret-88' },
  google: { id: 'google-client.apps.googleusercontent.com', secret: 'google-secret-99' },
  tiktok: { id: 'tiktok-client-key-11', secret: 'tiktok-secret-22' },
}

export type RecordedRequest = {
  network: FakeNetwork
  method: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  form: URLSearchParams
}

export type ScriptedFailure = { path: string | RegExp; status: number; body?: unknown; times?: number }

export type FakePage = { id: string; name: string; instagram?: { id: string; username: string } }

type IssuedCode = {
  network: FakeNetwork
  clientId: string
  redirectUri: string
  scope: string
  codeChallenge?: string
  used: boolean
}

type RefreshGrant = { network: FakeNetwork; valid: boolean; scope: string }

export type FakeOAuthServer = {
  baseUrl: string
  /** Environment variables pointing Badil at this server, with the fake apps' credentials. */
  env: Record<string, string>
  requests: RecordedRequest[]
  /** Pages of the Facebook user (each may carry an Instagram professional account). */
  pages: FakePage[]
  /** Items per page of `/me/accounts`, to exercise `paging.next`. */
  pageSize: number
  /** Permissions the Facebook user unticks in the dialog. */
  declinedPermissions: string[]
  /** LinkedIn issues refresh tokens only to approved apps. */
  linkedinIssuesRefreshTokens: boolean
  /** The next consent is refused by the person. */
  denyNextConsent: boolean
  failNext(failure: ScriptedFailure): void
  /** Follows the consent page like a browser: the URL the network redirects back to. */
  consent(authorizeUrl: string): Promise<string>
  /** Every access token issued and still valid. */
  isValidAccessToken(token: string): boolean
  lastAccessToken(network: FakeNetwork): string | undefined
  lastRefreshToken(network: FakeNetwork): string | undefined
  /** Every access and refresh token this server ever issued (to search logs for them). */
  issuedTokens(): string[]
  revokeRefreshTokens(network: FakeNetwork): void
  close(): Promise<void>
}

function token(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

export async function startOAuthFake(): Promise<FakeOAuthServer> {
  const codes = new Map<string, IssuedCode>()
  const accessTokens = new Map<string, FakeNetwork>()
  const refreshTokens = new Map<string, RefreshGrant>()
  const lastAccess = new Map<FakeNetwork, string>()
  const lastRefresh = new Map<FakeNetwork, string>()
  // Facebook's short- and long-lived user tokens, and which scopes the person granted.
  const metaUserTokens = new Map<string, { kind: 'short' | 'long'; scope: string }>()
  const failures: ScriptedFailure[] = []
  let baseUrl = ''

  const fake: FakeOAuthServer = {
    baseUrl: '',
    env: {},
    requests: [],
    pages: [
      { id: '104857600000000001', name: 'Badil — بديل', instagram: { id: '17841400000000001', username: 'badil.ma' } },
      { id: '104857600000000002', name: 'Badil Darija' },
      { id: '104857600000000003', name: 'Badil Événements', instagram: { id: '17841400000000003', username: 'badil.events' } },
    ],
    pageSize: 2,
    declinedPermissions: [],
    linkedinIssuesRefreshTokens: true,
    denyNextConsent: false,
    failNext: (failure) => failures.push({ times: 1, ...failure }),
    async consent(authorizeUrl) {
      const response = await fetch(authorizeUrl, { redirect: 'manual' })
      const location = response.headers.get('location')
      if (response.status !== 302 || !location) throw new Error(`consent page answered ${response.status}: ${await response.text()}`)
      return location
    },
    isValidAccessToken: (value) => accessTokens.has(value),
    lastAccessToken: (network) => lastAccess.get(network),
    lastRefreshToken: (network) => lastRefresh.get(network),
    issuedTokens: () => [...accessTokens.keys(), ...refreshTokens.keys(), ...metaUserTokens.keys()],
    revokeRefreshTokens(network) {
      for (const grant of refreshTokens.values()) if (grant.network === network) grant.valid = false
    },
    close: async () => undefined,
  }

  const issueAccess = (network: FakeNetwork, prefix: string) => {
    const value = token(prefix)
    accessTokens.set(value, network)
    lastAccess.set(network, value)
    return value
  }
  const issueRefresh = (network: FakeNetwork, prefix: string, scope: string) => {
    const value = token(prefix)
    refreshTokens.set(value, { network, valid: true, scope })
    lastRefresh.set(network, value)
    return value
  }

  type Reply = { status: number; body?: unknown; location?: string }
  const json = (status: number, body: unknown): Reply => ({ status, body })

  /** The consent page: checks the request, then "the person clicks Allow". */
  function consentPage(network: FakeNetwork, query: URLSearchParams, expected: Record<string, string | RegExp>): Reply {
    const clientId = query.get(network === 'tiktok' ? 'client_key' : 'client_id')
    const redirectUri = query.get('redirect_uri')
    const state = query.get('state')
    if (clientId !== fakeClients[network].id) return json(400, { error: 'invalid_client', error_description: `unknown client ${clientId}` })
    if (!redirectUri || !URL.canParse(redirectUri)) return json(400, { error: 'invalid_request', error_description: 'redirect_uri missing' })
    if (!state) return json(400, { error: 'invalid_request', error_description: 'state missing' })
    for (const [name, rule] of Object.entries(expected)) {
      const value = query.get(name) ?? ''
      if (typeof rule === 'string' ? value !== rule : !rule.test(value)) {
        return json(400, { error: 'invalid_request', error_description: `${name}=${value} is not what this server expects` })
      }
    }
    const back = new URL(redirectUri)
    back.searchParams.set('state', state)
    if (fake.denyNextConsent) {
      fake.denyNextConsent = false
      back.searchParams.set('error', 'access_denied')
      back.searchParams.set('error_description', 'The user denied the request')
      return { status: 302, location: back.toString() }
    }
    const code = token(`code-${network}`)
    codes.set(code, {
      network,
      clientId,
      redirectUri,
      scope: query.get('scope') ?? '',
      codeChallenge: query.get('code_challenge') ?? undefined,
      used: false,
    })
    back.searchParams.set('code', code)
    return { status: 302, location: back.toString() }
  }

  /** Checks a code exchange like the network does; answers the code's record or an error reply. */
  function takeCode(network: FakeNetwork, code: string | null, redirectUri: string | null, clientId: string | null): IssuedCode | Reply {
    const issued = code ? codes.get(code) : undefined
    if (!issued || issued.network !== network) return json(400, { error: 'invalid_grant', error_description: 'Invalid authorization code.' })
    if (issued.used) return json(400, { error: 'invalid_grant', error_description: 'Authorization code already used.' })
    if (issued.clientId !== clientId) return json(400, { error: 'invalid_grant', error_description: 'Code issued to another client.' })
    if (issued.redirectUri !== redirectUri)
      return json(400, { error: 'invalid_grant', error_description: 'redirect_uri does not match the authorization request.' })
    issued.used = true
    return issued
  }
  const isReply = (value: IssuedCode | Reply): value is Reply => 'status' in value

  const bearer = (headers: http.IncomingHttpHeaders) => /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1]

  function graphError(message: string, code: number, status = 400): Reply {
    return json(status, { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123' } })
  }

  function meta(method: string, path: string, query: URLSearchParams, headers: http.IncomingHttpHeaders): Reply {
    if (path === '/meta/dialog/oauth' && method === 'GET') {
      return consentPage('meta', query, { response_type: 'code', scope: /^[a-z_]+(,[a-z_]+)*$/ })
    }
    if (path === '/meta/graph/oauth/access_token' && method === 'GET') {
      if (query.get('client_id') !== fakeClients.meta.id || query.get('client_secret') !== fakeClients.meta.secret) {
        return graphError('Error validating client secret.', 1)
      }
      if (query.get('grant_type') === 'fb_exchange_token') {
        const short = metaUserTokens.get(query.get('fb_exchange_token') ?? '')
        if (!short || short.kind !== 'short') return graphError('Invalid OAuth access token.', 190)
        const long = issueAccess('meta', 'fb-long-user')
        metaUserTokens.set(long, { kind: 'long', scope: short.scope })
        return json(200, { access_token: long, token_type: 'bearer', expires_in: 5_184_000 })
      }
      const issued = takeCode('meta', query.get('code'), query.get('redirect_uri'), query.get('client_id'))
      if (isReply(issued)) return graphError(String((issued.body as { error_description: string }).error_description), 100)
      const short = issueAccess('meta', 'fb-short-user')
      metaUserTokens.set(short, { kind: 'short', scope: issued.scope })
      return json(200, { access_token: short, token_type: 'bearer', expires_in: 7_200 })
    }
    const user = metaUserTokens.get(bearer(headers) ?? '')
    if (!user) return graphError('Invalid OAuth access token.', 190, 401)
    if (path === '/meta/graph/me/permissions' && method === 'GET') {
      const asked = user.scope.split(',')
      return json(200, {
        data: asked.map((permission) => ({ permission, status: fake.declinedPermissions.includes(permission) ? 'declined' : 'granted' })),
      })
    }
    if (path === '/meta/graph/me/accounts' && method === 'GET') {
      const fields = query.get('fields') ?? ''
      if (!fields.includes('access_token')) return graphError('fields must include access_token', 100)
      const withInstagram = fields.includes('instagram_business_account{id,username')
      const offset = Number(query.get('after') ?? '0')
      const slice = fake.pages.slice(offset, offset + fake.pageSize)
      const data = slice.map((page) => ({
        id: page.id,
        name: page.name,
        access_token: issueAccess('meta', `fb-page-${page.id}`),
        tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
        ...(withInstagram && page.instagram ? { instagram_business_account: { id: page.instagram.id, username: page.instagram.username } } : {}),
      }))
      const nextOffset = offset + fake.pageSize
      const next = nextOffset < fake.pages.length ? new URL(`${baseUrl}/meta/graph/me/accounts`) : undefined
      if (next) {
        for (const [name, value] of query) next.searchParams.set(name, value)
        next.searchParams.set('after', String(nextOffset))
      }
      return json(200, { data, paging: { cursors: { before: 'b', after: 'a' }, ...(next ? { next: next.toString() } : {}) } })
    }
    return graphError(`Unknown path ${path}`, 100, 404)
  }

  /** HTTP Basic client authentication as RFC 6749 (2.3.1) reads it: each part form-decoded. */
  function sameBasicCredentials(header: string | undefined, client: { id: string; secret: string }): boolean {
    const match = /^Basic (.+)$/.exec(header ?? '')
    if (!match) return false
    const [id, secret, ...rest] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':')
    const formDecode = (value: string | undefined) => decodeURIComponent((value ?? '').replace(/\+/g, ' '))
    return rest.length === 0 && formDecode(id) === client.id && formDecode(secret) === client.secret
  }

  function x(method: string, path: string, query: URLSearchParams, headers: http.IncomingHttpHeaders, form: URLSearchParams): Reply {
    if (path === '/x/i/oauth2/authorize' && method === 'GET') {
      return consentPage('x', query, {
        response_type: 'code',
        code_challenge_method: 'S256',
        code_challenge: /^[A-Za-z0-9_-]{43}$/,
        scope: /(^| )offline\.access( |$)/,
      })
    }
    if (path === '/x/api/2/oauth2/token' && method === 'POST') {
      if (!sameBasicCredentials(headers.authorization, fakeClients.x))
        return json(401, { error: 'unauthorized_client', error_description: 'Missing valid authorization header' })
      if ((headers['content-type'] ?? '').split(';')[0]!.trim() !== 'application/x-www-form-urlencoded')
        return json(400, { error: 'invalid_request', error_description: 'form body expected' })
      const grantType = form.get('grant_type')
      if (grantType === 'authorization_code') {
        const issued = takeCode('x', form.get('code'), form.get('redirect_uri'), form.get('client_id'))
        if (isReply(issued)) return issued
        const verifier = form.get('code_verifier') ?? ''
        if (!issued.codeChallenge || s256(verifier) !== issued.codeChallenge) {
          return json(400, { error: 'invalid_request', error_description: 'Value passed for the code verifier did not match the code challenge.' })
        }
        return json(200, {
          token_type: 'bearer',
          expires_in: 7200,
          access_token: issueAccess('x', 'x-access'),
          scope: issued.scope,
          refresh_token: issueRefresh('x', 'x-refresh', issued.scope),
        })
      }
      if (grantType === 'refresh_token') {
        const grant = refreshTokens.get(form.get('refresh_token') ?? '')
        if (!grant || grant.network !== 'x' || !grant.valid) {
          return json(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' })
        }
        // Rotation: the refresh token just used is spent.
        grant.valid = false
        return json(200, {
          token_type: 'bearer',
          expires_in: 7200,
          access_token: issueAccess('x', 'x-access'),
          scope: grant.scope,
          refresh_token: issueRefresh('x', 'x-refresh', grant.scope),
        })
      }
      return json(400, { error: 'unsupported_grant_type', error_description: `grant_type ${grantType}` })
    }
    if (path === '/x/api/2/users/me' && method === 'GET') {
      if (accessTokens.get(bearer(headers) ?? '') !== 'x') return json(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' })
      return json(200, { data: { id: '1445880548472328192', name: 'Badil', username: 'badil_ma' } })
    }
    return json(404, { title: 'Not Found', status: 404 })
  }

  function linkedin(method: string, path: string, query: URLSearchParams, headers: http.IncomingHttpHeaders, form: URLSearchParams): Reply {
    if (path === '/linkedin/oauth/v2/authorization' && method === 'GET') {
      return consentPage('linkedin', query, { response_type: 'code', scope: /w_organization_social/ })
    }
    if (path === '/linkedin/oauth/v2/accessToken' && method === 'POST') {
      if (form.get('client_id') !== fakeClients.linkedin.id || form.get('client_secret') !== fakeClients.linkedin.secret) {
        return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' })
      }
      const grantType = form.get('grant_type')
      let scope: string
      if (grantType === 'authorization_code') {
        const issued = takeCode('linkedin', form.get('code'), form.get('redirect_uri'), form.get('client_id'))
        if (isReply(issued)) return issued
        scope = issued.scope.split(' ').join(',')
      } else if (grantType === 'refresh_token') {
        const grant = refreshTokens.get(form.get('refresh_token') ?? '')
        if (!grant || grant.network !== 'linkedin' || !grant.valid) {
          return json(400, { error: 'invalid_grant', error_description: 'The provided authorization grant or refresh token is invalid, expired or revoked.' })
        }
        return json(200, {
          access_token: issueAccess('linkedin', 'li-access'),
          expires_in: 5_184_000,
          refresh_token: form.get('refresh_token'),
          refresh_token_expires_in: 31_000_000,
          scope: grant.scope,
        })
      } else {
        return json(400, { error: 'unsupported_grant_type', error_description: `grant_type ${grantType}` })
      }
      return json(200, {
        access_token: issueAccess('linkedin', 'li-access'),
        expires_in: 5_184_000,
        scope,
        ...(fake.linkedinIssuesRefreshTokens ? { refresh_token: issueRefresh('linkedin', 'li-refresh', scope), refresh_token_expires_in: 31_536_000 } : {}),
      })
    }
    if (path.startsWith('/linkedin/api/rest/') && method === 'GET') {
      if (accessTokens.get(bearer(headers) ?? '') !== 'linkedin')
        return json(401, { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' })
      if (!/^\d{6}$/.test(String(headers['linkedin-version'])) || headers['x-restli-protocol-version'] !== '2.0.0') {
        return json(400, { status: 400, message: 'LinkedIn-Version and X-Restli-Protocol-Version headers are required' })
      }
      if (path === '/linkedin/api/rest/organizationAcls' && query.get('q') === 'roleAssignee') {
        return json(200, {
          elements: [
            { organization: 'urn:li:organization:2414183', role: 'ADMINISTRATOR', state: 'APPROVED', roleAssignee: 'urn:li:person:Xa1' },
            { organization: 'urn:li:organization:5515715', role: 'ANALYST', state: 'APPROVED', roleAssignee: 'urn:li:person:Xa1' },
          ],
          paging: { count: 100, start: 0, links: [] },
        })
      }
      if (path === '/linkedin/api/rest/organizations/2414183') return json(200, { id: 2414183, localizedName: 'Badil Maroc' })
    }
    return json(404, { status: 404, message: 'Not found' })
  }

  function google(method: string, path: string, query: URLSearchParams, headers: http.IncomingHttpHeaders, form: URLSearchParams): Reply {
    if (path === '/google/auth' && method === 'GET') {
      return consentPage('google', query, {
        response_type: 'code',
        access_type: 'offline',
        prompt: 'consent',
        scope: /https:\/\/www\.googleapis\.com\/auth\/youtube\.upload/,
      })
    }
    if (path === '/google/token' && method === 'POST') {
      if (form.get('client_id') !== fakeClients.google.id || form.get('client_secret') !== fakeClients.google.secret) {
        return json(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' })
      }
      const grantType = form.get('grant_type')
      if (grantType === 'authorization_code') {
        const issued = takeCode('google', form.get('code'), form.get('redirect_uri'), form.get('client_id'))
        if (isReply(issued)) return json(400, { error: 'invalid_grant', error_description: 'Malformed auth code.' })
        return json(200, {
          access_token: issueAccess('google', 'ya29'),
          expires_in: 3599,
          refresh_token: issueRefresh('google', '1//google-refresh', issued.scope),
          scope: issued.scope,
          token_type: 'Bearer',
        })
      }
      if (grantType === 'refresh_token') {
        const grant = refreshTokens.get(form.get('refresh_token') ?? '')
        if (!grant || grant.network !== 'google' || !grant.valid)
          return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })
        // Google keeps the refresh token: none in the answer.
        return json(200, { access_token: issueAccess('google', 'ya29'), expires_in: 3599, scope: grant.scope, token_type: 'Bearer' })
      }
      return json(400, { error: 'unsupported_grant_type' })
    }
    if (path === '/google/api/youtube/v3/channels' && method === 'GET') {
      if (accessTokens.get(bearer(headers) ?? '') !== 'google')
        return json(401, { error: { code: 401, message: 'Request had invalid authentication credentials.' } })
      if (query.get('mine') !== 'true' || !(query.get('part') ?? '').includes('snippet'))
        return json(400, { error: { code: 400, message: 'mine=true&part=snippet expected' } })
      return json(200, {
        kind: 'youtube#channelListResponse',
        items: [{ kind: 'youtube#channel', id: 'UCbadil0000000000000000a', snippet: { title: 'Badil TV' } }],
      })
    }
    return json(404, { error: { code: 404, message: 'Not found' } })
  }

  function tiktok(method: string, path: string, query: URLSearchParams, headers: http.IncomingHttpHeaders, form: URLSearchParams): Reply {
    if (path === '/tiktok/v2/auth/authorize/' && method === 'GET') {
      return consentPage('tiktok', query, { response_type: 'code', scope: /^[a-z.]+(,[a-z.]+)*$/ })
    }
    if (path === '/tiktok/api/v2/oauth/token/' && method === 'POST') {
      // TikTok answers token errors with HTTP 200 and an `error` field.
      if (form.get('client_key') !== fakeClients.tiktok.id || form.get('client_secret') !== fakeClients.tiktok.secret) {
        return json(200, { error: 'invalid_client', error_description: 'Client key or secret is incorrect.', log_id: 'log-1' })
      }
      const grantType = form.get('grant_type')
      if (grantType === 'authorization_code') {
        const issued = codes.get(form.get('code') ?? '')
        const taken = takeCode('tiktok', form.get('code'), form.get('redirect_uri'), form.get('client_key'))
        if (isReply(taken) || !issued) return json(200, { error: 'invalid_grant', error_description: 'Authorization code is expired.', log_id: 'log-2' })
        return json(200, {
          access_token: issueAccess('tiktok', 'act'),
          expires_in: 86_400,
          open_id: '-000badilOpenId',
          refresh_expires_in: 31_536_000,
          refresh_token: issueRefresh('tiktok', 'rft', issued.scope),
          scope: issued.scope,
          token_type: 'Bearer',
        })
      }
      if (grantType === 'refresh_token') {
        const grant = refreshTokens.get(form.get('refresh_token') ?? '')
        if (!grant || grant.network !== 'tiktok' || !grant.valid) {
          return json(200, { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: 'log-3' })
        }
        grant.valid = false
        return json(200, {
          access_token: issueAccess('tiktok', 'act'),
          expires_in: 86_400,
          open_id: '-000badilOpenId',
          refresh_expires_in: 31_536_000,
          refresh_token: issueRefresh('tiktok', 'rft', grant.scope),
          scope: grant.scope,
          token_type: 'Bearer',
        })
      }
      return json(200, { error: 'unsupported_grant_type', error_description: String(grantType), log_id: 'log-4' })
    }
    if (path === '/tiktok/api/v2/user/info/' && method === 'GET') {
      if (accessTokens.get(bearer(headers) ?? '') !== 'tiktok') {
        return json(401, {
          data: {},
          error: { code: 'access_token_invalid', message: 'The access token is invalid or not found in the request.', log_id: 'log-5' },
        })
      }
      return json(200, {
        data: { user: { open_id: '-000badilOpenId', display_name: 'Badil بديل' } },
        error: { code: 'ok', message: '', log_id: 'log-6' },
      })
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' } })
  }

  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const url = new URL(incoming.url ?? '/', baseUrl)
    const method = incoming.method ?? 'GET'
    const path = url.pathname
    const network = path.split('/')[1] as FakeNetwork
    const form = new URLSearchParams(
      (incoming.headers['content-type'] ?? '').split(';')[0]!.trim() === 'application/x-www-form-urlencoded' ? Buffer.concat(chunks).toString('utf8') : '',
    )
    fake.requests.push({ network, method, path, query: url.searchParams, headers: incoming.headers, form })

    let reply: Reply
    const failure = failures.find((entry) => (typeof entry.path === 'string' ? entry.path === path : entry.path.test(path)))
    if (failure) {
      failure.times = (failure.times ?? 1) - 1
      if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1)
      reply = { status: failure.status, body: failure.body }
    } else if (network === 'meta') reply = meta(method, path, url.searchParams, incoming.headers)
    else if (network === 'x') reply = x(method, path, url.searchParams, incoming.headers, form)
    else if (network === 'linkedin') reply = linkedin(method, path, url.searchParams, incoming.headers, form)
    else if (network === 'google') reply = google(method, path, url.searchParams, incoming.headers, form)
    else if (network === 'tiktok') reply = tiktok(method, path, url.searchParams, incoming.headers, form)
    else reply = json(404, { error: 'unknown fake network' })

    outgoing.statusCode = reply.status
    if (reply.location) outgoing.setHeader('Location', reply.location)
    if (reply.body !== undefined) {
      outgoing.setHeader('Content-Type', 'application/json; charset=UTF-8')
      outgoing.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))
    } else {
      outgoing.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.baseUrl = baseUrl
  fake.env = {
    FACEBOOK_APP_ID: fakeClients.meta.id,
    FACEBOOK_APP_SECRET: fakeClients.meta.secret,
    FACEBOOK_OAUTH_URL: `${baseUrl}/meta/dialog/oauth`,
    FACEBOOK_GRAPH_URL: `${baseUrl}/meta/graph`,
    X_CLIENT_ID: fakeClients.x.id,
    X_CLIENT_SECRET: fakeClients.x.secret,
    X_OAUTH_URL: `${baseUrl}/x/i/oauth2/authorize`,
    X_API_URL: `${baseUrl}/x/api`,
    LINKEDIN_CLIENT_ID: fakeClients.linkedin.id,
    LINKEDIN_CLIENT_SECRET: fakeClients.linkedin.secret,
    LINKEDIN_OAUTH_URL: `${baseUrl}/linkedin/oauth/v2`,
    LINKEDIN_API_URL: `${baseUrl}/linkedin/api`,
    GOOGLE_CLIENT_ID: fakeClients.google.id,
    GOOGLE_CLIENT_SECRET: fakeClients.google.secret,
    GOOGLE_OAUTH_URL: `${baseUrl}/google/auth`,
    GOOGLE_TOKEN_URL: `${baseUrl}/google/token`,
    YOUTUBE_API_URL: `${baseUrl}/google/api`,
    TIKTOK_CLIENT_KEY: fakeClients.tiktok.id,
    TIKTOK_CLIENT_SECRET: fakeClients.tiktok.secret,
    TIKTOK_OAUTH_URL: `${baseUrl}/tiktok/v2/auth/authorize/`,
    TIKTOK_API_URL: `${baseUrl}/tiktok/api`,
  }
  fake.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections()
      server.close((error) => (error ? reject(error) : resolve()))
    })
  return fake
}
