/**
 * Scheduled pulls of our posts' metrics through each network's adapter: recent posts often, older
 * ones rarely, a limited number per account and run, inside the account's budget shared with
 * publishing and the inbox (a rate-limited account is left alone, a revoked one waits for a
 * person). Each successful read is appended as a snapshot; a read that fails keeps the last good
 * snapshot, and when it failed and why are kept per post in the key-value store.
 */
import type { Payload, TaskConfig } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import { networks } from '../networks/registry'
import type { Network } from '../networks/registry'
import type { AdapterContext, NetworkAdapter, NetworkError } from '../networks/types'
import { accountsWithinBudget, stopsAccount, usableAccount } from '../publishing/account-budget'
import type { UsableAccount } from '../publishing/account-budget'
import type { PublishingRuntime } from '../publishing/runtime'
import { reasonText } from '../publishing/variant-state'
import { metricDefinitionDate } from './metric-definitions'
import { metricSnapshotsSlug } from './metric-snapshots-collection'

export const pullMetricsTask = 'pullPostMetrics'
/** The queue of the reporting's background work. */
export const reportingQueue = 'reporting'

const hour = 3_600_000
const day = 24 * hour

/** How often a post's metrics are read, by the post's age; posts older than the last step are no longer read. */
export const pullCadence: readonly { maxAgeMs: number; everyMs: number }[] = [
  { maxAgeMs: 2 * day, everyMs: hour },
  { maxAgeMs: 7 * day, everyMs: 6 * hour },
  { maxAgeMs: 30 * day, everyMs: day },
  { maxAgeMs: 365 * day, everyMs: 7 * day },
]

export type MetricsPullSettings = {
  runtime: PublishingRuntime
  /** Posts read per account and run at most, the most overdue first (the rest wait for the next run). */
  postsPerAccount?: number
}

/** A read asked by a person reads every post not read in the last minute, whatever its cadence. */
export const readNowGapMs = 60_000

/** What a run read: accounts asked, posts due, post snapshots and account snapshots taken, reads that failed. */
export type MetricsPullReport = { accounts: number; posts: number; snapshots: number; accountSnapshots: number; errors: number }

/** An account's own figures (followers, period reach) are read once a day. */
export const accountFiguresEveryMs = 24 * 3_600_000

/** The last pull of one post: when it was tried, and the last failure (kept until a read succeeds). */
export type MetricsPullState = { lastAttemptAt: string; lastError: string | null; lastErrorAt: string | null }

export const metricsPullStateKey = (variantId: number) => `metrics-pull:${variantId}`
export const accountFiguresStateKey = (accountId: number) => `metrics-pull:account:${accountId}`

/** A read tried now: a success clears the last failure, a failure is kept with when and why. */
async function recordAttempt(payload: Payload, key: string, now: Date, error?: unknown): Promise<void> {
  const at = now.toISOString()
  const failure = error === undefined ? { lastError: null, lastErrorAt: null } : { lastError: reasonText((error as NetworkError).reason), lastErrorAt: at }
  await payload.kv.set(key, { lastAttemptAt: at, ...failure } satisfies MetricsPullState)
}

/** When a read last touched something: its latest snapshot or its latest attempt (0 when never). */
function lastTouched(lastSnapshot: unknown, state: MetricsPullState | null): number {
  return Math.max(lastSnapshot ? new Date(lastSnapshot as string).getTime() : 0, state ? new Date(state.lastAttemptAt).getTime() : 0)
}

/** Every how long a post of this age is read; null once it is too old to be read. */
export function pullInterval(ageMs: number): number | null {
  return pullCadence.find((step) => ageMs <= step.maxAgeMs)?.everyMs ?? null
}

type DuePost = { variantId: number; remoteId: string; overdueMs: number; state: MetricsPullState | null }

/** The account's published posts whose next read is due, the most overdue first. */
async function duePosts(payload: Payload, account: UsableAccount, now: Date, limit: number, gapMs: number | undefined): Promise<DuePost[]> {
  const { rows } = await sqlPool(payload).query(
    `SELECT v.id, v.remote_id, v.published_at, (SELECT max(s.fetched_at) FROM metric_snapshots s WHERE s.variant_id = v.id) AS last_snapshot
       FROM platform_variants v
      WHERE v.network_account_id = $1 AND v.publication_state = 'published' AND v.remote_id IS NOT NULL AND v.published_at IS NOT NULL
        AND v.published_at > $2::timestamptz - make_interval(days => 365)`,
    [account.id, now],
  )
  const due: DuePost[] = []
  for (const row of rows) {
    const variantId = Number(row.id)
    const cadence = pullInterval(now.getTime() - new Date(row.published_at as string).getTime())
    if (cadence === null) continue
    const every = gapMs === undefined ? cadence : Math.min(cadence, gapMs)
    const state = await payload.kv.get<MetricsPullState>(metricsPullStateKey(variantId))
    const touched = lastTouched(row.last_snapshot, state)
    const overdueMs = now.getTime() - (touched + every)
    if (touched === 0 || overdueMs >= 0) due.push({ variantId, remoteId: String(row.remote_id), overdueMs: touched === 0 ? Infinity : overdueMs, state })
  }
  return due.sort((left, right) => right.overdueMs - left.overdueMs).slice(0, limit)
}

