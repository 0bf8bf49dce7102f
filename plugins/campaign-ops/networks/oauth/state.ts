import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'

import { isNetwork } from '../registry'
import type { Network } from '../registry'
import type { TokenCipher } from '../../publishing/token-crypto'

/**
 * The OAuth `state` parameter: signed (HMAC-SHA256, key derived from the Payload secret), naming
 * the network, the admin who started the connection and an expiry. For PKCE the code verifier
 * travels inside it, sealed with the token cipher: any app instance can finish the flow without
 * a table, and neither the network nor the browser can read the verifier.
 */

export const oauthStateLifetimeMs = 10 * 60_000

const stateVersion = 'v1'

type StateBody = {
  /** network */
  n: Network
  /** admin user id */
  u: string
  /** expiry, UNIX milliseconds */
  e: number
  /** nonce: makes every state unique and binds the sealed verifier to this state */
  r: string
  /** PKCE code verifier, sealed */
  p?: string
}

export type OAuthState = {
  network: Network
  userId: string
  expiresAt: Date
  /** Also set as a cookie at connect time: the callback must come back to the browser that started. */
  nonce: string
  codeVerifier?: string
}

export type StateProblem = 'malformed' | 'forged' | 'expired' | 'wrong_network'

export type StateVerification = { ok: true; state: OAuthState } | { ok: false; problem: StateProblem }

export function stateSigningKey(payloadSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', payloadSecret, 'badil', 'oauth-state-signing-key', 32))
}

const verifierPurpose = (nonce: string) => `oauth-state:pkce-verifier:${nonce}`

const base64url = (bytes: Buffer) => bytes.toString('base64url')

export type StateCodec = {
  issue(state: { network: Network; userId: string | number; codeVerifier?: string }): { state: string; nonce: string }
  verify(value: string | null | undefined, expectedNetwork: Network): StateVerification
}

export function createStateCodec(options: { secret: string; cipher: TokenCipher; now?: () => Date }): StateCodec {
  const key = stateSigningKey(options.secret)
  const now = options.now ?? (() => new Date())
  const sign = (encodedBody: string) => createHmac('sha256', key).update(`${stateVersion}.${encodedBody}`).digest()

  return {
    issue({ network, userId, codeVerifier }) {
      const nonce = base64url(randomBytes(12))
      const body: StateBody = {
        n: network,
        u: String(userId),
        e: now().getTime() + oauthStateLifetimeMs,
        r: nonce,
        ...(codeVerifier ? { p: options.cipher.encrypt(codeVerifier, verifierPurpose(nonce)) } : {}),
      }
      const encodedBody = base64url(Buffer.from(JSON.stringify(body)))
      return { state: `${stateVersion}.${encodedBody}.${base64url(sign(encodedBody))}`, nonce }
    },

    verify(value, expectedNetwork) {
      if (typeof value !== 'string' || value.length > 4096) return { ok: false, problem: 'malformed' }
      const [version, encodedBody, signature, ...rest] = value.split('.')
      if (version !== stateVersion || !encodedBody || !signature || rest.length) return { ok: false, problem: 'malformed' }
      const expected = sign(encodedBody)
      const given = Buffer.from(signature, 'base64url')
      // Length first: timingSafeEqual throws on different lengths.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'forged' }
      let body: StateBody
      try {
        body = JSON.parse(Buffer.from(encodedBody, 'base64url').toString('utf8')) as StateBody
      } catch {
        return { ok: false, problem: 'malformed' }
      }
      if (!isNetwork(body.n) || typeof body.u !== 'string' || typeof body.e !== 'number' || typeof body.r !== 'string') {
        return { ok: false, problem: 'malformed' }
      }
      if (body.e <= now().getTime()) return { ok: false, problem: 'expired' }
      if (body.n !== expectedNetwork) return { ok: false, problem: 'wrong_network' }
      let codeVerifier: string | undefined
      if (typeof body.p === 'string') {
        try {
          codeVerifier = options.cipher.decrypt(body.p, verifierPurpose(body.r))
        } catch {
          // Signed by us yet unreadable: the token key changed since the flow began.
          return { ok: false, problem: 'forged' }
        }
      }
      return { ok: true, state: { network: body.n, userId: body.u, expiresAt: new Date(body.e), nonce: body.r, codeVerifier } }
    },
  }
}

/** Constant-time equality of two short strings (nonces). */
export function sameSecretString(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
