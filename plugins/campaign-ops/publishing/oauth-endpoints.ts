import type { Endpoint, Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import { advisoryLockSpaces } from '../../../src/infra/locks'
import { useOnce } from '../../../src/infra/single-use'
import { defineEndpoint, refuse } from '../../../src/infra/endpoint'
import { isNetwork, networkLabels, networks } from '../networks/registry'
import type { Network } from '../networks/registry'
import { networkAccountsSlug, tokenPurpose } from './network-accounts-collection'
import { oauthProviders } from '../networks/oauth'
import { withSessionLock } from './session-lock'
import { OAuthError } from '../networks/oauth/types'
import type { ConnectedAccount, NetworkOAuthSettings, OAuthCallContext, OAuthConfig, TokenSet } from '../networks/oauth/types'
import { createStateCodec, oauthStateLifetimeMs, sameSecretString } from '../networks/oauth/state'
import { createPkcePair } from '../networks/oauth/token-endpoint'
import type { StateProblem } from '../networks/oauth/state'
import { TokenDecryptionError } from './token-crypto'
import type { TokenCipher } from './token-crypto'
import type { AdminLanguage, Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

/**
 * Connecting network accounts with OAuth, and renewing their tokens:
 * - `GET  /api/network-accounts/oauth/:network/connect`  (admin) → 302 to the network's consent page;
 * - `GET  /api/network-accounts/oauth/:network/callback` → tokens sealed into the accounts, 302 to the admin;
 * - `POST /api/network-accounts/:id/refresh`             (admin) → a new access token from the refresh token.
 * Payload routes `/api/network-accounts/…` to the collection's own endpoints, so these are
 * collection endpoints (paths relative to the collection); the plugin adds them to the collection.
 */

export type OAuthEndpointOptions = {
  cipher: TokenCipher
  oauth: OAuthConfig
  now?: () => Date
}

/** How close to its expiry a token is renewed before a publication. */
export const refreshWindowMs = 5 * 60_000

const defaultTimeoutMs = 15_000

const text = {
  signIn: pluginText('oauth:signIn'),
  adminOnly: pluginText('oauth:adminOnly'),
  otherBrowser: pluginText('oauth:otherBrowser'),
  stateUsed: pluginText('oauth:stateUsed'),
  otherAdmin: pluginText('oauth:otherAdmin'),
  missingCode: pluginText('oauth:missingCode'),
  notFound: pluginText('oauth:notFound'),
  manualAccount: pluginText('oauth:manualAccount'),
  unreadableToken: pluginText('oauth:unreadableToken'),
} satisfies Record<string, Localized>

const stateText = (problem: StateProblem): Localized => pluginText(`oauthState:${problem}`)

function unknownNetwork(value: string): Localized {
  return pluginText('oauth:unknownNetwork', { value, list: networks.join(', ') })
}

function notConfigured(network: Network): Localized {
  const [id, secret] = oauthProviders[network].credentialVariables
  return pluginText('oauth:notConfigured', { network: networkLabels[network], id, secret })
}

function deniedByUser(network: Network, detail: string): Localized {
  return pluginText('oauth:deniedByUser', { network: networkLabels[network], detail })
}

function noRefresh(network: Network): Localized {
  return pluginText(oauthProviders[network].refreshes ? 'oauth:noRefreshToken' : 'oauth:noRefresh', { network: networkLabels[network] })
}

const noStore = { 'Cache-Control': 'no-store' }

function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' })
  if (cookie) headers.append('Set-Cookie', cookie)
  return new Response(null, { status: 302, headers })
}

/**
 * The cookie binding a connection to the browser that started it. The network's redirect back is
 * a cross-site navigation, on which Payload ignores its session cookie; this SameSite=Lax cookie
 * is still sent, so a `state` leaked elsewhere cannot be completed from another browser.
 */
function bindingCookieName(network: Network): string {
  return `badil-oauth-${network}`
}

function bindingCookie(req: PayloadRequest, network: Network, baseUrl: string, value: string, maxAgeSeconds: number): string {
  const path = `${req.payload.config.routes.api}/${networkAccountsSlug}/oauth/${network}`
  const secure = baseUrl.startsWith('https:') ? '; Secure' : ''
  return `${bindingCookieName(network)}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`
}

function readCookie(req: PayloadRequest, name: string): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim()
  }
  return undefined
}

