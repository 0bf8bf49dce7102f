/**
 * TikTok Content Posting API adapter (docs/networks.md#tiktok): creator info, direct post
 * of a video by FILE_UPLOAD in chunks, status polling, video and account metrics.
 */
import { callNetwork, retryAfter } from '../http'
import { NetworkError } from '../types'
import type {
  AccountCredentials,
  AccountMetricsSnapshot,
  AdapterContext,
  LookupResult,
  MetricsSnapshot,
  NetworkAdapter,
  PublishMedia,
  PublishRequest,
  PublishResult,
} from '../types'
import { validatePublishRequest } from '../validate-request'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText } from '../../translations'

export type TiktokAdapterOptions = {
  /** Bytes per uploaded chunk, 5 MiB to 64 MB (docs/networks.md#tiktok-video-direct-post). Default 10,000,000. */
  chunkSize?: number
  /** Wait between status polls (docs/networks.md#tiktok-post-status advises 5–10 s). Default 5 s. */
  pollIntervalMs?: number
  /** Status polls before giving up on a post still processing. Default 60. */
  maxStatusPolls?: number
}

export const tiktokMinChunkBytes = 5 * 1024 * 1024
export const tiktokMaxChunkBytes = 64 * 1000 * 1000

/** Most open first: a public-awareness campaign wants the widest audience the creator allows. */
const privacyPreference = ['PUBLIC_TO_EVERYONE', 'FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']
const authCodes = new Set(['access_token_invalid', 'scope_not_authorized', 'scope_permission_missed'])
/** Daily posting caps (docs/networks.md#tiktok-errors: fail the post, retry the next day): waiting a day is all the scheduler can do. */
const dailyCapCodes = new Set(['spam_risk_too_many_posts', 'spam_risk_too_many_pending_share', 'reached_active_user_cap'])
const dayMs = 24 * 60 * 60 * 1000
/** The account figures `user/info` gives under the `user.info.stats` scope. */
const accountMetricNames = ['follower_count', 'following_count', 'likes_count', 'video_count'] as const

const reasons = {
  auth: pluginText('networkErrors:tiktok:auth'),
  rate: pluginText('networkErrors:tiktok:rate'),
  tooManyPosts: pluginText('networkErrors:tiktok:tooManyPosts'),
  pendingShares: pluginText('networkErrors:tiktok:pendingShares'),
  activeUserCap: pluginText('networkErrors:tiktok:activeUserCap'),
  banned: pluginText('networkErrors:tiktok:banned'),
  unaudited: pluginText('networkErrors:tiktok:unaudited'),
  unavailable: pluginText('networkErrors:tiktok:unavailable'),
  noVideo: pluginText('networkErrors:tiktok:noVideo'),
  noPrivacyLevel: pluginText('networkErrors:tiktok:noPrivacyLevel'),
  sentToInbox: pluginText('networkErrors:tiktok:sentToInbox'),
  stillProcessing: pluginText('networkErrors:tiktok:stillProcessing'),
  unknownOutcome: pluginText('networkErrors:tiktok:unknownOutcome'),
  moderationUnsupported: pluginText('networkErrors:tiktok:moderationUnsupported'),
} satisfies Record<string, Localized>

function tooLong(seconds: number, max: number): Localized {
  return pluginText('networkErrors:tiktok:tooLong', { seconds, max })
}

function rejected(code: string, message: string): Localized {
  return pluginText('networkErrors:tiktok:rejected', { code, message })
}

/** TikTok's fail reasons with words of their own; the others are named in a generic text. */
const explainedFailReasons = ['file_format_check_failed', 'duration_check_failed', 'frame_rate_check_failed', 'picture_size_check_failed'] as const
const isExplained = (failReason: string): failReason is (typeof explainedFailReasons)[number] =>
  (explainedFailReasons as readonly string[]).includes(failReason)

function failed(failReason: string): Localized {
  return isExplained(failReason) ? pluginText(`networkErrors:tiktok:failReasons:${failReason}`) : pluginText('networkErrors:tiktok:failed', { failReason })
}

