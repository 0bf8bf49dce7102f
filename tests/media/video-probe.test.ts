import { probeVideo, VideoProbeError, type VideoProbeFailure } from '../../src/media/video-probe'
import { makeFragmentedMp4, makeMovie } from './fixtures/make-mp4'

async function expectProbeFailure(data: Buffer, reason: VideoProbeFailure) {
  const error = await probeVideo(data).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(VideoProbeError)
  const probeError = error as VideoProbeError
  expect(probeError.name).toBe('VideoProbeError')
  expect(probeError.reason).toBe(reason)
  expect(probeError.message).toMatch(/\S/)
  expect(probeError.userMessage.ar).toMatch(/[\u0600-\u06ff]/)
}

/** Offset of the first top-level box of a type. */
function topLevelOffset(data: Buffer, type: string): number {
  let position = 0
  while (position < data.length) {
    if (data.toString('latin1', position + 4, position + 8) === type) return position
    position += data.readUInt32BE(position)
  }
  throw new Error(`no ${type} box`)
}

describe('probeVideo', () => {
  it('reads an MP4 written by mp4box (fragmented)', async () => {
    const data = makeFragmentedMp4({ width: 640, height: 360, timescale: 30, frames: 60 })
    expect(await probeVideo(data)).toEqual({
      durationSeconds: 2,
      width: 640,
      height: 360,
      codec: 'avc1.64001f',
      sizeBytes: data.length,
      hasAudio: false,
      moovFirst: true,
    })
  })

  it('reads a classic MP4 with its movie header first', async () => {
    const data = makeMovie({ width: 1280, height: 720, timescale: 600, frameCount: 150, frameDuration: 20, profile: 0x4d, level: 0x28 })
    expect(await probeVideo(data)).toEqual({
      durationSeconds: 5,
      width: 1280,
      height: 720,
      codec: 'avc1.4d0028',
      sizeBytes: data.length,
      hasAudio: false,
      moovFirst: true,
    })
  })

  it('tells when the movie header comes after the media data, and sees the audio track', async () => {
    const facts = await probeVideo(makeMovie({ moovLast: true, withAudio: true }))
    expect(facts.moovFirst).toBe(false)
    expect(facts.hasAudio).toBe(true)
    expect(facts.durationSeconds).toBe(1)
  })

  it('reads a QuickTime MOV from a phone held upright as portrait', async () => {
    const data = makeMovie({ brand: 'qt  ', width: 1920, height: 1080, rotation: 90, withAudio: true, frameCount: 45, frameDuration: 20 })
    expect(await probeVideo(data)).toEqual({
      durationSeconds: 1.5,
      width: 1080,
      height: 1920,
      codec: 'avc1.64001f',
      sizeBytes: data.length,
      hasAudio: true,
      moovFirst: true,
    })
  })

  it('reads a media data box with a 64-bit size, and one that runs to the end of the file', async () => {
    const movie = makeMovie()
    const mdat = topLevelOffset(movie, 'mdat')
    const payload = movie.subarray(mdat + 8)
    const largeHeader = Buffer.alloc(16)
    largeHeader.writeUInt32BE(1, 0)
    largeHeader.write('mdat', 4, 'latin1')
    largeHeader.writeBigUInt64BE(BigInt(16 + payload.length), 8)
    const large = Buffer.concat([movie.subarray(0, mdat), largeHeader, payload])
    expect((await probeVideo(large)).durationSeconds).toBe(1)

    const toEnd = Buffer.from(movie)
    toEnd.writeUInt32BE(0, mdat)
    expect((await probeVideo(toEnd)).width).toBe(640)
  })

  it('rejects garbage, images and text', async () => {
    await expectProbeFailure(Buffer.from('this is not a video, just words that go on for a while'), 'not_iso_bmff')
    await expectProbeFailure(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), 'not_iso_bmff')
    await expectProbeFailure(Buffer.alloc(0), 'not_iso_bmff')
    await expectProbeFailure(Buffer.from([0, 0, 0]), 'not_iso_bmff')
  })

  it('rejects a truncated upload', async () => {
    const movie = makeMovie()
    await expectProbeFailure(movie.subarray(0, movie.length - 3), 'truncated')
    await expectProbeFailure(makeMovie({ moovLast: true }).subarray(0, 200), 'truncated')
  })

  it('rejects a recording whose movie header was never written', async () => {
    const movie = makeMovie({ moovLast: true })
    await expectProbeFailure(movie.subarray(0, topLevelOffset(movie, 'moov')), 'no_movie_header')
  })

  it('rejects a damaged movie header', async () => {
    const movie = Buffer.from(makeMovie())
    const moov = topLevelOffset(movie, 'moov')
    // The first child box (mvhd) claims more bytes than its parent holds.
    movie.writeUInt32BE(0x7fffffff, moov + 8)
    await expectProbeFailure(movie, 'corrupt')
  })

  it('rejects garbage after the last box', async () => {
    const movie = Buffer.concat([makeMovie(), Buffer.from('junk!')])
    await expectProbeFailure(movie, 'corrupt')
    // …but tolerates a few zero bytes of padding.
    expect((await probeVideo(Buffer.concat([makeMovie(), Buffer.alloc(4)]))).width).toBe(640)
  })
})
