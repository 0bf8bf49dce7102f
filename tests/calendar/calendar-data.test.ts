import { addDays, buildCalendar, casablancaDateOf, casablancaDayStart, keyMomentDate, monthOf, platformColours } from '../../src/calendar/calendar-data'
import type { BuildCalendarInput, ContentItemInput, KeyMomentInput, VariantInput } from '../../src/calendar/calendar-data'
import type { ContentItem, KeyMoment, Theme } from '../../payload-types'
import { casablancaOffsetMinutes } from '../../src/domain/casablanca-time'

// Ramadan 2026 in Casablanca: clocks went back from UTC+1 to UTC+0 on 15 February at 03:00 local
// (02:00Z) and forward again on 22 March at 02:00 local (02:00Z).
const ramadanStarts = new Date('2026-02-15T02:00:00Z')
const ramadanEnds = new Date('2026-03-22T02:00:00Z')

const item = (id: number, extra: Partial<ContentItemInput> = {}): ContentItemInput => ({ id, title: `Contenu ${id}`, ...extra })

let nextVariantId = 1
const variant = (scheduledAt: string | null, extra: Partial<VariantInput> = {}): VariantInput => ({
  id: nextVariantId++,
  contentItem: 1,
  platform: 'x',
  language: 'fr',
  scheduledAt,
  publicationState: 'draft',
  ...extra,
})

function calendar(from: string, to: string, input: Partial<Omit<BuildCalendarInput, 'from' | 'to'>> = {}) {
  return buildCalendar({
    from: casablancaDayStart(from),
    to: casablancaDayStart(addDays(to, 1)),
    keyMoments: [],
    variants: [],
    items: [item(1)],
    ...input,
  })
}

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString()

describe('the clock facts this suite relies on (runtime time zone data)', () => {
  it('has Casablanca on UTC+1, then UTC+0 during Ramadan 2026, then UTC+1 again', () => {
    expect(casablancaOffsetMinutes(new Date(ramadanStarts.getTime() - 1))).toBe(60)
    expect(casablancaOffsetMinutes(ramadanStarts)).toBe(0)
    expect(casablancaOffsetMinutes(new Date(ramadanEnds.getTime() - 1))).toBe(0)
    expect(casablancaOffsetMinutes(ramadanEnds)).toBe(60)
  })
})

describe('Casablanca days', () => {
  it('start at local midnight, whatever the offset of the day', () => {
    expect(casablancaDayStart('2026-02-14').toISOString()).toBe('2026-02-13T23:00:00.000Z')
    expect(casablancaDayStart('2026-02-16').toISOString()).toBe('2026-02-16T00:00:00.000Z')
    expect(casablancaDayStart('2026-03-22').toISOString()).toBe('2026-03-22T00:00:00.000Z')
    expect(casablancaDayStart('2026-03-23').toISOString()).toBe('2026-03-22T23:00:00.000Z')
  })

  it('carry the offset in force at noon, so the days of the clock changes show the new offset', () => {
    const data = calendar('2026-02-13', '2026-02-17')
    expect(data.days.map((day) => [day.date, day.utcOffset])).toEqual([
      ['2026-02-13', '+01:00'],
      ['2026-02-14', '+01:00'],
      ['2026-02-15', '+00:00'],
      ['2026-02-16', '+00:00'],
      ['2026-02-17', '+00:00'],
    ])
    const back = calendar('2026-03-20', '2026-03-23')
    expect(back.days.map((day) => [day.date, day.utcOffset])).toEqual([
      ['2026-03-20', '+00:00'],
      ['2026-03-21', '+00:00'],
      ['2026-03-22', '+01:00'],
      ['2026-03-23', '+01:00'],
    ])
  })

  it('cover a month from its first to its last day, range given in UTC', () => {
    const month = monthOf('2026-02-10')
    expect(month).toEqual({ first: '2026-02-01', last: '2026-02-28' })
    const data = calendar(month.first, month.last)
    expect(data.days).toHaveLength(28)
    expect(data.range).toEqual({ from: '2026-01-31T23:00:00.000Z', to: '2026-03-01T00:00:00.000Z', timeZone: 'Africa/Casablanca' })
  })

  it('read key-moment dates as calendar dates, stored at midnight or noon UTC', () => {
    expect(keyMomentDate('2026-03-20T00:00:00.000Z')).toBe('2026-03-20')
    expect(keyMomentDate('2026-03-20T12:00:00.000Z')).toBe('2026-03-20')
  })
})