/**
 * JSON.parse that keeps integers beyond 2^53 as strings: TikTok returns int64 post ids as bare
 * numbers, which a double would round to another id.
 */
export function parseJsonKeepingLongIntegers(text: string): unknown {
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  let out = ''
  let index = 0
  while (index < text.length) {
    const char = text[index]
    if (char === '"') {
      // Copy the whole string literal, escapes included, untouched.
      let end = index + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      out += text.slice(index, end + 1)
      index = end + 1
      continue
    }
    number.lastIndex = index
    const match = char === '-' || (char >= '0' && char <= '9') ? number.exec(text) : null
    if (match) {
      const token = match[0]
      out += /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token
      index += token.length
      continue
    }
    out += char
    index += 1
  }
  return JSON.parse(out)
}

type Envelope<T> = { data?: T; error?: { code?: string; message?: string; log_id?: string } }

/** Maps TikTok's `error.code` (and the HTTP status when there is none) to the scheduler's terms (docs/networks.md#tiktok-errors). */
function classify(status: number, code: string | undefined, message: string, headers: Headers, now: Date): NetworkError {
  const errorCode = code && code !== 'ok' ? code : `http_${status}`
  const base = { status, code: errorCode, message: `TikTok: ${status} ${errorCode} ${message}`.trim() }
  if (authCodes.has(errorCode) || status === 401) return new NetworkError({ ...base, kind: 'auth', reason: reasons.auth })
  if (errorCode === 'rate_limit_exceeded' || status === 429) {
    // No rate-limit headers are documented; the windows are per minute.
    const retryAt = retryAfter(headers.get('retry-after'), now) ?? new Date(now.getTime() + 60_000)
    return new NetworkError({ ...base, kind: 'rate_limited', retryAt, reason: reasons.rate })
  }
  if (dailyCapCodes.has(errorCode)) {
    const reason =
      errorCode === 'spam_risk_too_many_posts' ? reasons.tooManyPosts : errorCode === 'reached_active_user_cap' ? reasons.activeUserCap : reasons.pendingShares
    return new NetworkError({ ...base, kind: 'rate_limited', retryAt: new Date(now.getTime() + dayMs), reason })
  }
  if (errorCode === 'spam_risk_user_banned_from_posting') return new NetworkError({ ...base, kind: 'permanent', reason: reasons.banned })
  if (errorCode === 'unaudited_client_can_only_post_to_private_accounts') {
    return new NetworkError({ ...base, kind: 'permanent', reason: reasons.unaudited })
  }
  if (errorCode === 'internal_error' || status >= 500) return new NetworkError({ ...base, kind: 'retryable', reason: reasons.unavailable })
  return new NetworkError({ ...base, kind: 'permanent', reason: rejected(errorCode, message || String(status)) })
}

function permanent(code: string, reason: Localized): NetworkError {
  return new NetworkError({ kind: 'permanent', code, message: `TikTok: ${code}: ${reason.en}`, reason })
}

/** A JSON POST to the API; resolves to `data` when `error.code` is "ok". */
async function postApi<T>(path: string, body: unknown, account: AccountCredentials, context: AdapterContext): Promise<T> {
  const response = await callNetwork(context, `${context.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${account.accessToken}`, 'Content-Type': 'application/json; charset=UTF-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // Nothing here publishes by itself: init reserves a publish_id, the final chunk posts.
    sideEffect: false,
  })
  return dataOf<T>(response, context)
}

/** A GET of the API (a read, without a body); resolves to `data` when `error.code` is "ok". */
async function getApi<T>(path: string, account: AccountCredentials, context: AdapterContext): Promise<T> {
  const response = await callNetwork(context, `${context.baseUrl}${path}`, {
    method: 'GET',
    headers: { Authorization: `Bearer ${account.accessToken}` },
    sideEffect: false,
  })
  return dataOf<T>(response, context)
}

