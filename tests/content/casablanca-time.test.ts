import {
  casablancaOffsetMinutes,
  casablancaWallTimeToUtc,
  formatInCasablanca,
  formatUtcOffset,
  resolveCasablancaWallTime,
  toCasablancaParts,
} from '../../src/domain/casablanca-time'

// Facts shared by every tz database release since 2018: UTC+1 all year except Ramadan, when
// Morocco is on UTC+0; in 2026 clocks went back on 15 February at 03:00 (to 02:00) and forward
// on 22 March at 02:00 (to 03:00). Later years depend on the runtime's tz release (the 2026c
// data shipped with Node 22.23 already differs from 2025 releases from September 2026 on), so
// they are not pinned here.
const insideRamadan2026 = new Date('2026-03-01T12:00:00Z')
const beforeRamadan2026 = new Date('2026-01-15T12:00:00Z')
const afterRamadan2026 = new Date('2026-05-01T12:00:00Z')

describe('offset', () => {
  it('is UTC+0 during Ramadan 2026 and UTC+1 around it', () => {
    expect(casablancaOffsetMinutes(insideRamadan2026)).toBe(0)
    expect(casablancaOffsetMinutes(beforeRamadan2026)).toBe(60)
    expect(casablancaOffsetMinutes(afterRamadan2026)).toBe(60)
  })

  it('changes at the documented instants of 2026', () => {
    expect(toCasablancaParts('2026-02-15T01:59:59Z')).toEqual({
      year: 2026,
      month: 2,
      day: 15,
      hour: 2,
      minute: 59,
      second: 59,
      offsetMinutes: 60,
    })
    expect(toCasablancaParts('2026-02-15T02:00:00Z')).toEqual({
      year: 2026,
      month: 2,
      day: 15,
      hour: 2,
      minute: 0,
      second: 0,
      offsetMinutes: 0,
    })
    expect(toCasablancaParts('2026-03-22T01:59:59Z')).toMatchObject({ hour: 1, minute: 59, offsetMinutes: 0 })
    expect(toCasablancaParts('2026-03-22T02:00:00Z')).toMatchObject({ hour: 3, minute: 0, offsetMinutes: 60 })
  })

  it('crosses midnight and keeps sub-second instants on the right second', () => {
    expect(toCasablancaParts('2026-01-31T23:30:00.999Z')).toEqual({
      year: 2026,
      month: 2,
      day: 1,
      hour: 0,
      minute: 30,
      second: 0,
      offsetMinutes: 60,
    })
  })

  it('is always 0 or +1 hour in later years, whatever the tz release', () => {
    for (let month = 0; month < 12; month += 1) {
      expect([0, 60]).toContain(casablancaOffsetMinutes(new Date(Date.UTC(2027, month, 20, 12))))
    }
  })

  it('formats offsets', () => {
    expect(formatUtcOffset(60)).toBe('+01:00')
    expect(formatUtcOffset(0)).toBe('+00:00')
    expect(formatUtcOffset(-90)).toBe('-01:30')
  })
})

describe('formatInCasablanca', () => {
  it('shows Ramadan time with +00:00 and the rest of the year with +01:00, 24-hour clock', () => {
    const inside = formatInCasablanca(insideRamadan2026, 'fr')
    expect(inside).toContain('01/03/2026')
    expect(inside).toContain('12:00')
    expect(inside).toContain('(UTC+00:00)')
    const outside = formatInCasablanca(afterRamadan2026, 'fr')
    expect(outside).toContain('01/05/2026')
    expect(outside).toContain('13:00')
    expect(outside).toContain('(UTC+01:00)')
    expect(formatInCasablanca('2026-05-01T20:45:00Z', 'en')).toContain('21:45')
  })

  it('uses Western digits and an isolated offset in Arabic', () => {
    const arabic = formatInCasablanca(afterRamadan2026, 'ar')
    expect(arabic).toContain('13:00')
    expect(arabic).toContain('2026')
    expect(arabic).toContain('\u2066UTC+01:00\u2069')
    expect(arabic).not.toMatch(/[\u0660-\u0669]/)
  })

  it('accepts ISO strings and refuses invalid dates', () => {
    expect(formatInCasablanca('2026-03-01T12:00:00Z', 'en')).toBe(formatInCasablanca(insideRamadan2026, 'en'))
    expect(() => formatInCasablanca('pas une date', 'fr')).toThrow(RangeError)
  })
})

