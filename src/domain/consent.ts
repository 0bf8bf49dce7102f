/**
 * Whether the people shown in an asset have consented to its use, on a given day.
 *
 * Consent dates are calendar days in Morocco: a consent is valid through the whole of its
 * expiry day, Casablanca time, and "today" is Casablanca's date at the instant asked about.
 * Each person's most recent consent counts (a renewal replaces the earlier form); across
 * people, the earliest expiry decides, because one missing consent is enough to stop a use.
 */
import { toCasablancaParts } from './casablanca-time'
import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

export const consentScopes = ['social_media', 'video', 'print', 'press', 'website'] as const
export type ConsentScope = (typeof consentScopes)[number]

export interface ConsentRecord {
  /** Name (or id) of the person shown. */
  person: string
  signedOn: string | Date
  /** Uses consented to: see consentScopes. */
  scope: string[]
  expiresOn?: string | Date | null | undefined
  signedForm?: unknown
}

export interface AssetConsent {
  peopleShown?: boolean | null | undefined
  consents?: readonly ConsentRecord[] | null | undefined
}

export const consentStates = ['not_required', 'ok', 'missing', 'expired', 'expiring_soon'] as const
export type ConsentState = (typeof consentStates)[number]

export interface ConsentAssessment {
  status: ConsentState
  /** Earliest expiry that matters, as YYYY-MM-DD; null when nothing expires. */
  expiresOn: string | null
  message: Localized
}

/** A consent expiring within this many days is flagged so it is renewed before it lapses. */
export const expiringSoonDays = 30

export interface ConsentOptions {
  /** Count only consents covering this use (e.g. 'social_media' when publishing). */
  requiredScope?: string | undefined
}

export function consentStatus(asset: AssetConsent, at: Date, options: ConsentOptions = {}): ConsentAssessment {
  if (Number.isNaN(at.getTime())) throw new RangeError('consentStatus: invalid date')
  if (!asset.peopleShown) return { status: 'not_required', expiresOn: null, message: messages.notRequired() }

  const today = casablancaDay(at)
  const latestPerPerson = new Map<string, UsableConsent>()
  for (const record of asset.consents ?? []) {
    const usable = usableConsent(record, today, options.requiredScope)
    if (!usable) continue
    const key = personKey(record.person)
    const known = latestPerPerson.get(key)
    if (!known || expiresLater(usable, known)) latestPerPerson.set(key, usable)
  }
  if (latestPerPerson.size === 0) {
    return { status: 'missing', expiresOn: null, message: messages.missing(options.requiredScope) }
  }

  const expiring = [...latestPerPerson.values()].filter((consent) => consent.expiresOn !== null)
  const first = expiring.sort((a, b) => a.expiresOn!.localeCompare(b.expiresOn!))[0]
  if (!first) return { status: 'ok', expiresOn: null, message: messages.ok(null) }

  const daysLeft = daysBetween(today, first.expiresOn!)
  if (daysLeft < 0) {
    return { status: 'expired', expiresOn: first.expiresOn, message: messages.expired(first.person, first.expiresOn!) }
  }
  if (daysLeft <= expiringSoonDays) {
    return {
      status: 'expiring_soon',
      expiresOn: first.expiresOn,
      message: messages.expiringSoon(first.person, first.expiresOn!, daysLeft),
    }
  }
  return { status: 'ok', expiresOn: first.expiresOn, message: messages.ok(first.expiresOn) }
}

interface UsableConsent {
  person: string
  expiresOn: string | null
}

/**
 * A record that proves consent today: signed on or before today, covering the required use.
 * A record whose dates cannot be read proves nothing and is left out.
 */
function usableConsent(record: ConsentRecord, today: string, requiredScope: string | undefined): UsableConsent | undefined {
  const signedOn = calendarDay(record.signedOn)
  if (signedOn === undefined || signedOn > today) return undefined
  if (requiredScope !== undefined && !(record.scope ?? []).includes(requiredScope)) return undefined
  if (record.expiresOn === null || record.expiresOn === undefined || record.expiresOn === '') {
    return { person: record.person, expiresOn: null }
  }
  const expiresOn = calendarDay(record.expiresOn)
  return expiresOn === undefined ? undefined : { person: record.person, expiresOn }
}

function expiresLater(candidate: UsableConsent, known: UsableConsent): boolean {
  if (known.expiresOn === null) return false
  return candidate.expiresOn === null || candidate.expiresOn > known.expiresOn
}

function personKey(person: string): string {
  return person.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr')
}

// --- Calendar days ------------------------------------------------------------------------

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** "YYYY-MM-DD" of a date-only string as written, or of an instant in Casablanca. */
function calendarDay(value: string | Date): string | undefined {
  if (typeof value === 'string') {
    const match = dayPattern.exec(value.trim())
    if (match) {
      const [, year, month, day] = match.map(Number) as [number, number, number, number]
      const check = new Date(Date.UTC(year, month - 1, day))
      const valid = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
      return valid ? value.trim() : undefined
    }
  }
  const instant = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(instant.getTime()) ? undefined : casablancaDay(instant)
}

function casablancaDay(instant: Date): string {
  const { year, month, day } = toCasablancaParts(instant)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number]
    return Date.UTC(year, month - 1, date)
  }
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}

// --- Messages -----------------------------------------------------------------------------
// The words are in the app catalogue (src/i18n/translations.ts, group consent).

/** Moroccan convention in all three languages: day/month/year. */
function shownDay(day: string): string {
  const [year, month, date] = day.split('-')
  return `${date}/${month}/${year}`
}

const isolated = (text: string) => `\u2068${text}\u2069`

const isConsentScope = (scope: string): scope is ConsentScope => (consentScopes as readonly string[]).includes(scope)

/** The use a scope names; an unknown one as it is written (isolated inside the Arabic). */
function useOf(scope: string): Localized {
  return isConsentScope(scope) ? appText(`consent:scopes:${scope}`) : { en: scope, fr: scope, ar: isolated(scope) }
}

function inDays(days: number): Localized {
  if (days === 0) return appText('consent:inDays:today')
  if (days === 1) return appText('consent:inDays:one')
  if (days === 2) return appText('consent:inDays:two')
  return appText(days <= 10 ? 'consent:inDays:few' : 'consent:inDays:many', { days })
}

const messages = {
  notRequired: (): Localized => appText('consent:notRequired'),

  ok: (expiresOn: string | null): Localized => (expiresOn === null ? appText('consent:okForever') : appText('consent:okUntil', { date: shownDay(expiresOn) })),

  missing: (scope: string | undefined): Localized => (scope === undefined ? appText('consent:missing') : appText('consent:missingFor', { use: useOf(scope) })),

  expired: (person: string, expiresOn: string): Localized => appText('consent:expired', { person, date: shownDay(expiresOn) }),

  expiringSoon: (person: string, expiresOn: string, daysLeft: number): Localized =>
    appText('consent:expiringSoon', { person, date: shownDay(expiresOn), when: inDays(daysLeft) }),
}
