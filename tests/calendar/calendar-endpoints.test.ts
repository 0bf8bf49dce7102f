import ICAL from 'ical.js'
import type { Payload } from 'payload'

import type { CalendarData, CalendarEntry } from '../../src/calendar/calendar-data'
import { hashCalendarFeedToken } from '../../src/calendar/feed-token'
import type { Platform } from '../../src/domain/platform-limits'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, integrationApiKey } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const tokens: Partial<Record<Role, string>> = {}

type Auth = { role?: Role; apiKey?: string }

async function call(path: string, auth: Auth = {}, method = 'GET') {
  const headers = new Headers()
  if (auth.role) headers.set('Authorization', `JWT ${tokens[auth.role]}`)
  if (auth.apiKey) headers.set('Authorization', `users API-Key ${auth.apiKey}`)
  const response = await fetch(`${http.baseUrl}${path}`, { method, headers })
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}

async function calendar(
  query: string,
  auth: Auth = { role: 'cm' },
): Promise<{ status: number; body: CalendarData & { errors?: { message: string; field?: string }[] } }> {
  const response = await call(`/api/calendar${query}`, auth)
  return { status: response.status, body: JSON.parse(response.text) }
}

function vevents(text: string) {
  return new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent')
}

const ids = {} as {
  theme: number
  otherTheme: number
  moment: number
  emptyMoment: number
  tig: number
  myths: number
  lateNight: number
  afterChange: number
  sameSlot: number
  beforeRamadan: number
  cancelled: number
  nextYear: number
  lastMonth: number
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  for (const role of ['cm', 'analyst', 'legal'] as const) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }

  const theme = async (slug: string, name: string) => (await payload.create({ collection: 'themes', overrideAccess: true, data: { slug, name } })).id
  ids.theme = await theme('community-service', 'Travail d’intérêt général')
  ids.otherTheme = await theme('misconceptions', 'Idées reçues')
  const keyMoment = async (title: string, startsOn: string, endsOn: string, priority: 'high' | 'medium') =>
    (await payload.create({ collection: 'key-moments', overrideAccess: true, data: { title, startsOn, endsOn, priority } })).id
  ids.moment = await keyMoment('Semaine du TIG', '2026-03-20', '2026-03-22', 'high')
  ids.emptyMoment = await keyMoment('Journée des victimes', '2026-03-25', '2026-03-25', 'medium')
  ids.tig = (
    await payload.create({
      collection: 'content-items',
      overrideAccess: true,
      data: {
        title: 'Le TIG expliqué',
        format: 'post',
        sensitivity: 'normal',
        workflowState: 'draft',
        keyMoment: ids.moment,
        themes: [ids.theme],
        audiences: ['students', 'general_public'],
      },
    })
  ).id
  await payload.update({ collection: 'content-items', id: ids.tig, overrideAccess: true, locale: 'ar', data: { title: 'العمل لأجل المنفعة العامة' } })
  ids.myths = (
    await payload.create({
      collection: 'content-items',
      overrideAccess: true,
      data: { title: 'Idées reçues', format: 'post', sensitivity: 'normal', workflowState: 'draft', themes: [ids.otherTheme], audiences: ['journalists'] },
    })
  ).id

  const variant = async (
    contentItem: number,
    platform: Platform,
    language: 'fr' | 'ar',
    scheduledAt: string,
    publicationState: 'draft' | 'ready' | 'cancelled' = 'draft',
  ) =>
    (
      await payload.create({
        collection: 'platform-variants',
        overrideAccess: true,
        data: { contentItem, platform, language, text: 'short', scheduledAt, publicationState },
      })
    ).id
  // 21 March, 23:30 in Casablanca (Ramadan time, UTC+0): inside the key moment.
  ids.lateNight = await variant(ids.tig, 'x', 'fr', '2026-03-21T23:30:00.000Z')
  // 22 March 23:30Z is 23 March 00:30 in Casablanca (UTC+1 again): after the key moment.
  ids.afterChange = await variant(ids.tig, 'facebook', 'ar', '2026-03-22T23:30:00.000Z', 'ready')
  // 45 minutes after the first on X, across the clock change: 22 March 00:15.
  ids.sameSlot = await variant(ids.myths, 'x', 'fr', '2026-03-22T00:15:00.000Z')
  // 15 February 01:30Z is 02:30 in Casablanca, half an hour before clocks went back.
  ids.beforeRamadan = await variant(ids.myths, 'linkedin', 'fr', '2026-02-15T01:30:00.000Z')
  ids.cancelled = await variant(ids.myths, 'facebook', 'fr', '2026-03-21T10:00:00.000Z', 'cancelled')
  // Around today, for the feed's default range.
  const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
  ids.nextYear = await variant(ids.tig, 'linkedin', 'fr', daysFromNow(300))
  ids.lastMonth = await variant(ids.myths, 'x', 'ar', daysFromNow(-40))
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

