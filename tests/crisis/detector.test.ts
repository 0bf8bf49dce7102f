/**
 * The crisis watch's detection over synthetic streams (issue 13): steady traffic raises nothing in
 * 30 days, a 3× surge with many authors raises `crisis` within its first hour, one account posting
 * 200 comments raises nothing, a slow rise raises `watch`, the cooldown holds, and Casablanca's
 * clock changes around Ramadan do not shift the baseline.
 */
import { jest } from '@jest/globals'
import { defaultCrisisParameters } from '../../plugins/campaign-ops/reporting/crisis/crisis-parameters'
import { alertDecision, normalTail, poissonTail } from '../../plugins/campaign-ops/reporting/crisis/detector'
import type { CrisisSignal } from '../../plugins/campaign-ops/reporting/crisis/detector'
import { replayCrisisWatch } from '../../plugins/campaign-ops/reporting/crisis/replay'
import { syntheticStream } from './synthetic-streams'

jest.setTimeout(120_000)

const hour = 3_600_000
const day = 24 * hour
const parameters = defaultCrisisParameters
/** Two weeks of history, then the 30 days watched. */
const start = Date.UTC(2026, 9, 1)
const watched = start + 14 * day
const summary = (alerts: ReturnType<typeof replayCrisisWatch>) => alerts.map((alert) => `${new Date(alert.at).toISOString()} ${alert.level} ${alert.series}`)

describe('the statistics', () => {
  it('Poisson tail probabilities and normal levels', () => {
    expect(poissonTail(0, 3)).toBe(1)
    expect(poissonTail(5, 2)).toBeCloseTo(0.052653, 5)
    expect(poissonTail(22, 9)).toBeCloseTo(1.75e-4, 5)
    expect(normalTail(3)).toBeCloseTo(0.00135, 5)
    expect(normalTail(2)).toBeCloseTo(0.02275, 4)
  })
})

describe('synthetic streams', () => {
  it('steady traffic raises nothing over 30 days', () => {
    const comments = syntheticStream({ seed: 1, start, hours: 44 * 24 })
    const alerts = replayCrisisWatch(comments, parameters).filter((alert) => alert.at >= watched)
    expect(summary(alerts)).toEqual([])
  })

  it('a 3× surge with many authors raises crisis within its first hour', () => {
    const surge = start + 15 * day + 19 * hour
    const comments = syntheticStream({ seed: 3, start, hours: 16 * 24, hostileFactor: (at) => (at >= surge && at < surge + 3 * hour ? 3 : 1) })
    const alerts = replayCrisisWatch(comments, parameters).filter((alert) => alert.at >= watched)
    const first = alerts.find((alert) => alert.series === 'hostile:all')
    expect(first).toMatchObject({ level: 'crisis', window: 'hour', method: 'zscore' })
    expect(first!.at - surge).toBeLessThanOrEqual(hour)
    expect(first!.authors).toBeGreaterThanOrEqual(parameters.minimumAuthors)
    expect(first!.observed).toBeGreaterThan(2 * first!.expected)
    // Nothing before the surge.
    expect(alerts.filter((alert) => alert.at < surge)).toEqual([])
  })

  it('one account posting 200 hostile comments in an hour raises nothing', () => {
    const flood = start + 15 * day + 15 * hour
    const comments = syntheticStream({ seed: 4, start, hours: 16 * 24 })
    for (let n = 0; n < 200; n += 1) comments.push({ at: flood + n * 15_000, network: 'facebook', author: 'one-account', category: 'hate', myths: [] })
    const alerts = replayCrisisWatch(comments, parameters).filter((alert) => alert.at >= flood - day)
    expect(summary(alerts)).toEqual([])
  })

  it('a slow rise raises watch first', () => {
    const rise = start + 15 * day
    const comments = syntheticStream({
      seed: 5,
      start,
      hours: 18 * 24,
      hostileFactor: (at) => (at >= rise ? 1 + Math.min(0.9, (at - rise) / (2 * day)) : 1),
    })
    const alerts = replayCrisisWatch(comments, parameters).filter((alert) => alert.at >= watched)
    expect(alerts.length).toBeGreaterThan(0)
    expect(alerts[0]).toMatchObject({ level: 'watch', window: 'sustained' })
    expect(alerts[0]!.at).toBeGreaterThan(rise)
  })

  it('Casablanca’s clock changes around Ramadan do not shift the baseline', () => {
    // Ramadan 2026: Morocco's clocks went back an hour on 15 February and forward on 22 March.
    const around = Date.UTC(2026, 1, 1)
    const comments = syntheticStream({ seed: 6, start: around, hours: 56 * 24 })
    const alerts = replayCrisisWatch(comments, parameters).filter((alert) => alert.at >= around + 14 * day)
    expect(summary(alerts)).toEqual([])
  })
})

describe('the cooldown', () => {
  const signal = (level: CrisisSignal['level']): CrisisSignal => ({
    series: 'hostile:all',
    level,
    window: level === 'crisis' ? 'hour' : 'sustained',
    method: 'zscore',
    windowStart: 0,
    windowEnd: 0,
    observed: 30,
    expected: 10,
    z: 6,
    probability: 1e-9,
    authors: 20,
    share: 0.4,
    baselineShare: 0.15,
  })
  const now = Date.UTC(2026, 11, 1, 12)

  it('an open alert carries its episode; a watch becoming a crisis escalates it', () => {
    expect(alertDecision(signal('crisis'), null, now, parameters)).toBe('raise')
    expect(alertDecision(signal('crisis'), { level: 'crisis', lastSignalAt: now - 5 * hour, open: true }, now, parameters)).toBe('continue')
    expect(alertDecision(signal('crisis'), { level: 'watch', lastSignalAt: now - 10 * 60_000, open: true }, now, parameters)).toBe('escalate')
  })

  it('after a closed alert: the same level waits the cooldown, a worse one does not', () => {
    expect(alertDecision(signal('watch'), { level: 'watch', lastSignalAt: now - hour, open: false }, now, parameters)).toBe('continue')
    expect(alertDecision(signal('watch'), { level: 'watch', lastSignalAt: now - 2 * hour, open: false }, now, parameters)).toBe('raise')
    expect(alertDecision(signal('crisis'), { level: 'watch', lastSignalAt: now - hour, open: false }, now, parameters)).toBe('raise')
  })

  it('a surge in two waves an hour apart is one alert; two hours of calm make the next a new one', () => {
    const first = start + 15 * day + 12 * hour
    const waves = (gap: number) => (at: number) => ((at >= first && at < first + hour) || (at >= first + hour + gap && at < first + 2 * hour + gap) ? 4 : 1)
    const count = (gap: number) =>
      replayCrisisWatch(syntheticStream({ seed: 7, start, hours: 16 * 24, perHour: 120, hostileFactor: waves(gap) }), parameters).filter(
        (alert) => alert.at >= first && alert.series === 'hostile:all' && alert.decision === 'raise',
      ).length
    expect(count(hour)).toBe(1)
    expect(count(5 * hour)).toBe(2)
  })
})
