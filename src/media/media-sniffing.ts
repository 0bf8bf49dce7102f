/**
 * Decides from an upload's bytes whether the `media` collection may keep it.
 *
 * The bytes are the truth; the file name and the browser's declared type are claims, checked
 * against them. Only the formats of media-types.ts pass (an allowlist): the specific checks
 * below (programs, web pages, SVG, renamed files) exist to give people a precise reason, not
 * to make the refusal safe, which the allowlist already does.
 */
import { fileTypeFromBuffer } from 'file-type'

import { formatOfMimeType, kindOfExtension, MiB, type AcceptedFormat, type MediaKind, type SizeLimits } from './media-types'
import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'
import type { AppStringKey } from '../i18n/translations'

export type UploadRefusalCode = 'type_not_allowed' | 'type_mismatch' | 'too_large' | 'empty' | 'executable' | 'svg'

export interface AcceptedUpload {
  ok: true
  kind: MediaKind
  /** Detected from the bytes, whatever the name or the browser said. */
  mimeType: string
  /** The extension the stored file should carry (jpg, png, webp, gif, mp4, mov, pdf). */
  extension: string
}

export interface RefusedUpload {
  ok: false
  field: 'file'
  code: UploadRefusalCode
  message: Localized
  /** What the bytes were recognised as, for logs; absent when nothing was recognised. */
  detectedMimeType?: string
}

export type UploadInspection = AcceptedUpload | RefusedUpload

export interface UploadToInspect {
  data: Buffer
  filename: string
  declaredMimeType?: string
  limits: SizeLimits
}

export async function inspectUpload(input: UploadToInspect): Promise<UploadInspection> {
  const { data, filename, declaredMimeType, limits } = input
  if (data.length === 0) return refuse('empty', messages.empty())

  if (startsWithProgramSignature(data)) return refuse('executable', messages.executable())

  const detected = await fileTypeFromBuffer(data)
  const format = detected === undefined ? undefined : acceptedFormatOf(detected.mime)

  if (format === undefined) {
    if (detected !== undefined && activeContentMimeTypes.has(detected.mime)) {
      return refuse('executable', messages.executable(), detected.mime)
    }
    if (detected === undefined || detected.mime === 'application/xml') {
      const markup = leadingMarkup(data)
      if (markup === 'svg') return refuse('svg', messages.svg(), 'image/svg+xml')
      if (markup === 'html') return refuse('executable', messages.executable(), 'text/html')
    }
    return refuse('type_not_allowed', messages.typeNotAllowed(detected?.ext), detected?.mime)
  }

  // A valid image with a ZIP archive glued on its end is how JAR/APK polyglots travel.
  if (endsWithZipArchive(data)) return refuse('executable', messages.executable(), format.mimeType)

  const extension = extensionOf(filename)
  if (extension !== undefined && kindOfExtension(extension) !== format.kind) {
    return refuse('type_mismatch', messages.extensionMismatch(extension, format), format.mimeType)
  }
  const declaredKind = declaredMimeType === undefined ? undefined : formatOfMimeType(declaredMimeType)?.kind
  if (declaredKind !== undefined && declaredKind !== format.kind) {
    return refuse('type_mismatch', messages.declaredMismatch(declaredMimeType!, format), format.mimeType)
  }

  const limit = limits[format.kind]
  if (data.length > limit) return refuse('too_large', messages.tooLarge(format.kind, data.length, limit), format.mimeType)

  return { ok: true, kind: format.kind, mimeType: format.mimeType, extension: format.extension }
}

function refuse(code: UploadRefusalCode, message: Localized, detectedMimeType?: string): RefusedUpload {
  return detectedMimeType === undefined ? { ok: false, field: 'file', code, message } : { ok: false, field: 'file', code, message, detectedMimeType }
}

// --- What the bytes are -------------------------------------------------------------------

/** file-type names two accepted formats by a variant: APNG is a PNG, M4V an MP4. */
const detectedAliases: Readonly<Record<string, string>> = {
  'image/apng': 'image/png',
  'video/x-m4v': 'video/mp4',
}

function acceptedFormatOf(detectedMimeType: string): AcceptedFormat | undefined {
  return formatOfMimeType(detectedAliases[detectedMimeType] ?? detectedMimeType)
}