/** The envelope's `data` on success; otherwise the failure, classified. */
async function dataOf<T>(response: Response, context: AdapterContext): Promise<T> {
  const text = await response.text().catch(() => '')
  let envelope: Envelope<T> = {}
  try {
    envelope = (text ? parseJsonKeepingLongIntegers(text) : {}) as Envelope<T>
  } catch {
    // Not JSON (a proxy's error page): classified by status below.
  }
  const code = envelope.error?.code
  if (response.ok && code === 'ok') return (envelope.data ?? {}) as T
  return Promise.reject(classify(response.status, code, envelope.error?.message ?? response.statusText, response.headers, context.now()))
}

type CreatorInfo = {
  creator_username?: string
  privacy_level_options?: string[]
  comment_disabled?: boolean
  duet_disabled?: boolean
  stitch_disabled?: boolean
  max_video_post_duration_sec?: number
}

type PublishStatus = {
  status?: string
  fail_reason?: string
  publicaly_available_post_id?: (string | number)[]
  uploaded_bytes?: number
}

/** `total_chunk_count = floor(size / chunk_size)`, the last chunk taking the remainder (docs/networks.md#tiktok-video-direct-post). */
export function tiktokChunkPlan(videoSize: number, chunkSize: number): { chunkSize: number; totalChunkCount: number } {
  if (videoSize <= chunkSize) return { chunkSize: videoSize, totalChunkCount: 1 }
  return { chunkSize, totalChunkCount: Math.floor(videoSize / chunkSize) }
}

function videoOf(request: PublishRequest): PublishMedia {
  const video = request.media.find((media) => media.kind === 'video')
  if (!video) throw permanent('no_video', reasons.noVideo)
  return video
}

function choosePrivacy(options: string[] | undefined): string {
  const level = privacyPreference.find((candidate) => options?.includes(candidate)) ?? options?.[0]
  if (!level) throw permanent('no_privacy_level', reasons.noPrivacyLevel)
  return level
}

function unknownOutcome(publishId: string, cause: string, reason: Localized = reasons.unknownOutcome): NetworkError {
  return new NetworkError({ kind: 'outcome_unknown', code: 'publish_unconfirmed', message: `TikTok publish_id ${publishId}: ${cause}`, reason })
}

/** Sends the chunks in order; resolves once TikTok acknowledged the last one, or its fate is unknown. */
async function uploadChunks(
  uploadUrl: string,
  bytes: Uint8Array,
  mimeType: string,
  plan: { chunkSize: number; totalChunkCount: number },
  context: AdapterContext,
): Promise<'acknowledged' | 'unconfirmed'> {
  const total = bytes.byteLength
  for (let index = 0; index < plan.totalChunkCount; index += 1) {
    const first = index * plan.chunkSize
    const isLast = index === plan.totalChunkCount - 1
    const last = isLast ? total - 1 : first + plan.chunkSize - 1
    let response: Response
    try {
      // The upload URL is signed; it takes no Authorization header.
      response = await callNetwork(context, uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Type': mimeType, 'Content-Range': `bytes ${first}-${last}/${total}` },
        // slice copies into a plain ArrayBuffer, which fetch's BodyInit requires.
        body: bytes.slice(first, last + 1),
        sideEffect: isLast,
      })
    } catch (error) {
      if (error instanceof NetworkError && error.kind === 'outcome_unknown') return 'unconfirmed'
      throw error
    }
    const text = await response.text().catch(() => '')
    if (!response.ok) {
      let envelope: Envelope<unknown> = {}
      try {
        envelope = JSON.parse(text) as Envelope<unknown>
      } catch {
        // Upload errors may come without a JSON body.
      }
      throw classify(
        response.status,
        envelope.error?.code,
        envelope.error?.message ?? `chunk ${index + 1}/${plan.totalChunkCount}`,
        response.headers,
        context.now(),
      )
    }
  }
  return 'acknowledged'
}

