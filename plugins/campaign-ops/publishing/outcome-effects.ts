import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import { advisoryLockSpaces } from '../../../src/infra/locks'
import { transitionContentItem } from '../../../src/workflow/transition-content-item'
import { networkOfPlatform } from '../networks/registry'
import type { NetworkPlatform } from '../networks/types'
import type { Claim } from './claim'
import type { PublicationReport, PublishHookContext } from './options'
import type { PublishableVariant } from './publish-request'
import type { PublishingRuntime } from './runtime'
import type { PublicationEvent } from './webhook-subscriptions-collection'
import { withSessionLock } from './session-lock'
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
  knownVariant?: PublishableVariant,
): Promise<void> {
  const variant =
    knownVariant ?? (await payload.findByID({ collection: 'platform-variants', id: claim.variantId, depth: 0, overrideAccess: true }).catch(() => null))
  if (!variant) return
  const contentItemId = typeof variant.contentItem === 'object' ? variant.contentItem.id : variant.contentItem
  const event = eventOf[report.outcome]
  if (event) {
    await queuePublicationEvent(payload, event, {
      variant: {
        id: variant.id,
        platform: variant.platform,
        language: variant.language,
        contentItem: contentItemId ?? null,
        scheduledAt: variant.scheduledAt ?? null,
      },
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

/**
 * The item's first post moves it from "approved" to "published" (a system transition). Sibling
 * variants published at the same moment take turns on a lock, so the transition happens once.
 */
export async function markItemPublished(payload: Payload, contentItemId: number): Promise<void> {
  const db = sqlPool(payload)
  const { rows } = await db.query(`SELECT workflow_state::text AS state FROM content_items WHERE id = $1`, [contentItemId])
  if (rows[0]?.state !== 'approved') return
  try {
    // Without waiting: a sibling variant's instance holding it is moving the item right now.
    await withSessionLock(payload, { space: advisoryLockSpaces.itemPublish, key: contentItemId, wait: false }, async () => {
      const { rows: again } = await db.query(`SELECT workflow_state::text AS state FROM content_items WHERE id = $1`, [contentItemId])
      if (again[0]?.state === 'approved') await transitionContentItem(payload, { id: contentItemId, to: 'published', system: 'publishing-engine' })
    })
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Moving the item to published failed', contentItem: contentItemId })
  }
}
