/**
 * The reporting API on a year of campaign data: 50,000 published variants, 1,000,000 metric
 * snapshots (20 readings each), 1,000,000 inbound items (a third answered), generated in SQL.
 *  - the KPI endpoint (`/api/reports/kpis`, over HTTP, as a dashboard calls it) for a 90-day period
 *    with two filters, against the same figure from a hand-written SQL query in the same run — the
 *    baseline; the ratio is the endpoint's median time over the query's (goal ≤ 1.2×);
 *  - the same for every KPI at once, and the community KPIs alone;
 *  - p50/p95 of the seven requests the dashboard makes for its default 30 days;
 *  - the time to make and send one monthly report (figures, charts, the PDF printed by Chromium, the
 *    e-mail to the mail drop) for a French and an Arabic reader.
 * BENCH_REPORTING_ROWS (default 1,000,000) scales the snapshots and the inbound items;
 * BENCH_REPORTING_KEEP=1 leaves the generated database in place (its URL is printed) to study plans.
 */
import pg from 'pg'

import { startBenchPayload } from './lib/bench-payload'
import { markScriptFinished } from '../scripts/lib/load-app-config'
import { addDays, casablancaDayOf, casablancaMidnight, lastCompletePeriod } from '../plugins/campaign-ops/reporting/report-periods'
import { deliverPeriodicReport } from '../plugins/campaign-ops/reporting/periodic-report-delivery'
import { availableChromium } from '../plugins/campaign-ops/reporting/report-pdf'
import { startHttpServer } from '../tests/helpers/http-server'

const rows = Number(process.env.BENCH_REPORTING_ROWS ?? 1_000_000)
const variants = Math.max(1_000, Math.round(rows / 20))
const repeats = 15

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  )

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}

