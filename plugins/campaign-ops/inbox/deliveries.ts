/**
 * Webhook deliveries, durable before acknowledged: stored as received (one row per distinct body),
 * then read into interactions by whichever instance claims them. A claim is a lease, so a
 * delivery whose processing crashed is taken again once the lease runs out; reading is
 * idempotent, so processing twice changes nothing.
 */
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import { readMetaDelivery } from '../networks/meta/webhook'
import type { InboundEvent } from '../networks/inbound'
import { ingestInboundEvents } from './batch-ingest'
import type { InboxSettings } from './ingest'
import { noteWebhookEvent } from './polling'
import { writeDelivery } from './delivery-writer'

/** Each source's reader of a stored body into inbound events. */
const readers: Record<string, (body: unknown) => InboundEvent[]> = {
  meta: readMetaDelivery,
}

export type DeliverySource = keyof typeof readers

/** A delivery failing this many times is left for a person (its last error kept), not retried forever. */
const maxAttempts = 5
const leaseSeconds = 120

/** Stores a verified delivery; false when the same bytes were already stored (a retried delivery). */
export function storeDelivery(payload: Payload, source: DeliverySource, rawBody: Uint8Array, body: unknown): Promise<boolean> {
  return writeDelivery(payload, { source, key: createHash('sha256').update(rawBody).digest('hex'), body: JSON.stringify(body) })
}

export type ProcessingReport = { deliveries: number; events: number; failed: number }

type ClaimedDelivery = { id: number; events: InboundEvent[] }

/** Reads stored deliveries' events into interactions, then marks the deliveries done. */
async function processClaimed(payload: Payload, settings: InboxSettings, deliveries: ClaimedDelivery[]): Promise<void> {
  const pool = sqlPool(payload)
  const events = deliveries.flatMap((delivery) => delivery.events)
  await ingestInboundEvents(payload, settings, events, 'webhook')
  const posts = new Map(events.flatMap((event) => (event.postRemoteId ? [[`${event.network}/${event.accountRemoteId}/${event.postRemoteId}`, event]] : [])))
  for (const event of posts.values()) await noteWebhookEvent(pool, event.network, event.accountRemoteId, event.postRemoteId!)
  await pool.query(
    `UPDATE inbound_deliveries SET processed_at = now(), claimed_until = NULL, last_error = NULL, updated_at = now() WHERE id = ANY($1::int[])`,
    [deliveries.map((delivery) => delivery.id)],
  )
}

async function recordFailure(payload: Payload, id: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  payload.logger.error({ err: error, delivery: id }, 'Inbox: a webhook delivery could not be read; it will be tried again')
  await sqlPool(payload).query(`UPDATE inbound_deliveries SET claimed_until = NULL, last_error = $2, updated_at = now() WHERE id = $1`, [
    id,
    message.slice(0, 2000),
  ])
}

/**
 * Claims up to `limit` waiting deliveries and reads them into interactions together, oldest
 * first. Should the batch fail, each delivery is read on its own, so one bad delivery keeps its
 * error and is retried without holding the others back.
 */
export async function processDeliveries(payload: Payload, settings: InboxSettings, limit = 500): Promise<ProcessingReport> {
  const { rows } = await sqlPool(payload).query(
    `UPDATE inbound_deliveries SET claimed_until = now() + make_interval(secs => $3), attempts = attempts + 1, updated_at = now()
      WHERE id IN (
        SELECT id FROM inbound_deliveries
         WHERE processed_at IS NULL AND (claimed_until IS NULL OR claimed_until < now()) AND attempts < $2
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, source, body`,
    [limit, maxAttempts, leaseSeconds],
  )
  const report: ProcessingReport = { deliveries: 0, events: 0, failed: 0 }
  const readable: ClaimedDelivery[] = []
  for (const row of rows.sort((left, right) => Number(left.id) - Number(right.id))) {
    try {
      const read = readers[String(row.source)]
      if (!read) throw new Error(`no reader for deliveries from ${String(row.source)}`)
      readable.push({ id: Number(row.id), events: read(row.body).sort((left, right) => left.occurredAt.getTime() - right.occurredAt.getTime()) })
    } catch (error) {
      report.failed += 1
      await recordFailure(payload, Number(row.id), error)
    }
  }
  const count = (deliveries: ClaimedDelivery[]) => {
    report.deliveries += deliveries.length
    report.events += deliveries.reduce((sum, delivery) => sum + delivery.events.length, 0)
  }
  try {
    if (readable.length) await processClaimed(payload, settings, readable)
    count(readable)
  } catch {
    for (const delivery of readable) {
      try {
        await processClaimed(payload, settings, [delivery])
        count([delivery])
      } catch (error) {
        report.failed += 1
        await recordFailure(payload, delivery.id, error)
      }
    }
  }
  return report
}

/** Processes until nothing is waiting (or only deliveries that keep failing are left). */
export async function drainDeliveries(payload: Payload, settings: InboxSettings): Promise<ProcessingReport> {
  const total: ProcessingReport = { deliveries: 0, events: 0, failed: 0 }
  for (;;) {
    const report = await processDeliveries(payload, settings)
    total.deliveries += report.deliveries
    total.events += report.events
    total.failed += report.failed
    if (report.deliveries + report.failed === 0 || report.deliveries === 0) return total
  }
}