describe('entries across the Ramadan clock change', () => {
  it('place 23:30Z on the same day during Ramadan (UTC+0) and on the next day on UTC+1', () => {
    const duringRamadan = variant('2026-03-21T23:30:00.000Z')
    const afterRamadan = variant('2026-03-22T23:30:00.000Z')
    const beforeRamadan = variant('2026-02-13T23:30:00.000Z')
    const data = calendar('2026-02-13', '2026-03-31', { variants: [duringRamadan, afterRamadan, beforeRamadan] })
    const entryOf = (v: VariantInput) => data.entries.find((entry) => entry.variantId === v.id)
    expect(entryOf(duringRamadan)).toMatchObject({ localDate: '2026-03-21', localTime: '23:30', scheduledAt: '2026-03-21T23:30:00.000Z' })
    expect(entryOf(afterRamadan)).toMatchObject({ localDate: '2026-03-23', localTime: '00:30' })
    expect(entryOf(beforeRamadan)).toMatchObject({ localDate: '2026-02-14', localTime: '00:30' })
    const day = (date: string) => data.days.find((candidate) => candidate.date === date)!
    expect(day('2026-03-21').entries.map((entry) => entry.variantId)).toEqual([duringRamadan.id])
    expect(day('2026-03-22').entries).toEqual([])
    expect(day('2026-03-23').entries.map((entry) => entry.variantId)).toEqual([afterRamadan.id])
  })

  it('show the wall time on each side of both changes', () => {
    const times = ['2026-02-15T01:30:00Z', '2026-02-15T02:30:00Z', '2026-03-22T01:30:00Z', '2026-03-22T02:30:00Z'].map((at) => variant(at))
    const data = calendar('2026-02-15', '2026-03-22', { variants: times })
    expect(data.entries.map((entry) => `${entry.localDate} ${entry.localTime}`)).toEqual([
      '2026-02-15 02:30',
      '2026-02-15 02:30',
      '2026-03-22 01:30',
      '2026-03-22 03:30',
    ])
  })

  it('keep variants without a date, cancelled ones and those outside the range out, published ones in', () => {
    const kept = variant('2026-03-10T10:00:00Z', { publicationState: 'published' })
    const data = calendar('2026-03-01', '2026-03-31', {
      variants: [
        kept,
        variant(null),
        variant('2026-03-10T11:00:00Z', { publicationState: 'cancelled' }),
        variant('2026-02-28T22:59:00Z'), // 28 Feb, 22:59 (UTC+0)
        variant('2026-04-01T00:00:00Z'), // 1 April, 01:00 (UTC+1)
      ],
    })
    expect(data.entries.map((entry) => entry.variantId)).toEqual([kept.id])
    expect(data.entries[0]).toMatchObject({
      state: 'published',
      platform: 'x',
      language: 'fr',
      title: 'Contenu 1',
      contentItemId: 1,
      colour: platformColours.x,
    })
  })

  it('include the first instant of the range and exclude its end', () => {
    const first = variant('2026-03-01T00:00:00Z')
    const afterEnd = variant('2026-03-02T00:00:00Z')
    const data = calendar('2026-03-01', '2026-03-01', { variants: [first, afterEnd] })
    expect(data.entries.map((entry) => entry.variantId)).toEqual([first.id])
  })
})

