/**
 * Background work runs on Payload's jobs queue: each web instance runs the queues on Payload's
 * crons (autoRun), the nightly purge is a scheduled task, and nothing is left running once Payload
 * is destroyed. The other suites switch the crons off; this one turns them on.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { inboxQueue } from '../../plugins/campaign-ops/inbox/queue'
import { checkpointTask } from '../../plugins/campaign-ops/moderation/checkpoint-task'
import { maintenanceQueue, retentionPurgeTask } from '../../plugins/campaign-ops/moderation/retention-task'
import { pullMetricsTask, reportingQueue } from '../../plugins/campaign-ops/reporting/metrics-pull'
import { nextCasablancaClockTime } from '../../src/domain/casablanca-time'
import { startTestPayload } from '../helpers/payload'
import { waitFor } from '../helpers/wait-for'
import { setWorkflowState } from '../helpers/workflow'
import { connectFakeAccounts, startNetworkFakes } from '../publishing/publishing-fixtures'
import type { NetworkFakes } from '../publishing/publishing-fixtures'
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
    await app?.close()
  })

  it('runs the notifications, webhooks, maintenance, inbox and reporting queues on Payload’s crons', () => {
    const autoRun = app.config.jobs.autoRun as { queue: string; cron: string }[]
    expect(autoRun.map(({ queue, cron }) => ({ queue, cron }))).toEqual([
      { queue: 'notifications', cron: '* * * * *' },
      { queue: 'webhooks', cron: '*/10 * * * * *' },
      { queue: maintenanceQueue, cron: '* * * * *' },
      { queue: inboxQueue, cron: '* * * * *' },
      { queue: reportingQueue, cron: '* * * * *' },
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
    // The purge's row is sealed at once.
    const seals = await app.payload.find({ collection: 'moderation-log-checkpoints', overrideAccess: true })
    expect(seals.docs.map((seal) => seal.sequence)).toEqual([purge.docs[0]!.sequence])
  })

  it('schedules the log’s seal once, for the next minute 7 of an hour', async () => {
    const before = new Date()
    await app.payload.jobs.handleSchedules({ queue: maintenanceQueue })
    await app.payload.jobs.handleSchedules({ queue: maintenanceQueue })
    const { docs } = await app.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: checkpointTask } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    const waitUntil = new Date(docs[0]!.waitUntil as string)
    expect(waitUntil.getUTCMinutes()).toBe(7)
    expect(waitUntil.getTime()).toBeGreaterThan(before.getTime())
    expect(waitUntil.getTime() - before.getTime()).toBeLessThanOrEqual(3600_000)
  })

  it('schedules the metrics pull once, for the next minute 7 of an hour', async () => {
    const before = new Date()
    await app.payload.jobs.handleSchedules({ queue: reportingQueue })
    await app.payload.jobs.handleSchedules({ queue: reportingQueue })
    const { docs } = await app.payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: pullMetricsTask } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    const waitUntil = new Date(docs[0]!.waitUntil as string)
    expect(waitUntil.getUTCMinutes()).toBe(7)
    expect(waitUntil.getTime() - before.getTime()).toBeLessThanOrEqual(3600_000)
  })
})

describe('Payload destroyed', () => {
  it('leaves none of its crons running', async () => {
    // An app of its own: stopping it cannot take another test's app away.
    const app = await startTestPayload({ config: { runScheduledJobs: true, publishing: { runScheduler: false } }, cron: true })
    const crons = [...app.payload.crons]
    expect(crons.length).toBeGreaterThan(0)
    await app.close()
    expect(crons.every((cron) => cron.isStopped())).toBe(true)
  })
})

describe('the publishing scheduler on its own cron', () => {
  let app: TestPayload
  let fakes: NetworkFakes

  beforeAll(async () => {
    fakes = await startNetworkFakes()
    app = await startTestPayload({
      env: fakes.env,
      // Every second, so the test need not wait ten; nothing calls tick().
      config: { runScheduledJobs: true, publishing: { runScheduler: true, scheduler: { cron: '* * * * * *' } } },
    })
  })

  afterAll(async () => {
    await app?.close()
    await fakes?.close()
  })

  it('publishes a due variant by itself, once, and its cron stops when Payload is destroyed', async () => {
    const accounts = await connectFakeAccounts(app.payload, fakes)
    const item = await app.payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Cron', format: 'post' } })
    await setWorkflowState(app.payload, item.id, 'approved')
    const variant = await app.payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: {
        contentItem: item.id,
        platform: 'x',
        language: 'fr',
        text: 'Publié par le planificateur, sans appel à tick().',
        networkAccount: accounts.x,
        publicationState: 'scheduled',
        scheduledAt: new Date(Date.now() - 1000).toISOString(),
      },
    })
    const stateOf = async () =>
      (await app.payload.findByID({ collection: 'platform-variants', id: variant.id, depth: 0, overrideAccess: true })).publicationState
    await waitFor(async () => (await stateOf()) === 'published', 30_000, 'the scheduler’s cron to publish the variant', 200)
    expect(fakes.x.livePosts().filter((post) => post.text === 'Publié par le planificateur, sans appel à tick().')).toHaveLength(1)

    const crons = [...app.payload.crons]
    expect(crons.some((cron) => cron.name === 'publishing-scheduler')).toBe(true)
    await app.close()
    expect(crons.every((cron) => cron.isStopped())).toBe(true)
  }, 60_000)
})
