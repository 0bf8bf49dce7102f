/**
 * The scope of a report: a period of Casablanca days and the optional filters of kpis.md. Checked
 * values only reach here (report-parameters.ts validates what callers send).
 */
import type { BusinessHours } from '../inbox/business-hours'
import type { Network } from '../networks/registry'

/** The languages a report filters on: a post's language, or an inbound item's (Darija in either script is `ary`). */
export const reportLanguages = ['fr', 'ar', 'ary', 'other'] as const
export type ReportLanguage = (typeof reportLanguages)[number]

export type ReportFilters = {
  /** First instant of the period (a Casablanca midnight for a day). */
  from: Date
  /** First instant after the period. */
  to: Date
  networks: readonly Network[] | null
  languages: readonly ReportLanguage[] | null
  themes: readonly number[] | null
  audiences: readonly string[] | null
  formats: readonly string[] | null
  keyMoments: readonly number[] | null
  /** The team's working days and hours, for the response times in business hours (default Monday to Friday, 9 to 18). */
  businessHours?: BusinessHours
}

/** True when the filters name something only content has (theme, audience, format, key moment). */
export function filtersOnContent(filters: ReportFilters): boolean {
  return Boolean(filters.themes || filters.audiences || filters.formats || filters.keyMoments)
}

/** The period just before, of the same length (for the change shown beside a figure). */
export function previousPeriod(filters: ReportFilters): ReportFilters {
  const length = filters.to.getTime() - filters.from.getTime()
  return { ...filters, from: new Date(filters.from.getTime() - length), to: filters.from }
}
