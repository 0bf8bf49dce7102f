import {
  declinedWarning,
  graphListAll,
  metaAuthorizeUrl,
  metaCredentialVariables,
  metaLongLivedUserToken,
  metaPermissions,
} from './facebook'
import { OAuthError } from './types'
import type { ConnectedAccount, NetworkOAuthProvider } from './types'

/**
 * Instagram professional accounts through Facebook Login (social-apis.md §2): the same login as
 * the Pages, then each Page's `instagram_business_account`. The account's token is its Page's
 * token, which does not expire and is accepted by the Instagram Graph API.
 */

export const instagramScopes = [
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
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
    const user = await metaLongLivedUserToken(code, context)
    const { granted, declined } = await metaPermissions(context, user.accessToken, instagramScopes)
    const pages = await graphListAll<ListedPage>(
      context,
      user.accessToken,
      '/me/accounts?fields=id,name,access_token,instagram_business_account{id,username,name}&limit=100',
    )
    const accounts: ConnectedAccount[] = []
    for (const page of pages) {
      const instagram = page.instagram_business_account
      if (typeof instagram?.id !== 'string' || typeof page.access_token !== 'string' || page.access_token === '') continue
      accounts.push({
        accountId: instagram.id,
        name: instagram.username ? `@${instagram.username}` : instagram.name || page.name || `Instagram ${instagram.id}`,
        accessToken: page.access_token,
        refreshToken: null,
        expiresAt: null,
        scopes: granted,
        warning: declinedWarning(declined),
      })
    }
    if (!accounts.length) {
      throw new OAuthError({
        kind: 'no_accounts',
        network: 'instagram',
        message: 'None of the Pages of this Facebook login has an Instagram professional account.',
        reason: {
          fr: 'Aucune des Pages autorisées n’est liée à un compte Instagram professionnel : liez le compte Instagram de la campagne à sa Page Facebook, puis reconnectez.',
          ar: 'لا ترتبط أي من الصفحات المسموح بها بحساب إنستغرام احترافي: اربط حساب إنستغرام الحملة بصفحتها على فيسبوك ثم أعد الربط.',
          en: 'None of the authorized Pages is linked to an Instagram professional account: link the campaign’s Instagram account to its Facebook Page, then reconnect.',
        },
      })
    }
    return accounts
  },
}
