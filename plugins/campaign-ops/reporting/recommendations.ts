/**
 * Recommendations computed from the campaign's own figures, each with the figures it comes from:
 * the best hours of the week to publish on each network, the best format for each audience, the
 * themes of the calendar's key moments that get too few posts, and the misconceptions on the rise.
 * The ranking is pure (testable on fixtures); `loadRecommendations` reads what it ranks.
 */
import { toCasablancaParts } from '../../../src/domain/casablanca-time'
import { misconceptionPrevalence, postEngagement, reportDatabase, themeCoverage } from './kpi-queries'
import type { MythWeek, PostEngagement, ThemeCoverage } from './kpi-queries'
import type { ReportFilters } from './report-filters'

/** A slot or a format needs this many measured posts before it is compared. */
export const minimumPostsToCompare = 3
/** Slots recommended per network. */
export const slotsPerNetwork = 3
/** Posts measured over at least this many days up to the period's end, so that slots and formats have enough to compare. */
export const engagementLookbackDays = 90
/** A theme with fewer posts than this share of the average over the key moments' themes is under-served. */
export const underservedShare = 0.5
/** Days after the period's end whose key moments already count (what is coming needs posts planned now). */
export const calendarHorizonDays = 14
/** A misconception is rising when its last week's prevalence reaches this multiple of the weeks before. */
export const risingFactor = 1.5
/** …and at least this many comments matched it that week. */
export const risingMinimumMatches = 3
/** Weeks compared for a rising misconception: the last one and those before it. */
export const misconceptionWeeks = 5

export type SlotRecommendation = {
  kind: 'best_slot'
  network: string
  /** 1 = Monday … 7 = Sunday, in Casablanca. */
  weekday: number
  /** Hour of the day in Casablanca (0–23). */
  hour: number
  posts: number
  medianEngagementRate: number
  networkMedianEngagementRate: number
  networkPosts: number
}

export type FormatRecommendation = {
  kind: 'best_format'
  audience: string
  format: string
  posts: number
  medianEngagementRate: number
  audienceMedianEngagementRate: number
  audiencePosts: number
}

export type ThemeRecommendation = {
  kind: 'underserved_theme'
  themeId: number
  keyMoments: number
  posts: number
  /** The average number of posts over the themes the key moments name. */
  averagePosts: number
}

export type MisconceptionRecommendation = {
  kind: 'rising_misconception'
  myth: string
  /** First day (Monday) of the week that rose. */
  week: string
  matching: number
  comments: number
  prevalence: number
  /** The prevalence over the weeks before; null when no comment was received then. */
  previousPrevalence: number | null
}

export type Recommendation = SlotRecommendation | FormatRecommendation | ThemeRecommendation | MisconceptionRecommendation

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Hours of the week already placed, by UTC hour: Casablanca's offset only changes on the hour. */
const placedHours = new Map<number, { weekday: number; hour: number }>()

/** The Casablanca hour of the week a post went out: weekday 1 (Monday) to 7, hour 0 to 23. */
export function hourOfWeek(instant: Date): { weekday: number; hour: number } {
  const utcHour = Math.floor(instant.getTime() / 3_600_000)
  const placed = placedHours.get(utcHour)
  if (placed) return placed
  const { year, month, day, hour } = toCasablancaParts(instant)
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1
  if (placedHours.size > 100_000) placedHours.clear()
  placedHours.set(utcHour, { weekday, hour })
  return { weekday, hour }
}

function measured(posts: readonly PostEngagement[]): (PostEngagement & { engagementRate: number })[] {
  return posts.filter((post): post is PostEngagement & { engagementRate: number } => post.engagementRate !== null)
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const name = key(item)
    const group = groups.get(name)
    if (group) group.push(item)
    else groups.set(name, [item])
  }
  return groups
}

/** Per network, the hours of the week whose posts had the highest median engagement, when above the network's median. */
export function bestSlots(posts: readonly PostEngagement[]): SlotRecommendation[] {
  const recommendations: SlotRecommendation[] = []
  for (const [network, networkPosts] of groupBy(measured(posts), (post) => post.network)) {
    const networkMedian = median(networkPosts.map((post) => post.engagementRate))!
    const slots = [...groupBy(networkPosts, (post) => JSON.stringify(hourOfWeek(post.publishedAt)))]
      .filter(([, slotPosts]) => slotPosts.length >= minimumPostsToCompare)
      .map(([slot, slotPosts]) => ({
        ...(JSON.parse(slot) as { weekday: number; hour: number }),
        posts: slotPosts.length,
        rate: median(slotPosts.map((post) => post.engagementRate))!,
      }))
      .filter((slot) => slot.rate > networkMedian)
      .sort((a, b) => b.rate - a.rate || b.posts - a.posts || a.weekday - b.weekday || a.hour - b.hour)
      .slice(0, slotsPerNetwork)
    for (const slot of slots) {
      recommendations.push({
        kind: 'best_slot',
        network,
        weekday: slot.weekday,
        hour: slot.hour,
        posts: slot.posts,
        medianEngagementRate: slot.rate,
        networkMedianEngagementRate: networkMedian,
        networkPosts: networkPosts.length,
      })
    }
  }
  return recommendations.sort((a, b) => a.network.localeCompare(b.network) || b.medianEngagementRate - a.medianEngagementRate)
}