const entryIds = (entries: CalendarEntry[]) => entries.map((entry) => entry.variantId)

describe('GET /api/calendar', () => {
  it('answers 401 without a session and 403 to an integration key', async () => {
    expect((await calendar('', {})).status).toBe(401)
    const tool = await calendar('', { apiKey: integrationApiKey })
    expect(tool.status).toBe(403)
    expect(tool.body.errors?.[0]?.message).toBeTruthy()
  })

  it('places variants on Casablanca days and times across the end of Ramadan time', async () => {
    const { status, body } = await calendar('?from=2026-03-20&to=2026-03-23')
    expect(status).toBe(200)
    expect(body.range).toEqual({ from: '2026-03-20T00:00:00.000Z', to: '2026-03-23T23:00:00.000Z', timeZone: 'Africa/Casablanca' })
    expect(body.days.map((day) => [day.date, day.utcOffset])).toEqual([
      ['2026-03-20', '+00:00'],
      ['2026-03-21', '+00:00'],
      ['2026-03-22', '+01:00'],
      ['2026-03-23', '+01:00'],
    ])
    expect(body.entries.map((entry) => [entry.variantId, entry.localDate, entry.localTime, entry.scheduledAt])).toEqual([
      [ids.lateNight, '2026-03-21', '23:30', '2026-03-21T23:30:00.000Z'],
      [ids.sameSlot, '2026-03-22', '00:15', '2026-03-22T00:15:00.000Z'],
      [ids.afterChange, '2026-03-23', '00:30', '2026-03-22T23:30:00.000Z'],
    ])
    expect(body.entries[0]).toMatchObject({ contentItemId: ids.tig, title: 'Le TIG expliqué', platform: 'x', language: 'fr', state: 'draft' })
    expect(body.entries[2]).toMatchObject({ platform: 'facebook', language: 'ar', state: 'ready' })
    expect(entryIds(body.days[1]!.entries)).toEqual([ids.lateNight])
    expect(entryIds(body.days[3]!.entries)).toEqual([ids.afterChange])
  })

  it('counts only what falls within the key moment’s Casablanca days, and warns about same-platform neighbours', async () => {
    const { body } = await calendar('?from=2026-03-20&to=2026-03-23')
    // The Facebook variant is on 22 March in UTC but on 23 March in Casablanca: not counted.
    expect(body.keyMoments).toEqual([{ id: ids.moment, title: 'Semaine du TIG', startsOn: '2026-03-20', endsOn: '2026-03-22', priority: 'high', planned: 1 }])
    expect(body.days.map((day) => day.keyMoments)).toEqual([[ids.moment], [ids.moment], [ids.moment], []])
    expect(body.warnings).toHaveLength(1)
    expect(body.warnings[0]).toMatchObject({ code: 'same_platform_within_hour', variantIds: [ids.lateNight, ids.sameSlot] })
    expect(body.warnings[0]!.message.fr).toContain('45 min')
  })

  it('shows the offset before Ramadan time on the day clocks went back', async () => {
    const { body } = await calendar('?from=2026-02-14&to=2026-02-15')
    expect(body.days.map((day) => day.utcOffset)).toEqual(['+01:00', '+00:00'])
    expect(body.entries.map((entry) => [entry.variantId, entry.localDate, entry.localTime])).toEqual([[ids.beforeRamadan, '2026-02-15', '02:30']])
  })

  it('warns about key moments with nothing planned, and leaves cancelled variants out', async () => {
    const { body } = await calendar('?from=2026-03-01&to=2026-03-31')
    expect(entryIds(body.entries)).not.toContain(ids.cancelled)
    const unplanned = body.warnings.filter((warning) => warning.code === 'key_moment_unplanned')
    expect(unplanned.map((warning) => warning.keyMomentId)).toEqual([ids.emptyMoment])
    expect(unplanned[0]!.message.en).toContain('Journée des victimes')
  })

  it('filters by platform, theme, audience and language, and gives titles in the asked locale', async () => {
    const shown = async (query: string) => entryIds((await calendar(`?from=2026-03-01&to=2026-03-31&${query}`)).body.entries)
    expect(await shown('platform=x')).toEqual([ids.lateNight, ids.sameSlot])
    expect(await shown('platform=x,facebook&language=ar')).toEqual([ids.afterChange])
    expect(await shown(`theme=${ids.theme}`)).toEqual([ids.lateNight, ids.afterChange])
    expect(await shown('audience=journalists')).toEqual([ids.sameSlot])
    expect(await shown('audience=associations')).toEqual([])
    const arabic = await calendar('?from=2026-03-01&to=2026-03-31&locale=ar&platform=facebook')
    expect(arabic.body.entries[0]!.title).toBe('العمل لأجل المنفعة العامة')
  })

  it('defaults to the current Casablanca month', async () => {
    // The Casablanca date and time of an instant, as the tz database says (not the app's helpers).
    const casablanca = (instant: Date) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Africa/Casablanca',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(instant)
        .replace(',', '')
    // Asked again if the month turned during the request, so the test holds on the last night of a month too.
    let answer: Awaited<ReturnType<typeof calendar>>
    let month: string
    do {
      month = casablanca(new Date()).slice(0, 7)
      answer = await calendar('', { role: 'analyst' })
    } while (casablanca(new Date()).slice(0, 7) !== month)
    const { status, body } = answer
    expect(status).toBe(200)
    const [year, monthNumber] = month.split('-').map(Number) as [number, number]
    const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()
    expect(body.days.map((day: { date: string }) => day.date)).toEqual(
      Array.from({ length: lastDay }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`),
    )
    // From the first day's midnight to the next month's, in Casablanca.
    expect(casablanca(new Date(body.range.from))).toBe(`${month}-01 00:00`)
    const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`
    expect(casablanca(new Date(body.range.to))).toBe(`${next}-01 00:00`)
  })

  it('accepts ISO instants with an offset', async () => {
    const { status, body } = await calendar('?from=2026-03-21T23:00:00Z&to=2026-03-22T00:00:00%2B00:00')
    expect(status).toBe(200)
    expect(entryIds(body.entries)).toEqual([ids.lateNight])
  })

  it.each([
    ['from=2026-02-30', 'from'],
    ['from=2026-03-01T10:00', 'from'],
    ['to=yesterday', 'to'],
    ['from=2026-03-10&to=2026-03-09', 'to'],
    ['from=2026-01-01&to=2027-02-05', 'to'],
    ['platform=myspace', 'platform'],
    ['audience=everyone', 'audience'],
    ['language=en', 'language'],
    ['theme=1;drop', 'theme'],
  ])('answers 400 naming the field to %s', async (query, field) => {
    const { status, body } = await calendar(`?${query}`)
    expect(status).toBe(400)
    expect(body.errors?.[0]).toMatchObject({ field, message: expect.any(String) })
  })

  it('accepts a range of exactly 400 days', async () => {
    expect((await calendar('?from=2026-01-01&to=2027-02-04')).status).toBe(200)
  })
})

describe('GET /api/calendar.ics', () => {
  it('is an iCalendar feed a real parser reads: UIDs, UTC start times, summaries, all-day key moments', async () => {
    const response = await call('/api/calendar.ics?from=2026-03-01&to=2026-03-31', { role: 'legal' })
    expect(response.status).toBe(200)
    expect(response.type).toMatch(/^text\/calendar/)
    const calendarComponent = new ICAL.Component(ICAL.parse(response.text) as unknown[])
    expect(calendarComponent.getFirstPropertyValue('x-wr-timezone')).toBe('Africa/Casablanca')
    const events = new Map(vevents(response.text).map((event) => [String(event.getFirstPropertyValue('uid')), event]))
    expect([...events.keys()].sort()).toEqual(
      [
        `variant-${ids.lateNight}@badil`,
        `variant-${ids.sameSlot}@badil`,
        `variant-${ids.afterChange}@badil`,
        `key-moment-${ids.moment}@badil`,
        `key-moment-${ids.emptyMoment}@badil`,
      ].sort(),
    )

    const lateNight = events.get(`variant-${ids.lateNight}@badil`)!
    const start = lateNight.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(start.toString()).toBe('2026-03-21T23:30:00Z')
    expect(start.zone?.tzid).toBe('UTC')
    expect(lateNight.getFirstPropertyValue('summary')).toBe('[X] Le TIG expliqué (FR)')
    expect(String(lateNight.getFirstPropertyValue('description'))).toContain(`/admin/collections/platform-variants/${ids.lateNight}`)
    expect(String(lateNight.getFirstPropertyValue('description'))).toContain('Brouillon')

    const afterChange = events.get(`variant-${ids.afterChange}@badil`)!
    expect((afterChange.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-03-22T23:30:00Z')
    expect(afterChange.getFirstPropertyValue('summary')).toBe('[Facebook] Le TIG expliqué (AR)')

    const moment = events.get(`key-moment-${ids.moment}@badil`)!
    const momentStart = moment.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(momentStart.isDate).toBe(true)
    expect(momentStart.toString()).toBe('2026-03-20')
    expect((moment.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2026-03-23')
    expect(moment.getFirstPropertyValue('summary')).toBe('Temps fort : Semaine du TIG')
  })

  it('writes in the asked language', async () => {
    const response = await call('/api/calendar.ics?from=2026-03-01&to=2026-03-31&lang=ar&platform=facebook', { role: 'cm' })
    const [event] = vevents(response.text).filter((candidate) => String(candidate.getFirstPropertyValue('uid')).startsWith('variant-'))
    expect(event!.getFirstPropertyValue('summary')).toBe('[فيسبوك] العمل لأجل المنفعة العامة (AR)')
  })

  it('covers 30 days back to 365 days ahead by default', async () => {
    const response = await call('/api/calendar.ics', { role: 'cm' })
    expect(response.status).toBe(200)
    const uids = vevents(response.text).map((event) => String(event.getFirstPropertyValue('uid')))
    expect(uids).toContain(`variant-${ids.nextYear}@badil`)
    expect(uids).not.toContain(`variant-${ids.lastMonth}@badil`)
  })

  it('answers 401 without a session or token and 403 to an integration key', async () => {
    expect((await call('/api/calendar.ics')).status).toBe(401)
    expect((await call('/api/calendar.ics', { apiKey: integrationApiKey })).status).toBe(403)
    expect((await call('/api/calendar.ics?from=2026-03-31&to=2026-03-01', { role: 'cm' })).status).toBe(400)
  })
})

describe('private feed URL', () => {
  const feedPath = (url: string) => {
    const parsed = new URL(url)
    return `${parsed.pathname}${parsed.search}`
  }

  it('is issued to signed-in staff only', async () => {
    expect((await call('/api/calendar/feed-token', {}, 'POST')).status).toBe(401)
    expect((await call('/api/calendar/feed-token', { apiKey: integrationApiKey }, 'POST')).status).toBe(403)
  })

  it('authenticates the feed by token; a wrong token is 401, and a new URL revokes the old one', async () => {
    const issued = await call('/api/calendar/feed-token', { role: 'analyst' }, 'POST')
    expect(issued.status).toBe(200)
    const { url } = JSON.parse(issued.text) as { url: string }
    expect(url).toMatch(/\/api\/calendar\.ics\?token=[A-Za-z0-9_-]{43}$/)

    const token = new URL(url).searchParams.get('token')!
    const analyst = await payload.findByID({ collection: 'users', id: accounts.analyst.id, overrideAccess: true, showHiddenFields: true })
    expect((analyst as { calendarFeedTokenHash?: string }).calendarFeedTokenHash).toBe(hashCalendarFeedToken(token))

    const feed = await call(`${feedPath(url)}&from=2026-03-01&to=2026-03-31`)
    expect(feed.status).toBe(200)
    expect(vevents(feed.text).map((event) => String(event.getFirstPropertyValue('uid')))).toContain(`variant-${ids.lateNight}@badil`)

    const wrong = await call(`/api/calendar.ics?token=${'A'.repeat(43)}`)
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.text).errors[0].message).toBeTruthy()
    expect((await call('/api/calendar.ics?token=short')).status).toBe(401)
    // A session does not rescue a wrong token.
    expect((await call(`/api/calendar.ics?token=${'B'.repeat(43)}`, { role: 'analyst' })).status).toBe(401)

    const reissued = JSON.parse((await call('/api/calendar/feed-token', { role: 'analyst' }, 'POST')).text) as { url: string }
    expect(reissued.url).not.toBe(url)
    expect((await call(feedPath(url))).status).toBe(401)
    expect((await call(feedPath(reissued.url))).status).toBe(200)
  })

  it('stops working for an account moved to the integration role', async () => {
    const issued = JSON.parse((await call('/api/calendar/feed-token', { role: 'legal' }, 'POST')).text) as { url: string }
    await payload.update({ collection: 'users', id: accounts.legal.id, overrideAccess: true, data: { role: 'integration' } })
    expect((await call(feedPath(issued.url))).status).toBe(403)
  })
})
