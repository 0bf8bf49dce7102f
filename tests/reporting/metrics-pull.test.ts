/**
 * The scheduled metrics pulls over the fake Graph API: which posts are read when (by age), what a
 * snapshot holds (missing metrics null, never 0; the definition date), failures keeping the last
 * good snapshot and saying when, and the account's budget shared with publishing and the inbox.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { metricsPullStateKey, pullInterval, pullMetrics, readNowGapMs } from '../../plugins/campaign-ops/reporting/metrics-pull'
import type { MetricsPullState } from '../../plugins/campaign-ops/reporting/metrics-pull'
import { metricDefinitionDate } from '../../plugins/campaign-ops/reporting/metric-definitions'
import { FAKE_PAGE_ID, FAKE_TOKEN } from '../networks/fakes/meta-graph-fake'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { startInboxApp } from '../inbox/inbox-fixtures'
import type { InboxApp } from '../inbox/inbox-fixtures'

const hour = 3_600_000
const day = 24 * hour

let inbox: InboxApp
let payload: Payload
let meta: MetaGraphFake
const pull = (now = new Date()) => pullMetrics(payload, { runtime: inbox.settings.actions!.runtime }, now)

/** A post really on the fake Page, and its variant in Badil published `ago` ms ago. */
async function publishedPost(message: string, ago: number): Promise<{ remoteId: string; variant: number }> {
  const response = await fetch(`${meta.baseUrl}/${FAKE_PAGE_ID}/feed`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${FAKE_TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ message }),
  })
  const { id } = (await response.json()) as { id: string }
  return { remoteId: id, variant: await inbox.publishPost(id, { ago }) }
}

const snapshotsOf = async (variant: number) =>
  (await payload.find({ collection: 'metric-snapshots', where: { variant: { equals: variant } }, sort: 'fetchedAt', overrideAccess: true, depth: 0 })).docs

beforeAll(async () => {
  inbox = await startInboxApp()
  ;({ payload, meta } = inbox)
})

afterAll(async () => {
  await inbox?.close()
})

describe('how often a post is read', () => {
  it('hourly for two days, every 6 hours for a week, daily for a month, weekly for a year, then no more', () => {
    expect(pullInterval(3 * hour)).toBe(hour)
    expect(pullInterval(3 * day)).toBe(6 * hour)
    expect(pullInterval(20 * day)).toBe(day)
    expect(pullInterval(200 * day)).toBe(7 * day)
    expect(pullInterval(400 * day)).toBeNull()
  })

  it('records the definition in force when the snapshot was taken', () => {
    expect(metricDefinitionDate('youtube', new Date('2026-01-10T00:00:00Z'))).toBe('2025-03-31')
    expect(metricDefinitionDate('youtube', new Date('2026-09-10T00:00:00Z'))).toBe('2026-08-01')
    expect(metricDefinitionDate('instagram', new Date('2026-12-01T00:00:00Z'))).toBe('2025-04-21')
  })
})

