import type { Payload } from 'payload'

import { transitionContentItem } from '../../../src/workflow/transition-content-item'
import { networkOfPlatform } from '../networks/registry'
import type { NetworkPlatform } from '../networks/types'
import type { Claim } from './claim'
import type { PublicationReport, PublishHookContext } from './options'
import type { VariantDoc } from './publish-request'
import type { PublishingRuntime } from './runtime'
import type { PublicationEvent } from './webhook-subscriptions-collection'
import { queuePublicationEvent } from './webhooks'

const eventOf: Partial<Record<PublicationReport['outcome'], PublicationEvent>> = {
  succeeded: 'publication.succeeded',
  failed: 'publication.failed',
  vetoed: 'publication.failed',
  outcome_unknown: 'publication.outcome_unknown',
}

/**
 * What follows a settled attempt: the outbound webhook, the `afterPublish` hooks, and — on the
 * first post of an approved item — the item's move to "published". None of these can undo the
 * outcome already stored; their failures are logged.
 */
export async function announceOutcome(
  payload: Payload,
  runtime: PublishingRuntime,
  hookContext: PublishHookContext | null,
  report: PublicationReport,
  claim: Pick<Claim, 'variantId' | 'attempts'>,
  knownVariant?: VariantDoc,
): Promise<void> {
  const variant =
    knownVariant ??
    ((await payload.findByID({ collection: 'platform-variants', id: claim.variantId, depth: 0, overrideAccess: true }).catch(() => null)) as unknown as VariantDoc | null)
  if (!variant) return
  const contentItemId = typeof variant.contentItem === 'object' ? variant.contentItem.id : variant.contentItem
  const event = eventOf[report.outcome]
  if (event) {
    await queuePublicationEvent(payload, event, {
      variant: { id: variant.id, platform: variant.platform, language: variant.language, contentItem: contentItemId ?? null, scheduledAt: variant.scheduledAt ?? null },
      remoteId: report.outcome === 'succeeded' ? report.result.remoteId : null,
      permalink: report.outcome === 'succeeded' ? report.result.permalink : null,
      reason: report.outcome === 'succeeded' ? null : report.reason,
      attemptNumber: claim.attempts,
    }).catch((error) => payload.logger.error({ err: error, msg: 'Queuing a publication webhook failed', variant: variant.id }))
  }
  if (hookContext) {
    const network = networkOfPlatform[variant.platform as NetworkPlatform]
    for (const hooks of [runtime.hooks.all, runtime.hooks[network]]) {
      try {
        await hooks?.afterPublish?.(report, hookContext)
      } catch (error) {
        payload.logger.error({ err: error, msg: 'An afterPublish hook failed', variant: variant.id })
      }
    }
  }
  if (report.outcome === 'succeeded' && contentItemId) await markItemPublished(payload, contentItemId)
}

/** The item's first post moves it from "approved" to "published" (a system transition). */
export async function markItemPublished(payload: Payload, contentItemId: number): Promise<void> {
  const item = await payload.findByID({ collection: 'content-items', id: contentItemId, depth: 0, overrideAccess: true }).catch(() => null)
  if (item?.workflowState !== 'approved') return
  try {
    await transitionContentItem(payload, { id: contentItemId, to: 'published', user: null })
  } catch (error) {
    // Another instance published a sibling variant at the same moment and moved the item first.
    const again = await payload.findByID({ collection: 'content-items', id: contentItemId, depth: 0, overrideAccess: true }).catch(() => null)
    if (again?.workflowState !== 'published') payload.logger.error({ err: error, msg: 'Moving the item to published failed', contentItem: contentItemId })
  }
}
