/**
 * YouTube Data API v3 adapter for long-form videos and Shorts (docs/networks.md#youtube):
 * resumable upload of `videos.insert`, lookup in the channel's uploads, video and channel statistics,
 * comment moderation.
 */
import { callNetwork, retryAfter } from '../http'
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

/** Every chunk but the last must be a multiple of this (resumable upload protocol). */
export const youtubeChunkUnit = 256 * 1024

export type YoutubeAdapterOptions = {
  /** Bytes sent per PUT; a multiple of 256 KiB. Default 8 MiB. */
  chunkSize?: number
  /** Interruptions (5xx, dropped connection, timeout) one upload may recover from. Default 5. */
  maxResumes?: number
  /** Wait before the first resume; doubles after each interruption. Default 1 s. */
  resumeBackoffMs?: number
}

const shortMaxSeconds = 180
const titleMaxChars = 100
const tagsMaxChars = 500
const quotaReasons = new Set(['quotaExceeded', 'uploadLimitExceeded', 'dailyLimitExceeded'])
const rateReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded'])
/** Statuses the protocol says to resume after, rather than fail. */
const resumableStatuses = new Set([500, 502, 503, 504])

const reasons = {
  quota: pluginText('networkErrors:youtube:quota'),
  uploadLimit: pluginText('networkErrors:youtube:uploadLimit'),
  rate: pluginText('networkErrors:youtube:rate'),
  auth: pluginText('networkErrors:youtube:auth'),
  unavailable: pluginText('networkErrors:youtube:unavailable'),
  notFound: pluginText('networkErrors:youtube:notFound'),
  noVideo: pluginText('networkErrors:youtube:noVideo'),
  shortTooLong: pluginText('networkErrors:youtube:shortTooLong'),
  shortNotVertical: pluginText('networkErrors:youtube:shortNotVertical'),
  sessionExpired: pluginText('networkErrors:youtube:sessionExpired'),
  interrupted: pluginText('networkErrors:youtube:interrupted'),
  unknownOutcome: pluginText('networkErrors:youtube:unknownOutcome'),
} satisfies Record<string, Localized>

function rejected(code: string, message: string): Localized {
  return pluginText('networkErrors:youtube:rejected', { code, message })
}

/** Wall-clock fields of `instant` in `timeZone` (seconds precision). */
function wallClockUtcMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value)
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'))
}

function zoneOffsetMs(instant: Date, timeZone: string): number {
  return wallClockUtcMs(instant, timeZone) - Math.floor(instant.getTime() / 1000) * 1000
}

/**
 * The next 00:00 in `timeZone` strictly after `now`, daylight saving included (the zone's offset is
 * read from Intl at the target instant, never assumed).
 */
export function nextMidnightIn(timeZone: string, now: Date): Date {
  const today = new Date(wallClockUtcMs(now, timeZone))
  const target = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1)
  const firstGuess = target - zoneOffsetMs(new Date(target), timeZone)
  // A second pass corrects the guess when a DST change lies between `target` and the answer.
  return new Date(target - zoneOffsetMs(new Date(firstGuess), timeZone))
}

/** YouTube quotas reset at midnight Pacific time (docs/networks.md#youtube-quota-and-errors). */
export function nextPacificMidnight(now: Date): Date {
  return nextMidnightIn('America/Los_Angeles', now)
}

type GoogleError = { error?: { code?: number; message?: string; errors?: { reason?: string; message?: string }[] } }

async function readJson<T>(response: Response): Promise<T | null> {
  const text = await response.text().catch(() => '')
  if (!text) return null
  try {
    return JSON.parse(text) as T
  } catch {
    return null
  }
}

