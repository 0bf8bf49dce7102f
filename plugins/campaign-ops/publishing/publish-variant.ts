import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import type { SqlClient } from '../../../src/infra/database'
import { networkLabels, networkOfPlatform } from '../networks/registry'
import type { Network } from '../networks/registry'
import { NetworkError } from '../networks/types'
import type { NetworkPlatform, PublishRequest, PublishResult } from '../networks/types'
import { loadAccount } from './account-credentials'
import type { AccountRecord } from './account-credentials'
import { idempotencyKeyOf, startAttempt } from './attempts'
import type { OpenAttempt } from './attempts'
import { nextRetryAt } from './backoff'
import { renewLease, resolveAccountId } from './claim'
import type { Claim } from './claim'
import type { PublicationReport, PublishHookContext } from './options'
import { refreshAccountIfExpiring, refreshWindowMs } from './oauth-endpoints'
import { announceOutcome } from './outcome-effects'
import { publicationClearance } from '../../../src/workflow/publication-clearance'
import { loadVariantRecord } from './variant-record'
import { buildPublishRequest, summarizeRequest } from './publish-request'
import { internalErrorReference, PreparationError, reasons } from './reasons'
import type { PublishingRuntime } from './runtime'
import { markAccountNeedsReconnect, markAccountRateLimited, markFailed, markOutcomeUnknown, markPublished, reasonText, scheduleRetry } from './variant-state'
import { joinLocalized, type Localized } from '../../../src/i18n/catalogue'

/** Keeps the lease alive while a publication runs (uploads can outlast any fixed lease). */
function holdLease(db: SqlClient, claim: Claim, leaseMs: number, onLost: () => void): () => void {
  const timer = setInterval(
    () => {
      renewLease(db, claim, leaseMs)
        .then((held) => {
          if (!held) onLost()
        })
        .catch(() => undefined)
    },
    Math.max(250, Math.floor(leaseMs / 3)),
  )
  timer.unref?.()
  return () => clearInterval(timer)
}

async function runBeforePublishHooks(
  runtime: PublishingRuntime,
  network: Network,
  request: PublishRequest,
  context: PublishHookContext,
): Promise<{ veto: string } | { request: PublishRequest }> {
  let current = request
  for (const hooks of [runtime.hooks.all, runtime.hooks[network]]) {
    if (!hooks?.beforePublish) continue
    const answer = await hooks.beforePublish(current, context)
    if (answer && 'veto' in answer) return { veto: String(answer.veto) }
    if (answer) current = answer
  }
  return { request: current }
}

/**
 * Publishes one claimed variant and settles it: published, retry later, failed with a reason, or
 * unknown outcome for reconciliation. The publish call itself is made once per claim and never
 * repeated here; whatever happens, the variant leaves `publishing` through one claimed update.
 */