/** Per audience, the format whose posts had the highest median engagement, when it beats the audience's median. */
export function bestFormats(posts: readonly PostEngagement[]): FormatRecommendation[] {
  const byAudience = new Map<string, (PostEngagement & { engagementRate: number })[]>()
  for (const post of measured(posts)) {
    for (const audience of post.audiences) {
      const group = byAudience.get(audience)
      if (group) group.push(post)
      else byAudience.set(audience, [post])
    }
  }
  const recommendations: FormatRecommendation[] = []
  for (const [audience, audiencePosts] of byAudience) {
    const audienceMedian = median(audiencePosts.map((post) => post.engagementRate))!
    const formats = [
      ...groupBy(
        audiencePosts.filter((post) => post.format),
        (post) => post.format!,
      ),
    ]
      .filter(([, formatPosts]) => formatPosts.length >= minimumPostsToCompare)
      .map(([format, formatPosts]) => ({ format, posts: formatPosts.length, rate: median(formatPosts.map((post) => post.engagementRate))! }))
      .sort((a, b) => b.rate - a.rate || b.posts - a.posts)
    const best = formats[0]
    // One format alone is not a comparison.
    if (!best || formats.length < 2 || best.rate <= audienceMedian) continue
    recommendations.push({
      kind: 'best_format',
      audience,
      format: best.format,
      posts: best.posts,
      medianEngagementRate: best.rate,
      audienceMedianEngagementRate: audienceMedian,
      audiencePosts: audiencePosts.length,
    })
  }
  return recommendations.sort((a, b) => a.audience.localeCompare(b.audience))
}

/** The themes the key moments name that have fewer than half the average number of posts. */
export function underservedThemes(coverage: readonly ThemeCoverage[]): ThemeRecommendation[] {
  if (coverage.length === 0) return []
  const averagePosts = coverage.reduce((total, theme) => total + theme.posts, 0) / coverage.length
  return coverage
    .filter((theme) => theme.posts < averagePosts * underservedShare || (averagePosts === 0 && theme.posts === 0))
    .map((theme) => ({ kind: 'underserved_theme' as const, themeId: theme.themeId, keyMoments: theme.keyMoments, posts: theme.posts, averagePosts }))
    .sort((a, b) => a.posts - b.posts || b.keyMoments - a.keyMoments || a.themeId - b.themeId)
}

/** The myths whose last week's prevalence rose to 1.5× the weeks before (or appeared), with enough matching comments. */
export function risingMisconceptions(weeks: readonly MythWeek[]): MisconceptionRecommendation[] {
  const recommendations: MisconceptionRecommendation[] = []
  for (const [myth, mythWeeks] of groupBy(weeks, (week) => week.myth)) {
    const ordered = [...mythWeeks].sort((a, b) => a.week.localeCompare(b.week))
    const last = ordered.at(-1)
    const before = ordered.slice(0, -1)
    if (!last || before.length === 0 || last.prevalence === null || last.matching < risingMinimumMatches) continue
    const comments = before.reduce((total, week) => total + week.comments, 0)
    const previousPrevalence = comments ? before.reduce((total, week) => total + week.matching, 0) / comments : null
    if (previousPrevalence !== null && previousPrevalence > 0 && last.prevalence < previousPrevalence * risingFactor) continue
    recommendations.push({
      kind: 'rising_misconception',
      myth,
      week: last.week,
      matching: last.matching,
      comments: last.comments,
      prevalence: last.prevalence,
      previousPrevalence,
    })
  }
  return recommendations.sort((a, b) => b.prevalence - a.prevalence)
}

const dayMs = 24 * 60 * 60 * 1000

/** Reads the figures the recommendations rank, for the period and filters of a report. */
export async function loadRecommendations(payload: { db: unknown }, filters: ReportFilters): Promise<Recommendation[]> {
  const db = reportDatabase(payload)
  const lookbackStart = new Date(Math.min(filters.from.getTime(), filters.to.getTime() - engagementLookbackDays * dayMs))
  const weeksStart = new Date(Math.min(filters.from.getTime(), filters.to.getTime() - misconceptionWeeks * 7 * dayMs))
  const [posts, coverage, weeks] = await Promise.all([
    postEngagement(db, { ...filters, from: lookbackStart }),
    themeCoverage(db, filters, new Date(filters.to.getTime() + calendarHorizonDays * dayMs)),
    misconceptionPrevalence(db, { ...filters, from: weeksStart }),
  ])
  // Only whole weeks: a week cut by the period's start would compare a few days with full weeks.
  const lastWeeks = [...new Set(weeks.map((week) => week.week))].sort().slice(-misconceptionWeeks)
  return [
    ...risingMisconceptions(weeks.filter((week) => lastWeeks.includes(week.week))),
    ...underservedThemes(coverage),
    ...bestSlots(posts),
    ...bestFormats(posts),
  ]
}
