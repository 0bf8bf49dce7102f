/**
 * Turns Meta Graph API answers (Facebook Pages and Instagram) into data or a `NetworkError` the
 * scheduler can act on (docs/networks.md#meta-errors-and-rate-limits,
 * docs/networks.md#instagram-error-subcodes). Meta says to branch on `error.code` /
 * `error_subcode`, not on the HTTP status, so the status only decides when the body carries no
 * error object.
 */
import { retryAfter } from '../http'
import { NetworkError } from '../types'
import type { NetworkErrorKind } from '../types'
import type { Localized } from '../../../../src/i18n/catalogue'
import { pluginText } from '../../translations'

export type GraphErrorBody = {
  message?: string
  type?: string
  code?: number
  error_subcode?: number
  error_user_title?: string
  error_user_msg?: string
  is_transient?: boolean
  fbtrace_id?: string
}

/** Without an estimate from Meta, wait this long: the next call re-reads the usage headers anyway. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 15 * 60_000
/** The Instagram quota is a rolling 24 h window whose release time Meta does not give. */
const PUBLISHING_QUOTA_WAIT_MS = 60 * 60_000

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613, 80001, 80002])
/** 368 = temporarily blocked for policy (e.g. posting too fast): the account must wait, like a rate limit. */
const POLICY_BLOCK_CODE = 368
const PERMISSION_CODE = 10
const TOKEN_CODE = 190
const TOKEN_SUBCODES = new Set([458, 459, 460, 463, 464, 467, 492])
const TRANSIENT_CODES = new Set([1, 2])

/** Instagram subcodes that call for another try (docs/networks.md#instagram-error-subcodes). */
const RETRYABLE_SUBCODES = new Set([2207003, 2207027, 2207052])
/** Instagram codes without a telling subcode: 9004 = media fetch failed, 9007 = media not ready. */
const RETRYABLE_IG_CODES = new Set([9004, 9007])
const PUBLISHING_LIMIT_SUBCODE = 2207042
/**
 * The Send API's refusal past the 24-hour messaging window (Messenger, Instagram): code 10 like a
 * missing permission, but the account is fine, so it is read first, as a permanent refusal.
 */
const MESSAGING_WINDOW_SUBCODES = new Set([2018278, 2534022])

const reasons = {
  retryable: pluginText('networkErrors:meta:retryable'),
  mediaNotReady: pluginText('networkErrors:meta:mediaNotReady'),
  mediaFetch: pluginText('networkErrors:meta:mediaFetch'),
  rateLimited: pluginText('networkErrors:meta:rateLimited'),
  policyBlock: pluginText('networkErrors:meta:policyBlock'),
  publishingLimit: pluginText('networkErrors:meta:publishingLimit'),
  tokenExpired: pluginText('networkErrors:meta:tokenExpired'),
  permission: pluginText('networkErrors:meta:permission'),
  duplicate: pluginText('networkErrors:meta:duplicate'),
  linkPreview: pluginText('networkErrors:meta:linkPreview'),
  imageRejected: pluginText('networkErrors:meta:imageRejected'),
  aspectRatio: pluginText('networkErrors:meta:aspectRatio'),
  videoRejected: pluginText('networkErrors:meta:videoRejected'),
  mediaExpired: pluginText('networkErrors:meta:mediaExpired'),
  captionTooLong: pluginText('networkErrors:meta:captionTooLong'),
  accountRestricted: pluginText('networkErrors:meta:accountRestricted'),
  invalidRequest: pluginText('networkErrors:meta:invalidRequest'),
  messagingWindowClosed: pluginText('inboxDirectMessages:windowClosedByMeta'),
  recipientUnavailable: pluginText('inboxDirectMessages:recipientUnavailable'),
} satisfies Record<string, Localized>

