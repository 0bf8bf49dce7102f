import http from 'node:http'

import { listenOnLoopback } from './fake-server'

export type PublicWeb = {
  origin: string
  /** Every request received: the path and whether it carried a credential (an Authorization or Cookie header). */
  requests: { path: string; withCredential: boolean }[]
  /** What this address answers from now on (status 200 unless given). */
  serve(path: string, file: ServedFile): void
  close(): Promise<void>
}

/** Smallest bytes each type is recognized by: a JPEG's start-of-image marker, an MP4's `ftyp` box. */
export const jpegBytes = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9])
export const mp4Bytes = () => new Uint8Array([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32])

type ServedFile = { type: string; body: Uint8Array; status?: number }

/** Any `.jpg` path answers a JPEG and any `.mp4` path an MP4, unless a path was given something else. */
const byExtension = (path: string): ServedFile | undefined =>
  path.endsWith('.jpg') ? { type: 'image/jpeg', body: jpegBytes() } : path.endsWith('.mp4') ? { type: 'video/mp4', body: mp4Bytes() } : undefined

/**
 * A web server standing for a public host in front of the networks' fakes: it answers the paths it
 * was given (and, with `anyMediaFile`, every `.jpg` and `.mp4` path), 404 otherwise.
 */
export async function startPublicWeb(options: { anyMediaFile?: boolean } = {}): Promise<PublicWeb> {
  const files = new Map<string, ServedFile>()
  const requests: PublicWeb['requests'] = []
  const server = http.createServer((incoming, outgoing) => {
    const path = new URL(incoming.url ?? '/', 'http://public.local').pathname
    requests.push({ path, withCredential: Boolean(incoming.headers.authorization || incoming.headers.cookie) })
    const file = files.get(path) ?? (options.anyMediaFile ? byExtension(path) : undefined)
    if (!file) {
      outgoing.writeHead(404, { 'content-type': 'text/plain' })
      return outgoing.end('Not Found')
    }
    outgoing.writeHead(file.status ?? 200, { 'content-type': file.type, 'content-length': String(file.body.length) })
    outgoing.end(Buffer.from(file.body))
  })
  const origin = await listenOnLoopback(server)
  return {
    origin,
    requests,
    serve: (path, file) => void files.set(path, file),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
