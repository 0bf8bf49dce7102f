/**
 * The crisis watch's statistics (domain.md §5), pure: comment counts in 10-minute bins, an
 * expected count for each bin from the same Casablanca time of week (±1 hour) over the baseline
 * days, then two rules per series:
 *  - `crisis`: the last hour far above its expected count (z-score over a Poisson variance
 *    widened by the series' own dispersion; the Poisson tail probability while data is short);
 *  - `watch`: the last hours (the sustained window) steadily above it — a slow rise.
 * Both need a minimum count, a multiple of the expected count, a minimum of distinct authors and
 * a risen share of all comments. The live job and `npm run crisis:replay` feed it the same way.
 */
import { toCasablancaParts } from '../../../../src/domain/casablanca-time'
import type { CrisisLevel, CrisisParameters } from './crisis-parameters'

export const binMs = 10 * 60_000
const binsPerHour = 6
const slotsPerDay = 24 * binsPerHour
/** ±30 minutes of the same time of day: the neighbours that smooth the expected count. */
const neighbourSlots = binsPerHour / 2
/** The baseline is made again every 6 hours. */
const baselineStepBins = 6 * binsPerHour
/** Before a day of history, nothing is said: there is no day's shape to compare with. */
const minimumHistoryMs = 24 * 3_600_000
/** The smallest expected count of a bin (0.1 an hour): a series never seen is not "infinitely" surprising. */
const minimumBinExpected = 0.1 / binsPerHour

/** One comment of the last hours, for the distinct authors of a window. */
export type RecentComment = { at: number; author: string; series: readonly string[] }

export type CrisisInput = {
  /** The instant of the look: the windows end at the last whole bin before it. */
  now: number
  /** The start of the first bin (a multiple of `binMs`); bins run up to `now`. */
  startMs: number
  /** Each series: its scope (whose comments its share is of) and its count per bin. */
  series: ReadonlyMap<string, { scope: string; counts: ArrayLike<number> }>
  /** Each scope's comments per bin, all kinds of comments. */
  totals: ReadonlyMap<string, ArrayLike<number>>
  /** Each scope's first comment ever (ms): the baseline cannot be older. */
  firstSeen: ReadonlyMap<string, number>
  /** The comments of the last sustained window with their series, for counting distinct authors. */
  recent: readonly RecentComment[]
  /** Baselines kept between looks at the same stream (a replay looks every 10 minutes). */
  baselineCache?: Map<string, Baseline>
}

export type CrisisSignal = {
  series: string
  level: CrisisLevel
  /** `hour`: the last hour; `sustained`: the last `watchWindowHours`. */
  window: 'hour' | 'sustained'
  method: 'poisson' | 'zscore'
  windowStart: number
  windowEnd: number
  observed: number
  expected: number
  z: number | null
  probability: number
  authors: number
  share: number | null
  baselineShare: number | null
}

/** The Casablanca time of week and of day of a bin, in 10-minute slots (Monday 00:00 is 0), whatever the clocks do. */
export function slotsOf(binStart: number): { week: number; day: number } {
  const parts = toCasablancaParts(new Date(binStart))
  // Monday = 0, as the campaign's weeks start on Monday.
  const weekday = (new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() + 6) % 7
  const day = parts.hour * binsPerHour + Math.floor(parts.minute / 10)
  return { week: weekday * slotsPerDay + day, day }
}

/**
 * Slots of a stream's bins, kept per stream start and grown as the stream goes: the clocks are
 * read once per hour (Casablanca's offsets change on the hour), the hour's bins follow on.
 */
type SlotTable = { week: Int16Array; day: Int16Array }
type GrowingSlots = SlotTable & { startMs: number; filled: number }
const slotTables: GrowingSlots[] = []