/** Permanent Graph subcodes and codes with a reason people can act on. */
const PERMANENT_REASONS = new Map<number, Localized>([
  [506, reasons.duplicate],
  [1609005, reasons.linkPreview],
  [1366046, reasons.imageRejected],
  [2207004, reasons.imageRejected],
  [2207005, reasons.imageRejected],
  [2207009, reasons.aspectRatio],
  [36003, reasons.aspectRatio],
  [2207026, reasons.videoRejected],
  [2207020, reasons.mediaExpired],
  [2207010, reasons.captionTooLong],
  [2207001, reasons.accountRestricted],
  [2207050, reasons.accountRestricted],
  [2207051, reasons.accountRestricted],
  [2018278, reasons.messagingWindowClosed],
  [2534022, reasons.messagingWindowClosed],
  // Send API: no matching user (2018001), the person is not available (code 551).
  [2018001, reasons.recipientUnavailable],
  [551, reasons.recipientUnavailable],
])

type UsageReading = { exhausted: boolean; regainMinutes?: number }

function parseJsonHeader(value: string | null): unknown {
  if (!value) return undefined
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}

function percentValues(entry: unknown): number[] {
  if (!entry || typeof entry !== 'object') return []
  const { call_count, total_cputime, total_time } = entry as Record<string, unknown>
  return [call_count, total_cputime, total_time].filter((value): value is number => typeof value === 'number')
}

/** Reads X-App-Usage, X-Page-Usage (flat percentages) and X-Business-Use-Case-Usage (per id, per type). */
export function readUsageHeaders(headers: Headers): UsageReading {
  const flat = ['x-app-usage', 'x-page-usage'].map((name) => parseJsonHeader(headers.get(name)))
  const businessUseCase = parseJsonHeader(headers.get('x-business-use-case-usage'))
  const bucEntries =
    businessUseCase && typeof businessUseCase === 'object'
      ? Object.values(businessUseCase as Record<string, unknown>).flatMap((list) => (Array.isArray(list) ? list : []))
      : []
  const exhausted = [...flat, ...bucEntries].some((entry) => percentValues(entry).some((percent) => percent >= 100))
  const regain = bucEntries
    .map((entry) => (entry as { estimated_time_to_regain_access?: unknown }).estimated_time_to_regain_access)
    .filter((minutes): minutes is number => typeof minutes === 'number' && minutes > 0)
  return { exhausted, regainMinutes: regain.length ? Math.max(...regain) : undefined }
}

/** When the account may call again: the latest of Retry-After and Meta's regain estimate, else a default wait. */
function rateLimitRetryAt(headers: Headers, usage: UsageReading, now: Date, fallbackMs: number): Date {
  const candidates = [retryAfter(headers.get('retry-after'), now)]
  if (usage.regainMinutes !== undefined) candidates.push(new Date(now.getTime() + usage.regainMinutes * 60_000))
  const known = candidates.filter((date): date is Date => date !== undefined)
  if (!known.length) return new Date(now.getTime() + fallbackMs)
  return new Date(Math.max(...known.map((date) => date.getTime())))
}

function classify(status: number, error: GraphErrorBody | undefined, usage: UsageReading): NetworkErrorKind {
  const code = error?.code
  const subcode = error?.error_subcode
  if (code === TOKEN_CODE || (subcode !== undefined && TOKEN_SUBCODES.has(subcode))) return 'auth'
  if (subcode !== undefined && MESSAGING_WINDOW_SUBCODES.has(subcode)) return 'permanent'
  if (code === PERMISSION_CODE || (code !== undefined && code >= 200 && code <= 299)) return 'auth'
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || code === POLICY_BLOCK_CODE)) return 'rate_limited'
  if (subcode === PUBLISHING_LIMIT_SUBCODE || usage.exhausted || status === 429) return 'rate_limited'
  if (subcode !== undefined && RETRYABLE_SUBCODES.has(subcode)) return 'retryable'
  if (subcode !== undefined && PERMANENT_REASONS.has(subcode)) return 'permanent'
  if (code !== undefined && RETRYABLE_IG_CODES.has(code)) return 'retryable'
  if (code !== undefined && TRANSIENT_CODES.has(code)) return 'retryable'
  if (error?.is_transient === true || status >= 500) return 'retryable'
  return 'permanent'
}