/**
 * Polls until TikTok settles the post. Once the last chunk is in, a failure to learn the outcome
 * must not be retried (it would post twice): it becomes `outcome_unknown`.
 */
async function awaitPublication(
  publishId: string,
  account: AccountCredentials,
  context: AdapterContext,
  settings: Required<TiktokAdapterOptions>,
): Promise<string | null> {
  let lastProblem = 'no status yet'
  for (let poll = 1; poll <= settings.maxStatusPolls; poll += 1) {
    if (poll > 1) await context.sleep(settings.pollIntervalMs)
    let state: PublishStatus
    try {
      state = await postApi<PublishStatus>('/v2/post/publish/status/fetch/', { publish_id: publishId }, account, context)
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error
      if (error.kind !== 'retryable' && error.kind !== 'rate_limited') throw unknownOutcome(publishId, error.message)
      lastProblem = error.message
      continue
    }
    if (state.status === 'PUBLISH_COMPLETE') {
      const postId = state.publicaly_available_post_id?.[0]
      return postId == null ? null : String(postId)
    }
    if (state.status === 'FAILED') {
      const failReason = state.fail_reason || 'failed'
      throw new NetworkError({
        kind: 'permanent',
        code: failReason,
        message: `TikTok publish_id ${publishId} FAILED: ${failReason}`,
        reason: failed(failReason),
      })
    }
    if (state.status === 'SEND_TO_USER_INBOX') throw permanent('sent_to_inbox', reasons.sentToInbox)
    lastProblem = `status ${state.status ?? 'missing'}`
  }
  throw unknownOutcome(publishId, `still not published after ${settings.maxStatusPolls} polls (${lastProblem})`, reasons.stillProcessing)
}

/** After an unanswered last chunk, one status read tells whether TikTok holds every byte. */
async function confirmUpload(publishId: string, total: number, account: AccountCredentials, context: AdapterContext): Promise<void> {
  let state: PublishStatus
  try {
    state = await postApi<PublishStatus>('/v2/post/publish/status/fetch/', { publish_id: publishId }, account, context)
  } catch (error) {
    throw unknownOutcome(publishId, `last chunk unanswered, status unavailable (${error instanceof Error ? error.message : String(error)})`)
  }
  const received = state.status === 'PUBLISH_COMPLETE' || state.status === 'FAILED' || (state.uploaded_bytes ?? 0) >= total
  if (!received) throw unknownOutcome(publishId, `last chunk unanswered, status ${state.status ?? 'missing'}`)
}

