/**
 * Exactly once across processes: several publishing workers on one database publish each due
 * variant once (counted on the fake networks), and a worker killed with SIGKILL in the middle of
 * publishing leaves nothing lost and nothing doubled once another one takes over.
 */
import { jest } from '@jest/globals'
import pg from 'pg'

import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { connectFakeAccounts, insertScheduledVariants, publishCallsByText, startNetworkFakes, startWorker, stateCounts, waitFor } from './publishing-fixtures'
import type { FakeAccounts, NetworkFakes, WorkerProcess } from './publishing-fixtures'

jest.setTimeout(420_000)

let app: TestPayload
let fakes: NetworkFakes
let accounts: FakeAccounts
const workers: WorkerProcess[] = []

beforeAll(async () => {
  fakes = await startNetworkFakes()
  app = await startTestPayload({ env: fakes.env })
  accounts = await connectFakeAccounts(app.payload, fakes)
})

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.child.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      await Promise.race([worker.exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))])
      clearTimeout(timer)
      worker.child.kill('SIGKILL')
    }
  }
})

afterAll(async () => {
  await app?.close()
  await fakes?.close()
})

function workerEnv(): Record<string, string> {
  return { ...fakes.env, DATA_DIR: app.dataDirPath, MEDIA_DIR: `${app.dataDirPath}/media` }
}

async function attemptsFor(ids: number[]) {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `SELECT variant_id, kind::text, outcome::text, instance FROM publication_attempts WHERE variant_id = ANY($1::int[]) ORDER BY id`,
      [ids],
    )
    return rows as { variant_id: number; kind: string; outcome: string; instance: string }[]
  } finally {
    await client.end()
  }
}

it('three worker processes publish 500 due variants, each exactly once', async () => {
  for (const name of ['alpha', 'beta', 'gamma']) {
    workers.push(startWorker(app.databaseUrl, workerEnv(), ['--interval-ms', '200', '--instance', name, '--concurrency', '4']))
  }
  await Promise.all(workers.map((worker) => worker.ready))
  // All due in the same second, once every worker is polling.
  const variants = await insertScheduledVariants(app.databaseUrl, {
    count: 500,
    accounts,
    scheduledAt: new Date(Date.now() + 1500),
    tag: 'exactly-once',
  })
  const ids = variants.map((variant) => variant.id)

  await waitFor(async () => (await stateCounts(app.databaseUrl, ids)).published === 500, 180_000, '500 published variants')

  const calls = publishCallsByText(fakes)
  const perVariant = variants.map((variant) => calls.get(variant.text) ?? 0)
  expect(perVariant.filter((count) => count === 1)).toHaveLength(500)
  expect(fakes.meta.state.feedPosts.filter((post) => post.message?.startsWith('exactly-once'))).toHaveLength(167)
  expect(fakes.x.livePosts().filter((post) => post.text.startsWith('exactly-once'))).toHaveLength(167)
  expect(fakes.linkedin.livePosts().filter((post) => post.commentary.replace(/\\(.)/g, '$1').startsWith('exactly-once'))).toHaveLength(166)

  const attempts = await attemptsFor(ids)
  expect(attempts).toHaveLength(500)
  expect(attempts.every((attempt) => attempt.kind === 'publish' && attempt.outcome === 'succeeded')).toBe(true)
  // The work was shared: every instance published some of it.
  const byInstance = new Map<string, number>()
  for (const attempt of attempts) byInstance.set(attempt.instance, (byInstance.get(attempt.instance) ?? 0) + 1)
  expect([...byInstance.keys()].sort()).toEqual(['alpha', 'beta', 'gamma'])

  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM platform_variants WHERE id = ANY($1::int[]) AND remote_id IS NOT NULL AND published_at IS NOT NULL AND claim_token IS NULL`,
    [ids],
  )
  await client.end()
  expect(rows[0].n).toBe(500)
})

it('a worker killed with SIGKILL mid-publish is taken over: no duplicate, no loss', async () => {
  const variants = await insertScheduledVariants(app.databaseUrl, {
    count: 45,
    accounts,
    scheduledAt: new Date(Date.now() - 1000),
    tag: 'sigkill',
  })
  const ids = variants.map((variant) => variant.id)
  // Facebook stores the next post and never answers: the worker is killed while it waits.
  fakes.meta.delayNext({ ms: 'forever', match: { method: 'POST', path: /\/feed$/ } })
  const doomed = startWorker(app.databaseUrl, workerEnv(), ['--interval-ms', '200', '--instance', 'doomed', '--lease-ms', '3000', '--concurrency', '3'])
  workers.push(doomed)
  await doomed.ready
  await waitFor(async () => (await stateCounts(app.databaseUrl, ids)).published >= 10, 60_000, 'a first part published')
  await waitFor(async () => fakes.meta.state.feedPosts.some((post) => post.message?.startsWith('sigkill')), 30_000, 'the unanswered Facebook post')
  doomed.child.kill('SIGKILL')
  await doomed.exited
  const atKill = await stateCounts(app.databaseUrl, ids)
  expect(atKill.publishing ?? 0).toBeGreaterThanOrEqual(1)
  expect(atKill.published ?? 0).toBeLessThan(45)

  const successor = startWorker(app.databaseUrl, workerEnv(), [
    '--interval-ms',
    '200',
    '--instance',
    'successor',
    '--lease-ms',
    '3000',
    '--reconcile-after-ms',
    '100',
  ])
  workers.push(successor)
  await successor.ready
  await waitFor(async () => (await stateCounts(app.databaseUrl, ids)).published === 45, 90_000, 'all 45 published after the takeover')

  const calls = publishCallsByText(fakes)
  expect(variants.filter((variant) => (calls.get(variant.text) ?? 0) === 1)).toHaveLength(45)
  const attempts = await attemptsFor(ids)
  // The killed publications were closed as interrupted, then found on the network, not posted again.
  // (A claim taken just before the kill may not have written its attempt row yet.)
  const interrupted = attempts.filter((attempt) => attempt.outcome === 'interrupted').length
  expect(interrupted).toBeGreaterThanOrEqual(1)
  expect(interrupted).toBeLessThanOrEqual(atKill.publishing!)
  expect(attempts.filter((attempt) => attempt.kind === 'reconcile' && attempt.outcome === 'found').length).toBeGreaterThanOrEqual(1)
  expect(attempts.filter((attempt) => attempt.kind === 'publish' && attempt.outcome === 'succeeded')).toHaveLength(
    45 - attempts.filter((attempt) => attempt.kind === 'reconcile' && attempt.outcome === 'found').length,
  )
})
