/**
 * Figures imported from the networks' own exports: Meta Business Suite's Facebook and Instagram
 * CSVs matched to our posts by id (with or without the Page's prefix) or permalink, each row a
 * snapshot (an empty cell missing, never 0) that the KPIs read; the per-row report (post not
 * found, no post named, a cell that is not a figure) in French and Arabic; and files refused whole.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { normalizeKey } from '../../plugins/campaign-ops/inbox/import'
import { metricColumns, parseFigure, readMetricFile } from '../../plugins/campaign-ops/reporting/metrics-import'
import type { MetricImportReportEntry } from '../../plugins/campaign-ops/reporting/metrics-import'
import { casablancaDayOf } from '../../plugins/campaign-ops/reporting/report-periods'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'

describe('reading a file', () => {
  test('headers are matched whatever their case or spacing, figures whatever their thousands separator', () => {
    expect(normalizeKey('Post ID')).toBe('post_id')
    expect(normalizeKey(' Total clicks ')).toBe('total_clicks')
    expect(normalizeKey('impressionCount')).toBe('impression_count')
    expect(metricColumns('linkedin').get('impression_count')).toBe('impressionCount')
    expect(metricColumns('facebook').get('views')).toBe('post_media_view')
    expect(metricColumns('x').get('reposts')).toBe('retweet_count')
    expect([parseFigure('4,321'), parseFigure('4 321'), parseFigure('4\u202f321'), parseFigure('12'), parseFigure('0,5')]).toEqual([4321, 4321, 4321, 12, 0.5])
    expect([parseFigure(''), parseFigure('-'), parseFigure('N/A')]).toEqual([null, null, null])
    expect(parseFigure('beaucoup')).toBe('invalid')
  })

  test('a file without a post column, without any figure of the network, or empty, is refused whole', () => {
    expect(() => readMetricFile('Views,Reach\n10,5\n', 'facebook')).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'no_post_column' }) }),
    )
    expect(() => readMetricFile('Post ID,Retweets\n1,5\n', 'facebook')).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'no_metric_column' }) }),
    )
    expect(() => readMetricFile('Post ID,Views\n', 'facebook')).toThrow(expect.objectContaining({ problem: { code: 'empty' } }))
    expect(() => readMetricFile('Post ID,Views\n"1,5\n', 'facebook')).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'unreadable' }) }),
    )
  })
})

describe('importing', () => {
  let app: TestPayload
  let payload: Payload
  let http: TestHttpServer
  let db: pg.Client
  const tokens: Partial<Record<Role, string>> = {}
  const variants = {} as Record<'facebook' | 'instagram', number>

  async function post(route: string, role: Role | null, body: string, contentType = 'text/csv') {
    const headers: Record<string, string> = { 'Content-Type': contentType }
    if (role) headers.Authorization = `JWT ${tokens[role]}`
    const response = await fetch(`${http.baseUrl}/api${route}`, { method: 'POST', headers, body })
    return { status: response.status, json: await response.json() }
  }

  async function finished(id: number) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await fetch(`${http.baseUrl}/api/metric-imports/${id}?depth=0`, { headers: { Authorization: `JWT ${tokens.cm}` } })
      const doc = await response.json()
      if (doc.status === 'done')
        return doc as { total: number; processed: number; created: number; unmatched: number; invalid: number; report: MetricImportReportEntry[] }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('the import did not finish')
  }

  beforeAll(async () => {
    app = await startTestPayload()
    payload = app.payload
    const accounts = await createAccountPerRole(payload)
    http = await startHttpServer(app.config)
    for (const role of ['cm', 'analyst', 'legal'] as const) {
      tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
    }
    db = new pg.Client({ connectionString: app.databaseUrl })
    await db.connect()
    const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Le TIG expliqué', format: 'post' } })
    const variant = async (platform: string, remoteId: string, permalink: string) =>
      Number(
        (
          await db.query(
            `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, published_at, remote_id, permalink, attempts)
             VALUES ($1, $2, $3, 'fr', 'texte', 'published', '2026-11-24T10:00:00Z', '2026-11-24T10:00:30Z', $4, $5, 1) RETURNING id`,
            [`Le TIG · ${platform}`, item.id, platform, remoteId, permalink],
          )
        ).rows[0].id,
      )
    variants.facebook = await variant('facebook', '104872391025567_987654321', 'https://www.facebook.com/104872391025567/posts/987654321')
    variants.instagram = await variant('instagram_feed', '17900000000000001', 'https://www.instagram.com/p/DBadil123/')
  })

  afterAll(async () => {
    await db?.end()
    await http?.close()
    await app?.close()
  })

  test('Meta Business Suite’s Facebook export: matched by post id, figures kept as they are, the KPIs read them; the rest reported per row', async () => {
    const csv = [
      'Post ID,Page ID,Page name,Description,Publish time,Permalink,Post type,Date,Views,Reach,Reactions,Comments,Shares,Total clicks,Link clicks',
      '987654321,104872391025567,Badil,Le TIG expliqué,11/24/2026 10:00,https://www.facebook.com/104872391025567/posts/987654321,Photo,Lifetime,"4,321",,42,5,3,17,9',
      '111,104872391025567,Badil,Une autre,11/20/2026 09:00,https://www.facebook.com/104872391025567/posts/111,Photo,Lifetime,100,80,1,0,0,0,0',
      ',,Badil,Sans identifiant,,,Photo,Lifetime,100,80,1,0,0,0,0',
      '987654321,104872391025567,Badil,Le TIG expliqué,,,Photo,Lifetime,beaucoup,80,1,0,0,0,0',
    ].join('\n')
    const started = await post('/metric-imports/file?network=facebook&fileName=facebook-export.csv', 'cm', csv)
    expect(started.status).toBe(202)
    expect(started.json.import).toMatchObject({ total: 4 })
    const done = await finished(started.json.import.id)
    expect(done).toMatchObject({ total: 4, processed: 4, created: 1, unmatched: 1, invalid: 2 })
    expect(done.report[0]).toMatchObject({ row: 1, status: 'created', post: '987654321', variant: variants.facebook })
    expect(done.report[1]).toMatchObject({ row: 2, status: 'unmatched', post: '111' })
    expect(done.report[2]).toMatchObject({ row: 3, status: 'invalid', errors: [expect.objectContaining({ field: 'post_id', code: 'missing_post' })] })
    const [notANumber] = done.report[3]!.errors!
    expect(notANumber).toMatchObject({ field: 'views', code: 'not_a_number' })
    expect(notANumber!.message.fr).toBe('« beaucoup » n’est pas un nombre.')
    expect(notANumber!.message.ar).toBe('«beaucoup» ليس رقمًا.')

    const { docs } = await payload.find({ collection: 'metric-snapshots', where: { variant: { equals: variants.facebook } }, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(1)
    const [snapshot] = docs
    expect(snapshot!.values).toEqual({
      post_media_view: 4321,
      post_total_media_view_unique: null,
      post_reactions_by_type_total: 42,
      post_comments: 5,
      post_shares: 3,
      post_clicks: 17,
      post_link_clicks: 9,
    })
    // Reach left empty in the export is missing, not 0; comments and shares, which the API does not give, count in interactions.
    expect(snapshot).toMatchObject({ source: 'import', impressions: 4321, reach: null, interactions: 50, clicks: 17, remoteId: '104872391025567_987654321' })

    // Without a date column the figures are dated by the import: a period up to today counts them.
    const kpis = await fetch(
      `${http.baseUrl}/api/reports/kpis?from=2026-11-23&to=${casablancaDayOf(new Date())}&kpi=impressions,interactions,sum_of_post_reach`,
      {
        headers: { Authorization: `JWT ${tokens.analyst}` },
      },
    ).then((response) => response.json())
    expect(Object.fromEntries(kpis.kpis.map((kpi: { name: string; value: number | null }) => [kpi.name, kpi.value]))).toEqual({
      impressions: 4321,
      interactions: 50,
      sum_of_post_reach: null,
    })
  })

  test('Instagram by permalink, with the date of the figures', async () => {
    const csv = [
      'Permalink,Views,Reach,Likes,Comments,Shares,Saves,measured_at',
      'https://www.instagram.com/p/DBadil123/,900,700,60,4,2,8,2026-11-26T18:00:00Z',
    ].join('\n')
    const started = await post('/metric-imports/file?network=instagram', 'analyst', csv)
    const done = await finished(started.json.import.id)
    expect(done).toMatchObject({ created: 1, unmatched: 0, invalid: 0 })
    const { docs } = await payload.find({ collection: 'metric-snapshots', where: { variant: { equals: variants.instagram } }, overrideAccess: true, depth: 0 })
    expect(docs[0]).toMatchObject({
      fetchedAt: '2026-11-26T18:00:00.000Z',
      impressions: 900,
      reach: 700,
      interactions: 74,
      definitionDate: expect.stringMatching(/^2025-04-21/),
    })
  })

  test('bad files and callers: 400 naming why, 403, 401; nothing stored', async () => {
    const before = await payload.count({ collection: 'metric-imports', overrideAccess: true })
    const noFigures = await post('/metric-imports/file?network=facebook', 'cm', 'Post ID,Retweets\n1,2\n')
    expect(noFigures.status).toBe(400)
    expect(noFigures.json.errors[0]).toMatchObject({ field: 'body', code: 'no_metric_column' })
    expect(noFigures.json.errors[0].message).toContain('views')
    expect((await post('/metric-imports/file?network=facebook', 'cm', '{"a":1}', 'application/json')).json.errors[0]).toMatchObject({
      code: 'unsupported_format',
    })
    expect((await post('/metric-imports/file?network=myspace', 'cm', 'Post ID,Views\n1,2\n')).json.errors[0]).toMatchObject({ field: 'network' })
    expect((await post('/metric-imports/file?network=facebook', 'legal', 'Post ID,Views\n1,2\n')).status).toBe(403)
    expect((await post('/metric-imports/file?network=facebook', null, 'Post ID,Views\n1,2\n')).status).toBe(401)
    expect(await payload.count({ collection: 'metric-imports', overrideAccess: true })).toEqual(before)
  })
})