function slotTable(startMs: number, bins: number): SlotTable {
  let table = slotTables.find((candidate) => candidate.startMs === startMs)
  if (!table) {
    table = { startMs, week: new Int16Array(1024), day: new Int16Array(1024), filled: 0 }
    slotTables.unshift(table)
    if (slotTables.length > 8) slotTables.pop()
  }
  if (bins > table.week.length) {
    const capacity = Math.max(bins, table.week.length * 2)
    const week = new Int16Array(capacity)
    const day = new Int16Array(capacity)
    week.set(table.week.subarray(0, table.filled))
    day.set(table.day.subarray(0, table.filled))
    table.week = week
    table.day = day
  }
  let hourStart = Number.NaN
  let slots = { week: 0, day: 0 }
  for (let index = table.filled; index < bins; index += 1) {
    const binStart = startMs + index * binMs
    const hour = Math.floor(binStart / 3_600_000) * 3_600_000
    if (hour !== hourStart) {
      hourStart = hour
      slots = slotsOf(hour)
    }
    const offset = (binStart - hour) / binMs
    table.week[index] = slots.week + offset
    table.day[index] = slots.day + offset
  }
  table.filled = Math.max(table.filled, bins)
  return table
}

/** ln(k!) by summing logs, cached: counts stay in the thousands. */
const logFactorials: number[] = [0]
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i += 1) logFactorials[i] = logFactorials[i - 1]! + Math.log(i)
  return logFactorials[k]!
}

/** P(X ≥ x) for X ~ Poisson(mean), summed from x upwards in log space (exact in the far tail). */
export function poissonTail(x: number, mean: number): number {
  if (x <= 0) return 1
  if (mean <= 0) return 0
  let total = 0
  for (let k = x; k < x + 10_000; k += 1) {
    const term = Math.exp(-mean + k * Math.log(mean) - logFactorial(k))
    total += term
    if (k > mean && term < total * 1e-12) break
  }
  return Math.min(1, total)
}

/** The one-sided normal tail beyond `sigma` standard deviations (3σ ≈ 0.00135). */
export function normalTail(sigma: number): number {
  // Abramowitz–Stegun 7.1.26 for erfc, ample for thresholds.
  const x = sigma / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * x)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  return 0.5 * poly * Math.exp(-x * x)
}

export type Baseline = {
  warmUp: boolean
  /** The expected count of bin `index`. */
  expected: (index: number) => number
  /** The relative variance of the expected count itself (how few comments it rests on). */
  uncertainty: (index: number) => number
  dispersion: number
  share: number | null
}

/** Weekday factors are pulled towards 1 as if each weekday had this many more comments at the usual level. */
const weekdayPrior = 50

/**
 * The expected count per bin: the day's shape (the baseline days' same Casablanca time of day,
 * ±1 hour) times the weekday's level (its own comments over what the shape expected, pulled
 * towards 1 while it has few) — an hour-of-week baseline that two weeks of data can carry.
 * While warming up, the shape alone.
 */
function baselineOf(counts: ArrayLike<number>, totals: ArrayLike<number> | undefined, slots: SlotTable, from: number, to: number, warmUp: boolean): Baseline {
  const sums = new Float64Array(slotsPerDay)
  const samples = new Float64Array(slotsPerDay)
  let sum = 0
  let total = 0
  for (let index = from; index < to; index += 1) {
    const slot = slots.day[index]!
    sums[slot]! += counts[index]!
    samples[slot]! += 1
    sum += counts[index]!
    total += totals?.[index] ?? 0
  }
  const overall = to > from ? sum / (to - from) : 0
  const shape = new Float64Array(slotsPerDay)
  const shapeCounts = new Float64Array(slotsPerDay)
  for (let slot = 0; slot < slotsPerDay; slot += 1) {
    let s = 0
    let n = 0
    for (let offset = -neighbourSlots; offset <= neighbourSlots; offset += 1) {
      const other = (slot + offset + slotsPerDay) % slotsPerDay
      s += sums[other]!
      n += samples[other]!
    }
    shape[slot] = Math.max(n > 0 ? s / n : overall, minimumBinExpected)
    shapeCounts[slot] = s
  }
  const weekday = new Float64Array(7).fill(1)
  const weekdayCounts = new Float64Array(7).fill(Infinity)
  if (!warmUp) {
    const observed = new Float64Array(7)
    const expected = new Float64Array(7)
    for (let index = from; index < to; index += 1) {
      const day = Math.floor(slots.week[index]! / slotsPerDay)
      observed[day]! += counts[index]!
      expected[day]! += shape[slots.day[index]!]!
    }
    for (let day = 0; day < 7; day += 1) {
      weekday[day] = (observed[day]! + weekdayPrior) / (expected[day]! + weekdayPrior)
      weekdayCounts[day] = observed[day]! + weekdayPrior
    }
  }
  const expected = (index: number) => shape[slots.day[index]!]! * weekday[Math.floor(slots.week[index]! / slotsPerDay)]!
  // Dispersion: how much the baseline's hours stray from their expected count beyond Poisson noise.
  let dispersion = 1
  if (!warmUp) {
    let squares = 0
    let hours = 0
    for (let start = from; start + binsPerHour <= to; start += binsPerHour) {
      let observed = 0
      let mean = 0
      for (let index = start; index < start + binsPerHour; index += 1) {
        observed += counts[index]!
        mean += expected(index)
      }
      squares += (observed - mean) ** 2 / mean
      hours += 1
    }
    if (hours > 0) dispersion = Math.max(1, squares / hours)
  }
  const uncertainty = (index: number) => 1 / Math.max(1, shapeCounts[slots.day[index]!]!) + 1 / weekdayCounts[Math.floor(slots.week[index]! / slotsPerDay)]!
  return { warmUp, expected, uncertainty, dispersion, share: total > 0 ? sum / total : null }
}

