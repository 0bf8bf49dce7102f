/**
 * The editorial calendar over HTTP: `GET /api/calendar` (JSON for the admin view),
 * `GET /api/calendar.ics` (iCalendar feed) and `POST /api/calendar/feed-token` (a private feed URL).
 * Data is read with the caller's own access rights.
 */

import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'

import { audiences } from '../../collections/ContentItems'
import { contentLocales } from '../domain/languages'
import type { ContentLocale } from '../domain/languages'
import { platforms } from '../domain/platform-limits'
import { hasRole, roles } from '../domain/roles'
import { addDays, buildCalendar, casablancaDateOf, casablancaDayStart, daysBetween, monthOf, sameSlotWindowMinutes } from './calendar-data'
import type { CalendarData, CalendarFilters, ContentItemInput, Id, KeyMomentInput, Localized, VariantInput } from './calendar-data'
import { issueCalendarFeedToken, userForCalendarFeedToken } from './feed-token'
import { buildIcsFeed } from './ics-feed'
import type { FeedLanguage } from './ics-feed'

export const maxRangeDays = 400
const feedDaysBack = 30
const feedDaysAhead = 365

const staffRoles = roles.filter((role) => role !== 'integration')

type CalendarUser = { id: Id; role?: string | null; language?: string | null; collection?: string }
type Range = { from: Date; to: Date }
type FieldError = { message: string; field: string }

class BadRequest extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

const civilDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
const idPattern = /^[A-Za-z0-9_-]{1,64}$/

function adminLanguage(req: PayloadRequest): FeedLanguage {
  const language = req.i18n?.language
  return language === 'ar' || language === 'en' ? language : 'fr'
}

const say = (req: PayloadRequest, message: Localized) => message[adminLanguage(req)]

function errorResponse(status: number, errors: FieldError[] | { message: string }[]): Response {
  return Response.json({ errors }, { status, headers: { 'Cache-Control': 'no-store' } })
}

const messages = {
  signIn: {
    fr: 'Connectez-vous pour voir le calendrier éditorial.',
    ar: 'سجّل الدخول للاطلاع على الرزنامة التحريرية.',
    en: 'Sign in to see the editorial calendar.',
  },
  staffOnly: {
    fr: 'Le calendrier éditorial est réservé à l’équipe de la campagne.',
    ar: 'الرزنامة التحريرية مخصصة لفريق الحملة.',
    en: 'The editorial calendar is for the campaign team only.',
  },
  badToken: {
    fr: 'Lien d’abonnement invalide ou révoqué : générez-en un nouveau depuis le calendrier.',
    ar: 'رابط الاشتراك غير صالح أو أُلغي: أنشئ رابطًا جديدًا من الرزنامة.',
    en: 'Invalid or revoked subscription link: create a new one from the calendar.',
  },
} satisfies Record<string, Localized>

/** The signed-in staff member, or the response refusing the request. */
function staffOrRefusal(req: PayloadRequest, user: CalendarUser | null | undefined): CalendarUser | Response {
  if (!user) return errorResponse(401, [{ message: say(req, messages.signIn) }])
  if (!hasRole(user, ...staffRoles)) return errorResponse(403, [{ message: say(req, messages.staffOnly) }])
  return user
}

function validCivilDate(value: string): boolean {
  const match = civilDatePattern.exec(value)
  if (!match) return false
  const [, year, month, day] = match.map(Number)
  const date = new Date(Date.UTC(year!, month! - 1, day!))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day
}

/** `YYYY-MM-DD` is a Casablanca day (a `to` day is included); an ISO instant must carry its offset. */
function parseBound(value: string, field: 'from' | 'to'): Date {
  if (civilDatePattern.test(value)) {
    if (!validCivilDate(value)) throw new BadRequest(field, `${field}: "${value}" is not a calendar date`)
    return casablancaDayStart(field === 'to' ? addDays(value, 1) : value)
  }
  if (instantPattern.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value)
  throw new BadRequest(field, `${field} must be a date (YYYY-MM-DD, Casablanca day) or an ISO date-time with an offset (2026-03-01T09:00:00Z)`)
}

function parseRange(params: URLSearchParams, defaults: (bounds: Partial<Range>) => Range): Range {
  const fromValue = params.get('from')?.trim()
  const toValue = params.get('to')?.trim()
  const range = defaults({
    from: fromValue ? parseBound(fromValue, 'from') : undefined,
    to: toValue ? parseBound(toValue, 'to') : undefined,
  })
  if (range.to.getTime() <= range.from.getTime()) throw new BadRequest('to', 'to must come after from')
  const days = daysBetween(casablancaDateOf(range.from), casablancaDateOf(new Date(range.to.getTime() - 1))) + 1
  if (days > maxRangeDays) throw new BadRequest('to', `the range covers ${days} days; at most ${maxRangeDays}`)
  return range
}

