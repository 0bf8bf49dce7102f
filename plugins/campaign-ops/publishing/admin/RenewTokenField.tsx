import React from 'react'

import { networkAccountsSlug } from '../network-accounts-collection'
import { RenewTokenFieldClient } from './RenewTokenFieldClient'
import { oauthNetworks } from './oauth-networks'

/**
 * Sidebar `ui` field of a network account: "Renew token" (`POST /api/network-accounts/:id/refresh`)
 * with the server's answer, and "Reconnect with <network>" when the server has an OAuth app for it.
 */
export function RenewTokenField() {
  return <RenewTokenFieldClient networks={oauthNetworks()} collectionSlug={networkAccountsSlug} />
}
