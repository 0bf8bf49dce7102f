/**
 * Facebook Page adapter over the Graph API (docs/networks.md#facebook-page): text/link posts,
 * single and multi-photo posts, small videos, lookup after an unknown outcome, post insights, the
 * Page's own figures, comment moderation and answers to private messages (meta/messaging.ts). The
 * token goes in the Authorization header, never in URLs (they get logged).
 */
import { postFirstComment } from '../meta/first-comment'
import { graph } from '../meta/graph'
import { actOnDirectConversation, directConversationPerson } from '../meta/messaging'
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

/**
 * Largest video sent in one multipart `source` request. docs/networks.md#facebook-videos only
 * says "small files only"; Meta's /{page-id}/videos reference has given 1 GB (and 20 minutes)
 * for non-resumable uploads. Bigger files need the Resumable Upload API, which this adapter does
 * not implement yet.
 */
export const FACEBOOK_SIMPLE_VIDEO_UPLOAD_MAX_BYTES = 1024 ** 3
export const FACEBOOK_SIMPLE_VIDEO_UPLOAD_MAX_SECONDS = 20 * 60

/**
 * Lookup heuristic: nothing invisible can be attached to a Page post, so a post "is ours" when its
 * message equals the variant's text exactly (line endings and outer whitespace aside) and it was
 * created within this window before the lookup. Facebook refuses consecutive identical texts
 * (code 506), so a same-text post inside the window is almost surely the unanswered attempt.
 */
export const FACEBOOK_LOOKUP_WINDOW_MS = 24 * 60 * 60_000
const LOOKUP_PAGE_SIZE = 100

/** Post insights still served (docs/networks.md#facebook-insights); videos have their own edge and names. */
export const FACEBOOK_POST_METRICS = ['post_media_view', 'post_total_media_view_unique', 'post_reactions_by_type_total', 'post_clicks'] as const
export const FACEBOOK_VIDEO_METRICS = ['total_video_views', 'total_video_impressions', 'post_video_avg_time_watched'] as const

/** The Page node's own counters (docs/networks.md#facebook-account-metrics). */
export const FACEBOOK_PAGE_FIELDS = ['followers_count', 'fan_count'] as const
/** The Page's unique media views (its reach) over the last 28 days, kept under this name with its period. */
export const FACEBOOK_PAGE_REACH_METRIC = 'page_total_media_view_unique'
export const FACEBOOK_PAGE_REACH_28D = `${FACEBOOK_PAGE_REACH_METRIC}_28d`

const FACEBOOK_WEB = 'https://www.facebook.com'

const id = encodeURIComponent

function permanent(message: string, reason: Localized): NetworkError {
  return new NetworkError({ kind: 'permanent', message, reason })
}

type PostPlan =
  { shape: 'text' } | { shape: 'photo'; photo: PublishMedia } | { shape: 'photos'; photos: PublishMedia[] } | { shape: 'video'; video: PublishMedia }

function planPost(request: PublishRequest): PostPlan {
  const { media } = request
  if (media.length === 0) return { shape: 'text' }
  if (media.some((item) => item.kind === 'pdf')) {
    throw permanent('facebook: PDF attachments are not supported on Page posts', pluginText('networkErrors:facebook:pdf'))
  }
  const videos = media.filter((item) => item.kind === 'video')
  if (videos.length > 0) {
    if (media.length > 1) {
      throw permanent('facebook: a Page post carries either one video or photos', pluginText('networkErrors:facebook:videoOrPhotos'))
    }
    return { shape: 'video', video: videos[0] }
  }
  return media.length === 1 ? { shape: 'photo', photo: media[0] } : { shape: 'photos', photos: media }
}

async function fileField(item: PublishMedia): Promise<Blob> {
  // read() hands out plain (never shared) memory; the cast avoids copying a large video.
  const bytes = (await item.read()) as Uint8Array<ArrayBuffer>
  return new Blob([bytes], { type: item.mimeType })
}

