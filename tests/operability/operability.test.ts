/**
 * Operability (issue 16): the health endpoints a load balancer reads, a stopping instance that
 * drains, stops claiming and closes within its deadline, and the server's logs as JSON lines in
 * production.
 */
import fs from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import pg from 'pg'

import { migrations } from '../../migrations'
import { queuePublicationEvent, webhookQueue } from '../../plugins/campaign-ops/publishing/webhooks'
import { readiness } from '../../src/infra/health'
import { isShuttingDown, onShutdown, shutDown } from '../../src/infra/lifecycle'
import { sqlPool } from '../../src/infra/database'
import { diskFileStore } from '../../src/infra/disk-file-store'
import { fileStoresOf } from '../../src/infra/file-store'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { waitFor } from '../helpers/wait-for'

let app: TestPayload
let http: TestHttpServer

beforeAll(async () => {
  // The webhook receiver of the job test listens on 127.0.0.1.
  app = await startTestPayload({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } })
  http = await startHttpServer(app.config)
})

afterAll(async () => {
  await http?.close()
  // The last test closed Payload already; the database and data folder still go.
  await app?.close().catch(() => undefined)
})

const get = async (pathname: string) => {
  const response = await fetch(`${http.baseUrl}${pathname}`)
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cache: response.headers.get('cache-control') }
}

describe('health endpoints, for anyone', () => {
  it('live: the process answers', async () => {
    expect(await get('/api/health/live')).toEqual({ status: 200, body: { status: 'alive' }, cache: 'no-store' })
  })

  it('ready: database, migrations, storage and accepting, nothing else in the answer', async () => {
    expect(await get('/api/health/ready')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', storage: 'ok', accepting: 'ok' } },
      cache: 'no-store',
    })
  })

  it('not ready while a committed migration has not run', async () => {
    const db = sqlPool(app.payload)
    const last = migrations[migrations.length - 1]!.name
    await db.query('UPDATE payload_migrations SET name = $1 WHERE name = $2', [`${last}-hidden`, last])
    try {
      const answer = await get('/api/health/ready')
      expect(answer.status).toBe(503)
      expect(answer.body).toEqual({ status: 'not_ready', checks: { database: 'ok', migrations: 'failing', storage: 'ok', accepting: 'ok' } })
    } finally {
      await db.query('UPDATE payload_migrations SET name = $1 WHERE name = $2', [last, `${last}-hidden`])
    }
  })

  it('not ready when the media storage cannot be written', async () => {
    // A folder under a file can never be created.
    const file = path.join(app.dataDirPath, 'not-a-folder')
    fs.writeFileSync(file, '')
    const unwritable = diskFileStore(path.join(file, 'media'))
    const answer = await readiness(app.payload, { migrations, fileStores: { media: unwritable, reports: fileStoresOf(app.payload).reports } })
    expect(answer).toEqual({ ready: false, checks: { database: 'ok', migrations: 'ok', storage: 'failing', accepting: 'ok' } })
  })
})

describe('scheduled runs', () => {
  it('are queued once when several instances look at the schedules in the same instant', async () => {
    // Four instances' crons firing together; Payload's own check alone lets each of them queue.
    await Promise.all(Array.from({ length: 4 }, () => app.payload.jobs.handleSchedules({ allQueues: true })))
    const { rows } = await sqlPool(app.payload).query(
      `SELECT task_slug, count(DISTINCT wait_until)::int AS runs, count(*)::int AS jobs FROM payload_jobs WHERE (meta->>'scheduled')::boolean GROUP BY task_slug ORDER BY task_slug`,
    )
    expect(rows.map((row) => row.task_slug).sort()).toEqual([
      'checkpointModerationLog',
      'pollInboundComments',
      'processInboundDeliveries',
      'pullPostMetrics',
      'purgeInboxPersonalData',
      'purgeModerationLogExcerpts',
      'queuePeriodicReports',
      'resumeInboxImports',
      'resumeMetricImports',
      'trainModerationModel',
      'watchForCrises',
    ])
    expect(rows.filter((row) => row.jobs !== 1)).toEqual([])
    // A later look (the next minute) finds each run claimed or waiting and queues nothing more.
    await app.payload.jobs.handleSchedules({ allQueues: true })
    const { rows: after } = await sqlPool(app.payload).query(`SELECT count(*)::int AS n FROM payload_jobs WHERE (meta->>'scheduled')::boolean`)
    expect(after[0]!.n).toBe(rows.length)
  })
})