/** A person's browser navigating (the network's redirect), as opposed to a script or a test client. */
function fromBrowser(req: PayloadRequest): boolean {
  return (req.headers.get('accept') ?? '').includes('text/html')
}

function collectionAdminPath(req: PayloadRequest): string {
  return `${req.payload.config.routes.admin.replace(/\/+$/, '')}/collections/${networkAccountsSlug}`
}

function publicBaseUrl(req: PayloadRequest, config: OAuthConfig): string {
  const configured = config.serverUrl || req.payload.config.serverURL
  return (configured || new URL(req.url ?? 'http://localhost').origin).replace(/\/+$/, '')
}

/** The redirect URI to register at each network; the same string must be sent at both steps. */
export function oauthRedirectUri(baseUrl: string, apiRoute: string, network: Network): string {
  return `${baseUrl.replace(/\/+$/, '')}${apiRoute}/${networkAccountsSlug}/oauth/${network}/callback`
}

type ConfiguredSettings = NetworkOAuthSettings & { clientId: string; clientSecret: string }

function configuredSettings(config: OAuthConfig, network: Network): ConfiguredSettings | undefined {
  const settings = config.networks[network]
  return settings?.clientId && settings.clientSecret ? (settings as ConfiguredSettings) : undefined
}

function callContext(config: OAuthConfig, network: Network, settings: ConfiguredSettings, redirectUri: string, now: () => Date): OAuthCallContext {
  return {
    network,
    settings,
    redirectUri,
    fetch: config.fetch ?? globalThis.fetch,
    timeoutMs: config.timeoutMs ?? defaultTimeoutMs,
    now,
  }
}

type StoredAccount = {
  id: number
  network: Network
  connection: 'api' | 'manual'
  name: string
  accountId: string
  status?: string | null
  tokenExpiresAt?: string | null
  refreshTokenSealed?: string | null
}

