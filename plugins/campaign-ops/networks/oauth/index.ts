import type { Env } from '../../../../src/infra/env'
import type { Network } from '../registry'
import { facebookOAuth } from '../facebook/oauth'
import { trimSlash } from './http'
import { instagramOAuth } from '../instagram/oauth'
import { linkedinOAuth } from '../linkedin/oauth'
import { tiktokOAuth } from '../tiktok/oauth'
import type { NetworkOAuthProvider, OAuthConfig } from './types'
import { xOAuth } from '../x/oauth'
import { youtubeOAuth } from '../youtube/oauth'

export type { ConnectedAccount, NetworkOAuthProvider, NetworkOAuthSettings, OAuthConfig, TokenSet } from './types'
export { OAuthError } from './types'

export const oauthProviders: Record<Network, NetworkOAuthProvider> = {
  facebook: facebookOAuth,
  instagram: instagramOAuth,
  x: xOAuth,
  linkedin: linkedinOAuth,
  youtube: youtubeOAuth,
  tiktok: tiktokOAuth,
}

/** The documented production hosts (also the defaults of the matching environment variables). */
export const defaultOAuthUrls = {
  facebookAuthorize: 'https://www.facebook.com/v23.0/dialog/oauth',
  facebookGraph: 'https://graph.facebook.com/v23.0',
  xAuthorize: 'https://x.com/i/oauth2/authorize',
  xApi: 'https://api.x.com',
  /** Both the authorization page (`/authorization`) and the token endpoint (`/accessToken`). */
  linkedinOAuth: 'https://www.linkedin.com/oauth/v2',
  linkedinApi: 'https://api.linkedin.com',
  googleAuthorize: 'https://accounts.google.com/o/oauth2/v2/auth',
  googleToken: 'https://oauth2.googleapis.com/token',
  youtubeApi: 'https://www.googleapis.com',
  tiktokAuthorize: 'https://www.tiktok.com/v2/auth/authorize/',
  tiktokApi: 'https://open.tiktokapis.com',
} as const

export type OAuthEnv = Partial<
  Pick<
    Env,
    | 'SERVER_URL'
    | 'FACEBOOK_APP_ID'
    | 'FACEBOOK_APP_SECRET'
    | 'FACEBOOK_OAUTH_URL'
    | 'FACEBOOK_GRAPH_URL'
    | 'X_CLIENT_ID'
    | 'X_CLIENT_SECRET'
    | 'X_OAUTH_URL'
    | 'X_API_URL'
    | 'LINKEDIN_CLIENT_ID'
    | 'LINKEDIN_CLIENT_SECRET'
    | 'LINKEDIN_OAUTH_URL'
    | 'LINKEDIN_API_URL'
    | 'GOOGLE_CLIENT_ID'
    | 'GOOGLE_CLIENT_SECRET'
    | 'GOOGLE_OAUTH_URL'
    | 'GOOGLE_TOKEN_URL'
    | 'YOUTUBE_API_URL'
    | 'TIKTOK_CLIENT_KEY'
    | 'TIKTOK_CLIENT_SECRET'
    | 'TIKTOK_OAUTH_URL'
    | 'TIKTOK_API_URL'
  >
>

/** The OAuth configuration of every network from the environment (`loadEnv()`), defaults filled in. */
export function oauthConfigFromEnv(env: OAuthEnv): OAuthConfig {
  const graph = trimSlash(env.FACEBOOK_GRAPH_URL ?? defaultOAuthUrls.facebookGraph)
  const meta = {
    clientId: env.FACEBOOK_APP_ID,
    clientSecret: env.FACEBOOK_APP_SECRET,
    authorizeUrl: env.FACEBOOK_OAUTH_URL ?? defaultOAuthUrls.facebookAuthorize,
    tokenUrl: `${graph}/oauth/access_token`,
    apiUrl: graph,
  }
  const xApi = trimSlash(env.X_API_URL ?? defaultOAuthUrls.xApi)
  const linkedinOAuthBase = trimSlash(env.LINKEDIN_OAUTH_URL ?? defaultOAuthUrls.linkedinOAuth)
  const tiktokApi = trimSlash(env.TIKTOK_API_URL ?? defaultOAuthUrls.tiktokApi)
  return {
    serverUrl: env.SERVER_URL,
    networks: {
      facebook: meta,
      // Instagram professional accounts are reached through Facebook Login, with the same app.
      instagram: { ...meta },
      x: {
        clientId: env.X_CLIENT_ID,
        clientSecret: env.X_CLIENT_SECRET,
        authorizeUrl: env.X_OAUTH_URL ?? defaultOAuthUrls.xAuthorize,
        tokenUrl: `${xApi}/2/oauth2/token`,
        apiUrl: xApi,
      },
      linkedin: {
        clientId: env.LINKEDIN_CLIENT_ID,
        clientSecret: env.LINKEDIN_CLIENT_SECRET,
        authorizeUrl: `${linkedinOAuthBase}/authorization`,
        tokenUrl: `${linkedinOAuthBase}/accessToken`,
        apiUrl: trimSlash(env.LINKEDIN_API_URL ?? defaultOAuthUrls.linkedinApi),
      },
      youtube: {
        clientId: env.GOOGLE_CLIENT_ID,
        clientSecret: env.GOOGLE_CLIENT_SECRET,
        authorizeUrl: env.GOOGLE_OAUTH_URL ?? defaultOAuthUrls.googleAuthorize,
        tokenUrl: env.GOOGLE_TOKEN_URL ?? defaultOAuthUrls.googleToken,
        apiUrl: trimSlash(env.YOUTUBE_API_URL ?? defaultOAuthUrls.youtubeApi),
      },
      tiktok: {
        clientId: env.TIKTOK_CLIENT_KEY,
        clientSecret: env.TIKTOK_CLIENT_SECRET,
        authorizeUrl: env.TIKTOK_OAUTH_URL ?? defaultOAuthUrls.tiktokAuthorize,
        tokenUrl: `${tiktokApi}/v2/oauth/token/`,
        apiUrl: tiktokApi,
      },
    },
  }
}
