import fc from 'fast-check'
import sharp from 'sharp'

import {
  focalCropWindow,
  preShrinkFactor,
  renderRenditions,
  renditionSizes,
  type FocalPoint,
  type Rendition,
} from '../../src/media/renditions'

const red = { r: 220, g: 20, b: 30 }
const grey = { r: 128, g: 128, b: 128 }

/** A grey picture with a red block in its top-left corner. */
async function pictureWithRedCorner(width: number, height: number, block: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  const redBlock = await sharp({ create: { width: block, height: block, channels: 3, background: red } }).png().toBuffer()
  return sharp({ create: { width, height, channels: 3, background: grey } })
    .composite([{ input: redBlock, left: 0, top: 0 }])
    .toFormat(format)
    .toBuffer()
}

async function redShare(rendition: Rendition): Promise<number> {
  const { data, info } = await sharp(rendition.data).raw().toBuffer({ resolveWithObject: true })
  let count = 0
  for (let at = 0; at < data.length; at += info.channels) {
    if (data[at]! > 180 && data[at + 1]! < 70 && data[at + 2]! < 80) count++
  }
  return count / (info.width * info.height)
}

const byName = (renditions: Rendition[], name: string) => renditions.find((rendition) => rendition.name === name)!

describe('renditionSizes', () => {
  it('are the six sizes of the design brief', () => {
    expect(renditionSizes.map(({ name, width, height }) => `${name} ${width}×${height}`)).toEqual([
      'square 1080×1080',
      'portrait 1080×1350',
      'story 1080×1920',
      'landscape 1200×630',
      'x 1600×900',
      'thumbnail 1280×720',
    ])
    for (const size of renditionSizes) expect(size.purpose).toMatch(/\S/)
  })
})

describe('focalCropWindow', () => {
  it('takes the full height of a wider source, centred by default', () => {
    expect(focalCropWindow(4000, 3000, 1080, 1080)).toEqual({ left: 500, top: 0, width: 3000, height: 3000 })
  })

  it('slides to the edges when the focal point is at 0 or 100', () => {
    expect(focalCropWindow(4000, 3000, 1080, 1080, { x: 0, y: 50 })).toEqual({ left: 0, top: 0, width: 3000, height: 3000 })
    expect(focalCropWindow(4000, 3000, 1080, 1080, { x: 100, y: 50 })).toEqual({ left: 1000, top: 0, width: 3000, height: 3000 })
  })

  it('handles a target narrower than the source (story from landscape)', () => {
    expect(focalCropWindow(4000, 3000, 1080, 1920, { x: 100, y: 0 })).toEqual({ left: 2312, top: 0, width: 1688, height: 3000 })
  })

  it('handles a target wider than the source (link preview from a square)', () => {
    expect(focalCropWindow(1000, 1000, 1200, 630, { x: 50, y: 0 })).toEqual({ left: 0, top: 0, width: 1000, height: 525 })
    expect(focalCropWindow(1000, 1000, 1200, 630, { x: 50, y: 100 })).toEqual({ left: 0, top: 475, width: 1000, height: 525 })
    expect(focalCropWindow(1000, 1000, 1200, 630, { x: 50, y: 50 })).toEqual({ left: 0, top: 238, width: 1000, height: 525 })
  })

  it('keeps the whole source when the aspect ratios match', () => {
    expect(focalCropWindow(3200, 1800, 1600, 900, { x: 0, y: 100 })).toEqual({ left: 0, top: 0, width: 3200, height: 1800 })
  })

  it('clamps focal coordinates outside 0–100 and refuses meaningless input', () => {
    expect(focalCropWindow(4000, 3000, 1080, 1080, { x: -20, y: 150 })).toEqual(focalCropWindow(4000, 3000, 1080, 1080, { x: 0, y: 100 }))
    expect(() => focalCropWindow(0, 3000, 1080, 1080)).toThrow(RangeError)
    expect(() => focalCropWindow(4000, 3000, 1080, 10.5)).toThrow(RangeError)
    expect(() => focalCropWindow(4000, 3000, 1080, 1080, { x: Number.NaN, y: 50 })).toThrow(RangeError)
  })

  it('always returns the largest in-bounds window of the target’s shape', () => {
    const side = fc.integer({ min: 1, max: 12000 })
    const percent = fc.double({ min: 0, max: 100, noNaN: true })
    fc.assert(
      fc.property(side, side, side, side, percent, percent, (sw, sh, tw, th, x, y) => {
        const window = focalCropWindow(sw, sh, tw, th, { x, y })
        expect(window.left).toBeGreaterThanOrEqual(0)
        expect(window.top).toBeGreaterThanOrEqual(0)
        expect(window.left + window.width).toBeLessThanOrEqual(sw)
        expect(window.top + window.height).toBeLessThanOrEqual(sh)
        // The side that fits is whole; the cut side is the target's ratio, rounded (at least 1 px).
        if (sw * th > sh * tw) {
          expect(window.height).toBe(sh)
          expect(Math.abs(window.width - Math.max(1, (sh * tw) / th))).toBeLessThanOrEqual(0.5 + 1e-9)
        } else {
          expect(window.width).toBe(sw)
          expect(Math.abs(window.height - Math.max(1, (sw * th) / tw))).toBeLessThanOrEqual(0.5 + 1e-9)
        }
      }),
    )
  })
})