/** The Casablanca month of `from` or `to`, or the current one. */
function monthDefaults({ from, to }: Partial<Range>): Range {
  if (from && to) return { from, to }
  if (from) return { from, to: casablancaDayStart(addDays(monthOf(casablancaDateOf(from)).last, 1)) }
  if (to) return { from: casablancaDayStart(monthOf(casablancaDateOf(new Date(to.getTime() - 1))).first), to }
  const month = monthOf(casablancaDateOf(new Date()))
  return { from: casablancaDayStart(month.first), to: casablancaDayStart(addDays(month.last, 1)) }
}

/** 30 days back to 365 ahead; a single bound keeps that span. */
function feedDefaults({ from, to }: Partial<Range>): Range {
  const spanDays = feedDaysBack + feedDaysAhead + 1
  if (from && to) return { from, to }
  if (from) return { from, to: casablancaDayStart(addDays(casablancaDateOf(from), spanDays)) }
  if (to) return { from: casablancaDayStart(addDays(casablancaDateOf(new Date(to.getTime() - 1)), 1 - spanDays)), to }
  const today = casablancaDateOf(new Date())
  return { from: casablancaDayStart(addDays(today, -feedDaysBack)), to: casablancaDayStart(addDays(today, feedDaysAhead + 1)) }
}

function parseList(params: URLSearchParams, field: string, allowed?: readonly string[], pattern?: RegExp): string[] {
  const values = params
    .getAll(field)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean)
  for (const value of values) {
    if ((allowed && !allowed.includes(value)) || (pattern && !pattern.test(value))) {
      throw new BadRequest(field, allowed ? `${field}: "${value}" is not one of ${allowed.join(', ')}` : `${field}: "${value}" is not an id`)
    }
  }
  return [...new Set(values)]
}

function parseFilters(params: URLSearchParams): CalendarFilters {
  return {
    platform: parseList(params, 'platform', platforms),
    theme: parseList(params, 'theme', undefined, idPattern),
    audience: parseList(
      params,
      'audience',
      audiences.map((option) => option.value),
    ),
    language: parseList(
      params,
      'language',
      contentLocales.map((locale) => locale.code),
    ),
  }
}

/** Titles in the requested content locale, else the one matching the admin language. */
function contentLocale(params: URLSearchParams, language: FeedLanguage): ContentLocale {
  const requested = params.get('locale')
  const known = contentLocales.find((locale) => locale.code === requested)
  return known ? known.code : language === 'ar' ? 'ar' : 'fr'
}

const dayMs = 86_400_000
const hourMs = 3_600_000

/**
 * Reads what the range shows, plus what decides its warnings: the variants of its key moments on
 * all their days, and the neighbours of its first and last hour.
 */
async function loadCalendar(payload: Payload, user: CalendarUser, options: Range & { filters: CalendarFilters; locale: ContentLocale }): Promise<CalendarData> {
  const { from, to, filters, locale } = options
  const read = { overrideAccess: false, user: { ...user, collection: 'users' }, depth: 0, pagination: false, locale } as const
  const scheduledBetween = (start: Date, end: Date): Where => ({
    and: [
      { scheduledAt: { greater_than_equal: start.toISOString() } },
      { scheduledAt: { less_than: end.toISOString() } },
      { publicationState: { not_equals: 'cancelled' } },
    ],
  })
  const variantFields = { contentItem: true, platform: true, language: true, scheduledAt: true, publicationState: true } as const

  // Key-moment dates are stored at midnight or noon UTC: a day of margin, exact days in buildCalendar.
  const keyMoments = (
    await payload.find({
      collection: 'key-moments',
      ...read,
      where: {
        and: [
          { startsOn: { less_than: new Date(to.getTime() + dayMs).toISOString() } },
          { endsOn: { greater_than_equal: new Date(from.getTime() - dayMs).toISOString() } },
        ],
      },
      select: { title: true, startsOn: true, endsOn: true, priority: true },
    })
  ).docs as unknown as KeyMomentInput[]

  const variants = new Map<string, VariantInput>()
  const addVariants = (docs: unknown[]) => {
    for (const variant of docs as VariantInput[]) variants.set(String(variant.id), variant)
  }
  addVariants(
    (
      await payload.find({
        collection: 'platform-variants',
        ...read,
        where: scheduledBetween(new Date(from.getTime() - sameSlotWindowMinutes * 60_000), new Date(to.getTime() + sameSlotWindowMinutes * 60_000)),
        select: variantFields,
      })
    ).docs,
  )

  if (keyMoments.length > 0) {
    const momentItems = (
      await payload.find({
        collection: 'content-items',
        ...read,
        where: { keyMoment: { in: keyMoments.map((moment) => moment.id) } },
        select: { keyMoment: true },
      })
    ).docs
    if (momentItems.length > 0) {
      const starts = keyMoments.map((moment) => new Date(moment.startsOn).getTime())
      const ends = keyMoments.map((moment) => new Date(moment.endsOn).getTime())
      addVariants(
        (
          await payload.find({
            collection: 'platform-variants',
            ...read,
            where: {
              and: [
                { contentItem: { in: momentItems.map((item) => item.id) } },
                scheduledBetween(new Date(Math.min(...starts) - 2 * dayMs), new Date(Math.max(...ends) + 2 * dayMs + hourMs)),
              ],
            },
            select: variantFields,
          })
        ).docs,
      )
    }
  }

  const itemIds = [
    ...new Set([...variants.values()].map((variant) => (typeof variant.contentItem === 'object' ? variant.contentItem.id : variant.contentItem))),
  ]
  const items = itemIds.length
    ? ((
        await payload.find({
          collection: 'content-items',
          ...read,
          where: { id: { in: itemIds } },
          select: { title: true, themes: true, audiences: true, keyMoment: true },
        })
      ).docs as unknown as ContentItemInput[])
    : []

  return buildCalendar({ from, to, keyMoments, variants: [...variants.values()], items, filters })
}

