/**
 * Outbound webhook deliveries that fail are retried by the jobs queue, later each time, with the
 * same delivery id, until the receiver takes them or the attempts run out. Time passing is played
 * by moving the job's `waitUntil` back, not by waiting.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { jest } from '@jest/globals'
import pg from 'pg'
import type { Payload } from 'payload'

import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

jest.setTimeout(60_000)

let app: TestPayload
let payload: Payload
let receiver: http.Server
/** What the receiver answers next (the last one stays). */
let answers: number[] = []
const deliveries: { id: string; signature: string }[] = []

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      deliveries.push({ id: String(request.headers['x-badil-delivery']), signature: String(request.headers['x-badil-signature']) })
      response.statusCode = answers.length > 1 ? answers.shift()! : (answers[0] ?? 200)
      response.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  app = await startTestPayload({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } })
  payload = app.payload
})

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()))
  await app?.close()
})

async function queueDelivery(eventId: string) {
  const subscription = await payload.create({
    collection: 'webhook-subscriptions',
    overrideAccess: true,
    data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['publication.failed'] },
  })
  const job = await payload.jobs.queue({
    task: 'deliverPublicationWebhook',
    queue: 'webhooks',
    input: { subscriptionId: subscription.id, body: { id: eventId, type: 'publication.failed' } },
  })
  return { subscription, jobId: job.id }
}

const jobOf = (id: number | string) => payload.findByID({ collection: 'payload-jobs', id, overrideAccess: true })

/** The retry's wait, as if it had passed. */
async function letTheWaitPass(jobId: number | string) {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    await client.query(`update payload_jobs set wait_until = now() - interval '1 second' where id = $1`, [jobId])
  } finally {
    await client.end()
  }
}

describe('outbound webhook retries', () => {
  it('retry a refused delivery later each time, with the same delivery id, until the receiver takes it', async () => {
    answers = [500, 503, 200]
    deliveries.length = 0
    const { subscription, jobId } = await queueDelivery('evt-retry-1')

    const first = Date.now()
    await payload.jobs.run({ queue: 'webhooks' })
    let job = await jobOf(jobId)
    expect(deliveries).toHaveLength(1)
    expect(job.completedAt ?? null).toBeNull()
    expect(job.totalTried).toBe(1)
    // Exponential backoff from 5 s.
    const firstWait = new Date(job.waitUntil as string).getTime() - first
    expect(firstWait).toBeGreaterThan(3_000)
    expect(firstWait).toBeLessThanOrEqual(5_500)
    expect((await payload.findByID({ collection: 'webhook-subscriptions', id: subscription.id, overrideAccess: true })).lastStatus).toBe('500')

    // Not before its time.
    await payload.jobs.run({ queue: 'webhooks' })
    expect(deliveries).toHaveLength(1)

    await letTheWaitPass(jobId)
    const second = Date.now()
    await payload.jobs.run({ queue: 'webhooks' })
    job = await jobOf(jobId)
    expect(deliveries).toHaveLength(2)
    expect(job.totalTried).toBe(2)
    expect(new Date(job.waitUntil as string).getTime() - second).toBeGreaterThan(firstWait)

    await letTheWaitPass(jobId)
    await payload.jobs.run({ queue: 'webhooks' })
    job = await jobOf(jobId)
    expect(deliveries.map((delivery) => delivery.id)).toEqual(['evt-retry-1', 'evt-retry-1', 'evt-retry-1'])
    // Each attempt signs again, with its own timestamp.
    expect(deliveries.every((delivery) => /^t=\d+,v1=[0-9a-f]{64}$/.test(delivery.signature))).toBe(true)
    expect(job.completedAt).toBeTruthy()
    expect(job.hasError).toBeFalsy()
    expect((await payload.findByID({ collection: 'webhook-subscriptions', id: subscription.id, overrideAccess: true })).lastStatus).toBe('200')
  })

  it('give up after the last attempt, marking the job failed, and send nothing more', async () => {
    answers = [500]
    deliveries.length = 0
    const { jobId } = await queueDelivery('evt-retry-2')
    for (let round = 0; round < 15; round += 1) {
      await payload.jobs.run({ queue: 'webhooks' })
      const job = await jobOf(jobId)
      if (job.hasError) break
      await letTheWaitPass(jobId)
    }
    const job = await jobOf(jobId)
    expect(job.hasError).toBe(true)
    // The first try and eight retries.
    expect(deliveries).toHaveLength(9)
    await letTheWaitPass(jobId)
    await payload.jobs.run({ queue: 'webhooks' })
    expect(deliveries).toHaveLength(9)
  })
})
