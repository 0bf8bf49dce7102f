import os from 'node:os'

import { defaultAdapters, networks } from '../networks/registry'
import type { Network, NetworkEndpoints } from '../networks/registry'
import type { AdapterContext, NetworkAdapter } from '../networks/types'
import { loadEnv } from '../../../src/infra/env'
import { oauthConfigFromEnv } from '../networks/oauth'
import type { OAuthConfig } from '../networks/oauth'
import type { PublishingHooks, PublishingOptions } from './options'
import type { TokenCipher } from './token-crypto'

/** The publishing engine's settings with every default filled in, shared by its parts. */
export type PublishingRuntime = {
  cipher: TokenCipher
  adapters: Record<Network, NetworkAdapter>
  endpoints: NetworkEndpoints
  hooks: Partial<Record<Network | 'all', PublishingHooks>>
  instanceId: string
  concurrency: number
  leaseMs: number
  maxAttempts: number
  backoffBaseMs: number
  backoffMaxMs: number
  reconcileAfterMs: number
  /** Reconciliations that may fail (network unreachable) before a person must decide. */
  maxReconcileAttempts: number
  requestTimeoutMs: number
  cron: string
  runScheduler: boolean
  publicMediaBaseUrl?: string
  /** Renews expiring tokens before a publication. */
  oauth: OAuthConfig
  adapterContext(network: Network): AdapterContext
}

const documentedHosts: NetworkEndpoints = {
  facebook: { baseUrl: 'https://graph.facebook.com/v23.0' },
  instagram: { baseUrl: 'https://graph.facebook.com/v23.0' },
  x: { baseUrl: 'https://api.x.com' },
  linkedin: { baseUrl: 'https://api.linkedin.com' },
  youtube: { baseUrl: 'https://www.googleapis.com', uploadBaseUrl: 'https://www.googleapis.com' },
  tiktok: { baseUrl: 'https://open.tiktokapis.com' },
}

export function createPublishingRuntime(options: PublishingOptions, cipher: TokenCipher): PublishingRuntime {
  const scheduler = options.scheduler ?? {}
  const endpoints = Object.fromEntries(
    networks.map((network) => {
      const given = options.endpoints?.[network]
      return [
        network,
        { baseUrl: given?.baseUrl ?? documentedHosts[network].baseUrl, uploadBaseUrl: given?.uploadBaseUrl ?? documentedHosts[network].uploadBaseUrl },
      ]
    }),
  ) as NetworkEndpoints
  const requestTimeoutMs = scheduler.requestTimeoutMs ?? 120_000
  return {
    cipher,
    adapters: { ...defaultAdapters, ...options.adapters } as Record<Network, NetworkAdapter>,
    endpoints,
    hooks: options.hooks ?? {},
    instanceId: scheduler.instanceId ?? `${os.hostname()}:${process.pid}`,
    concurrency: scheduler.concurrency ?? 8,
    // Longer than any single request, renewed every third of it while a publication runs.
    leaseMs: scheduler.leaseMs ?? 5 * 60_000,
    maxAttempts: scheduler.maxAttempts ?? 6,
    backoffBaseMs: scheduler.backoffBaseMs ?? 30_000,
    backoffMaxMs: scheduler.backoffMaxMs ?? 30 * 60_000,
    reconcileAfterMs: scheduler.reconcileAfterMs ?? 60_000,
    maxReconcileAttempts: 5,
    requestTimeoutMs,
    cron: scheduler.cron ?? '*/10 * * * * *',
    runScheduler: options.runScheduler ?? true,
    publicMediaBaseUrl: options.publicMediaBaseUrl,
    oauth: options.oauth ?? oauthConfigFromEnv(loadEnv()),
    adapterContext: (network) => ({
      baseUrl: endpoints[network].baseUrl.replace(/\/+$/, ''),
      uploadBaseUrl: endpoints[network].uploadBaseUrl?.replace(/\/+$/, ''),
      fetch: globalThis.fetch,
      timeoutMs: requestTimeoutMs,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => new Date(),
    }),
  }
}