/** The z beyond which the normal tail is `probability` (bisection: thresholds only). */
function sigmaOfTail(probability: number): number {
  let low = 0
  let high = 12
  for (let step = 0; step < 60; step += 1) {
    const middle = (low + high) / 2
    if (normalTail(middle) > probability) low = middle
    else high = middle
  }
  return high
}

/** The watch looks every 10 minutes. */
export const looksPerDay = 144

/**
 * The tail probability a window must be under for a level of `sigma`: the levels are those of the
 * whole watch's day (3σ: once in ~740 steady days), shared among the day's looks and the series
 * watched — looking at every series every 10 minutes, a steady day must not raise the alarm any
 * more often than the level says (Bonferroni: the looks overlap, so it errs on the quiet side).
 */
export function lookTail(sigma: number, seriesCount: number): number {
  return normalTail(sigma) / looksPerDay / Math.max(1, seriesCount)
}

function distinctAuthors(recent: readonly RecentComment[], series: string, from: number, to: number): number {
  const authors = new Set<string>()
  for (const comment of recent) if (comment.at >= from && comment.at < to && comment.series.includes(series)) authors.add(comment.author)
  return authors.size
}

/** A series read against its baseline at the input's instant: the bins up to `end`, and what each was expected to hold. */
export type SeriesReading = { end: number; binStart: (index: number) => number; baseline: Baseline; counts: ArrayLike<number>; totals?: ArrayLike<number> }

/** The series' baseline at the input's instant, or null while there is too little history. */
export function readSeries(input: CrisisInput, key: string, parameters: CrisisParameters): SeriesReading | null {
  const { scope, counts } = input.series.get(key)!
  const totals = input.totals.get(scope)
  const firstSeen = input.firstSeen.get(scope)
  const end = Math.floor((Math.floor(input.now / binMs) * binMs - input.startMs) / binMs)
  if (firstSeen === undefined || end <= 0) return null
  const history = input.now - firstSeen
  if (history < minimumHistoryMs) return null
  const binStart = (index: number) => input.startMs + index * binMs
  const sustainedBins = parameters.watchWindowHours * binsPerHour
  // The baseline stops before the sustained window starts, so that a rise does not raise its own
  // bar; on a multiple of 6 hours, so that it is made four times a day (two weeks hardly move in 6 hours).
  const startBin = input.startMs / binMs
  const baselineEnd = Math.max(0, Math.floor((startBin + end - sustainedBins) / baselineStepBins) * baselineStepBins - startBin)
  const firstBin = Math.max(0, Math.floor((firstSeen - input.startMs) / binMs), baselineEnd - parameters.baselineDays * slotsPerDay)
  if (baselineEnd - firstBin < binsPerHour) return null
  const warmUp = history < parameters.warmUpDays * 86_400_000
  const cacheKey = `${key}|${input.startMs}|${firstBin}|${baselineEnd}|${warmUp}`
  // Every look extends the slots to its last bin: a baseline made earlier in the hour reads them.
  const slots = slotTable(input.startMs, end + 1)
  const baseline = input.baselineCache?.get(cacheKey) ?? baselineOf(counts, totals, slots, firstBin, baselineEnd, warmUp)
  input.baselineCache?.set(cacheKey, baseline)
  return { end, binStart, baseline, counts, totals }
}

