import type { Platform } from './platform-limits'

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

export const networkOfPlatform: Record<Platform, Network> = {
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

export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && (networks as readonly string[]).includes(value)
}