/** Maps a YouTube error response to the scheduler's terms (docs/networks.md#youtube-quota-and-errors). */
async function errorFrom(response: Response, context: AdapterContext, what: string): Promise<NetworkError> {
  const body = await readJson<GoogleError>(response)
  const reasonCode = body?.error?.errors?.[0]?.reason
  const message = body?.error?.message ?? response.statusText ?? ''
  const status = response.status
  const code = reasonCode ?? `http_${status}`
  const base = { status, code, message: `YouTube ${what}: ${status} ${code} ${message}`.trim() }
  const now = context.now()
  if (status === 401) return new NetworkError({ ...base, kind: 'auth', reason: reasons.auth })
  if (reasonCode && quotaReasons.has(reasonCode)) {
    return new NetworkError({
      ...base,
      kind: 'rate_limited',
      retryAt: nextPacificMidnight(now),
      reason: reasonCode === 'uploadLimitExceeded' ? reasons.uploadLimit : reasons.quota,
    })
  }
  if (status === 429 || (reasonCode && rateReasons.has(reasonCode))) {
    const retryAt = retryAfter(response.headers.get('retry-after'), now) ?? new Date(now.getTime() + 60_000)
    return new NetworkError({ ...base, kind: 'rate_limited', retryAt, reason: reasons.rate })
  }
  // A missing scope is fixed by reconnecting the account, like an expired token.
  if (reasonCode === 'insufficientPermissions') return new NetworkError({ ...base, kind: 'auth', reason: reasons.auth })
  if (status >= 500) return new NetworkError({ ...base, kind: 'retryable', reason: reasons.unavailable })
  if (status === 404) return new NetworkError({ ...base, kind: 'permanent', reason: reasons.notFound })
  return new NetworkError({ ...base, kind: 'permanent', reason: rejected(code, message || String(status)) })
}

function permanent(code: string, reason: Localized): NetworkError {
  return new NetworkError({ kind: 'permanent', code, message: `YouTube: ${reason.en}`, reason })
}

function unknownOutcome(cause: NetworkError): NetworkError {
  return new NetworkError({
    kind: 'outcome_unknown',
    code: cause.code ?? 'final_chunk_unconfirmed',
    status: cause.status,
    message: `YouTube upload: final chunk sent, outcome unconfirmed (${cause.message})`,
    reason: reasons.unknownOutcome,
  })
}

