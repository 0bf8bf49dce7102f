/**
 * Casablanca days, weeks and months as UTC instants, computed with Node's time zone data (the
 * same that places every scheduled post) and handed to SQL as boundaries. PostgreSQL's own
 * `AT TIME ZONE` is not used: it reads the system's tzdata, which may be older (Debian 12's 2025b
 * keeps Morocco on UTC+1 after October 2026, Node's 2026c does not), and a report must cut its
 * days where the rest of Badil does.
 */
import { casablancaWallTimeToUtc, toCasablancaParts } from '../../../src/domain/casablanca-time'

export const timeBuckets = ['day', 'week', 'month'] as const
export type TimeBucket = (typeof timeBuckets)[number]

/** A civil date as `YYYY-MM-DD`. */
export type CivilDate = string

function civil(year: number, month: number, day: number): CivilDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)
}

function parts(date: CivilDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number)
  return { year: year!, month: month!, day: day! }
}

/** The day `days` after `date` (before, when negative). */
export function addDays(date: CivilDate, days: number): CivilDate {
  const { year, month, day } = parts(date)
  return civil(year, month, day + days)
}

/** Days from `from` to `to` (0 for the same day). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  const at = (date: CivilDate) => Date.parse(`${date}T00:00:00Z`)
  return Math.round((at(to) - at(from)) / 86_400_000)
}

/** True for a `YYYY-MM-DD` that names a day of the calendar (no 30 February). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const { year, month, day } = parts(value)
  return civil(year, month, day) === value
}

/** The Casablanca day an instant falls on. */
export function casablancaDayOf(instant: Date): CivilDate {
  const { year, month, day } = toCasablancaParts(instant)
  return civil(year, month, day)
}

/** The instant a Casablanca day starts. */
export function casablancaMidnight(date: CivilDate): Date {
  return casablancaWallTimeToUtc({ ...parts(date), hour: 0, minute: 0 })
}

/** The first day of the bucket a day belongs to (weeks start on Monday). */
function bucketStart(date: CivilDate, bucket: TimeBucket): CivilDate {
  const { year, month, day } = parts(date)
  if (bucket === 'month') return civil(year, month, 1)
  if (bucket === 'week') {
    const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7
    return civil(year, month, day - weekday)
  }
  return date
}

function nextBucket(date: CivilDate, bucket: TimeBucket): CivilDate {
  const { year, month, day } = parts(date)
  if (bucket === 'month') return civil(year, month + 1, 1)
  return civil(year, month, day + (bucket === 'week' ? 7 : 1))
}

export type Buckets = {
  /** First day of each bucket. */
  labels: CivilDate[]
  /** The instants each bucket starts at, then the end of the last: labels.length + 1 sorted boundaries. */
  boundaries: Date[]
}

/** The buckets covering [from, to): the first may start before `from` (a week's Monday, a month's first day). */
export function bucketsOf(from: Date, to: Date, bucket: TimeBucket): Buckets {
  const lastDay = casablancaDayOf(new Date(to.getTime() - 1))
  const labels: CivilDate[] = []
  for (let start = bucketStart(casablancaDayOf(from), bucket); start <= lastDay; start = nextBucket(start, bucket)) labels.push(start)
  const boundaries = [...labels, nextBucket(labels.at(-1)!, bucket)].map(casablancaMidnight)
  return { labels, boundaries }
}

/** How often a periodic report covers and is sent. */
export const reportFrequencies = ['weekly', 'monthly'] as const
export type ReportFrequency = (typeof reportFrequencies)[number]

/** The last whole week (Monday to Sunday) or month, in Casablanca days, before the day `now` falls on. */
export function lastCompletePeriod(frequency: ReportFrequency, now: Date): { from: CivilDate; to: CivilDate } {
  const start = bucketStart(casablancaDayOf(now), frequency === 'weekly' ? 'week' : 'month')
  const to = addDays(start, -1)
  return { from: bucketStart(to, frequency === 'weekly' ? 'week' : 'month'), to }
}

/** The hour (Casablanca) from which the report of a period ended the day before is sent: the night's metrics pulls have run. */
export const periodicReportHour = 7

/** When the report of a period ending on `to` is due. */
export function periodicReportDueAt(to: CivilDate): Date {
  const { year, month, day } = parts(addDays(to, 1))
  return casablancaWallTimeToUtc({ year, month, day, hour: periodicReportHour, minute: 0 })
}
