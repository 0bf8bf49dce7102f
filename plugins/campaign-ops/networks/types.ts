import type { Localized } from '../../../src/i18n/catalogue'
/**
 * The one interface every social network sits behind (README.md "Publishing"). The scheduler,
 * the inbox and reporting meet the networks only through `NetworkAdapter`.
 */

export type NetworkPlatform = 'facebook' | 'instagram_feed' | 'instagram_reel' | 'instagram_story' | 'x' | 'linkedin' | 'youtube' | 'youtube_short' | 'tiktok'

/** One file to publish. Adapters upload from `data`; networks that pull by URL get `publicUrl`. */
export type PublishMedia = {
  kind: 'image' | 'video' | 'pdf'
  mimeType: string
  filename: string
  sizeBytes: number
  width?: number | null
  height?: number | null
  durationSeconds?: number | null
  altText?: string | null
  /** Loads the file's bytes (never kept in memory longer than the upload needs). */
  read(): Promise<Uint8Array>
  /** A URL the network can fetch the file from (Instagram and TikTok pull media by URL). */
  publicUrl?: string | null
}

/** What the scheduler asks an adapter to publish: the variant as it will appear. */
export type PublishRequest = {
  variantId: string
  platform: NetworkPlatform
  /** The composed post text (text, hashtags, link where the surface carries it). */
  text: string
  title?: string | null
  link?: string | null
  firstComment?: string | null
  media: PublishMedia[]
  /** Stable for every attempt of one variant: adapters pass it where the network accepts one, and lookup uses it. */
  idempotencyKey: string
  /** The variant's language (fr, ar, ary), for the limits that depend on it. */
  language?: string
}

export type AccountCredentials = {
  /** Page id, Instagram user id, organization URN, channel id, TikTok open_id… */
  accountId: string
  accessToken: string
  refreshToken?: string | null
}

export type AdapterContext = {
  /** Base URL of the network's API (configuration; tests point it at a fake server on 127.0.0.1). */
  baseUrl: string
  /** Base URL for uploads when the network uses a separate host (X, YouTube, LinkedIn). */
  uploadBaseUrl?: string
  fetch: typeof fetch
  /** Per-request timeout; past it, a request that was sent has an unknown outcome. */
  timeoutMs: number
  /** Waits between status polls (injected so tests do not sleep). */
  sleep(ms: number): Promise<void>
  now(): Date
}

/** `warnings`: what went wrong beside a publication that went out (a first comment not posted). */
export type PublishResult = { remoteId: string; permalink: string | null; warnings?: Localized[] }

export type LookupResult = { status: 'found'; remoteId: string; permalink: string | null } | { status: 'not_found' } | { status: 'unsupported' }

export type MetricsSnapshot = {
  remoteId: string
  fetchedAt: string
  /** Network metric names as asked, value or null when the network could not give it (never 0 for missing). */
  values: Record<string, number | null>
}

/**
 * The account's own figures at one moment, under the network's own metric names (followers and,
 * where the network gives it, the reach of the last days); null where the network could not give
 * one — never 0 for missing.
 */
export type AccountMetricsSnapshot = {
  fetchedAt: string
  values: Record<string, number | null>
}

export type ModerationCommand = { action: 'hide' | 'unhide' | 'delete' } | { action: 'reply'; text: string }

/** What a moderation call created on the network: the reply's id, where the network gives one. */
export type ModerationResult = { remoteId?: string }

/**
 * Why a call failed, in the terms the scheduler acts on:
 * - `retryable`: transient (5xx, documented transient codes) — back off and try again;
 * - `rate_limited`: wait until `retryAt` (from Retry-After, reset or usage headers), per account;
 * - `auth`: expired or revoked token — the account needs reconnecting, no retry;
 * - `permanent`: invalid media, policy, duplicate… — fail with the human reason, no retry;
 * - `outcome_unknown`: the request was sent but no answer came (timeout, connection lost) —
 *   never retried blindly: `lookup` reconciles, or a person decides.
 */
export type NetworkErrorKind = 'retryable' | 'rate_limited' | 'auth' | 'permanent' | 'outcome_unknown'

export class NetworkError extends Error {
  readonly kind: NetworkErrorKind
  readonly status?: number
  readonly code?: string
  readonly retryAt?: Date
  readonly reason: Localized

  constructor(options: { kind: NetworkErrorKind; message: string; reason: Localized; status?: number; code?: string; retryAt?: Date }) {
    super(options.message)
    this.name = 'NetworkError'
    this.kind = options.kind
    this.status = options.status
    this.code = options.code
    this.retryAt = options.retryAt
    this.reason = options.reason
  }
}

export interface NetworkAdapter {
  readonly platforms: readonly NetworkPlatform[]
  /** Problems that would make the network refuse this request; empty when it can be sent. */
  validate(request: PublishRequest): { code: string; field: string; message: Localized }[]
  publish(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<PublishResult>
  /** Finds whether the post already exists (after an unknown outcome), where the network allows. */
  lookup(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<LookupResult>
  fetchMetrics(remoteId: string, account: AccountCredentials, context: AdapterContext): Promise<MetricsSnapshot>
  /** The account's figures now (followers; period reach where the network gives it), for account-level KPIs. */
  fetchAccountMetrics(account: AccountCredentials, context: AdapterContext): Promise<AccountMetricsSnapshot>
  moderate(commentId: string, command: ModerationCommand, account: AccountCredentials, context: AdapterContext): Promise<ModerationResult | void>
}