describe('queued jobs', () => {
  it('run once when several instances’ runners claim them in the same instant', async () => {
    const received: string[] = []
    const receiver = createServer((request, response) => {
      received.push(String(request.headers['x-badil-delivery']))
      request.resume()
      request.on('end', () => response.end('ok'))
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    try {
      await app.payload.create({
        collection: 'webhook-subscriptions',
        overrideAccess: true,
        data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, events: ['publication.succeeded'] },
      })
      for (let id = 1; id <= 30; id += 1) {
        await queuePublicationEvent(app.payload, 'publication.succeeded', {
          variant: { id, platform: 'facebook', language: 'fr', contentItem: null, scheduledAt: null },
          attemptNumber: 1,
        })
      }
      // Three instances' webhook crons firing in the same second.
      await Promise.all(Array.from({ length: 3 }, () => app.payload.jobs.run({ queue: webhookQueue, limit: 100 })))
      expect(received).toHaveLength(30)
      expect(new Set(received).size).toBe(30)
      const { rows } = await sqlPool(app.payload).query(
        `SELECT count(*)::int AS jobs, count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS done, sum(total_tried)::int AS tried FROM payload_jobs WHERE task_slug = 'deliverPublicationWebhook'`,
      )
      expect(rows[0]).toEqual({ jobs: 30, done: 30, tried: 30 })
    } finally {
      receiver.closeAllConnections()
      await new Promise((resolve) => receiver.close(resolve))
    }
  })
})

describe('a stopping instance', () => {
  // The last test of the file: it stops the app (the server's own SIGTERM path is run by .ci/run on the built server).
  it('reports itself not ready at once, lets its work settle, closes its pools, within its deadline', async () => {
    const { payload } = app
    expect(isShuttingDown(payload)).toBe(false)
    const settled: string[] = []
    onShutdown(payload, 'quick', async () => {
      await new Promise((resolve) => setTimeout(resolve, 100))
      settled.push('quick')
    })
    onShutdown(payload, 'stuck', () => new Promise(() => undefined))

    // A webhook delivery in flight when the shutdown begins: its receiver answers after 800 ms.
    const received: string[] = []
    const slowReceiver = createServer((request, response) => {
      received.push(String(request.headers['x-badil-delivery']))
      request.resume()
      setTimeout(() => response.end('ok'), 800)
    })
    await new Promise<void>((resolve) => slowReceiver.listen(0, '127.0.0.1', resolve))
    await payload.update({ collection: 'webhook-subscriptions', where: {}, data: { active: false }, overrideAccess: true })
    await payload.create({
      collection: 'webhook-subscriptions',
      overrideAccess: true,
      data: { url: `http://127.0.0.1:${(slowReceiver.address() as AddressInfo).port}/hooks`, events: ['publication.failed'] },
    })
    const event = (id: number) => ({ variant: { id, platform: 'x', language: 'fr', contentItem: null, scheduledAt: null }, attemptNumber: 1 })
    await queuePublicationEvent(payload, 'publication.failed', event(101))
    const running = payload.jobs.run({ queue: webhookQueue })
    await waitFor(async () => received.length === 1, 10_000, 'the delivery in flight')

    const stopping = shutDown(payload, { timeoutMs: 3000, drainMs: 200 })
    expect(isShuttingDown(payload)).toBe(true)
    const during = await readiness(payload, { migrations, fileStores: fileStoresOf(payload) })
    expect(during).toMatchObject({ ready: false, checks: { accepting: 'failing', database: 'ok' } })
    // Queued while it drains: left for the other instances, not started here.
    await queuePublicationEvent(payload, 'publication.failed', event(102))
    expect(await payload.jobs.run({ queue: webhookQueue })).toMatchObject({ noJobsRemaining: true })
    const report = await stopping
    // Finished before the pools closed (a run cut by the closing pools would never settle).
    const cut = new Promise((resolve) => setTimeout(() => resolve('cut'), 5000).unref())
    expect(await Promise.race([running.then(() => 'finished'), cut])).toBe('finished')
    expect(report.stopped.sort()).toEqual(['job runs', 'publishing scheduler', 'quick'])
    expect(report.unfinished).toEqual(['stuck'])
    expect(report.seconds).toBeLessThanOrEqual(3.5)
    expect(settled).toEqual(['quick'])
    await expect(sqlPool(payload).query('SELECT 1')).rejects.toThrow()
    slowReceiver.closeAllConnections()
    await new Promise((resolve) => slowReceiver.close(resolve))

    // The delivery in flight finished before the pools closed; the later one waits for another instance.
    expect(received).toHaveLength(1)
    const client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query(
        `SELECT input->'body'->'data'->'variant'->>'id' AS variant, completed_at IS NOT NULL AS done, processing FROM payload_jobs
          WHERE task_slug = 'deliverPublicationWebhook' AND input->'body'->>'type' = 'publication.failed' ORDER BY id`,
      )
      expect(rows).toEqual([
        { variant: '101', done: true, processing: false },
        { variant: '102', done: false, processing: false },
      ])
    } finally {
      await client.end()
    }
  })
})