describe('preShrinkFactor', () => {
  it('pre-shrinks only when every rendition keeps at least its own pixels', () => {
    expect(preShrinkFactor(4000, 3000)).toBe(1) // the story needs 1920 of 3000 rows
    expect(preShrinkFactor(5200, 3900)).toBe(2)
    expect(preShrinkFactor(16000, 12000)).toBe(4)
    expect(preShrinkFactor(800, 600)).toBe(1)
  })
})

describe('renderRenditions', () => {
  it('gives every rendition exactly its size, as JPEG from a JPEG', async () => {
    const renditions = await renderRenditions(await pictureWithRedCorner(3000, 2000, 300))
    expect(renditions.map((rendition) => rendition.name)).toEqual(renditionSizes.map((size) => size.name))
    for (const rendition of renditions) {
      const metadata = await sharp(rendition.data).metadata()
      expect([rendition.name, metadata.format, metadata.width, metadata.height]).toEqual([
        rendition.name,
        'jpeg',
        rendition.width,
        rendition.height,
      ])
      expect(rendition.mimeType).toBe('image/jpeg')
      expect(rendition.upscaled).toBe(false)
    }
  })

  it('honours the focal point', async () => {
    // 3000×1000 with a 900×900 red block top-left: a square window is 1000×1000.
    const picture = await pictureWithRedCorner(3000, 1000, 900)
    const towardsBlock = byName(await renderRenditions(picture, { x: 5, y: 5 }), 'square')
    expect(towardsBlock.cropWindow).toEqual({ left: 0, top: 0, width: 1000, height: 1000 })
    expect(await redShare(towardsBlock)).toBeGreaterThan(0.75)

    const oppositeCorner = byName(await renderRenditions(picture, { x: 95, y: 95 }), 'square')
    expect(oppositeCorner.cropWindow.left).toBe(2000)
    expect(await redShare(oppositeCorner)).toBeLessThan(0.01)
  })

  it('reads the focal point on the upright image (EXIF orientation applied)', async () => {
    // Stored 3000×1000 with the block top-left, tagged "rotate 90° clockwise": upright, the
    // picture is 1000×3000 with the block top-right.
    const stored = await pictureWithRedCorner(3000, 1000, 900)
    const tagged = await sharp(stored).withMetadata({ orientation: 6 }).jpeg().toBuffer()
    const renditions = await renderRenditions(tagged, { x: 95, y: 5 })
    const square = byName(renditions, 'square')
    expect(square.cropWindow).toEqual({ left: 0, top: 0, width: 1000, height: 1000 })
    expect(await redShare(square)).toBeGreaterThan(0.75)
    expect(await redShare(byName(await renderRenditions(tagged, { x: 5, y: 95 }), 'square'))).toBeLessThan(0.01)
  })

  it('pre-shrinks a large photo without losing sizes or the focal point', async () => {
    const picture = await pictureWithRedCorner(5200, 3900, 3400)
    const renditions = await renderRenditions(picture, { x: 0, y: 0 })
    for (const rendition of renditions) {
      const metadata = await sharp(rendition.data).metadata()
      expect([metadata.width, metadata.height]).toEqual([rendition.width, rendition.height])
      expect(rendition.upscaled).toBe(false)
    }
    expect(await redShare(byName(renditions, 'square'))).toBeGreaterThan(0.6)
  })

  it('enlarges a small picture to the exact sizes and says so', async () => {
    const renditions = await renderRenditions(await pictureWithRedCorner(400, 300, 50))
    for (const rendition of renditions) {
      const metadata = await sharp(rendition.data).metadata()
      expect([metadata.width, metadata.height]).toEqual([rendition.width, rendition.height])
      expect(rendition.upscaled).toBe(true)
    }
  })

  it('keeps WebP (with transparency) for a WebP source', async () => {
    const transparent = await sharp({ create: { width: 1600, height: 1600, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
      .webp()
      .toBuffer()
    const renditions = await renderRenditions(transparent)
    for (const rendition of renditions) {
      const metadata = await sharp(rendition.data).metadata()
      expect([rendition.format, rendition.mimeType, metadata.format, metadata.hasAlpha]).toEqual(['webp', 'image/webp', 'webp', true])
      expect([metadata.width, metadata.height]).toEqual([rendition.width, rendition.height])
    }
  })

  it('puts a transparent PNG on white for JPEG renditions, and handles 16-bit PNG', async () => {
    const transparent = await sharp({ create: { width: 1200, height: 1200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer()
    const square = byName(await renderRenditions(transparent), 'square')
    const { data } = await sharp(square.data).raw().toBuffer({ resolveWithObject: true })
    expect(Math.min(data[0]!, data[1]!, data[2]!)).toBeGreaterThan(245)

    const sixteenBit = await sharp({ create: { width: 1300, height: 1300, channels: 3, background: grey } })
      .toColourspace('rgb16')
      .png()
      .toBuffer()
    expect((await sharp(sixteenBit).metadata()).depth).toBe('ushort')
    const fromSixteen = byName(await renderRenditions(sixteenBit), 'x')
    const pixel = await sharp(fromSixteen.data).raw().toBuffer()
    expect(Math.abs(pixel[0]! - grey.r)).toBeLessThan(4)
  })

  it('refuses what is not an image', async () => {
    await expect(renderRenditions(Buffer.from('not an image'))).rejects.toThrow()
  })

  it('renders only the sizes asked for', async () => {
    const only: FocalPoint = { x: 50, y: 50 }
    const renditions = await renderRenditions(await pictureWithRedCorner(1200, 800, 100), only, [renditionSizes[0]!])
    expect(renditions.map((rendition) => rendition.name)).toEqual(['square'])
  })
})
