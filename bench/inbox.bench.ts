/**
 * The inbox under webhook load. A server process (bench/lib/inbox-bench-server.ts) serves Meta's
 * webhook over real HTTP on a throwaway database with the default moderation rules active; this
 * process signs and sends deliveries as Meta does (retrying what is not acknowledged with 200):
 *  - throughput: deliveries verified, stored, read, moderated and logged per second, against the
 *    baseline measured in the same run — a raw `pg` batched insert of the very rows the inbox
 *    stored (ratio = inbox rate / raw insert rate); and the same without HTTP (deliveries already
 *    stored, read, moderated and logged in batches), to tell the two costs apart;
 *  - a burst of 20,000 comments, with part of it delivered twice: lost and duplicated must be 0;
 *  - acknowledgement latency (p50, p99) at a steady 500 deliveries/s;
 *  - the server's resident memory (peak), sampled from /proc.
 * Comments are real public text where ../shared/data/mlma-ar is present (Arabic tweets), mixed
 * with French and Darija comments written for the campaign's debate.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { parse } from 'csv-parse/sync'
import pg from 'pg'

import { drainDeliveries, storeDelivery } from '../plugins/campaign-ops/inbox/deliveries'
import { defaultSlaMinutes } from '../plugins/campaign-ops/inbox/ingest'
import { seedModerationLibrary } from '../plugins/campaign-ops/moderation/seed-library'
import { metaJson, pageDelivery, signMetaBody } from '../tests/networks/fakes/meta-webhook-sender'
import type { PageCommentChange } from '../tests/networks/fakes/meta-webhook-sender'
import { startBenchPayload } from './lib/bench-payload'
import { prng } from './lib/prng'

const appSecret = 'inbox-bench-app-secret-0123456789abcdef'
const pageId = '4242000042'
const postId = `${pageId}_1000`
const throughputDeliveries = Number(process.env.BENCH_INBOX_DELIVERIES ?? 5000)
const burstEvents = 20_000
const eventsPerBurstDelivery = 5
const steadyRate = 500
const steadySeconds = Number(process.env.BENCH_INBOX_SECONDS ?? 10)
/** What the inbox writes for a delivery: the delivery, the interaction, its moderation log row. */
const storedTables = ['inbound_deliveries', 'interactions', 'moderation_log']

const campaignComments = [
  'La peine alternative n’est pas l’impunité, merci pour ces explications',
  'Encore une loi pour les riches, les pauvres iront en prison',
  'Comment un juge décide-t-il du travail d’intérêt général ?',
  'واش هادشي غير للي عندو لفلوس؟',
  'lli 3ando chi derham kayshri rasso, hadi machi 3adala',
  'العقوبات البديلة خطوة مزيانة باش نخففو على السجون',
  'Bravo pour la campagne, c’est clair et utile',
  'Ces criminels méritent la prison, pas des cadeaux',
]

function commentTexts(): string[] {
  const file = path.resolve('..', 'shared', 'data', 'mlma-ar', 'ar_dataset.csv')
  if (!fs.existsSync(file)) return campaignComments
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as { tweet: string }[]
  return [...campaignComments, ...rows.map((row) => row.tweet)]
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN
}

type Delivery = { raw: string; signature: string }

function delivery(time: number, changes: PageCommentChange[]): Delivery {
  const raw = metaJson(pageDelivery(pageId, time, changes))
  return { raw, signature: signMetaBody(raw, appSecret) }
}

type Sender = { send(delivery: Delivery): Promise<number>; refused: number; retried: number }

/** Posts a delivery as Meta does; anything but 200 is sent again (after 200 ms here), up to 5 times. */
function sender(callback: string): Sender {
  const state: Sender = {
    refused: 0,
    retried: 0,
    send: async (delivery) => {
      for (let attempt = 1; ; attempt += 1) {
        const started = performance.now()
        const response = await fetch(callback, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': delivery.signature },
          body: delivery.raw,
        })
        await response.arrayBuffer()
        const elapsed = performance.now() - started
        if (response.status === 200) return elapsed
        if (attempt >= 5) {
          state.refused += 1
          return elapsed
        }
        state.retried += 1
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    },
  }
  return state
}

async function sendAll(send: Sender['send'], deliveries: Delivery[], callers: number): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < deliveries.length) await send(deliveries[next++]!)
    }),
  )
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** Peak resident memory of a process, sampled from /proc every 100 ms until stopped. */
function rssSampler(pid: number) {
  let peakKb = 0
  const sample = () => {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    if (match) peakKb = Math.max(peakKb, Number(match[1]))
  }
  const timer = setInterval(sample, 100)
  return {
    reset: () => {
      peakKb = 0
      sample()
    },
    peakMb: () => peakKb / 1024,
    stop: () => clearInterval(timer),
  }
}

