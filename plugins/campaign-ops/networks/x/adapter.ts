/**
 * X (Twitter) API v2 adapter: media upload on the v2 dedicated paths, posts, lookup after an
 * unknown outcome, post and account metrics and reply moderation (docs/networks.md#x).
 */
import { twitterText } from '../../../../src/domain/twitter-text'

import { firstCommentWarning } from '../first-comment-warning'
import { callNetwork, readAnswer, retryAfter } from '../http'
import { NetworkError } from '../types'
import type {
  AccountCredentials,
  AccountMetricsSnapshot,
  AdapterContext,
  LookupResult,
  MetricsSnapshot,
  ModerationCommand,
  ModerationResult,
  NetworkAdapter,
  PublishMedia,
  PublishRequest,
  PublishResult,
} from '../types'
import { validatePublishRequest } from '../validate-request'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText } from '../../translations'

/** Video and GIF chunks: under X's 5 MB cap, in the 1–4 MB range clients use (docs/networks.md#x-media-upload). */
export const xUploadChunkBytes = 4 * 1024 * 1024
/** Bounds the wait for X's video processing; past it the upload is retried later. */
export const xMaxProcessingPolls = 60
const minimumCheckAfterSeconds = 1
const maximumCheckAfterSeconds = 60
/** X's rate-limit windows are 15 minutes: the wait when a 429 carries no usable reset. */
const defaultRateLimitWaitMs = 15 * 60_000
/** X's alt text limit; longer text would make the metadata call fail and lose the post. */
const altTextMaxCharacters = 1000
const maxImages = 4

type XMediaCategory = 'tweet_image' | 'tweet_gif' | 'tweet_video'

type ProcessingInfo = {
  state?: 'pending' | 'in_progress' | 'succeeded' | 'failed'
  check_after_secs?: number
  error?: { code?: number; name?: string; message?: string }
}

type XPost = {
  id: string
  text?: string
  public_metrics?: Record<string, number | undefined>
  non_public_metrics?: Record<string, number | undefined>
  organic_metrics?: Record<string, number | undefined>
}

type XProblem = {
  title?: string
  detail?: string
  type?: string
  errors?: Array<{ message?: string; code?: number }>
}

const reasons = {
  rateLimited: (until: Date): Localized => pluginText('networkErrors:x:rateLimited', { until: formatUtc(until) }),
  auth: pluginText('networkErrors:x:auth'),
  duplicate: pluginText('networkErrors:x:duplicate'),
  rejected: (detail: string): Localized => pluginText('networkErrors:x:rejected', { detail }),
  notFound: pluginText('networkErrors:x:notFound'),
  serverError: pluginText('networkErrors:x:serverError'),
  unexpectedAnswer: pluginText('networkErrors:x:unexpectedAnswer'),
  answerLost: pluginText('networkErrors:x:answerLost'),
  mediaMix: pluginText('networkErrors:x:mediaMix'),
  processingFailed: (detail: string): Localized => pluginText('networkErrors:x:processingFailed', { detail }),
  processingTooLong: pluginText('networkErrors:x:processingTooLong'),
  unknownAction: pluginText('networkErrors:x:unknownAction'),
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

function uploadBase(context: AdapterContext): string {
  return context.uploadBaseUrl ?? context.baseUrl
}

export function xPermalink(postId: string): string {
  return `https://x.com/i/web/status/${postId}`
}

function problemDetail(body: unknown, status: number): string {
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300)
  const problem = (body ?? {}) as XProblem
  return problem.detail ?? problem.errors?.[0]?.message ?? problem.title ?? `HTTP ${status}`
}

/** UNIX-seconds reset header, ignored when absent, unparsable or already past. */
function resetHeader(headers: Headers, name: string, now: Date): Date | undefined {
  const seconds = Number(headers.get(name))
  if (!headers.get(name) || !Number.isFinite(seconds)) return undefined
  const date = new Date(seconds * 1000)
  return date.getTime() > now.getTime() ? date : undefined
}

/**
 * A 429 names no window, so the exhausted one is the one whose `remaining` is 0: the 15-minute
 * window or a 24-hour cap. Without such a hint, the 15-minute reset, then any 24-hour reset.
 */