describe('same platform within an hour', () => {
  const base = '2026-03-10T09:00:00.000Z'

  it('warns at 59 minutes apart, naming both variants', () => {
    const a = variant(base)
    const b = variant(minutesAfter(base, 59), { contentItem: 2, language: 'ar' })
    const data = calendar('2026-03-01', '2026-03-31', { variants: [a, b], items: [item(1), item(2)] })
    const warnings = data.warnings.filter((warning) => warning.code === 'same_platform_within_hour')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.variantIds).toEqual([a.id, b.id])
    expect(warnings[0]!.message.fr).toContain('59 min')
    expect(warnings[0]!.message.fr).toContain('10/03/2026 09:00')
    expect(warnings[0]!.message.en).toContain('X')
    expect(warnings[0]!.message.ar).toContain('إكس')
  })

  it('does not warn at 61 minutes, nor at exactly one hour', () => {
    for (const gap of [61, 60]) {
      const data = calendar('2026-03-01', '2026-03-31', { variants: [variant(base), variant(minutesAfter(base, gap))] })
      expect(data.warnings.filter((warning) => warning.code === 'same_platform_within_hour')).toEqual([])
    }
  })

  it('does not warn for two platforms at the same minute, nor for a cancelled variant', () => {
    const data = calendar('2026-03-01', '2026-03-31', {
      variants: [variant(base), variant(base, { platform: 'facebook' }), variant(minutesAfter(base, 5), { publicationState: 'cancelled' })],
    })
    expect(data.warnings).toEqual([])
  })

  it('warns for each pair of a cluster, across the Ramadan clock change', () => {
    const at = '2026-03-22T01:40:00.000Z' // 01:40 (UTC+0), then 03:10 and 03:30 (UTC+1)
    const vs = [variant(at), variant(minutesAfter(at, 30)), variant(minutesAfter(at, 50))]
    const data = calendar('2026-03-22', '2026-03-22', { variants: vs })
    expect(data.warnings.map((warning) => warning.variantIds)).toEqual([
      [vs[0]!.id, vs[1]!.id],
      [vs[0]!.id, vs[2]!.id],
      [vs[1]!.id, vs[2]!.id],
    ])
    expect(data.warnings[0]!.message.en).toContain('30 min apart (22/03/2026 01:40 and 22/03/2026 03:10')
  })

  it('warns about a neighbour just outside the range, not about pairs entirely outside it', () => {
    const inside = variant('2026-03-01T00:10:00Z')
    const before = variant('2026-02-28T23:40:00Z')
    const outsideA = variant('2026-04-05T10:00:00Z')
    const outsideB = variant('2026-04-05T10:10:00Z')
    const data = calendar('2026-03-01', '2026-03-31', { variants: [inside, before, outsideA, outsideB] })
    expect(data.warnings.map((warning) => warning.variantIds)).toEqual([[before.id, inside.id]])
  })

  it('ignores the filters: a conflict is the account’s, whatever is shown', () => {
    const data = calendar('2026-03-01', '2026-03-31', {
      variants: [variant(base), variant(minutesAfter(base, 10), { language: 'ar' })],
      filters: { language: ['fr'] },
    })
    expect(data.entries).toHaveLength(1)
    expect(data.warnings).toHaveLength(1)
  })
})

describe('key moments', () => {
  const moment = (id: number, startsOn: string, endsOn: string): KeyMomentInput => ({
    id,
    title: `Temps fort ${id}`,
    startsOn: `${startsOn}T12:00:00.000Z`,
    endsOn: `${endsOn}T12:00:00.000Z`,
    priority: 'high',
  })

  it('are listed on each of their days, with what is planned for them', () => {
    const data = calendar('2026-03-01', '2026-03-31', {
      keyMoments: [moment(7, '2026-03-20', '2026-03-22')],
      items: [item(1, { keyMoment: 7 })],
      variants: [variant('2026-03-21T10:00:00Z'), variant('2026-03-22T10:00:00Z', { platform: 'facebook' })],
    })
    expect(data.keyMoments).toEqual([{ id: 7, title: 'Temps fort 7', startsOn: '2026-03-20', endsOn: '2026-03-22', priority: 'high', planned: 2 }])
    expect(data.days.filter((day) => day.keyMoments.includes(7)).map((day) => day.date)).toEqual(['2026-03-20', '2026-03-21', '2026-03-22'])
    expect(data.warnings).toEqual([])
  })

  it('warn when nothing is planned within their Casablanca days', () => {
    const data = calendar('2026-03-01', '2026-03-31', {
      keyMoments: [moment(7, '2026-03-21', '2026-03-21'), moment(8, '2026-03-25', '2026-03-26')],
      items: [item(1, { keyMoment: 7 }), item(2, { keyMoment: { id: 8 } as KeyMoment }), item(3)],
      variants: [
        // 21 March 23:30 in Casablanca (UTC+0): within moment 7.
        variant('2026-03-21T23:30:00Z'),
        // Linked to moment 8 but on the 27th, outside its days; cancelled; and an unlinked item.
        variant('2026-03-27T10:00:00Z', { contentItem: 2 }),
        variant('2026-03-25T10:00:00Z', { contentItem: 2, platform: 'tiktok', publicationState: 'cancelled' }),
        variant('2026-03-25T10:00:00Z', { contentItem: 3 }),
      ],
    })
    expect(data.keyMoments.map((km) => [km.id, km.planned])).toEqual([
      [7, 1],
      [8, 0],
    ])
    expect(data.warnings).toEqual([
      {
        code: 'key_moment_unplanned',
        keyMomentId: 8,
        message: {
          fr: 'Rien n’est programmé pour le temps fort « Temps fort 8 » (25/03/2026 – 26/03/2026).',
          ar: 'لا شيء مبرمج للمحطة البارزة «Temps fort 8» (25/03/2026 – 26/03/2026).',
          en: 'Nothing is planned for the key moment “Temps fort 8” (25/03/2026 – 26/03/2026).',
        },
      },
    ])
  })

  it('count a variant by its Casablanca day: 23:30Z on the eve is the moment’s first day on UTC+1', () => {
    const data = calendar('2026-04-01', '2026-04-30', {
      keyMoments: [moment(9, '2026-04-10', '2026-04-10')],
      items: [item(1, { keyMoment: 9 })],
      variants: [variant('2026-04-09T23:30:00Z')],
    })
    expect(data.keyMoments[0]!.planned).toBe(1)
    expect(data.warnings).toEqual([])
  })

  it('count variants outside the range, and ignore the filters', () => {
    const data = calendar('2026-03-01', '2026-03-31', {
      keyMoments: [moment(7, '2026-03-30', '2026-04-03')],
      items: [item(1, { keyMoment: 7 })],
      variants: [variant('2026-04-02T10:00:00Z')],
      filters: { platform: ['facebook'] },
    })
    expect(data.entries).toEqual([])
    expect(data.keyMoments[0]!.planned).toBe(1)
    expect(data.warnings).toEqual([])
  })

  it('only appear when they overlap the range', () => {
    const data = calendar('2026-03-01', '2026-03-31', {
      keyMoments: [
        moment(1, '2026-02-20', '2026-03-01'),
        moment(2, '2026-03-31', '2026-04-02'),
        moment(3, '2026-02-01', '2026-02-28'),
        moment(4, '2026-04-01', '2026-04-01'),
      ],
    })
    expect(data.keyMoments.map((km) => km.id)).toEqual([1, 2])
  })
})