function absolutePermalink(permalink: string | null | undefined): string | null {
  if (!permalink) return null
  // Video permalinks come back relative ("/{page}/videos/{id}/").
  return permalink.startsWith('/') ? `${FACEBOOK_WEB}${permalink}` : permalink
}

type Created = { remoteId: string; permalink: string | null }

function requireId(value: string | undefined, what: string): string {
  // A 2xx without an id after a publishing call: the object may exist, so never claim failure.
  if (!value) {
    throw new NetworkError({
      kind: 'outcome_unknown',
      message: `facebook: ${what} answered without an id`,
      reason: pluginText('networkErrors:facebook:noId'),
    })
  }
  return value
}

async function postToFeed(request: PublishRequest, account: AccountCredentials, context: AdapterContext, attachedPhotoIds: string[] = []): Promise<Created> {
  const body = new URLSearchParams({ message: request.text })
  // Photos cannot carry a link preview: the link then stays in the text only.
  if (request.link && attachedPhotoIds.length === 0) body.set('link', request.link)
  if (attachedPhotoIds.length) body.set('attached_media', JSON.stringify(attachedPhotoIds.map((photoId) => ({ media_fbid: photoId }))))
  const created = await graph<{ id?: string; permalink_url?: string }>(context, account, `${id(account.accountId)}/feed`, {
    method: 'POST',
    query: { fields: 'id,permalink_url' },
    body,
    sideEffect: true,
  })
  return { remoteId: requireId(created.id, 'feed post'), permalink: absolutePermalink(created.permalink_url) }
}

async function uploadPhoto(
  photo: PublishMedia,
  caption: string | null,
  published: boolean,
  account: AccountCredentials,
  context: AdapterContext,
): Promise<{ id?: string; post_id?: string }> {
  const form = new FormData()
  form.set('source', await fileField(photo), photo.filename)
  form.set('published', String(published))
  if (caption !== null) form.set('message', caption)
  // Unpublished photos stay invisible until attached, so a lost answer is safe to retry.
  return graph(context, account, `${id(account.accountId)}/photos`, { method: 'POST', body: form, sideEffect: published })
}

