/**
 * Reads a video's duration, dimensions and codec from the file itself, with mp4box (MP4 and
 * QuickTime MOV are both ISO base media files), all in memory and without any external binary.
 *
 * Only the metadata boxes reach mp4box: the top-level boxes are walked here first, which
 * checks the file's structure (a truncated upload is caught) and tells whether the movie
 * header comes before the media data, and then the bulky `mdat` payload is left out so a
 * 1 GB video is never copied.
 */
import { createFile, MP4BoxBuffer, type Movie, type Track } from 'mp4box'

import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

export interface VideoFacts {
  durationSeconds: number
  /** As displayed: a phone video recorded upright reports portrait dimensions. */
  width: number
  height: number
  /** RFC 6381 codec string of the first video track, e.g. "avc1.64001f", "hvc1.1.6.L93.B0". */
  codec: string
  sizeBytes: number
  hasAudio: boolean
  /** Movie header (`moov`) before the media data: playback and Instagram can start at once. */
  moovFirst: boolean
}

export type VideoProbeFailure = 'not_iso_bmff' | 'truncated' | 'corrupt' | 'no_movie_header' | 'no_video_track'

export class VideoProbeError extends Error {
  override readonly name = 'VideoProbeError'

  constructor(
    readonly reason: VideoProbeFailure,
    message: string,
    readonly userMessage: Localized = appText(`videoProbe:${reason}`),
  ) {
    super(message)
  }
}

export async function probeVideo(data: Buffer): Promise<VideoFacts> {
  const boxes = topLevelBoxes(data)
  const moovIndex = boxes.findIndex((box) => box.type === 'moov')
  if (moovIndex < 0) {
    throw new VideoProbeError('no_movie_header', 'The file has no movie header (moov box): the recording or the export did not finish.')
  }
  const firstMdatIndex = boxes.findIndex((box) => box.type === 'mdat')
  const movie = readMovie(metadataOnly(data, boxes))

  const video = movie.videoTracks[0]
  if (!video) throw new VideoProbeError('no_video_track', 'The file has no video track (audio only?).')
  const { width, height } = displayedSize(video)
  const durationSeconds = movieDurationSeconds(movie)
  if (!(durationSeconds > 0) || !(width > 0) || !(height > 0)) {
    throw new VideoProbeError('corrupt', `The movie header gives no usable duration or size (duration ${durationSeconds} s, ${width}×${height}).`)
  }
  return {
    durationSeconds,
    width,
    height,
    codec: video.codec,
    sizeBytes: data.length,
    hasAudio: movie.audioTracks.length > 0,
    moovFirst: firstMdatIndex < 0 || moovIndex < firstMdatIndex,
  }
}

// --- Top-level boxes ------------------------------------------------------------------------

interface TopLevelBox {
  type: string
  start: number
  size: number
}

/** Box types an MP4 or QuickTime file may start with (QuickTime files may lack `ftyp`). */
const possibleFirstBoxes = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid'])

/** Payload boxes mp4box does not need to describe the movie. */
const payloadBoxes = new Set(['mdat', 'free', 'skip', 'wide'])

function topLevelBoxes(data: Buffer): TopLevelBox[] {
  const boxes: TopLevelBox[] = []
  let position = 0
  while (position < data.length) {
    const remaining = data.length - position
    if (remaining < 8) {
      // A few zero bytes of padding after the last box are harmless; anything else is not a box.
      if (data.subarray(position).every((byte) => byte === 0) && boxes.length > 0) break
      throw notIsoOrTruncated(boxes, `${remaining} stray bytes at offset ${position}`)
    }
    const type = data.toString('latin1', position + 4, position + 8)
    if (!/^[\x20-\x7e\xa9]{4}$/.test(type) || (boxes.length === 0 && !possibleFirstBoxes.has(type))) {
      throw notIsoOrTruncated(boxes, `no valid box at offset ${position}`)
    }
    const declaredSize = data.readUInt32BE(position)
    let size: number
    if (declaredSize === 1) {
      if (remaining < 16) throw new VideoProbeError('truncated', `The file ends inside the header of its "${type}" box.`)
      size = Number(data.readBigUInt64BE(position + 8))
      if (size < 16) throw new VideoProbeError('corrupt', `The "${type}" box at offset ${position} has an impossible size (${size}).`)
    } else if (declaredSize === 0) {
      size = remaining // "extends to the end of the file"
    } else {
      size = declaredSize
      if (size < 8) throw new VideoProbeError('corrupt', `The "${type}" box at offset ${position} has an impossible size (${size}).`)
    }
    if (size > remaining) {
      throw new VideoProbeError(
        'truncated',
        `The file is truncated: its "${type}" box needs ${size} bytes from offset ${position} but only ${remaining} remain.`,
      )
    }
    boxes.push({ type, start: position, size })
    position += size
  }
  if (boxes.length === 0) throw new VideoProbeError('not_iso_bmff', 'The file is empty.')
  return boxes
}

