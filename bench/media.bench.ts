/**
 * Rendition speed on a 12-megapixel JPEG photo (4000×3000, quality 90) made in memory:
 *  - the media upload as the app runs it (Payload's upload pipeline with the six `imageSizes`
 *    cropped at the focal point: original and renditions written to disk, one row in PostgreSQL);
 *  - `renderRenditions` (src/media/renditions.ts, a single-decode pipeline kept for comparison);
 *  - the baseline: a bare sharp pipeline doing the same six resizes (and, against the upload,
 *    writing the original and the six files too).
 *
 * Fair by construction: both run their six renditions concurrently (Promise.all, the same
 * libuv pool), encode with the same JPEG settings, and alternate which goes first in every
 * round. The bare pipeline crops at the centre (sharp's `cover`); Badil crops around a focal
 * point, given at the centre here so the two do the same work. Goal: Badil ≤ 1.5× bare.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { startBenchPayload } from './lib/bench-payload'
import { prng } from './lib/prng'

import { renderRenditions, renditionJpegOptions, renditionSizes } from '../src/media/renditions'

const photoWidth = 4000
const photoHeight = 3000
const rounds = Number(process.env.BENCH_ROUNDS ?? 7)

/** Gradients, fine texture and sensor-like noise: compresses like a real photo, not a flat test card. */
async function makePhoto(): Promise<Buffer> {
  const random = prng(12)
  const pixels = Buffer.alloc(photoWidth * photoHeight * 3)
  for (let y = 0; y < photoHeight; y++) {
    for (let x = 0; x < photoWidth; x++) {
      const noise = (random() - 0.5) * 36
      const texture = 40 * Math.sin(x / 11) * Math.cos(y / 17)
      const at = (y * photoWidth + x) * 3
      pixels[at] = clampByte((x / photoWidth) * 220 + noise)
      pixels[at + 1] = clampByte((y / photoHeight) * 200 + texture + noise)
      pixels[at + 2] = clampByte(120 + texture + noise)
    }
  }
  return sharp(pixels, { raw: { width: photoWidth, height: photoHeight, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

const clampByte = (value: number) => Math.max(0, Math.min(255, Math.round(value)))

function bareRenditions(photo: Buffer): Promise<Buffer[]> {
  return Promise.all(renditionSizes.map((size) => sharp(photo).resize(size.width, size.height, { fit: 'cover' }).jpeg(renditionJpegOptions).toBuffer()))
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export async function run(): Promise<void> {
  const photo = await makePhoto()
  console.log(
    `photo ${photoWidth}×${photoHeight} JPEG q90, ${(photo.length / 1024 / 1024).toFixed(1)} MiB; ${renditionSizes.length} renditions; ` +
      `${rounds} rounds; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${sharp.concurrency()} libvips thread(s), Node ${process.version}`,
  )
  const badil = () => renderRenditions(photo, { x: 50, y: 50 })
  const bare = () => bareRenditions(photo)
  await badil()
  await bare() // warm-up: libvips caches, JIT

  const badilTimes: number[] = []
  const bareTimes: number[] = []
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      badilTimes.push(await timed(badil))
      bareTimes.push(await timed(bare))
    } else {
      bareTimes.push(await timed(bare))
      badilTimes.push(await timed(badil))
    }
  }
  const badilMedian = median(badilTimes)
  const bareMedian = median(bareTimes)
  console.log(`Badil renderRenditions        median ${badilMedian.toFixed(0).padStart(5)} ms  (${badilTimes.map((t) => t.toFixed(0)).join(' ')})`)
  console.log(
    `bare sharp resize ×${renditionSizes.length}          median ${bareMedian.toFixed(0).padStart(5)} ms  (${bareTimes.map((t) => t.toFixed(0)).join(' ')})`,
  )
  console.log(`ratio renderRenditions / bare: ${(badilMedian / bareMedian).toFixed(2)}×`)

  // What the app runs: an upload through Payload, against bare sharp doing the same work on disk.
  const app = await startBenchPayload()
  try {
    let counter = 0
    const upload = () =>
      app.payload.create({
        collection: 'media',
        data: { alt: 'Photo de banc d’essai' },
        file: { data: photo, mimetype: 'image/jpeg', name: `bench-${counter++}.jpg`, size: photo.length },
      })
    const bareDir = path.join(app.mediaDir, 'bare')
    await fs.mkdir(bareDir, { recursive: true })
    const bareToDisk = async () => {
      const id = counter++
      await fs.writeFile(path.join(bareDir, `original-${id}.jpg`), photo)
      const outputs = await bareRenditions(photo)
      await Promise.all(outputs.map((output, index) => fs.writeFile(path.join(bareDir, `${id}-${index}.jpg`), output)))
    }
    await upload()
    await bareToDisk()
    const uploadTimes: number[] = []
    const bareDiskTimes: number[] = []
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        uploadTimes.push(await timed(upload))
        bareDiskTimes.push(await timed(bareToDisk))
      } else {
        bareDiskTimes.push(await timed(bareToDisk))
        uploadTimes.push(await timed(upload))
      }
    }
    const uploadMedian = median(uploadTimes)
    const bareDiskMedian = median(bareDiskTimes)
    console.log(`media upload (app pipeline)   median ${uploadMedian.toFixed(0).padStart(5)} ms  (${uploadTimes.map((t) => t.toFixed(0)).join(' ')})`)
    console.log(
      `bare sharp ×${renditionSizes.length} + write files   median ${bareDiskMedian.toFixed(0).padStart(5)} ms  (${bareDiskTimes.map((t) => t.toFixed(0)).join(' ')})`,
    )
    console.log(`ratio upload / bare: ${(uploadMedian / bareDiskMedian).toFixed(2)}×  (goal ≤ 1.5×)`)
  } finally {
    await app.close()
  }
}