describe('pulling our posts’ metrics', () => {
  let fresh: { remoteId: string; variant: number }
  let older: { remoteId: string; variant: number }
  let tooOld: { remoteId: string; variant: number }

  beforeAll(async () => {
    fresh = await publishedPost('Publication du jour', 3 * hour)
    older = await publishedPost('Publication de la semaine dernière', 10 * day)
    tooOld = await publishedPost('Publication de l’an dernier', 400 * day)
    meta.state.insights.set(fresh.remoteId, { post_media_view: 1_250, post_reactions_by_type_total: { like: 30, love: 4 } })
    meta.state.insights.set(older.remoteId, { post_media_view: 9_000 })
  })

  it('reads every post still in its reading window, with missing metrics null and the definition date', async () => {
    const now = new Date()
    expect(await pull(now)).toEqual({ accounts: 1, posts: 2, snapshots: 2, accountSnapshots: 1, errors: 0 })
    const [snapshot] = await snapshotsOf(fresh.variant)
    expect(snapshot).toMatchObject({ network: 'facebook', account: inbox.pageAccount, remoteId: fresh.remoteId, fetchedAt: now.toISOString() })
    expect(snapshot!.values).toMatchObject({ post_media_view: 1_250, post_reactions_by_type_total: 34 })
    // What the network did not give is missing, not zero.
    expect(Object.values(snapshot!.values as Record<string, unknown>)).toContain(null)
    expect(Object.entries(snapshot!.values as Record<string, unknown>).filter(([, value]) => value === 0)).toEqual([])
    expect(new Date(snapshot!.definitionDate).toISOString().slice(0, 10)).toBe('2025-11-15')
    expect(await snapshotsOf(older.variant)).toHaveLength(1)
    expect(await snapshotsOf(tooOld.variant)).toHaveLength(0)
  })

  it('reads a post again only when its age says so', async () => {
    const start = new Date()
    expect(await pull(new Date(start.getTime() + 5 * 60_000))).toMatchObject({ posts: 0, snapshots: 0 })
    // An hour later the 3-hour-old post is read again; the 10-day-old one waits its day.
    meta.state.insights.set(fresh.remoteId, { post_media_view: 1_900 })
    expect(await pull(new Date(start.getTime() + hour + 60_000))).toMatchObject({ posts: 1, snapshots: 1 })
    const snapshots = await snapshotsOf(fresh.variant)
    expect(snapshots.map((snapshot) => (snapshot.values as Record<string, number>).post_media_view)).toEqual([1_250, 1_900])
    expect(await pull(new Date(start.getTime() + 6 * hour + 60_000))).toMatchObject({ posts: 1, snapshots: 1 })
    expect(await pull(new Date(start.getTime() + day + 60_000))).toMatchObject({ posts: 2, snapshots: 2 })
  })

  it('a read asked now reads every post not read in the last minute, whatever its age says', async () => {
    const now = new Date(Date.now() + day + 2 * hour)
    const readNow = (at: Date) => pullMetrics(payload, { runtime: inbox.settings.actions!.runtime }, at, readNowGapMs)
    // Both posts were last read more than a minute ago: both are read, whatever their age says.
    expect(await readNow(now)).toMatchObject({ posts: 2, snapshots: 2 })
    // Thirty seconds later: nothing, a person cannot hammer the network.
    expect(await readNow(new Date(now.getTime() + 30_000))).toMatchObject({ posts: 0 })
    meta.state.insights.set(older.remoteId, { post_media_view: 9_500 })
    // Two minutes after it: both posts, though neither is due by its age.
    expect(await pull(new Date(now.getTime() + 120_000))).toMatchObject({ posts: 0 })
    expect(await readNow(new Date(now.getTime() + 120_000))).toMatchObject({ posts: 2, snapshots: 2 })
    expect((await snapshotsOf(older.variant)).map((snapshot) => (snapshot.values as Record<string, number>).post_media_view).at(-1)).toBe(9_500)
  })

  it('a read that fails keeps the last good snapshot and says when and why; the next success clears it', async () => {
    const now = new Date(Date.now() + 2 * day)
    meta.failNext({
      count: 2,
      status: 500,
      error: { code: 2, message: 'An unexpected error has occurred. Please retry your request later.', is_transient: true },
    })
    const failed = await pull(now)
    expect(failed.errors).toBeGreaterThan(0)
    const state = await payload.kv.get<MetricsPullState>(metricsPullStateKey(fresh.variant))
    expect(state).toMatchObject({ lastAttemptAt: now.toISOString(), lastErrorAt: now.toISOString(), lastError: expect.stringMatching(/\S/) })
    expect((await snapshotsOf(fresh.variant)).length).toBeGreaterThanOrEqual(2)
    meta.state.failures.length = 0
    const later = new Date(now.getTime() + 7 * hour)
    await pull(later)
    expect(await payload.kv.get<MetricsPullState>(metricsPullStateKey(fresh.variant))).toEqual({
      lastAttemptAt: later.toISOString(),
      lastError: null,
      lastErrorAt: null,
    })
  })

  it('a rate limit stops the account’s pulls and leaves it alone, for publishing and the inbox too, until it ends', async () => {
    const now = new Date(Date.now() + 3 * day)
    meta.failNext({
      count: 20,
      status: 400,
      error: { code: 4, message: '(#4) Application request limit reached', is_transient: true },
      match: { method: 'GET' },
    })
    expect(await pull(now)).toMatchObject({ accounts: 1, posts: 1, errors: 1 })
    const client = new pg.Client({ connectionString: inbox.app.databaseUrl })
    await client.connect()
    try {
      const account = (await client.query('SELECT status, rate_limited_until FROM network_accounts WHERE id = $1', [inbox.pageAccount])).rows[0]
      expect(account.status).toBe('rate_limited')
      expect(await pull(new Date(now.getTime() + 60_000))).toMatchObject({ accounts: 0, posts: 0 })
      await client.query(`UPDATE network_accounts SET status = 'ok', rate_limited_until = NULL WHERE id = $1`, [inbox.pageAccount])
    } finally {
      await client.end()
    }
    meta.state.failures.length = 0
  })

  it('reads at most the allowed number of posts per account and run; the rest wait for the next run', async () => {
    const later = new Date(Date.now() + 20 * day)
    const limited = (now: Date) => pullMetrics(payload, { runtime: inbox.settings.actions!.runtime, postsPerAccount: 1 }, now)
    expect(await limited(later)).toMatchObject({ posts: 1, snapshots: 1 })
    expect(await limited(later)).toMatchObject({ posts: 1, snapshots: 1 })
    expect(await limited(later)).toMatchObject({ posts: 0, snapshots: 0 })
  })

  it('nobody can write a snapshot through the API', async () => {
    const created = await inbox.api('admin', 'POST', '/metric-snapshots', {
      network: 'facebook',
      remoteId: 'forged',
      values: { post_media_view: 1 },
      fetchedAt: new Date().toISOString(),
      definitionDate: '2025-11-15',
    })
    expect(created.status).toBe(403)
    const [first] = await snapshotsOf(fresh.variant)
    expect((await inbox.api('admin', 'DELETE', `/metric-snapshots/${first!.id}`)).status).toBe(403)
    expect((await inbox.api('analyst', 'GET', `/metric-snapshots/${first!.id}`)).status).toBe(200)
    expect((await inbox.api('legal', 'GET', `/metric-snapshots/${first!.id}`)).status).toBe(403)
  })
})

describe('pulling our accounts’ own figures', () => {
  it('reads each account’s followers and 28-day reach once a day, as an account snapshot', async () => {
    const accountSnapshots = async () =>
      (
        await payload.find({
          collection: 'metric-snapshots',
          where: { and: [{ scope: { equals: 'account' } }, { account: { equals: inbox.pageAccount } }] },
          sort: 'fetchedAt',
          overrideAccess: true,
          depth: 0,
        })
      ).docs
    const before = (await accountSnapshots()).length
    meta.state.accountFigures.page.followers_count = 13_001
    const now = new Date(Date.now() + 40 * day)
    expect((await pull(now)).accountSnapshots).toBe(1)
    const latest = (await accountSnapshots()).at(-1)!
    expect(latest).toMatchObject({ scope: 'account', network: 'facebook', variant: null, followers: 13_001, fetchedAt: now.toISOString() })
    expect(latest.values).toMatchObject({ followers_count: 13_001 })
    expect(typeof latest.periodReach).toBe('number')
    // Within the day: not again.
    expect((await pull(new Date(now.getTime() + 3 * hour))).accountSnapshots).toBe(0)
    expect((await accountSnapshots()).length).toBe(before + 1)
  })
})
