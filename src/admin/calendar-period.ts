import { addDays, isoWeekday, monthOf } from '../calendar/calendar-data'
import type { CivilDate } from '../calendar/calendar-data'
import type { AdminLanguage } from '../i18n/catalogue'

/** What the calendar shows at once: a month or a week. */
export type View = 'month' | 'week'

/** The first and last day shown. */
export type Span = { first: CivilDate; last: CivilDate }

// Moroccan conventions, Western digits in Arabic too (as elsewhere in the admin).
export const localeTags: Record<AdminLanguage, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }

export const asUtcDate = (date: CivilDate) => new Date(`${date}T00:00:00.000Z`)

/** The days a view shows: whole weeks, Monday first. */
export function visibleSpan(view: View, anchor: CivilDate): Span {
  if (view === 'week') {
    const first = addDays(anchor, 1 - isoWeekday(anchor))
    return { first, last: addDays(first, 6) }
  }
  const month = monthOf(anchor)
  return { first: addDays(month.first, 1 - isoWeekday(month.first)), last: addDays(month.last, 7 - isoWeekday(month.last)) }
}

/** Every day of a span, in order. */
export function datesOf(span: Span): CivilDate[] {
  const dates: CivilDate[] = []
  for (let date = span.first; date <= span.last; date = addDays(date, 1)) dates.push(date)
  return dates
}

/** The anchor one week, or one month (its first day after going back), before or after. */
export function movedAnchor(view: View, anchor: CivilDate, direction: -1 | 1): CivilDate {
  if (view === 'week') return addDays(anchor, 7 * direction)
  const month = monthOf(anchor)
  return direction < 0 ? monthOf(addDays(month.first, -1)).first : addDays(month.last, 1)
}

export function periodLabel(view: View, anchor: CivilDate, span: Span, language: AdminLanguage): string {
  const tag = localeTags[language]
  if (view === 'month') {
    return new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).format(asUtcDate(anchor))
  }
  const format = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' })
  return `${format.format(asUtcDate(span.first))} – ${format.format(asUtcDate(span.last))}`
}
