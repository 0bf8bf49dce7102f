import type { Network } from '../../../src/lib/networks'
import { facebookAdapter } from './facebook'
import { instagramAdapter } from './instagram'
import { linkedinAdapter } from './linkedin'
import { tiktokAdapter } from './tiktok'
import type { NetworkAdapter } from './types'
import { xAdapter } from './x'
import { youtubeAdapter } from './youtube'

// The networks and their platforms are facts the collections use too: they live in src/lib.
export { isNetwork, networkLabels, networkOfPlatform, networks } from '../../../src/lib/networks'
export type { Network } from '../../../src/lib/networks'

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
