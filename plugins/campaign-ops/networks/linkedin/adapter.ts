/**
 * LinkedIn organization page adapter on the versioned REST API: images, documents and videos
 * uploaded then attached to `POST /rest/posts`, lookup after an unknown outcome, share
 * statistics, the page's follower count and comment moderation (docs/networks.md#linkedin).
 */
import { callNetwork, readAnswer, retryAfter } from '../http'
import { NetworkError } from '../types'
import type {
  AccountCredentials,
  AccountMetricsSnapshot,
  AdapterContext,
  LookupResult,
  MetricsSnapshot,
  ModerationCommand,
  NetworkAdapter,
  PublishMedia,
  PublishRequest,
  PublishResult,
} from '../types'
import { validatePublishRequest } from '../validate-request'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText } from '../../translations'

/**
 * LinkedIn has no default version and sunsets each one about a year after release
 * (docs/networks.md#linkedin-rest-headers-and-oauth):
 * this month must be moved forward before it expires (about 2027-10).
 */
export const linkedinApiVersion = '202610'
const restliProtocolVersion = '2.0.0'
/** Bounds the wait for LinkedIn's video processing; past it the upload is retried later. */
export const linkedinMaxProcessingPolls = 60
const processingPollMs = 5_000
const maxImagesPerPost = 20
/** Posts looked through by `lookup`: an unknown outcome is recent, so the first page is enough. */
const lookupPageSize = 50

type LinkedInError = { status?: number; serviceErrorCode?: number; code?: string; message?: string }

type AssetKind = 'image' | 'video' | 'document'

type UploadedMedia = { urn: string; kind: AssetKind; altText: string | null; title: string | null }

const reasons = {
  rateLimited: (until: Date, daily: boolean): Localized =>
    pluginText(daily ? 'networkErrors:linkedin:rateLimitedDaily' : 'networkErrors:linkedin:rateLimited', { until: formatUtc(until) }),
  auth: pluginText('networkErrors:linkedin:auth'),
  forbidden: (detail: string): Localized => pluginText('networkErrors:linkedin:forbidden', { detail }),
  duplicate: pluginText('networkErrors:linkedin:duplicate'),
  rejected: (detail: string): Localized => pluginText('networkErrors:linkedin:rejected', { detail }),
  versionInactive: pluginText('networkErrors:linkedin:versionInactive'),
  notFound: pluginText('networkErrors:linkedin:notFound'),
  serverError: pluginText('networkErrors:linkedin:serverError'),
  unexpectedAnswer: pluginText('networkErrors:linkedin:unexpectedAnswer'),
  answerLost: pluginText('networkErrors:linkedin:answerLost'),
  mediaMix: pluginText('networkErrors:linkedin:mediaMix'),
  processingFailed: pluginText('networkErrors:linkedin:processingFailed'),
  processingTooLong: pluginText('networkErrors:linkedin:processingTooLong'),
  hideUnsupported: pluginText('networkErrors:linkedin:hideUnsupported'),
  invalidTarget: (id: string): Localized => pluginText('networkErrors:linkedin:invalidTarget', { id }),
  untrustedUploadUrl: pluginText('networkErrors:linkedin:untrustedUploadUrl'),
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** URNs in paths and queries are URL-encoded, parentheses included (they are Rest.li syntax). */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29')
}

export function linkedinPermalink(postUrn: string): string {
  return `https://www.linkedin.com/feed/update/${postUrn}`
}

/** The account id is the organization URN; a bare numeric id is accepted too. */
export function organizationUrn(account: AccountCredentials): string {
  return account.accountId.startsWith('urn:li:') ? account.accountId : `urn:li:organization:${account.accountId}`
}

