import { callOAuth, readTokenResponse, trimSlash, withQuery } from '../oauth/http'
import type { StandardTokenResponse } from '../oauth/http'
import type { AuthorizeRequest, ConnectedAccount, OAuthCallContext } from '../oauth/types'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText } from '../../translations'

/**
 * Facebook Login, shared by the Facebook Pages (facebook.ts) and Instagram (instagram.ts)
 * connections: the dialog, the long-lived user token, the granted permissions, and the Pages the
 * login reaches with their Page tokens.
 */

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

type MetaUserToken = { accessToken: string; expiresAt: Date | null }

/** Code → short-lived user token → long-lived user token. */
async function metaLongLivedUserToken(code: string, context: OAuthCallContext): Promise<MetaUserToken> {
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
async function graphListAll<T>(context: OAuthCallContext, userToken: string, path: string): Promise<T[]> {
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
async function metaPermissions(context: OAuthCallContext, userToken: string, wanted: readonly string[]): Promise<{ granted: string[]; declined: string[] }> {
  const permissions = await graphListAll<{ permission?: string; status?: string }>(context, userToken, '/me/permissions')
  const granted = permissions.filter((entry) => entry.status === 'granted' && typeof entry.permission === 'string').map((entry) => entry.permission as string)
  return { granted, declined: wanted.filter((scope) => !granted.includes(scope)) }
}

function declinedWarning(declined: string[]): Localized | null {
  if (!declined.length) return null
  return pluginText('oauthErrors:permissionsDeclined', { list: declined.join(', ') })
}

/** What a Facebook login gave: the Pages it reaches, and the permissions asked for that were granted or declined. */
export type MetaLogin<Page> = { pages: Page[]; granted: string[]; declined: string[] }

/** Code → long-lived user token → the permissions granted among `wanted`, and the login's Pages. */
export async function metaLogin<Page>(code: string, context: OAuthCallContext, wanted: readonly string[], pageFields: string): Promise<MetaLogin<Page>> {
  const user = await metaLongLivedUserToken(code, context)
  const { granted, declined } = await metaPermissions(context, user.accessToken, wanted)
  const pages = await graphListAll<Page>(context, user.accessToken, `/me/accounts?fields=${pageFields}&limit=100`)
  return { pages, granted, declined }
}

/** An account that posts with its Page's token: obtained from a long-lived user token, it does not expire. */
export function pageTokenAccount(login: MetaLogin<unknown>, account: { accountId: string; name: string; pageToken: string }): ConnectedAccount {
  return {
    accountId: account.accountId,
    name: account.name,
    accessToken: account.pageToken,
    refreshToken: null,
    expiresAt: null,
    scopes: login.granted,
    warning: declinedWarning(login.declined),
  }
}