/** Formats file-type recognises that run code, install software or carry it. */
const activeContentMimeTypes: ReadonlySet<string> = new Set([
  'application/x-elf',
  'application/x-msdownload',
  'application/x-mach-binary',
  'application/java-vm',
  'application/wasm',
  'application/x-shockwave-flash',
  'application/zip',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-xpinstall',
  'application/x-google-chrome-extension',
  'application/x-asar',
  'application/x-ms-shortcut',
  'application/x-cfb', // MSI installers and macro-capable Office 97 files
  'application/vnd.ms-cab-compressed',
  'application/vnd.ms-htmlhelp',
  'application/x-ms-regedit',
  'application/x-deb',
  'application/x-rpm',
  'application/x-apple-diskimage',
  'application/x-iso9660-image',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel.template.macroenabled.12',
  'application/vnd.ms-word.document.macroenabled.12',
  'application/vnd.ms-word.template.macroenabled.12',
  'application/vnd.ms-powerpoint.presentation.macroenabled.12',
  'application/vnd.ms-powerpoint.slideshow.macroenabled.12',
  'application/vnd.ms-powerpoint.template.macroenabled.12',
])

/** Leading bytes of programs, checked before file-type so none is ever mistaken for media. */
const programSignatures: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF (Linux, Android native code)
  [0x4d, 0x5a], // MZ: DOS and Windows PE executables, DLLs
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32-bit, big-endian
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64-bit, big-endian
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32-bit, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal binary, Java class file
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  [0x64, 0x65, 0x78, 0x0a], // Android DEX
  [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], // Windows shortcut (.lnk)
  [0x23, 0x21], // #! script
  [0xef, 0xbb, 0xbf, 0x23, 0x21], // #! script behind a UTF-8 byte order mark
]

function startsWithProgramSignature(data: Buffer): boolean {
  return programSignatures.some((signature) => data.length >= signature.length && signature.every((byte, index) => data[index] === byte))
}

/** How far into a text file markup is looked for; browsers sniff about as far. */
const markupSniffBytes = 4096

/**
 * The root of a text document that browsers would render: an SVG image or an HTML page.
 * Skips a byte order mark, XML declarations and processing instructions, comments and a
 * doctype, the way an XML parser or a browser's sniffer would.
 */
export function leadingMarkup(data: Uint8Array): 'svg' | 'html' | undefined {
  let text = decodeLeadingText(data.subarray(0, markupSniffBytes)).toLowerCase()
  for (;;) {
    text = text.replace(/^[\s\ufeff]+/, '')
    if (text.startsWith('<?xml')) {
      const end = text.indexOf('?>')
      if (end < 0) return undefined
      text = text.slice(end + 2)
    } else if (text.startsWith('<!--')) {
      const end = text.indexOf('-->')
      if (end < 0) return undefined
      text = text.slice(end + 3)
    } else if (text.startsWith('<!doctype')) {
      if (/^<!doctype\s+html\b/.test(text)) return 'html'
      if (/^<!doctype\s+svg\b/.test(text)) return 'svg'
      const end = doctypeEnd(text)
      if (end < 0) return undefined
      text = text.slice(end)
    } else {
      break
    }
  }
  if (/^<([\w.-]+:)?svg[\s/>]/.test(text)) return 'svg'
  if (/^<([\w.-]+:)?(html|head|body|script|iframe|frameset|object|embed)[\s/>]/.test(text)) return 'html'
  if (text.startsWith('<?php')) return 'html'
  return undefined
}

/** End of a doctype, past an internal subset in brackets if there is one. */
function doctypeEnd(text: string): number {
  const bracket = text.indexOf('[')
  const close = text.indexOf('>')
  if (bracket >= 0 && bracket < close) {
    const subsetEnd = text.indexOf(']', bracket)
    if (subsetEnd < 0) return -1
    const after = text.indexOf('>', subsetEnd)
    return after < 0 ? -1 : after + 1
  }
  return close < 0 ? -1 : close + 1
}

