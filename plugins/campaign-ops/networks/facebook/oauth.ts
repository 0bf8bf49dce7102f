import { metaAuthorizeUrl, metaCredentialVariables, metaLogin, pageTokenAccount } from '../meta/login'
import { OAuthError } from '../oauth/types'
import type { ConnectedAccount, NetworkOAuthProvider } from '../oauth/types'
import { pluginText } from '../../translations'

/**
 * Facebook Login for Pages (docs/networks.md#facebook-login): code → short-lived user token → long-lived user
 * token (~60 days) → `/me/accounts`, whose Page tokens do not expire. Every listed Page becomes
 * (or updates) one account: the admin ticks the Pages in Facebook's dialog, Badil takes them all.
 * Instagram (docs/networks.md#instagram-accounts-and-scopes) uses the same login: meta/login.ts.
 */

export const facebookScopes = [
  'pages_show_list',
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_manage_engagement',
  'read_insights',
  'publish_video',
  'pages_manage_metadata',
  // Answering the Page's private messages (Send API).
  'pages_messaging',
] as const

type ListedPage = { id?: string; name?: string; access_token?: string }

export const facebookOAuth: NetworkOAuthProvider = {
  network: 'facebook',
  credentialVariables: metaCredentialVariables,
  scopes: facebookScopes,
  usesPkce: false,
  refreshes: false,

  authorizeUrl: (request) => metaAuthorizeUrl(request, facebookScopes),

  async connect(code, _codeVerifier, context): Promise<ConnectedAccount[]> {
    const login = await metaLogin<ListedPage>(code, context, facebookScopes, 'id,name,access_token,tasks')
    const accounts = login.pages
      .filter((page): page is Required<ListedPage> => typeof page.id === 'string' && typeof page.access_token === 'string' && page.access_token !== '')
      .map((page) => pageTokenAccount(login, { accountId: page.id, name: page.name || `Facebook ${page.id}`, pageToken: page.access_token }))
    if (!accounts.length) {
      throw new OAuthError({
        kind: 'no_accounts',
        network: 'facebook',
        message: 'The Facebook login gave access to no Page.',
        reason: pluginText('oauthErrors:noAccounts:facebook'),
      })
    }
    return accounts
  },
}
