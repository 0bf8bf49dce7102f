import { facebookAdapter } from './facebook'
import { instagramAdapter } from './instagram'
import { linkedinAdapter } from './linkedin'
import { tiktokAdapter } from './tiktok'
import type { NetworkAdapter, NetworkPlatform } from './types'
import { xAdapter } from './x'
import { youtubeAdapter } from './youtube'

/** The networks Badil holds accounts on; a platform (surface) belongs to one network. */
export const networks = ['facebook', 'instagram', 'x', 'linkedin', 'youtube', 'tiktok'] as const
export type Network = (typeof networks)[number]

export const networkLabels: Record<Network, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
}

export const networkOfPlatform: Record<NetworkPlatform, Network> = {
  facebook: 'facebook',
  instagram_feed: 'instagram',
  instagram_reel: 'instagram',
  instagram_story: 'instagram',
  x: 'x',
  linkedin: 'linkedin',
  youtube: 'youtube',
  youtube_short: 'youtube',
  tiktok: 'tiktok',
}

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

export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && (networks as readonly string[]).includes(value)
}
