/**
 * A local stand-in for the Meta Graph API (Facebook Page + Instagram), reproducing the contract of
 * docs/networks.md#meta-graph-api, docs/networks.md#facebook-page and docs/networks.md#instagram:
 * token checks, request shapes, id formats, container life cycle, publishing quota, insights (posts,
 * media and the accounts' own), the accounts' counters, comment moderation and private messages
 * (the Send API and its 24-hour window). Tests script failures, delays and hangs on top of it, and
 * read `state` to count what was really published.
 */
import http from 'node:http'

import { listenOnLoopback } from './fake-server'
import { instagramDelivery, messagingDelivery, pageDelivery, sendMetaDelivery } from './meta-webhook-sender'
import type { DeliveryAnswer, WebhookAuthor } from './meta-webhook-sender'

export const FAKE_PAGE_ID = '104872391025567'
export const FAKE_IG_USER_ID = '17841405822304914'
export const FAKE_TOKEN = 'EAAfakePageToken'
/**
 * Tokens are not all alike (reference, section 1): a Page token acts for its Page and the Instagram
 * account linked to it, nothing else; a user token cannot publish as the Page.
 */
export const FAKE_OTHER_PAGE_TOKEN = 'EAAfakeOtherPageToken'
export const FAKE_USER_TOKEN = 'EAAfakeUserToken'

export type GraphErrorSpec = { code: number; error_subcode?: number; message?: string; type?: string; is_transient?: boolean }
export type RequestMatch = { method?: string; path?: RegExp }

type FailureScript = { remaining: number; status: number; error?: GraphErrorSpec; headers?: Record<string, string>; match?: RequestMatch }
type DelayScript = { remaining: number; ms: number | 'forever'; match?: RequestMatch }

export type RecordedRequest = {
  method: string
  /** Path without the version prefix, e.g. "/104872391025567/feed". */
  path: string
  /** Query and body parameters together, as Graph reads them. */
  params: Record<string, string>
  files: Record<string, { filename: string; type: string; size: number }>
  contentType: string
  token: string | null
  /** The API version in the path (23 for /v23.0/…), null when the path has none. */
  version: number | null
}

/**
 * The version Graph serves a call with: the one in the path, the oldest live one for a version
 * already retired, the app's default (the fake's app: v21.0) for a call without one (reference,
 * section 1). Answers follow the version served, not the one asked.
 */
export const oldestLiveVersion = 21
export const appDefaultVersion = 21
const servedVersion = (asked: number | null) => Math.max(asked ?? appDefaultVersion, oldestLiveVersion)
/** Metrics that exist from a version on (section 8.1: the unique media views are v23.0+). */
const metricsSince: Record<string, number> = { post_total_media_view_unique: 23, page_total_media_view_unique: 23 }

type FeedPost = { id: string; message: string | null; link: string | null; attachedMedia: string[]; createdTime: string; permalink: string }
type Photo = { id: string; published: boolean; postId: string | null; filename: string; attachedTo: string | null }
type Video = { id: string; description: string | null; title: string | null; createdTime: string; size: number }
type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED'
type Container = { id: string; params: Record<string, string>; pollsLeft: number; finalStatus: ContainerStatus; published: boolean; polls: number }
type IgMedia = { id: string; containerId: string; caption: string | null; productType: 'FEED' | 'REELS' | 'STORY'; timestamp: string; permalink: string }
type Comment = {
  id: string
  network: 'facebook' | 'instagram'
  parentId: string
  message: string
  hidden: boolean
  deleted: boolean
  createdTime: string
  from: { id: string; name: string } | null
}

/** One private message between an account (Page or Instagram) and a person, either way. */
export type DirectMessage = {
  network: 'facebook' | 'instagram'
  /** The Page id or the Instagram user id. */
  accountId: string
  /** The person's scoped id (PSID, IGSID). */
  personId: string
  mid: string
  text: string | null
  fromPerson: boolean
  /** Through the Send API (`messaging_type` kept), or written on the network (null). */
  messagingType: string | null
  at: Date
}

/** The periods account-level insights are read over (a metric takes some of them, never `lifetime`). */
export type AccountInsightPeriod = 'day' | 'week' | 'days_28'

/**
 * One account-level insight: per period, its values oldest first, one per day that ends a window
 * (the last ends today). A period without values gives no entry.
 */
export type AccountInsightSeries = Partial<Record<AccountInsightPeriod, number[]>>

/** Meta's standard messaging window: the Send API answers a person up to 24 hours after their last message. */
export const MESSAGING_WINDOW_MS = 24 * 3600_000

export type MetaGraphFakeState = {
  requests: RecordedRequest[]
  validTokens: Set<string>
  expiredTokens: Set<string>
  feedPosts: FeedPost[]
  photos: Map<string, Photo>
  videos: Video[]
  containers: Map<string, Container>
  igMedia: IgMedia[]
  comments: Map<string, Comment>
  /** Insight values per object id; a metric without a value is simply absent from the answer. */
  insights: Map<string, Record<string, unknown>>
  /** Metrics Meta has retired: asking for one fails the whole insights request with (#100). */
  retiredMetrics: Set<string>
  quota: { usage: number; total: number }
  /** Applied to every container created from now on. */
  containerPlan: { inProgressPolls: number; finalStatus: 'FINISHED' | 'ERROR' | 'EXPIRED'; errorSubcode?: number }
  failures: FailureScript[]
  delays: DelayScript[]
  /** Every media URL Meta fetched at container creation, and what it got. */
  mediaFetches: { url: string; status: number | 'unreachable'; contentType: string | null; bytes: number }[]
  /** Private messages, oldest first: what people wrote and what the accounts answered. */
  directMessages: DirectMessage[]
  /** The Page's and the Instagram account's counters as their nodes give them; null leaves a field out of the answer. */
  accountFigures: {
    page: { followers_count: number | null; fan_count: number | null }
    instagram: { followers_count: number | null; media_count: number | null }
  }
  /**
   * Account-level insights by metric (`GET /{page-id}/insights`, `GET /{ig-user-id}/insights`). A
   * metric the account has but without a series here is left out of the answer: Instagram's empty
   * data set.
   */
  accountInsights: { page: Record<string, AccountInsightSeries>; instagram: Record<string, AccountInsightSeries> }
}