export function createTiktokAdapter(options: TiktokAdapterOptions = {}): NetworkAdapter {
  const settings: Required<TiktokAdapterOptions> = {
    chunkSize: options.chunkSize ?? 10_000_000,
    pollIntervalMs: options.pollIntervalMs ?? 5000,
    maxStatusPolls: options.maxStatusPolls ?? 60,
  }
  if (settings.chunkSize < tiktokMinChunkBytes || settings.chunkSize > tiktokMaxChunkBytes) {
    throw new Error(`TikTok chunk size must be between ${tiktokMinChunkBytes} and ${tiktokMaxChunkBytes} bytes`)
  }

  return {
    platforms: ['tiktok'],
    validate: (request) => validatePublishRequest(request),

    async publish(request, account, context): Promise<PublishResult> {
      const video = videoOf(request)
      // The UX guidelines require fresh creator info before every post (docs/networks.md#tiktok-creator-info).
      const creator = await postApi<CreatorInfo>('/v2/post/publish/creator_info/query/', undefined, account, context)
      const maxSeconds = creator.max_video_post_duration_sec
      if (maxSeconds != null && video.durationSeconds != null && video.durationSeconds > maxSeconds) {
        throw permanent('duration_exceeds_creator_max', tooLong(video.durationSeconds, maxSeconds))
      }
      const bytes = await video.read()
      if (bytes.byteLength === 0) throw permanent('empty_video', reasons.noVideo)
      const plan = tiktokChunkPlan(bytes.byteLength, settings.chunkSize)
      const init = await postApi<{ publish_id?: string; upload_url?: string }>(
        '/v2/post/publish/video/init/',
        {
          post_info: {
            title: request.text,
            privacy_level: choosePrivacy(creator.privacy_level_options),
            // Settings the creator turned off in the app stay off.
            disable_comment: creator.comment_disabled === true,
            disable_duet: creator.duet_disabled === true,
            disable_stitch: creator.stitch_disabled === true,
          },
          source_info: {
            source: 'FILE_UPLOAD',
            video_size: bytes.byteLength,
            chunk_size: plan.chunkSize,
            total_chunk_count: plan.totalChunkCount,
          },
        },
        account,
        context,
      )
      if (!init.publish_id || !init.upload_url) {
        throw new NetworkError({ kind: 'retryable', code: 'init_incomplete', message: 'TikTok init: no publish_id or upload_url', reason: reasons.unavailable })
      }
      const mimeType = video.mimeType.startsWith('video/') ? video.mimeType : 'video/mp4'
      const upload = await uploadChunks(init.upload_url, bytes, mimeType, plan, context)
      if (upload === 'unconfirmed') await confirmUpload(init.publish_id, bytes.byteLength, account, context)
      const postId = await awaitPublication(init.publish_id, account, context, settings)
      // The public URL needs both the handle and the post id; private posts never get an id.
      const permalink = postId && creator.creator_username ? `https://www.tiktok.com/@${encodeURIComponent(creator.creator_username)}/video/${postId}` : null
      return { remoteId: postId ?? init.publish_id, permalink }
    },

    /** docs/networks.md#tiktok documents no way to list a creator's posts, and TikTok takes no idempotency key. */
    async lookup(): Promise<LookupResult> {
      return { status: 'unsupported' }
    },

    async fetchMetrics(remoteId, account, context): Promise<MetricsSnapshot> {
      const names = ['view_count', 'like_count', 'comment_count', 'share_count'] as const
      const values: Record<string, number | null> = Object.fromEntries(names.map((name) => [name, null]))
      const snapshot = (): MetricsSnapshot => ({ remoteId, fetchedAt: context.now().toISOString(), values })
      // A publish_id (private or not yet public post) has no video to query.
      if (remoteId.startsWith('v_pub_')) return snapshot()
      const data = await postApi<{ videos?: Record<string, unknown>[] }>(
        `/v2/video/query/?fields=id,${names.join(',')}`,
        { filters: { video_ids: [remoteId] } },
        account,
        context,
      )
      const video = data.videos?.find((candidate) => String(candidate.id) === remoteId)
      for (const name of names) {
        const value = video?.[name]
        values[name] = typeof value === 'number' && Number.isFinite(value) ? value : null
      }
      return snapshot()
    },

    /**
     * The account's own counters (docs/networks.md#tiktok-account-metrics), scope `user.info.stats`.
     * TikTok leaves out the fields of a scope the user did not grant: each one missing is null.
     */
    async fetchAccountMetrics(account, context): Promise<AccountMetricsSnapshot> {
      const data = await getApi<{ user?: Record<string, unknown> }>(`/v2/user/info/?fields=${accountMetricNames.join(',')}`, account, context)
      const values: Record<string, number | null> = {}
      for (const name of accountMetricNames) {
        const value = data.user?.[name]
        values[name] = typeof value === 'number' && Number.isFinite(value) ? value : null
      }
      return { fetchedAt: context.now().toISOString(), values }
    },

    /** The Content Posting API has no comment endpoints (docs/networks.md#tiktok-comments): moderation happens in the app. */
    async moderate(): Promise<void> {
      throw new NetworkError({
        kind: 'permanent',
        code: 'moderation_unsupported',
        message: 'TikTok: comment moderation is not available through the API',
        reason: reasons.moderationUnsupported,
      })
    },
  }
}

export const tiktokAdapter: NetworkAdapter = createTiktokAdapter()
