import { callOAuth, oauthFailure, trimSlash, withQuery } from '../oauth/http'
import { exchangeCode, refreshTokens } from '../oauth/token-endpoint'
import type { ConnectedAccount, NetworkOAuthProvider } from '../oauth/types'

/**
 * X OAuth 2.0 Authorization Code with PKCE (S256), confidential client: Basic client auth on the
 * token endpoint (docs/networks.md#x-oauth). Access tokens live 2 hours; refresh tokens rotate, so the
 * new one must replace the old one at every refresh.
 */

const tokenEndpoint = { clientAuthentication: 'basic' } as const

export const xScopes = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access', 'tweet.moderate.write'] as const

type Me = { data?: { id?: string; name?: string; username?: string } }

export const xOAuth: NetworkOAuthProvider = {
  network: 'x',
  credentialVariables: ['X_CLIENT_ID', 'X_CLIENT_SECRET'],
  scopes: xScopes,
  usesPkce: true,
  refreshes: true,

  authorizeUrl: (request) =>
    withQuery(request.settings.authorizeUrl, {
      response_type: 'code',
      client_id: request.settings.clientId,
      redirect_uri: request.redirectUri,
      scope: xScopes.join(' '),
      state: request.state,
      code_challenge: request.codeChallenge ?? '',
      code_challenge_method: 'S256',
    }),

  async connect(code, codeVerifier, context): Promise<ConnectedAccount[]> {
    if (!codeVerifier) throw oauthFailure('invalid_response', context, 'code', 'the PKCE verifier is missing from the state')
    const tokens = await exchangeCode(code, context, tokenEndpoint, codeVerifier)
    const me = await callOAuth<Me>(context, 'accounts', `${trimSlash(context.settings.apiUrl)}/2/users/me`, {
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
    })
    const user = me.data
    if (typeof user?.id !== 'string') throw oauthFailure('invalid_response', context, 'accounts', '/2/users/me gave no user id')
    const name = user.username ? `${user.name ?? user.username} (@${user.username})` : (user.name ?? `X ${user.id}`)
    return [{ ...tokens, accountId: user.id, name }]
  },

  refresh: (refreshToken, context) => refreshTokens(refreshToken, context, tokenEndpoint),
}