export async function publishClaimedVariant(payload: Payload, runtime: PublishingRuntime, claim: Claim): Promise<PublicationReport['outcome']> {
  const db = sqlPool(payload)
  const variant = await loadVariantRecord(db, claim.variantId)
  if (!variant) throw new Error(`Variant ${claim.variantId} disappeared while claimed`)
  const platform = variant.platform as NetworkPlatform
  const network = networkOfPlatform[platform]
  const { accountId, candidates } = await resolveAccountId(db, claim.variantId, variant.networkAccount)
  const attempt =
    claim.attempt ??
    (await startAttempt(payload, {
      variantId: claim.variantId,
      attemptNumber: claim.attempts,
      kind: 'publish',
      idempotencyKey: idempotencyKeyOf(claim.variantId),
      instance: runtime.instanceId,
      platform,
      accountId,
    }))

  let account: AccountRecord | null
  let request: PublishRequest
  let hookContext: PublishHookContext
  try {
    // The claim checked the workflow in SQL; the approved text's hash is checked here, just before sending.
    const uncleared = publicationClearance({ item: variant.item, variant })
    if (uncleared) throw new PreparationError(uncleared.message)
    if (accountId === null) throw new PreparationError(reasons.noAccount(networkLabels[network], candidates))
    account = await loadAccount(db, runtime.cipher, accountId)
    // A token goes to its own network only, whatever the variant row says.
    if (account && account.network !== network)
      throw new PreparationError(reasons.accountOfOtherNetwork(account.name, networkLabels[account.network], networkLabels[network]))
    // Short-lived tokens (X 2 h, TikTok 24 h) are renewed first when they are about to expire.
    if (account?.tokenExpiresAt && account.tokenExpiresAt.getTime() - Date.now() < refreshWindowMs) {
      await refreshAccountIfExpiring(payload, accountId, runtime.cipher, runtime.oauth)
      account = await loadAccount(db, runtime.cipher, accountId)
    }
    if (account?.tokenUnreadable) {
      await markAccountNeedsReconnect(db, accountId, reasonText(reasons.unreadableToken(account.name)))
      throw new PreparationError(reasons.unreadableToken(account.name))
    }
    if (!account) throw new PreparationError(reasons.noAccount(networkLabels[network], 0))
    if (account.connection === 'manual') throw new PreparationError(reasons.manualAccount(account.name))
    if (account.status === 'needs_reconnect' || !account.credentials) throw new PreparationError(reasons.needsReconnect(account.name))
    hookContext = {
      payload,
      network,
      variant: {
        id: variant.id,
        platform,
        language: variant.language,
        contentItem: typeof variant.contentItem === 'object' ? variant.contentItem.id : variant.contentItem,
      },
      account: { id: account.id, name: account.name, accountId: account.accountId },
      attemptNumber: claim.attempts,
    }
    const built = await buildPublishRequest(payload, variant, { publicMediaBaseUrl: runtime.publicMediaBaseUrl })
    const hooked = await runBeforePublishHooks(runtime, network, built, hookContext)
    if ('veto' in hooked) {
      const reason = reasons.vetoed(hooked.veto)
      await markFailed(db, claim, reasonText(reason), { attempt, outcome: 'vetoed', reason: reasonText(reason), requestSummary: summarizeRequest(built) })
      await announceOutcome(payload, runtime, hookContext, { outcome: 'vetoed', reason: reason.en }, claim)
      return 'vetoed'
    }
    request = hooked.request
    // Checked after the hooks: what is sent must still fit the network's limits.
    const issues = runtime.adapters[network].validate(request)
    if (issues.length > 0) throw new PreparationError(reasons.invalidRequest(issues))
  } catch (error) {
    let reason: Localized
    if (error instanceof PreparationError) reason = error.reason
    else {
      const reference = internalErrorReference()
      payload.logger.error({ err: error, reference, variant: claim.variantId, msg: 'Preparing a publication failed' })
      reason = reasons.preparationFailed(reference)
    }
    await markFailed(db, claim, reasonText(reason), { attempt, outcome: 'failed', errorKind: 'preparation', reason: reasonText(reason) })
    await announceOutcome(payload, runtime, null, { outcome: 'failed', reason: reason.en }, claim, variant)
    return 'failed'
  }

  // Kept with the outcome (one commit): a crash mid-call leaves the attempt without it.
  const requestSummary = summarizeRequest(request)
  const release = holdLease(db, claim, runtime.leaseMs, () =>
    payload.logger.warn({ msg: 'Publishing lease lost; the network answer will still be recorded', variant: claim.variantId }),
  )
  let result: PublishResult
  try {
    result = await runtime.adapters[network].publish(request, account!.credentials!, runtime.adapterContext(network))
  } catch (error) {
    release()
    return settleFailure(payload, runtime, claim, { ...attempt, requestSummary }, account!, hookContext!, error)
  }
  release()
  await markPublished(db, claim, result, {
    attempt,
    requestSummary,
    outcome: 'succeeded',
    remoteId: result.remoteId,
    permalink: result.permalink,
    response: result,
    // Shown with the attempt, in the reader's language, so a missing first comment is noticed.
    ...(result.warnings?.length ? { reason: reasonText(joinLocalized(result.warnings)) } : {}),
  })
  await announceOutcome(payload, runtime, hookContext!, { outcome: 'succeeded', result }, claim, variant)
  return 'succeeded'
}

