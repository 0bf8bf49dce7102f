/**
 * Instagram adapter (feed, reel, story) over the Instagram Graph API (docs/networks.md#instagram):
 * containers pulled by Meta from public URLs, status polling, quota check, publish, optional first
 * comment, lookup after an unknown outcome, media insights, the account's own figures, comment
 * moderation and answers to private messages (meta/messaging.ts).
 */
import { publishingLimitReached } from '../meta/errors'
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
import { publicUrlIssues, validatePublishRequest } from '../validate-request'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText, pluginTextByLanguage } from '../../translations'

/**
 * Waits between container status polls: Meta asks for at most one poll a minute over about five
 * minutes; the first waits are shorter because images and short videos are often ready at once.
 * After the last one the container is given up as "not ready yet" (retryable, nothing published).
 */
export const INSTAGRAM_STATUS_POLL_DELAYS_MS = [3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000, 60_000, 60_000]

/**
 * Lookup heuristic: a published caption cannot carry a hidden marker, so a media "is ours" when its
 * caption equals the variant's text (line endings and outer whitespace aside) and its timestamp
 * falls within this window before the lookup. Stories have no caption: their lookup is unsupported.
 */
export const INSTAGRAM_LOOKUP_WINDOW_MS = 24 * 60 * 60_000
const LOOKUP_PAGE_SIZE = 50

/** A carousel takes 2–10 items; one item is a plain image or reel. */
const CAROUSEL_MAX = 10

