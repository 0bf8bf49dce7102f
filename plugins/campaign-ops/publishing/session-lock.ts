import type { Payload } from 'payload'

import { sqlPool } from '../../../src/infra/database'

/** Per lock space, the work of this process that holds (or waits for) a connection. */
const turns = new Map<number, Promise<unknown>>()

/**
 * Runs `work` under a PostgreSQL session advisory lock `(space, key)`, which coordinates every
 * instance. The lock lives on a pooled connection held for the whole `work`, while `work` itself
 * uses other pooled connections: so within one process the holders of a lock space take turns in
 * memory first, and the scheduler can never hold the whole pool waiting on itself.
 *
 * `wait: false` gives up at once when another instance holds the lock (`{ locked: false }`).
 */
export async function withSessionLock<T>(
  payload: Payload,
  lock: { space: number; key: number; wait: boolean },
  work: () => Promise<T>,
): Promise<{ locked: true; value: T } | { locked: false }> {
  const run = async (): Promise<{ locked: true; value: T } | { locked: false }> => {
    const client = await sqlPool(payload).connect()
    try {
      if (lock.wait) {
        await client.query('SELECT pg_advisory_lock($1::int, $2::int)', [lock.space, lock.key])
      } else {
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1::int, $2::int) AS locked', [lock.space, lock.key])
        if (!rows[0]?.locked) return { locked: false }
      }
      try {
        return { locked: true, value: await work() }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1::int, $2::int)', [lock.space, lock.key]).catch(() => undefined)
      }
    } finally {
      client.release()
    }
  }
  const previous = turns.get(lock.space) ?? Promise.resolve()
  const mine = previous.then(run, run)
  turns.set(
    lock.space,
    mine.catch(() => undefined),
  )
  return mine
}
