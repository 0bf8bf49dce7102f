import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import { networkLabels, networkOfPlatform } from '../networks/registry'
import { NetworkError } from '../networks/types'
import type { NetworkPlatform } from '../networks/types'
import { loadAccount } from './account-credentials'
import { idempotencyKeyOf, startAttempt } from './attempts'
import { nextRetryAt } from './backoff'
import { resolveAccountId } from './claim'
import type { Claim } from './claim'
import { announceOutcome } from './outcome-effects'
import { loadVariantRecord } from './variant-record'
import { buildPublishRequest } from './publish-request'
import { internalErrorReference, PreparationError, reasons } from './reasons'
import type { PublishingRuntime } from './runtime'
import { markOutcomeUnknown, markPublished, reasonText, requeueAfterLookup } from './variant-state'
import type { Localized } from '../../../src/i18n/catalogue'

export type ReconcileOutcome = 'found' | 'not_found' | 'needs_person' | 'retry_later'

/**
 * Settles an unknown outcome by asking the network (`lookup`) whether the post exists: found → the
 * variant is published with the network's id; not found → it is queued to publish again; the
 * network cannot tell → a person resolves it from the admin.
 */
export async function reconcileClaimedVariant(payload: Payload, runtime: PublishingRuntime, claim: Claim): Promise<ReconcileOutcome> {
  const db = sqlPool(payload)
  const variant = await loadVariantRecord(db, claim.variantId)
  if (!variant) throw new Error(`Variant ${claim.variantId} disappeared while claimed`)
  const platform = variant.platform as NetworkPlatform
  const network = networkOfPlatform[platform]
  const { accountId } = await resolveAccountId(db, claim.variantId, variant.networkAccount)
  const { totalDocs: earlierLookups } = await payload.count({
    collection: 'publication-attempts',
    where: { and: [{ variant: { equals: claim.variantId } }, { kind: { equals: 'reconcile' } }, { outcome: { equals: 'outcome_unknown' } }] },
    overrideAccess: true,
  })
  const attempt = await startAttempt(payload, {
    variantId: claim.variantId,
    attemptNumber: claim.attempts,
    kind: 'reconcile',
    idempotencyKey: idempotencyKeyOf(claim.variantId),
    instance: runtime.instanceId,
    platform,
    accountId,
  })
  try {
    const account = accountId === null ? null : await loadAccount(db, runtime.cipher, accountId)
    if (!account) throw new PreparationError(reasons.noAccount(networkLabels[network], 0))
    // A token goes to its own network only, whatever the variant row says.
    if (account.network !== network)
      throw new PreparationError(reasons.accountOfOtherNetwork(account.name, networkLabels[account.network], networkLabels[network]))
    if (!account.credentials) throw new PreparationError(reasons.needsReconnect(account.name))
    const request = await buildPublishRequest(payload, variant, { publicMediaBaseUrl: runtime.publicMediaBaseUrl })
    const found = await runtime.adapters[network].lookup(request, account.credentials, runtime.adapterContext(network))
    if (found.status === 'found') {
      const result = { remoteId: found.remoteId, permalink: found.permalink }
      await markPublished(db, claim, result, { attempt, outcome: 'found', remoteId: found.remoteId, permalink: found.permalink, response: found })
      await announceOutcome(payload, runtime, null, { outcome: 'succeeded', result }, claim, variant)
      return 'found'
    }
    if (found.status === 'not_found') {
      await requeueAfterLookup(db, claim, reasonText(reasons.notFoundRequeued), {
        attempt,
        outcome: 'not_found',
        reason: reasonText(reasons.notFoundRequeued),
        response: found,
      })
      return 'not_found'
    }
    await markOutcomeUnknown(db, claim, null, reasonText(reasons.lookupUnsupported), {
      attempt,
      outcome: 'outcome_unknown',
      reason: reasonText(reasons.lookupUnsupported),
      response: found,
    })
    return 'needs_person'
  } catch (error) {
    let detail: Localized
    if (error instanceof NetworkError || error instanceof PreparationError) detail = error.reason
    else {
      const reference = internalErrorReference()
      payload.logger.error({ err: error, reference, variant: claim.variantId, msg: 'Checking the network for an unknown outcome failed' })
      detail = reasons.lookupFailed(reference)
    }
    const tries = earlierLookups + 1
    const giveUp = tries >= runtime.maxReconcileAttempts || (error instanceof NetworkError && error.kind === 'auth')
    const retryAt = giveUp
      ? null
      : nextRetryAt({
          attempt: tries,
          now: new Date(),
          baseMs: runtime.reconcileAfterMs,
          maxMs: runtime.backoffMaxMs,
          networkRetryAt: error instanceof NetworkError ? error.retryAt : undefined,
        })
    const reason = giveUp ? reasons.lookupGaveUp : detail
    await markOutcomeUnknown(db, claim, retryAt, reasonText(reason), {
      attempt,
      outcome: 'outcome_unknown',
      errorKind: error instanceof NetworkError ? error.kind : error instanceof PreparationError ? 'preparation' : 'internal',
      reason: giveUp && detail !== reason ? `${reasonText(reason)}\n${reasonText(detail)}` : reasonText(reason),
      retryAt,
    })
    return giveUp ? 'needs_person' : 'retry_later'
  }
}
