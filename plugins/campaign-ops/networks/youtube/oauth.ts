import { callOAuth, trimSlash, withQuery } from '../oauth/http'
import { exchangeCode, refreshTokens } from '../oauth/token-endpoint'
import { OAuthError } from '../oauth/types'
import type { ConnectedAccount, NetworkOAuthProvider } from '../oauth/types'
import { pluginText } from '../../translations'

/**
 * Google OAuth for YouTube (docs/networks.md#youtube-oauth): offline access with forced consent so Google
 * always returns a refresh token; the account is the channel of the chosen identity.
 */

const tokenEndpoint = { clientAuthentication: 'form' } as const

export const youtubeScopes = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/yt-analytics.readonly',
] as const

type Channels = { items?: Array<{ id?: string; snippet?: { title?: string } }> }

export const youtubeOAuth: NetworkOAuthProvider = {
  network: 'youtube',
  credentialVariables: ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
  scopes: youtubeScopes,
  usesPkce: false,
  refreshes: true,

  authorizeUrl: (request) =>
    withQuery(request.settings.authorizeUrl, {
      client_id: request.settings.clientId,
      redirect_uri: request.redirectUri,
      response_type: 'code',
      scope: youtubeScopes.join(' '),
      // A refresh token comes only with offline access, and on a reconnection only with consent.
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      state: request.state,
    }),

  async connect(code, _codeVerifier, context): Promise<ConnectedAccount[]> {
    const tokens = await exchangeCode(code, context, tokenEndpoint)
    const channels = await callOAuth<Channels>(
      context,
      'accounts',
      withQuery(`${trimSlash(context.settings.apiUrl)}/youtube/v3/channels`, { part: 'snippet', mine: 'true' }),
      { headers: { Authorization: `Bearer ${tokens.accessToken}` } },
    )
    const accounts = (channels.items ?? [])
      .filter((channel) => typeof channel.id === 'string')
      .map((channel) => ({ ...tokens, accountId: channel.id as string, name: channel.snippet?.title || `YouTube ${channel.id}` }))
    if (!accounts.length) {
      throw new OAuthError({
        kind: 'no_accounts',
        network: 'youtube',
        message: 'This Google account has no YouTube channel.',
        reason: pluginText('oauthErrors:noAccounts:youtube'),
      })
    }
    return accounts
  },

  // Google does not rotate refresh tokens: the answer has none, and the stored one stays.
  refresh: (refreshToken, context) => refreshTokens(refreshToken, context, tokenEndpoint),
}