async function postVideo(video: PublishMedia, request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<Created> {
  const tooLong = (video.durationSeconds ?? 0) > FACEBOOK_SIMPLE_VIDEO_UPLOAD_MAX_SECONDS
  if (video.sizeBytes > FACEBOOK_SIMPLE_VIDEO_UPLOAD_MAX_BYTES || tooLong) {
    throw permanent(`facebook: video ${video.filename} exceeds the simple upload limit (1 GB, 20 min)`, pluginText('networkErrors:facebook:videoTooLarge'))
  }
  const form = new FormData()
  form.set('source', await fileField(video), video.filename)
  form.set('description', request.text)
  if (request.title) form.set('title', request.title)
  const created = await graph<{ id?: string }>(context, account, `${id(account.accountId)}/videos`, {
    method: 'POST',
    body: form,
    sideEffect: true,
    upload: true,
  })
  return { remoteId: requireId(created.id, 'video upload'), permalink: null }
}

/** Best effort: the post exists by now, so a failed read must not turn the publish into a failure. */
async function readPermalink(remoteId: string, account: AccountCredentials, context: AdapterContext): Promise<string | null> {
  try {
    const node = await graph<{ permalink_url?: string }>(context, account, id(remoteId), {
      query: { fields: 'permalink_url' },
      sideEffect: false,
    })
    return absolutePermalink(node.permalink_url)
  } catch {
    return null
  }
}

function incompletePhotoUpload(): NetworkError {
  return new NetworkError({
    kind: 'retryable',
    message: 'facebook: unpublished photo upload answered without an id',
    reason: pluginText('networkErrors:facebook:photoIncomplete'),
  })
}

async function publish(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<PublishResult> {
  const plan = planPost(request)
  let created: Created
  switch (plan.shape) {
    case 'text':
      created = await postToFeed(request, account, context)
      break
    case 'photo': {
      const photo = await uploadPhoto(plan.photo, request.text, true, account, context)
      created = { remoteId: requireId(photo.post_id ?? photo.id, 'photo upload'), permalink: null }
      break
    }
    case 'photos': {
      const photoIds: string[] = []
      for (const item of plan.photos) {
        const photo = await uploadPhoto(item, null, false, account, context)
        if (!photo.id) throw incompletePhotoUpload()
        photoIds.push(photo.id)
      }
      created = await postToFeed(request, account, context, photoIds)
      break
    }
    case 'video':
      created = await postVideo(plan.video, request, account, context)
      break
  }
  const permalink = created.permalink ?? (await readPermalink(created.remoteId, account, context))
  const warnings = request.firstComment ? await postFirstComment(created.remoteId, request.firstComment, account, context) : []
  return { remoteId: created.remoteId, permalink, ...(warnings.length ? { warnings } : {}) }
}

function sameText(left: string | null | undefined, right: string): boolean {
  const normalize = (text: string) => text.replace(/\r\n?/g, '\n').trim()
  return left !== null && left !== undefined && normalize(left) === normalize(right)
}

type ListedItem = { id: string; message?: string; description?: string; created_time?: string; permalink_url?: string }

async function lookup(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<LookupResult> {
  const plan = planPost(request)
  const windowStart = context.now().getTime() - FACEBOOK_LOOKUP_WINDOW_MS
  // A video published through /videos is identified by its video id, listed on the videos edge.
  const isVideo = plan.shape === 'video'
  const listing = await graph<{ data?: ListedItem[] }>(context, account, `${id(account.accountId)}/${isVideo ? 'videos' : 'posts'}`, {
    query: {
      fields: isVideo ? 'id,description,created_time,permalink_url' : 'id,message,created_time,permalink_url',
      since: String(Math.floor(windowStart / 1000)),
      limit: String(LOOKUP_PAGE_SIZE),
    },
    sideEffect: false,
  })
  const match = (listing.data ?? []).find((item) => {
    const created = item.created_time ? Date.parse(item.created_time) : Number.NaN
    return created >= windowStart && sameText(isVideo ? item.description : item.message, request.text)
  })
  return match ? { status: 'found', remoteId: match.id, permalink: absolutePermalink(match.permalink_url) } : { status: 'not_found' }
}

type InsightsAnswer = { data?: { name: string; values?: { value?: unknown }[] }[] }

/** Insight values are numbers, or objects keyed by type (reactions, clicks) that add up. */
function insightValue(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object') {
    const parts = Object.values(value).filter((part): part is number => typeof part === 'number')
    return parts.length ? parts.reduce((sum, part) => sum + part, 0) : null
  }
  return null
}

function isInvalidMetric(error: unknown): boolean {
  return error instanceof NetworkError && error.kind === 'permanent' && (error.code ?? '').split('/')[0] === '100'
}

async function fetchMetrics(remoteId: string, account: AccountCredentials, context: AdapterContext): Promise<MetricsSnapshot> {
  // Page post ids are "{page-id}_{post-id}"; a bare id is a video published through /videos.
  const isVideo = !remoteId.includes('_')
  const metrics: readonly string[] = isVideo ? FACEBOOK_VIDEO_METRICS : FACEBOOK_POST_METRICS
  const edge = `${id(remoteId)}/${isVideo ? 'video_insights' : 'insights'}`
  const ask = (names: readonly string[]) =>
    graph<InsightsAnswer>(context, account, edge, { query: { metric: names.join(','), period: 'lifetime' }, sideEffect: false })

  const values: Record<string, number | null> = Object.fromEntries(metrics.map((name) => [name, null]))
  const record = (answer: InsightsAnswer) => {
    for (const entry of answer.data ?? []) {
      if (entry.name in values) values[entry.name] = insightValue(entry.values?.[0]?.value)
    }
  }
  try {
    record(await ask(metrics))
  } catch (error) {
    // One deprecated metric fails the whole request: ask one by one and leave the refused ones null.
    if (!isInvalidMetric(error)) throw error
    for (const name of metrics) {
      try {
        record(await ask([name]))
      } catch (single) {
        if (!isInvalidMetric(single)) throw single
      }
    }
  }
  return { remoteId, fetchedAt: context.now().toISOString(), values }
}

/** Graph leaves out a field it does not give: that is null, never 0. */
function countOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null
}

/** The reach over the last 28 days; null when Meta refuses the metric (#100), so the followers still come. */
async function readPageReach28Days(account: AccountCredentials, context: AdapterContext): Promise<number | null> {
  try {
    const answer = await graph<InsightsAnswer>(context, account, `${id(account.accountId)}/insights`, {
      query: { metric: FACEBOOK_PAGE_REACH_METRIC, period: 'days_28' },
      sideEffect: false,
    })
    // The values run oldest first, one per day that ends a 28-day window: the last is the latest.
    const entry = (answer.data ?? []).find((item) => item.name === FACEBOOK_PAGE_REACH_METRIC)
    return insightValue(entry?.values?.at(-1)?.value)
  } catch (error) {
    if (isInvalidMetric(error)) return null
    throw error
  }
}

async function fetchAccountMetrics(account: AccountCredentials, context: AdapterContext): Promise<AccountMetricsSnapshot> {
  const page = await graph<Record<string, unknown>>(context, account, id(account.accountId), {
    query: { fields: FACEBOOK_PAGE_FIELDS.join(',') },
    sideEffect: false,
  })
  const values: Record<string, number | null> = Object.fromEntries(FACEBOOK_PAGE_FIELDS.map((field) => [field, countOrNull(page[field])]))
  values[FACEBOOK_PAGE_REACH_28D] = await readPageReach28Days(account, context)
  return { fetchedAt: context.now().toISOString(), values }
}

function isAlreadyGone(error: unknown): boolean {
  // (#100) subcode 33: the object does not exist — a delete whose first answer was lost.
  return error instanceof NetworkError && error.code === '100/33'
}

async function moderate(commentId: string, command: ModerationCommand, account: AccountCredentials, context: AdapterContext): Promise<ModerationResult | void> {
  // A private conversation is named by its key (meta/messaging.ts): answered through the Send API.
  const person = directConversationPerson(commentId)
  if (person !== null) return actOnDirectConversation('facebook', person, command, account, context)
  const path = id(commentId)
  let answer: { success?: boolean; id?: string }
  switch (command.action) {
    case 'hide':
    case 'unhide':
      // Setting is_hidden is idempotent: a lost answer is safe to retry.
      answer = await graph(context, account, path, {
        method: 'POST',
        body: new URLSearchParams({ is_hidden: String(command.action === 'hide') }),
        sideEffect: false,
      })
      break
    case 'delete':
      try {
        answer = await graph(context, account, path, { method: 'DELETE', sideEffect: false })
      } catch (error) {
        if (isAlreadyGone(error)) return
        throw error
      }
      break
    case 'reply':
      answer = await graph(context, account, `${path}/comments`, {
        method: 'POST',
        body: new URLSearchParams({ message: command.text }),
        sideEffect: true,
      })
      return { remoteId: requireId(answer.id, 'reply') }
  }
  if (answer.success === false) {
    throw permanent(`facebook: ${command.action} on ${commentId} refused`, pluginText('networkErrors:facebook:moderationRefused'))
  }
}

export const facebookAdapter = {
  platforms: ['facebook'] as const,
  validate: (request: PublishRequest) => validatePublishRequest(request),
  publish,
  lookup,
  fetchMetrics,
  fetchAccountMetrics,
  moderate,
} satisfies NetworkAdapter
