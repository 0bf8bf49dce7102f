import type { LocalizedReason } from '../../networks/types'
import { callOAuth, readTokenResponse, trimSlash, withQuery } from './http'
import type { StandardTokenResponse } from './http'
import { OAuthError } from './types'
import type { AuthorizeRequest, ConnectedAccount, NetworkOAuthProvider, OAuthCallContext } from './types'

/**
 * Facebook Login for Pages (social-apis.md §1.1): code → short-lived user token → long-lived user
 * token (~60 days) → `/me/accounts`, whose Page tokens do not expire. Every listed Page becomes
 * (or updates) one account: the admin ticks the Pages in Facebook's dialog, Badil takes them all.
 * Instagram (§2) uses the same login, see instagram.ts.
 */

export const facebookScopes = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_manage_engagement',
  'read_insights',
  'publish_video',
  'pages_manage_metadata',
] as const

export const metaCredentialVariables = ['FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET'] as const

/** Facebook's login dialog; scopes are comma-separated. */
export function metaAuthorizeUrl(request: AuthorizeRequest, scopes: readonly string[]): string {
  return withQuery(request.settings.authorizeUrl, {
    client_id: request.settings.clientId,
    redirect_uri: request.redirectUri,
    state: request.state,
    response_type: 'code',
    scope: scopes.join(','),
  })
}

export type MetaUserToken = { accessToken: string; expiresAt: Date | null }

/** Code → short-lived user token → long-lived user token. */
export async function metaLongLivedUserToken(code: string, context: OAuthCallContext): Promise<MetaUserToken> {
  const { clientId, clientSecret, tokenUrl } = context.settings
  const short = readTokenResponse(
    await callOAuth<StandardTokenResponse>(
      context,
      'code',
      withQuery(tokenUrl, { client_id: clientId, redirect_uri: context.redirectUri, client_secret: clientSecret, code }),
    ),
    context,
    'code',
  )
  const long = readTokenResponse(
    await callOAuth<StandardTokenResponse>(
      context,
      'code',
      withQuery(tokenUrl, {
        grant_type: 'fb_exchange_token',
        client_id: clientId,
        client_secret: clientSecret,
        fb_exchange_token: short.accessToken,
      }),
    ),
    context,
    'code',
  )
  return { accessToken: long.accessToken, expiresAt: long.expiresAt }
}

type GraphList<T> = { data?: T[]; paging?: { next?: string } }

const maxListPages = 20

/** Every item of a Graph list, following `paging.next` on the same host only (it carries the token). */
export async function graphListAll<T>(context: OAuthCallContext, userToken: string, path: string): Promise<T[]> {
  const apiUrl = trimSlash(context.settings.apiUrl)
  const origin = new URL(apiUrl).origin
  const items: T[] = []
  let url: string | undefined = `${apiUrl}${path}`
  for (let page = 0; url && page < maxListPages; page += 1) {
    const body: GraphList<T> = await callOAuth<GraphList<T>>(context, 'accounts', url, { headers: { Authorization: `Bearer ${userToken}` } })
    items.push(...(Array.isArray(body.data) ? body.data : []))
    const next: string | undefined = body.paging?.next
    url = next && URL.canParse(next) && new URL(next).origin === origin ? next : undefined
  }
  return items
}

/** Permissions the admin granted, and those of `wanted` declined in the dialog. */
export async function metaPermissions(
  context: OAuthCallContext,
  userToken: string,
  wanted: readonly string[],
): Promise<{ granted: string[]; declined: string[] }> {
  const permissions = await graphListAll<{ permission?: string; status?: string }>(context, userToken, '/me/permissions')
  const granted = permissions.filter((entry) => entry.status === 'granted' && typeof entry.permission === 'string').map((entry) => entry.permission as string)
  return { granted, declined: wanted.filter((scope) => !granted.includes(scope)) }
}

export function declinedWarning(declined: string[]): LocalizedReason | null {
  if (!declined.length) return null
  const list = declined.join(', ')
  return {
    fr: `Permissions refusées dans la fenêtre de Facebook (reconnectez pour les accorder) : ${list}`,
    ar: `صلاحيات مرفوضة في نافذة فيسبوك (أعد الربط لمنحها): ${list}`,
    en: `Permissions declined in Facebook’s dialog (reconnect to grant them): ${list}`,
  }
}

type ListedPage = { id?: string; name?: string; access_token?: string }

export const facebookOAuth: NetworkOAuthProvider = {
  network: 'facebook',
  credentialVariables: metaCredentialVariables,
  scopes: facebookScopes,
  usesPkce: false,
  refreshes: false,

  authorizeUrl: (request) => metaAuthorizeUrl(request, facebookScopes),

  async connect(code, _codeVerifier, context): Promise<ConnectedAccount[]> {
    const user = await metaLongLivedUserToken(code, context)
    const { granted, declined } = await metaPermissions(context, user.accessToken, facebookScopes)
    const pages = await graphListAll<ListedPage>(context, user.accessToken, '/me/accounts?fields=id,name,access_token,tasks&limit=100')
    const accounts = pages
      .filter((page): page is Required<ListedPage> => typeof page.id === 'string' && typeof page.access_token === 'string' && page.access_token !== '')
      .map((page) => ({
        accountId: page.id,
        name: page.name || `Facebook ${page.id}`,
        accessToken: page.access_token,
        refreshToken: null,
        // A Page token obtained from a long-lived user token does not expire.
        expiresAt: null,
        scopes: granted,
        warning: declinedWarning(declined),
      }))
    if (!accounts.length) {
      throw new OAuthError({
        kind: 'no_accounts',
        network: 'facebook',
        message: 'The Facebook login gave access to no Page.',
        reason: {
          fr: 'La connexion Facebook ne donne accès à aucune Page : cochez la Page de la campagne dans la fenêtre de Facebook (il faut en être administrateur ou éditeur).',
          ar: 'لا يتيح ربط فيسبوك الوصول إلى أي صفحة: اختر صفحة الحملة في نافذة فيسبوك (يجب أن تكون مسؤولا أو محررا فيها).',
          en: 'The Facebook login gives access to no Page: tick the campaign Page in Facebook’s dialog (you must be its admin or editor).',
        },
      })
    }
    return accounts
  },
}