function decodeLeadingText(bytes: Uint8Array): string {
  const [first, second] = bytes
  if (first === 0xff && second === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (first === 0xfe && second === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  // UTF-16 without a byte order mark, told apart by the zero byte beside "<".
  if (first === 0x3c && second === 0x00) return new TextDecoder('utf-16le').decode(bytes)
  if (first === 0x00 && second === 0x3c) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}

const zipEndOfDirectory = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const zipDirectoryEntry = 0x02014b50
const zip64EndLocator = 0x07064b50
const zipEndRecordSize = 22

/**
 * Whether the data ends with a ZIP archive (as JAR, APK and "GIFAR" polyglots do). A random
 * match of the 4-byte end-of-directory signature is not enough: the record must end the file
 * exactly (after its comment) and point back at a central directory entry.
 */
export function endsWithZipArchive(data: Buffer): boolean {
  if (data.length < zipEndRecordSize) return false
  const earliest = Math.max(0, data.length - zipEndRecordSize - 0xffff)
  let at = data.lastIndexOf(zipEndOfDirectory, data.length - zipEndRecordSize)
  while (at >= earliest) {
    const commentLength = data.readUInt16LE(at + 20)
    if (at + zipEndRecordSize + commentLength === data.length) {
      if (at >= 20 && data.readUInt32LE(at - 20) === zip64EndLocator) return true
      const directoryStart = at - data.readUInt32LE(at + 12)
      if (directoryStart >= 0 && directoryStart + 4 <= at && data.readUInt32LE(directoryStart) === zipDirectoryEntry) {
        return true
      }
    }
    if (at === 0) break
    at = data.lastIndexOf(zipEndOfDirectory, at - 1)
  }
  return false
}

/** Lower-case extension of a file name, without the dot; undefined when there is none. */
export function extensionOf(filename: string): string | undefined {
  // Windows drops trailing dots and spaces, so "photo.pdf. " is a .pdf.
  const base = filename
    .split(/[\\/]/)
    .pop()!
    .replace(/[.\s]+$/, '')
  const dot = base.lastIndexOf('.')
  if (dot < 0 || dot === base.length - 1) return undefined
  return base.slice(dot + 1).toLowerCase()
}

// --- Messages -----------------------------------------------------------------------------
// The words are in the app catalogue (src/i18n/translations.ts, group mediaUpload).

/** What the bytes are, by MIME type. */
const formatNames: Readonly<Record<string, AppStringKey | undefined>> = {
  'image/jpeg': 'mediaUpload:formats:jpg',
  'image/png': 'mediaUpload:formats:png',
  'image/webp': 'mediaUpload:formats:webp',
  'image/gif': 'mediaUpload:formats:gif',
  'video/mp4': 'mediaUpload:formats:mp4',
  'video/quicktime': 'mediaUpload:formats:mov',
  'application/pdf': 'mediaUpload:formats:pdf',
}

function nameOf(format: AcceptedFormat): Localized {
  const key = formatNames[format.mimeType]
  return key === undefined ? { en: format.mimeType, fr: format.mimeType, ar: isolated(format.mimeType) } : appText(key)
}

/** Keeps Latin text (".png", "image/jpeg") in one piece inside right-to-left Arabic. */
const isolated = (text: string) => `\u2068${text}\u2069`

/** Sentences one after the other, in each language. */
function sentences(...texts: Localized[]): Localized {
  return { en: texts.map((text) => text.en).join(' '), fr: texts.map((text) => text.fr).join(' '), ar: texts.map((text) => text.ar).join(' ') }
}

/** Sizes are rounded up so that a file just over the limit never reads as equal to it. */
function megabytes(bytes: number, language: keyof Localized): string {
  const value = bytes / MiB
  const shown = value >= 100 ? Math.ceil(value).toString() : (Math.ceil(value * 10) / 10).toString()
  return language === 'fr' ? shown.replace('.', ',') : shown
}

const sizeInMegabytes = (bytes: number): Localized => ({ en: megabytes(bytes, 'en'), fr: megabytes(bytes, 'fr'), ar: megabytes(bytes, 'ar') })

const messages = {
  empty: (): Localized => appText('mediaUpload:empty'),

  executable: (): Localized => appText('mediaUpload:executable'),

  svg: (): Localized => appText('mediaUpload:svg'),

  typeNotAllowed: (detectedExtension: string | undefined): Localized => {
    const name = detectedExtension?.toUpperCase()
    const base = name === undefined ? appText('mediaUpload:typeNotAllowed') : appText('mediaUpload:namedTypeNotAllowed', { type: name })
    const accepted = appText('mediaUpload:accepted')
    // iPhones save photos as HEIC unless told otherwise: say how to get a JPEG.
    return name === 'HEIC' || name === 'HEIF' ? sentences(base, accepted, appText('mediaUpload:heicHint')) : sentences(base, accepted)
  },

  extensionMismatch: (extension: string, actual: AcceptedFormat): Localized =>
    appText('mediaUpload:extensionMismatch', { extension, format: nameOf(actual), expected: actual.extension }),

  declaredMismatch: (declared: string, actual: AcceptedFormat): Localized => appText('mediaUpload:declaredMismatch', { declared, format: nameOf(actual) }),

  tooLarge: (kind: MediaKind, size: number, limit: number): Localized =>
    appText('mediaUpload:tooLarge', { size: sizeInMegabytes(size), kinds: appText(`mediaUpload:kinds:${kind}`), limit: sizeInMegabytes(limit) }),
}
