import { networkLabels } from '../registry'
import { OAuthError } from './types'
import type { OAuthCallContext, OAuthErrorKind, TokenSet } from './types'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText, pluginTextByLanguage } from '../../translations'

/** The step of the flow a call belongs to, named in error messages. */
export type OAuthStep = 'code' | 'refresh' | 'accounts'

const maxDetailLength = 300

function localizedFailure(kind: OAuthErrorKind, context: Pick<OAuthCallContext, 'network'>, step: OAuthStep, detail: string): Localized {
  const network = networkLabels[context.network]
  const name = pluginText(`oauthErrors:steps:${step}`)
  const key = kind === 'unavailable' ? 'oauthErrors:unavailable' : kind === 'invalid_response' ? 'oauthErrors:invalidResponse' : 'oauthErrors:refused'
  return pluginTextByLanguage(key, (language) => ({ network, step: name[language], detail }))
}

export function oauthFailure(kind: OAuthErrorKind, context: Pick<OAuthCallContext, 'network'>, step: OAuthStep, detail: string, status?: number): OAuthError {
  const shortDetail = detail.length > maxDetailLength ? `${detail.slice(0, maxDetailLength)}…` : detail
  const reason = localizedFailure(kind, context, step, shortDetail)
  return new OAuthError({ kind, network: context.network, status, message: reason.en, reason })
}

/** The human part of an OAuth or API error body, whatever the network's shape. */
export function errorDescription(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body.trim() ? body.trim() : undefined
  const record = body as Record<string, unknown>
  const nested = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : undefined
  const candidates = [
    record.error_description,
    nested?.error_user_msg,
    nested?.message,
    typeof record.error === 'string' ? record.error : undefined,
    record.detail,
    record.message,
    record.title,
  ]
  const found = candidates.find((value) => typeof value === 'string' && value.trim() !== '')
  return typeof found === 'string' ? found.trim() : undefined
}

/** The machine code of an error body (`invalid_grant`, Graph's numeric code…). */
function errorCode(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const record = body as Record<string, unknown>
  if (typeof record.error === 'string') return record.error
  const nested = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : undefined
  if (nested && (typeof nested.code === 'number' || typeof nested.code === 'string')) return String(nested.code)
  return undefined
}

// Errors about the app itself: reconnecting the account would not help.
const appCredentialErrors = new Set(['invalid_client', 'unauthorized_client'])
// Grant errors: the code or refresh token is no longer usable. Graph's 190 is an invalid token.
const grantErrors = new Set(['invalid_grant', 'invalid_token', '190'])

/** What a refusal of the network means: the app's credentials, a spent grant, or another refusal. */
export function classifyOAuthFailure(status: number, body: unknown, step: OAuthStep): OAuthErrorKind {
  if (status === 429 || status >= 500) return 'unavailable'
  const code = errorCode(body)
  if (code && appCredentialErrors.has(code)) return 'rejected'
  if (code && grantErrors.has(code)) return 'auth'
  // A refused refresh means the refresh token is spent (X answers `invalid_request` for a revoked one).
  if (step === 'refresh' && (status === 400 || status === 401 || status === 403)) return 'auth'
  if (status === 401) return 'auth'
  return 'rejected'
}

export type OAuthRequest = {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>
}

/**
 * One call to a network's OAuth or API host with a timeout, answering the parsed JSON body.
 * Every failure becomes an OAuthError with a readable, localized reason; tokens are never part
 * of the message (only the network's own error description is).
 */
export async function callOAuth<T>(context: OAuthCallContext, step: OAuthStep, url: string, request: OAuthRequest = {}): Promise<T> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), context.timeoutMs)
  let response: Response
  let text: string
  try {
    response = await context.fetch(url, {
      method: request.method ?? (request.form ? 'POST' : 'GET'),
      headers: {
        Accept: 'application/json',
        ...(request.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        ...request.headers,
      },
      body: request.form ? new URLSearchParams(request.form).toString() : undefined,
      signal: controller.signal,
      redirect: 'error',
    })
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
  if (!response.ok) {
    const kind = classifyOAuthFailure(response.status, body, step)
    throw oauthFailure(kind, context, step, errorDescription(body) ?? `HTTP ${response.status}`, response.status)
  }
  if (body === undefined || typeof body !== 'object' || body === null) {
    throw oauthFailure('invalid_response', context, step, `HTTP ${response.status} without a JSON object`, response.status)
  }
  return body as T
}

export type StandardTokenResponse = {
  access_token?: unknown
  refresh_token?: unknown
  expires_in?: unknown
  scope?: unknown
  error?: unknown
  error_description?: unknown
}

export function splitScopes(scope: unknown): string[] {
  return typeof scope === 'string' ? scope.split(/[\s,]+/).filter(Boolean) : []
}

export function expiryFrom(expiresIn: unknown, now: Date): Date | null {
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null
}

/** Tokens from an RFC 6749 token response; some networks answer errors with HTTP 200 (TikTok). */
export function readTokenResponse(body: StandardTokenResponse, context: OAuthCallContext, step: OAuthStep, fallbackScopes: string[] = []): TokenSet {
  if (typeof body.error === 'string' && body.error) {
    const kind: OAuthErrorKind = appCredentialErrors.has(body.error) ? 'rejected' : step === 'refresh' || grantErrors.has(body.error) ? 'auth' : 'rejected'
    throw oauthFailure(kind, context, step, errorDescription(body) ?? body.error)
  }
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw oauthFailure('invalid_response', context, step, 'no access_token in the answer')
  }
  const scopes = splitScopes(body.scope)
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' && body.refresh_token ? body.refresh_token : null,
    expiresAt: expiryFrom(body.expires_in, context.now()),
    scopes: scopes.length ? scopes : fallbackScopes,
  }
}

export function withQuery(base: string, parameters: Record<string, string>): string {
  const url = new URL(base)
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value)
  return url.toString()
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
