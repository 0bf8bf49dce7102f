import React from 'react'

import { publicationStates } from '../../../../src/domain/publication-states'
import { networkLabels, networkOfPlatform } from '../../../../src/domain/networks'
import { accountStatuses } from '../network-accounts-collection'
import type { Localized } from '../../../../src/i18n/catalogue'
import { VariantPublishingPanelClient } from './VariantPublishingPanelClient'

// The labels and the platform → network map come from the server-only modules and travel as props.
const stateLabels: Record<string, Localized> = Object.fromEntries(publicationStates.map(({ value, label }) => [value, label]))
const accountStatusLabels: Record<string, Localized> = Object.fromEntries(accountStatuses.map(({ value, label }) => [value, label]))
const platformNetworks: Record<string, string> = { ...networkOfPlatform }
const networkNames: Record<string, string> = { ...networkLabels }

/**
 * Sidebar UI field of a platform variant: its live publication state and the actions a CM may
 * take from it (publish now, reschedule, cancel, settle an unknown outcome, manual posting).
 */
export function VariantPublishingPanel() {
  return (
    <VariantPublishingPanelClient
      stateLabels={stateLabels}
      accountStatusLabels={accountStatusLabels}
      networkOfPlatform={platformNetworks}
      networkLabels={networkNames}
    />
  )
}