const COMMON_METRICS = ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions']
const METRICS_BY_PRODUCT: Record<string, string[]> = {
  FEED: [...COMMON_METRICS, 'profile_visits', 'follows'],
  REELS: [...COMMON_METRICS, 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time'],
  STORY: ['views', 'reach', 'shares', 'total_interactions', 'replies', 'navigation', 'profile_visits', 'follows'],
}

/** The Instagram user node's own counters (docs/networks.md#instagram-account-metrics). */
export const INSTAGRAM_ACCOUNT_FIELDS = ['followers_count', 'media_count'] as const
/** The account's reach over the last 28 days, kept under this name with its period. */
export const INSTAGRAM_REACH_28D = 'reach_28d'

const id = encodeURIComponent

function permanent(message: string, reason: Localized): NetworkError {
  return new NetworkError({ kind: 'permanent', message, reason })
}

function mediaMismatch(surface: 'story' | 'reel' | 'feed', detail: string): NetworkError {
  const expected = pluginText(`networkErrors:instagram:expectations:${surface}`)
  return permanent(
    `instagram ${surface}: ${detail}`,
    pluginTextByLanguage('networkErrors:instagram:mediaMismatch', (language) => ({ expected: expected[language] })),
  )
}

/** Instagram pulls every file by URL at container creation; without one there is nothing to send. */
function publicUrl(item: PublishMedia): string {
  if (!item.publicUrl) {
    throw permanent(`instagram: ${item.filename} has no public URL`, pluginText('networkErrors:instagram:noPublicUrl', { filename: item.filename }))
  }
  return item.publicUrl
}

type ContainerParams = Record<string, string>
type ContainerPlan = { children: ContainerParams[]; parent: (childIds: string[]) => ContainerParams; isStory: boolean }

function single(params: ContainerParams): ContainerPlan {
  return { children: [], parent: () => params, isStory: params.media_type === 'STORIES' }
}

function reelParams(video: PublishMedia, caption: string): ContainerParams {
  // Every single feed video is a Reel since 2023-07; share_to_feed keeps it on the grid too.
  return { media_type: 'REELS', video_url: publicUrl(video), caption, share_to_feed: 'true' }
}

function planContainers(request: PublishRequest): ContainerPlan {
  const { media, text } = request
  if (media.some((item) => item.kind === 'pdf')) throw mediaMismatch('feed', 'PDF is not publishable on Instagram')
  switch (request.platform) {
    case 'instagram_story': {
      if (media.length !== 1) throw mediaMismatch('story', `${media.length} media`)
      const [item] = media
      const url = publicUrl(item)
      return single(item.kind === 'video' ? { media_type: 'STORIES', video_url: url } : { media_type: 'STORIES', image_url: url })
    }
    case 'instagram_reel': {
      if (media.length !== 1 || media[0].kind !== 'video') {
        throw mediaMismatch('reel', `${media.length} media of kinds ${media.map((item) => item.kind).join(',')}`)
      }
      return single(reelParams(media[0], text))
    }
    case 'instagram_feed': {
      if (media.length === 0 || media.length > CAROUSEL_MAX) throw mediaMismatch('feed', `${media.length} media`)
      if (media.length === 1) {
        const [item] = media
        if (item.kind === 'video') return single(reelParams(item, text))
        const params: ContainerParams = { image_url: publicUrl(item), caption: text }
        if (item.altText) params.alt_text = item.altText
        return single(params)
      }
      const children = media.map((item): ContainerParams =>
        item.kind === 'video'
          ? { is_carousel_item: 'true', media_type: 'VIDEO', video_url: publicUrl(item) }
          : { is_carousel_item: 'true', image_url: publicUrl(item) },
      )
      return { children, parent: (childIds) => ({ media_type: 'CAROUSEL', children: childIds.join(','), caption: text }), isStory: false }
    }
    default:
      throw permanent(`instagram: platform ${request.platform} is not handled here`, pluginText('networkErrors:instagram:notInstagram'))
  }
}

type PublishingLimit = { data?: { quota_usage?: number; config?: { quota_total?: number } }[] }

/** Reads the rolling 24 h quota (never hardcoded: Meta has moved it) before spending containers on it. */
async function ensureQuotaLeft(account: AccountCredentials, context: AdapterContext): Promise<void> {
  const limit = await graph<PublishingLimit>(context, account, `${id(account.accountId)}/content_publishing_limit`, {
    query: { fields: 'quota_usage,config' },
    sideEffect: false,
  })
  const usage = limit.data?.[0]?.quota_usage
  const total = limit.data?.[0]?.config?.quota_total
  if (typeof usage === 'number' && typeof total === 'number' && usage >= total) {
    throw publishingLimitReached(usage, total, context.now())
  }
}

/** Containers are invisible until published, so a lost answer is safe to retry (costs one of 400/24 h). */
async function createContainer(params: ContainerParams, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const created = await graph<{ id?: string }>(context, account, `${id(account.accountId)}/media`, {
    method: 'POST',
    body: new URLSearchParams(params),
    sideEffect: false,
  })
  if (!created.id) {
    throw new NetworkError({
      kind: 'retryable',
      message: 'instagram: container creation answered without an id',
      reason: pluginText('networkErrors:instagram:notConfirmed'),
    })
  }
  return created.id
}

async function waitUntilFinished(containerId: string, account: AccountCredentials, context: AdapterContext): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const container = await graph<{ status_code?: string; status?: string }>(context, account, id(containerId), {
      query: { fields: 'status_code,status' },
      sideEffect: false,
    })
    switch (container.status_code) {
      case 'FINISHED':
        return
      case 'ERROR':
        throw permanent(
          `instagram: container ${containerId} failed: ${container.status ?? 'no detail'}`,
          pluginText('networkErrors:instagram:processingFailed'),
        )
      case 'EXPIRED':
      case 'PUBLISHED':
        // A fresh container is never published already; either way it cannot be published now.
        throw permanent(`instagram: container ${containerId} is ${container.status_code}`, pluginText('networkErrors:instagram:expired'))
    }
    if (attempt >= INSTAGRAM_STATUS_POLL_DELAYS_MS.length) {
      throw new NetworkError({
        kind: 'retryable',
        message: `instagram: container ${containerId} still ${container.status_code ?? 'unknown'} after ${attempt + 1} polls`,
        reason: pluginText('networkErrors:instagram:stillProcessing'),
      })
    }
    await context.sleep(INSTAGRAM_STATUS_POLL_DELAYS_MS[attempt])
  }
}

async function prepareContainer(plan: ContainerPlan, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const childIds: string[] = []
  for (const child of plan.children) childIds.push(await createContainer(child, account, context))
  // Video children must be processed before the carousel that lists them can be created.
  for (const childId of childIds) await waitUntilFinished(childId, account, context)
  const containerId = await createContainer(plan.parent(childIds), account, context)
  await waitUntilFinished(containerId, account, context)
  return containerId
}

