import type { Network } from '../../../src/domain/networks'
import { facebookAdapter } from './facebook/adapter'
import { facebookInbound } from './facebook/inbound'
import { instagramAdapter } from './instagram/adapter'
import { instagramInbound } from './instagram/inbound'
import { linkedinAdapter } from './linkedin/adapter'
import { linkedinInbound } from './linkedin/inbound'
import { tiktokAdapter } from './tiktok/adapter'
import type { InboundPoller } from './inbound'
import type { NetworkAdapter } from './types'
import { xAdapter } from './x/adapter'
import { xInbound } from './x/inbound'
import { youtubeAdapter } from './youtube/adapter'
import { youtubeInbound } from './youtube/inbound'

// The networks and their platforms are facts the collections use too: they live in src/domain.
export { isNetwork, networkLabels, networkOfPlatform, networks } from '../../../src/domain/networks'
export type { Network } from '../../../src/domain/networks'

/** The adapter of each network. */
export const defaultAdapters: Record<Network, NetworkAdapter> = {
  facebook: facebookAdapter as NetworkAdapter,
  instagram: instagramAdapter as NetworkAdapter,
  x: xAdapter,
  linkedin: linkedinAdapter,
  youtube: youtubeAdapter,
  tiktok: tiktokAdapter,
}

/** Where each network's API lives (configuration; tests point these at fake servers). */
export type NetworkEndpoints = Record<Network, { baseUrl: string; uploadBaseUrl?: string }>

/** The networks whose comments Badil reads by polling, and how. */
export const inboundPollers: Partial<Record<Network, InboundPoller>> = {
  facebook: facebookInbound,
  instagram: instagramInbound,
  linkedin: linkedinInbound,
  x: xInbound,
  youtube: youtubeInbound,
}
