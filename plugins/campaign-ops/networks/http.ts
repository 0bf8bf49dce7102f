import { NetworkError } from './types'
import type { AdapterContext } from './types'
import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

const unknownOutcome = pluginText('networkErrors:unknownOutcome')

const unreachable = pluginText('networkErrors:unreachable')

/** Connection errors that prove the request never reached the server. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } })?.cause
  return cause?.code ?? (error as { code?: string })?.code
}

/**
 * One HTTP call with a timeout. A request that may have reached the network and got no answer
 * (timeout, reset) is `outcome_unknown` when `sideEffect` is set — a publish must never be retried
 * blindly — and `retryable` otherwise (reads, status polls).
 */
export async function callNetwork(context: AdapterContext, url: string, init: RequestInit & { sideEffect: boolean }): Promise<Response> {
  const { sideEffect, ...requestInit } = init
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), context.timeoutMs)
  try {
    return await context.fetch(url, { ...requestInit, signal: controller.signal })
  } catch (error) {
    const code = errorCode(error)
    if (code && notSentCodes.has(code)) {
      throw new NetworkError({ kind: 'retryable', message: `${url}: ${code}`, code, reason: unreachable })
    }
    throw new NetworkError({
      kind: sideEffect ? 'outcome_unknown' : 'retryable',
      message: `${url}: ${controller.signal.aborted ? `no answer within ${context.timeoutMs} ms` : (code ?? String(error))}`,
      code: controller.signal.aborted ? 'timeout' : code,
      reason: sideEffect ? unknownOutcome : unreachable,
    })
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The body of an answer: JSON when it parses, the text otherwise, null when empty. An answer cut
 * off while it was read says nothing about a request with side effects: its outcome is unknown.
 */
export async function readAnswer(
  response: Response,
  call: { url: string; sideEffect: boolean },
  reasons: { answerLost: Localized; serverError: Localized },
): Promise<unknown> {
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    throw new NetworkError({
      kind: call.sideEffect ? 'outcome_unknown' : 'retryable',
      status: response.status,
      message: `${call.url}: answer cut off (${String(error)})`,
      reason: call.sideEffect ? reasons.answerLost : reasons.serverError,
    })
  }
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Retry-After as seconds or an HTTP date, relative to `now`. */
export function retryAfter(header: string | null, now: Date): Date | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return new Date(now.getTime() + Math.max(0, seconds) * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : new Date(date)
}