/** A year of activity, in SQL: content, published variants, their snapshots, inbound items and answers. */
async function generate(db: pg.Client, themes: number[], keyMoments: number[]): Promise<void> {
  const items = Math.ceil(variants / 27)
  await db.query(
    `INSERT INTO content_items (format, sensitivity, workflow_state, key_moment_id)
     SELECT (ARRAY['post','infographic','short_video','carousel'])[1 + g % 4]::enum_content_items_format, 'normal', 'published',
            CASE WHEN g % 3 = 0 THEN ($2::int[])[1 + g % array_length($2::int[], 1)] END
       FROM generate_series(1, $1::int) g`,
    [items, keyMoments],
  )
  await db.query(
    `INSERT INTO content_items_rels ("order", parent_id, path, themes_id) SELECT 1, id, 'themes', ($1::int[])[1 + id % array_length($1::int[], 1)] FROM content_items`,
    [themes],
  )
  await db.query(
    `INSERT INTO content_items_audiences ("order", parent_id, value)
     SELECT 1, id, (ARRAY['general_public','journalists','students','associations','professionals'])[1 + id % 5]::enum_content_items_audiences FROM content_items`,
  )
  // Each item has one variant per platform and language at most (27 combinations).
  await db.query(
    `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, published_at, remote_id, attempts)
     SELECT 'bench ' || g, first.id + g / 27,
            (enum_range(NULL::enum_platform_variants_platform))[1 + g % 9],
            (enum_range(NULL::enum_platform_variants_language))[1 + (g / 9) % 3],
            'texte', 'published', at, at + make_interval(secs => g % 200), 'r' || g, 1
       FROM generate_series(0, $1::int - 1) g
       CROSS JOIN (SELECT min(id) AS id FROM content_items) first
       CROSS JOIN LATERAL (SELECT now() - make_interval(secs => (g::bigint * 7919) % (365 * 86400))) AS t(at)`,
    [variants],
  )
  await db.query(
    `INSERT INTO metric_snapshots (network, variant_id, remote_id, values, fetched_at, definition_date, impressions, reach, reactions, comments, shares, clicks, interactions)
     SELECT split_part(v.platform::text, '_', 1)::enum_metric_snapshots_network, v.id, v.remote_id, '{}'::jsonb,
            v.published_at + make_interval(hours => k * k), now(),
            100 * k + v.id % 500,
            CASE WHEN v.platform::text IN ('facebook', 'instagram_feed', 'instagram_reel', 'instagram_story', 'linkedin') THEN 60 * k + v.id % 300 END,
            5 * k, k, k / 2, CASE WHEN v.platform::text IN ('facebook', 'linkedin') THEN k END, 6 * k + k / 2
       FROM platform_variants v CROSS JOIN generate_series(1, $1::int) k`,
    [Math.round(rows / variants)],
  )
  await db.query(
    `INSERT INTO interactions (network, account_remote_id, kind, remote_id, variant_id, text, language, received_at,
                               moderation_category, moderation_rule_ids, status, sla_due_at, hidden_on_network)
     SELECT split_part(v.platform::text, '_', 1)::enum_interactions_network, 'bench', (CASE WHEN g % 10 = 0 THEN 'dm' ELSE 'comment' END)::enum_interactions_kind,
            'b' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE v.id END, 'texte',
            (enum_range(NULL::enum_interactions_language))[1 + g % 5],
            v.published_at + make_interval(mins => g % 2000),
            (CASE g % 7 WHEN 0 THEN 'misinformation' WHEN 1 THEN 'hate' WHEN 2 THEN 'spam' END)::enum_interactions_moderation_category,
            CASE WHEN g % 7 = 0 THEN 'myth-impunity' END, 'new', v.published_at + make_interval(mins => g % 2000 + 1440), g % 7 = 1
       FROM generate_series(1, $1::int) g
       CROSS JOIN (SELECT min(id) AS id FROM platform_variants) first
       JOIN platform_variants v ON v.id = first.id + g % $2::int`,
    [rows, variants],
  )
  await db.query(
    `INSERT INTO interaction_replies (interaction_id, text, idempotency_key, state, sent_at)
     SELECT id, 'Merci', 'bench-' || id, 'sent', received_at + make_interval(mins => id % 600) FROM interactions WHERE id % 3 = 0`,
  )
  // As the inbox keeps it when a reply is sent (inbox/first-answer.ts).
  await db.query(`UPDATE interactions i SET first_answered_at = r.sent_at FROM interaction_replies r WHERE r.interaction_id = i.id AND r.state = 'sent'`)
  await db.query('ANALYZE')
}

/** The last `days` Casablanca days, today included. */
function lastDays(days: number): { from: string; to: string } {
  const now = new Date()
  return { from: casablancaDayOf(new Date(now.getTime() - (days - 1) * 86_400_000)), to: casablancaDayOf(now) }
}