async function startServer(databaseUrl: string) {
  const child = spawn(process.execPath, ['--expose-gc', 'scripts/run-ts.mjs', 'bench/lib/inbox-bench-server.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, FACEBOOK_APP_ID: 'inbox-bench-app', FACEBOOK_APP_SECRET: appSecret, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr!.on('data', (chunk) => (output += String(chunk)))
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk)
      const match = /inbox bench server (\S+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.on('exit', (code) => reject(new Error(`the bench server exited (${code}):\n${output}`)))
  })
  return {
    baseUrl,
    pid: child.pid!,
    /** The server's own account of its memory (heap, buffers). */
    memoryReport: () =>
      new Promise<string>((resolve) => {
        const listener = (chunk: Buffer) => {
          const line = /memory: [^\n]+/.exec(String(chunk))
          if (!line) return
          child.stdout!.off('data', listener)
          resolve(line[0])
        }
        child.stdout!.on('data', listener)
        child.kill('SIGUSR2')
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export async function run(): Promise<void> {
  const bench = await startBenchPayload()
  const db = new pg.Client({ connectionString: bench.databaseUrl })
  await db.connect()
  const count = async (sql: string, values: unknown[] = []) => Number((await db.query(sql, values)).rows[0].n)
  const stored = (prefix: string) =>
    count(`SELECT count(*) AS n FROM interactions WHERE remote_id LIKE $1 AND moderation_decided_at IS NOT NULL`, [`${prefix}\\_%`])
  const waitStored = async (prefix: string, expected: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const n = await stored(prefix)
      if (n >= expected || Date.now() > deadline) return n
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  try {
    await seedModerationLibrary(bench.payload, { activateRules: true })
    await bench.payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'facebook', connection: 'manual', name: 'Page du banc d’essai', accountId: pageId },
    })
    server = await startServer(bench.databaseUrl)
    const callback = `${server.baseUrl}/api/inbox/webhooks/meta`
    const memory = rssSampler(server.pid)
    const texts = commentTexts()
    const random = prng(17)
    const comment = (prefix: string, index: number, time: number): PageCommentChange => ({
      verb: 'add',
      commentId: `${prefix}_${index}`,
      postId,
      message: texts[Math.floor(random() * texts.length)]!,
      createdTime: time,
      from: { id: `author-${Math.floor(random() * 5000)}`, name: `Auteur ${index % 500}` },
    })
    const time = Math.floor(Date.now() / 1000)
    memory.reset()
    console.log(`server up (RSS ${memory.peakMb().toFixed(0)} MB); ${texts.length} distinct comment texts; default rules active`)

    // Warm-up: the first requests compile the route and fill the caches.
    const warm = sender(callback)
    await sendAll(
      warm.send,
      Array.from({ length: 200 }, (_, index) => delivery(time, [comment('warm', index, time)])),
      8,
    )
    await waitStored('warm', 200, 60_000)

    // Throughput, one comment per delivery, 16 callers.
    memory.reset()
    const idsBefore: Record<string, number> = {}
    for (const table of storedTables) idsBefore[table] = await count(`SELECT coalesce(max(id), 0) AS n FROM ${table}`)
    const throughput = sender(callback)
    const serverCpuBefore = cpuSeconds(server.pid)
    const clientCpuBefore = process.cpuUsage()
    const started = performance.now()
    await sendAll(
      throughput.send,
      Array.from({ length: throughputDeliveries }, (_, index) => delivery(time, [comment('thr', index, time)])),
      16,
    )
    const acknowledgedMs = performance.now() - started
    const throughputStored = await waitStored('thr', throughputDeliveries, 600_000)
    const inboxSeconds = (performance.now() - started) / 1000
    const inboxRate = throughputStored / inboxSeconds
    const serverCpuMs = ((cpuSeconds(server.pid) - serverCpuBefore) * 1000) / throughputDeliveries
    const clientCpu = process.cpuUsage(clientCpuBefore)
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000 / throughputDeliveries

    // Baseline: the very rows the inbox wrote for these deliveries (the delivery, the interaction
    // and its log row), inserted raw in batches of 1,000 into copies of the three tables.
    let rawRows = 0
    let rawSeconds = 0
    for (const table of storedTables) {
      const copied = await db.query(`SELECT * FROM ${table} WHERE id > $1 ORDER BY id`, [idsBefore[table]])
      const jsonColumns = new Set(
        (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND data_type = 'jsonb'`, [table])).rows.map((row) =>
          String(row.column_name),
        ),
      )
      const names = copied.fields.map((field) => field.name).filter((name) => name !== 'id')
      await db.query(`CREATE TABLE raw_${table} (LIKE ${table} INCLUDING ALL)`)
      const timed = performance.now()
      for (let start = 0; start < copied.rows.length; start += 1000) {
        const chunk = copied.rows.slice(start, start + 1000)
        const placeholders = chunk.map((_, row) => `(${names.map((_, column) => `$${row * names.length + column + 1}`).join(', ')})`)
        await db.query(
          `INSERT INTO raw_${table} (${names.map((name) => `"${name}"`).join(', ')}) VALUES ${placeholders.join(', ')}`,
          chunk.flatMap((row) => names.map((name) => (jsonColumns.has(name) && row[name] !== null ? JSON.stringify(row[name]) : row[name]))),
        )
      }
      rawSeconds += (performance.now() - timed) / 1000
      rawRows += copied.rows.length
      await db.query(`DROP TABLE raw_${table}`)
    }
    const rawRate = throughputStored / rawSeconds
    console.log(
      `baseline: raw pg batched insert of the same ${rawRows} rows (deliveries, interactions, log rows): ${rawRate.toFixed(0)} deliveries/s\n` +
        `throughput: ${throughputStored}/${throughputDeliveries} deliveries stored and moderated in ${inboxSeconds.toFixed(1)} s ` +
        `(all acknowledged after ${(acknowledgedMs / 1000).toFixed(1)} s): ${inboxRate.toFixed(0)} /s = ${(inboxRate / rawRate).toFixed(2)}× the raw insert (goal ≥ 0.30×); ` +
        `refused ${throughput.refused}, retried ${throughput.retried}; server RSS peak ${memory.peakMb().toFixed(0)} MB\n` +
        `  CPU per delivery: server ${serverCpuMs.toFixed(2)} ms (one core would take ${(1000 / serverCpuMs).toFixed(0)} /s), ` +
        `this sender ${clientCpuMs.toFixed(2)} ms, on the same ${os.cpus().length} cores with PostgreSQL`,
    )

    // The pipeline alone, without HTTP: the same number of deliveries stored as the webhook stores
    // them, then read, moderated and logged by this process (no network actions).
    const pipelineBodies = Array.from({ length: throughputDeliveries }, (_, index) => pageDelivery(pageId, time, [comment('pipe', index, time)]))
    for (const body of pipelineBodies) await storeDelivery(bench.payload, 'meta', new TextEncoder().encode(metaJson(body)), body)
    const pipelineStarted = performance.now()
    const drained = await drainDeliveries(bench.payload, { variantsSlug: 'platform-variants', slaMinutes: defaultSlaMinutes })
    const pipelineRate = drained.events / ((performance.now() - pipelineStarted) / 1000)
    console.log(
      `pipeline without HTTP: ${drained.events} stored deliveries read, moderated and logged at ${pipelineRate.toFixed(0)} /s = ` +
        `${(pipelineRate / rawRate).toFixed(2)}× the raw insert (${drained.failed} failed)`,
    )

    // The burst: 20,000 comments in deliveries of 5, every tenth delivery sent twice (Meta retrying).
    memory.reset()
    const burst = sender(callback)
    const burstDeliveries = Array.from({ length: burstEvents / eventsPerBurstDelivery }, (_, index) =>
      delivery(
        time + index,
        Array.from({ length: eventsPerBurstDelivery }, (_, offset) => comment('burst', index * eventsPerBurstDelivery + offset, time)),
      ),
    )
    const burstStarted = performance.now()
    await sendAll(burst.send, [...burstDeliveries, ...burstDeliveries.filter((_, index) => index % 10 === 0)], 32)
    const burstStored = await waitStored('burst', burstEvents, 600_000)
    const burstSeconds = (performance.now() - burstStarted) / 1000
    const duplicatedDecisions = await count(
      `SELECT count(*) AS n FROM (SELECT item_ref FROM moderation_log WHERE kind = 'decision' GROUP BY item_ref HAVING count(*) > 1) twice`,
    )
    const burstRows = await count(`SELECT count(*) AS n FROM interactions WHERE remote_id LIKE 'burst\\_%'`)
    console.log(
      `burst: ${burstEvents} comments (${burstDeliveries.length} deliveries, ${burstDeliveries.length / 10} of them twice) in ${burstSeconds.toFixed(1)} s: ` +
        `lost ${burstEvents - burstStored}, duplicated ${burstRows - burstEvents + duplicatedDecisions} ` +
        `(refused after retries ${burst.refused}, retried ${burst.retried}); server RSS peak ${memory.peakMb().toFixed(0)} MB`,
    )

    // Steady load: 500 deliveries/s, each sent at its time whatever the previous answers.
    memory.reset()
    const steady = sender(callback)
    const total = steadyRate * steadySeconds
    const latencies: number[] = []
    const steadyStarted = performance.now()
    await Promise.all(
      Array.from({ length: total }, async (_, index) => {
        const due = steadyStarted + (index * 1000) / steadyRate
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())))
        latencies.push(await steady.send(delivery(time, [comment('steady', index, time)])))
      }),
    )
    const sendSeconds = (performance.now() - steadyStarted) / 1000
    const steadyStored = await waitStored('steady', total, 600_000)
    const backlogSeconds = (performance.now() - steadyStarted) / 1000 - sendSeconds
    latencies.sort((left, right) => left - right)
    console.log(
      `steady: ${total} deliveries at ${steadyRate}/s (sent in ${sendSeconds.toFixed(1)} s): acknowledgement p50 ${percentile(latencies, 0.5).toFixed(1)} ms, ` +
        `p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms; ${steadyStored}/${total} stored, ` +
        `the last ${backlogSeconds.toFixed(1)} s after the last send; refused ${steady.refused}; server RSS peak ${memory.peakMb().toFixed(0)} MB (goal ≤ 600 MB)`,
    )
    console.log(`server after the load: ${await server.memoryReport()}`)
    memory.stop()
  } finally {
    await server?.stop()
    await db.end()
    await bench.close()
  }
}