function badRequestResponse(error: unknown): Response {
  if (error instanceof BadRequest) return errorResponse(400, [{ message: error.message, field: error.field }])
  throw error
}

const noStore = { 'Cache-Control': 'private, no-store' }

/** `GET /api/calendar?from&to&platform&theme&audience&language&locale`: the admin view's data. */
export const calendarDataEndpoint: Endpoint = {
  path: '/calendar',
  method: 'get',
  handler: async (req) => {
    const user = staffOrRefusal(req, req.user as CalendarUser | null)
    if (user instanceof Response) return user
    const params = req.searchParams
    try {
      const range = parseRange(params, monthDefaults)
      const filters = parseFilters(params)
      const data = await loadCalendar(req.payload, user, { ...range, filters, locale: contentLocale(params, adminLanguage(req)) })
      return Response.json(data, { headers: noStore })
    } catch (error) {
      return badRequestResponse(error)
    }
  },
}

function feedLanguage(params: URLSearchParams, user: CalendarUser): FeedLanguage {
  const requested = params.get('lang') ?? user.language
  return requested === 'ar' || requested === 'en' ? requested : 'fr'
}

/**
 * `GET /api/calendar.ics`: the signed-in user's session or API header, or `?token=` from a
 * private subscription URL (a token that does not match is refused even with a session).
 */
export const calendarFeedEndpoint: Endpoint = {
  path: '/calendar.ics',
  method: 'get',
  handler: async (req) => {
    const params = req.searchParams
    const token = params.get('token')
    let caller: CalendarUser | null | undefined = req.user as CalendarUser | null
    if (token !== null) {
      caller = await userForCalendarFeedToken(req.payload, token)
      if (!caller) return errorResponse(401, [{ message: say(req, messages.badToken) }])
    }
    const user = staffOrRefusal(req, caller)
    if (user instanceof Response) return user
    try {
      const range = parseRange(params, feedDefaults)
      const filters = parseFilters(params)
      const language = feedLanguage(params, user)
      const data = await loadCalendar(req.payload, user, { ...range, filters, locale: contentLocale(params, language) })
      const { config } = req.payload
      const body = buildIcsFeed(data, {
        serverUrl: config.serverURL || new URL(req.url ?? 'http://localhost').origin,
        language,
        adminRoute: config.routes.admin,
      })
      return new Response(body, {
        headers: { ...noStore, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="badil-calendar.ics"' },
      })
    } catch (error) {
      return badRequestResponse(error)
    }
  },
}

/** `POST /api/calendar/feed-token`: a new private feed URL for the caller; the previous one stops working. */
export const calendarFeedTokenEndpoint: Endpoint = {
  path: '/calendar/feed-token',
  method: 'post',
  handler: async (req) => {
    const user = staffOrRefusal(req, req.user as CalendarUser | null)
    if (user instanceof Response) return user
    const token = await issueCalendarFeedToken(req.payload, user.id)
    const { config } = req.payload
    const serverUrl = (config.serverURL || new URL(req.url ?? 'http://localhost').origin).replace(/\/+$/, '')
    return Response.json({ url: `${serverUrl}${config.routes.api}/calendar.ics?token=${token}` }, { headers: noStore })
  },
}

export const calendarEndpoints: Endpoint[] = [calendarDataEndpoint, calendarFeedEndpoint, calendarFeedTokenEndpoint]