async function publishContainer(containerId: string, account: AccountCredentials, context: AdapterContext): Promise<string> {
  const published = await graph<{ id?: string }>(context, account, `${id(account.accountId)}/media_publish`, {
    method: 'POST',
    body: new URLSearchParams({ creation_id: containerId }),
    sideEffect: true,
  })
  if (!published.id) {
    throw new NetworkError({
      kind: 'outcome_unknown',
      message: `instagram: media_publish of ${containerId} answered without an id`,
      reason: pluginText('networkErrors:instagram:noId'),
    })
  }
  return published.id
}

/** Best effort: the media is live by now, so a failed read must not turn the publish into a failure. */
async function readPermalink(mediaId: string, account: AccountCredentials, context: AdapterContext): Promise<string | null> {
  try {
    const media = await graph<{ permalink?: string }>(context, account, id(mediaId), { query: { fields: 'permalink' }, sideEffect: false })
    return media.permalink ?? null
  } catch {
    return null
  }
}

async function publish(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<PublishResult> {
  const plan = planContainers(request)
  await ensureQuotaLeft(account, context)
  const containerId = await prepareContainer(plan, account, context)
  const mediaId = await publishContainer(containerId, account, context)
  const permalink = await readPermalink(mediaId, account, context)
  let warnings: Localized[] = []
  if (request.firstComment) {
    warnings = plan.isStory ? [pluginText('publishWarnings:storyNoComment')] : await postFirstComment(mediaId, request.firstComment, account, context)
  }
  return { remoteId: mediaId, permalink, ...(warnings.length ? { warnings } : {}) }
}

function sameText(left: string | null | undefined, right: string): boolean {
  const normalize = (text: string) => text.replace(/\r\n?/g, '\n').trim()
  return left !== null && left !== undefined && normalize(left) === normalize(right)
}

type ListedMedia = { id: string; caption?: string; timestamp?: string; permalink?: string }

async function lookup(request: PublishRequest, account: AccountCredentials, context: AdapterContext): Promise<LookupResult> {
  if (request.platform === 'instagram_story') return { status: 'unsupported' }
  const windowStart = context.now().getTime() - INSTAGRAM_LOOKUP_WINDOW_MS
  const listing = await graph<{ data?: ListedMedia[] }>(context, account, `${id(account.accountId)}/media`, {
    query: { fields: 'id,caption,timestamp,permalink', limit: String(LOOKUP_PAGE_SIZE) },
    sideEffect: false,
  })
  const match = (listing.data ?? []).find((media) => {
    const created = media.timestamp ? Date.parse(media.timestamp) : Number.NaN
    return created >= windowStart && sameText(media.caption, request.text)
  })
  return match ? { status: 'found', remoteId: match.id, permalink: match.permalink ?? null } : { status: 'not_found' }
}

type InsightsAnswer = { data?: { name: string; values?: { value?: unknown }[] }[] }

function metricValue(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object') {
    const parts = Object.values(value).filter((part): part is number => typeof part === 'number')
    return parts.length ? parts.reduce((sum, part) => sum + part, 0) : null
  }
  return null
}

function errorCode(error: unknown): string | undefined {
  return error instanceof NetworkError ? (error.code ?? '').split('/')[0] : undefined
}

/** (#100) names a metric that does not apply to this media (or was deprecated). */
const isInvalidMetric = (error: unknown) => errorCode(error) === '100'
/** (#10) "Not enough viewers": Instagram withholds insights on small audiences — no data, not a permission problem. */
const isNotEnoughViewers = (error: unknown) => errorCode(error) === '10' && /not enough viewers/i.test((error as Error).message)

async function fetchMetrics(remoteId: string, account: AccountCredentials, context: AdapterContext): Promise<MetricsSnapshot> {
  // Metric names depend on the surface, which the media itself tells.
  const media = await graph<{ media_product_type?: string }>(context, account, id(remoteId), {
    query: { fields: 'media_product_type' },
    sideEffect: false,
  })
  const metrics = METRICS_BY_PRODUCT[media.media_product_type ?? 'FEED'] ?? METRICS_BY_PRODUCT.FEED
  const values: Record<string, number | null> = Object.fromEntries(metrics.map((name) => [name, null]))
  const ask = async (names: string[]) => {
    const answer = await graph<InsightsAnswer>(context, account, `${id(remoteId)}/insights`, {
      query: { metric: names.join(',') },
      sideEffect: false,
    })
    for (const entry of answer.data ?? []) {
      if (entry.name in values) values[entry.name] = metricValue(entry.values?.[0]?.value)
    }
  }
  try {
    await ask(metrics)
  } catch (error) {
    if (isNotEnoughViewers(error)) return { remoteId, fetchedAt: context.now().toISOString(), values }
    if (!isInvalidMetric(error)) throw error
    // One refused metric fails the whole request: ask one by one and leave the refused ones null.
    for (const name of metrics) {
      try {
        await ask([name])
      } catch (single) {
        if (!isInvalidMetric(single) && !isNotEnoughViewers(single)) throw single
      }
    }
  }
  return { remoteId, fetchedAt: context.now().toISOString(), values }
}