export type MetaGraphFake = {
  baseUrl: string
  state: MetaGraphFakeState
  /**
   * The public web as Meta's servers see it: a host name ("badil.example.org") and the local origin
   * that answers for it. Meta fetches `image_url`/`video_url` anonymously when a container is
   * created; a host missing here cannot be reached, like any address off the internet.
   */
  publicWeb: Map<string, string>
  close(): Promise<void>
  /** The next `count` matching calls answer with this status, Graph error and headers (nothing is stored). */
  failNext(failure: { count?: number; status: number; error?: GraphErrorSpec; headers?: Record<string, string>; match?: RequestMatch }): void
  /** The next `count` matching calls are processed (and stored) normally, then answered late or never. */
  delayNext(delay: { count?: number; ms: number | 'forever'; match?: RequestMatch }): void
  /** Adds a comment under a post/media so moderation has something real to act on. */
  addComment(network: 'facebook' | 'instagram', parentId: string, message?: string): string
  /** Where Meta delivers webhooks from now on, signed with this app secret (the app dashboard's settings). */
  subscribeWebhooks(callbackUrl: string, appSecret: string): void
  /** A person comments on a post or media: stored, and delivered to the subscribed callback as Meta does (unless `silently`: a lost delivery). */
  userComments(
    network: 'facebook' | 'instagram',
    parentId: string,
    message: string,
    author: WebhookAuthor,
    options?: { silently?: boolean },
  ): Promise<{ commentId: string; delivery?: DeliveryAnswer }>
  /**
   * A person writes to the Page (`facebook`, Messenger) or the Instagram account: stored, and
   * delivered signed to the subscribed callback (unless `silently`). `at` backdates it; a message
   * with attachments and an empty text carries no text, as Meta sends it.
   */
  userMessages(
    network: 'facebook' | 'instagram',
    text: string,
    sender: { id: string },
    options?: { silently?: boolean; at?: Date; attachments?: { type: string; url: string }[] },
  ): Promise<{ messageId: string; delivery?: DeliveryAnswer }>
  /** The account answers a person from Meta Business Suite or the app: delivered as an echo. */
  accountMessages(network: 'facebook' | 'instagram', text: string, recipient: { id: string }): Promise<{ messageId: string; delivery?: DeliveryAnswer }>
}

const KNOWN_METRICS = {
  post: new Set(['post_media_view', 'post_total_media_view_unique', 'post_reactions_by_type_total', 'post_clicks', 'post_clicks_by_type']),
  video: new Set(['total_video_views', 'total_video_impressions', 'post_video_avg_time_watched', 'fb_reels_total_plays']),
  FEED: new Set(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'profile_visits', 'follows']),
  REELS: new Set(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time']),
  STORY: new Set(['views', 'reach', 'shares', 'total_interactions', 'replies', 'navigation', 'profile_visits', 'follows']),
}

/**
 * Account-level metrics and the periods each is served over (reference, sections 8.1 and 8.2): any
 * other metric, or another period, fails the whole request with (#100).
 */
const ACCOUNT_METRIC_PERIODS: Record<'page' | 'instagram', Record<string, readonly AccountInsightPeriod[]>> = {
  page: {
    page_media_view: ['day', 'week', 'days_28'],
    page_total_media_view_unique: ['day', 'week', 'days_28'],
    page_post_engagements: ['day', 'week', 'days_28'],
  },
  instagram: { reach: ['day', 'week', 'days_28'], follower_count: ['day'] },
}

/** Fields the account nodes have; asking for another one fails with (#100). */
const ACCOUNT_NODE_FIELDS = {
  page: new Set(['id', 'name', 'link', 'followers_count', 'fan_count']),
  instagram: new Set(['id', 'username', 'name', 'followers_count', 'follows_count', 'media_count']),
}

class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphErrorSpec,
  ) {
    super(error.message)
  }
}

const invalidParameter = (message: string, subcode?: number) =>
  new GraphFailure(400, { code: 100, error_subcode: subcode, message: `(#100) ${message}`, type: 'OAuthException' })
