import type { AdminLanguage } from '../i18n/catalogue'
/**
 * Scheduling times are stored in UTC and shown and entered in Morocco's time.
 *
 * Morocco sets its clocks from government decisions (UTC+1 most of the year, UTC+0 around
 * Ramadan, and the rules have changed before), so no offset is written here: every
 * conversion asks the runtime's time zone database (Intl, zone Africa/Casablanca). Keeping
 * Node's ICU data current is what keeps these conversions right.
 */

export const casablancaTimeZone = 'Africa/Casablanca'

/** Casablanca times are written for a reader of the admin, in their language. */
export type DisplayLocale = AdminLanguage

export interface CasablancaParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Minutes to add to UTC to get Casablanca time (60 for UTC+1, 0 for UTC+0). */
  offsetMinutes: number
}

export interface CasablancaWallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second?: number
}

/**
 * - `exact`: the wall time exists once;
 * - `repeated`: clocks went back and it happened twice: the first (earlier) instant is chosen;
 * - `skipped`: clocks went forward over it: it is moved forward by the length of the jump
 *   (02:30 in a 02:00→03:00 jump becomes 03:30).
 * This is the "compatible" rule of Temporal and of most calendar software.
 */
export type WallTimeKind = 'exact' | 'repeated' | 'skipped'

export interface WallTimeResolution {
  utc: Date
  kind: WallTimeKind
}

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: casablancaTimeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
})

// Moroccan conventions: day/month/year, 24-hour clock, Western digits in Arabic too.
const displayLocaleTags: Record<DisplayLocale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }

const displayFormatters: Record<DisplayLocale, Intl.DateTimeFormat> = {
  fr: displayFormatter('fr'),
  ar: displayFormatter('ar'),
  en: displayFormatter('en'),
}

function displayFormatter(locale: DisplayLocale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(displayLocaleTags[locale], {
    timeZone: casablancaTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    numberingSystem: 'latn',
  })
}

function toValidDate(date: Date | string): Date {
  const parsed = typeof date === 'string' ? new Date(date) : date
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`Invalid date: ${String(date)}`)
  return parsed
}

/** Milliseconds of a wall time read as if it were UTC (years below 100 included). */
function wallTimeAsUtcMilliseconds(wall: Required<CasablancaWallTime>): number {
  const date = new Date(0)
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day)
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0)
  return date.getTime()
}

export function toCasablancaParts(date: Date | string): CasablancaParts {
  const instant = toValidDate(date)
  const values: Record<string, number> = {}
  for (const part of partsFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value)
  }
  const wall = {
    year: values.year ?? NaN,
    month: values.month ?? NaN,
    day: values.day ?? NaN,
    hour: (values.hour ?? NaN) % 24, // some engines print midnight as 24 even with h23
    minute: values.minute ?? NaN,
    second: values.second ?? NaN,
  }
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000
  const offsetMinutes = Math.round((wallTimeAsUtcMilliseconds(wall) - wholeSeconds) / 60_000)
  return { ...wall, offsetMinutes }
}

export function casablancaOffsetMinutes(date: Date): number {
  return toCasablancaParts(date).offsetMinutes
}

/** "+01:00", "+00:00", "-01:30". */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+'
  const absolute = Math.abs(offsetMinutes)
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0')
  const minutes = String(absolute % 60).padStart(2, '0')
  return `${sign}${hours}:${minutes}`
}

/**
 * Date and time in Casablanca, 24-hour clock, followed by the UTC offset in force so that a
 * reader sees when Ramadan time applies: "15/02/2026 14:30 (UTC+00:00)".
 */
export function formatInCasablanca(date: Date | string, locale: DisplayLocale): string {
  const instant = toValidDate(date)
  const offset = `UTC${formatUtcOffset(casablancaOffsetMinutes(instant))}`
  // In Arabic text the offset is isolated left-to-right so its sign stays in front.
  const shownOffset = locale === 'ar' ? `\u2066${offset}\u2069` : offset
  return `${displayFormatters[locale].format(instant)} (${shownOffset})`
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month, 0)
  return date.getUTCDate()
}

function checkWallTime(wall: CasablancaWallTime): Required<CasablancaWallTime> {
  const complete = { ...wall, second: wall.second ?? 0 }
  const inRange = (value: number, low: number, high: number) => Number.isInteger(value) && value >= low && value <= high
  const valid =
    Number.isInteger(complete.year) &&
    inRange(complete.month, 1, 12) &&
    inRange(complete.day, 1, inRange(complete.month, 1, 12) ? daysInMonth(complete.year, complete.month) : 31) &&
    inRange(complete.hour, 0, 23) &&
    inRange(complete.minute, 0, 59) &&
    inRange(complete.second, 0, 59)
  if (!valid) throw new RangeError(`Invalid wall time: ${JSON.stringify(wall)}`)
  return complete
}

function showsWallTime(instant: number, wall: Required<CasablancaWallTime>): boolean {
  const parts = toCasablancaParts(new Date(instant))
  return (
    parts.year === wall.year &&
    parts.month === wall.month &&
    parts.day === wall.day &&
    parts.hour === wall.hour &&
    parts.minute === wall.minute &&
    parts.second === wall.second
  )
}

const oneDay = 24 * 60 * 60 * 1000

/**
 * The UTC instant of a Casablanca wall time, and whether a clock change made it repeated or
 * skipped (see WallTimeKind for the rule applied). The offsets in force a day before and a
 * day after are the only candidates: Morocco's clock changes are weeks apart.
 */
export function resolveCasablancaWallTime(wall: CasablancaWallTime): WallTimeResolution {
  const checked = checkWallTime(wall)
  const asUtc = wallTimeAsUtcMilliseconds(checked)
  const offsetBefore = casablancaOffsetMinutes(new Date(asUtc - oneDay))
  const offsetAfter = casablancaOffsetMinutes(new Date(asUtc + oneDay))
  const candidates = [...new Set([offsetBefore, offsetAfter])].map((offset) => asUtc - offset * 60_000)
  const matches = candidates.filter((instant) => showsWallTime(instant, checked)).sort((a, b) => a - b)
  const [first] = matches
  if (first !== undefined) return { utc: new Date(first), kind: matches.length > 1 ? 'repeated' : 'exact' }
  // Skipped: read with the offset of before the jump, which lands after it.
  return { utc: new Date(asUtc - offsetBefore * 60_000), kind: 'skipped' }
}

export function casablancaWallTimeToUtc(wall: CasablancaWallTime): Date {
  return resolveCasablancaWallTime(wall).utc
}

/** The first instant after `after` at which Casablanca's clock shows hour:minute (clock changes included). */
export function nextCasablancaClockTime(hour: number, minute: number, after: Date): Date {
  const today = toCasablancaParts(after)
  for (let days = 0; days <= 2; days += 1) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days))
    const candidate = casablancaWallTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute })
    if (candidate.getTime() > after.getTime()) return candidate
  }
  throw new RangeError(`No ${hour}:${minute} in Casablanca within two days of ${after.toISOString()}`)
}
