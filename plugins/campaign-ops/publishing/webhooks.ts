import { createHmac, randomUUID } from 'node:crypto'

import { JobCancelledError } from 'payload'
import type { Payload, TaskConfig } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import type { TokenCipher } from './token-crypto'
import { WebhookTargetRefused } from './webhook-delivery'
import type { WebhookPoster } from './webhook-delivery'
import { webhookSecretPurpose, webhookSubscriptionsSlug } from './webhook-subscriptions-collection'
import type { PublicationEvent } from './webhook-subscriptions-collection'

export const webhookDeliveryTask = 'deliverPublicationWebhook'
export const webhookQueue = 'webhooks'

/**
 * The signature a receiver checks: HMAC-SHA256 of `<timestamp>.<raw body>` with the shared
 * secret, hex, sent as `X-Badil-Signature: t=<timestamp>,v1=<hex>`. The timestamp lets a
 * receiver refuse replays older than a few minutes.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

export type PublicationEventData = {
  variant: { id: number; platform: string; language: string; contentItem: number | null; scheduledAt: string | null }
  remoteId?: string | null
  permalink?: string | null
  reason?: string | null
  attemptNumber: number
}

/** Queues one delivery per active subscription to the event; deliveries retry on their own. */
export async function queuePublicationEvent(payload: Payload, event: PublicationEvent, data: PublicationEventData): Promise<number> {
  // Read on every publication outcome: one indexed query rather than a collection find.
  const { rows } = await sqlPool(payload).query(
    `SELECT DISTINCT s.id FROM webhook_subscriptions s JOIN webhook_subscriptions_events e ON e.parent_id = s.id
      WHERE s.active AND e.value = $1`,
    [event],
  )
  const docs = rows.map((row) => ({ id: Number(row.id) }))
  const body = { id: randomUUID(), type: event, createdAt: new Date().toISOString(), data }
  for (const subscription of docs) {
    await payload.jobs.queue({
      task: webhookDeliveryTask as never,
      queue: webhookQueue,
      input: { subscriptionId: subscription.id, body } as never,
    })
  }
  return docs.length
}

/** Sends one event to one subscriber; a non-2xx answer or no answer throws, and the queue retries. */
export function webhookDeliveryTaskConfig(cipher: TokenCipher, post: WebhookPoster): TaskConfig {
  return {
    slug: webhookDeliveryTask,
    retries: { attempts: 8, backoff: { type: 'exponential', delay: 5_000 } },
    inputSchema: [
      { name: 'subscriptionId', type: 'number', required: true },
      { name: 'body', type: 'json', required: true },
    ],
    outputSchema: [{ name: 'status', type: 'number' }],
    handler: async ({ input, req }) => {
      const { subscriptionId, body } = input as { subscriptionId: number; body: { id: string; type: string } }
      const subscription = await req.payload
        .findByID({
          collection: webhookSubscriptionsSlug as 'webhook-subscriptions',
          id: subscriptionId,
          depth: 0,
          overrideAccess: true,
          showHiddenFields: true,
        })
        .catch(() => null)
      // Deleted or paused since the event: nothing to deliver.
      if (!subscription || !subscription.active || !subscription.secretSealed) return { output: { status: 0 } }
      const raw = JSON.stringify(body)
      const timestamp = Math.floor(Date.now() / 1000)
      const signature = signWebhook(cipher.decrypt(subscription.secretSealed, webhookSecretPurpose), timestamp, raw)
      let status: number
      let outcome = 'no answer'
      try {
        const reply = await post(subscription.url, raw, {
          'content-type': 'application/json',
          'user-agent': 'Badil-Webhooks/1',
          'x-badil-event': body.type,
          'x-badil-delivery': body.id,
          'x-badil-signature': `t=${timestamp},v1=${signature}`,
        })
        status = reply.status
        outcome = String(status)
      } catch (error) {
        // An address that is not public will not become one by waiting: no retry.
        if (error instanceof WebhookTargetRefused) {
          outcome = 'refused: not a public address'
          throw new JobCancelledError(error.message)
        }
        throw error
      } finally {
        // The delivery's record only: a plain write, which a saved URL refused since cannot block.
        await sqlPool(req.payload).query(`UPDATE webhook_subscriptions SET last_delivery_at = now(), last_status = $2, updated_at = now() WHERE id = $1`, [
          subscriptionId,
          outcome,
        ])
      }
      // Redirects are not followed: a 3xx is a failed delivery, like any other non-2xx answer.
      if (status < 200 || status >= 300) throw new Error(`The webhook receiver answered ${status}`)
      return { output: { status } }
    },
  }
}
