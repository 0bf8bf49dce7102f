/**
 * The editorial calendar as data: Casablanca days, the variants planned on them, the key moments
 * they fall in, and what deserves a warning. Pure functions: the endpoints fetch, this arranges.
 */

import type { ContentItem, KeyMoment, PlatformVariant } from '../../payload-types'
import { casablancaTimeZone, casablancaWallTimeToUtc, formatUtcOffset, toCasablancaParts } from '../domain/casablanca-time'
import { platformLimits } from '../domain/platform-limits'
import type { Platform } from '../domain/platform-limits'
import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

export type Id = number | string
type Ref = Id | { id: Id }

/** `YYYY-MM-DD`, a civil date (no time zone attached). */
export type CivilDate = string

// The one text-in-three-languages type, named here too for the calendar's readers.
export type { Localized }

/** A fixed colour per platform, dark enough to carry white text. */
export const platformColours: Record<Platform, string> = {
  facebook: '#1565C0',
  instagram_feed: '#AD1457',
  instagram_reel: '#6A1B9A',
  instagram_story: '#C2185B',
  x: '#212121',
  linkedin: '#0A66C2',
  youtube: '#C62828',
  youtube_short: '#8E0000',
  tiktok: '#00695C',
}
const unknownPlatformColour = '#546E7A'

export const sameSlotWindowMinutes = 60

/** What the calendar reads of the stored documents (the endpoints select these fields). */
export type KeyMomentInput = Pick<KeyMoment, 'id' | 'title' | 'startsOn' | 'endsOn' | 'priority'>
export type VariantInput = Pick<PlatformVariant, 'id' | 'contentItem' | 'platform' | 'language' | 'scheduledAt' | 'publicationState'>
export type ContentItemInput = Pick<ContentItem, 'id' | 'title' | 'themes' | 'audiences' | 'keyMoment'>

/** Within a filter any listed value matches; across filters all must. Empty or absent: no filter. */
export interface CalendarFilters {
  platform?: string[]
  theme?: Id[]
  audience?: string[]
  language?: string[]
}

export interface CalendarEntry {
  variantId: Id
  contentItemId: Id
  title: string
  platform: string
  language: string
  state: string
  scheduledAt: string
  localDate: CivilDate
  localTime: string
  colour: string
}

export interface CalendarDay {
  date: CivilDate
  /** Offset in force at noon, Casablanca time (a clock change happens at night). */
  utcOffset: string
  keyMoments: Id[]
  entries: CalendarEntry[]
}

export interface CalendarKeyMoment {
  id: Id
  title: string
  startsOn: CivilDate
  endsOn: CivilDate
  priority: string
  /** Variants of the moment's content items planned within its days, whatever the filters. */
  planned: number
}

export type CalendarWarningCode = 'same_platform_within_hour' | 'key_moment_unplanned'

export interface CalendarWarning {
  code: CalendarWarningCode
  message: Localized
  variantIds?: Id[]
  keyMomentId?: Id
}

export interface CalendarData {
  range: { from: string; to: string; timeZone: typeof casablancaTimeZone }
  days: CalendarDay[]
  entries: CalendarEntry[]
  keyMoments: CalendarKeyMoment[]
  warnings: CalendarWarning[]
}

export interface BuildCalendarInput {
  /** First instant shown (inclusive). */
  from: Date
  /** End of the range (exclusive). */
  to: Date
  keyMoments: KeyMomentInput[]
  /** May reach beyond the range: variants outside it count for key moments and conflicts only. */
  variants: VariantInput[]
  items: ContentItemInput[]
  filters?: CalendarFilters
}

