/**
 * Where an upload collection's files live: the local disk or a bucket. Badil's own file work
 * (renditions, the manual kit, what networks fetch, report attachments, the readiness check)
 * goes through this, never through a folder path, so it works the same on one machine and on
 * several instances sharing object storage. Payload's own upload and download go through
 * `@payloadcms/storage-s3` to the same places (see src/infra/object-storage.ts).
 */
import type { Readable } from 'node:stream'

import type { Payload } from 'payload'

export type StoredFile = { stream: Readable; size: number }

export type FileStore = {
  /** `disk` or `s3`: for logs and the health answer's reader, never shown to users. */
  readonly kind: 'disk' | 's3'
  /** Writes (or replaces) a file under this name, from memory or streamed with its size. */
  write(filename: string, data: Buffer | StoredFile, mimeType: string): Promise<void>
  /** The whole file; null when there is no such file. */
  read(filename: string): Promise<Buffer | null>
  /** The file as a stream with its size; null when there is no such file. */
  open(filename: string): Promise<StoredFile | null>
  /** The file's size; null when there is no such file. */
  size(filename: string): Promise<number | null>
  /** Removes the file; a missing file is not an error. */
  remove(filename: string): Promise<void>
  /** Throws when files cannot be written or read here (the readiness check). */
  check(): Promise<void>
  /**
   * A link anyone can fetch the file by until `expiresInSeconds` have passed, when the store has
   * a public address of its own (a bucket's public endpoint); null otherwise.
   */
  publicLink(filename: string, options: { mimeType: string; expiresInSeconds: number }): Promise<string | null>
}

/** The stores of the collections whose files Badil reads and writes itself. */
export type FileStores = { media: FileStore; reports: FileStore }

/** A stored name is a single path segment: a rendition never lands outside its collection's place. */
export function isPlainFilename(filename: string): boolean {
  return filename !== '' && !filename.includes('/') && !filename.includes('\\') && !filename.startsWith('.')
}

/** The stores built from the environment at config time (payload.config.ts puts them in `custom`). */
export function fileStoresOf(payload: Pick<Payload, 'config'>): FileStores {
  const stores = (payload.config.custom as { fileStores?: FileStores } | undefined)?.fileStores
  if (!stores) throw new Error('Badil config has no file stores (custom.fileStores)')
  return stores
}