function reasonFor(kind: NetworkErrorKind, error: GraphErrorBody | undefined): Localized {
  const code = error?.code
  const subcode = error?.error_subcode
  switch (kind) {
    case 'auth':
      return code === PERMISSION_CODE || (code !== undefined && code >= 200 && code <= 299) ? reasons.permission : reasons.tokenExpired
    case 'rate_limited':
      if (subcode === PUBLISHING_LIMIT_SUBCODE) return reasons.publishingLimit
      return code === POLICY_BLOCK_CODE ? reasons.policyBlock : reasons.rateLimited
    case 'retryable':
      if (subcode === 2207027 || code === 9007) return reasons.mediaNotReady
      if (subcode === 2207003 || subcode === 2207052 || code === 9004) return reasons.mediaFetch
      return reasons.retryable
    default:
      return (
        (subcode !== undefined ? PERMANENT_REASONS.get(subcode) : undefined) ??
        (code !== undefined ? PERMANENT_REASONS.get(code) : undefined) ??
        reasons.invalidRequest
      )
  }
}

/** Maps one failed Graph answer (status, `error` object, usage headers) to the scheduler's terms. */
export function graphError(status: number, error: GraphErrorBody | undefined, headers: Headers, now: Date): NetworkError {
  const usage = readUsageHeaders(headers)
  const kind = classify(status, error, usage)
  const code = error?.code
  const subcode = error?.error_subcode
  const fallbackWait = subcode === PUBLISHING_LIMIT_SUBCODE ? PUBLISHING_QUOTA_WAIT_MS : DEFAULT_RATE_LIMIT_WAIT_MS
  const detail = [
    `Graph API HTTP ${status}`,
    code !== undefined ? `code ${code}${subcode !== undefined ? `/${subcode}` : ''}` : undefined,
    error?.message,
    error?.fbtrace_id ? `fbtrace_id ${error.fbtrace_id}` : undefined,
  ]
  return new NetworkError({
    kind,
    message: detail.filter(Boolean).join(': '),
    status,
    code: code !== undefined ? `${code}${subcode !== undefined ? `/${subcode}` : ''}` : undefined,
    retryAt: kind === 'rate_limited' ? rateLimitRetryAt(headers, usage, now, fallbackWait) : undefined,
    reason: reasonFor(kind, error),
  })
}

/** The rate-limit error for an Instagram quota read before publishing (no Graph error involved). */
export function publishingLimitReached(quotaUsage: number, quotaTotal: number, now: Date): NetworkError {
  return new NetworkError({
    kind: 'rate_limited',
    message: `Instagram content_publishing_limit: ${quotaUsage}/${quotaTotal} used`,
    code: String(PUBLISHING_LIMIT_SUBCODE),
    retryAt: new Date(now.getTime() + PUBLISHING_QUOTA_WAIT_MS),
    reason: reasons.publishingLimit,
  })
}

/**
 * Reads a Graph answer: its JSON on success, a mapped `NetworkError` otherwise. A 2xx whose body
 * cannot be read leaves a side-effecting call's outcome unknown (the object may exist).
 */
export async function readGraphResponse<T>(response: Response, now: Date, sideEffect: boolean): Promise<T> {
  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    if (!response.ok) throw graphError(response.status, undefined, response.headers, now)
    throw new NetworkError({
      kind: sideEffect ? 'outcome_unknown' : 'retryable',
      message: `Graph API HTTP ${response.status}: unreadable body (${String(cause)})`,
      status: response.status,
      reason: sideEffect ? pluginText('networkErrors:meta:unreadableAfterSend') : reasons.retryable,
    })
  }
  const error = (body as { error?: GraphErrorBody } | null)?.error
  if (!response.ok || error) throw graphError(response.status, error, response.headers, now)
  return body as T
}