const missingObject = (objectId: string, verb: string) =>
  invalidParameter(
    `Unsupported ${verb} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
    33,
  )

/** Graph times look like "2025-01-02T08:00:00+0000". */
const graphTime = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, '+0000')

/** One metric of an insights request refused: Graph then fails the whole request. */
const invalidMetric = (metrics: string[], invalid: string) =>
  invalidParameter(`metric[${metrics.indexOf(invalid)}] must be one of the following values: … (${invalid} is not a valid insights metric)`)

const DAY_MS = 24 * 3600_000
/** Account insight days end at 08:00 UTC (midnight in California, where Meta cuts them). */
const INSIGHT_DAY_END_OFFSET_MS = 8 * 3600_000

/** `port`: a fixed port (the e2e's fake-networks process); 0, the default, takes a free one. */
export async function startMetaGraphFake(options: { port?: number } = {}): Promise<MetaGraphFake> {
  const state: MetaGraphFakeState = {
    requests: [],
    validTokens: new Set([FAKE_TOKEN, FAKE_OTHER_PAGE_TOKEN, FAKE_USER_TOKEN]),
    expiredTokens: new Set(),
    feedPosts: [],
    photos: new Map(),
    videos: [],
    containers: new Map(),
    igMedia: [],
    comments: new Map(),
    insights: new Map(),
    retiredMetrics: new Set(['post_impressions', 'post_engaged_users', 'impressions', 'plays', 'video_views']),
    quota: { usage: 0, total: 50 },
    containerPlan: { inProgressPolls: 0, finalStatus: 'FINISHED' },
    failures: [],
    delays: [],
    mediaFetches: [],
    directMessages: [],
    // A campaign Page and account of a few thousand people, with the reach of the last days.
    accountFigures: {
      page: { followers_count: 12_480, fan_count: 11_905 },
      instagram: { followers_count: 8_730, media_count: 214 },
    },
    accountInsights: {
      page: {
        page_total_media_view_unique: { day: [1_830, 2_140], week: [12_400, 12_910], days_28: [41_200, 42_950] },
        page_media_view: { day: [3_950, 4_420], week: [27_300, 28_150], days_28: [96_800, 99_400] },
      },
      instagram: { reach: { day: [1_120, 1_305], week: [7_640, 7_980], days_28: [26_900, 27_450] } },
    },
  }

  // Ids above 2^53, as Meta's are: they must stay strings end to end.
  let counter = 0n
  const nextId = () => (17_900_000_000_000_000n + ++counter).toString()

  // ---- Facebook Page ----

  function createFeedPost(message: string | null, link: string | null, attachedMedia: string[] = []): FeedPost {
    const postPart = nextId()
    const post: FeedPost = {
      id: `${FAKE_PAGE_ID}_${postPart}`,
      message,
      link,
      attachedMedia,
      createdTime: graphTime(),
      permalink: `https://www.facebook.com/${FAKE_PAGE_ID}/posts/${postPart}`,
    }
    state.feedPosts.push(post)
    return post
  }

  function postFeed(params: Record<string, string>) {
    const attached = parseAttachedMedia(params)
    if (!params.message && !params.link && attached.length === 0) throw invalidParameter('message, link or attached_media is required')
    for (const photoId of attached) {
      const photo = state.photos.get(photoId)
      if (!photo || photo.published) throw invalidParameter(`attached_media: ${photoId} is not an unpublished photo of this Page`)
      if (photo.attachedTo) throw invalidParameter('These photos were already posted', 1366051)
    }
    const latest = state.feedPosts.at(-1)
    if (params.message && attached.length === 0 && latest?.message === params.message && latest.attachedMedia.length === 0) {
      throw new GraphFailure(400, { code: 506, message: '(#506) Duplicate status message', type: 'OAuthException' })
    }
    const post = createFeedPost(params.message ?? null, params.link ?? null, attached)
    for (const photoId of attached) state.photos.get(photoId)!.attachedTo = post.id
    return pickFields({ id: post.id, permalink_url: post.permalink }, params.fields, ['id'])
  }

  function parseAttachedMedia(params: Record<string, string>): string[] {
    const raw = params.attached_media
      ? (JSON.parse(params.attached_media) as unknown[])
      : Object.keys(params)
          .filter((name) => /^attached_media\[\d+\]$/.test(name))
          .map((name) => JSON.parse(params[name]) as unknown)
    return raw.map((entry) => {
      const mediaFbid = (entry as { media_fbid?: unknown })?.media_fbid
      if (typeof mediaFbid !== 'string') throw invalidParameter('attached_media entries must be {"media_fbid":"<photo-id>"}')
      return mediaFbid
    })
  }

  function postPhoto(request: RecordedRequest) {
    const { params, files } = request
    if (!files.source && !params.url) {
      if (params.source) throw new GraphFailure(400, { code: 324, message: '(#324) Requires upload file', type: 'OAuthException' })
      throw invalidParameter('source (multipart file) or url is required')
    }
    const published = params.published !== 'false'
    const photo: Photo = { id: nextId(), published, postId: null, filename: files.source?.filename ?? params.url, attachedTo: null }
    state.photos.set(photo.id, photo)
    if (!published) return { id: photo.id }
    const post = createFeedPost(params.message ?? null, null, [photo.id])
    photo.postId = post.id
    return { id: photo.id, post_id: post.id }
  }

  function postVideo(request: RecordedRequest) {
    const { params, files } = request
    if (!files.source && !params.file_url) throw invalidParameter('source (multipart file) or file_url is required')
    const video: Video = {
      id: nextId(),
      description: params.description ?? null,
      title: params.title ?? null,
      createdTime: graphTime(),
      size: files.source?.size ?? 0,
    }
    state.videos.push(video)
    return { id: video.id }
  }

  function listing<T extends { createdTime: string }>(items: T[], params: Record<string, string>, view: (item: T) => Record<string, unknown>) {
    const since = params.since ? Number(params.since) * 1000 : -Infinity
    const limit = Number(params.limit ?? 25)
    const data = [...items]
      .reverse()
      .filter((item) => Date.parse(item.createdTime) >= since)
      .slice(0, limit)
      .map((item) => pickFields(view(item), params.fields, ['id']))
    return { data, paging: { cursors: { before: 'QVFIU', after: 'QVFIU' } } }
  }

  // ---- Instagram ----

  const publicWeb = new Map<string, string>()
  const fetchFailed = (detail: string) =>
    new GraphFailure(400, { code: 9004, error_subcode: 2207052, message: `The media could not be fetched from this URI: ${detail}` })

  /** Meta cURLs the media at container creation, with no cookie nor credential (section 2 of the reference). */
  async function fetchMedia(url: string, kind: 'image' | 'video'): Promise<void> {
    const parsed = new URL(url)
    const origin = publicWeb.get(parsed.host)
    if (!origin) {
      state.mediaFetches.push({ url, status: 'unreachable', contentType: null, bytes: 0 })
      throw fetchFailed(url)
    }
    const response = await fetch(`${origin}${parsed.pathname}${parsed.search}`, { headers: { 'user-agent': 'facebookexternalhit/1.1' } }).catch(() => null)
    const bytes = response?.ok ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array()
    const contentType = response?.headers.get('content-type') ?? null
    state.mediaFetches.push({ url, status: response?.status ?? 'unreachable', contentType, bytes: bytes.length })
    if (!response?.ok) throw fetchFailed(url)
    if (kind === 'image') {
      // Images must be JPEG (section 2.1): the type answered and the bytes themselves.
      const isJpeg = contentType?.split(';')[0]?.trim() === 'image/jpeg' && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
      if (!isJpeg) throw new GraphFailure(400, { code: 9004, error_subcode: 2207005, message: 'The image format is not supported.' })
    } else if (!/^video\/(mp4|quicktime)\b/.test(contentType ?? '')) {
      throw new GraphFailure(400, { code: 9004, error_subcode: 2207026, message: 'The video format is not supported.' })
    }
  }

  async function createContainer(params: Record<string, string>) {
    const type = params.media_type
    const isChild = params.is_carousel_item === 'true'
    if (type && !['REELS', 'STORIES', 'VIDEO', 'CAROUSEL'].includes(type)) throw invalidParameter(`media_type ${type} is not supported`)
    if (type === 'VIDEO' && !isChild) throw invalidParameter('media_type VIDEO is only for carousel items; single videos are REELS')
    if (isChild && params.caption) throw invalidParameter('caption is not allowed on a carousel item')
    if (type === 'STORIES' && params.caption) throw invalidParameter('caption is not allowed on a story')
    if (type === 'CAROUSEL') {
      const children = (params.children ?? '').split(',').filter(Boolean)
      if (children.length < 2 || children.length > 10) throw invalidParameter('children must list 2 to 10 carousel items')
      for (const childId of children) {
        const child = state.containers.get(childId)
        if (!child || child.params.is_carousel_item !== 'true') throw invalidParameter(`child ${childId} is not a carousel item container`)
        if (containerStatus(child) !== 'FINISHED') throw new GraphFailure(400, { code: 9007, error_subcode: 2207027, message: 'Media ID is not available' })
      }
    } else {
      const needsVideo = type === 'REELS' || type === 'VIDEO'
      const url = needsVideo ? params.video_url : (params.image_url ?? (type === 'STORIES' ? params.video_url : undefined))
      if (!url) throw invalidParameter(needsVideo ? 'video_url is required' : 'image_url is required')
      if (!/^https?:\/\//.test(url)) {
        throw new GraphFailure(400, { code: 9004, error_subcode: 2207052, message: 'Media download has failed. The media URI does not meet our requirements.' })
      }
      await fetchMedia(url, url === params.image_url ? 'image' : 'video')
    }
    const container: Container = {
      id: nextId(),
      params,
      pollsLeft: state.containerPlan.inProgressPolls,
      finalStatus: state.containerPlan.finalStatus,
      published: false,
      polls: 0,
    }
    state.containers.set(container.id, container)
    return { id: container.id }
  }

  function containerStatus(container: Container): ContainerStatus {
    if (container.published) return 'PUBLISHED'
    return container.pollsLeft > 0 ? 'IN_PROGRESS' : container.finalStatus
  }

  function publishContainer(params: Record<string, string>) {
    const container = params.creation_id ? state.containers.get(params.creation_id) : undefined
    if (!container) throw invalidParameter('creation_id is required and must name a container')
    if (state.quota.usage >= state.quota.total) {
      throw new GraphFailure(400, { code: 9, error_subcode: 2207042, message: 'Application request limit reached', type: 'OAuthException' })
    }
    const status = containerStatus(container)
    if (status === 'PUBLISHED') throw invalidParameter('This media has already been published')
    if (status !== 'FINISHED') throw new GraphFailure(400, { code: 9007, error_subcode: 2207027, message: 'Media ID is not available' })
    container.published = true
    state.quota.usage += 1
    const type = container.params.media_type
    const shortcode = `C${nextId().slice(-10)}`
    const media: IgMedia = {
      id: nextId(),
      containerId: container.id,
      caption: container.params.caption ?? null,
      productType: type === 'STORIES' ? 'STORY' : type === 'REELS' ? 'REELS' : 'FEED',
      timestamp: graphTime(),
      permalink: type === 'STORIES' ? `https://www.instagram.com/stories/badil/${shortcode}/` : `https://www.instagram.com/p/${shortcode}/`,
    }
    state.igMedia.push(media)
    return { id: media.id }
  }

  // ---- Shared: nodes, insights, comments ----

  function readNode(objectId: string, params: Record<string, string>) {
    const post = state.feedPosts.find((item) => item.id === objectId)
    if (post) return pickFields({ id: post.id, message: post.message, created_time: post.createdTime, permalink_url: post.permalink }, params.fields, ['id'])
    const photo = state.photos.get(objectId)
    if (photo) return pickFields({ id: photo.id, permalink_url: `https://www.facebook.com/photo.php?fbid=${photo.id}` }, params.fields, ['id'])
    const video = state.videos.find((item) => item.id === objectId)
    if (video) return pickFields({ id: video.id, description: video.description, permalink_url: `/${FAKE_PAGE_ID}/videos/${video.id}/` }, params.fields, ['id'])
    const container = state.containers.get(objectId)
    if (container) {
      const status = containerStatus(container)
      if (status === 'IN_PROGRESS') container.pollsLeft -= 1
      container.polls += 1
      const detail = status === 'ERROR' ? `Error: Media upload has failed with error code ${state.containerPlan.errorSubcode ?? 2207026}` : status
      return pickFields({ id: container.id, status_code: status, status: detail }, params.fields, ['id'])
    }
    const media = state.igMedia.find((item) => item.id === objectId)
    if (media) {
      const view = { id: media.id, caption: media.caption, timestamp: media.timestamp, permalink: media.permalink, media_product_type: media.productType }
      return pickFields(view, params.fields, ['id'])
    }
    throw missingObject(objectId, 'get')
  }

  function metricsFor(objectId: string, edge: 'insights' | 'video_insights'): Set<string> | undefined {
    if (edge === 'video_insights') return state.videos.some((item) => item.id === objectId) ? KNOWN_METRICS.video : undefined
    if (state.feedPosts.some((item) => item.id === objectId)) return KNOWN_METRICS.post
    const media = state.igMedia.find((item) => item.id === objectId)
    return media ? KNOWN_METRICS[media.productType] : undefined
  }

  function readInsights(objectId: string, edge: 'insights' | 'video_insights', params: Record<string, string>, version: number) {
    const known = metricsFor(objectId, edge)
    if (!known) throw missingObject(objectId, 'get')
    const metrics = (params.metric ?? '').split(',').filter(Boolean)
    if (!metrics.length) throw invalidParameter('The parameter metric is required')
    const invalid = metrics.find((name) => !known.has(name) || state.retiredMetrics.has(name) || (metricsSince[name] ?? 0) > version)
    if (invalid) throw invalidMetric(metrics, invalid)
    const recorded = state.insights.get(objectId) ?? {}
    const period = params.period ?? 'lifetime'
    const data = metrics
      .filter((name) => name in recorded)
      .map((name) => ({
        name,
        period,
        values: [{ value: recorded[name] }],
        title: name,
        description: `Fake ${name}`,
        id: `${objectId}/insights/${name}/${period}`,
      }))
    return { data }
  }

  /** `GET /{page-id}` and `GET /{ig-user-id}`: the fields asked for (with the id), `name` too on a Page asked for none. */
  function readAccountNode(account: 'page' | 'instagram', params: Record<string, string>) {
    const fields = (params.fields ?? '')
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean)
    const unknown = fields.find((field) => !ACCOUNT_NODE_FIELDS[account].has(field))
    if (unknown) throw invalidParameter(`Tried accessing nonexisting field (${unknown}) on node type (${account === 'page' ? 'Page' : 'IGUser'})`)
    const view =
      account === 'page'
        ? { id: FAKE_PAGE_ID, name: 'Badil', link: `https://www.facebook.com/${FAKE_PAGE_ID}`, ...state.accountFigures.page }
        : { id: FAKE_IG_USER_ID, username: 'badil.ma', name: 'Badil', ...state.accountFigures.instagram }
    return pickFields(view, params.fields, account === 'page' && !fields.length ? ['id', 'name'] : ['id'])
  }

  /**
   * `GET /{page-id}/insights` and `GET /{ig-user-id}/insights`: each metric over the period asked.
   * A Page's metrics without a period come over each period they have; Instagram needs one.
   */
  function readAccountInsights(account: 'page' | 'instagram', params: Record<string, string>, version: number) {
    const accountId = account === 'page' ? FAKE_PAGE_ID : FAKE_IG_USER_ID
    const periodsOf = ACCOUNT_METRIC_PERIODS[account]
    const metrics = (params.metric ?? '').split(',').filter(Boolean)
    if (!metrics.length) throw invalidParameter('The parameter metric is required')
    const invalid = metrics.find((name) => !Object.hasOwn(periodsOf, name) || state.retiredMetrics.has(name) || (metricsSince[name] ?? 0) > version)
    if (invalid) throw invalidMetric(metrics, invalid)
    const asked = params.period as AccountInsightPeriod | undefined
    if (!asked && account === 'instagram') throw invalidParameter('The parameter period is required')
    const refused = asked && metrics.find((name) => !periodsOf[name].includes(asked))
    if (refused) throw invalidParameter(`period must be one of the following values for ${refused}: ${periodsOf[refused].join(', ')}`)
    const lastDayEnd = Math.floor((Date.now() - INSIGHT_DAY_END_OFFSET_MS) / DAY_MS) * DAY_MS + INSIGHT_DAY_END_OFFSET_MS
    const data = metrics.flatMap((name) =>
      (asked ? [asked] : periodsOf[name]).flatMap((period) => {
        const series = state.accountInsights[account][name]?.[period]
        if (!series?.length) return []
        const values = series.map((value, index) => ({ value, end_time: graphTime(new Date(lastDayEnd - (series.length - 1 - index) * DAY_MS)) }))
        return [{ name, period, values, title: name, description: `Fake ${name}`, id: `${accountId}/insights/${name}/${period}` }]
      }),
    )
    return { data }
  }

  function addComment(network: 'facebook' | 'instagram', parentId: string, message = 'comment', from: Comment['from'] = null): string {
    const commentId = network === 'facebook' ? `${parentId.split('_').at(-1)}_${nextId()}` : nextId()
    state.comments.set(commentId, { id: commentId, network, parentId, message, hidden: false, deleted: false, createdTime: new Date().toISOString(), from })
    return commentId
  }

  /**
   * `GET /{post-or-media-id}/comments`, newest first, paged by an opaque `after` cursor. Facebook's
   * `filter=stream` lists replies too, each with its `parent`; Instagram lists top-level comments
   * with their `replies`.
   */
  function listComments(objectId: string, params: Record<string, string>) {
    const live = [...state.comments.values()].filter((comment) => !comment.deleted)
    const onObject = live.filter((comment) => comment.parentId === objectId)
    const instagram = onObject[0]?.network === 'instagram' || state.igMedia.some((media) => media.id === objectId)
    const stream = !instagram && params.filter === 'stream'
    const replies = (parent: Comment) => live.filter((comment) => comment.parentId === parent.id)
    const listed = stream ? onObject.flatMap((comment) => [comment, ...replies(comment)]) : onObject
    const newestFirst = [...listed].sort((left, right) => Date.parse(right.createdTime) - Date.parse(left.createdTime) || (right.id > left.id ? 1 : -1))
    const limit = Math.min(Number(params.limit ?? 25), 100)
    const start = params.after ? Number(Buffer.from(params.after, 'base64url').toString('utf8')) : 0
    const page = newestFirst.slice(start, start + limit)
    const view = (comment: Comment): Record<string, unknown> =>
      instagram
        ? {
            id: comment.id,
            text: comment.message,
            username: comment.from?.name,
            ...(comment.from ? { from: { id: comment.from.id, username: comment.from.name } } : {}),
            timestamp: comment.createdTime.replace('Z', '+0000'),
            hidden: comment.hidden,
            replies: {
              data: replies(comment).map((reply) => ({
                id: reply.id,
                text: reply.message,
                username: reply.from?.name,
                ...(reply.from ? { from: { id: reply.from.id, username: reply.from.name } } : {}),
                timestamp: reply.createdTime.replace('Z', '+0000'),
              })),
            },
          }
        : {
            id: comment.id,
            message: comment.message,
            created_time: comment.createdTime.replace('Z', '+0000'),
            is_hidden: comment.hidden,
            ...(comment.from ? { from: comment.from } : {}),
            ...(comment.parentId !== objectId ? { parent: { id: comment.parentId } } : {}),
          }
    const more = start + limit < newestFirst.length
    const after = Buffer.from(String(start + limit), 'utf8').toString('base64url')
    return {
      data: page.map((comment) => pickFields(view(comment), params.fields, ['id'])),
      paging: { cursors: { before: 'MA', after }, ...(more ? { next: `${origin}/v23.0/${objectId}/comments?after=${after}` } : {}) },
    }
  }

  function liveComment(commentId: string, verb: string): Comment {
    const comment = state.comments.get(commentId)
    if (!comment || comment.deleted) throw missingObject(commentId, verb)
    return comment
  }

  function commentOn(parentId: string, params: Record<string, string>) {
    if (!params.message) throw invalidParameter('message is required')
    const parentComment = state.comments.get(parentId)
    const onFacebook = state.feedPosts.some((post) => post.id === parentId) || state.videos.some((video) => video.id === parentId)
    const onInstagram = state.igMedia.some((media) => media.id === parentId && media.productType !== 'STORY')
    if (parentComment) {
      // Facebook replies go to /{comment-id}/comments; Instagram ones to /{comment-id}/replies.
      if (parentComment.network !== 'facebook' || parentComment.deleted) throw missingObject(parentId, 'post')
      return { id: addComment('facebook', parentId, params.message) }
    }
    if (!onFacebook && !onInstagram) throw missingObject(parentId, 'post')
    return { id: addComment(onFacebook ? 'facebook' : 'instagram', parentId, params.message) }
  }

  function updateComment(commentId: string, params: Record<string, string>) {
    const comment = liveComment(commentId, 'post')
    const flag = comment.network === 'facebook' ? params.is_hidden : params.hide
    if (flag !== 'true' && flag !== 'false')
      throw invalidParameter(comment.network === 'facebook' ? 'is_hidden must be true or false' : 'hide must be true or false')
    comment.hidden = flag === 'true'
    return { success: true }
  }

  // ---- Private messages (Send API) ----

  /** Message ids as Meta shapes them: `m_…` on Messenger, a base64 string on Instagram. */
  const nextMessageId = (network: 'facebook' | 'instagram') =>
    network === 'facebook' ? `m_${Buffer.from(`mid.${nextId()}`).toString('base64url')}` : Buffer.from(`ig_item:${nextId()}`).toString('base64url')

  function recordMessage(message: Omit<DirectMessage, 'mid'>): DirectMessage {
    const stored = { ...message, mid: nextMessageId(message.network) }
    state.directMessages.push(stored)
    return stored
  }

  function jsonParam(params: Record<string, string>, name: string): Record<string, unknown> | undefined {
    try {
      const value = params[name] ? (JSON.parse(params[name]) as unknown) : undefined
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
    } catch {
      return undefined
    }
  }

  /**
   * The Send API as the Page: `POST /{page-id}/messages`, or `POST /me/messages` with the Page's
   * token, which also answers on the Instagram account linked to the Page (Messenger API support
   * for Instagram). The Page token only, a person who wrote to the account, within 24 hours of
   * their last message for a RESPONSE. (`/{ig-user-id}/messages` belongs to Instagram Login's API
   * on graph.instagram.com: on graph.facebook.com it is refused.)
   */
  function sendMessage(request: RecordedRequest) {
    const recipient = jsonParam(request.params, 'recipient')?.id
    // Scoped ids are per account: the person's id says which of the Page's inboxes they wrote to.
    const network = state.directMessages.some((message) => message.network === 'instagram' && message.personId === recipient) ? 'instagram' : 'facebook'
    return sendMessageOn(network, request)
  }

  function sendMessageOn(network: 'facebook' | 'instagram', request: RecordedRequest) {
    if (request.token !== FAKE_TOKEN) {
      throw new GraphFailure(403, { code: 230, message: '(#230) Requires pages_messaging permission to manage the object', type: 'OAuthException' })
    }
    const recipientId = jsonParam(request.params, 'recipient')?.id
    const text = jsonParam(request.params, 'message')?.text
    const messagingType = request.params.messaging_type ?? ''
    if (typeof recipientId !== 'string' || recipientId === '') throw invalidParameter('param recipient must be non-empty.')
    if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(messagingType))
      throw invalidParameter('param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}')
    if (typeof text !== 'string' || text === '') throw invalidParameter('param message must be non-empty.')
    const accountId = network === 'facebook' ? FAKE_PAGE_ID : FAKE_IG_USER_ID
    const written = state.directMessages.filter(
      (message) => message.network === network && message.accountId === accountId && message.personId === recipientId && message.fromPerson,
    )
    if (!written.length) throw invalidParameter('No matching user found', 2018001)
    const lastWrittenAt = Math.max(...written.map((message) => message.at.getTime()))
    if (Date.now() - lastWrittenAt > MESSAGING_WINDOW_MS) {
      throw network === 'facebook'
        ? new GraphFailure(400, {
            code: 10,
            error_subcode: 2018278,
            message:
              '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
            type: 'OAuthException',
          })
        : new GraphFailure(400, { code: 10, error_subcode: 2534022, message: 'This message is sent outside of allowed window.', type: 'IGApiException' })
    }
    const sent = recordMessage({ network, accountId, personId: recipientId, text, fromPerson: false, messagingType, at: new Date() })
    return { recipient_id: recipientId, message_id: sent.mid }
  }

  // ---- Routing ----

  function route(request: RecordedRequest): unknown | Promise<unknown> {
    const segments = request.path.split('/').filter(Boolean)
    const [node, edge] = segments
    const { method, params } = request
    if (segments.length > 2 || !node) throw invalidParameter('Unknown path components')
    const key = `${method} ${node === FAKE_PAGE_ID ? 'page' : node === FAKE_IG_USER_ID ? 'ig' : 'node'}/${edge ?? ''}`
    // Another Page's token reaches neither this Page nor its Instagram account.
    if ((node === FAKE_PAGE_ID || node === FAKE_IG_USER_ID) && request.token === FAKE_OTHER_PAGE_TOKEN) {
      throw new GraphFailure(403, { code: 200, message: '(#200) Permissions error', type: 'OAuthException' })
    }
    // Publishing as the Page needs the Page's token.
    if (key === 'POST page/feed' && request.token === FAKE_USER_TOKEN && params.published === 'false') {
      throw new GraphFailure(403, { code: 200, message: '(#200) Unpublished posts must be posted to a page as the page itself.', type: 'OAuthException' })
    }
    // A Page's insights are read with the Page's token only.
    if (key === 'GET page/insights' && request.token === FAKE_USER_TOKEN) {
      throw new GraphFailure(400, { code: 190, message: '(#190) This method must be called with a Page Access Token', type: 'OAuthException' })
    }
    switch (key) {
      case 'POST page/feed':
        return postFeed(params)
      case 'POST page/photos':
        return postPhoto(request)
      case 'POST page/videos':
        return postVideo(request)
      case 'GET page/posts':
        return listing(state.feedPosts, params, (post) => ({
          id: post.id,
          message: post.message ?? undefined,
          created_time: post.createdTime,
          permalink_url: post.permalink,
        }))
      case 'GET page/videos':
        return listing(state.videos, params, (video) => ({
          id: video.id,
          description: video.description ?? undefined,
          created_time: video.createdTime,
          permalink_url: `/${FAKE_PAGE_ID}/videos/${video.id}/`,
        }))
      case 'GET page/':
        return readAccountNode('page', params)
      case 'GET page/insights':
        return readAccountInsights('page', params, servedVersion(request.version))
      case 'GET ig/':
        return readAccountNode('instagram', params)
      case 'GET ig/insights':
        return readAccountInsights('instagram', params, servedVersion(request.version))
      case 'POST page/messages':
        return sendMessageOn('facebook', request)
      case 'POST node/messages':
        if (node !== 'me') throw missingObject(node, 'post')
        return sendMessage(request)
      case 'POST ig/messages':
        throw missingObject(node, 'post')
      case 'POST ig/media':
        return createContainer(params)
      case 'POST ig/media_publish':
        return publishContainer(params)
      case 'GET ig/content_publishing_limit':
        return { data: [{ quota_usage: state.quota.usage, config: { quota_total: state.quota.total, quota_duration: 86400 } }] }
      case 'GET ig/media': {
        const feed = state.igMedia.filter((media) => media.productType !== 'STORY').map((media) => ({ ...media, createdTime: media.timestamp }))
        return listing(feed, params, (media) => ({ id: media.id, caption: media.caption ?? undefined, timestamp: media.timestamp, permalink: media.permalink }))
      }
      case 'GET node/':
        return readNode(node, params)
      case 'GET node/insights':
      case 'GET node/video_insights':
        return readInsights(node, edge as 'insights' | 'video_insights', params, servedVersion(request.version))
      case 'POST node/comments':
        return commentOn(node, params)
      case 'GET node/comments':
        return listComments(node, params)
      case 'POST node/replies': {
        const parent = liveComment(node, 'post')
        if (parent.network !== 'instagram') throw invalidParameter('Unknown path components: /replies')
        if (!params.message) throw invalidParameter('message is required')
        return { id: addComment('instagram', node, params.message) }
      }
      case 'POST node/':
        return updateComment(node, params)
      case 'DELETE node/':
        liveComment(node, 'delete').deleted = true
        return { success: true }
      default:
        throw invalidParameter(`Unknown path components: ${request.path} (${method})`)
    }
  }

  // ---- HTTP plumbing ----

  const timers = new Set<NodeJS.Timeout>()

  async function readRequest(incoming: http.IncomingMessage): Promise<RecordedRequest> {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const url = new URL(incoming.url ?? '/', 'http://fake.local')
    const params: Record<string, string> = Object.fromEntries(url.searchParams)
    const files: RecordedRequest['files'] = {}
    const contentType = incoming.headers['content-type'] ?? ''
    if (chunks.length && /multipart\/form-data|application\/x-www-form-urlencoded/.test(contentType)) {
      const form = await new Request(url, { method: 'POST', headers: { 'content-type': contentType }, body: Buffer.concat(chunks) }).formData()
      for (const [name, value] of form) {
        if (typeof value === 'string') params[name] = value
        else files[name] = { filename: value.name, type: value.type, size: value.size }
      }
    } else if (chunks.length && contentType.includes('application/json')) {
      for (const [name, value] of Object.entries(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)) {
        params[name] = typeof value === 'string' ? value : JSON.stringify(value)
      }
    }
    const bearer = /^Bearer (.+)$/.exec(incoming.headers.authorization ?? '')?.[1]
    const token = bearer ?? params.access_token ?? null
    delete params.access_token
    const version = /^\/v(\d+)\.\d+(?=\/)/.exec(url.pathname)?.[1]
    return {
      method: incoming.method ?? 'GET',
      path: url.pathname.replace(/^\/v\d+\.\d+/, ''),
      params,
      files,
      contentType,
      token,
      version: version ? Number(version) : null,
    }
  }

  function takeScript<T extends { remaining: number; match?: RequestMatch }>(scripts: T[], request: RecordedRequest): T | undefined {
    const script = scripts.find(({ match }) => (!match?.method || match.method === request.method) && (!match?.path || match.path.test(request.path)))
    if (!script) return undefined
    script.remaining -= 1
    if (script.remaining <= 0) scripts.splice(scripts.indexOf(script), 1)
    return script
  }

  function checkToken(token: string | null) {
    if (!token) throw new GraphFailure(400, { code: 104, message: 'An access token is required to request this resource.', type: 'OAuthException' })
    if (state.expiredTokens.has(token)) {
      throw new GraphFailure(400, { code: 190, error_subcode: 463, message: 'Error validating access token: Session has expired.', type: 'OAuthException' })
    }
    if (!state.validTokens.has(token))
      throw new GraphFailure(400, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException' })
  }

  function errorBody(error: GraphErrorSpec) {
    return { error: { type: 'OAuthException', is_transient: false, ...error, fbtrace_id: `Afake${counter}` } }
  }

  const server = http.createServer(async (incoming, outgoing) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (outgoing.destroyed || outgoing.writableEnded) return
      outgoing.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
      outgoing.end(JSON.stringify(body))
    }
    try {
      const request = await readRequest(incoming)
      state.requests.push(request)
      const failure = takeScript(state.failures, request)
      if (failure) {
        return send(failure.status, failure.error ? errorBody(failure.error) : { error: undefined }, failure.headers)
      }
      let status = 200
      let body: unknown
      try {
        checkToken(request.token)
        body = await route(request)
      } catch (error) {
        if (!(error instanceof GraphFailure)) throw error
        status = error.status
        body = errorBody(error.error)
      }
      const delay = takeScript(state.delays, request)
      if (delay?.ms === 'forever') return // stored, never answered: the socket dies on close()
      if (delay) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          send(status, body)
        }, delay.ms)
        timers.add(timer)
        return
      }
      send(status, body)
    } catch (error) {
      send(500, { error: { message: String(error), type: 'FakeServerBug', code: 1, is_transient: false } })
    }
  })
  const origin = await listenOnLoopback(server, options.port)
  let webhookSubscription: { callbackUrl: string; appSecret: string } | undefined

  return {
    baseUrl: `${origin}/v23.0`,
    state,
    publicWeb,
    failNext: ({ count = 1, ...failure }) => state.failures.push({ remaining: count, ...failure }),
    delayNext: ({ count = 1, ...delay }) => state.delays.push({ remaining: count, ...delay }),
    addComment,
    subscribeWebhooks(callbackUrl, appSecret) {
      webhookSubscription = { callbackUrl, appSecret }
    },
    async userComments(network, parentId, message, author, options: { silently?: boolean } = {}) {
      const commentId = addComment(network, parentId, message, author)
      if (!webhookSubscription || options.silently) return { commentId }
      const time = Math.floor(Date.now() / 1000)
      const body =
        network === 'facebook'
          ? pageDelivery(FAKE_PAGE_ID, time, [{ verb: 'add', commentId, postId: parentId, message, from: author, createdTime: time }])
          : instagramDelivery(FAKE_IG_USER_ID, time, [{ commentId, mediaId: parentId, text: message, from: author }])
      return { commentId, delivery: await sendMetaDelivery(webhookSubscription.callbackUrl, body, webhookSubscription.appSecret) }
    },
    async userMessages(network, text, sender, options = {}) {
      const accountId = network === 'facebook' ? FAKE_PAGE_ID : FAKE_IG_USER_ID
      const at = options.at ?? new Date()
      const message = recordMessage({ network, accountId, personId: sender.id, text: text || null, fromPerson: true, messagingType: null, at })
      if (!webhookSubscription || options.silently) return { messageId: message.mid }
      const body = messagingDelivery(network === 'facebook' ? 'page' : 'instagram', accountId, [
        {
          senderId: sender.id,
          recipientId: accountId,
          timestamp: at.getTime(),
          mid: message.mid,
          ...(text ? { text } : {}),
          ...(options.attachments ? { attachments: options.attachments } : {}),
        },
      ])
      return { messageId: message.mid, delivery: await sendMetaDelivery(webhookSubscription.callbackUrl, body, webhookSubscription.appSecret) }
    },
    async accountMessages(network, text, recipient) {
      const accountId = network === 'facebook' ? FAKE_PAGE_ID : FAKE_IG_USER_ID
      const message = recordMessage({ network, accountId, personId: recipient.id, text, fromPerson: false, messagingType: null, at: new Date() })
      if (!webhookSubscription) return { messageId: message.mid }
      const body = messagingDelivery(network === 'facebook' ? 'page' : 'instagram', accountId, [
        { senderId: accountId, recipientId: recipient.id, timestamp: message.at.getTime(), mid: message.mid, text, echo: true },
      ])
      return { messageId: message.mid, delivery: await sendMetaDelivery(webhookSubscription.callbackUrl, body, webhookSubscription.appSecret) }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer)
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** Graph returns only the fields asked for (plus `id`), or a default set when none are. */
function pickFields(node: Record<string, unknown>, fields: string | undefined, always: string[]): Record<string, unknown> {
  if (!fields) return Object.fromEntries(Object.entries(node).filter(([name]) => always.includes(name)))
  const wanted = new Set([...always, ...fields.split(',').map((field) => field.trim())])
  return Object.fromEntries(Object.entries(node).filter(([name, value]) => wanted.has(name) && value !== undefined && value !== null))
}
