import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'

import ipaddr from 'ipaddr.js'
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent'

/**
 * Outbound webhooks go to receivers on the internet, never into Badil's own network: loopback,
 * private, link-local (the cloud metadata address) and other non-public addresses are refused,
 * both in the URL an administrator saves and in the address its host name resolves to when the
 * delivery connects (a name may point anywhere). `WEBHOOK_ALLOW_PRIVATE=true` lifts this for
 * tests and intranet tools. Redirects are not followed, and at most 64 KB of a reply is read.
 */

export const maxWebhookReplyBytes = 64 * 1024

export type WebhookTarget = { allowPrivateAddresses: boolean }

/** Why a saved URL is refused, or null: a literal non-public address or a local host name. */
export function privateTargetReason(url: string, target: WebhookTarget): string | null {
  if (target.allowPrivateAddresses) return null
  let hostname: string
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase()
  } catch {
    return null
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return 'a local host name'
  if (!ipaddr.isValid(hostname)) return null
  const address = ipaddr.process(hostname)
  const range = address.range()
  return range === 'unicast' ? null : `a ${range} address`
}

export type WebhookReply = { status: number; bytesRead: number; truncated: boolean }

export class WebhookTargetRefused extends Error {
  constructor(detail: string) {
    super(`The webhook's address is not public: ${detail}`)
    this.name = 'WebhookTargetRefused'
  }
}

export type WebhookPoster = (url: string, body: string, headers: Record<string, string>) => Promise<WebhookReply>

/** A poster bound to one policy; its agents filter the connected address after DNS resolution. */
export function createWebhookPoster(
  target: WebhookTarget & {
    timeoutMs?: number
    /** Resolves host names instead of the system's DNS (tests: a name that points at a private address). */
    lookup?: LookupFunction
  },
): WebhookPoster {
  const agentOptions = { allowPrivateIPAddress: target.allowPrivateAddresses, allowMetaIPAddress: target.allowPrivateAddresses, keepAlive: false }
  const agents = { 'http:': new RequestFilteringHttpAgent(agentOptions), 'https:': new RequestFilteringHttpsAgent(agentOptions) }
  const timeoutMs = target.timeoutMs ?? 10_000
  return (url, body, headers) =>
    new Promise<WebhookReply>((resolve, reject) => {
      const parsed = new URL(url)
      const refusal = privateTargetReason(url, target)
      if (refusal) return reject(new WebhookTargetRefused(refusal))
      const transport = parsed.protocol === 'https:' ? https : http
      const agent = parsed.protocol === 'https:' ? agents['https:'] : agents['http:']
      const request = transport.request(
        parsed,
        {
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          timeout: timeoutMs,
          ...(target.lookup ? { lookup: target.lookup } : {}),
        },
        (response) => {
          let bytesRead = 0
          let truncated = false
          response.on('data', (chunk: Buffer) => {
            bytesRead += chunk.length
            if (bytesRead > maxWebhookReplyBytes) {
              // Enough to know the answer: the rest is not read.
              bytesRead = maxWebhookReplyBytes
              truncated = true
              response.destroy()
              resolve({ status: response.statusCode ?? 0, bytesRead, truncated })
            }
          })
          response.on('end', () => resolve({ status: response.statusCode ?? 0, bytesRead, truncated }))
          response.on('error', (error) => (truncated ? undefined : reject(error)))
          response.on('close', () => resolve({ status: response.statusCode ?? 0, bytesRead, truncated }))
        },
      )
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
      request.on('error', (error) => {
        const message = error instanceof Error ? error.message : String(error)
        reject(/is not allowed/.test(message) ? new WebhookTargetRefused(message) : error)
      })
      request.end(body)
    })
}
