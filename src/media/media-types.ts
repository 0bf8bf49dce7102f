/**
 * What the `media` collection accepts: kinds, formats (MIME type and file-name extensions) and
 * Badil's own size limit per kind. These limits are what Badil stores; each network's own
 * limits live in platform-limits.ts and are checked when a variant is validated.
 *
 * Sizes in "MB" are MiB (1024²), the convention of platform-limits.ts.
 */

export type MediaKind = 'image' | 'video' | 'pdf'

export const mediaKinds: readonly MediaKind[] = ['image', 'video', 'pdf']

export interface AcceptedFormat {
  readonly kind: MediaKind
  readonly mimeType: string
  /** The extension a stored file gets. */
  readonly extension: string
  /** Every extension a file name of this format may end with (lower case, no dot). */
  readonly extensions: readonly string[]
}

export const acceptedFormats: readonly AcceptedFormat[] = [
  { kind: 'image', mimeType: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  { kind: 'image', mimeType: 'image/png', extension: 'png', extensions: ['png', 'apng'] },
  { kind: 'image', mimeType: 'image/webp', extension: 'webp', extensions: ['webp'] },
  { kind: 'image', mimeType: 'image/gif', extension: 'gif', extensions: ['gif'] },
  { kind: 'video', mimeType: 'video/mp4', extension: 'mp4', extensions: ['mp4', 'm4v'] },
  { kind: 'video', mimeType: 'video/quicktime', extension: 'mov', extensions: ['mov', 'qt'] },
  { kind: 'pdf', mimeType: 'application/pdf', extension: 'pdf', extensions: ['pdf'] },
]

/** For the collection's `upload.mimeTypes`: the browser's file picker and Payload's first filter. */
export const acceptedMimeTypes: readonly string[] = acceptedFormats.map((format) => format.mimeType)

export function formatOfMimeType(mimeType: string): AcceptedFormat | undefined {
  const bare = mimeType.split(';')[0]!.trim().toLowerCase()
  return acceptedFormats.find((format) => format.mimeType === bare)
}

export function kindOfExtension(extension: string): MediaKind | undefined {
  const bare = extension.replace(/^\./, '').toLowerCase()
  return acceptedFormats.find((format) => format.extensions.includes(bare))?.kind
}

/** Largest accepted file per kind, in bytes. */
export type SizeLimits = Readonly<Record<MediaKind, number>>

export const MiB = 1024 * 1024

export const defaultSizeLimitsMiB: Readonly<Record<MediaKind, number>> = {
  image: 20,
  video: 1024,
  pdf: 50,
}

export const defaultSizeLimits: SizeLimits = {
  image: defaultSizeLimitsMiB.image * MiB,
  video: defaultSizeLimitsMiB.video * MiB,
  pdf: defaultSizeLimitsMiB.pdf * MiB,
}