function notIsoOrTruncated(boxesSoFar: TopLevelBox[], detail: string): VideoProbeError {
  return boxesSoFar.length === 0
    ? new VideoProbeError('not_iso_bmff', `Not an MP4 or QuickTime (ISO base media) file: ${detail}.`)
    : new VideoProbeError('corrupt', `The file is damaged after its "${boxesSoFar.at(-1)!.type}" box: ${detail}.`)
}

function metadataOnly(data: Buffer, boxes: TopLevelBox[]): MP4BoxBuffer {
  const kept = boxes.filter((box) => !payloadBoxes.has(box.type))
  const buffer = new MP4BoxBuffer(kept.reduce((total, box) => total + box.size, 0))
  const bytes = new Uint8Array(buffer)
  let offset = 0
  for (const box of kept) {
    bytes.set(data.subarray(box.start, box.start + box.size), offset)
    offset += box.size
  }
  buffer.fileStart = 0
  return buffer
}

// --- Movie facts ----------------------------------------------------------------------------

function readMovie(metadata: MP4BoxBuffer): Movie {
  const file = createFile()
  let movie: Movie | undefined
  let parseError: string | undefined
  file.onReady = (info) => {
    movie = info
  }
  file.onError = (module, message) => {
    parseError ??= `${module}: ${message}`
  }
  // mp4box reports errors inside nested boxes on console.error rather than to onError. Parsing
  // is synchronous, so capturing them for this call alone cannot catch anyone else's output.
  const consoleError = console.error
  console.error = (...parts: unknown[]) => {
    parseError ??= parts.slice(1).map(String).join(' ')
  }
  try {
    file.appendBuffer(metadata, true)
    file.flush()
  } catch (error) {
    parseError ??= error instanceof Error ? error.message : String(error)
  } finally {
    console.error = consoleError
  }
  if (parseError !== undefined) throw new VideoProbeError('corrupt', `The movie header cannot be read (${parseError}).`)
  if (!movie) throw new VideoProbeError('corrupt', 'The movie header is incomplete.')
  return movie
}

function movieDurationSeconds(movie: Movie): number {
  if (movie.duration > 0 && movie.timescale > 0) return movie.duration / movie.timescale
  // Fragmented files often leave the movie header's duration at 0; their fragments carry it.
  const fragments = movie.fragment_duration
  if (fragments && fragments.num > 0 && fragments.den > 0) return fragments.num / fragments.den
  return Math.max(0, ...movie.tracks.map((track) => (track.timescale > 0 ? track.samples_duration / track.timescale : 0)))
}

/** Track header size (it includes pixel aspect ratio), turned by the track's rotation matrix. */
function displayedSize(track: Track): { width: number; height: number } {
  const width = Math.round(track.track_width > 0 ? track.track_width : (track.video?.width ?? 0))
  const height = Math.round(track.track_height > 0 ? track.track_height : (track.video?.height ?? 0))
  const [a = 0, b = 0, , c = 0, d = 0] = Array.from(track.matrix ?? [])
  const quarterTurn = a === 0 && d === 0 && b !== 0 && c !== 0
  return quarterTurn ? { width: height, height: width } : { width, height }
}
