/**
 * Background work runs on Payload's jobs queue: each web instance runs the queues on Payload's
 * crons (autoRun), the nightly purge is a scheduled task, and nothing is left running once Payload
 * is destroyed. The other suites switch the crons off; this one turns them on.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { inboxQueue } from '../../plugins/campaign-ops/inbox/queue'
import { maintenanceQueue, retentionPurgeTask } from '../../plugins/campaign-ops/moderation/retention-task'
import { nextCasablancaClockTime } from '../../src/domain/casablanca-time'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

const casablancaClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

describe('the next time Casablanca’s clock shows 03:17', () => {
  it.each(['2026-01-10T12:00:00.000Z', '2026-03-01T01:00:00.000Z', '2026-07-14T02:16:00.000Z', '2026-12-31T23:59:00.000Z'])('after %s', (iso) => {
    const after = new Date(iso)
    const next = nextCasablancaClockTime(3, 17, after)
    expect(casablancaClock.format(next)).toBe('03:17')
    expect(next.getTime()).toBeGreaterThan(after.getTime())
    // The first one: a day earlier is not after `after` (a clock change moves it by an hour at most).
    expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(25 * 3600_000)
    const dayBefore = new Date(next.getTime() - 23 * 3600_000)
    expect(dayBefore.getTime() <= after.getTime() || casablancaClock.format(dayBefore) !== '03:17').toBe(true)
  })
})

describe('the jobs queue with its crons on', () => {
  let app: TestPayload
  const received: string[] = []
  let receiver: http.Server

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        received.push(body)
        response.end('ok')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    app = await startTestPayload({
      env: { WEBHOOK_ALLOW_PRIVATE: 'true' },
      config: { runScheduledJobs: true, publishing: { runScheduler: false } },
      cron: true,
    })
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()))
  })

  it('runs the notifications, webhooks, maintenance and inbox queues on Payload’s crons', () => {
    const autoRun = app.config.jobs.autoRun as { queue: string; cron: string }[]
    expect(autoRun.map(({ queue, cron }) => ({ queue, cron }))).toEqual([
      { queue: 'notifications', cron: '* * * * *' },
      { queue: 'webhooks', cron: '*/10 * * * * *' },
      { queue: maintenanceQueue, cron: '* * * * *' },
      { queue: inboxQueue, cron: '* * * * *' },
    ])
    expect(app.payload.crons.length).toBe(autoRun.length)
  })

  it('delivers a queued webhook on the webhooks queue’s cron, with no call to run it', async () => {
    const subscription = await app.payload.create({
      collection: 'webhook-subscriptions',
      overrideAccess: true,
      data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, events: ['publication.succeeded'] },
    })
    await app.payload.jobs.queue({
      task: 'deliverPublicationWebhook',
      queue: 'webhooks',
      input: { subscriptionId: subscription.id, body: { id: 'cron-check', type: 'publication.succeeded' } },
    })
    const deadline = Date.now() + 30_000
    while (!received.some((body) => body.includes('cron-check')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
    expect(received.some((body) => body.includes('cron-check'))).toBe(true)
  }, 40_000)

  it('schedules the nightly purge once, for the next 03:17 in Casablanca, and runs it', async () => {
    const before = new Date()
    await app.payload.jobs.handleSchedules({ queue: maintenanceQueue })
    await app.payload.jobs.handleSchedules({ queue: maintenanceQueue })
    const { docs } = await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: retentionPurgeTask } }, overrideAccess: true })
    expect(docs).toHaveLength(1)
    const waitUntil = new Date(docs[0]!.waitUntil as string)
    expect(casablancaClock.format(waitUntil)).toBe('03:17')
    expect(waitUntil.getTime() - before.getTime()).toBeLessThanOrEqual(25 * 3600_000)
    // Run now rather than tonight: it purges and records itself in the moderation log.
    await app.payload.jobs.runByID({ id: docs[0]!.id })
    const job = await app.payload.findByID({ collection: 'payload-jobs', id: docs[0]!.id, overrideAccess: true })
    expect(job.completedAt).toBeTruthy()
    const purge = await app.payload.find({ collection: 'moderation-log', where: { kind: { equals: 'retention_purge' } }, overrideAccess: true })
    expect(purge.totalDocs).toBe(1)
  })

  it('leaves no cron running once Payload is destroyed', async () => {
    const crons = [...app.payload.crons]
    await app.close()
    expect(crons.every((cron) => cron.isStopped())).toBe(true)
  })
})