const idOf = (ref: Ref): Id => (typeof ref === 'object' ? ref.id : ref)
const sameId = (a: Ref, b: Ref) => String(idOf(a)) === String(idOf(b))
const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** The Casablanca calendar date of an instant. */
export function casablancaDateOf(instant: Date | string): CivilDate {
  const parts = toCasablancaParts(instant)
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`
}

function civilParts(date: CivilDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number)
  return { year: year!, month: month!, day: day! }
}

/** Date arithmetic on civil dates, done in UTC where every day has 24 hours. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const { year, month, day } = civilParts(date)
  const moved = new Date(Date.UTC(year, month - 1, day + days))
  return moved.toISOString().slice(0, 10)
}

/** 1 (Monday) to 7 (Sunday). */
export function isoWeekday(date: CivilDate): number {
  const { year, month, day } = civilParts(date)
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  const a = civilParts(from)
  const b = civilParts(to)
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000)
}

/** The instant a Casablanca day begins (midnight exists every day: clocks change at 02:00 or 03:00). */
export function casablancaDayStart(date: CivilDate): Date {
  return casablancaWallTimeToUtc({ ...civilParts(date), hour: 0, minute: 0 })
}

/** First and last day of the Casablanca month a date belongs to. */
export function monthOf(date: CivilDate): { first: CivilDate; last: CivilDate } {
  const { year, month } = civilParts(date)
  const first = `${pad(year, 4)}-${pad(month)}-01`
  const nextMonth = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
  return { first, last: addDays(nextMonth, -1) }
}

/**
 * A key moment's dates are calendar dates. Payload stores them as instants: noon UTC from the
 * admin date picker, midnight UTC from the API; the UTC date part is the intended date in both.
 */
export function keyMomentDate(value: string | Date): CivilDate {
  return (typeof value === 'string' ? new Date(value) : value).toISOString().slice(0, 10)
}

function utcOffsetOn(date: CivilDate): string {
  const noon = casablancaWallTimeToUtc({ ...civilParts(date), hour: 12, minute: 0 })
  return formatUtcOffset(toCasablancaParts(noon).offsetMinutes)
}

const isPlanned = (variant: VariantInput): variant is VariantInput & { scheduledAt: string | Date } =>
  Boolean(variant.scheduledAt) && variant.publicationState !== 'cancelled'

function passesFilters(variant: VariantInput, item: ContentItemInput | undefined, filters: CalendarFilters): boolean {
  const { platform, theme, audience, language } = filters
  if (platform?.length && !platform.includes(variant.platform)) return false
  if (language?.length && !language.includes(variant.language)) return false
  if (theme?.length && !(item?.themes ?? []).some((itemTheme) => theme.some((wanted) => sameId(itemTheme, wanted)))) return false
  if (audience?.length && !(item?.audiences ?? []).some((itemAudience) => audience.includes(itemAudience))) return false
  return true
}

function platformName(platform: string, language: keyof Localized): string {
  return platformLimits[platform as Platform]?.labels[language] ?? platform
}

const shownDate = (date: CivilDate) => {
  const { year, month, day } = civilParts(date)
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`
}

function sameSlotMessage(platform: string, minutes: number, first: CalendarEntry, second: CalendarEntry): Localized {
  const when = (entry: CalendarEntry) => `${shownDate(entry.localDate)} ${entry.localTime}`
  const name = { fr: platformName(platform, 'fr'), ar: platformName(platform, 'ar'), en: platformName(platform, 'en') }
  return appText('calendarApi:sameSlot', { platform: name, minutes, first: when(first), second: when(second) })
}

function unplannedMessage(moment: CalendarKeyMoment): Localized {
  const span = moment.startsOn === moment.endsOn ? shownDate(moment.startsOn) : `${shownDate(moment.startsOn)} – ${shownDate(moment.endsOn)}`
  return appText('calendarApi:unplanned', { title: moment.title, span })
}

function toEntry(variant: VariantInput & { scheduledAt: string | Date }, item: ContentItemInput | undefined): CalendarEntry {
  const instant = new Date(variant.scheduledAt)
  const parts = toCasablancaParts(instant)
  return {
    variantId: variant.id,
    contentItemId: idOf(variant.contentItem),
    title: item?.title ?? '',
    platform: variant.platform,
    language: variant.language,
    state: variant.publicationState ?? 'draft',
    scheduledAt: instant.toISOString(),
    localDate: casablancaDateOf(instant),
    localTime: `${pad(parts.hour)}:${pad(parts.minute)}`,
    colour: platformColours[variant.platform as Platform] ?? unknownPlatformColour,
  }
}

const byTime = (a: CalendarEntry, b: CalendarEntry) =>
  a.scheduledAt.localeCompare(b.scheduledAt) || String(a.variantId).localeCompare(String(b.variantId), 'en', { numeric: true })