/** Graph leaves out a field it does not give: that is null, never 0. */
function countOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null
}

/**
 * The reach over the last 28 days; null when Instagram has none to give (an empty data set, too
 * small an audience) or refuses the metric (#100), so the followers still come.
 */
async function readReach28Days(account: AccountCredentials, context: AdapterContext): Promise<number | null> {
  try {
    const answer = await graph<InsightsAnswer>(context, account, `${id(account.accountId)}/insights`, {
      query: { metric: 'reach', period: 'days_28' },
      sideEffect: false,
    })
    // The values run oldest first, one per day that ends a 28-day window: the last is the latest.
    const entry = (answer.data ?? []).find((item) => item.name === 'reach')
    return metricValue(entry?.values?.at(-1)?.value)
  } catch (error) {
    if (isInvalidMetric(error) || isNotEnoughViewers(error)) return null
    throw error
  }
}

async function fetchAccountMetrics(account: AccountCredentials, context: AdapterContext): Promise<AccountMetricsSnapshot> {
  const user = await graph<Record<string, unknown>>(context, account, id(account.accountId), {
    query: { fields: INSTAGRAM_ACCOUNT_FIELDS.join(',') },
    sideEffect: false,
  })
  const values: Record<string, number | null> = Object.fromEntries(INSTAGRAM_ACCOUNT_FIELDS.map((field) => [field, countOrNull(user[field])]))
  values[INSTAGRAM_REACH_28D] = await readReach28Days(account, context)
  return { fetchedAt: context.now().toISOString(), values }
}

async function moderate(commentId: string, command: ModerationCommand, account: AccountCredentials, context: AdapterContext): Promise<ModerationResult | void> {
  // A private conversation is named by its key (meta/messaging.ts): answered through the Send API.
  const person = directConversationPerson(commentId)
  if (person !== null) return actOnDirectConversation('instagram', person, command, account, context)
  const path = id(commentId)
  switch (command.action) {
    case 'hide':
    case 'unhide': {
      // Setting hide is idempotent: a lost answer is safe to retry.
      const answer = await graph<{ success?: boolean }>(context, account, path, {
        method: 'POST',
        body: new URLSearchParams({ hide: String(command.action === 'hide') }),
        sideEffect: false,
      })
      if (answer.success === false) throw refused(command.action, commentId)
      return
    }
    case 'delete': {
      try {
        const answer = await graph<{ success?: boolean }>(context, account, path, { method: 'DELETE', sideEffect: false })
        if (answer.success === false) throw refused(command.action, commentId)
      } catch (error) {
        // (#100) subcode 33: already gone — the first delete's answer was lost.
        if (error instanceof NetworkError && error.code === '100/33') return
        throw error
      }
      return
    }
    case 'reply': {
      const answer = await graph<{ id?: string }>(context, account, `${path}/replies`, {
        method: 'POST',
        body: new URLSearchParams({ message: command.text }),
        sideEffect: true,
      })
      return answer.id ? { remoteId: answer.id } : {}
    }
  }
}

function refused(action: string, commentId: string): NetworkError {
  return permanent(`instagram: ${action} on ${commentId} refused`, pluginText('networkErrors:instagram:moderationRefused'))
}

export const instagramAdapter = {
  platforms: ['instagram_feed', 'instagram_reel', 'instagram_story'] as const,
  // Instagram pulls every image and video from a URL it can reach.
  validate: (request: PublishRequest) => validatePublishRequest(request, publicUrlIssues(request)),
  publish,
  lookup,
  fetchMetrics,
  fetchAccountMetrics,
  moderate,
} satisfies NetworkAdapter