function rateLimitRetryAt(headers: Headers, now: Date): Date {
  const windows = ['x-rate-limit', 'x-user-limit-24hour', 'x-app-limit-24hour'].map((prefix) => ({
    exhausted: headers.get(`${prefix}-remaining`) === '0',
    reset: resetHeader(headers, `${prefix}-reset`, now),
  }))
  const exhausted = windows.filter((window) => window.exhausted && window.reset)
  const latest = (dates: Array<Date | undefined>) => dates.filter((date): date is Date => date !== undefined).sort((a, b) => b.getTime() - a.getTime())[0]
  // An exhausted window says when it reopens; otherwise the server's own Retry-After is the answer,
  // and only without it does the next window reset apply.
  return (
    latest(exhausted.map((window) => window.reset)) ??
    retryAfter(headers.get('retry-after'), now) ??
    windows.find((window) => window.reset)?.reset ??
    new Date(now.getTime() + defaultRateLimitWaitMs)
  )
}

/** Maps a non-2xx answer to the scheduler's terms (docs/networks.md#x-errors-and-rate-limits). */
function errorFromResponse(status: number, headers: Headers, body: unknown, now: Date): NetworkError {
  const detail = problemDetail(body, status)
  const message = `X ${status}: ${detail}`
  if (status === 429) {
    const retryAt = rateLimitRetryAt(headers, now)
    return new NetworkError({ kind: 'rate_limited', status, message, retryAt, reason: reasons.rateLimited(retryAt) })
  }
  if (status === 401) return new NetworkError({ kind: 'auth', status, message, reason: reasons.auth })
  // A duplicate right after an unknown outcome means the first attempt was posted: the scheduler
  // reconciles through `lookup`, so the code is kept distinct from other refusals.
  if (status === 403 && /duplicate/i.test(detail)) {
    return new NetworkError({ kind: 'permanent', status, code: 'duplicate', message, reason: reasons.duplicate })
  }
  if (status === 404) return new NetworkError({ kind: 'permanent', status, code: 'not_found', message, reason: reasons.notFound })
  if (status >= 500 || status === 408) {
    return new NetworkError({ kind: 'retryable', status, message, reason: reasons.serverError })
  }
  return new NetworkError({ kind: 'permanent', status, message, reason: reasons.rejected(detail) })
}

type XCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  json?: unknown
  form?: FormData
  /** True when the call publishes something (a post, a reply): never retried blindly. */
  sideEffect: boolean
}

export async function callX(call: XCall, account: AccountCredentials, context: AdapterContext): Promise<unknown> {
  const headers: Record<string, string> = { Authorization: `Bearer ${account.accessToken}` }
  if (call.json !== undefined) headers['Content-Type'] = 'application/json'
  const response = await callNetwork(context, call.url, {
    method: call.method,
    headers,
    body: call.form ?? (call.json === undefined ? undefined : JSON.stringify(call.json)),
    sideEffect: call.sideEffect,
  })
  const body = await readAnswer(response, call, reasons)
  if (!response.ok) throw errorFromResponse(response.status, response.headers, body, context.now())
  return body
}

function unexpected(what: string, body: unknown): NetworkError {
  return new NetworkError({
    kind: 'retryable',
    message: `X: ${what} missing in ${JSON.stringify(body)?.slice(0, 300)}`,
    reason: reasons.unexpectedAnswer,
  })
}

function dataOf<T>(body: unknown): T | undefined {
  return (body as { data?: T } | null)?.data
}

function isGif(media: PublishMedia): boolean {
  return media.mimeType.toLowerCase() === 'image/gif'
}

function categoryFor(media: PublishMedia): XMediaCategory {
  if (media.kind === 'video') return 'tweet_video'
  return isGif(media) ? 'tweet_gif' : 'tweet_image'
}

/** X takes up to 4 images, or a single GIF or video (docs/networks.md#x-posts-and-media); the variant validator should have caught the rest. */
function checkMediaMix(media: PublishMedia[]): void {
  const images = media.filter((item) => item.kind === 'image' && !isGif(item))
  const single = media.filter((item) => item.kind === 'video' || isGif(item))
  const unsupported = media.some((item) => item.kind === 'pdf')
  const valid = !unsupported && (single.length === 0 ? images.length <= maxImages : single.length === 1 && images.length === 0)
  if (!valid) {
    throw new NetworkError({
      kind: 'permanent',
      code: 'media_mix',
      message: 'X: unsupported media combination',
      reason: reasons.mediaMix,
    })
  }
}

