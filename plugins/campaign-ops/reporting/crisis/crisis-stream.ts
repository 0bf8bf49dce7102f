/**
 * Comments gathered into the detector's series, as they come: a hostile series overall and per
 * network (its share is of that network's comments), and one series per misconception (its share
 * is of all comments). An author counts once per series and 10 minutes: one account posting in
 * a loop is one voice. The replay feeds it a recorded stream; the tests, synthetic ones.
 */
import { binMs } from './detector'
import type { CrisisInput, RecentComment } from './detector'
import type { CrisisParameters } from './crisis-parameters'

/** One comment as the crisis watch sees it: when, where, who (pseudonym), its category and myths. */
export type CrisisComment = { at: number; network: string; author: string; category: string | null; myths: readonly string[] }

export const overallScope = 'all'
export const hostileSeries = (scope: string) => `hostile:${scope}`
export const mythSeries = (myth: string) => `myth:${myth}`

/** The series a comment counts in. */
export function seriesOfComment(comment: CrisisComment, hostileCategories: readonly string[]): string[] {
  const series = comment.category !== null && hostileCategories.includes(comment.category) ? [hostileSeries(overallScope), hostileSeries(comment.network)] : []
  for (const myth of comment.myths) series.push(mythSeries(myth))
  return series
}

/** Counts per bin that grow as time goes (doubling), read without copying. */
class BinCounts {
  values = new Float64Array(1024)
  add(index: number) {
    if (index >= this.values.length) {
      const grown = new Float64Array(Math.max(this.values.length * 2, index + 1))
      grown.set(this.values)
      this.values = grown
    }
    this.values[index]! += 1
  }
  /** The first `bins` counts (zeros past the last comment). */
  upTo(bins: number): Float64Array {
    if (bins > this.values.length) {
      const grown = new Float64Array(Math.max(bins, this.values.length * 2))
      grown.set(this.values)
      this.values = grown
    }
    return this.values.subarray(0, bins)
  }
}

export class CrisisStream {
  private startMs: number | null = null
  private readonly series = new Map<string, { scope: string; counts: BinCounts }>()
  private readonly totals = new Map<string, BinCounts>()
  private readonly firstSeen = new Map<string, number>()
  private recent: RecentComment[] = []
  /** The last bin each author counted in, per series: an author counts once per 10 minutes. */
  private readonly counted = new Map<string, number>()

  constructor(private readonly parameters: CrisisParameters) {}

  private bin(at: number): number {
    if (this.startMs === null) this.startMs = Math.floor(at / binMs) * binMs
    return Math.floor((at - this.startMs) / binMs)
  }

  private track(key: string, scope: string) {
    let entry = this.series.get(key)
    if (!entry) this.series.set(key, (entry = { scope, counts: new BinCounts() }))
    return entry
  }

  /** Adds one comment (in time order). */
  add(comment: CrisisComment): void {
    const index = this.bin(comment.at)
    if (index < 0) return
    for (const scope of [overallScope, comment.network]) {
      if (!this.firstSeen.has(scope)) this.firstSeen.set(scope, comment.at)
      let totals = this.totals.get(scope)
      if (!totals) this.totals.set(scope, (totals = new BinCounts()))
      totals.add(index)
    }
    // A network's hostile series exists from its first comment, hostile or not.
    this.track(hostileSeries(overallScope), overallScope)
    this.track(hostileSeries(comment.network), comment.network)
    const series = seriesOfComment(comment, this.parameters.hostileCategories)
    for (const key of series) {
      const entry = this.track(key, key.startsWith('myth:') ? overallScope : key.slice('hostile:'.length))
      const mark = `${key}|${comment.author}`
      if (this.counted.get(mark) === index) continue
      if (this.counted.size > 200_000) this.counted.clear()
      this.counted.set(mark, index)
      entry.counts.add(index)
    }
    if (series.length > 0) this.recent.push({ at: comment.at, author: comment.author, series })
  }

  /** What the detector reads at `now`: every bin up to now (missing bins are zeros). */
  inputAt(now: number): CrisisInput {
    const bins = this.startMs === null ? 0 : Math.max(0, Math.floor((now - this.startMs) / binMs) + 1)
    const keep = now - this.parameters.watchWindowHours * 3_600_000 - binMs
    const kept = this.recent.findIndex((comment) => comment.at >= keep)
    this.recent = kept < 0 ? [] : this.recent.slice(kept)
    return {
      now,
      startMs: this.startMs ?? now,
      series: new Map([...this.series].map(([key, entry]) => [key, { scope: entry.scope, counts: entry.counts.upTo(bins) }])),
      totals: new Map([...this.totals].map(([scope, values]) => [scope, values.upTo(bins)])),
      firstSeen: this.firstSeen,
      recent: this.recent,
    }
  }
}
