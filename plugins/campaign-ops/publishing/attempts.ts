import type { Payload } from 'payload'

import { publicationAttemptsSlug } from './publication-attempts-collection'

export type AttemptStart = {
  variantId: number
  attemptNumber: number
  kind: 'publish' | 'reconcile' | 'manual' | 'resolve'
  idempotencyKey: string
  instance: string
  platform: string
  accountId?: number | null
  actorId?: number | null
  requestSummary?: Record<string, unknown>
  outcome?: AttemptOutcome
}

export type AttemptOutcome =
  | 'in_progress'
  | 'succeeded'
  | 'retry_scheduled'
  | 'rate_limited'
  | 'failed'
  | 'outcome_unknown'
  | 'found'
  | 'not_found'
  | 'vetoed'
  | 'interrupted'

export type AttemptFinish = {
  outcome: AttemptOutcome
  response?: unknown
  errorKind?: string | null
  reason?: string | null
  remoteId?: string | null
  permalink?: string | null
  retryAt?: Date | null
  requestSummary?: Record<string, unknown>
}

export type OpenAttempt = { id: number | string; startedAt: Date }

/** Each variant's attempts share one key: the network side and `lookup` see the same publication. */
export function idempotencyKeyOf(variantId: number | string): string {
  return `badil-variant-${variantId}`
}

export async function startAttempt(payload: Payload, start: AttemptStart): Promise<OpenAttempt> {
  const startedAt = new Date()
  const doc = await payload.create({
    collection: publicationAttemptsSlug as 'publication-attempts',
    overrideAccess: true,
    data: {
      variant: start.variantId,
      attemptNumber: start.attemptNumber,
      kind: start.kind,
      idempotencyKey: start.idempotencyKey,
      instance: start.instance,
      platform: start.platform,
      networkAccount: start.accountId ?? null,
      actor: start.actorId ?? null,
      outcome: start.outcome ?? 'in_progress',
      requestSummary: start.requestSummary ?? null,
      startedAt: startedAt.toISOString(),
    },
  })
  return { id: doc.id, startedAt }
}

export async function finishAttempt(payload: Payload, attempt: OpenAttempt, finish: AttemptFinish): Promise<void> {
  const finishedAt = new Date()
  await payload.update({
    collection: publicationAttemptsSlug as 'publication-attempts',
    id: attempt.id,
    overrideAccess: true,
    data: {
      outcome: finish.outcome,
      response: (finish.response ?? null) as never,
      errorKind: finish.errorKind ?? null,
      reason: finish.reason ?? null,
      remoteId: finish.remoteId ?? null,
      permalink: finish.permalink ?? null,
      retryAt: finish.retryAt ? finish.retryAt.toISOString() : null,
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - attempt.startedAt.getTime(),
      ...(finish.requestSummary ? { requestSummary: finish.requestSummary } : {}),
    },
  })
}