function blobOf(bytes: Uint8Array, mimeType: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType })
}

function mediaIdOf(body: unknown, step: string): string {
  const id = dataOf<{ id?: unknown }>(body)?.id
  if (typeof id !== 'string' || !id) throw unexpected(`${step} media id`, body)
  return id
}

async function uploadSimple(media: PublishMedia, bytes: Uint8Array, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const form = new FormData()
  form.set('media', blobOf(bytes, media.mimeType), media.filename)
  form.set('media_category', categoryFor(media))
  const body = await callX({ method: 'POST', url: `${uploadBase(context)}/2/media/upload`, form, sideEffect: false }, account, context)
  return mediaIdOf(body, 'upload')
}

/** Polls until X has processed the media; only then may a post use its id (docs/networks.md#x-media-upload). */
async function waitForProcessing(mediaId: string, initial: ProcessingInfo | undefined, account: AccountCredentials, context: AdapterContext): Promise<void> {
  let info = initial
  for (let poll = 0; ; poll += 1) {
    if (!info || info.state === 'succeeded') return
    if (info.state === 'failed') {
      const detail = info.error?.message ?? info.error?.name ?? 'processing failed'
      throw new NetworkError({
        kind: 'permanent',
        code: 'media_processing_failed',
        message: `X media ${mediaId}: ${detail}`,
        reason: reasons.processingFailed(detail),
      })
    }
    if (poll >= xMaxProcessingPolls) {
      throw new NetworkError({
        kind: 'retryable',
        code: 'media_processing_timeout',
        message: `X media ${mediaId} still ${info.state}`,
        reason: reasons.processingTooLong,
      })
    }
    const waitSeconds = Math.min(maximumCheckAfterSeconds, Math.max(minimumCheckAfterSeconds, info.check_after_secs ?? minimumCheckAfterSeconds))
    await context.sleep(waitSeconds * 1000)
    const url = `${uploadBase(context)}/2/media/upload?command=STATUS&media_id=${encodeURIComponent(mediaId)}`
    const body = await callX({ method: 'GET', url, sideEffect: false }, account, context)
    info = dataOf<{ processing_info?: ProcessingInfo }>(body)?.processing_info
  }
}

/** INIT → APPEND per chunk → FINALIZE → STATUS polls, on the v2 dedicated paths (docs/networks.md#x-media-upload). */
async function uploadChunked(media: PublishMedia, bytes: Uint8Array, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const base = `${uploadBase(context)}/2/media/upload`
  const initialized = await callX(
    {
      method: 'POST',
      url: `${base}/initialize`,
      json: { media_type: media.mimeType, total_bytes: bytes.byteLength, media_category: categoryFor(media) },
      sideEffect: false,
    },
    account,
    context,
  )
  const mediaId = mediaIdOf(initialized, 'initialize')
  const path = `${base}/${encodeURIComponent(mediaId)}`
  for (let offset = 0, segment = 0; offset < bytes.byteLength; offset += xUploadChunkBytes, segment += 1) {
    const form = new FormData()
    form.set('media', blobOf(bytes.subarray(offset, offset + xUploadChunkBytes), 'application/octet-stream'), media.filename)
    form.set('segment_index', String(segment))
    await callX({ method: 'POST', url: `${path}/append`, form, sideEffect: false }, account, context)
  }
  const finalized = await callX({ method: 'POST', url: `${path}/finalize`, sideEffect: false }, account, context)
  await waitForProcessing(mediaId, dataOf<{ processing_info?: ProcessingInfo }>(finalized)?.processing_info, account, context)
  return mediaId
}

async function setAltText(mediaId: string, altText: string, account: AccountCredentials, context: AdapterContext): Promise<void> {
  await callX(
    {
      method: 'POST',
      url: `${uploadBase(context)}/2/media/metadata`,
      json: { id: mediaId, metadata: { alt_text: { text: [...altText].slice(0, altTextMaxCharacters).join('') } } },
      sideEffect: false,
    },
    account,
    context,
  )
}

