import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'
import type { SanitizedConfig } from 'payload'

import { guardRoute } from '../../src/security/route-guards'

export type TestHttpServer = { baseUrl: string; close(): Promise<void> }

/**
 * Serves Payload's REST (`/api/...`) and GraphQL (`/api/graphql`) handlers on 127.0.0.1 over real
 * HTTP, the same handlers Next.js mounts, without building Next.js.
 */
export async function startHttpServer(config: SanitizedConfig, options: { port?: number } = {}): Promise<TestHttpServer> {
  // The same guards as the Next.js route files.
  const graphql = guardRoute(config, GRAPHQL_POST(config))
  const rest = guardRoute(config, (request: Request, _context: undefined) => handleEndpoints({ config, request }))
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      // The body streams to the handlers as it arrives, like Next.js gives it: a limit can refuse
      // it before it has all been sent.
      const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
      const body = hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined
      const url = `http://${incoming.headers.host}${incoming.url}`
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === 'string') headers.set(name, value)
        else if (Array.isArray(value)) headers.set(name, value.join(', '))
      }
      const request = new Request(url, { method: incoming.method, headers, body, duplex: 'half' } as RequestInit)
      const pathname = new URL(url).pathname
      const response = pathname === '/api/graphql' && incoming.method === 'POST' ? await graphql(request, undefined) : await rest(request, undefined)
      outgoing.statusCode = response.status
      response.headers.forEach((value, name) => outgoing.setHeader(name, value))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      outgoing.statusCode = 500
      outgoing.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
