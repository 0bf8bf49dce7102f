/**
 * Recommendations: the ranking on hand-made figures (slots by Casablanca hour of the week, formats
 * per audience, under-served themes, rising misconceptions), then over HTTP and GraphQL on a fixture
 * whose answer is worked out by hand, with the sentences in French and Arabic.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { seedModerationLibrary } from '../../plugins/campaign-ops'
import type { MythWeek, PostEngagement } from '../../plugins/campaign-ops/reporting/kpi-queries'
import { bestFormats, bestSlots, hourOfWeek, risingMisconceptions, underservedThemes } from '../../plugins/campaign-ops/reporting/recommendations'
import { recommendationsResponse } from '../../plugins/campaign-ops/reporting/report-responses'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'

const post = (network: string, publishedAt: string, engagementRate: number | null, format: string | null = null, audiences: string[] = []): PostEngagement => ({
  network,
  publishedAt: new Date(publishedAt),
  engagementRate,
  format,
  audiences,
})

describe('ranking', () => {
  test('the hour of the week is Casablanca’s, Monday first, whatever the clocks', () => {
    // 17:30 UTC on Tuesday 2 June 2026 is 18:30 in Casablanca (UTC+1).
    expect(hourOfWeek(new Date('2026-06-02T17:30:00Z'))).toEqual({ weekday: 2, hour: 18 })
    // 23:30 UTC on Sunday 7 June is 00:30 on Monday in Casablanca.
    expect(hourOfWeek(new Date('2026-06-07T23:30:00Z'))).toEqual({ weekday: 1, hour: 0 })
    // During Ramadan 2026, and since October 2026 (tzdata 2026c), clocks are on UTC+0.
    expect(hourOfWeek(new Date('2026-03-03T17:30:00Z'))).toEqual({ weekday: 2, hour: 17 })
    expect(hourOfWeek(new Date('2026-11-03T17:30:00Z'))).toEqual({ weekday: 2, hour: 17 })
  })

  test('best slots: the hours whose posts beat the network’s median, with at least three posts, best first', () => {
    const posts = [
      // Tuesday 17:00 (Casablanca on UTC+0) — 3 posts, median 0.09.
      post('facebook', '2026-11-03T17:05:00Z', 0.08),
      post('facebook', '2026-11-10T17:10:00Z', 0.09),
      post('facebook', '2026-11-17T17:20:00Z', 0.12),
      // Monday 08:00 — 3 posts, median 0.02: below the network's median.
      post('facebook', '2026-11-02T08:00:00Z', 0.02),
      post('facebook', '2026-11-09T08:00:00Z', 0.01),
      post('facebook', '2026-11-16T08:00:00Z', 0.03),
      // Friday 11:00 — 2 posts only: too few to compare, however good.
      post('facebook', '2026-11-06T11:00:00Z', 0.5),
      post('facebook', '2026-11-13T11:00:00Z', 0.5),
      // Not measured: left out.
      post('facebook', '2026-11-03T17:00:00Z', null),
      // Another network, too few posts in any slot.
      post('x', '2026-11-03T17:00:00Z', 0.2),
    ]
    expect(bestSlots(posts)).toEqual([
      {
        kind: 'best_slot',
        network: 'facebook',
        weekday: 2,
        hour: 17,
        posts: 3,
        medianEngagementRate: 0.09,
        // Median of the 8 measured Facebook posts: (0.08 + 0.09) / 2.
        networkMedianEngagementRate: expect.closeTo(0.085, 10),
        networkPosts: 8,
      },
    ])
  })

  test('best format per audience: needs two formats with three posts each, and a format above the audience’s median', () => {
    const students = ['students']
    const posts = [
      post('facebook', '2026-11-02T08:00:00Z', 0.1, 'short_video', students),
      post('instagram', '2026-11-03T08:00:00Z', 0.12, 'short_video', students),
      post('x', '2026-11-04T08:00:00Z', 0.08, 'short_video', students),
      post('facebook', '2026-11-05T08:00:00Z', 0.02, 'post', students),
      post('facebook', '2026-11-06T08:00:00Z', 0.03, 'post', [...students, 'journalists']),
      post('facebook', '2026-11-07T08:00:00Z', 0.01, 'post', students),
      // Journalists: one format only, no comparison.
      post('facebook', '2026-11-08T08:00:00Z', 0.3, 'article', ['journalists']),
      post('facebook', '2026-11-09T08:00:00Z', 0.3, 'article', ['journalists']),
      post('facebook', '2026-11-10T08:00:00Z', 0.3, 'article', ['journalists']),
    ]
    expect(bestFormats(posts)).toEqual([
      {
        kind: 'best_format',
        audience: 'students',
        format: 'short_video',
        posts: 3,
        medianEngagementRate: 0.1,
        audienceMedianEngagementRate: (0.03 + 0.08) / 2,
        audiencePosts: 6,
      },
    ])
  })

  test('under-served themes: fewer than half the average posts over the key moments’ themes', () => {
    const coverage = [
      { themeId: 1, keyMoments: 2, posts: 10 },
      { themeId: 2, keyMoments: 1, posts: 2 },
      { themeId: 3, keyMoments: 1, posts: 0 },
    ]
    // Average 4: themes under 2 posts.
    expect(underservedThemes(coverage)).toEqual([{ kind: 'underserved_theme', themeId: 3, keyMoments: 1, posts: 0, averagePosts: 4 }])
    // Nothing planned at all: every theme of the calendar lacks posts.
    expect(underservedThemes([{ themeId: 1, keyMoments: 1, posts: 0 }]).map((theme) => theme.themeId)).toEqual([1])
    expect(underservedThemes([])).toEqual([])
  })

  test('rising misconceptions: the last week at 1.5× the weeks before, or appearing, with three matches at least', () => {
    const weeks = (myth: string, figures: [number, number][]): MythWeek[] =>
      figures.map(([matching, comments], index) => ({
        myth,
        week: `2026-11-${String(2 + 7 * index).padStart(2, '0')}`,
        matching,
        comments,
        prevalence: comments ? matching / comments : null,
      }))
    const result = risingMisconceptions([
      // 10 % before, 40 % now: rising.
      ...weeks('impunity', [
        [1, 10],
        [1, 10],
        [4, 10],
      ]),
      // 10 % before, 12 % now: steady.
      ...weeks('rich', [
        [2, 20],
        [2, 20],
        [3, 25],
      ]),
      // None before, 3 of 6 now: appeared.
      ...weeks('overcrowding', [
        [0, 10],
        [0, 10],
        [3, 6],
      ]),
      // Doubled, but on 2 comments only.
      ...weeks('rare', [
        [1, 20],
        [2, 10],
      ]),
    ])
    expect(result).toEqual([
      { kind: 'rising_misconception', myth: 'overcrowding', week: '2026-11-16', matching: 3, comments: 6, prevalence: 0.5, previousPrevalence: 0 },
      { kind: 'rising_misconception', myth: 'impunity', week: '2026-11-16', matching: 4, comments: 10, prevalence: 0.4, previousPrevalence: 0.1 },
    ])
  })
})

describe('over the API', () => {
  let app: TestPayload
  let payload: Payload
  let http: TestHttpServer
  let db: pg.Client
  let token: string
  const themes = {} as Record<'served' | 'forgotten', number>

  async function insert(sql: string, values: unknown[]): Promise<number> {
    const { rows } = await db.query(`${sql} RETURNING id`, values)
    return Number(rows[0].id)
  }

  async function publishedPost(item: number, platform: string, publishedAt: string, reach: number, reactions: number) {
    const variant = await insert(
      `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, published_at, remote_id, attempts)
       VALUES ('publication', $1, $2, 'fr', 'texte', 'published', $3, $3, $4, 1)`,
      [item, platform, publishedAt, `remote-${platform}-${publishedAt}`],
    )
    await payload.create({
      collection: 'metric-snapshots',
      overrideAccess: true,
      data: {
        scope: 'post',
        network: 'facebook',
        variant,
        remoteId: `remote-${variant}`,
        values: { post_media_view: reach * 2, post_total_media_view_unique: reach, post_reactions_by_type_total: reactions, post_clicks: 0 },
        fetchedAt: '2026-11-28T09:00:00Z',
        definitionDate: '2025-11-15',
      },
    })
  }

  async function comment(receivedAt: string, ruleIds: string | null) {
    await insert(
      `INSERT INTO interactions (network, account_remote_id, kind, remote_id, text, language, received_at, moderation_rule_ids, status)
       VALUES ('facebook', 'page-1', 'comment', $1, 'texte', 'fr', $2, $3, 'new')`,
      [`c-${receivedAt}-${Math.random()}`, receivedAt, ruleIds],
    )
  }

  async function get(path: string) {
    const response = await fetch(`${http.baseUrl}/api${path}`, { headers: { Authorization: `JWT ${token}` } })
    const text = await response.text()
    return { status: response.status, text, json: (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined }
  }

  beforeAll(async () => {
    app = await startTestPayload()
    payload = app.payload
    await seedModerationLibrary(payload, { activateRules: true })
    const accounts = await createAccountPerRole(payload)
    http = await startHttpServer(app.config)
    token = (await payload.login({ collection: 'users', data: { email: accounts.analyst.email, password: accounts.analyst.password } })).token!
    db = new pg.Client({ connectionString: app.databaseUrl })
    await db.connect()

    themes.served = (
      await payload.create({ collection: 'themes', overrideAccess: true, locale: 'fr', data: { slug: 'tig', name: 'Travail d’intérêt général' } })
    ).id
    await payload.update({ collection: 'themes', id: themes.served, overrideAccess: true, locale: 'ar', data: { name: 'العمل لأجل المنفعة العامة' } })
    themes.forgotten = (
      await payload.create({ collection: 'themes', overrideAccess: true, locale: 'fr', data: { slug: 'bracelet', name: 'Bracelet électronique' } })
    ).id
    await payload.update({ collection: 'themes', id: themes.forgotten, overrideAccess: true, locale: 'ar', data: { name: 'السوار الإلكتروني' } })
    await payload.create({
      collection: 'key-moments',
      overrideAccess: true,
      data: {
        title: 'Semaine des peines alternatives',
        startsOn: '2026-11-23',
        endsOn: '2026-11-29',
        priority: 'high',
        themes: [themes.served, themes.forgotten],
      },
    })

    const item = async (format: string) => {
      const id = await insert(`INSERT INTO content_items (format, sensitivity, workflow_state) VALUES ($1, 'normal', 'published')`, [format])
      await db.query(`INSERT INTO content_items_rels ("order", parent_id, path, themes_id) VALUES (1, $1, 'themes', $2)`, [id, themes.served])
      await db.query(`INSERT INTO content_items_audiences ("order", parent_id, value) VALUES (1, $1, 'students')`, [id])
      return id
    }
    // Facebook: three videos on Tuesdays at 17:00 Casablanca (UTC+0 in November 2026; 10 %), three posts on Mondays at 08:00 (2 %).
    for (const day of ['03', '10', '17']) await publishedPost(await item('short_video'), 'facebook', `2026-11-${day}T17:00:00Z`, 1000, 100)
    for (const day of ['02', '09', '16']) await publishedPost(await item('post'), 'facebook', `2026-11-${day}T08:00:00Z`, 1000, 20)

    // Weeks of 26 Oct to 16 Nov: 1 comment in 10 on the impunity myth; week of 23 Nov: 5 in 10.
    for (const monday of ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16']) {
      for (let index = 0; index < 10; index++) await comment(`${monday}T1${index}:00:00Z`, index === 0 ? 'myth-impunity' : null)
    }
    for (let index = 0; index < 10; index++) await comment(`2026-11-23T1${index}:00:00Z`, index < 5 ? 'myth-impunity' : null)
  })

  afterAll(async () => {
    await db?.end()
    await http?.close()
    await app?.close()
  })

  test('each recommendation with its figures and its sentence in French and Arabic', async () => {
    const answer = await get('/reports/recommendations?from=2026-11-01&to=2026-11-29')
    expect(answer.status).toBe(200)
    const report = recommendationsResponse.parse(answer.json)
    const byKind = (kind: string) => report.recommendations.filter((recommendation) => recommendation.kind === kind)

    const [misconception] = byKind('rising_misconception')
    expect(misconception).toMatchObject({ myth: 'impunity', week: '2026-11-23', matching: 5, comments: 10, prevalence: 0.5, previousPrevalence: 0.1 })
    expect(misconception!.explanation.fr).toMatch(
      /« C’est l’impunité.*» progresse : 50\s% des commentaires de la semaine du 23 nov\. 2026 \(5 sur 10\), contre 10\s%/,
    )

    expect(byKind('underserved_theme')).toEqual([expect.objectContaining({ themeId: themes.forgotten, keyMoments: 1, posts: 0, averagePosts: 3 })])
    const [theme] = byKind('underserved_theme')
    expect(theme!.explanation.fr).toContain('« Bracelet électronique »')
    expect(theme!.explanation.ar).toContain('«السوار الإلكتروني»')

    const [slot] = byKind('best_slot')
    expect(slot).toMatchObject({
      network: 'facebook',
      weekday: 2,
      hour: 17,
      posts: 3,
      medianEngagementRate: 0.1,
      networkMedianEngagementRate: expect.closeTo(0.06, 10),
    })
    expect(slot!.explanation.fr).toMatch(/^Facebook : publier le mardi vers 17 h/)
    expect(slot!.explanation.ar).toContain('الثلاثاء')
    expect(byKind('best_slot')).toHaveLength(1)

    expect(byKind('best_format')).toEqual([
      expect.objectContaining({ audience: 'students', format: 'short_video', posts: 3, medianEngagementRate: 0.1, audiencePosts: 6 }),
    ])
    expect(byKind('best_format')[0]!.explanation.ar).toContain('«فيديو قصير»')
  })

  test('a filter narrows what is ranked; bad input is a 400 naming the parameter', async () => {
    const onX = await get('/reports/recommendations?from=2026-11-01&to=2026-11-29&platform=x')
    expect(onX.status).toBe(200)
    expect(onX.json.recommendations.filter((recommendation: { kind: string }) => recommendation.kind === 'best_slot')).toEqual([])

    const backwards = await get('/reports/recommendations?from=2026-11-29&to=2026-11-01')
    expect(backwards.status).toBe(400)
    expect(backwards.json.errors[0]).toMatchObject({ field: 'to' })
    const unknownTheme = await get('/reports/recommendations?from=2026-11-01&to=2026-11-29&theme=99999')
    expect(unknownTheme.status).toBe(400)
    expect(unknownTheme.json.errors[0]).toMatchObject({ field: 'theme' })
  })

  test('as CSV, and through GraphQL with the same figures', async () => {
    const csv = await get('/reports/recommendations?from=2026-11-01&to=2026-11-29&output=csv')
    expect(csv.status).toBe(200)
    expect(csv.text.split('\n')[0]).toBe('kind,explanation_fr,explanation_ar,figures')
    expect(csv.text).toContain('best_slot')

    const response = await fetch(`${http.baseUrl}/api/graphql`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: `{ reports { recommendations(from: "2026-11-01", to: "2026-11-29") { kind network weekday hour myth prevalence themeId explanation { fr ar } } } }`,
      }),
    })
    const body = (await response.json()) as { data: { reports: { recommendations: Record<string, unknown>[] } } }
    const kinds = body.data.reports.recommendations.map((recommendation) => recommendation.kind)
    expect(kinds.sort()).toEqual(['best_format', 'best_slot', 'rising_misconception', 'underserved_theme'])
    expect(body.data.reports.recommendations.find((recommendation) => recommendation.kind === 'best_slot')).toMatchObject({
      network: 'facebook',
      weekday: 2,
      hour: 17,
    })
  })
})