// "Little text" reserved characters (docs/networks.md#linkedin-posts-api): unescaped, LinkedIn silently truncates the commentary.
const reservedCharacters = /[\\|{}@[\]()<>#*_~]/g
// Kept verbatim: links (so they auto-link), mentions in LinkedIn's syntax, hashtags.
const keptElements = new RegExp(
  [
    String.raw`https?:\/\/[^\s<>]+`,
    String.raw`@\[[^\]\n]+\]\(urn:li:(?:person|organization):[^)\s]+\)`,
    String.raw`(?<![\p{L}\p{N}\p{M}_#])#[\p{L}\p{N}\p{M}]+`,
  ].join('|'),
  'gu',
)

function escapePlain(text: string): string {
  return text.replace(reservedCharacters, (character) => `\\${character}`)
}

/** Sentence punctuation after a link belongs to the sentence; a closing parenthesis only when unbalanced. */
function splitLinkTail(link: string): [string, string] {
  let end = link.length
  for (;;) {
    const last = link[end - 1]
    const body = link.slice(0, end)
    const unbalanced = last === ')' && (body.match(/\(/g)?.length ?? 0) < (body.match(/\)/g)?.length ?? 0)
    if (last !== undefined && (/[.,;:!?'"]/.test(last) || unbalanced)) end -= 1
    else break
  }
  return [link.slice(0, end), link.slice(end)]
}

/** The commentary in LinkedIn's little text format: plain text escaped, links, mentions and hashtags kept. */
export function escapeLittleText(text: string): string {
  let result = ''
  let cursor = 0
  for (const match of text.matchAll(keptElements)) {
    const start = match.index ?? 0
    result += escapePlain(text.slice(cursor, start))
    const element = match[0]
    if (/^https?:/i.test(element)) {
      const [link, tail] = splitLinkTail(element)
      result += link + escapePlain(tail)
    } else {
      result += element
    }
    cursor = start + element.length
  }
  return result + escapePlain(text.slice(cursor))
}

function errorDetail(body: unknown, status: number): string {
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300)
  const error = (body ?? {}) as LinkedInError
  return error.message ?? error.code ?? `HTTP ${status}`
}

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
}

/** Maps a non-2xx answer to the scheduler's terms (docs/networks.md#linkedin-errors-and-rate-limits). */
function errorFromResponse(status: number, headers: Headers, body: unknown, now: Date): NetworkError {
  const detail = errorDetail(body, status)
  const code = typeof (body as LinkedInError | null)?.code === 'string' ? (body as LinkedInError).code : undefined
  const message = `LinkedIn ${status}${code ? ` ${code}` : ''}: ${detail}`
  if (status === 429) {
    // The daily quotas send no header and reset at midnight UTC; a Retry-After marks short throttling.
    const shortWait = retryAfter(headers.get('retry-after'), now)
    const retryAt = shortWait ?? nextUtcMidnight(now)
    return new NetworkError({
      kind: 'rate_limited',
      status,
      code,
      message,
      retryAt,
      reason: reasons.rateLimited(retryAt, !shortWait),
    })
  }
  if (status === 401) return new NetworkError({ kind: 'auth', status, code, message, reason: reasons.auth })
  if (status === 403) return new NetworkError({ kind: 'permanent', status, code, message, reason: reasons.forbidden(detail) })
  // A duplicate right after an unknown outcome means the first attempt was posted: `lookup` reconciles.
  if (status === 422 && /duplicate/i.test(detail)) {
    return new NetworkError({ kind: 'permanent', status, code: 'duplicate', message, reason: reasons.duplicate })
  }
  if (status === 426)
    return new NetworkError({
      kind: 'permanent',
      status,
      code: 'version_inactive',
      message,
      reason: reasons.versionInactive,
    })
  if (status === 404) return new NetworkError({ kind: 'permanent', status, code: 'not_found', message, reason: reasons.notFound })
  if (status >= 500 || status === 408) return new NetworkError({ kind: 'retryable', status, code, message, reason: reasons.serverError })
  return new NetworkError({ kind: 'permanent', status, code, message, reason: reasons.rejected(detail) })
}

type LinkedInCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  json?: unknown
  /** Raw bytes for an upload URL; REST calls carry the versioning headers instead. */
  bytes?: Uint8Array
  /** The member token goes to image and document upload URLs (docs/networks.md#linkedin-image-and-document-upload), not to pre-signed video parts. */
  uploadAuthorized?: boolean
  /** True when the call publishes something (a post, a comment): never retried blindly. */
  sideEffect: boolean
}

type LinkedInAnswer = { body: unknown; headers: Headers; status: number }

function headersFor(call: LinkedInCall, account: AccountCredentials): Record<string, string> {
  if (call.bytes) {
    return {
      'Content-Type': 'application/octet-stream',
      ...(call.uploadAuthorized ? { Authorization: `Bearer ${account.accessToken}` } : {}),
    }
  }
  return {
    Authorization: `Bearer ${account.accessToken}`,
    'LinkedIn-Version': linkedinApiVersion,
    'X-Restli-Protocol-Version': restliProtocolVersion,
    'Content-Type': 'application/json',
  }
}

export async function callLinkedIn(call: LinkedInCall, account: AccountCredentials, context: AdapterContext): Promise<LinkedInAnswer> {
  const response = await callNetwork(context, call.url, {
    method: call.method,
    headers: headersFor(call, account),
    body: call.bytes ? (call.bytes as Uint8Array<ArrayBuffer>) : call.json === undefined ? undefined : JSON.stringify(call.json),
    sideEffect: call.sideEffect,
  })
  const body = await readAnswer(response, call, reasons)
  if (!response.ok) throw errorFromResponse(response.status, response.headers, body, context.now())
  return { body, headers: response.headers, status: response.status }
}

function unexpected(what: string, body: unknown): NetworkError {
  return new NetworkError({
    kind: 'retryable',
    message: `LinkedIn: ${what} missing in ${JSON.stringify(body)?.slice(0, 300)}`,
    reason: reasons.unexpectedAnswer,
  })
}

function valueOf<T>(body: unknown): T | undefined {
  return (body as { value?: T } | null)?.value
}

/**
 * Upload URLs come from LinkedIn's answers; the member token and the file only go to LinkedIn's
 * own hosts (or the configured API and upload hosts, which tests point at a fake).
 */
function checkUploadUrl(url: string, context: AdapterContext): void {
  const parsed = new URL(url)
  const configuredOrigins = [context.baseUrl, context.uploadBaseUrl].filter((base): base is string => !!base).map((base) => new URL(base).origin)
  const linkedinHost = parsed.protocol === 'https:' && (parsed.hostname === 'linkedin.com' || parsed.hostname.endsWith('.linkedin.com'))
  if (!linkedinHost && !configuredOrigins.includes(parsed.origin)) {
    throw new NetworkError({
      kind: 'permanent',
      code: 'untrusted_upload_url',
      message: `LinkedIn upload URL on ${parsed.host}`,
      reason: reasons.untrustedUploadUrl,
    })
  }
}

function checkMediaMix(media: PublishMedia[]): void {
  const images = media.filter((item) => item.kind === 'image').length
  const others = media.length - images
  const valid = others === 0 ? images <= maxImagesPerPost : others === 1 && images === 0
  if (!valid) {
    throw new NetworkError({
      kind: 'permanent',
      code: 'media_mix',
      message: 'LinkedIn: unsupported media combination',
      reason: reasons.mediaMix,
    })
  }
}

/** Images and documents: initializeUpload, then one PUT of the bytes to the given URL (docs/networks.md#linkedin-image-and-document-upload). */
async function uploadSingleFile(
  media: PublishMedia,
  kind: 'image' | 'document',
  owner: string,
  account: AccountCredentials,
  context: AdapterContext,
): Promise<string> {
  const collection = kind === 'image' ? 'images' : 'documents'
  const { body } = await callLinkedIn(
    {
      method: 'POST',
      url: `${context.baseUrl}/rest/${collection}?action=initializeUpload`,
      json: { initializeUploadRequest: { owner } },
      sideEffect: false,
    },
    account,
    context,
  )
  const value = valueOf<{ uploadUrl?: unknown; image?: unknown; document?: unknown }>(body)
  const urn = value?.[kind]
  if (typeof value?.uploadUrl !== 'string' || typeof urn !== 'string') throw unexpected(`${kind} upload URL or URN`, body)
  checkUploadUrl(value.uploadUrl, context)
  await callLinkedIn({ method: 'PUT', url: value.uploadUrl, bytes: await media.read(), uploadAuthorized: true, sideEffect: false }, account, context)
  return urn
}

type UploadInstruction = { firstByte: number; lastByte: number; uploadUrl: string }

async function waitForVideo(videoUrn: string, account: AccountCredentials, context: AdapterContext): Promise<void> {
  for (let poll = 0; ; poll += 1) {
    const { body } = await callLinkedIn({ method: 'GET', url: `${context.baseUrl}/rest/videos/${encodeUrn(videoUrn)}`, sideEffect: false }, account, context)
    const status = (body as { status?: string } | null)?.status
    if (status === 'AVAILABLE') return
    if (status === 'PROCESSING_FAILED') {
      throw new NetworkError({
        kind: 'permanent',
        code: 'media_processing_failed',
        message: `LinkedIn video ${videoUrn}: PROCESSING_FAILED`,
        reason: reasons.processingFailed,
      })
    }
    if (poll >= linkedinMaxProcessingPolls) {
      throw new NetworkError({
        kind: 'retryable',
        code: 'media_processing_timeout',
        message: `LinkedIn video ${videoUrn} still ${status}`,
        reason: reasons.processingTooLong,
      })
    }
    await context.sleep(processingPollMs)
  }
}

/** initializeUpload → PUT each byte range, keeping its ETag → finalizeUpload → status polls (docs/networks.md#linkedin-video-upload). */
async function uploadVideo(media: PublishMedia, owner: string, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const bytes = await media.read()
  const { body } = await callLinkedIn(
    {
      method: 'POST',
      url: `${context.baseUrl}/rest/videos?action=initializeUpload`,
      json: {
        initializeUploadRequest: {
          owner,
          fileSizeBytes: bytes.byteLength,
          uploadCaptions: false,
          uploadThumbnail: false,
        },
      },
      sideEffect: false,
    },
    account,
    context,
  )
  const value = valueOf<{ video?: unknown; uploadToken?: unknown; uploadInstructions?: UploadInstruction[] }>(body)
  const videoUrn = value?.video
  const instructions = value?.uploadInstructions
  if (typeof videoUrn !== 'string' || !Array.isArray(instructions) || instructions.length === 0) throw unexpected('video URN or upload instructions', body)
  const partIds: string[] = []
  for (const instruction of instructions) {
    checkUploadUrl(instruction.uploadUrl, context)
    const part = bytes.subarray(instruction.firstByte, instruction.lastByte + 1)
    const { headers } = await callLinkedIn({ method: 'PUT', url: instruction.uploadUrl, bytes: part, sideEffect: false }, account, context)
    const etag = headers.get('etag')
    if (!etag) throw unexpected(`ETag of bytes ${instruction.firstByte}-${instruction.lastByte}`, null)
    partIds.push(etag)
  }
  await callLinkedIn(
    {
      method: 'POST',
      url: `${context.baseUrl}/rest/videos?action=finalizeUpload`,
      json: {
        finalizeUploadRequest: {
          video: videoUrn,
          uploadToken: typeof value?.uploadToken === 'string' ? value.uploadToken : '',
          uploadedPartIds: partIds,
        },
      },
      sideEffect: false,
    },
    account,
    context,
  )
  await waitForVideo(videoUrn, account, context)
  return videoUrn
}

/** Uploads are not public, so a lost answer is retryable (the orphan asset is never shown). */
async function uploadMedia(
  media: PublishMedia,
  request: PublishRequest,
  owner: string,
  account: AccountCredentials,
  context: AdapterContext,
): Promise<UploadedMedia> {
  const altText = media.altText?.trim() || null
  if (media.kind === 'video')
    return {
      urn: await uploadVideo(media, owner, account, context),
      kind: 'video',
      altText: null,
      title: request.title ?? null,
    }
  if (media.kind === 'pdf') {
    // LinkedIn shows a document's title on the post; it is required for documents.
    return {
      urn: await uploadSingleFile(media, 'document', owner, account, context),
      kind: 'document',
      altText: null,
      title: request.title ?? media.filename,
    }
  }
  return { urn: await uploadSingleFile(media, 'image', owner, account, context), kind: 'image', altText, title: null }
}

function contentFor(uploaded: UploadedMedia[]): Record<string, unknown> | undefined {
  if (uploaded.length === 0) return undefined
  if (uploaded.length > 1) {
    return {
      multiImage: {
        images: uploaded.map((item) => ({ id: item.urn, ...(item.altText ? { altText: item.altText } : {}) })),
      },
    }
  }
  const [item] = uploaded as [UploadedMedia]
  return {
    media: {
      id: item.urn,
      ...(item.title ? { title: item.title } : {}),
      ...(item.altText ? { altText: item.altText } : {}),
    },
  }
}

async function comment(target: string, body: Record<string, unknown>, account: AccountCredentials, context: AdapterContext): Promise<void> {
  await callLinkedIn(
    {
      method: 'POST',
      url: `${context.baseUrl}/rest/socialActions/${encodeUrn(target)}/comments`,
      json: body,
      sideEffect: true,
    },
    account,
    context,
  )
}

async function publish(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<PublishResult> {
  checkMediaMix(request.media)
  const author = organizationUrn(account)
  const uploaded: UploadedMedia[] = []
  for (const media of request.media) uploaded.push(await uploadMedia(media, request, author, account, context))
  const content = contentFor(uploaded)
  const { headers, body } = await callLinkedIn(
    {
      method: 'POST',
      url: `${context.baseUrl}/rest/posts`,
      json: {
        author,
        commentary: escapeLittleText(request.text),
        visibility: 'PUBLIC',
        distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
        lifecycleState: 'PUBLISHED',
        isReshareDisabledByAuthor: false,
        ...(content ? { content } : {}),
      },
      sideEffect: true,
    },
    account,
    context,
  )
  const postUrn = headers.get('x-restli-id')
  if (!postUrn) {
    // The post was accepted but its id did not come back: only lookup can tell which one it is.
    throw new NetworkError({
      kind: 'outcome_unknown',
      message: `LinkedIn: x-restli-id missing (${JSON.stringify(body)?.slice(0, 200)})`,
      reason: reasons.answerLost,
    })
  }
  const firstComment = request.firstComment?.trim()
  if (firstComment) {
    // Best effort: the post exists, so a failed first comment must not make the scheduler publish again.
    await comment(postUrn, { actor: author, object: postUrn, message: { text: firstComment } }, account, context).catch(() => undefined)
  }
  return { remoteId: postUrn, permalink: linkedinPermalink(postUrn) }
}

/** The page's recent posts, matched on the commentary as sent (escaped) or as written. */
async function lookup(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<LookupResult> {
  const author = organizationUrn(account)
  const url = `${context.baseUrl}/rest/posts?author=${encodeUrn(author)}&q=author&count=${lookupPageSize}`
  const { body } = await callLinkedIn({ method: 'GET', url, sideEffect: false }, account, context)
  const elements = (body as { elements?: Array<{ id?: string; commentary?: string }> } | null)?.elements ?? []
  const escaped = escapeLittleText(request.text)
  const match = elements.find((post) => typeof post.id === 'string' && (post.commentary === escaped || post.commentary === request.text))
  return match?.id ? { status: 'found', remoteId: match.id, permalink: linkedinPermalink(match.id) } : { status: 'not_found' }
}

export const linkedinMetricNames = ['impressionCount', 'uniqueImpressionsCount', 'clickCount', 'likeCount', 'commentCount', 'shareCount', 'engagement'] as const

/** Lifetime organic statistics of one post (docs/networks.md#linkedin-share-statistics); a value LinkedIn does not give stays null. */
async function fetchMetrics(remoteId: string, account: AccountCredentials, context: AdapterContext): Promise<MetricsSnapshot> {
  const parameter = remoteId.startsWith('urn:li:share:') ? 'shares' : remoteId.startsWith('urn:li:ugcPost:') ? 'ugcPosts' : null
  if (!parameter) {
    throw new NetworkError({
      kind: 'permanent',
      code: 'invalid_id',
      message: `LinkedIn: no statistics for ${remoteId}`,
      reason: reasons.invalidTarget(remoteId),
    })
  }
  const url =
    `${context.baseUrl}/rest/organizationalEntityShareStatistics?q=organizationalEntity` +
    `&organizationalEntity=${encodeUrn(organizationUrn(account))}&${parameter}=List(${encodeUrn(remoteId)})`
  const { body } = await callLinkedIn({ method: 'GET', url, sideEffect: false }, account, context)
  type Element = { share?: string; ugcPost?: string; totalShareStatistics?: Record<string, unknown> }
  const elements = (body as { elements?: Element[] } | null)?.elements ?? []
  const statistics = elements.find((element) => element.share === remoteId || element.ugcPost === remoteId)?.totalShareStatistics ?? {}
  const values: Record<string, number | null> = {}
  for (const name of linkedinMetricNames) {
    const value = statistics[name]
    values[name] = typeof value === 'number' && Number.isFinite(value) ? value : null
  }
  return { remoteId, fetchedAt: context.now().toISOString(), values }
}

/**
 * The page's follower count now, from `networkSizes` (docs/networks.md#linkedin-account-metrics).
 * LinkedIn calls it `firstDegreeSize`; it is kept as `followers_count`, the name reporting reads
 * for every network. Absent from the answer, it stays null.
 */
async function fetchAccountMetrics(account: AccountCredentials, context: AdapterContext): Promise<AccountMetricsSnapshot> {
  const url = `${context.baseUrl}/rest/networkSizes/${encodeUrn(organizationUrn(account))}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`
  const { body } = await callLinkedIn({ method: 'GET', url, sideEffect: false }, account, context)
  const followers = (body as { firstDegreeSize?: unknown } | null)?.firstDegreeSize
  return {
    fetchedAt: context.now().toISOString(),
    values: { followers_count: typeof followers === 'number' && Number.isFinite(followers) ? followers : null },
  }
}

/** `urn:li:comment:(urn:li:activity:123,456)` → the post it sits on and its own id. */
function parseCommentUrn(urn: string): { parent: string; commentId: string } | null {
  const match = /^urn:li:comment:\((urn:li:[A-Za-z]+:[^,()]+),([^,()]+)\)$/.exec(urn)
  return match ? { parent: match[1] as string, commentId: match[2] as string } : null
}

function invalidTarget(id: string): NetworkError {
  return new NetworkError({
    kind: 'permanent',
    code: 'invalid_id',
    message: `LinkedIn: unexpected id ${id}`,
    reason: reasons.invalidTarget(id),
  })
}

/**
 * `commentId` is a comment URN. A reply may also target a post URN (share or ugcPost): that is a
 * top-level comment, the way a first comment is posted.
 */
async function moderate(commentId: string, command: ModerationCommand, account: AccountCredentials, context: AdapterContext): Promise<void> {
  const actor = organizationUrn(account)
  const target = parseCommentUrn(commentId)
  switch (command.action) {
    case 'hide':
    case 'unhide':
      throw new NetworkError({
        kind: 'permanent',
        code: 'not_supported',
        message: `LinkedIn: ${command.action} is not supported`,
        reason: reasons.hideUnsupported,
      })
    case 'delete': {
      if (!target) throw invalidTarget(commentId)
      const url = `${context.baseUrl}/rest/socialActions/${encodeUrn(target.parent)}/comments/${encodeURIComponent(target.commentId)}?actor=${encodeUrn(actor)}`
      try {
        await callLinkedIn({ method: 'DELETE', url, sideEffect: false }, account, context)
      } catch (error) {
        // Already gone is what was asked.
        if (error instanceof NetworkError && error.code === 'not_found') return
        throw error
      }
      return
    }
    case 'reply': {
      if (target) {
        await comment(commentId, { actor, object: target.parent, parentComment: commentId, message: { text: command.text } }, account, context)
        return
      }
      if (!/^urn:li:(share|ugcPost):/.test(commentId)) throw invalidTarget(commentId)
      await comment(commentId, { actor, object: commentId, message: { text: command.text } }, account, context)
      return
    }
  }
}

export const linkedinAdapter: NetworkAdapter = {
  platforms: ['linkedin'],
  validate: (request) => validatePublishRequest(request),
  publish,
  lookup,
  fetchMetrics,
  fetchAccountMetrics,
  moderate,
}
