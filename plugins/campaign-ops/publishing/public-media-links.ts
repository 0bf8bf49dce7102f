import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

/**
 * Short-lived signed links to one media file, for the networks that fetch media by URL (Instagram
 * cURLs `image_url` and `video_url` when a container is created). The media library stays readable
 * by staff only: a link opens the one file it was signed for, with the type it was signed with,
 * until it expires. The key is derived from the Payload secret, so every instance signs and checks
 * alike.
 */
export const publicMediaRoute = '/public-media'

/** Long enough for Meta to fetch a video at container creation and retry; short enough that a leaked link dies. */
export const publicMediaLinkLifetimeMs = 2 * 60 * 60 * 1000

const keys = new Map<string, Buffer>()
function keyOf(secret: string): Buffer {
  let key = keys.get(secret)
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'badil', 'public-media-links', 32))
    keys.set(secret, key)
  }
  return key
}

function signatureOf(secret: string, filename: string, mimeType: string, expires: number): Buffer {
  return createHmac('sha256', keyOf(secret)).update(`${filename}\n${mimeType}\n${expires}`).digest()
}

export type PublicMediaLinkInput = {
  secret: string
  /** Badil's public address, e.g. https://badil.example.org */
  publicBaseUrl: string
  /** The API route prefix, `/api` by default. */
  apiRoute: string
  filename: string
  mimeType: string
  now?: Date
  lifetimeMs?: number
}

export function signPublicMediaLink(input: PublicMediaLinkInput): string {
  const expires = Math.floor(((input.now ?? new Date()).getTime() + (input.lifetimeMs ?? publicMediaLinkLifetimeMs)) / 1000)
  const signature = signatureOf(input.secret, input.filename, input.mimeType, expires).toString('base64url')
  const query = new URLSearchParams({ type: input.mimeType, expires: String(expires), signature })
  const base = input.publicBaseUrl.replace(/\/+$/, '')
  return `${base}${input.apiRoute}${publicMediaRoute}/${encodeURIComponent(input.filename)}?${query}`
}

export type PublicMediaLinkCheck = 'valid' | 'expired' | 'forged'

/** Checks a link's signature first, then its expiry: an expired forgery is a forgery. */
export function checkPublicMediaLink(input: {
  secret: string
  filename: string
  mimeType: string
  expires: number
  signature: string
  now?: Date
}): PublicMediaLinkCheck {
  const given = Buffer.from(input.signature, 'base64url')
  const expected = signatureOf(input.secret, input.filename, input.mimeType, input.expires)
  // Length first: timingSafeEqual throws on different lengths.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged'
  return (input.now ?? new Date()).getTime() >= input.expires * 1000 ? 'expired' : 'valid'
}
