/**
 * Several instances on one database (issue 16): two web instances (each with its crons and its
 * publishing scheduler) and one publishing worker, as separate processes, behind a round-robin
 * load balancer that follows their readiness. Under steady traffic it shows the requests served by
 * both, each due variant published once, one webhook delivery per event, one job per scheduled
 * run, and a rolling restart (SIGTERM to one instance, then the other, mid-traffic) that loses no
 * request and no write.
 *
 * The web instances serve Payload's own REST and GraphQL handlers over HTTP (what Next.js mounts),
 * not a Next.js build: the suite runs before the build. CI starts the built server separately.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'

import { jest } from '@jest/globals'

import { startTestPayload } from '../helpers/payload'
import { queryRows } from '../helpers/sql'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import { waitFor } from '../helpers/wait-for'
import {
  connectFakeAccounts,
  insertScheduledVariants,
  publishCallsByText,
  startNetworkFakes,
  startWorker,
  stateCounts,
} from '../publishing/publishing-fixtures'
import type { NetworkFakes, WorkerProcess } from '../publishing/publishing-fixtures'

jest.setTimeout(600_000)

type Instance = { name: string; port: number; child: ChildProcess; output: () => string; exited: Promise<number | null> }

let app: TestPayload
let fakes: NetworkFakes
let adminToken: string
let receiver: http.Server
const deliveries: { id: string; type: string; variantId: number }[] = []

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function instanceEnv(port?: number): Record<string, string> {
  return {
    ...fakes.env,
    DATABASE_URL: app.databaseUrl,
    DATA_DIR: app.dataDirPath,
    MEDIA_DIR: `${app.dataDirPath}/media`,
    ...(port ? { PORT: String(port) } : {}),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    BADIL_SERVER: 'true',
    // 5 s of drain (a third of the timeout, at most 5 s): the requests in flight end before it stops.
    SHUTDOWN_TIMEOUT_S: '15',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    BADIL_CONFIG_LOAD_TIMEOUT_MS: '100000',
  }
}

function startInstance(name: string, port: number): Promise<Instance> {
  const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'tests/operability/web-instance.ts'], {
    env: { ...process.env, ...instanceEnv(port), INSTANCE_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += String(chunk)))
  child.stderr!.on('data', (chunk) => (output += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready within 150 s:\n${output}`)), 150_000)
    child.stdout!.on('data', () => {
      if (output.includes('web instance ready')) {
        clearTimeout(timer)
        resolve({ name, port, child, output: () => output, exited })
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`))
    })
  })
}

/**
 * A load balancer as a managed one behaves: round robin over the upstreams whose readiness answers
 * 200 (checked every 200 ms), and a request whose connection is refused (nothing was sent) tried on
 * the next one. It counts what each upstream served.
 */
