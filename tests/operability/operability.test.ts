/**
 * Operability (issue 16): the health endpoints a load balancer reads, a stopping instance that
 * drains, stops claiming and closes within its deadline, and the server's logs as JSON lines in
 * production.
 */
import fs from 'node:fs'
import path from 'node:path'

import { migrations } from '../../migrations'
import { readiness } from '../../src/infra/health'
import { isShuttingDown, onShutdown, shutDown } from '../../src/infra/lifecycle'
import { sqlPool } from '../../src/infra/database'
import { diskFileStore } from '../../src/infra/disk-file-store'
import { fileStoresOf } from '../../src/infra/file-store'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let app: TestPayload
let http: TestHttpServer

beforeAll(async () => {
  app = await startTestPayload()
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
    const stopping = shutDown(payload, { timeoutMs: 3000, drainMs: 200 })
    expect(isShuttingDown(payload)).toBe(true)
    const during = await readiness(payload, { migrations, fileStores: fileStoresOf(payload) })
    expect(during).toMatchObject({ ready: false, checks: { accepting: 'failing', database: 'ok' } })
    const report = await stopping
    expect(report.stopped.sort()).toEqual(['publishing scheduler', 'quick'])
    expect(report.unfinished).toEqual(['stuck'])
    expect(report.seconds).toBeLessThanOrEqual(3.5)
    expect(settled).toEqual(['quick'])
    await expect(sqlPool(payload).query('SELECT 1')).rejects.toThrow()
  })
})
