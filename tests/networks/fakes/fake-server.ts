/** The HTTP plumbing the fake networks share. */
import type http from 'node:http'
import type { AddressInfo } from 'node:net'

/** Listens on 127.0.0.1 (`port` 0, the default, takes a free one); answers `http://127.0.0.1:<port>`. */
export async function listenOnLoopback(server: http.Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export async function readBody(incoming: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Reads up to `limit` bytes of the body (fewer if it ends first). */
export function readBodyPrefix(incoming: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let length = 0
    const finish = () => {
      incoming.removeAllListeners('data')
      incoming.pause()
      resolve(Buffer.concat(chunks).subarray(0, limit))
    }
    incoming.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      length += chunk.length
      if (length >= limit) finish()
    })
    incoming.on('end', finish)
  })
}
