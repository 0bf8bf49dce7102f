import type { Payload } from 'payload'

import type { Network, NetworkEndpoints } from '../networks/registry'
import type { NetworkAdapter, PublishRequest, PublishResult } from '../networks/types'
import type { OAuthConfig } from '../networks/oauth'

/** What a hook knows about the publication it runs for. */
export type PublishHookContext = {
  payload: Payload
  network: Network
  variant: { id: number | string; platform: string; language: string; contentItem: number | string }
  account: { id: number | string; name: string; accountId: string }
  attemptNumber: number
}

/** Return a changed request to transform the post, `{ veto }` to stop it with a reason, or nothing. */
export type BeforePublishHook = (
  request: PublishRequest,
  context: PublishHookContext,
) => PublishRequest | { veto: string } | void | Promise<PublishRequest | { veto: string } | void>

export type PublicationReport =
  { outcome: 'succeeded'; result: PublishResult } | { outcome: 'failed' | 'outcome_unknown' | 'retry_scheduled' | 'rate_limited' | 'vetoed'; reason: string }

export type AfterPublishHook = (report: PublicationReport, context: PublishHookContext) => void | Promise<void>

export type PublishingHooks = { beforePublish?: BeforePublishHook; afterPublish?: AfterPublishHook }

export type SchedulerOptions = {
  /** Cron expression of the tick (with seconds, as Croner reads it); default every 10 seconds. */
  cron?: string
  /** Publications one instance runs at once. */
  concurrency?: number
  /** How long a claim holds before another instance may take over; renewed while publishing. */
  leaseMs?: number
  /** Attempts before a retryable failure becomes final. */
  maxAttempts?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
  /** Delay before `lookup` is asked about an unknown outcome (networks index new posts late). */
  reconcileAfterMs?: number
  /** Per HTTP request, past which a sent publish has an unknown outcome. */
  requestTimeoutMs?: number
  /** Names this instance in attempts (hostname:pid by default). */
  instanceId?: string
}

export type PublishingOptions = {
  /** 32-byte AES-256-GCM key of the tokens and webhook secrets at rest. */
  tokenKey?: Buffer
  /** Network API hosts (default: the networks' documented hosts). */
  endpoints?: Partial<NetworkEndpoints>
  /** Replaces an adapter (a network added later, or a test double). */
  adapters?: Partial<Record<Network, NetworkAdapter>>
  /** Per-network hooks, and `all` for every network (run first). */
  hooks?: Partial<Record<Network | 'all', PublishingHooks>>
  scheduler?: SchedulerOptions
  /** Run the scheduler in this process when scheduled jobs run (PUBLISHING_SCHEDULER). */
  runScheduler?: boolean
  /** OAuth apps of the networks (connect, callback, token renewal); default from the environment. */
  oauth?: OAuthConfig
  /** Public URL the networks that pull media by URL (Instagram, TikTok) fetch files from. */
  publicMediaBaseUrl?: string
  /** Outbound webhooks: receivers on private, loopback or link-local addresses only when allowed (WEBHOOK_ALLOW_PRIVATE). */
  webhooks?: { allowPrivateAddresses?: boolean }
}
