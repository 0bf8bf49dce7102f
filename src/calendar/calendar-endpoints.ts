/**
 * The editorial calendar over HTTP: `GET /api/calendar` (JSON for the admin view),
 * `GET /api/calendar.ics` (iCalendar feed) and `POST /api/calendar/feed-token` (a private feed URL).
 * Data is read with the caller's own access rights.
 */

import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import { z } from 'zod'

import { audiences } from '../../collections/ContentItems'
import type { User } from '../../payload-types'
import { contentLocales } from '../domain/languages'
import type { ContentLocale } from '../domain/languages'
import { platforms } from '../domain/platform-limits'
import { roles } from '../domain/roles'
import { defineEndpoint, refuse } from '../infra/endpoint'
import { addDays, buildCalendar, casablancaDateOf, casablancaDayStart, daysBetween, monthOf, sameSlotWindowMinutes } from './calendar-data'
import type { CalendarData, CalendarFilters, VariantInput } from './calendar-data'
import { issueCalendarFeedToken, userForCalendarFeedToken } from './feed-token'
import { buildIcsFeed } from './ics-feed'
import type { AdminLanguage, Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

export const maxRangeDays = 400
const feedDaysBack = 30
const feedDaysAhead = 365

const staffRoles = roles.filter((role) => role !== 'integration')

/** What the calendar reads of its caller: the signed-in user, or the user a feed token names. */
type CalendarUser = Pick<User, 'id' | 'role' | 'language'>
type Range = { from: Date; to: Date }
const civilDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
const idPattern = /^[A-Za-z0-9_-]{1,64}$/

const messages = {
  // The same refusal as the calendar's page.
  staffOnly: appText('calendar:refusal'),
  badToken: appText('calendarApi:badToken'),
  bound: appText('calendarApi:bound'),
  toBeforeFrom: appText('calendarApi:toBeforeFrom'),
  platform: appText('calendarApi:platform'),
  audience: appText('calendarApi:audience'),
  language: appText('calendarApi:language'),
  theme: appText('calendarApi:theme'),
} satisfies Record<string, Localized>

const rangeTooLong = (days: number): Localized => appText('calendarApi:rangeTooLong', { days, max: maxRangeDays })

/** The calendar is the staff's; external tools read the reporting API. */
const calendarAccess = { roles: staffRoles, forbidden: messages.staffOnly }

function validCivilDate(value: string): boolean {
  const match = civilDatePattern.exec(value)
  if (!match) return false
  const [, year, month, day] = match.map(Number)
  const date = new Date(Date.UTC(year!, month! - 1, day!))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day
}

/** `YYYY-MM-DD` is a Casablanca day (a `to` day is included); an ISO instant must carry its offset. */
const bound = (side: 'from' | 'to') =>
  z
    .string()
    .trim()
    .refine((value) => (civilDatePattern.test(value) ? validCivilDate(value) : instantPattern.test(value) && !Number.isNaN(Date.parse(value))))
    .transform((value) => (civilDatePattern.test(value) ? casablancaDayStart(side === 'to' ? addDays(value, 1) : value) : new Date(value)))

/** A filter given as `?platform=a,b` or `?platform=a&platform=b`, each value checked. */
const list = (check: (value: string) => boolean) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => [
      ...new Set(
        [value ?? []]
          .flat()
          .flatMap((part) => part.split(','))
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    ])
    .refine((values) => values.every(check))

const calendarQuery = z.looseObject({
  from: bound('from').optional(),
  to: bound('to').optional(),
  platform: list((value) => (platforms as readonly string[]).includes(value)),
  theme: list((value) => idPattern.test(value)),
  audience: list((value) => audiences.some((option) => option.value === value)),
  language: list((value) => contentLocales.some((locale) => locale.code === value)),
  locale: z.string().optional(),
  lang: z.string().optional(),
  token: z.string().optional(),
})
type CalendarQuery = z.output<typeof calendarQuery>

const calendarFieldMessages = {
  from: messages.bound,
  to: messages.bound,
  platform: messages.platform,
  theme: messages.theme,
  audience: messages.audience,
  language: messages.language,
}

/** The range asked for, completed by `defaults`; 400 when it is empty or longer than the limit. */
function rangeOf(query: CalendarQuery, defaults: (bounds: Partial<Range>) => Range): Range {
  const range = defaults({ from: query.from, to: query.to })
  if (range.to.getTime() <= range.from.getTime()) refuse({ status: 400, code: 'invalid_range', field: 'to', message: messages.toBeforeFrom })
  const days = daysBetween(casablancaDateOf(range.from), casablancaDateOf(new Date(range.to.getTime() - 1))) + 1
  if (days > maxRangeDays) refuse({ status: 400, code: 'range_too_long', field: 'to', message: rangeTooLong(days), details: { limit: maxRangeDays } })
  return range
}

const filtersOf = (query: CalendarQuery): CalendarFilters => ({
  platform: query.platform as CalendarFilters['platform'],
  theme: query.theme,
  audience: query.audience,
  language: query.language,
})

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

/** Titles in the requested content locale, else the one matching the admin language. */
function contentLocale(query: CalendarQuery, language: AdminLanguage): ContentLocale {
  const requested = query.locale
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
  ).docs

  const variants = new Map<string, VariantInput>()
  const addVariants = (docs: VariantInput[]) => {
    for (const variant of docs) variants.set(String(variant.id), variant)
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
    ? (
        await payload.find({
          collection: 'content-items',
          ...read,
          where: { id: { in: itemIds } },
          select: { title: true, themes: true, audiences: true, keyMoment: true },
        })
      ).docs
    : []

  return buildCalendar({ from, to, keyMoments, variants: [...variants.values()], items, filters })
}

const noStore = { 'Cache-Control': 'private, no-store' }

/** `GET /api/calendar?from&to&platform&theme&audience&language&locale`: the admin view's data. */
export const calendarDataEndpoint = defineEndpoint({
  path: '/calendar',
  method: 'get',
  access: calendarAccess,
  query: calendarQuery,
  fieldMessages: calendarFieldMessages,
  headers: noStore,
  handler: async ({ req, language, query }) => {
    const range = rangeOf(query, monthDefaults)
    return loadCalendar(req.payload, req.user, { ...range, filters: filtersOf(query), locale: contentLocale(query, language) })
  },
})

function feedLanguage(query: CalendarQuery, user: CalendarUser): AdminLanguage {
  const requested = query.lang ?? user.language
  return requested === 'ar' || requested === 'en' ? requested : 'fr'
}

/**
 * `GET /api/calendar.ics`: the signed-in user's session or API header, or `?token=` from a
 * private subscription URL (a token that does not match is refused even with a session).
 */
export const calendarFeedEndpoint = defineEndpoint({
  path: '/calendar.ics',
  method: 'get',
  access: calendarAccess,
  authenticate: async (req) => {
    const token = req.searchParams?.get('token')
    if (token === null || token === undefined) return req.user
    const caller = await userForCalendarFeedToken(req.payload, token)
    if (!caller) refuse({ status: 401, code: 'invalid_feed_token', message: messages.badToken })
    return caller as PayloadRequest['user']
  },
  query: calendarQuery,
  fieldMessages: calendarFieldMessages,
  headers: noStore,
  handler: async ({ req, query, user }) => {
    const range = rangeOf(query, feedDefaults)
    const language = feedLanguage(query, user)
    const data = await loadCalendar(req.payload, user, { ...range, filters: filtersOf(query), locale: contentLocale(query, language) })
    const { config } = req.payload
    const body = buildIcsFeed(data, {
      serverUrl: config.serverURL || new URL(req.url ?? 'http://localhost').origin,
      language,
      adminRoute: config.routes.admin,
    })
    return new Response(body, {
      headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="badil-calendar.ics"' },
    })
  },
})

/** `POST /api/calendar/feed-token`: a new private feed URL for the caller; the previous one stops working. */
export const calendarFeedTokenEndpoint = defineEndpoint({
  path: '/calendar/feed-token',
  method: 'post',
  access: calendarAccess,
  headers: noStore,
  handler: async ({ req }) => {
    const token = await issueCalendarFeedToken(req.payload, req.user.id)
    const { config } = req.payload
    const serverUrl = (config.serverURL || new URL(req.url ?? 'http://localhost').origin).replace(/\/+$/, '')
    return { url: `${serverUrl}${config.routes.api}/calendar.ics?token=${token}` }
  },
})

export const calendarEndpoints: Endpoint[] = [calendarDataEndpoint, calendarFeedEndpoint, calendarFeedTokenEndpoint]
