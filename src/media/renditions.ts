/**
 * The per-platform renditions of an uploaded image, cropped around the asset's focal point.
 *
 * The source is decoded once into raw pixels, and every rendition is cut and resized from
 * them. Decoding dominates the cost of a 12-megapixel JPEG, so this beats six independent
 * pipelines while resampling each rendition only once from full resolution. A source at least
 * twice as large as every rendition needs is decoded pre-shrunk by a power of two (JPEG and
 * WebP do that while decoding, at little cost), which bounds the memory used by large photos.
 */
import sharp from 'sharp'

export type RenditionName = 'square' | 'portrait' | 'story' | 'landscape' | 'x' | 'thumbnail'

export interface RenditionSize {
  readonly name: RenditionName
  readonly width: number
  readonly height: number
  readonly purpose: string
}

export const renditionSizes: readonly RenditionSize[] = [
  { name: 'square', width: 1080, height: 1080, purpose: 'Instagram and Facebook feed posts, 1:1' },
  { name: 'portrait', width: 1080, height: 1350, purpose: 'Instagram feed portrait posts, 4:5' },
  { name: 'story', width: 1080, height: 1920, purpose: 'Stories, Reels and Shorts, 9:16' },
  { name: 'landscape', width: 1200, height: 630, purpose: 'Link previews (Open Graph), Facebook and LinkedIn, 1.91:1' },
  { name: 'x', width: 1600, height: 900, purpose: 'X in-stream images, 16:9' },
  { name: 'thumbnail', width: 1280, height: 720, purpose: 'Admin and YouTube thumbnails, 16:9' },
]

/** Point of interest in percent of the (upright) image: x from the left, y from the top, 0–100. */
export interface FocalPoint {
  x: number
  y: number
}

export const centreFocalPoint: FocalPoint = { x: 50, y: 50 }

export interface CropWindow {
  left: number
  top: number
  width: number
  height: number
}

/**
 * The largest window of the target's aspect ratio inside the source, centred on the focal point
 * as far as the edges allow. Out-of-range focal coordinates are clamped to the image.
 */
export function focalCropWindow(
  sourceWidth: number,
  sourceHeight: number,
  targetWidth: number,
  targetHeight: number,
  focal: FocalPoint = centreFocalPoint,
): CropWindow {
  for (const [name, value] of [
    ['sourceWidth', sourceWidth],
    ['sourceHeight', sourceHeight],
    ['targetWidth', targetWidth],
    ['targetHeight', targetHeight],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`focalCropWindow: ${name} must be a positive integer, got ${value}`)
  }
  if (!Number.isFinite(focal.x) || !Number.isFinite(focal.y)) {
    throw new RangeError(`focalCropWindow: focal point must be finite, got ${focal.x}, ${focal.y}`)
  }
  let width = sourceWidth
  let height = sourceHeight
  // Cross-multiplied so that equal ratios compare equal.
  if (sourceWidth * targetHeight > sourceHeight * targetWidth) {
    width = Math.min(sourceWidth, Math.max(1, Math.round((sourceHeight * targetWidth) / targetHeight)))
  } else {
    height = Math.min(sourceHeight, Math.max(1, Math.round((sourceWidth * targetHeight) / targetWidth)))
  }
  return {
    left: placeAround(focal.x, sourceWidth, width),
    top: placeAround(focal.y, sourceHeight, height),
    width,
    height,
  }
}

function placeAround(percent: number, whole: number, part: number): number {
  const centre = (Math.min(100, Math.max(0, percent)) / 100) * whole
  return Math.min(whole - part, Math.max(0, Math.round(centre - part / 2)))
}

export type RenditionFormat = 'jpeg' | 'webp'

export interface Rendition {
  name: RenditionName
  width: number
  height: number
  format: RenditionFormat
  mimeType: 'image/jpeg' | 'image/webp'
  data: Buffer
  /** The part of the upright source shown, in source pixels. */
  cropWindow: CropWindow
  /** The source had fewer pixels than the rendition in that window: it was enlarged. */
  upscaled: boolean
}

/** 4:4:4 keeps coloured text in infographics crisp; networks re-encode photos anyway. */
export const renditionJpegOptions: sharp.JpegOptions = { quality: 85, chromaSubsampling: '4:4:4' }
export const renditionWebpOptions: sharp.WebpOptions = { quality: 85, smartSubsample: true }

/**
 * Renders the renditions of an image (JPEG, PNG, WebP or GIF; a GIF's first frame). A WebP
 * source gives WebP renditions (transparency kept); any other gives JPEG, with transparent
 * areas on white since JPEG has no transparency. EXIF orientation is applied and metadata
 * (camera, GPS position) is not copied into the renditions.
 */
export async function renderRenditions(
  input: Buffer,
  focalPoint: FocalPoint = centreFocalPoint,
  sizes: readonly RenditionSize[] = renditionSizes,
): Promise<Rendition[]> {
  const metadata = await sharp(input).metadata()
  if (!metadata.width || !metadata.height) throw new Error('renderRenditions: the image has no dimensions')
  const quarterTurned = (metadata.orientation ?? 1) >= 5
  const uprightWidth = quarterTurned ? metadata.height : metadata.width
  const uprightHeight = quarterTurned ? metadata.width : metadata.height
  const format: RenditionFormat = metadata.format === 'webp' ? 'webp' : 'jpeg'

  const shrink = preShrinkFactor(uprightWidth, uprightHeight, sizes, focalPoint)
  let decoding = sharp(input).autoOrient()
  if (shrink > 1) {
    decoding = decoding.resize(Math.ceil(uprightWidth / shrink), Math.ceil(uprightHeight / shrink), { fit: 'fill' })
  }
  if (format === 'jpeg' && metadata.hasAlpha) decoding = decoding.flatten({ background: '#ffffff' })
  // 8-bit sRGB whatever came in (16-bit PNG, CMYK JPEG, grey, a P3 phone photo's profile).
  const { data: pixels, info } = await decoding.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })
  const raw = { width: info.width, height: info.height, channels: info.channels }

  return Promise.all(
    sizes.map(async (size): Promise<Rendition> => {
      const window = focalCropWindow(raw.width, raw.height, size.width, size.height, focalPoint)
      const cut = sharp(pixels, { raw }).extract(window).resize(size.width, size.height, { fit: 'fill' })
      const encoded = format === 'webp' ? cut.webp(renditionWebpOptions) : cut.jpeg(renditionJpegOptions)
      const sourceWindow = focalCropWindow(uprightWidth, uprightHeight, size.width, size.height, focalPoint)
      return {
        name: size.name,
        width: size.width,
        height: size.height,
        format,
        mimeType: format === 'webp' ? 'image/webp' : 'image/jpeg',
        data: await encoded.toBuffer(),
        cropWindow: sourceWindow,
        upscaled: sourceWindow.width < size.width || sourceWindow.height < size.height,
      }
    }),
  )
}

/**
 * The largest power-of-two reduction (up to 8) after which every rendition's window still has
 * at least the rendition's pixels, so that no rendition is enlarged by pre-shrinking.
 */
export function preShrinkFactor(width: number, height: number, sizes: readonly RenditionSize[] = renditionSizes, focal: FocalPoint = centreFocalPoint): number {
  for (const factor of [8, 4, 2]) {
    const shrunkWidth = Math.ceil(width / factor)
    const shrunkHeight = Math.ceil(height / factor)
    const enough = sizes.every((size) => {
      const window = focalCropWindow(shrunkWidth, shrunkHeight, size.width, size.height, focal)
      return window.width >= size.width && window.height >= size.height
    })
    if (enough) return factor
  }
  return 1
}
