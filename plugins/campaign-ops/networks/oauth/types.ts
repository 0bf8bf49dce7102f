import type { Network } from '../registry'
import type { Localized } from '../../../../src/i18n/catalogue'

/** Where one network's OAuth and API live, and this app's credentials there. */
export type NetworkOAuthSettings = {
  clientId?: string
  clientSecret?: string
  /** The page the admin's browser is sent to (consent screen). */
  authorizeUrl: string
  /** Where codes and refresh tokens are exchanged for tokens. */
  tokenUrl: string
  /** The API that tells which accounts (pages, channels, organizations…) the token reaches. */
  apiUrl: string
}

/** OAuth configuration of every network; `oauthConfigFromEnv` builds it from the environment. */
export type OAuthConfig = {
  networks: Record<Network, NetworkOAuthSettings>
  /** Public URL of this instance; redirect URIs are `${serverUrl}/api/network-accounts/oauth/<network>/callback`. */
  serverUrl?: string
  /** Per HTTP request to a network; default 15 s. */
  timeoutMs?: number
  /** Injected in unit tests; the global fetch otherwise. */
  fetch?: typeof fetch
}

/** What one call to a network needs: settings with credentials, the redirect URI, transport. */
export type OAuthCallContext = {
  network: Network
  settings: NetworkOAuthSettings & { clientId: string; clientSecret: string }
  redirectUri: string
  fetch: typeof fetch
  timeoutMs: number
  now(): Date
}

/** Tokens a network answered with; `expiresAt` null when the token does not expire. */
export type TokenSet = {
  accessToken: string
  /** Null when the network did not send one (then a stored one stays valid, except where it rotates). */
  refreshToken: string | null
  expiresAt: Date | null
  scopes: string[]
}

/** One account (page, channel, organization…) a connection gives access to. */
export type ConnectedAccount = TokenSet & {
  /** Page id, Instagram user id, organization URN, channel id, X user id, TikTok open_id. */
  accountId: string
  name: string
  /** Something the admin should know although the connection worked (declined permissions…). */
  warning?: Localized | null
}

export type AuthorizeRequest = {
  settings: NetworkOAuthSettings & { clientId: string }
  redirectUri: string
  state: string
  /** S256 challenge, for the networks that use PKCE. */
  codeChallenge?: string
}

/** One network's authorization-code flow. */
export interface NetworkOAuthProvider {
  readonly network: Network
  /** Environment variables of the app's client id and secret, named in "not configured" errors. */
  readonly credentialVariables: readonly [clientId: string, clientSecret: string]
  /** Permissions asked for: publishing, comment moderation and insights. */
  readonly scopes: readonly string[]
  readonly usesPkce: boolean
  /** Whether the network issues refresh tokens (Facebook and Instagram page tokens do not expire instead). */
  readonly refreshes: boolean
  authorizeUrl(request: AuthorizeRequest): string
  /** Code → tokens → the accounts they reach (one or more). */
  connect(code: string, codeVerifier: string | undefined, context: OAuthCallContext): Promise<ConnectedAccount[]>
  /** A new access token from the refresh token (and the rotated refresh token where the network rotates them). */
  refresh?(refreshToken: string, context: OAuthCallContext): Promise<TokenSet>
}

/**
 * Why an OAuth step failed:
 * - `auth`: the network refused the grant (expired or revoked refresh token, code already used) —
 *   the account must be reconnected;
 * - `rejected`: the network refused the request for another reason (wrong app secret, bad redirect URI);
 * - `unavailable`: the network could not be reached or answered 5xx/429 — try again later;
 * - `invalid_response`: the network answered something unexpected;
 * - `no_accounts`: the connection worked but reaches no account Badil can publish to.
 */
export type OAuthErrorKind = 'auth' | 'rejected' | 'unavailable' | 'invalid_response' | 'no_accounts'

export class OAuthError extends Error {
  readonly kind: OAuthErrorKind
  readonly network: Network
  readonly status?: number
  readonly reason: Localized

  constructor(options: { kind: OAuthErrorKind; network: Network; message: string; reason: Localized; status?: number }) {
    super(options.message)
    this.name = 'OAuthError'
    this.kind = options.kind
    this.network = options.network
    this.status = options.status
    this.reason = options.reason
  }
}
