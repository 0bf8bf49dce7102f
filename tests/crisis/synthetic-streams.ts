/**
 * Synthetic comment streams for the crisis watch, seeded so that a test sees the same stream every
 * time: Poisson arrivals following the day's rhythm in Casablanca time, a share of hostile
 * comments, a few misconceptions, authors drawn from a large public; and the episodes to detect
 * (a surge, a slow rise, one account flooding).
 */
import { toCasablancaParts } from '../../src/domain/casablanca-time'
import { seededRandom } from '../../src/infra/seeded-random'
import type { CrisisComment } from '../../plugins/campaign-ops/reporting/crisis/crisis-stream'

const hour = 3_600_000

function poisson(random: () => number, mean: number): number {
  // Knuth's method in chunks, fine for means up to a few hundred.
  let count = 0
  let remaining = mean
  while (remaining > 0) {
    const step = Math.min(remaining, 30)
    remaining -= step
    const limit = Math.exp(-step)
    let product = random()
    while (product > limit) {
      count += 1
      product *= random()
    }
  }
  return count
}

/** Comments per hour at each Casablanca hour of the day: quiet nights, a lunch and an evening peak. */
export const dailyRhythm = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.1, 1.2, 1.4, 1.3, 1.1, 1, 1, 1.1, 1.3, 1.6, 1.8, 1.6, 1.0, 0.5]

export type StreamOptions = {
  seed: number
  start: number
  hours: number
  /** Comments per hour at a rhythm of 1 (all networks). */
  perHour?: number
  hostileShare?: number
  /** Extra hostile comments per hour at a time, over the normal rate: a multiple of the rate. */
  hostileFactor?: (at: number) => number
  /** When set, every extra hostile comment comes from this one author. */
  extraAuthor?: string
}

const networks = [
  { network: 'facebook', weight: 0.55 },
  { network: 'instagram', weight: 0.25 },
  { network: 'x', weight: 0.2 },
]
const myths = [
  { myth: 'impunity', share: 0.04 },
  { myth: 'rich-buy-freedom', share: 0.03 },
  { myth: 'applies-to-all-offences', share: 0.015 },
]

function pick<T extends { weight: number }>(random: () => number, items: readonly T[]): T {
  let r = random()
  for (const item of items) if ((r -= item.weight) <= 0) return item
  return items.at(-1)!
}

/** The stream, in time order. */
export function syntheticStream(options: StreamOptions): CrisisComment[] {
  const random = seededRandom(options.seed)
  const perHour = options.perHour ?? 60
  const hostileShare = options.hostileShare ?? 0.15
  const comments: CrisisComment[] = []
  for (let index = 0; index < options.hours; index += 1) {
    const from = options.start + index * hour
    const rhythm = dailyRhythm[toCasablancaParts(new Date(from + hour / 2)).hour]!
    const normal = poisson(random, perHour * rhythm)
    const factor = options.hostileFactor?.(from + hour / 2) ?? 1
    const extra = poisson(random, perHour * rhythm * hostileShare * Math.max(0, factor - 1))
    for (let n = 0; n < normal + extra; n += 1) {
      const isExtra = n >= normal
      const hostile = isExtra || random() < hostileShare
      const categories = ['hate', 'harassment', 'defamation']
      const category = hostile ? categories[Math.floor(random() * 3)]! : random() < 0.05 ? 'spam' : null
      const mythsOf = myths.filter((entry) => random() < entry.share).map((entry) => entry.myth)
      comments.push({
        at: from + Math.floor(random() * hour),
        network: pick(random, networks).network,
        author: isExtra && options.extraAuthor ? options.extraAuthor : `author-${Math.floor(random() * 20_000)}`,
        category,
        myths: mythsOf,
      })
    }
  }
  return comments.sort((left, right) => left.at - right.at)
}