/**
 * Pairs on one platform less than an hour apart (one post an hour is a normal cadence), with at
 * least one of the two in the range. Filters do not hide a conflict: it is the account's.
 */
function sameSlotWarnings(planned: CalendarEntry[], inRange: (entry: CalendarEntry) => boolean): CalendarWarning[] {
  const warnings: CalendarWarning[] = []
  const sorted = [...planned].sort((a, b) => a.platform.localeCompare(b.platform) || byTime(a, b))
  for (let index = 0; index < sorted.length; index += 1) {
    const first = sorted[index]!
    for (let next = index + 1; next < sorted.length; next += 1) {
      const second = sorted[next]!
      if (second.platform !== first.platform) break
      const gapMs = Date.parse(second.scheduledAt) - Date.parse(first.scheduledAt)
      if (gapMs >= sameSlotWindowMinutes * 60_000) break
      if (!inRange(first) && !inRange(second)) continue
      warnings.push({
        code: 'same_platform_within_hour',
        message: sameSlotMessage(first.platform, Math.round(gapMs / 60_000), first, second),
        variantIds: [first.variantId, second.variantId],
      })
    }
  }
  return warnings
}

export function buildCalendar(input: BuildCalendarInput): CalendarData {
  const { from, to, filters = {} } = input
  const firstDay = casablancaDateOf(from)
  const lastDay = casablancaDateOf(new Date(Math.max(from.getTime(), to.getTime() - 1)))
  const itemsById = new Map(input.items.map((item) => [String(item.id), item]))
  const itemOf = (variant: VariantInput) => itemsById.get(String(idOf(variant.contentItem)))

  const plannedVariants = input.variants.filter(isPlanned)
  const plannedEntries = plannedVariants.map((variant) => ({ variant, entry: toEntry(variant, itemOf(variant)) }))
  const inRange = (entry: CalendarEntry) => {
    const at = Date.parse(entry.scheduledAt)
    return at >= from.getTime() && at < to.getTime()
  }
  const entries = plannedEntries
    .filter(({ variant, entry }) => inRange(entry) && passesFilters(variant, itemOf(variant), filters))
    .map(({ entry }) => entry)
    .sort(byTime)

  const keyMoments: CalendarKeyMoment[] = input.keyMoments
    .map((moment) => {
      const startsOn = keyMomentDate(moment.startsOn)
      const endsOn = keyMomentDate(moment.endsOn)
      const planned = plannedEntries.filter(({ variant, entry }) => {
        const keyMoment = itemOf(variant)?.keyMoment
        return keyMoment != null && sameId(keyMoment, moment.id) && entry.localDate >= startsOn && entry.localDate <= endsOn
      }).length
      return { id: moment.id, title: moment.title ?? '', startsOn, endsOn, priority: moment.priority ?? 'medium', planned }
    })
    .filter((moment) => moment.startsOn <= lastDay && moment.endsOn >= firstDay)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || String(a.id).localeCompare(String(b.id), 'en', { numeric: true }))

  const entriesByDay = new Map<CivilDate, CalendarEntry[]>()
  for (const entry of entries) entriesByDay.set(entry.localDate, [...(entriesByDay.get(entry.localDate) ?? []), entry])
  const days: CalendarDay[] = []
  for (let date = firstDay; date <= lastDay; date = addDays(date, 1)) {
    days.push({
      date,
      utcOffset: utcOffsetOn(date),
      keyMoments: keyMoments.filter((moment) => moment.startsOn <= date && moment.endsOn >= date).map((moment) => moment.id),
      entries: entriesByDay.get(date) ?? [],
    })
  }

  const warnings: CalendarWarning[] = [
    ...sameSlotWarnings(
      plannedEntries.map(({ entry }) => entry),
      inRange,
    ),
    ...keyMoments
      .filter((moment) => moment.planned === 0)
      .map((moment) => ({ code: 'key_moment_unplanned' as const, message: unplannedMessage(moment), keyMomentId: moment.id })),
  ]

  return {
    range: { from: from.toISOString(), to: to.toISOString(), timeZone: casablancaTimeZone },
    days,
    entries,
    keyMoments,
    warnings,
  }
}
