/**
 * 2,000 variants due in the same second, three publishing worker processes on one database, the
 * fake Facebook, X and LinkedIn servers on 127.0.0.1:
 *  - time from the due second until every variant is published, and lateness (published − due),
 *    p50 and p99;
 *  - duplicates: texts that reached a network more than once (must be 0);
 *  - the baseline, measured in the same run: the fake servers' own accept rate — the same number
 *    of posts sent straight to them, as fast as the same number of concurrent callers can.
 * The ratio is Badil's publishing rate over that raw accept rate.
 */
import pg from 'pg'

import { startBenchPayload } from './lib/bench-payload'
import {
  connectFakeAccounts,
  insertScheduledVariants,
  publishCallsByText,
  startNetworkFakes,
  startWorker,
  waitFor,
} from '../tests/publishing/publishing-fixtures'
import type { NetworkFakes, WorkerProcess } from '../tests/publishing/publishing-fixtures'
import { FAKE_PAGE_ID, FAKE_TOKEN } from '../tests/networks/fakes/meta-graph-fake'

const variantCount = Number(process.env.BENCH_VARIANTS ?? 2000)
const instances = 3
const concurrencyPerInstance = Number(process.env.BENCH_CONCURRENCY ?? 8)

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!
}

/** The fakes' own accept rate: `count` posts straight to them, `callers` at a time. */
async function rawAcceptRate(fakes: NetworkFakes, count: number, callers: number): Promise<number> {
  const requests = Array.from({ length: count }, (_, index) => {
    const text = `baseline #${index}`
    switch (index % 3) {
      case 0:
        return () =>
          fetch(`${fakes.meta.baseUrl}/${FAKE_PAGE_ID}/feed`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${FAKE_TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ message: text }),
          })
      case 1:
        return () =>
          fetch(`${fakes.x.baseUrl}/2/tweets`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${fakes.x.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ text }),
          })
      default:
        return () =>
          fetch(`${fakes.linkedin.baseUrl}/rest/posts`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${fakes.linkedin.token}`,
              'Content-Type': 'application/json',
              'LinkedIn-Version': '202610',
              'X-Restli-Protocol-Version': '2.0.0',
            },
            body: JSON.stringify({
              author: fakes.linkedin.organization,
              commentary: text,
              visibility: 'PUBLIC',
              distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
              lifecycleState: 'PUBLISHED',
              isReshareDisabledByAuthor: false,
            }),
          })
    }
  })
  let next = 0
  let failures = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < requests.length) {
        const response = await requests[next++]!()
        if (!response.ok) failures += 1
        await response.arrayBuffer()
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  if (failures > 0) console.log(`  (baseline: ${failures} refused posts)`)
  return count / seconds
}

export async function run(): Promise<void> {
  const fakes = await startNetworkFakes()
  const bench = await startBenchPayload({ env: fakes.env })
  const workers: WorkerProcess[] = []
  try {
    const accounts = await connectFakeAccounts(bench.payload, fakes)
    const baseline = await rawAcceptRate(fakes, variantCount, instances * concurrencyPerInstance)
    console.log(`baseline: the fake networks accept ${baseline.toFixed(0)} posts/s (${instances * concurrencyPerInstance} concurrent callers)`)

    for (let index = 0; index < instances; index += 1) {
      workers.push(
        startWorker(bench.databaseUrl, { ...fakes.env, DATA_DIR: `${bench.dataDir}/data`, MEDIA_DIR: bench.mediaDir }, [
          '--interval-ms',
          '1000',
          '--instance',
          `bench-${index + 1}`,
          '--concurrency',
          String(concurrencyPerInstance),
        ]),
      )
    }
    await Promise.all(workers.map((worker) => worker.ready))
    const due = new Date(Math.ceil((Date.now() + 5_000) / 1000) * 1000)
    const variants = await insertScheduledVariants(bench.databaseUrl, { count: variantCount, accounts, scheduledAt: due, tag: 'bench' })
    const ids = variants.map((variant) => variant.id)
    const client = new pg.Client({ connectionString: bench.databaseUrl })
    await client.connect()
    try {
      await waitFor(
        async () =>
          (await client.query(`SELECT count(*)::int AS n FROM platform_variants WHERE id = ANY($1::int[]) AND publication_state = 'published'`, [ids])).rows[0]
            .n === variantCount,
        10 * 60_000,
        `${variantCount} published variants`,
      )
      const { rows } = await client.query(
        `SELECT extract(epoch FROM (published_at - scheduled_at)) * 1000 AS lateness_ms FROM platform_variants WHERE id = ANY($1::int[])`,
        [ids],
      )
      const lateness = rows.map((row) => Number(row.lateness_ms)).sort((a, b) => a - b)
      const total = lateness.at(-1)! / 1000
      const calls = publishCallsByText(fakes)
      const duplicates = variants.filter((variant) => (calls.get(variant.text) ?? 0) > 1).length
      const missing = variants.filter((variant) => (calls.get(variant.text) ?? 0) === 0).length
      const { rows: shares } = await client.query(
        `SELECT instance, count(*)::int AS n FROM publication_attempts WHERE variant_id = ANY($1::int[]) GROUP BY 1 ORDER BY 1`,
        [ids],
      )
      const rate = variantCount / total
      console.log(`${variantCount} variants due at the same second, ${instances} worker processes × ${concurrencyPerInstance} publications at once`)
      console.log(`  all published after ${total.toFixed(1)} s (${rate.toFixed(0)} posts/s)`)
      console.log(
        `  lateness p50 ${(percentile(lateness, 0.5) / 1000).toFixed(2)} s, p99 ${(percentile(lateness, 0.99) / 1000).toFixed(2)} s (includes up to 1 s of polling interval)`,
      )
      console.log(`  duplicates: ${duplicates}, never sent: ${missing}`)
      console.log(`  shares: ${shares.map((row) => `${row.instance} ${row.n}`).join(', ')}`)
      console.log(`  ratio: Badil publishes at ${(rate / baseline).toFixed(2)}× the fake networks' raw accept rate`)
    } finally {
      await client.end()
    }
  } finally {
    for (const worker of workers) worker.child.kill('SIGTERM')
    await Promise.all(workers.map((worker) => Promise.race([worker.exited, new Promise((resolve) => setTimeout(resolve, 15_000))])))
    for (const worker of workers) worker.child.kill('SIGKILL')
    await bench.close()
    await fakes.close()
  }
}
