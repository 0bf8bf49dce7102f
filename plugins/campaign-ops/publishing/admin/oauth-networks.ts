/**
 * Server side of the network-accounts admin components: which networks can be connected with
 * OAuth on this server (the same reading of the environment as the connect endpoint's default),
 * as plain data for the client components.
 */
import { networkLabels, networks } from '../../../../src/domain/networks'
import { oauthConfigFromEnv, oauthProviders } from '../../networks/oauth'
import { loadEnv } from '../../../../src/infra/env'

export type OAuthNetworkInfo = {
  network: string
  label: string
  /** Client id and secret are set: the connect button can go to the network. */
  configured: boolean
  /** The two environment variables to set when it is not. */
  variables: readonly [string, string]
  /** The network issues refresh tokens (Facebook and Instagram Page tokens do not expire instead). */
  refreshes: boolean
}

export function oauthNetworks(): OAuthNetworkInfo[] {
  let config: ReturnType<typeof oauthConfigFromEnv> | null = null
  try {
    config = oauthConfigFromEnv(loadEnv())
  } catch {
    // An environment the server would not start with: shown as "not configured" everywhere.
    config = null
  }
  return networks.map((network) => {
    const settings = config?.networks[network]
    return {
      network,
      label: networkLabels[network],
      configured: Boolean(settings?.clientId && settings.clientSecret),
      variables: oauthProviders[network].credentialVariables,
      refreshes: oauthProviders[network].refreshes,
    }
  })
}

/** Network labels for the client components (the registry is a server module). */
export const networkLabelMap: Record<string, string> = { ...networkLabels }