describe('wall time to UTC', () => {
  it('reads a time inside Ramadan as UTC+0 and outside as UTC+1', () => {
    expect(casablancaWallTimeToUtc({ year: 2026, month: 3, day: 1, hour: 12, minute: 0 }).toISOString()).toBe('2026-03-01T12:00:00.000Z')
    expect(casablancaWallTimeToUtc({ year: 2026, month: 5, day: 1, hour: 12, minute: 0 }).toISOString()).toBe('2026-05-01T11:00:00.000Z')
    expect(casablancaWallTimeToUtc({ year: 2026, month: 1, day: 1, hour: 0, minute: 30 }).toISOString()).toBe('2025-12-31T23:30:00.000Z')
  })

  it('round-trips every quarter hour across both 2026 clock changes', () => {
    for (const start of ['2026-02-14T00:00:00Z', '2026-03-21T00:00:00Z']) {
      for (let step = 0; step < 3 * 24 * 4; step += 1) {
        const instant = new Date(Date.parse(start) + step * 15 * 60_000)
        const { offsetMinutes, ...wall } = toCasablancaParts(instant)
        const resolved = resolveCasablancaWallTime(wall)
        const { offsetMinutes: resolvedOffset, ...resolvedWall } = toCasablancaParts(resolved.utc)
        expect(resolvedWall).toEqual(wall)
        if (resolved.kind === 'exact') expect(resolved.utc).toEqual(instant)
        else expect(resolved.kind === 'repeated' && resolvedOffset === 60 && offsetMinutes <= 60).toBe(true)
      }
    }
  })

  it('takes the first occurrence of a repeated time (15 February 2026, 02:00–02:59)', () => {
    const repeated = resolveCasablancaWallTime({ year: 2026, month: 2, day: 15, hour: 2, minute: 30 })
    expect(repeated.kind).toBe('repeated')
    expect(repeated.utc.toISOString()).toBe('2026-02-15T01:30:00.000Z')
    expect(resolveCasablancaWallTime({ year: 2026, month: 2, day: 15, hour: 1, minute: 59 })).toEqual({
      kind: 'exact',
      utc: new Date('2026-02-15T00:59:00Z'),
    })
    expect(resolveCasablancaWallTime({ year: 2026, month: 2, day: 15, hour: 3, minute: 0 })).toEqual({
      kind: 'exact',
      utc: new Date('2026-02-15T03:00:00Z'),
    })
  })

  it('moves a skipped time forward by the jump (22 March 2026, 02:00–02:59)', () => {
    const skipped = resolveCasablancaWallTime({ year: 2026, month: 3, day: 22, hour: 2, minute: 30 })
    expect(skipped.kind).toBe('skipped')
    expect(skipped.utc.toISOString()).toBe('2026-03-22T02:30:00.000Z')
    expect(toCasablancaParts(skipped.utc)).toMatchObject({ hour: 3, minute: 30 })
    expect(resolveCasablancaWallTime({ year: 2026, month: 3, day: 22, hour: 1, minute: 59 })).toEqual({
      kind: 'exact',
      utc: new Date('2026-03-22T01:59:00Z'),
    })
    expect(resolveCasablancaWallTime({ year: 2026, month: 3, day: 22, hour: 3, minute: 0 })).toEqual({
      kind: 'exact',
      utc: new Date('2026-03-22T02:00:00Z'),
    })
  })

  it('refuses wall times that do not exist on any calendar', () => {
    expect(() => casablancaWallTimeToUtc({ year: 2026, month: 2, day: 29, hour: 10, minute: 0 })).toThrow(RangeError)
    expect(() => casablancaWallTimeToUtc({ year: 2026, month: 13, day: 1, hour: 10, minute: 0 })).toThrow(RangeError)
    expect(() => casablancaWallTimeToUtc({ year: 2026, month: 1, day: 1, hour: 24, minute: 0 })).toThrow(RangeError)
    expect(() => casablancaWallTimeToUtc({ year: 2026, month: 1, day: 1, hour: 9, minute: 7.5 })).toThrow(RangeError)
    expect(casablancaWallTimeToUtc({ year: 2028, month: 2, day: 29, hour: 10, minute: 0 })).toBeInstanceOf(Date)
  })
})
