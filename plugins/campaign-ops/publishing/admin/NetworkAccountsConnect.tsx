import React from 'react'

import { networkAccountsSlug } from '../network-accounts-collection'
import { hasRole } from '../../../../src/domain/roles'
import { NetworkAccountsConnectClient } from './NetworkAccountsConnectClient'
import { oauthNetworks } from './oauth-networks'

/** What Payload gives a list view's `beforeList` slot (server props), as far as used here. */
type BeforeListServerProps = { user?: unknown }

/**
 * Above the network-accounts list, for administrators: one "Connect with <network>" button per
 * network (`GET /api/network-accounts/oauth/<network>/connect`), or why it cannot be used yet.
 * Registered in the collection's `admin.components.beforeList`.
 */
export function NetworkAccountsConnect({ user }: BeforeListServerProps) {
  if (!hasRole(user as Parameters<typeof hasRole>[0], 'admin')) return null
  return <NetworkAccountsConnectClient networks={oauthNetworks()} collectionSlug={networkAccountsSlug} />
}
