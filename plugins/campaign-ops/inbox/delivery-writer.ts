/**
 * Stores webhook deliveries with a group commit: a delivery that arrives while the previous
 * insert is running waits for it and goes, with every other delivery that waited, into the next
 * single multi-row insert. Each caller still returns only once its own row is committed (durable
 * before acknowledged); idle, a delivery is inserted at once, and under load one statement carries
 * hundreds, which is what lets one instance acknowledge a burst at the network's pace.
 */
import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'

export type PendingDelivery = { source: string; key: string; body: string }

type Waiting = PendingDelivery & { resolve(stored: boolean): void; reject(error: unknown): void }

/** Rows per insert: 4 parameters each, far below PostgreSQL's 65,535. */
const maxRowsPerInsert = 1000

type Writer = { queue: Waiting[]; flushing: boolean }

const writers = new WeakMap<Payload, Writer>()

async function flush(payload: Payload, writer: Writer): Promise<void> {
  writer.flushing = true
  try {
    while (writer.queue.length) {
      const batch = writer.queue.splice(0, maxRowsPerInsert)
      try {
        const placeholders = batch.map((_, row) => `($${row * 3 + 1}, $${row * 3 + 2}, $${row * 3 + 3}::jsonb, now(), 0, now(), now())`)
        const { rows } = await sqlPool(payload).query(
          `INSERT INTO inbound_deliveries (source, delivery_key, body, received_at, attempts, updated_at, created_at)
           VALUES ${placeholders.join(', ')}
           ON CONFLICT (delivery_key) DO NOTHING RETURNING delivery_key`,
          batch.flatMap((delivery) => [delivery.source, delivery.key, delivery.body]),
        )
        // The same bytes twice in one batch: the first is stored, the second is the retry.
        const inserted = new Set(rows.map((row) => String(row.delivery_key)))
        for (const delivery of batch) {
          delivery.resolve(inserted.delete(delivery.key))
        }
      } catch (error) {
        for (const delivery of batch) delivery.reject(error)
      }
    }
  } finally {
    writer.flushing = false
  }
}

/** Resolves once the delivery is committed: true when stored, false when the same bytes already were. */
export function writeDelivery(payload: Payload, delivery: PendingDelivery): Promise<boolean> {
  let writer = writers.get(payload)
  if (!writer) {
    writer = { queue: [], flushing: false }
    writers.set(payload, writer)
  }
  const stored = new Promise<boolean>((resolve, reject) => writer.queue.push({ ...delivery, resolve, reject }))
  if (!writer.flushing) void flush(payload, writer)
  return stored
}
