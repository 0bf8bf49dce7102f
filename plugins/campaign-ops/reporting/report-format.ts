/** Figures as the reader reads them: grouped digits, percentages, hours; a missing figure is a dash. */
import type { AdminLanguage } from '../../../src/i18n/catalogue'

const locales: Record<AdminLanguage, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }

export function formatFigure(value: number | null | undefined, unit: string, language: AdminLanguage, hours: (value: string) => string): string {
  if (value === null || value === undefined) return '—'
  const locale = locales[language]
  if (unit === 'ratio') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
  if (unit === 'hours') return hours(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value))
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
}

/** A change as a signed percentage ("+12 %"). */
export function formatChange(change: number, language: AdminLanguage): string {
  return new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(change)
}

/** A Casablanca day as the reader writes it. */
export function formatDay(day: string, language: AdminLanguage): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
}