/**
 * Uploads are not public, so a lost answer is retryable (the orphan expires). Images and GIFs take
 * alt text; docs/networks.md#x-media-upload documents none for video.
 */
async function uploadMedia(media: PublishMedia, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const bytes = await media.read()
  const chunked = media.kind === 'video' || isGif(media)
  const mediaId = chunked ? await uploadChunked(media, bytes, account, context) : await uploadSimple(media, bytes, account, context)
  const altText = media.altText?.trim()
  if (altText && media.kind === 'image') await setAltText(mediaId, altText, account, context)
  return mediaId
}

async function createPost(body: Record<string, unknown>, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const answer = await callX({ method: 'POST', url: `${context.baseUrl}/2/tweets`, json: body, sideEffect: true }, account, context)
  const id = dataOf<{ id?: unknown }>(answer)?.id
  if (typeof id !== 'string' || !id) {
    // The request went through and the answer names no post: only lookup can tell.
    throw new NetworkError({
      kind: 'outcome_unknown',
      message: `X: post id missing in ${JSON.stringify(answer)?.slice(0, 300)}`,
      reason: reasons.answerLost,
    })
  }
  return id
}

async function publish(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<PublishResult> {
  checkMediaMix(request.media)
  const mediaIds: string[] = []
  for (const media of request.media) mediaIds.push(await uploadMedia(media, account, context))
  const postId = await createPost({ text: request.text, ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}) }, account, context)
  const firstComment = request.firstComment?.trim()
  // The post exists, so a failed first reply is a warning: the scheduler must not publish again.
  const warnings = firstComment
    ? await createPost({ text: firstComment, reply: { in_reply_to_tweet_id: postId } }, account, context).then(
        () => [],
        (error: unknown) => [firstCommentWarning(error)],
      )
    : []
  return { remoteId: postId, permalink: xPermalink(postId), ...(warnings.length ? { warnings } : {}) }
}

const urlToken = '\u0000url\u0000'

export function decodeXEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Our text with every link X would wrap in t.co (with or without scheme) replaced by one token. */
function comparableLocal(text: string): string {
  const urls = [...new Set(twitterText.extractUrls(text))].sort((a, b) => b.length - a.length)
  return collapse(urls.reduce((result, url) => result.split(url).join(urlToken), text))
}

/**
 * X's stored text: HTML entities escaped, links as t.co, and one extra t.co link at the end when
 * media are attached.
 */
function comparableRemote(text: string, hasMedia: boolean): string {
  const tokenized = collapse(decodeXEntities(text).replace(/https?:\/\/t\.co\/\w+/g, urlToken))
  return hasMedia && tokenized.endsWith(urlToken) ? collapse(tokenized.slice(0, -urlToken.length)) : tokenized
}

