import { callOAuth, oauthFailure, readTokenResponse, trimSlash, withQuery } from '../oauth/http'
import type { StandardTokenResponse } from '../oauth/http'
import type { ConnectedAccount, NetworkOAuthProvider, OAuthCallContext, TokenSet } from '../oauth/types'

/**
 * TikTok Login Kit (docs/networks.md#tiktok-login-kit): `client_key` instead of client_id, comma-separated
 * scopes, token endpoint on the API host. Access tokens last 24 hours, refresh tokens 365 days
 * and may change at each refresh (the new one is kept). The account is the user's open_id.
 */

export const tiktokScopes = ['user.info.basic', 'user.info.stats', 'video.publish', 'video.upload', 'video.list'] as const

type TiktokTokenResponse = StandardTokenResponse & { open_id?: unknown }

async function tokenRequest(form: Record<string, string>, context: OAuthCallContext, step: 'code' | 'refresh'): Promise<TokenSet & { openId: string | null }> {
  const { clientId, clientSecret, tokenUrl } = context.settings
  const body = await callOAuth<TiktokTokenResponse>(context, step, tokenUrl, {
    form: { ...form, client_key: clientId, client_secret: clientSecret },
  })
  return { ...readTokenResponse(body, context, step), openId: typeof body.open_id === 'string' ? body.open_id : null }
}

type UserInfo = { data?: { user?: { open_id?: string; display_name?: string } }; error?: { code?: string; message?: string } }

export const tiktokOAuth: NetworkOAuthProvider = {
  network: 'tiktok',
  credentialVariables: ['TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET'],
  scopes: tiktokScopes,
  usesPkce: false,
  refreshes: true,

  authorizeUrl: (request) =>
    withQuery(request.settings.authorizeUrl, {
      client_key: request.settings.clientId,
      response_type: 'code',
      scope: tiktokScopes.join(','),
      redirect_uri: request.redirectUri,
      state: request.state,
    }),

  async connect(code, _codeVerifier, context): Promise<ConnectedAccount[]> {
    const { openId, ...tokens } = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: context.redirectUri }, context, 'code')
    const info = await callOAuth<UserInfo>(
      context,
      'accounts',
      withQuery(`${trimSlash(context.settings.apiUrl)}/v2/user/info/`, { fields: 'open_id,display_name' }),
      { headers: { Authorization: `Bearer ${tokens.accessToken}` } },
    )
    // TikTok answers HTTP 200 with `error.code` other than "ok" on failure.
    if (info.error?.code && info.error.code !== 'ok') {
      throw oauthFailure('rejected', context, 'accounts', info.error.message || info.error.code)
    }
    const user = info.data?.user
    const accountId = user?.open_id ?? openId
    if (!accountId) throw oauthFailure('invalid_response', context, 'accounts', 'no open_id in the answer')
    const name = user?.display_name || `TikTok ${accountId}`
    return [{ ...tokens, accountId, name }]
  },

  async refresh(refreshToken, context): Promise<TokenSet> {
    const { openId: _openId, ...tokens } = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, context, 'refresh')
    return tokens
  },
}
