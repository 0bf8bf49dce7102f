import type { Platform } from './platform-limits'
import { renditionSizes } from '../media/renditions'
import type { RenditionSize } from '../media/renditions'

const rendition = (name: string) => renditionSizes.find((size) => size.name === name)!

/**
 * The rendition each platform's feed shows first: the variant preview crops the first image like
 * it, and publishing (and the manual kit) sends that file.
 */
export const feedRendition: Record<Platform, RenditionSize> = {
  facebook: rendition('landscape'),
  instagram_feed: rendition('portrait'),
  instagram_reel: rendition('story'),
  instagram_story: rendition('story'),
  x: rendition('x'),
  linkedin: rendition('landscape'),
  youtube: rendition('thumbnail'),
  youtube_short: rendition('story'),
  tiktok: rendition('story'),
}
