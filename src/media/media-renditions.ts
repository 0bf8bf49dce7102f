import path from 'node:path'

import type { FileStore } from '../infra/file-store'
import { renderRenditions } from './renditions'
import type { RenditionName } from './renditions'

export type StoredRendition = {
  filename: string
  url: string
  width: number
  height: number
  mimeType: string
  filesize: number
  /** The source had fewer pixels than this size: the network will get an enlarged picture. */
  upscaled: boolean
}

export type StoredRenditions = Partial<Record<RenditionName, StoredRendition>>

/** The stored name without its extension; only its last path segment, so no rendition is written outside the media's place. */
function baseName(filename: string): string {
  return path.basename(filename).replace(/\.[^.]+$/, '')
}

/**
 * Renders the network renditions of an uploaded image around its focal point and stores them
 * beside the original (served like it by /api/media/file/:filename).
 */
export async function writeRenditions(options: {
  source: Buffer
  originalFilename: string
  store: FileStore
  focalPoint: { x: number; y: number }
  serverUrl: string
}): Promise<StoredRenditions> {
  const renditions = await renderRenditions(options.source, options.focalPoint)
  const stored: StoredRenditions = {}
  await Promise.all(
    renditions.map(async (rendition) => {
      // The focal point is in the name, so a re-cropped rendition gets a new URL (no stale caches).
      const focal = `f${Math.round(options.focalPoint.x)}-${Math.round(options.focalPoint.y)}`
      const filename = `${baseName(options.originalFilename)}-${rendition.name}-${rendition.width}x${rendition.height}-${focal}.${rendition.format === 'webp' ? 'webp' : 'jpg'}`
      await options.store.write(filename, rendition.data, rendition.mimeType)
      stored[rendition.name] = {
        filename,
        url: `${options.serverUrl}/api/media/file/${encodeURIComponent(filename)}`,
        width: rendition.width,
        height: rendition.height,
        mimeType: rendition.mimeType,
        filesize: rendition.data.length,
        upscaled: rendition.upscaled,
      }
    }),
  )
  return stored
}

/** Removes rendition files that the new set does not reuse. */
export async function removeRenditions(store: FileStore, previous: StoredRenditions | null | undefined, keep: StoredRenditions = {}) {
  const kept = new Set(Object.values(keep).map((rendition) => rendition?.filename))
  await Promise.all(
    Object.values(previous ?? {})
      .filter((rendition): rendition is StoredRendition => Boolean(rendition?.filename) && !kept.has(rendition!.filename))
      .map((rendition) => store.remove(path.basename(rendition.filename))),
  )
}
