import sharp from 'sharp'

/** A JPEG of the given size with a gradient, so it compresses like a photo. */
export async function makeJpeg(width: number, height: number, quality = 80): Promise<Buffer> {
  const channels = 3
  const pixels = Buffer.alloc(width * height * channels)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * channels
      pixels[offset] = (x * 255) / width
      pixels[offset + 1] = (y * 255) / height
      pixels[offset + 2] = 128
    }
  }
  return sharp(pixels, { raw: { width, height, channels } }).jpeg({ quality }).toBuffer()
}

/** A JPEG with a red square in its top-left quarter, on blue. */
export async function makeMarkedJpeg(width: number, height: number): Promise<Buffer> {
  const red = await sharp({ create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer()
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer()
}