async function settleFailure(
  payload: Payload,
  runtime: PublishingRuntime,
  claim: Claim,
  { requestSummary, ...attempt }: OpenAttempt & { requestSummary: Record<string, unknown> },
  account: AccountRecord,
  hookContext: PublishHookContext,
  error: unknown,
): Promise<PublicationReport['outcome']> {
  const db = sqlPool(payload)
  let failure: NetworkError
  if (error instanceof NetworkError) failure = error
  else {
    // Thrown by the adapter while talking to the network: the post may exist. Its text stays in the log.
    const reference = internalErrorReference()
    payload.logger.error({ err: error, reference, variant: claim.variantId, msg: 'Publishing failed with an internal error' })
    failure = new NetworkError({ kind: 'outcome_unknown', code: 'internal_error', message: reference, reason: reasons.unexpected(reference) })
  }
  const response = { kind: failure.kind, status: failure.status, code: failure.code, message: failure.message }
  const now = new Date()

  // "Duplicate" on a later attempt means an earlier one reached the network: find it, do not fail.
  const earlierAttemptPosted = failure.code === 'duplicate' && claim.attempts > 1
  if (failure.kind === 'outcome_unknown' || earlierAttemptPosted) {
    const reconcileAt = new Date(now.getTime() + runtime.reconcileAfterMs)
    await markOutcomeUnknown(db, claim, reconcileAt, reasonText(failure.reason), {
      attempt,
      requestSummary,
      outcome: 'outcome_unknown',
      errorKind: failure.kind,
      reason: reasonText(failure.reason),
      response,
      retryAt: reconcileAt,
    })
    await announceOutcome(payload, runtime, hookContext, { outcome: 'outcome_unknown', reason: failure.reason.en }, claim)
    return 'outcome_unknown'
  }
  if (failure.kind === 'rate_limited') {
    // The network says when: the account waits, and every variant on it with it.
    const retryAt = failure.retryAt ?? nextRetryAt({ attempt: claim.attempts, now, baseMs: runtime.backoffBaseMs, maxMs: runtime.backoffMaxMs })
    await markAccountRateLimited(db, account.id, retryAt, reasonText(failure.reason))
    await scheduleRetry(db, claim, retryAt, reasonText(failure.reason), {
      attempt,
      requestSummary,
      outcome: 'rate_limited',
      errorKind: failure.kind,
      reason: reasonText(failure.reason),
      response,
      retryAt,
    })
    await announceOutcome(payload, runtime, hookContext, { outcome: 'rate_limited', reason: failure.reason.en }, claim)
    return 'rate_limited'
  }
  if (failure.kind === 'retryable' && claim.attempts < runtime.maxAttempts) {
    const retryAt = nextRetryAt({ attempt: claim.attempts, now, baseMs: runtime.backoffBaseMs, maxMs: runtime.backoffMaxMs, networkRetryAt: failure.retryAt })
    await scheduleRetry(db, claim, retryAt, reasonText(failure.reason), {
      attempt,
      requestSummary,
      outcome: 'retry_scheduled',
      errorKind: failure.kind,
      reason: reasonText(failure.reason),
      response,
      retryAt,
    })
    await announceOutcome(payload, runtime, hookContext, { outcome: 'retry_scheduled', reason: failure.reason.en }, claim)
    return 'retry_scheduled'
  }
  if (failure.kind === 'auth') await markAccountNeedsReconnect(db, account.id, reasonText(failure.reason))
  const reason = failure.kind === 'retryable' ? reasons.gaveUp(claim.attempts, failure.reason) : failure.reason
  await markFailed(db, claim, reasonText(reason), { attempt, requestSummary, outcome: 'failed', errorKind: failure.kind, reason: reasonText(reason), response })
  await announceOutcome(payload, runtime, hookContext, { outcome: 'failed', reason: reason.en }, claim)
  return 'failed'
}