/** The account's recent posts (replies and reposts excluded), matched on the exact text. */
async function lookup(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<LookupResult> {
  const url = `${context.baseUrl}/2/users/${encodeURIComponent(account.accountId)}/tweets?max_results=100&exclude=replies,retweets&tweet.fields=created_at`
  const body = await callX({ method: 'GET', url, sideEffect: false }, account, context)
  const expected = comparableLocal(request.text)
  const hasMedia = request.media.length > 0
  const match = (dataOf<XPost[]>(body) ?? []).find((post) => typeof post.text === 'string' && comparableRemote(post.text, hasMedia) === expected)
  return match ? { status: 'found', remoteId: match.id, permalink: xPermalink(match.id) } : { status: 'not_found' }
}

const publicMetricNames = ['impression_count', 'like_count', 'retweet_count', 'reply_count', 'quote_count', 'bookmark_count'] as const
const privateMetricNames = ['url_link_clicks', 'user_profile_clicks'] as const
export const xMetricNames = [...publicMetricNames, ...privateMetricNames] as const

function metricValue(...candidates: Array<number | undefined>): number | null {
  const value = candidates.find((candidate) => typeof candidate === 'number' && Number.isFinite(candidate))
  return value ?? null
}

async function fetchPostMetrics(remoteId: string, fields: string, account: AccountCredentials, context: AdapterContext): Promise<XPost | undefined> {
  const url = `${context.baseUrl}/2/tweets?ids=${encodeURIComponent(remoteId)}&tweet.fields=${fields}`
  const body = await callX({ method: 'GET', url, sideEffect: false }, account, context)
  return (dataOf<XPost[]>(body) ?? []).find((post) => post.id === remoteId)
}

/**
 * Public metrics for every post; non-public and organic ones only for the author's posts under
 * 30 days (docs/networks.md#x-metrics). When X refuses those (the post under `errors` without `data`, or a refusal),
 * public metrics are asked again alone and the private ones stay null.
 */
async function fetchMetrics(remoteId: string, account: AccountCredentials, context: AdapterContext): Promise<MetricsSnapshot> {
  const withPrivate = await fetchPostMetrics(remoteId, 'public_metrics,non_public_metrics,organic_metrics', account, context).catch((error: unknown) => {
    if (error instanceof NetworkError && error.kind === 'permanent') return undefined
    throw error
  })
  const post = withPrivate ?? (await fetchPostMetrics(remoteId, 'public_metrics', account, context))
  if (!post) {
    throw new NetworkError({
      kind: 'permanent',
      status: 404,
      code: 'not_found',
      message: `X post ${remoteId} not found`,
      reason: reasons.notFound,
    })
  }
  const open = post.public_metrics ?? {}
  const closed = post.non_public_metrics ?? {}
  const organic = post.organic_metrics ?? {}
  const values: Record<string, number | null> = {}
  for (const name of publicMetricNames) values[name] = metricValue(open[name], organic[name], closed[name])
  for (const name of privateMetricNames) values[name] = metricValue(closed[name], organic[name])
  return { remoteId, fetchedAt: context.now().toISOString(), values }
}

/** The account's own counts, under X's names in the user's `public_metrics`. */
export const xAccountMetricNames = ['followers_count', 'following_count', 'tweet_count', 'listed_count'] as const

/**
 * The connected user's counts now, from `GET /2/users/me` with the user-context token
 * (docs/networks.md#x-account-metrics); a count X leaves out stays null.
 */
async function fetchAccountMetrics(account: AccountCredentials, context: AdapterContext): Promise<AccountMetricsSnapshot> {
  const body = await callX({ method: 'GET', url: `${context.baseUrl}/2/users/me?user.fields=public_metrics`, sideEffect: false }, account, context)
  const user = dataOf<{ id?: string; public_metrics?: Record<string, number | undefined> }>(body)
  if (!user) throw unexpected('user', body)
  const counts = user.public_metrics ?? {}
  const values: Record<string, number | null> = {}
  for (const name of xAccountMetricNames) values[name] = metricValue(counts[name])
  return { fetchedAt: context.now().toISOString(), values }
}

/** Hide and unhide apply to replies to the account's posts; delete to the account's own posts. */
async function moderate(commentId: string, command: ModerationCommand, account: AccountCredentials, context: AdapterContext): Promise<ModerationResult | void> {
  const postUrl = `${context.baseUrl}/2/tweets/${encodeURIComponent(commentId)}`
  switch (command.action) {
    case 'hide':
    case 'unhide': {
      const hidden = command.action === 'hide'
      const body = await callX({ method: 'PUT', url: `${postUrl}/hidden`, json: { hidden }, sideEffect: false }, account, context)
      if (dataOf<{ hidden?: boolean }>(body)?.hidden !== hidden) throw unexpected('hidden state', body)
      return
    }
    case 'delete': {
      try {
        await callX({ method: 'DELETE', url: postUrl, sideEffect: false }, account, context)
      } catch (error) {
        // Already gone is what was asked.
        if (error instanceof NetworkError && error.code === 'not_found') return
        throw error
      }
      return
    }
    case 'reply':
      return { remoteId: await createPost({ text: command.text, reply: { in_reply_to_tweet_id: commentId } }, account, context) }
    default:
      throw new NetworkError({
        kind: 'permanent',
        message: 'X: unknown moderation action',
        reason: reasons.unknownAction,
      })
  }
}

export const xAdapter: NetworkAdapter = {
  platforms: ['x'],
  validate: (request) => validatePublishRequest(request),
  publish,
  lookup,
  fetchMetrics,
  fetchAccountMetrics,
  moderate,
}
