/**
 * What the reporting API costs each caller: a per-key rate limit kept in PostgreSQL (so every web
 * instance shares it) and a count of every call per caller, day and route. Integration keys are
 * limited; the team's own sessions (the dashboards) are counted but not limited.
 */
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible'

import { hasRole } from '../../../src/domain/roles'
import { sqlPool } from '../../../src/infra/database'
import { refuse } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { casablancaDayOf } from './report-periods'

/** The table the limiter keeps its counters in (created by the reporting API's migration). */
export const rateLimitTable = 'report_api_rate_limits'
/** Calls per caller, day (Casablanca) and route. */
export const usageTable = 'report_api_calls'

export type ReportRateLimit = { calls: number; perSeconds: number }
export const defaultReportRateLimit: ReportRateLimit = { calls: 120, perSeconds: 60 }

type Caller = { id: number | string; role?: unknown }

const limiters = new WeakMap<object, Map<string, RateLimiterPostgres>>()

/** One limiter per pool and limit, so instances in one process share the table's prepared state. */
function limiterFor(payload: { db: unknown }, limit: ReportRateLimit): RateLimiterPostgres {
  const pool = sqlPool(payload)
  const byLimit = limiters.get(pool) ?? new Map<string, RateLimiterPostgres>()
  limiters.set(pool, byLimit)
  const key = `${limit.calls}/${limit.perSeconds}`
  let limiter = byLimit.get(key)
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: rateLimitTable,
      tableCreated: true,
      // Expired counters are swept by the limiter every few minutes.
      clearExpiredByTimeout: true,
      keyPrefix: 'reports',
      points: limit.calls,
      duration: limit.perSeconds,
    })
    byLimit.set(key, limiter)
  }
  return limiter
}

/** Counts the call against an integration key's limit; over it, a 429 with Retry-After. */
export async function consumeReportCall(
  payload: { db: unknown },
  caller: Caller,
  limit: ReportRateLimit,
): Promise<{ remaining: number | null; limit: number | null }> {
  if (!hasRole(caller as never, 'integration')) return { remaining: null, limit: null }
  try {
    const result = await limiterFor(payload, limit).consume(String(caller.id))
    return { remaining: result.remainingPoints, limit: limit.calls }
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    refuse({
      status: 429,
      code: 'rate_limited',
      message: pluginText('reportsApi:rateLimited', { seconds }),
      details: { retryAfterSeconds: seconds, limit: limit.calls, perSeconds: limit.perSeconds },
      headers: { 'Retry-After': String(seconds), 'Cache-Control': 'no-store' },
    })
  }
}

/** Adds one call by this caller to today's count for the route. */
export async function countReportCall(payload: { db: unknown }, caller: Caller, route: string): Promise<void> {
  await sqlPool(payload).query(
    `INSERT INTO ${usageTable} (user_id, day, route, calls) VALUES ($1, $3::date, $2, 1)
     ON CONFLICT (user_id, day, route) DO UPDATE SET calls = ${usageTable}.calls + 1`,
    [Number(caller.id), route, casablancaDayOf(new Date())],
  )
}

export type UsageRow = { userId: number; day: string; route: string; calls: number }

/** The calls counted since `sinceDay`, per caller, day and route; one caller's only when `userId` is given. */
export async function reportUsage(payload: { db: unknown }, sinceDay: string, userId?: number): Promise<UsageRow[]> {
  const { rows } = await sqlPool(payload).query(
    `SELECT user_id, to_char(day, 'YYYY-MM-DD') AS day, route, calls FROM ${usageTable}
      WHERE day >= $1::date AND ($2::int IS NULL OR user_id = $2) ORDER BY day DESC, user_id, route`,
    [sinceDay, userId ?? null],
  )
  return rows.map((row) => ({ userId: Number(row.user_id), day: String(row.day), route: String(row.route), calls: Number(row.calls) }))
}
