/** The dashboard's periods, as Casablanca days (YYYY-MM-DD), and the interval its charts use. */
import { toCasablancaParts } from '../../../../src/domain/casablanca-time'

export const presets = ['last7', 'last30', 'last90'] as const
export type Preset = (typeof presets)[number]
const presetDays: Record<Preset, number> = { last7: 7, last30: 30, last90: 90 }

function civil(date: Date): string {
  const { year, month, day } = toCasablancaParts(date)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10)
}

/** The preset's days, ending today in Casablanca. */
export function presetPeriod(preset: Preset, now = new Date()): { from: string; to: string } {
  const to = civil(now)
  return { from: addDays(to, 1 - presetDays[preset]), to }
}

/** Days for a month or less, weeks up to half a year, months beyond. */
export function chartInterval(from: string, to: string): 'day' | 'week' | 'month' {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month'
}