function truncateChars(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

/** Title: the variant's title, else the text's first line; YouTube refuses `<` and `>` (docs/networks.md#youtube-resumable-upload). */
export function youtubeTitle(request: PublishRequest, video?: PublishMedia): string {
  const firstLine = request.text.split('\n').find((line) => line.trim() !== '') ?? ''
  const fallback = video?.filename.replace(/\.[^.]+$/, '') ?? ''
  const source = request.title?.trim() || firstLine || fallback
  return truncateChars(source.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim(), titleMaxChars)
}

/** The text's hashtags as tags, within YouTube's 500-character budget (commas count). */
function hashtagTags(text: string): string[] {
  const tags: string[] = []
  const seen = new Set<string>()
  let used = 0
  for (const match of text.matchAll(/#([\p{L}\p{M}\p{N}_]+)/gu)) {
    const tag = match[1]
    const key = tag.toLocaleLowerCase()
    const cost = Array.from(tag).length + (tags.length ? 1 : 0)
    if (seen.has(key) || used + cost > tagsMaxChars) continue
    seen.add(key)
    tags.push(tag)
    used += cost
  }
  return tags
}

function permalink(platform: PublishRequest['platform'], videoId: string): string {
  const id = encodeURIComponent(videoId)
  return platform === 'youtube_short' ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}`
}

function videoOf(request: PublishRequest): PublishMedia {
  const video = request.media.find((media) => media.kind === 'video')
  if (!video) throw permanent('no_video', reasons.noVideo)
  if (request.platform === 'youtube_short') {
    // Shorts have no API flag (docs/networks.md#youtube-limits-and-shorts): a too long or landscape video would silently become a regular one.
    if (video.durationSeconds != null && video.durationSeconds > shortMaxSeconds) {
      throw permanent('short_too_long', reasons.shortTooLong)
    }
    if (video.width != null && video.height != null && video.width > video.height) {
      throw permanent('short_not_vertical', reasons.shortNotVertical)
    }
  }
  return video
}

function bearer(account: AccountCredentials): Record<string, string> {
  return { Authorization: `Bearer ${account.accessToken}` }
}

/** `Range: bytes=0-N` → N + 1 bytes stored; no header → nothing stored yet. */
function storedBytes(response: Response): number {
  const match = /bytes=0-(\d+)/.exec(response.headers.get('range') ?? '')
  return match ? Number(match[1]) + 1 : 0
}

async function startSession(
  request: PublishRequest,
  video: PublishMedia,
  total: number,
  account: AccountCredentials,
  context: AdapterContext,
): Promise<string> {
  // The upload host, given bare (https://www.googleapis.com) or with Google's /upload prefix: the
  // path gets the prefix once either way.
  const uploadBase = (context.uploadBaseUrl ?? context.baseUrl).replace(/\/+$/, '').replace(/\/upload$/, '')
  const url = `${uploadBase}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`
  const tags = hashtagTags(request.text)
  const resource = {
    snippet: { title: youtubeTitle(request, video), description: request.text, ...(tags.length ? { tags } : {}) },
    status: { privacyStatus: 'public', selfDeclaredMadeForKids: false },
  }
  // Opening a session creates nothing visible: a lost answer is simply retried.
  const response = await callNetwork(context, url, {
    method: 'POST',
    headers: {
      ...bearer(account),
      'Content-Type': 'application/json; charset=UTF-8',
      'X-Upload-Content-Length': String(total),
      'X-Upload-Content-Type': video.mimeType.startsWith('video/') ? video.mimeType : 'application/octet-stream',
    },
    body: JSON.stringify(resource),
    sideEffect: false,
  })
  if (!response.ok) throw await errorFrom(response, context, 'upload session')
  await response.body?.cancel()
  const location = response.headers.get('location')
  if (!location) {
    throw new NetworkError({
      kind: 'retryable',
      message: 'YouTube upload session: no Location header',
      reason: reasons.unavailable,
    })
  }
  return new URL(location, uploadBase).toString()
}

/**
 * Sends the bytes in chunks and resumes after interruptions by asking the session what it holds.
 * Every PUT targets the same session, which yields at most one video, so resuming never duplicates.
 * Only when the final chunk went unanswered and the session cannot be asked is the outcome unknown.
 */
async function uploadBytes(
  sessionUrl: string,
  bytes: Uint8Array,
  mimeType: string,
  account: AccountCredentials,
  context: AdapterContext,
  settings: Required<YoutubeAdapterOptions>,
): Promise<string> {
  const total = bytes.byteLength
  let offset = 0
  let interruptions = 0
  let askSession = false
  /** The final chunk was sent and no answer has told whether the video exists. */
  let finalUnconfirmed = false

  const interrupted = async (cause: NetworkError) => {
    interruptions += 1
    if (interruptions > settings.maxResumes) {
      if (finalUnconfirmed) throw unknownOutcome(cause)
      throw new NetworkError({
        kind: 'retryable',
        code: cause.code,
        status: cause.status,
        message: `YouTube upload interrupted ${interruptions} times: ${cause.message}`,
        reason: reasons.interrupted,
      })
    }
    await context.sleep(settings.resumeBackoffMs * 2 ** (interruptions - 1))
    askSession = true
  }

  for (;;) {
    const end = Math.min(offset + settings.chunkSize, total)
    const sendsFinal = !askSession && end === total
    let response: Response
    try {
      response = await callNetwork(context, sessionUrl, {
        method: 'PUT',
        headers: askSession
          ? { ...bearer(account), 'Content-Range': `bytes */${total}` }
          : { ...bearer(account), 'Content-Type': mimeType, 'Content-Range': `bytes ${offset}-${end - 1}/${total}` },
        // slice copies into a plain ArrayBuffer, which fetch's BodyInit requires.
        body: askSession ? new Uint8Array(0) : bytes.slice(offset, end),
        sideEffect: sendsFinal,
      })
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error
      if (sendsFinal) finalUnconfirmed = true
      await interrupted(error)
      continue
    }

    if (response.status === 200 || response.status === 201) {
      const video = await readJson<{ id?: string }>(response)
      if (video?.id) return video.id
      throw unknownOutcome(new NetworkError({ kind: 'outcome_unknown', message: 'no video id', reason: reasons.unknownOutcome }))
    }
    if (response.status === 308) {
      await response.body?.cancel()
      const stored = storedBytes(response)
      const progressed = askSession || stored > offset
      offset = stored
      askSession = false
      finalUnconfirmed = false
      if (!progressed) {
        await interrupted(new NetworkError({ kind: 'retryable', message: 'chunk not stored', reason: reasons.interrupted }))
      }
      continue
    }
    if (resumableStatuses.has(response.status)) {
      if (sendsFinal) finalUnconfirmed = true
      await interrupted(await errorFrom(response, context, 'upload'))
      continue
    }
    const error =
      response.status === 404
        ? new NetworkError({
            kind: 'retryable',
            status: 404,
            code: 'session_expired',
            message: 'YouTube upload session expired',
            reason: reasons.sessionExpired,
          })
        : await errorFrom(response, context, 'upload')
    if (response.status === 404) await response.body?.cancel()
    throw finalUnconfirmed ? unknownOutcome(error) : error
  }
}

/** YouTube gives its counters as strings; one it withholds (absent, empty, not a number) is null, never 0. */
function parseCount(value: string | undefined): number | null {
  const parsed = value == null || value === '' ? NaN : Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

type ChannelStatistics = { subscriberCount?: string; hiddenSubscriberCount?: boolean; viewCount?: string; videoCount?: string }

type PlaylistItem = { snippet?: { title?: string; description?: string; resourceId?: { videoId?: string } } }

/** A GET of the Data API, its errors read as the adapter reads them (quota, rate, auth). */
export async function getJson<T>(url: string, what: string, account: AccountCredentials, context: AdapterContext): Promise<T> {
  const response = await callNetwork(context, url, { method: 'GET', headers: bearer(account), sideEffect: false })
  if (!response.ok) throw await errorFrom(response, context, what)
  return ((await readJson<T>(response)) ?? {}) as T
}

async function sendModeration(
  url: string,
  init: { method: string; body?: string; sideEffect: boolean },
  account: AccountCredentials,
  context: AdapterContext,
): Promise<ModerationResult> {
  const response = await callNetwork(context, url, {
    method: init.method,
    headers: init.body ? { ...bearer(account), 'Content-Type': 'application/json; charset=UTF-8' } : bearer(account),
    body: init.body,
    sideEffect: init.sideEffect,
  })
  if (!response.ok) throw await errorFrom(response, context, 'moderation')
  // 204 for moderation; a reply answers with the new comment, whose id the inbox records.
  const created = response.status === 204 ? null : await readJson<{ id?: string }>(response)
  return created?.id ? { remoteId: created.id } : {}
}

export function createYoutubeAdapter(options: YoutubeAdapterOptions = {}): NetworkAdapter {
  const settings: Required<YoutubeAdapterOptions> = {
    chunkSize: options.chunkSize ?? 32 * youtubeChunkUnit,
    maxResumes: options.maxResumes ?? 5,
    resumeBackoffMs: options.resumeBackoffMs ?? 1000,
  }
  if (settings.chunkSize <= 0 || settings.chunkSize % youtubeChunkUnit !== 0) {
    throw new Error(`YouTube chunk size must be a positive multiple of ${youtubeChunkUnit} bytes`)
  }

  return {
    platforms: ['youtube', 'youtube_short'],
    validate: (request) => validatePublishRequest(request),

    async publish(request, account, context): Promise<PublishResult> {
      const video = videoOf(request)
      const bytes = await video.read()
      if (bytes.byteLength === 0) throw permanent('empty_video', reasons.noVideo)
      const sessionUrl = await startSession(request, video, bytes.byteLength, account, context)
      const videoId = await uploadBytes(sessionUrl, bytes, video.mimeType, account, context, settings)
      return { remoteId: videoId, permalink: permalink(request.platform, videoId) }
    },

    /**
     * YouTube takes no idempotency key, so an upload is recognised by its title among the channel's
     * 50 latest uploads (playlistItems: 1 quota unit, where search.list costs 100), the description
     * breaking ties.
     */
    async lookup(request, account, context): Promise<LookupResult> {
      const base = `${context.baseUrl}/youtube/v3`
      const channels = await getJson<{ items?: { contentDetails?: { relatedPlaylists?: { uploads?: string } } }[] }>(
        `${base}/channels?part=contentDetails&mine=true`,
        'channels',
        account,
        context,
      )
      const uploads = channels.items?.[0]?.contentDetails?.relatedPlaylists?.uploads
      if (!uploads) return { status: 'not_found' }
      const playlist = await getJson<{ items?: PlaylistItem[] }>(
        `${base}/playlistItems?part=snippet&maxResults=50&playlistId=${encodeURIComponent(uploads)}`,
        'playlistItems',
        account,
        context,
      )
      const title = youtubeTitle(
        request,
        request.media.find((media) => media.kind === 'video'),
      )
      const sameTitle = (playlist.items ?? []).filter((item) => item.snippet?.title === title && item.snippet.resourceId?.videoId)
      const match = sameTitle.find((item) => item.snippet?.description === request.text) ?? sameTitle[0]
      const videoId = match?.snippet?.resourceId?.videoId
      if (!videoId) return { status: 'not_found' }
      return { status: 'found', remoteId: videoId, permalink: permalink(request.platform, videoId) }
    },

    /** Realtime counters (docs/networks.md#youtube-statistics); Analytics reports live on another host and lag 48–72 h. */
    async fetchMetrics(remoteId, account, context): Promise<MetricsSnapshot> {
      const url = `${context.baseUrl}/youtube/v3/videos?part=statistics&id=${encodeURIComponent(remoteId)}`
      const body = await getJson<{ items?: { statistics?: Record<string, string | undefined> }[] }>(url, 'videos', account, context)
      const video = body.items?.[0]
      if (!video) throw permanent('video_not_found', reasons.notFound)
      const count = (name: string) => parseCount(video.statistics?.[name])
      return {
        remoteId,
        fetchedAt: context.now().toISOString(),
        values: {
          viewCount: count('viewCount'),
          likeCount: count('likeCount'),
          commentCount: count('commentCount'),
          favoriteCount: count('favoriteCount'),
        },
      }
    },

    /**
     * The channel's own counters (docs/networks.md#youtube-channel-statistics), one `channels.list`
     * (1 quota unit). A subscriber count the channel hides is null, whatever number comes with it.
     */
    async fetchAccountMetrics(account, context): Promise<AccountMetricsSnapshot> {
      const url = `${context.baseUrl}/youtube/v3/channels?part=statistics&mine=true`
      const body = await getJson<{ items?: { statistics?: ChannelStatistics }[] }>(url, 'channels', account, context)
      const channel = body.items?.[0]
      // The token no longer leads to a channel (deleted, or another Google identity): reconnecting fixes it.
      if (!channel) {
        throw new NetworkError({ kind: 'auth', code: 'channel_not_found', message: 'YouTube channels: no channel for this token', reason: reasons.auth })
      }
      const statistics = channel.statistics ?? {}
      return {
        fetchedAt: context.now().toISOString(),
        values: {
          subscriberCount: statistics.hiddenSubscriberCount === true ? null : parseCount(statistics.subscriberCount),
          viewCount: parseCount(statistics.viewCount),
          videoCount: parseCount(statistics.videoCount),
        },
      }
    },

    /**
     * Hide holds the comment for review rather than rejecting it, so `unhide` can publish it again.
     * Moderation calls are idempotent and retried; a reply adds a visible comment and is not.
     */
    async moderate(commentId, command: ModerationCommand, account, context): Promise<ModerationResult> {
      const base = `${context.baseUrl}/youtube/v3/comments`
      const id = encodeURIComponent(commentId)
      switch (command.action) {
        case 'hide':
        case 'unhide': {
          const status = command.action === 'hide' ? 'heldForReview' : 'published'
          return sendModeration(`${base}/setModerationStatus?id=${id}&moderationStatus=${status}`, { method: 'POST', sideEffect: false }, account, context)
        }
        case 'delete':
          return sendModeration(`${base}?id=${id}`, { method: 'DELETE', sideEffect: false }, account, context)
        case 'reply':
          return sendModeration(
            `${base}?part=snippet`,
            { method: 'POST', body: JSON.stringify({ snippet: { parentId: commentId, textOriginal: command.text } }), sideEffect: true },
            account,
            context,
          )
      }
    },
  }
}

export const youtubeAdapter: NetworkAdapter = createYoutubeAdapter()