/** What one series says now, if anything: the worse of the two rules. */
function detectSeries(input: CrisisInput, key: string, parameters: CrisisParameters): CrisisSignal | null {
  const reading = readSeries(input, key, parameters)
  if (!reading) return null
  const { end, binStart, baseline, counts, totals } = reading
  const sustainedBins = parameters.watchWindowHours * binsPerHour

  const measure = (bins: number, window: CrisisSignal['window'], sigma: number, multiplier: number, level: CrisisLevel): CrisisSignal | null => {
    const from = Math.max(0, end - bins)
    let observed = 0
    let expected = 0
    let uncertainty = 0
    let total = 0
    for (let index = from; index < end; index += 1) {
      observed += counts[index]!
      expected += baseline.expected(index)
      uncertainty = Math.max(uncertainty, baseline.uncertainty(index))
      total += totals?.[index] ?? 0
    }
    if (observed < parameters.minimumCount || observed < multiplier * expected) return null
    if (window === 'sustained') {
      // A rise is still going on: its last hour is above the bar too (not the echo of a past spike).
      let lastObserved = 0
      let lastExpected = 0
      for (let index = Math.max(0, end - binsPerHour); index < end; index += 1) {
        lastObserved += counts[index]!
        lastExpected += baseline.expected(index)
      }
      if (lastObserved < multiplier * lastExpected) return null
    }
    const share = total > 0 ? observed / total : null
    if (baseline.share !== null && share !== null && share < parameters.shareRise * baseline.share) return null
    // Over-dispersed series (quasi-Poisson): counts and mean scaled down by the dispersion; the
    // expected count's own uncertainty (few comments behind it) widens the variance, and its
    // upper bound (+2 standard errors) is what the tail probability is taken against.
    const upper = expected * (1 + 2 * Math.sqrt(uncertainty))
    const probability = poissonTail(Math.round(observed / baseline.dispersion), upper / baseline.dispersion)
    const variance = baseline.dispersion * expected + expected * expected * uncertainty
    const z = baseline.warmUp ? null : (observed - expected) / Math.sqrt(variance)
    const tail = lookTail(sigma, input.series.size)
    const beyond = z === null ? probability < tail : z >= sigmaOfTail(tail) && probability < tail
    if (!beyond) return null
    const windowStart = binStart(from)
    const windowEnd = binStart(end)
    const authors = distinctAuthors(input.recent, key, windowStart, windowEnd)
    if (authors < parameters.minimumAuthors) return null
    return {
      series: key,
      level,
      window,
      method: baseline.warmUp ? 'poisson' : 'zscore',
      windowStart,
      windowEnd,
      observed,
      expected,
      z,
      probability,
      authors,
      share,
      baselineShare: baseline.share,
    }
  }
  return (
    measure(binsPerHour, 'hour', parameters.crisisSigma, parameters.multiplier, 'crisis') ??
    measure(sustainedBins, 'sustained', parameters.watchSigma, parameters.watchMultiplier, 'watch')
  )
}

/** Every series' signal now, worst first. */
export function detectCrises(input: CrisisInput, parameters: CrisisParameters): CrisisSignal[] {
  const signals: CrisisSignal[] = []
  for (const key of input.series.keys()) {
    const signal = detectSeries(input, key, parameters)
    if (signal) signals.push(signal)
  }
  return signals.sort((left, right) => (left.level === right.level ? (right.z ?? 0) - (left.z ?? 0) : left.level === 'crisis' ? -1 : 1))
}

/** The last alert a series raised, as far as the cooldown is concerned. */
export type PreviousAlert = { level: CrisisLevel; lastSignalAt: number; open: boolean }

/**
 * What to do with a signal given the series' last alert: while that alert is open the episode
 * goes on (`continue`; `escalate` it when a watch becomes a crisis); once it is closed, a new
 * alert is raised for a worse level at once, for the same level only after `cooldownHours`
 * without a signal.
 */
export function alertDecision(
  signal: CrisisSignal,
  previous: PreviousAlert | null,
  now: number,
  parameters: CrisisParameters,
): 'raise' | 'escalate' | 'continue' {
  if (!previous) return 'raise'
  const worse = previous.level === 'watch' && signal.level === 'crisis'
  if (previous.open) return worse ? 'escalate' : 'continue'
  if (worse) return 'raise'
  return now - previous.lastSignalAt >= parameters.cooldownHours * 3_600_000 ? 'raise' : 'continue'
}
