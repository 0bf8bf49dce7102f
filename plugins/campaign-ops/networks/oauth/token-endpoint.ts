import * as oauth from 'oauth4webapi'

import { classifyOAuthFailure, errorDescription, oauthFailure } from './http'
import type { OAuthStep } from './http'
import { OAuthError } from './types'
import type { OAuthCallContext, TokenSet } from './types'

/**
 * The token endpoint through oauth4webapi (RFC 6749): the grant request, the client's
 * authentication, PKCE and the checks of the answer are the library's. Around it, Badil keeps its
 * own transport (timeout, no redirects, the injected fetch of tests) and turns every failure into
 * an OAuthError with a localized reason.
 */

/**
 * How the app proves itself at the token endpoint (RFC 6749, section 2.3.1): its id and secret in
 * the form, or HTTP Basic with the id also in the form (X, a confidential client).
 */
export type ClientAuthentication = 'form' | 'basic'

export type TokenEndpointOptions = {
  clientAuthentication: ClientAuthentication
  /** LinkedIn answers without `token_type`: its tokens are bearer tokens, said so before the library checks. */
  impliedTokenType?: 'bearer'
}

/** What went wrong on the wire, kept for the error message when the library only says "not conform". */
type Exchange = { status?: number; body?: unknown }

function transport(context: OAuthCallContext, step: OAuthStep, exchange: Exchange, options: TokenEndpointOptions): typeof fetch {
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input)
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), context.timeoutMs)
    let response: Response
    let text: string
    try {
      response = await context.fetch(url, { ...init, redirect: 'error', signal: controller.signal })
      text = await response.text()
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code
      const detail = controller.signal.aborted ? `no answer within ${context.timeoutMs} ms` : (cause ?? (error as Error).message ?? String(error))
      throw oauthFailure('unavailable', context, step, `${new URL(url).host}: ${detail}`)
    } finally {
      clearTimeout(timer)
    }
    let body: unknown
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = undefined
    }
    exchange.status = response.status
    exchange.body = body
    if (response.status === 429 || response.status >= 500) {
      throw oauthFailure('unavailable', context, step, errorDescription(body) ?? `HTTP ${response.status}`, response.status)
    }
    if (response.ok && options.impliedTokenType && body && typeof body === 'object' && !('token_type' in body)) {
      text = JSON.stringify({ ...body, token_type: options.impliedTokenType })
    }
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}

function tokenSetOf(result: oauth.TokenEndpointResponse, now: Date, fallbackScopes: string[]): TokenSet {
  const scopes = typeof result.scope === 'string' ? result.scope.split(/[\s,]+/).filter(Boolean) : []
  return {
    accessToken: result.access_token,
    refreshToken: typeof result.refresh_token === 'string' && result.refresh_token ? result.refresh_token : null,
    expiresAt: typeof result.expires_in === 'number' && result.expires_in > 0 ? new Date(now.getTime() + result.expires_in * 1000) : null,
    scopes: scopes.length ? scopes : fallbackScopes,
  }
}

/** A failure of the library or of the network, as an OAuthError of the step. */
function failureOf(error: unknown, context: OAuthCallContext, step: OAuthStep, exchange: Exchange): OAuthError {
  if (error instanceof OAuthError) return error
  if (error instanceof oauth.ResponseBodyError) {
    const kind = classifyOAuthFailure(error.status, { error: error.error }, step)
    return oauthFailure(kind, context, step, error.error_description ?? error.error, error.status)
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return oauthFailure(
      classifyOAuthFailure(error.status, exchange.body, step),
      context,
      step,
      errorDescription(exchange.body) ?? `HTTP ${error.status}`,
      error.status,
    )
  }
  if (exchange.status !== undefined && (exchange.status < 200 || exchange.status >= 300)) {
    const kind = classifyOAuthFailure(exchange.status, exchange.body, step)
    return oauthFailure(kind, context, step, errorDescription(exchange.body) ?? `HTTP ${exchange.status}`, exchange.status)
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    return oauthFailure('invalid_response', context, step, error.message)
  }
  return oauthFailure('invalid_response', context, step, (error as Error)?.message ?? String(error))
}

/**
 * HTTP Basic, with the client id also in the form (X asks both of a confidential client). The id
 * and secret are form-encoded as RFC 6749 (2.3.1) says, leaving `-_.!~*'()` as they are: servers
 * that compare the header without decoding it still accept the usual client ids.
 */
function basicWithClientId(clientSecret: string): oauth.ClientAuth {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+')
  return (_as, client, body, headers) => {
    headers.set('authorization', `Basic ${Buffer.from(`${encode(client.client_id)}:${encode(clientSecret)}`).toString('base64')}`)
    body.set('client_id', client.client_id)
  }
}

async function grant(
  context: OAuthCallContext,
  step: 'code' | 'refresh',
  options: TokenEndpointOptions,
  request: (as: oauth.AuthorizationServer, client: oauth.Client, auth: oauth.ClientAuth, http: oauth.TokenEndpointRequestOptions) => Promise<Response>,
  process: (as: oauth.AuthorizationServer, client: oauth.Client, response: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<TokenSet> {
  const { clientId, clientSecret, tokenUrl } = context.settings
  const as: oauth.AuthorizationServer = { issuer: new URL(tokenUrl).origin, token_endpoint: tokenUrl }
  const client: oauth.Client = { client_id: clientId }
  const auth = options.clientAuthentication === 'basic' ? basicWithClientId(clientSecret) : oauth.ClientSecretPost(clientSecret)
  const exchange: Exchange = {}
  try {
    const response = await request(as, client, auth, {
      [oauth.customFetch]: transport(context, step, exchange, options),
      // The fake networks of tests and a local gateway speak plain HTTP; real networks are HTTPS.
      [oauth.allowInsecureRequests]: new URL(tokenUrl).protocol === 'http:',
    })
    return tokenSetOf(await process(as, client, response), context.now(), [])
  } catch (error) {
    throw failureOf(error, context, step, exchange)
  }
}

/** The authorization code (with the PKCE verifier, where the network uses PKCE) exchanged for tokens. */
export function exchangeCode(code: string, context: OAuthCallContext, options: TokenEndpointOptions, codeVerifier?: string): Promise<TokenSet> {
  return grant(
    context,
    'code',
    options,
    (as, client, auth, http) => {
      // The state was checked by Badil's own signed state before this call.
      const callback = oauth.validateAuthResponse(as, client, new URLSearchParams({ code }), oauth.skipStateCheck)
      return oauth.authorizationCodeGrantRequest(as, client, auth, callback, context.redirectUri, codeVerifier ?? oauth.nopkce, http)
    },
    (as, client, response) => oauth.processAuthorizationCodeResponse(as, client, response),
  )
}

/** A new access token (and the rotated refresh token, where the network rotates them). */
export function refreshTokens(refreshToken: string, context: OAuthCallContext, options: TokenEndpointOptions): Promise<TokenSet> {
  return grant(
    context,
    'refresh',
    options,
    (as, client, auth, http) => oauth.refreshTokenGrantRequest(as, client, auth, refreshToken, http),
    (as, client, response) => oauth.processRefreshTokenResponse(as, client, response),
  )
}

/** A PKCE verifier (RFC 7636) and its S256 challenge. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = oauth.generateRandomCodeVerifier()
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) }
}