export async function run(): Promise<void> {
  const app = await startBenchPayload()
  const { payload } = app
  const db = new pg.Client({ connectionString: app.databaseUrl })
  await db.connect()
  const http = await startHttpServer(payload.config)
  try {
    const themes: number[] = []
    for (const slug of ['tig', 'bracelet', 'amende', 'restriction', 'victimes'])
      themes.push((await payload.create({ collection: 'themes', overrideAccess: true, data: { slug, name: slug } })).id)
    const keyMoments: number[] = []
    for (const title of ['Lancement', 'Journée des victimes', 'Semaine du TIG', 'Bilan'])
      keyMoments.push(
        (
          await payload.create({
            collection: 'key-moments',
            overrideAccess: true,
            data: { title, startsOn: '2026-01-01', endsOn: '2026-12-31', priority: 'high' },
          })
        ).id,
      )
    const admin = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: 'bench@badil.local', password: 'bench-password-0123', name: 'Bench', role: 'admin', language: 'fr' },
    })
    const token = (await payload.login({ collection: 'users', data: { email: admin.email, password: 'bench-password-0123' } })).token!

    const generation = await timed(() => generate(db, themes, keyMoments))
    const counts = await db.query(
      `SELECT (SELECT count(*) FROM metric_snapshots) AS snapshots, (SELECT count(*) FROM interactions) AS inbound, (SELECT count(*) FROM platform_variants) AS variants`,
    )
    console.log(
      `data: ${counts.rows[0].variants} variants, ${counts.rows[0].snapshots} snapshots, ${counts.rows[0].inbound} inbound items, generated in ${(generation.ms / 1000).toFixed(1)} s`,
    )

    const call = async (path: string) => {
      const response = await fetch(`${http.baseUrl}/api/reports/${path}`, { headers: { Authorization: `JWT ${token}` } })
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`)
      return (await response.json()) as { kpis?: { name: string; value: number | null }[] }
    }

    // One figure, 90 days, two filters: the endpoint against a hand-written query for the same figure.
    const period = lastDays(90)
    const endpointPath = `kpis?from=${period.from}&to=${period.to}&kpi=impressions&platform=facebook,instagram&language=fr`
    const fromAt = casablancaMidnight(period.from)
    const toAt = casablancaMidnight(addDays(period.to, 1))
    const handWritten = async () =>
      Number(
        (
          await db.query(
            `SELECT sum(s.impressions) AS impressions
               FROM platform_variants v
               CROSS JOIN LATERAL (SELECT m.impressions FROM metric_snapshots m WHERE m.variant_id = v.id AND m.fetched_at < $2 ORDER BY m.fetched_at DESC LIMIT 1) s
              WHERE v.publication_state = 'published' AND v.published_at >= $1 AND v.published_at < $2 AND v.language = 'fr'
                AND v.platform IN ('facebook', 'instagram_feed', 'instagram_reel', 'instagram_story')`,
            [fromAt, toAt],
          )
        ).rows[0].impressions,
      )
    // Warm both (plans, caches), and check they agree.
    const expected = await handWritten()
    const answered = (await call(endpointPath)).kpis![0]!.value
    if (answered !== expected) throw new Error(`the endpoint says ${answered} impressions, the hand-written query ${expected}`)
    const baselineTimes: number[] = []
    const endpointTimes: number[] = []
    for (let round = 0; round < repeats; round += 1) {
      baselineTimes.push((await timed(handWritten)).ms)
      endpointTimes.push((await timed(() => call(endpointPath))).ms)
    }
    const baseline = median(baselineTimes)
    const endpoint = median(endpointTimes)
    // What any authenticated call costs here before it does anything (HTTP, the session's user read).
    const floorTimes: number[] = []
    for (let round = 0; round < repeats; round += 1) {
      floorTimes.push(
        (await timed(() => fetch(`${http.baseUrl}/api/users/me`, { headers: { Authorization: `JWT ${token}` } }).then((answer) => answer.json()))).ms,
      )
    }
    const floor = median(floorTimes)
    console.log(
      `KPI endpoint, 90 days, 2 filters (impressions of ${expected}): ${endpoint.toFixed(1)} ms median vs hand-written SQL ${baseline.toFixed(1)} ms = ` +
        `${(endpoint / baseline).toFixed(2)}× (goal ≤ 1.2×); an authenticated GET /api/users/me alone takes ${floor.toFixed(1)} ms, ` +
        `so the endpoint less that floor is ${((endpoint - floor) / baseline).toFixed(2)}× the query`,
    )

    for (const [label, path] of [
      ['every KPI, 90 days, 2 filters', `kpis?from=${period.from}&to=${period.to}&platform=facebook,instagram&language=fr`],
      ['community KPIs, 90 days', `kpis?from=${period.from}&to=${period.to}&kpi=inbound_volume,response_rate,first_response_time_median_hours,sla_compliance`],
      ['every KPI, a year', `kpis?from=${lastDays(365).from}&to=${period.to}`],
    ] as const) {
      const times: number[] = []
      for (let round = 0; round < 5; round += 1) times.push((await timed(() => call(path))).ms)
      console.log(`${label}: ${median(times).toFixed(0)} ms median = ${(median(times) / baseline).toFixed(1)}× the one-figure baseline`)
    }

    // The dashboard's seven requests for its default 30 days, as the page makes them (in parallel).
    const month = lastDays(30)
    const scope = `from=${month.from}&to=${month.to}`
    const dashboard = [
      `kpis?${scope}&kpi=impressions,sum_of_post_reach,interactions,engagement_rate_reach_median,inbound_volume,response_rate,misconception_prevalence,tone,on_time_rate,automatic_precision&compare=previous`,
      `timeseries?${scope}&kpi=impressions,interactions,inbound_volume&interval=day`,
      `breakdown?${scope}&kpi=impressions,inbound_volume,first_response_time_median_hours,first_response_time_p90_hours,on_time_rate&by=network`,
      `breakdown?${scope}&kpi=moderation_decisions,moderation_hidden&by=category`,
      `misconceptions?${scope}`,
      `posts?${scope}&sort=interactions&limit=5`,
      `recommendations?${scope}`,
    ]
    const requestTimes: number[] = []
    const pageTimes: number[] = []
    const byRoute = new Map<string, number[]>()
    for (let round = 0; round < 10; round += 1) {
      const page = await timed(() =>
        Promise.all(
          dashboard.map(async (path) => {
            const { ms } = await timed(() => call(path))
            requestTimes.push(ms)
            const route = path.split('?')[0]! + (path.includes('by=category') ? ' (category)' : path.includes('by=network') ? ' (network)' : '')
            byRoute.set(route, [...(byRoute.get(route) ?? []), ms])
          }),
        ),
      )
      pageTimes.push(page.ms)
    }
    console.log(`dashboard requests, median each: ${[...byRoute].map(([route, times]) => `${route} ${median(times).toFixed(0)} ms`).join(', ')}`)
    requestTimes.sort((a, b) => a - b)
    pageTimes.sort((a, b) => a - b)
    console.log(
      `dashboard, 30 days: its ${dashboard.length} requests p50 ${percentile(requestTimes, 0.5).toFixed(0)} ms, p95 ${percentile(requestTimes, 0.95).toFixed(0)} ms; ` +
        `the whole page's figures p50 ${percentile(pageTimes, 0.5).toFixed(0)} ms, p95 ${percentile(pageTimes, 0.95).toFixed(0)} ms`,
    )
    // One monthly report, made and sent to a French and an Arabic reader (two PDFs, two e-mails).
    const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
    const arabicReader = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: 'bench-ar@badil.local', password: 'bench-password-0123', name: 'Lectrice', role: 'legal', language: 'ar' },
    })
    const subscription = await payload.create({
      collection: 'report-subscriptions',
      overrideAccess: true,
      data: { name: 'Bench', frequency: 'monthly', recipients: [admin.id, arabicReader.id] },
    })
    const lastMonth = lastCompletePeriod('monthly', new Date())
    const made = await timed(() => deliverPeriodicReport(payload, { chromiumPath }, { subscriptionId: subscription.id, ...lastMonth, kind: 'monthly' }))
    const pdf = availableChromium(chromiumPath) ? 'PDF by Chromium' : 'no Chromium: as a web page'
    console.log(
      `monthly report ${lastMonth.from} – ${lastMonth.to} made and sent to 2 readers (fr, ar; ${pdf}): ${(made.ms / 1000).toFixed(1)} s = ` +
        `${(made.ms / baseline).toFixed(0)}× the one-figure baseline (${made.value.reports} documents, ${made.value.sent} e-mails)`,
    )
  } finally {
    await db.end()
    await http.close()
    if (process.env.BENCH_REPORTING_KEEP === '1') {
      console.log(`kept: ${app.databaseUrl}`)
      markScriptFinished()
      process.exit(0)
    }
    await app.close()
  }
}
