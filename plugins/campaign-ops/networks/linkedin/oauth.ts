import { linkedinApiVersion } from './adapter'
import { callOAuth, trimSlash, withQuery } from '../oauth/http'
import { exchangeCode, refreshTokens } from '../oauth/token-endpoint'
import { OAuthError } from '../oauth/types'
import type { ConnectedAccount, NetworkOAuthProvider, OAuthCallContext } from '../oauth/types'
import { pluginText } from '../../translations'

/**
 * LinkedIn 3-legged OAuth (docs/networks.md#linkedin-rest-headers-and-oauth): the campaign posts as organization Pages, so the
 * accounts are the organizations the member administers (`organizationAcls`), stored by URN.
 * Tokens last ~60 days; refresh tokens exist only for approved apps, and are used when present.
 */

const tokenEndpoint = { clientAuthentication: 'form', impliedTokenType: 'bearer' } as const

export const linkedinScopes = ['w_organization_social', 'r_organization_social', 'rw_organization_admin'] as const

// Roles that may publish as the organization.
const publishingRoles = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR'])

function restHeaders(accessToken: string): Record<string, string> {
  return {
    Authorization: `Bearer ${accessToken}`,
    'LinkedIn-Version': linkedinApiVersion,
    'X-Restli-Protocol-Version': '2.0.0',
  }
}

type Acl = { organization?: string; role?: string; state?: string }

async function organizationName(urn: string, accessToken: string, context: OAuthCallContext): Promise<string> {
  const id = urn.slice('urn:li:organization:'.length)
  try {
    const organization = await callOAuth<{ localizedName?: string }>(
      context,
      'accounts',
      `${trimSlash(context.settings.apiUrl)}/rest/organizations/${encodeURIComponent(id)}`,
      { headers: restHeaders(accessToken) },
    )
    if (typeof organization.localizedName === 'string' && organization.localizedName) return organization.localizedName
  } catch (error) {
    // The name is a convenience: the admin can rename the account; the URN is what publishing needs.
    if (!(error instanceof OAuthError) || error.kind === 'unavailable') throw error
  }
  return `LinkedIn ${id}`
}

export const linkedinOAuth: NetworkOAuthProvider = {
  network: 'linkedin',
  credentialVariables: ['LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET'],
  scopes: linkedinScopes,
  usesPkce: false,
  refreshes: true,

  authorizeUrl: (request) =>
    withQuery(request.settings.authorizeUrl, {
      response_type: 'code',
      client_id: request.settings.clientId,
      redirect_uri: request.redirectUri,
      state: request.state,
      scope: linkedinScopes.join(' '),
    }),

  async connect(code, _codeVerifier, context): Promise<ConnectedAccount[]> {
    const tokens = await exchangeCode(code, context, tokenEndpoint)
    const acls = await callOAuth<{ elements?: Acl[] }>(
      context,
      'accounts',
      withQuery(`${trimSlash(context.settings.apiUrl)}/rest/organizationAcls`, { q: 'roleAssignee', state: 'APPROVED', count: '100' }),
      { headers: restHeaders(tokens.accessToken) },
    )
    const urns = [
      ...new Set(
        (acls.elements ?? [])
          .filter((acl) => typeof acl.organization === 'string' && acl.organization.startsWith('urn:li:organization:'))
          .filter((acl) => publishingRoles.has(acl.role ?? '') && (acl.state ?? 'APPROVED') === 'APPROVED')
          .map((acl) => acl.organization as string),
      ),
    ]
    if (!urns.length) {
      throw new OAuthError({
        kind: 'no_accounts',
        network: 'linkedin',
        message: 'This LinkedIn member administers no organization Page.',
        reason: pluginText('oauthErrors:noAccounts:linkedin'),
      })
    }
    const accounts: ConnectedAccount[] = []
    for (const urn of urns) accounts.push({ ...tokens, accountId: urn, name: await organizationName(urn, tokens.accessToken, context) })
    return accounts
  },

  refresh: (refreshToken, context) => refreshTokens(refreshToken, context, tokenEndpoint),
}
