/**
 * The campaign team's working days and hours (inbox settings), and the calendar of business
 * intervals they make in Casablanca time, whatever the clocks do. The reports count response
 * times in these hours too (kpis.md: "in business hours and in clock hours").
 */
import { casablancaWallTimeToUtc } from '../../../src/domain/casablanca-time'
import { option } from '../../../src/domain/labels'

export const businessDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type BusinessDay = (typeof businessDays)[number]

export type BusinessHours = { days: readonly BusinessDay[]; startHour: number; endHour: number }

/** Monday to Friday, 09:00 to 18:00, until NCSC says otherwise. */
export const defaultBusinessHours: BusinessHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], startHour: 9, endHour: 18 }

export const businessDayOptions = [
  option('mon', { fr: 'Lundi', ar: 'الاثنين', en: 'Monday' }),
  option('tue', { fr: 'Mardi', ar: 'الثلاثاء', en: 'Tuesday' }),
  option('wed', { fr: 'Mercredi', ar: 'الأربعاء', en: 'Wednesday' }),
  option('thu', { fr: 'Jeudi', ar: 'الخميس', en: 'Thursday' }),
  option('fri', { fr: 'Vendredi', ar: 'الجمعة', en: 'Friday' }),
  option('sat', { fr: 'Samedi', ar: 'السبت', en: 'Saturday' }),
  option('sun', { fr: 'Dimanche', ar: 'الأحد', en: 'Sunday' }),
]

/** The business intervals, in order, with the business hours elapsed before each one starts. */
export type BusinessCalendar = { starts: Date[]; ends: Date[]; hoursBefore: number[] }

function wallTime(date: { year: number; month: number; day: number }, hour: number): Date {
  // 24:00 is the next day's midnight.
  const next = hour >= 24 ? new Date(Date.UTC(date.year, date.month - 1, date.day + 1)) : null
  const day = next ? { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() } : date
  const whole = Math.floor(hour % 24)
  return casablancaWallTimeToUtc({ ...day, hour: whole, minute: Math.round(((hour % 24) - whole) * 60) })
}

/** The business intervals of the Casablanca days from `firstDay` to `lastDay` (YYYY-MM-DD), both included. */
export function businessCalendar(hours: BusinessHours, firstDay: string, lastDay: string): BusinessCalendar {
  const calendar: BusinessCalendar = { starts: [], ends: [], hoursBefore: [] }
  let elapsed = 0
  const [year, month, day] = firstDay.split('-').map(Number) as [number, number, number]
  for (let cursor = new Date(Date.UTC(year, month - 1, day)); cursor.toISOString().slice(0, 10) <= lastDay; cursor = new Date(cursor.getTime() + 86_400_000)) {
    const weekday = businessDays[(cursor.getUTCDay() + 6) % 7]!
    if (!hours.days.includes(weekday)) continue
    const date = { year: cursor.getUTCFullYear(), month: cursor.getUTCMonth() + 1, day: cursor.getUTCDate() }
    const start = wallTime(date, hours.startHour)
    const end = wallTime(date, hours.endHour)
    if (end <= start) continue
    calendar.starts.push(start)
    calendar.ends.push(end)
    calendar.hoursBefore.push(elapsed)
    elapsed += (end.getTime() - start.getTime()) / 3_600_000
  }
  return calendar
}

/** The business hours of stored settings: the defaults where they are not set (no working day chosen means none was). */
export function businessHoursOf(settings: {
  businessDays?: string[] | null
  businessStartHour?: number | null
  businessEndHour?: number | null
}): BusinessHours {
  const days = (settings.businessDays ?? []).filter((day): day is BusinessDay => businessDays.includes(day as BusinessDay))
  const startHour = typeof settings.businessStartHour === 'number' ? settings.businessStartHour : defaultBusinessHours.startHour
  const endHour = typeof settings.businessEndHour === 'number' ? settings.businessEndHour : defaultBusinessHours.endHour
  // The settings refuse an end before the start; a day that ends before it starts runs to midnight.
  return { days: days.length ? days : defaultBusinessHours.days, startHour, endHour: endHour > startHour ? endHour : 24 }
}