async function startLoadBalancer(ports: number[]) {
  const upstreams = ports.map((port) => ({ port, ready: false, served: 0 }))
  let next = 0
  let checking = true
  const check = async () => {
    while (checking) {
      await Promise.all(
        upstreams.map(async (upstream) => {
          const answer = await fetch(`http://127.0.0.1:${upstream.port}/api/health/ready`, { signal: AbortSignal.timeout(1000) }).catch(() => null)
          upstream.ready = answer?.status === 200
          await answer?.arrayBuffer().catch(() => undefined)
        }),
      )
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  const checker = check()
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const body = chunks.length ? Buffer.concat(chunks) : undefined
    // Waits up to 30 s for a ready instance, as a load balancer queues a request during a restart.
    for (let tries = 0; tries < 300; tries += 1) {
      const candidates = upstreams.filter((upstream) => upstream.ready)
      if (candidates.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        continue
      }
      const upstream = candidates[next++ % candidates.length]!
      const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => name !== 'host' && name !== 'connection')) as Record<
        string,
        string
      >
      try {
        const response = await fetch(`http://127.0.0.1:${upstream.port}${incoming.url}`, { method: incoming.method, headers, body })
        const answer = Buffer.from(await response.arrayBuffer())
        upstream.served += 1
        outgoing.statusCode = response.status
        outgoing.setHeader('content-type', response.headers.get('content-type') ?? 'application/octet-stream')
        outgoing.setHeader('x-upstream', String(upstream.port))
        outgoing.end(answer)
        return
      } catch (error) {
        // Only a refused connection is retried: the request never reached the instance.
        const code = (error as { cause?: { code?: string } }).cause?.code
        if (code !== 'ECONNREFUSED') {
          outgoing.statusCode = 502
          outgoing.end(`upstream ${upstream.port} failed: ${code ?? String(error)}`)
          return
        }
        upstream.ready = false
      }
    }
    outgoing.statusCode = 503
    outgoing.end('no upstream ready')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    upstreams,
    close: async () => {
      checking = false
      await checker
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** Variants due during the test, over Facebook, X and LinkedIn. */
const published = 30

/**
 * Clients writing and reading through the load balancer until stopped, 20 ms apart (steady
 * traffic, not a load test: the suite's other worker shares the two cores); every answer is kept.
 */
function startTraffic(baseUrl: string, clients: number) {
  let running = true
  const results: { kind: 'create' | 'read'; status: number; slug: string }[] = []
  let counter = 0
  const client = async () => {
    while (running) {
      counter += 1
      const slug = `traffic-${counter}`
      const created = await fetch(`${baseUrl}/api/themes`, {
        method: 'POST',
        headers: { Authorization: `JWT ${adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Thème ${counter}`, slug }),
      }).catch(() => null)
      const createdBody = (await created?.json().catch(() => null)) as { doc?: { id: number } } | null
      results.push({ kind: 'create', status: created?.status ?? 0, slug })
      if (createdBody?.doc?.id) {
        const read = await fetch(`${baseUrl}/api/themes/${createdBody.doc.id}`, { headers: { Authorization: `JWT ${adminToken}` } }).catch(() => null)
        await read?.arrayBuffer()
        results.push({ kind: 'read', status: read?.status ?? 0, slug })
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const done = Promise.all(Array.from({ length: clients }, client))
  return {
    results,
    stop: async () => {
      running = false
      await done
    },
  }
}

const sql = <T>(text: string, values: unknown[] = []) => queryRows<T>(app.databaseUrl, text, values)

async function stopGracefully(instance: Instance): Promise<{ code: number | null; output: string }> {
  instance.child.kill('SIGTERM')
  const code = await instance.exited
  return { code, output: instance.output() }
}

beforeAll(async () => {
  fakes = await startNetworkFakes()
  // The webhook receiver listens on 127.0.0.1.
  app = await startTestPayload({ env: { ...fakes.env, WEBHOOK_ALLOW_PRIVATE: 'true' } })
  const users = await createAccountPerRole(app.payload)
  adminToken = (await app.payload.login({ collection: 'users', data: { email: users.admin.email, password: users.admin.password } })).token!
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const event = JSON.parse(body) as { id: string; type: string; data: { variant: { id: number } } }
      deliveries.push({ id: String(request.headers['x-badil-delivery']), type: event.type, variantId: event.data.variant.id })
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  await app.payload.create({
    collection: 'webhook-subscriptions',
    overrideAccess: true,
    data: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, events: ['publication.succeeded'] },
  })
})

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve))
  await app?.close()
  await fakes?.close()
})