async function findAccount(payload: Payload, network: Network, accountId: string): Promise<StoredAccount | undefined> {
  const { docs } = await payload.find({
    collection: networkAccountsSlug,
    where: { and: [{ network: { equals: network } }, { accountId: { equals: accountId } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0] as StoredAccount | undefined
}

/** Creates or updates the account (network, accountId) with freshly sealed tokens. */
export async function upsertConnectedAccount(
  payload: Payload,
  network: Network,
  account: ConnectedAccount,
  cipher: TokenCipher,
  options: { language?: AdminLanguage; now?: Date } = {},
): Promise<{ id: number; created: boolean }> {
  const language = options.language ?? 'fr'
  const data = {
    network,
    connection: 'api' as const,
    name: account.name,
    accountId: account.accountId,
    accessTokenSealed: cipher.encrypt(account.accessToken, tokenPurpose.access),
    // A new grant: a refresh token of the previous one is not kept.
    refreshTokenSealed: account.refreshToken ? cipher.encrypt(account.refreshToken, tokenPurpose.refresh) : null,
    tokenExpiresAt: account.expiresAt ? account.expiresAt.toISOString() : null,
    scopes: account.scopes.length ? account.scopes.join(' ') : null,
    status: 'ok' as const,
    lastError: account.warning ? account.warning[language] : null,
    connectedAt: (options.now ?? new Date()).toISOString(),
  }
  const existing = await findAccount(payload, network, account.accountId)
  if (existing) {
    await payload.update({ collection: networkAccountsSlug, id: existing.id, data, overrideAccess: true, depth: 0 })
    return { id: existing.id, created: false }
  }
  const created = await payload.create({ collection: networkAccountsSlug, data, overrideAccess: true, depth: 0 })
  return { id: created.id, created: true }
}

// ------------------------------------------------------------------------------------------------
// Refresh

export type RefreshOutcome =
  /** The token is valid beyond the refresh window (or does not expire). */
  | { status: 'not_needed'; expiresAt: Date | null }
  | { status: 'refreshed'; expiresAt: Date | null }
  /** No refresh possible: network without refresh tokens, none stored, manual account, app not configured. */
  | { status: 'not_refreshable'; reason: Localized }
  /** The network refused the refresh token (or it cannot be decrypted): the account is marked needs_reconnect. */
  | { status: 'needs_reconnect'; reason: Localized }
  /** Transient or unexpected failure; the account is unchanged. */
  | { status: 'failed'; reason: Localized }
  | { status: 'not_found' }

/**
 * Runs `work` while holding the account's refresh lock. X rotates refresh tokens: two instances
 * refreshing at once would spend the same token twice and the loser would wrongly see a revoked
 * grant, so refreshes of one account take turns across every instance.
 */
async function withRefreshLock<T>(payload: Payload, accountId: number, work: () => Promise<T>): Promise<T> {
  const outcome = await withSessionLock(payload, { space: advisoryLockSpaces.tokenRefresh, key: accountId, wait: true }, work)
  if (!outcome.locked) throw new Error('A waiting advisory lock is always taken')
  return outcome.value
}

async function markNeedsReconnect(payload: Payload, id: number, reason: Localized, language: AdminLanguage): Promise<void> {
  await payload.update({
    collection: networkAccountsSlug,
    id,
    data: { status: 'needs_reconnect', lastError: reason[language] },
    overrideAccess: true,
    depth: 0,
  })
}

type RefreshOptions = {
  /** Only refresh when the token expires within `refreshWindowMs` (the scheduler's call). */
  onlyIfExpiring: boolean
  language?: AdminLanguage
  now?: () => Date
  /** Public base URL for the redirect URI (some networks check it on refresh too). */
  baseUrl?: string
}

async function refreshAccount(payload: Payload, id: number, cipher: TokenCipher, config: OAuthConfig, options: RefreshOptions): Promise<RefreshOutcome> {
  const now = options.now ?? (() => new Date())
  const language = options.language ?? 'fr'
  return withRefreshLock(payload, id, async () => {
    // Read after taking the lock: another instance may have refreshed (and rotated) meanwhile.
    const account = (await payload.findByID({
      collection: networkAccountsSlug,
      id,
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      disableErrors: true,
    })) as StoredAccount | null
    if (!account) return { status: 'not_found' }
    const expiresAt = account.tokenExpiresAt ? new Date(account.tokenExpiresAt) : null
    if (options.onlyIfExpiring && (!expiresAt || expiresAt.getTime() - now().getTime() > refreshWindowMs)) {
      return { status: 'not_needed', expiresAt }
    }
    if (account.connection === 'manual') return { status: 'not_refreshable', reason: text.manualAccount }
    const provider = oauthProviders[account.network]
    if (!provider.refresh || !account.refreshTokenSealed) return { status: 'not_refreshable', reason: noRefresh(account.network) }
    const settings = configuredSettings(config, account.network)
    if (!settings) return { status: 'not_refreshable', reason: notConfigured(account.network) }

    let refreshToken: string
    try {
      refreshToken = cipher.decrypt(account.refreshTokenSealed, tokenPurpose.refresh)
    } catch (error) {
      if (!(error instanceof TokenDecryptionError)) throw error
      await markNeedsReconnect(payload, id, text.unreadableToken, language)
      return { status: 'needs_reconnect', reason: text.unreadableToken }
    }

    const baseUrl = (options.baseUrl ?? config.serverUrl ?? payload.config.serverURL ?? '').replace(/\/+$/, '')
    const context = callContext(config, account.network, settings, oauthRedirectUri(baseUrl, payload.config.routes.api, account.network), now)
    let tokens: TokenSet
    try {
      tokens = await provider.refresh(refreshToken, context)
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      payload.logger.warn({ msg: 'network account token refresh failed', network: account.network, account: id, kind: error.kind, reason: error.message })
      if (error.kind === 'auth') {
        await markNeedsReconnect(payload, id, error.reason, language)
        return { status: 'needs_reconnect', reason: error.reason }
      }
      return { status: 'failed', reason: error.reason }
    }
    await payload.update({
      collection: networkAccountsSlug,
      id,
      overrideAccess: true,
      depth: 0,
      data: {
        accessTokenSealed: cipher.encrypt(tokens.accessToken, tokenPurpose.access),
        // Rotating networks (X, TikTok) send a new refresh token; the old one is already spent.
        ...(tokens.refreshToken ? { refreshTokenSealed: cipher.encrypt(tokens.refreshToken, tokenPurpose.refresh) } : {}),
        tokenExpiresAt: tokens.expiresAt ? tokens.expiresAt.toISOString() : null,
        ...(tokens.scopes.length ? { scopes: tokens.scopes.join(' ') } : {}),
        // A refresh proves the grant; a rate limit is another matter and stays.
        ...(account.status === 'needs_reconnect' ? { status: 'ok' as const } : {}),
        lastError: null,
      },
    })
    payload.logger.info({ msg: 'network account token refreshed', network: account.network, account: id })
    return { status: 'refreshed', expiresAt: tokens.expiresAt }
  })
}

/**
 * For the scheduler, before a publication: renews the account's access token when it expires
 * within 5 minutes and the network has a refresh token. Never throws for network failures: the
 * outcome says what happened (`needs_reconnect` has already been recorded on the account).
 */
export async function refreshAccountIfExpiring(
  payload: Payload,
  accountId: number,
  cipher: TokenCipher,
  config: OAuthConfig,
  options: { now?: () => Date; language?: AdminLanguage } = {},
): Promise<RefreshOutcome> {
  return refreshAccount(payload, accountId, cipher, config, { ...options, onlyIfExpiring: true })
}

/** Renews the account's access token now (the admin's "refresh" action). */
export async function refreshAccountNow(
  payload: Payload,
  accountId: number,
  cipher: TokenCipher,
  config: OAuthConfig,
  options: { now?: () => Date; language?: AdminLanguage } = {},
): Promise<RefreshOutcome> {
  return refreshAccount(payload, accountId, cipher, config, { ...options, onlyIfExpiring: false })
}

// ------------------------------------------------------------------------------------------------
// Endpoints

export function networkAccountOAuthEndpoints(options: OAuthEndpointOptions): Endpoint[] {
  const now = options.now ?? (() => new Date())
  const config = () => options.oauth
  const stateCodec = (req: PayloadRequest) => createStateCodec({ secret: req.payload.secret, cipher: options.cipher, now })
  const admins = { roles: ['admin'], forbidden: text.adminOnly, signIn: text.signIn } as const
  const networkParams = z.object({ network: z.string() })

  /** The network named in the path, or 400. */
  const networkOf = (value: string): Network => {
    if (!isNetwork(value)) refuse({ status: 400, code: 'unknown_network', field: 'network', message: unknownNetwork(value) })
    return value
  }
  const settingsOf = (network: Network) => {
    const settings = configuredSettings(config(), network)
    if (!settings) refuse({ status: 400, code: 'not_configured', field: 'network', message: notConfigured(network) })
    return settings
  }
  /** The state the network sent back: signed by Badil, of this network, and started in this browser. */
  const verifiedState = (req: PayloadRequest, network: Network) => {
    const verification = stateCodec(req).verify(req.searchParams?.get('state'), network)
    if (!verification.ok) refuse({ status: 400, code: `state_${verification.problem}`, field: 'state', message: stateText(verification.problem) })
    if (!sameSecretString(readCookie(req, bindingCookieName(network)), verification.state.nonce)) {
      refuse({ status: 400, code: 'state_other_browser', field: 'state', message: text.otherBrowser })
    }
    return verification.state
  }

  const connect = defineEndpoint({
    path: '/oauth/:network/connect',
    method: 'get',
    access: admins,
    params: networkParams,
    headers: noStore,
    handler: async ({ req, params }) => {
      const network = networkOf(params.network)
      const settings = settingsOf(network)
      const provider = oauthProviders[network]
      const pkce = provider.usesPkce ? await createPkcePair() : undefined
      const { state, nonce } = stateCodec(req).issue({ network, userId: req.user.id, codeVerifier: pkce?.verifier })
      const baseUrl = publicBaseUrl(req, config())
      const redirectUri = oauthRedirectUri(baseUrl, req.payload.config.routes.api, network)
      return redirect(
        provider.authorizeUrl({ settings, redirectUri, state, codeChallenge: pkce?.challenge }),
        bindingCookie(req, network, baseUrl, nonce, Math.round(oauthStateLifetimeMs / 1000)),
      )
    },
  })

  const callback = defineEndpoint({
    path: '/oauth/:network/callback',
    method: 'get',
    access: admins,
    params: networkParams,
    headers: noStore,
    // The network's redirect back is a cross-site navigation, on which Payload ignores its session
    // cookie: the caller is the admin named in the signed state, in the browser that started.
    authenticate: async (req) => {
      const state = verifiedState(req, networkOf(String(req.routeParams?.network ?? '')))
      // A session, when the request carries one Payload accepts, must be the admin who started.
      if (req.user && String(req.user.id) !== state.userId) refuse({ status: 403, code: 'other_admin', message: text.otherAdmin })
      // Still an admin now (the role may have changed within the 10 minutes): checked by the access above.
      const starter = await req.payload.findByID({ collection: 'users', id: state.userId, depth: 0, overrideAccess: true, disableErrors: true })
      if (!starter) refuse({ status: 403, code: 'forbidden', message: text.adminOnly })
      return { ...starter, collection: 'users' } as PayloadRequest['user']
    },
    handler: async ({ req, language, params, user }) => {
      const network = networkOf(params.network)
      const state = verifiedState(req, network)
      const baseUrl = publicBaseUrl(req, config())
      const clearBinding = bindingCookie(req, network, baseUrl, '', 0)
      const listPath = collectionAdminPath(req)
      // A browser goes back to the accounts list with the reason; a script gets the error envelope.
      const fail = (reason: Localized, code: string): Response => {
        if (!fromBrowser(req)) refuse({ status: 400, code, message: reason })
        return redirect(`${listPath}?${new URLSearchParams({ oauthNetwork: network, oauthError: reason[language] })}`, clearBinding)
      }

      const query = req.searchParams
      const networkError = query.get('error')
      if (networkError) {
        const detail = query.get('error_description') || query.get('error_reason') || networkError
        return fail(deniedByUser(network, detail.slice(0, 300)), 'denied_by_user')
      }
      const code = query.get('code')
      if (!code) refuse({ status: 400, code: 'missing_code', field: 'code', message: text.missingCode })
      // One callback per state: a replayed or double-clicked link is refused before the network is called.
      if (!(await useOnce(req.payload, `oauth-state:${state.nonce}`))) return fail(text.stateUsed, 'state_used')
      const settings = settingsOf(network)

      const redirectUri = oauthRedirectUri(baseUrl, req.payload.config.routes.api, network)
      let connected: ConnectedAccount[]
      try {
        connected = await oauthProviders[network].connect(code, state.codeVerifier, callContext(config(), network, settings, redirectUri, now))
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error
        req.payload.logger.warn({ msg: 'network account connection failed', network, kind: error.kind, reason: error.message })
        return fail(error.reason, `oauth_${error.kind}`)
      }

      const saved: Array<{ id: number; created: boolean; accountId: string }> = []
      for (const account of connected) {
        const result = await upsertConnectedAccount(req.payload, network, account, options.cipher, { language, now: now() })
        saved.push({ ...result, accountId: account.accountId })
      }
      req.payload.logger.info({ msg: 'network accounts connected', network, by: user.id, accounts: saved.map((entry) => entry.accountId) })
      const only = saved.length === 1 ? saved[0] : undefined
      return redirect(
        only
          ? `${listPath}/${only.id}?${new URLSearchParams({ oauthConnected: '1' })}`
          : `${listPath}?${new URLSearchParams({ oauthNetwork: network, oauthConnected: String(saved.length) })}`,
        clearBinding,
      )
    },
  })

  const refresh = defineEndpoint({
    path: '/:id/refresh',
    method: 'post',
    access: admins,
    params: z.object({ id: z.string() }),
    headers: noStore,
    handler: async ({ params, req, language }) => {
      const id = Number(params.id)
      if (!Number.isSafeInteger(id) || id <= 0) refuse({ status: 404, code: 'not_found', field: 'id', message: text.notFound })
      const outcome = await refreshAccountNow(req.payload, id, options.cipher, config(), { now, language })
      if (outcome.status === 'not_found') refuse({ status: 404, code: 'not_found', field: 'id', message: text.notFound })
      if (outcome.status === 'not_refreshable' || outcome.status === 'needs_reconnect') refuse({ status: 400, code: outcome.status, message: outcome.reason })
      if (outcome.status === 'failed') refuse({ status: 502, code: 'network_failed', message: outcome.reason })
      return { id, refreshed: true, tokenExpiresAt: outcome.expiresAt ? outcome.expiresAt.toISOString() : null }
    },
  })

  return [connect, callback, refresh]
}