describe('filters', () => {
  const items = [
    item(1, { themes: [10], audiences: ['students'] }),
    item(2, { themes: [{ id: 11 } as Theme, 12], audiences: ['journalists', 'general_public'] }),
    item(3, { themes: [], audiences: [] }),
  ]
  const day = '2026-05-05T'
  const variants = [
    variant(`${day}08:00:00Z`, { contentItem: 1, platform: 'x', language: 'fr' }),
    variant(`${day}09:00:00Z`, { contentItem: 1, platform: 'facebook', language: 'ar' }),
    variant(`${day}10:00:00Z`, { contentItem: { id: 2 } as ContentItem, platform: 'linkedin', language: 'fr' }),
    variant(`${day}11:00:00Z`, { contentItem: 3, platform: 'tiktok', language: 'ary' }),
  ]
  const shown = (filters: BuildCalendarInput['filters']) =>
    calendar('2026-05-01', '2026-05-31', { items, variants, filters }).entries.map((entry) => entry.contentItemId + ':' + entry.platform)

  it('show everything when empty', () => {
    expect(shown({})).toEqual(['1:x', '1:facebook', '2:linkedin', '3:tiktok'])
    expect(shown({ platform: [], theme: [], audience: [], language: [] })).toHaveLength(4)
  })

  it('by platform and by language, any of the listed values', () => {
    expect(shown({ platform: ['x', 'tiktok'] })).toEqual(['1:x', '3:tiktok'])
    expect(shown({ language: ['ar', 'ary'] })).toEqual(['1:facebook', '3:tiktok'])
  })

  it('by theme and audience through the content item, ids as numbers or strings', () => {
    expect(shown({ theme: ['11'] })).toEqual(['2:linkedin'])
    expect(shown({ theme: [10, 12] })).toEqual(['1:x', '1:facebook', '2:linkedin'])
    expect(shown({ audience: ['students'] })).toEqual(['1:x', '1:facebook'])
  })

  it('combine with "and" across filters', () => {
    expect(shown({ theme: [10], language: ['ar'] })).toEqual(['1:facebook'])
    expect(shown({ audience: ['journalists'], platform: ['x'] })).toEqual([])
  })

  it('narrow the days’ entries too', () => {
    const data = calendar('2026-05-01', '2026-05-31', { items, variants, filters: { platform: ['linkedin'] } })
    expect(data.days.find((candidate) => candidate.date === '2026-05-05')!.entries.map((entry) => entry.platform)).toEqual(['linkedin'])
  })
})

describe('civil dates', () => {
  it('step over month and year ends, and read instants in Casablanca', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(casablancaDateOf('2026-04-30T23:30:00Z')).toBe('2026-05-01')
  })
})