it('two web instances and a worker share the load with no duplicate, and a rolling restart loses nothing', async () => {
  const accounts = await connectFakeAccounts(app.payload, fakes)
  const ports = [await freePort(), await freePort()]
  const started: Instance[] = []
  let worker: WorkerProcess | undefined
  let balancer: Awaited<ReturnType<typeof startLoadBalancer>> | undefined
  try {
    const [first, second] = await Promise.all([startInstance('web-a', ports[0]!), startInstance('web-b', ports[1]!)])
    started.push(first!, second!)
    worker = startWorker(app.databaseUrl, { ...instanceEnv(), LOG_LEVEL: 'error' }, ['--interval-ms', '300', '--instance', 'worker'])
    await worker.ready
    balancer = await startLoadBalancer(ports)
    await waitFor(async () => balancer!.upstreams.every((upstream) => upstream.ready), 30_000, 'both instances in the load balancer')

    const traffic = startTraffic(balancer.url, 2)
    const variants = await insertScheduledVariants(app.databaseUrl, { count: published, accounts, scheduledAt: new Date(Date.now() + 2000), tag: 'instances' })
    const ids = variants.map((variant) => variant.id)
    await new Promise((resolve) => setTimeout(resolve, 4000))

    // Rolling restart: one instance after the other, each replaced on its port once it has stopped.
    const stops: { code: number | null; output: string }[] = []
    for (const index of [0, 1]) {
      const servedBefore = balancer.upstreams[index]!.served
      expect(servedBefore).toBeGreaterThan(0)
      stops.push(await stopGracefully(started[index]!))
      started[index] = await startInstance(`${started[index]!.name}-again`, ports[index]!)
      await waitFor(async () => balancer!.upstreams[index]!.served > servedBefore, 60_000, `traffic back on ${started[index]!.name}`)
    }
    await waitFor(async () => (await stateCounts(app.databaseUrl, ids)).published === published, 180_000, 'every variant published')
    await new Promise((resolve) => setTimeout(resolve, 2000))
    await traffic.stop()

    // Each instance stopped the graceful way, within its deadline.
    for (const stop of stops) {
      expect(stop.code).toBe(0)
      expect(stop.output).toMatch(/shutting down: done in \d/)
    }

    // Every request was answered, by both instances, and every write is stored once.
    const creates = traffic.results.filter((result) => result.kind === 'create')
    const failed = traffic.results.filter((result) => result.status !== 200 && result.status !== 201)
    expect(failed).toEqual([])
    const served = balancer.upstreams.map((upstream) => upstream.served)
    expect(served.every((count) => count > 0)).toBe(true)
    const stored = await sql<{ slug: string; n: number }>(`SELECT slug, count(*)::int AS n FROM themes WHERE slug LIKE 'traffic-%' GROUP BY slug`)
    expect(stored.length).toBe(creates.length)
    expect(stored.every((row) => row.n === 1)).toBe(true)

    // Each variant reached its network once.
    const calls = publishCallsByText(fakes)
    expect(variants.filter((variant) => calls.get(variant.text) === 1)).toHaveLength(published)
    const attempts = await sql<{ instance: string; n: number }>(
      `SELECT instance, count(*)::int AS n FROM publication_attempts WHERE variant_id = ANY($1::int[]) AND outcome = 'succeeded' GROUP BY instance`,
      [ids],
    )
    expect(attempts.reduce((sum, row) => sum + row.n, 0)).toBe(published)

    // One webhook delivery per publication, whichever instance's job queue sent it.
    await waitFor(
      async () => deliveries.filter((delivery) => ids.includes(delivery.variantId)).length >= published,
      90_000,
      'a webhook delivery per publication',
    )
    // Longer than the webhook queue's 10 s cycle: a duplicate would have arrived.
    await new Promise((resolve) => setTimeout(resolve, 12_000))
    const ours = deliveries.filter((delivery) => ids.includes(delivery.variantId))
    expect(ours).toHaveLength(published)
    expect(new Set(ours.map((delivery) => delivery.variantId)).size).toBe(published)
    expect(new Set(ours.map((delivery) => delivery.id)).size).toBe(published)

    // One job per scheduled run: both instances look at the schedules every minute. Each queue
    // looks at its own schedules on its own tick: wait until every one has had its first look.
    const scheduledRuns = () =>
      sql<{ task_slug: string; wait_until: string; n: number }>(
        `SELECT task_slug, wait_until::text, count(*)::int AS n FROM payload_jobs WHERE (meta->>'scheduled')::boolean GROUP BY 1, 2 ORDER BY 1, 2`,
      )
    // Reports, purges, polls and watches, each queued for its next run (the daily ones hours ahead).
    const expectedTasks = [
      'queuePeriodicReports',
      'purgeModerationLogExcerpts',
      'purgeInboxPersonalData',
      'pollInboundComments',
      'pullPostMetrics',
      'watchForCrises',
    ]
    await waitFor(
      async () => {
        const queued = new Set((await scheduledRuns()).map((row) => row.task_slug))
        return expectedTasks.every((task) => queued.has(task))
      },
      150_000,
      'every schedule queued by the instances',
    )
    const scheduled = await scheduledRuns()
    const tasks = new Set(scheduled.map((row) => row.task_slug))
    expect(scheduled.filter((row) => row.n > 1)).toEqual([])
    // And each scheduled job that ran ran once: the ones due every minute run within two minutes.
    const completedScheduled = async () =>
      (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM payload_jobs WHERE (meta->>'scheduled')::boolean AND completed_at IS NOT NULL`))[0]!.n
    await waitFor(async () => (await completedScheduled()) > 0, 150_000, 'a scheduled job run by the instances')
    const runs = await sql<{ task_slug: string; runs: number }>(
      `SELECT job.task_slug, count(log.id)::int AS runs FROM payload_jobs job JOIN payload_jobs_log log ON log._parent_id = job.id
       WHERE (job.meta->>'scheduled')::boolean AND job.completed_at IS NOT NULL GROUP BY job.id, job.task_slug`,
    )
    expect(runs.length).toBeGreaterThan(0)
    expect(runs.filter((row) => row.runs !== 1)).toEqual([])

    console.log(
      `instances: requests served ${served.join(' / ')} (web-a / web-b) of ${traffic.results.length}; ` +
        `publications by ${attempts.map((row) => `${row.instance} ${row.n}`).join(', ')}; ` +
        `${scheduled.length} scheduled runs of ${tasks.size} tasks (${runs.length} ran, once each); stops: ${stops.map((stop) => /shutting down: done in ([\d.]+) s/.exec(stop.output)?.[1]).join(' s, ')} s`,
    )
  } finally {
    await balancer?.close()
    for (const instance of started) if (instance.child.exitCode === null) instance.child.kill('SIGKILL')
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM')
      await Promise.race([worker.exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
      worker.child.kill('SIGKILL')
    }
  }
})
