/**
 * Each network names its post metrics its own way (social-apis.md §8); the KPIs of kpis.md are
 * defined over a few common components. This table says which network metric gives which
 * component. A component a network does not give is null (missing, never 0); one given by several
 * metrics (X's reposts and quotes are both shares) is their sum over those present.
 */
import type { Network } from '../networks/registry'

export const metricComponents = ['impressions', 'reach', 'reactions', 'comments', 'shares', 'saves', 'clicks', 'videoViews'] as const
export type MetricComponent = (typeof metricComponents)[number]

/** The components that make up "interactions" in kpis.md (clicks are reported apart). */
export const interactionComponents: readonly MetricComponent[] = ['reactions', 'comments', 'shares', 'saves']

export type MetricCounts = Record<MetricComponent | 'interactions', number | null>

const componentSources: Record<Network, Partial<Record<MetricComponent, readonly string[]>>> = {
  // Posts answer post_* metrics, videos (a bare id) total_video_*: a snapshot holds one or the other.
  // The API gives no comment or share count on a post; Meta Business Suite's exports do (metrics-import.ts).
  facebook: {
    impressions: ['post_media_view', 'total_video_impressions'],
    reach: ['post_total_media_view_unique'],
    reactions: ['post_reactions_by_type_total'],
    comments: ['post_comments'],
    shares: ['post_shares'],
    clicks: ['post_clicks'],
    videoViews: ['total_video_views'],
  },
  instagram: { impressions: ['views'], reach: ['reach'], reactions: ['likes'], comments: ['comments'], shares: ['shares'], saves: ['saved'] },
  x: {
    impressions: ['impression_count'],
    reactions: ['like_count'],
    comments: ['reply_count'],
    shares: ['retweet_count', 'quote_count'],
    saves: ['bookmark_count'],
    clicks: ['url_link_clicks'],
  },
  linkedin: {
    impressions: ['impressionCount'],
    reach: ['uniqueImpressionsCount'],
    reactions: ['likeCount'],
    comments: ['commentCount'],
    shares: ['shareCount'],
    clicks: ['clickCount'],
  },
  // kpis.md counts a YouTube or TikTok view as an impression, and as a video view.
  youtube: { impressions: ['viewCount'], videoViews: ['viewCount'], reactions: ['likeCount'], comments: ['commentCount'] },
  tiktok: { impressions: ['view_count'], videoViews: ['view_count'], reactions: ['like_count'], comments: ['comment_count'], shares: ['share_count'] },
}

/** Every metric name of the network that gives a component: the names an imported file may use as they are. */
export function componentMetricNames(network: Network): string[] {
  return [...new Set(Object.values(componentSources[network]).flat())]
}

/** The figures of an account as a whole (not of a post): followers, and its reach over the last 28 days. */
export const accountComponents = ['followers', 'periodReach'] as const
export type AccountComponent = (typeof accountComponents)[number]

const accountComponentSources: Record<Network, Partial<Record<AccountComponent, readonly string[]>>> = {
  facebook: { followers: ['followers_count'], periodReach: ['page_total_media_view_unique_28d'] },
  instagram: { followers: ['followers_count'], periodReach: ['reach_28d'] },
  x: { followers: ['followers_count'] },
  linkedin: { followers: ['followers_count'] },
  youtube: { followers: ['subscriberCount'] },
  tiktok: { followers: ['follower_count'] },
}

/** The account-level components of one account snapshot's values. */
export function accountCounts(network: Network, values: Record<string, unknown>): Record<AccountComponent, number | null> {
  const sources = accountComponentSources[network]
  return Object.fromEntries(
    accountComponents.map((component) => [component, sumOfPresent((sources[component] ?? []).map((name) => values[name] as number | null | undefined))]),
  ) as Record<AccountComponent, number | null>
}

/** Sum of the present values, or null when none is present. */
function sumOfPresent(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value))
  return present.length ? present.reduce((sum, value) => sum + value, 0) : null
}

/** The components of one snapshot's values; interactions are the sum of the components present. */
export function metricCounts(network: Network, values: Record<string, unknown>): MetricCounts {
  const sources = componentSources[network]
  const counts = Object.fromEntries(
    metricComponents.map((component) => [component, sumOfPresent((sources[component] ?? []).map((name) => values[name] as number | null | undefined))]),
  ) as Record<MetricComponent, number | null>
  return { ...counts, interactions: sumOfPresent(interactionComponents.map((component) => counts[component])) }
}
