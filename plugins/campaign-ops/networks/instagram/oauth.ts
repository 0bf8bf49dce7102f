import { metaAuthorizeUrl, metaCredentialVariables, metaLogin, pageTokenAccount } from '../meta/login'
import { OAuthError } from '../oauth/types'
import type { ConnectedAccount, NetworkOAuthProvider } from '../oauth/types'
import { pluginText } from '../../translations'

/**
 * Instagram professional accounts through Facebook Login (docs/networks.md#instagram-accounts-and-scopes): the same login as
 * the Pages, then each Page's `instagram_business_account`. The account's token is its Page's
 * token, which does not expire and is accepted by the Instagram Graph API.
 */

export const instagramScopes = [
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
  // Reading and answering the account's private messages (Messenger API support for Instagram).
  'instagram_manage_messages',
  'pages_show_list',
  'pages_read_engagement',
] as const

type ListedPage = {
  id?: string
  name?: string
  access_token?: string
  instagram_business_account?: { id?: string; username?: string; name?: string }
}

export const instagramOAuth: NetworkOAuthProvider = {
  network: 'instagram',
  credentialVariables: metaCredentialVariables,
  scopes: instagramScopes,
  usesPkce: false,
  refreshes: false,

  authorizeUrl: (request) => metaAuthorizeUrl(request, instagramScopes),

  async connect(code, _codeVerifier, context): Promise<ConnectedAccount[]> {
    const login = await metaLogin<ListedPage>(code, context, instagramScopes, 'id,name,access_token,instagram_business_account{id,username,name}')
    const accounts: ConnectedAccount[] = []
    for (const page of login.pages) {
      const instagram = page.instagram_business_account
      if (typeof instagram?.id !== 'string' || typeof page.access_token !== 'string' || page.access_token === '') continue
      const name = instagram.username ? `@${instagram.username}` : instagram.name || page.name || `Instagram ${instagram.id}`
      accounts.push(pageTokenAccount(login, { accountId: instagram.id, name, pageToken: page.access_token }))
    }
    if (!accounts.length) {
      throw new OAuthError({
        kind: 'no_accounts',
        network: 'instagram',
        message: 'None of the Pages of this Facebook login has an Instagram professional account.',
        reason: pluginText('oauthErrors:noAccounts:instagram'),
      })
    }
    return accounts
  },
}
