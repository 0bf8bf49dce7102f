/** The dashboard's periods, as Casablanca days (YYYY-MM-DD), and the interval its charts use. */
import { addDays, casablancaDayOf, daysBetween } from '../report-periods'

export const presets = ['last7', 'last30', 'last90'] as const
export type Preset = (typeof presets)[number]
const presetDays: Record<Preset, number> = { last7: 7, last30: 30, last90: 90 }

/** The preset's days, ending today in Casablanca. */
export function presetPeriod(preset: Preset, now = new Date()): { from: string; to: string } {
  const to = casablancaDayOf(now)
  return { from: addDays(to, 1 - presetDays[preset]), to }
}

/** Days for a month or less, weeks up to half a year, months beyond. */
export function chartInterval(from: string, to: string): 'day' | 'week' | 'month' {
  const days = daysBetween(from, to) + 1
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month'
}