/**
 * The account's own figures, once a day: appended as an account snapshot; a failure is kept like
 * a post's. True when the failure means the account must be left alone for now.
 */
async function pullAccountFigures(
  payload: Payload,
  account: UsableAccount,
  adapter: NetworkAdapter,
  context: AdapterContext,
  report: MetricsPullReport,
  now: Date,
): Promise<boolean> {
  const db = sqlPool(payload)
  const state = await payload.kv.get<MetricsPullState>(accountFiguresStateKey(account.id))
  const { rows } = await db.query(`SELECT max(fetched_at) AS last FROM metric_snapshots WHERE account_id = $1 AND scope = 'account'`, [account.id])
  const touched = lastTouched(rows[0]?.last, state)
  if (touched && now.getTime() - touched < accountFiguresEveryMs) return false
  try {
    const figures = await adapter.fetchAccountMetrics(account.credentials, context)
    await payload.create({
      collection: metricSnapshotsSlug,
      overrideAccess: true,
      data: {
        scope: 'account',
        network: account.network,
        account: account.id,
        remoteId: account.credentials.accountId,
        values: figures.values,
        fetchedAt: figures.fetchedAt,
        definitionDate: metricDefinitionDate(account.network, new Date(figures.fetchedAt)),
      },
    })
    report.accountSnapshots += 1
    await recordAttempt(payload, accountFiguresStateKey(account.id), now)
    return false
  } catch (error) {
    report.errors += 1
    await recordAttempt(payload, accountFiguresStateKey(account.id), now, error)
    return stopsAccount(db, account, error, now)
  }
}

async function pullAccount(
  payload: Payload,
  settings: MetricsPullSettings,
  account: UsableAccount,
  report: MetricsPullReport,
  now: Date,
  gapMs: number | undefined,
): Promise<void> {
  const db = sqlPool(payload)
  const adapter = settings.runtime.adapters[account.network]
  // A run's snapshots are dated by the run's clock, the one their next reading is planned with.
  const context = { ...settings.runtime.adapterContext(account.network), now: () => now }
  if (await pullAccountFigures(payload, account, adapter, context, report, now)) return
  for (const post of await duePosts(payload, account, now, settings.postsPerAccount ?? 50, gapMs)) {
    report.posts += 1
    try {
      const snapshot = await adapter.fetchMetrics(post.remoteId, account.credentials, context)
      await payload.create({
        collection: metricSnapshotsSlug,
        overrideAccess: true,
        data: {
          scope: 'post',
          network: account.network,
          account: account.id,
          variant: post.variantId,
          remoteId: post.remoteId,
          values: snapshot.values,
          fetchedAt: snapshot.fetchedAt,
          definitionDate: metricDefinitionDate(account.network, new Date(snapshot.fetchedAt)),
        },
      })
      report.snapshots += 1
      await recordAttempt(payload, metricsPullStateKey(post.variantId), now)
    } catch (error) {
      const stop = await stopsAccount(db, account, error, now)
      report.errors += 1
      await recordAttempt(payload, metricsPullStateKey(post.variantId), now, error)
      if (stop) return
    }
  }
}

/**
 * Reads the metrics of every due post of every API account within its budget; with `gapMs`
 * (a read asked now), every post not read for that long is due.
 */
export async function pullMetrics(payload: Payload, settings: MetricsPullSettings, now = new Date(), gapMs?: number): Promise<MetricsPullReport> {
  const db = sqlPool(payload)
  const report: MetricsPullReport = { accounts: 0, posts: 0, snapshots: 0, accountSnapshots: 0, errors: 0 }
  for (const id of await accountsWithinBudget(db, networks as readonly Network[], now)) {
    const account = await usableAccount(payload, db, settings.runtime, id, now)
    if (!account) continue
    report.accounts += 1
    await pullAccount(payload, settings, account, report, now, gapMs)
  }
  return report
}

/** Every hour on the reporting queue, one run at a time across instances. */
export function pullMetricsTaskConfig(settings: MetricsPullSettings): TaskConfig {
  return {
    slug: pullMetricsTask,
    retries: 0,
    schedule: [{ cron: '7 * * * *', queue: reportingQueue }],
    outputSchema: [
      { name: 'accounts', type: 'number' },
      { name: 'posts', type: 'number' },
      { name: 'snapshots', type: 'number' },
      { name: 'accountSnapshots', type: 'number' },
      { name: 'errors', type: 'number' },
    ],
    handler: async ({ req }) => ({ output: await pullMetrics(req.payload, settings) }),
  }
}
