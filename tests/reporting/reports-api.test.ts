/**
 * The reporting API over HTTP on a hand-computed fixture: every KPI of kpis.md against figures
 * worked out by hand below, the filters, time series and breakdowns, misconception prevalence per
 * myth and week, the posts list, CSV, ETags, bad input (400 naming the parameter), integration
 * keys (rate limit with Retry-After, calls counted) and the OpenAPI document checked by an
 * independent validator.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import pg from 'pg'
import type { Payload } from 'payload'

import { seedModerationLibrary } from '../../plugins/campaign-ops'
import { recordFirstAnswers, recordReplySent } from '../../plugins/campaign-ops/inbox/first-answer'
import { appendModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { kpiNames } from '../../plugins/campaign-ops/reporting/kpi-catalogue'
import { kpisResponse, misconceptionsResponse, postsResponse, timeSeriesResponse } from '../../plugins/campaign-ops/reporting/report-responses'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, integrationApiKey } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let db: pg.Client
let accounts: Record<Role, TestAccount>
const tokens: Partial<Record<Role, string>> = {}
/** Calls an integration key may make per window in this suite. */
const keyCallsPerWindow = 40

type Auth = { role?: Role; apiKey?: string; headers?: Record<string, string> }

async function get(path: string, auth: Auth = { role: 'analyst' }) {
  const headers = new Headers(auth.headers)
  if (auth.role) headers.set('Authorization', `JWT ${tokens[auth.role]}`)
  if (auth.apiKey) headers.set('Authorization', `users API-Key ${auth.apiKey}`)
  const response = await fetch(`${http.baseUrl}/api${path}`, { headers })
  const text = await response.text()
  const json = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined
  return { status: response.status, headers: response.headers, text, json }
}

const period = 'from=2026-11-02&to=2026-11-15'
const ids = {} as Record<'themeA' | 'themeB' | 'moment' | 'itemA' | 'itemB' | 'v1' | 'v2' | 'v3' | 'v4' | 'v5' | 'v6' | 'richRule', number>

async function insert(sql: string, values: unknown[]): Promise<number> {
  const { rows } = await db.query(`${sql} RETURNING id`, values)
  return Number(rows[0].id)
}

async function contentItem(format: string, theme: number, audience: string, keyMoment: number | null): Promise<number> {
  const id = await insert(`INSERT INTO content_items (format, sensitivity, workflow_state, key_moment_id) VALUES ($1, 'normal', 'published', $2)`, [
    format,
    keyMoment,
  ])
  await db.query(`INSERT INTO content_items_rels ("order", parent_id, path, themes_id) VALUES (1, $1, 'themes', $2)`, [id, theme])
  await db.query(`INSERT INTO content_items_audiences ("order", parent_id, value) VALUES (1, $1, $2)`, [id, audience])
  return id
}

async function variant(
  item: number,
  platform: string,
  language: string,
  state: string,
  scheduledAt: string | null,
  publishedAt: string | null,
): Promise<number> {
  return insert(
    `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, published_at, remote_id, attempts)
     VALUES ($1, $2, $3, $4, 'texte', $5, $6, $7, $8, 1)`,
    [`${platform} · ${language}`, item, platform, language, state, scheduledAt, publishedAt, publishedAt ? `remote-${platform}-${publishedAt}` : null],
  )
}

/** A snapshot written the way the pulls write them (the collection derives the common components). */
async function snapshot(variantId: number, network: string, fetchedAt: string, values: Record<string, number | null>): Promise<void> {
  await payload.create({
    collection: 'metric-snapshots',
    overrideAccess: true,
    data: {
      scope: 'post',
      network: network as 'facebook',
      variant: variantId,
      remoteId: `remote-${variantId}`,
      values,
      fetchedAt,
      definitionDate: '2025-11-15',
    },
  })
}

type Inbound = {
  network: string
  kind: string
  language: string
  receivedAt: string
  variant?: number
  category?: string
  ruleIds?: string
  hidden?: boolean
  slaDueAt?: string
  escalatedAt?: string
  fromAccount?: boolean
  parentRemoteId?: string
  remoteCreatedAt?: string
}

let remoteCounter = 0
async function inbound(item: Inbound): Promise<{ id: number; remoteId: string }> {
  const remoteId = `c-${++remoteCounter}`
  const id = await insert(
    `INSERT INTO interactions (network, account_remote_id, kind, remote_id, parent_remote_id, variant_id, from_account_itself, text, language, received_at,
                               remote_created_at, hidden_on_network, moderation_category, moderation_rule_ids, status, sla_due_at, escalated_at)
     VALUES ($1, 'page-1', $2, $3, $4, $5, $6, 'texte', $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      item.network,
      item.kind,
      remoteId,
      item.parentRemoteId ?? null,
      item.variant ?? null,
      item.fromAccount ?? false,
      item.language,
      item.receivedAt,
      item.remoteCreatedAt ?? null,
      item.hidden ?? false,
      item.category ?? null,
      item.ruleIds ?? null,
      item.hidden ? 'hidden' : item.escalatedAt ? 'escalated' : 'new',
      item.slaDueAt ?? null,
      item.escalatedAt ?? null,
    ],
  )
  // As the inbox does on storing: an own reply answers its parent.
  await recordFirstAnswers(db, [id])
  return { id, remoteId }
}

async function sentReply(interaction: number, sentAt: string): Promise<void> {
  await db.query(`INSERT INTO interaction_replies (interaction_id, text, idempotency_key, state, sent_at) VALUES ($1, 'Merci', $2, 'sent', $3)`, [
    interaction,
    `reply-${interaction}-${sentAt}`,
    sentAt,
  ])
  await recordReplySent(db, interaction, sentAt)
}

beforeAll(async () => {
  app = await startTestPayload({ config: { reporting: { apiRateLimit: { calls: keyCallsPerWindow, perSeconds: 60 } } } })
  payload = app.payload
  await seedModerationLibrary(payload, { activateRules: true })
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  for (const role of ['admin', 'analyst', 'cm', 'legal'] as const) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }
  db = new pg.Client({ connectionString: app.databaseUrl })
  await db.connect()

  ids.themeA = (await payload.create({ collection: 'themes', overrideAccess: true, data: { slug: 'tig', name: 'Travail d’intérêt général' } })).id
  ids.themeB = (await payload.create({ collection: 'themes', overrideAccess: true, data: { slug: 'idees-recues', name: 'Idées reçues' } })).id
  ids.moment = (
    await payload.create({
      collection: 'key-moments',
      overrideAccess: true,
      data: { title: 'Semaine du TIG', startsOn: '2026-11-02', endsOn: '2026-11-08', priority: 'high' },
    })
  ).id
  ids.itemA = await contentItem('post', ids.themeA, 'students', ids.moment)
  ids.itemB = await contentItem('short_video', ids.themeB, 'journalists', null)

  // Planned and published in the period.
  ids.v1 = await variant(ids.itemA, 'facebook', 'fr', 'published', '2026-11-03T09:00:00Z', '2026-11-03T09:01:00Z') // on time
  ids.v2 = await variant(ids.itemA, 'instagram_feed', 'ar', 'published', '2026-11-04T10:00:00Z', '2026-11-04T10:05:00Z') // late
  ids.v3 = await variant(ids.itemB, 'x', 'fr', 'published', '2026-11-10T12:00:00Z', '2026-11-10T12:00:30Z') // on time
  ids.v4 = await variant(ids.itemB, 'youtube', 'ary', 'failed', '2026-11-12T08:00:00Z', null)
  ids.v5 = await variant(ids.itemB, 'linkedin', 'fr', 'cancelled', '2026-11-13T08:00:00Z', null)
  // Before the period: never counted.
  ids.v6 = await variant(ids.itemA, 'tiktok', 'fr', 'published', '2026-10-20T08:00:00Z', '2026-10-20T08:00:00Z')

  await snapshot(ids.v1, 'facebook', '2026-11-04T09:00:00Z', {
    post_media_view: 500,
    post_total_media_view_unique: 300,
    post_reactions_by_type_total: 20,
    post_clicks: 5,
  })
  await snapshot(ids.v1, 'facebook', '2026-11-10T09:00:00Z', {
    post_media_view: 1000,
    post_total_media_view_unique: 800,
    post_reactions_by_type_total: 40,
    post_clicks: 12,
  })
  // Read after the period's end: not the figure of the period.
  await snapshot(ids.v1, 'facebook', '2026-11-20T09:00:00Z', {
    post_media_view: 5000,
    post_total_media_view_unique: 4000,
    post_reactions_by_type_total: 400,
    post_clicks: 50,
  })
  await snapshot(ids.v2, 'instagram', '2026-11-12T09:00:00Z', {
    views: 2000,
    reach: 1000,
    likes: 50,
    comments: 10,
    shares: 5,
    saved: 5,
    total_interactions: 70,
  })
  await snapshot(ids.v3, 'x', '2026-11-14T09:00:00Z', {
    impression_count: 3000,
    like_count: 30,
    retweet_count: 10,
    quote_count: 2,
    reply_count: 8,
    bookmark_count: 0,
    url_link_clicks: null,
    user_profile_clicks: null,
  })
  await snapshot(ids.v6, 'tiktok', '2026-11-05T09:00:00Z', { view_count: 99_999, like_count: 999, comment_count: 99, share_count: 9 })

  // Two accounts' own figures: the Page counted at both ends of the period, the X account at its end only.
  const page = await insert(`INSERT INTO network_accounts (network, connection, name, account_id) VALUES ('facebook', 'api', 'Page Badil', 'page-1')`, [])
  const xAccount = await insert(`INSERT INTO network_accounts (network, connection, name, account_id) VALUES ('x', 'api', 'Badil sur X', 'x-1')`, [])
  const accountSnapshot = (account: number, network: string, fetchedAt: string, values: Record<string, number | null>) =>
    payload.create({
      collection: 'metric-snapshots',
      overrideAccess: true,
      data: { scope: 'account', network: network as 'facebook', account, remoteId: `account-${account}`, values, fetchedAt, definitionDate: '2025-11-15' },
    })
  await accountSnapshot(page, 'facebook', '2026-10-25T06:00:00Z', { followers_count: 1000, fan_count: 990, page_total_media_view_unique_28d: 3000 })
  await accountSnapshot(page, 'facebook', '2026-11-10T06:00:00Z', { followers_count: 1200, fan_count: 1150, page_total_media_view_unique_28d: 5000 })
  await accountSnapshot(page, 'facebook', '2026-11-20T06:00:00Z', { followers_count: 1500, fan_count: 1400, page_total_media_view_unique_28d: 9000 })
  await accountSnapshot(xAccount, 'x', '2026-11-05T06:00:00Z', { followers_count: 300, following_count: 12, tweet_count: 40, listed_count: 1 })

  // Crisis alerts: two raised in the period (acknowledged after 30 minutes and 1 h 30, the first
  // resolved after 3 h), one before it.
  const crisisAlert = (series: string, raised: string, acknowledged: string | null, resolved: string | null) =>
    insert(`INSERT INTO crisis_alerts (level, status, series, raised_at, acknowledged_at, resolved_at) VALUES ('crisis', $1, $2, $3, $4, $5)`, [
      resolved ? 'resolved' : acknowledged ? 'acknowledged' : 'open',
      series,
      raised,
      acknowledged,
      resolved,
    ])
  await crisisAlert('hostile:all', '2026-11-05T20:00:00Z', '2026-11-05T20:30:00Z', '2026-11-05T23:00:00Z')
  await crisisAlert('hostile:facebook', '2026-11-11T08:00:00Z', '2026-11-11T09:30:00Z', null)
  await crisisAlert('hostile:all', '2026-10-28T08:00:00Z', '2026-10-28T08:10:00Z', '2026-10-28T09:00:00Z')

  const richRule = await db.query(`SELECT r.id FROM moderation_rules r JOIN myths m ON m.id = r.myth_id WHERE m.key = 'rich-buy-freedom' LIMIT 1`)
  ids.richRule = Number(richRule.rows[0].id)

  // Inbound items: 6 in the period, 4 of which need an answer, 3 answered (2 h, 4 h, 1 h).
  const i1 = await inbound({
    network: 'facebook',
    kind: 'comment',
    language: 'fr',
    variant: ids.v1,
    receivedAt: '2026-11-03T10:00:00Z',
    slaDueAt: '2026-11-04T10:00:00Z',
  })
  await sentReply(i1.id, '2026-11-03T12:00:00Z')
  const i2 = await inbound({
    network: 'facebook',
    kind: 'comment',
    language: 'ary_latin',
    variant: ids.v1,
    receivedAt: '2026-11-03T11:00:00Z',
    category: 'misinformation',
    ruleIds: 'myth-impunity',
    slaDueAt: '2026-11-03T13:00:00Z',
  })
  // Answered on Facebook itself by the campaign's page, 4 h later (after the target).
  await inbound({
    network: 'facebook',
    kind: 'reply',
    language: 'fr',
    variant: ids.v1,
    fromAccount: true,
    parentRemoteId: i2.remoteId,
    receivedAt: '2026-11-03T15:05:00Z',
    remoteCreatedAt: '2026-11-03T15:00:00Z',
  })
  const i3 = await inbound({
    network: 'instagram',
    kind: 'comment',
    language: 'ar',
    variant: ids.v2,
    receivedAt: '2026-11-05T08:00:00Z',
    category: 'hate',
    hidden: true,
  })
  const i4 = await inbound({ network: 'instagram', kind: 'comment', language: 'fr', variant: ids.v2, receivedAt: '2026-11-10T09:00:00Z', category: 'spam' })
  const i5 = await inbound({
    network: 'x',
    kind: 'reply',
    language: 'fr',
    variant: ids.v3,
    receivedAt: '2026-11-11T09:00:00Z',
    category: 'misinformation',
    ruleIds: `db:${ids.richRule}`,
    slaDueAt: '2026-11-12T09:00:00Z',
    escalatedAt: '2026-11-11T10:00:00Z',
  })
  const i6 = await inbound({ network: 'x', kind: 'dm', language: 'fr', receivedAt: '2026-11-12T09:00:00Z', slaDueAt: '2026-11-12T11:00:00Z' })
  await sentReply(i6.id, '2026-11-12T10:00:00Z')
  // Before the period.
  await inbound({ network: 'facebook', kind: 'comment', language: 'fr', variant: ids.v6, receivedAt: '2026-10-30T10:00:00Z', category: 'hate' })

  const log = (kind: string, actor: 'rule' | 'user', item: number, at: string, extra: { category?: string; action?: string } = {}) =>
    appendModerationLog(payload, {
      kind: kind as 'decision',
      actor: actor === 'rule' ? { type: 'rule' } : { type: 'user', userId: accounts.cm.id },
      platform: 'facebook',
      itemRef: `interactions/${item}`,
      category: (extra.category ?? null) as 'hate',
      action: extra.action ?? null,
      occurredAt: new Date(at),
    } as Parameters<typeof appendModerationLog>[1])
  await log('decision', 'rule', i2.id, '2026-11-03T11:00:00Z', { category: 'misinformation', action: 'flag' })
  await log('decision', 'rule', i3.id, '2026-11-05T08:00:00Z', { category: 'hate', action: 'hide' })
  await log('hide', 'rule', i3.id, '2026-11-05T08:00:01Z', { category: 'hate', action: 'hide' })
  await log('decision', 'rule', i4.id, '2026-11-10T09:00:00Z', { category: 'spam', action: 'hide' })
  await log('hide', 'rule', i4.id, '2026-11-10T09:00:01Z', { category: 'spam', action: 'hide' })
  // A person shows the spam-hidden comment again the next day: that automatic hide was wrong.
  await log('unhide', 'user', i4.id, '2026-11-11T09:00:00Z', { category: 'spam', action: 'unhide' })
  await log('escalate', 'user', i5.id, '2026-11-11T10:00:00Z', { category: 'misinformation', action: 'escalate' })
  await log('reply', 'user', i1.id, '2026-11-03T12:00:00Z', { action: 'reply' })
  // NCSC closes the escalated reply 18 h after its escalation.
  await appendModerationLog(payload, {
    kind: 'status',
    actor: { type: 'user', userId: accounts.ncsc.id },
    platform: 'x',
    itemRef: `interactions/${i5.id}`,
    before: { status: 'escalated' },
    after: { status: 'closed' },
    occurredAt: new Date('2026-11-12T04:00:00Z'),
  } as Parameters<typeof appendModerationLog>[1])
})

afterAll(async () => {
  await db?.end()
  await http?.close()
  await app?.close()
})

const kpiValues = (body: { kpis: { name: string; value: number | null }[] }) => Object.fromEntries(body.kpis.map((kpi) => [kpi.name, kpi.value]))

describe('the KPIs of kpis.md on a hand-computed fixture', () => {
  it('computes every KPI over the period as worked out by hand', async () => {
    const answer = await get(`/reports/kpis?${period}`)
    expect(answer.status).toBe(200)
    expect(() => kpisResponse.parse(answer.json)).not.toThrow()
    expect(answer.json.kpis.map((kpi: { name: string }) => kpi.name)).toEqual(kpiNames)
    const values = kpiValues(answer.json)
    expect(values).toEqual({
      // Posts V1 (1000/800/40 reactions/12 clicks), V2 (2000/1000/70) and V3 (3000/—/50): the latest reading before the end.
      impressions: 6000,
      sum_of_post_reach: 1800,
      // The Page: 1200 at the end, 1000 at the start; X: 300 at the end only.
      followers: 1500,
      net_follower_change: 200,
      period_reach_28d: 5000,
      video_views: null,
      interactions: 160,
      clicks: 12,
      engagement_rate_reach_median: expect.closeTo(0.06, 10),
      engagement_rate_reach_weighted: expect.closeTo(110 / 1800, 10),
      engagement_rate_impressions_median: expect.closeTo(0.035, 10),
      engagement_rate_impressions_weighted: expect.closeTo(160 / 6000, 10),
      posts_published: 3,
      // Planned: V1–V5; sent to a network: V1–V4; on time: V1 and V3; failed: V4.
      on_time_rate: 0.5,
      failure_rate: 0.25,
      cadence_vs_plan: 0.6,
      inbound_volume: 6,
      response_rate: 0.75,
      first_response_time_median_hours: 2,
      first_response_time_p90_hours: expect.closeTo(3.6, 10),
      // Every answer came within Monday–Friday, 09:00–18:00 Casablanca (UTC+0 in November 2026): the same hours.
      first_response_time_business_median_hours: expect.closeTo(2, 10),
      first_response_time_business_p90_hours: expect.closeTo(3.6, 10),
      sla_compliance: 0.5,
      escalations: 1,
      escalation_resolution_median_hours: 18,
      tone: 0.2,
      misconception_prevalence: 0.4,
      moderation_decisions: 3,
      moderation_hidden: 2,
      moderation_flagged: 1,
      moderation_escalated: 1,
      moderation_replied: 1,
      moderation_restored: 1,
      automatic_precision: 0.5,
      crisis_alerts: 2,
      crisis_acknowledge_median_hours: 1,
      crisis_resolve_median_hours: 3,
    })
  })

  it('counts response times in the business hours NCSC sets', async () => {
    // From 11:00: the 10:00 comment answered at 12:00 waited 1 business hour, the 09:00 message answered at 10:00 none.
    await payload.updateGlobal({
      slug: 'inbox-settings',
      overrideAccess: true,
      data: { businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'], businessStartHour: 11, businessEndHour: 18 },
    })
    try {
      const values = kpiValues(
        (
          await get(
            `/reports/kpis?${period}&kpi=first_response_time_business_median_hours,first_response_time_business_p90_hours,first_response_time_median_hours`,
          )
        ).json,
      )
      expect(values).toEqual({
        first_response_time_business_median_hours: expect.closeTo(1, 10),
        first_response_time_business_p90_hours: expect.closeTo(1 + 0.8 * 3, 10),
        first_response_time_median_hours: 2,
      })
      // A weekend day off: the Thursday message is still within the week, nothing changes for it.
      await payload.updateGlobal({
        slug: 'inbox-settings',
        overrideAccess: true,
        data: { businessDays: ['mon', 'wed', 'thu', 'fri'], businessStartHour: 9, businessEndHour: 18 },
      })
      const withoutTuesday = kpiValues((await get(`/reports/kpis?${period}&kpi=first_response_time_business_median_hours`)).json)
      // Tuesday's two comments now waited until Wednesday 09:00 and were answered before: 0 business hours each.
      expect(withoutTuesday).toEqual({ first_response_time_business_median_hours: 0 })
    } finally {
      await payload.updateGlobal({
        slug: 'inbox-settings',
        overrideAccess: true,
        data: { businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'], businessStartHour: 9, businessEndHour: 18 },
      })
    }
  })

  it('answers every KPI with its unit and definition, and the change against the period before', async () => {
    const answer = await get(`/reports/kpis?${period}&kpi=impressions,posts_published,response_rate&compare=previous`)
    expect(answer.status).toBe(200)
    const [impressions, published, responseRate] = answer.json.kpis
    expect(impressions).toMatchObject({ name: 'impressions', unit: 'count', group: 'reach', value: 6000, previous: null, change: null })
    expect(impressions.definition).toMatch(/post_media_view/)
    // The two weeks before hold V6 alone (published 20 October).
    expect(published).toMatchObject({ value: 3, previous: 1, change: 2 })
    // One item before the period needed an answer and got none.
    expect(responseRate).toMatchObject({ unit: 'ratio', value: 0.75, previous: 0, change: null })
    expect(answer.json.period).toEqual({ from: '2026-11-02', to: '2026-11-15', timeZone: 'Africa/Casablanca' })
  })

  it('filters by platform, language, theme, audience, format and key moment', async () => {
    const figures = async (filters: string) => kpiValues((await get(`/reports/kpis?${period}&kpi=impressions,posts_published,inbound_volume&${filters}`)).json)
    expect(await figures('platform=facebook,instagram')).toEqual({ impressions: 3000, posts_published: 2, inbound_volume: 4 })
    expect(await figures('platform=x')).toEqual({ impressions: 3000, posts_published: 1, inbound_volume: 2 })
    // Darija: the post language `ary`, and an inbound item in either script.
    expect(await figures('language=ary')).toEqual({ impressions: null, posts_published: 0, inbound_volume: 1 })
    expect(await figures('language=ar')).toEqual({ impressions: 2000, posts_published: 1, inbound_volume: 1 })
    expect(await figures(`theme=${ids.themeA}`)).toEqual({ impressions: 3000, posts_published: 2, inbound_volume: 4 })
    // Content filters leave out what is about no post (the private message).
    expect(await figures(`theme=${ids.themeB}`)).toEqual({ impressions: 3000, posts_published: 1, inbound_volume: 1 })
    expect(await figures('audience=journalists&format=short_video')).toEqual({ impressions: 3000, posts_published: 1, inbound_volume: 1 })
    expect(await figures(`keyMoment=${ids.moment}`)).toEqual({ impressions: 3000, posts_published: 2, inbound_volume: 4 })
    expect(await figures('platform=facebook&platform=x')).toEqual({ impressions: 4000, posts_published: 2, inbound_volume: 4 })
    // Account figures follow the network filter; an account has no language or theme.
    const followers = async (filters: string) => kpiValues((await get(`/reports/kpis?${period}&kpi=followers,net_follower_change&${filters}`)).json)
    expect(await followers('platform=x')).toEqual({ followers: 300, net_follower_change: null })
    expect(await followers('platform=facebook')).toEqual({ followers: 1200, net_follower_change: 200 })
    expect(await followers('language=fr')).toEqual({ followers: null, net_follower_change: null })
  })

  it('gives time series by Casablanca day, week and month, with empty buckets', async () => {
    const weekly = await get(`/reports/timeseries?${period}&kpi=posts_published,impressions,inbound_volume,tone&interval=week`)
    expect(weekly.status).toBe(200)
    expect(() => timeSeriesResponse.parse(weekly.json)).not.toThrow()
    expect(weekly.json.points).toEqual([
      { start: '2026-11-02', values: { posts_published: 2, impressions: 3000, inbound_volume: 3, tone: expect.closeTo(1 / 3, 10) } },
      { start: '2026-11-09', values: { posts_published: 1, impressions: 3000, inbound_volume: 3, tone: 0 } },
    ])
    const daily = await get(`/reports/timeseries?${period}&kpi=posts_published,impressions`)
    expect(daily.json.points).toHaveLength(14)
    expect(daily.json.points[0]).toEqual({ start: '2026-11-02', values: { posts_published: 0, impressions: null } })
    expect(daily.json.points[1]).toEqual({ start: '2026-11-03', values: { posts_published: 1, impressions: 1000 } })
    const monthly = await get(`/reports/timeseries?from=2026-10-01&to=2026-11-30&kpi=posts_published&interval=month`)
    expect(monthly.json.points).toEqual([
      { start: '2026-10-01', values: { posts_published: 1 } },
      { start: '2026-11-01', values: { posts_published: 3 } },
    ])
  })

  it('breaks KPIs down by network, language and moderation category', async () => {
    const byNetwork = await get(`/reports/breakdown?${period}&kpi=impressions,inbound_volume&by=network`)
    expect(byNetwork.status).toBe(200)
    expect(byNetwork.json.groups).toEqual([
      { key: 'facebook', values: { impressions: 1000, inbound_volume: 2 } },
      { key: 'instagram', values: { impressions: 2000, inbound_volume: 2 } },
      { key: 'x', values: { impressions: 3000, inbound_volume: 2 } },
    ])
    const byCategory = await get(`/reports/breakdown?${period}&kpi=moderation_decisions,moderation_hidden&by=category`)
    expect(byCategory.json.groups).toEqual([
      { key: 'hate', values: { moderation_decisions: 1, moderation_hidden: 1 } },
      { key: 'misinformation', values: { moderation_decisions: 1, moderation_hidden: 0 } },
      { key: 'spam', values: { moderation_decisions: 1, moderation_hidden: 1 } },
      { key: null, values: { moderation_decisions: 0, moderation_hidden: 0 } },
    ])
    const refused = await get(`/reports/breakdown?${period}&kpi=impressions&by=category`)
    expect(refused.status).toBe(400)
    expect(refused.json.errors[0]).toMatchObject({ field: 'by', code: 'breakdown_unavailable' })
    const followersByNetwork = await get(`/reports/breakdown?${period}&kpi=followers&by=network`)
    expect(followersByNetwork.json.groups).toEqual([
      { key: 'facebook', values: { followers: 1200 } },
      { key: 'x', values: { followers: 300 } },
    ])
    expect((await get(`/reports/breakdown?${period}&kpi=followers&by=language`)).json.errors[0]).toMatchObject({ field: 'by' })
    // Per interval: the followers at each week's end, and the change over the week (the Page read on 25 October, 10 and 20 November).
    const weekly = await get(`/reports/timeseries?${period}&kpi=followers,net_follower_change&platform=facebook&interval=week`)
    expect(weekly.json.points).toEqual([
      { start: '2026-11-02', values: { followers: 1000, net_follower_change: 0 } },
      { start: '2026-11-09', values: { followers: 1200, net_follower_change: 200 } },
    ])
  })

  it('gives misconception prevalence per myth and week', async () => {
    const answer = await get(`/reports/misconceptions?${period}`)
    expect(answer.status).toBe(200)
    expect(() => misconceptionsResponse.parse(answer.json)).not.toThrow()
    const of = (myth: string) => answer.json.weeks.filter((row: { myth: string }) => row.myth === myth)
    expect(of('impunity')).toEqual([
      { myth: 'impunity', week: '2026-11-02', matching: 1, comments: 3, prevalence: expect.closeTo(1 / 3, 10) },
      { myth: 'impunity', week: '2026-11-09', matching: 0, comments: 2, prevalence: 0 },
    ])
    expect(of('rich-buy-freedom')).toEqual([
      { myth: 'rich-buy-freedom', week: '2026-11-02', matching: 0, comments: 3, prevalence: 0 },
      { myth: 'rich-buy-freedom', week: '2026-11-09', matching: 1, comments: 2, prevalence: 0.5 },
    ])
  })

  it('lists the posts with their figures, sorted and paged', async () => {
    const answer = await get(`/reports/posts?${period}&sort=interactions&limit=2`)
    expect(answer.status).toBe(200)
    expect(() => postsResponse.parse(answer.json)).not.toThrow()
    expect(answer.json).toMatchObject({ totalDocs: 3, page: 1, limit: 2, totalPages: 2 })
    expect(answer.json.docs.map((post: { id: number }) => post.id)).toEqual([ids.v2, ids.v3])
    expect(answer.json.docs[0]).toMatchObject({
      platform: 'instagram_feed',
      network: 'instagram',
      impressions: 2000,
      reach: 1000,
      interactions: 70,
      clicks: null,
    })
    expect(answer.json.docs[1]).toMatchObject({
      network: 'x',
      reach: null,
      engagementRateReach: null,
      engagementRateImpressions: expect.closeTo(50 / 3000, 10),
    })
    const second = await get(`/reports/posts?${period}&sort=interactions&limit=2&page=2`)
    expect(second.json.docs.map((post: { id: number }) => post.id)).toEqual([ids.v1])
    expect(second.json.docs[0]).toMatchObject({ impressions: 1000, measuredAt: '2026-11-10T09:00:00.000Z' })
  })
})

describe('formats and caching', () => {
  it('answers CSV with output=csv', async () => {
    const answer = await get(`/reports/timeseries?${period}&kpi=posts_published,impressions&interval=week&output=csv`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(answer.text.trim().split('\n')).toEqual(['start,posts_published,impressions', '2026-11-02,2,3000', '2026-11-09,1,3000'])
    const kpis = await get(`/reports/kpis?${period}&kpi=video_views,clicks&output=csv`)
    // A missing figure is an empty cell, not 0.
    expect(kpis.text.trim().split('\n')).toEqual(['kpi,unit,value', 'video_views,count,', 'clicks,count,12'])
  })

  it('answers 304 to a poll with the ETag of an unchanged report, and a new one once the figures move', async () => {
    const path = `/reports/kpis?${period}&kpi=impressions`
    const first = await get(path)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    expect(first.headers.get('cache-control')).toBe('private, max-age=60')
    const again = await get(path, { role: 'analyst', headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    await snapshot(ids.v3, 'x', '2026-11-15T09:00:00Z', {
      impression_count: 3500,
      like_count: 30,
      retweet_count: 10,
      quote_count: 2,
      reply_count: 8,
      bookmark_count: 0,
    })
    const moved = await get(path, { role: 'analyst', headers: { 'If-None-Match': etag! } })
    expect(moved.status).toBe(200)
    expect(kpiValues(moved.json)).toEqual({ impressions: 6500 })
    expect(moved.headers.get('etag')).not.toBe(etag)
  })
})

describe('bad input', () => {
  const refusal = async (query: string) => {
    const answer = await get(`/reports/kpis?${query}`)
    expect(answer.status).toBe(400)
    return answer.json.errors as { field: string; code: string; message: string }[]
  }

  it('names the parameter at fault', async () => {
    expect((await refusal('from=2026-11-02'))[0]).toMatchObject({ field: 'to' })
    expect((await refusal('from=2026-02-30&to=2026-03-01'))[0]).toMatchObject({ field: 'from' })
    expect((await refusal('from=2026-11-15&to=2026-11-02'))[0]).toMatchObject({ field: 'to', code: 'to_before_from' })
    expect((await refusal('from=2024-01-01&to=2026-11-02'))[0]).toMatchObject({ field: 'to', code: 'period_too_long', max: 731 })
    expect((await refusal(`${period}&kpi=impressions,happiness`))[0]).toMatchObject({ field: 'kpi.1' })
    expect((await refusal(`${period}&platform=myspace`))[0]).toMatchObject({ field: 'platform.0' })
    expect((await refusal(`${period}&theme=999999`))[0]).toMatchObject({ field: 'theme', code: 'unknown_value', values: [999999] })
    expect((await refusal(`${period}&keyMoment=abc`))[0]).toMatchObject({ field: 'keyMoment.0' })
    expect((await refusal(`${period}&platfrom=x`))[0]).toMatchObject({ field: 'platfrom', code: 'unrecognized_keys' })
    expect((await get(`/reports/posts?${period}&limit=501`)).json.errors[0]).toMatchObject({ field: 'limit' })
    expect((await get(`/reports/timeseries?${period}&kpi=impressions&interval=hour`)).json.errors[0]).toMatchObject({ field: 'interval' })
  })

  it('answers in the caller’s language', async () => {
    const answer = await get(`/reports/kpis?from=2026-11-15&to=2026-11-02`, { role: 'analyst', headers: { 'Accept-Language': 'ar' } })
    expect(answer.json.errors[0].message).toMatch(/[\u0600-\u06FF]/)
  })
})

describe('integration keys', () => {
  it('read the reports, and nothing else of Badil', async () => {
    expect((await get(`/reports/kpis?${period}&kpi=impressions`, { apiKey: integrationApiKey })).status).toBe(200)
    expect((await get('/content-items', { apiKey: integrationApiKey })).status).toBe(403)
    expect((await get('/calendar', { apiKey: integrationApiKey })).status).toBe(403)
    expect((await get(`/reports/kpis?${period}`, {})).status).toBe(401)
    expect((await get(`/reports/kpis?${period}`, { apiKey: 'badil-unknown-key-0123456789abcdef' })).status).toBe(401)
  })

  it('are counted per call and route, and see their own counts', async () => {
    await get(`/reports/posts?${period}`, { apiKey: integrationApiKey })
    // The count is written beside the answer: it is there a moment later.
    let usage = await get('/reports/usage', { apiKey: integrationApiKey })
    for (let attempt = 0; attempt < 50 && !usage.json.calls.some((row: { route: string }) => row.route === 'posts'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      usage = await get('/reports/usage', { apiKey: integrationApiKey })
    }
    expect(usage.status).toBe(200)
    const mine = usage.json.calls as { userId: number; route: string; calls: number }[]
    expect(mine.every((row) => row.userId === accounts.integration.id)).toBe(true)
    expect(mine.find((row) => row.route === 'posts')?.calls).toBeGreaterThanOrEqual(1)
    const all = await get('/reports/usage', { role: 'admin' })
    expect(all.json.calls.some((row: { userId: number }) => row.userId === accounts.analyst.id)).toBe(true)
    expect((await get('/reports/usage', { role: 'analyst' })).status).toBe(403)
  })

  it('are refused with 429 and Retry-After once their calls per minute are spent', async () => {
    await db.query(`DELETE FROM report_api_rate_limits`)
    const statuses: number[] = []
    let limited: Awaited<ReturnType<typeof get>> | undefined
    for (let call = 0; call < keyCallsPerWindow + 1; call += 1) {
      const answer = await get(`/reports/kpis?${period}&kpi=posts_published`, { apiKey: integrationApiKey })
      statuses.push(answer.status)
      if (answer.status === 429) limited = answer
    }
    expect(statuses.slice(0, keyCallsPerWindow).every((status) => status === 200)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(limited!.json.errors[0]).toMatchObject({ code: 'rate_limited', limit: keyCallsPerWindow })
    // The team's own sessions are not limited.
    expect((await get(`/reports/kpis?${period}&kpi=posts_published`, { role: 'analyst' })).status).toBe(200)
    // The next window starts afresh (the suite does not wait a minute for it).
    await db.query(`DELETE FROM report_api_rate_limits`)
  })
})

async function graphql(query: string, auth: Auth = { apiKey: integrationApiKey }) {
  const headers = new Headers({ 'Content-Type': 'application/json', ...auth.headers })
  if (auth.role) headers.set('Authorization', `JWT ${tokens[auth.role]}`)
  if (auth.apiKey) headers.set('Authorization', `users API-Key ${auth.apiKey}`)
  const response = await fetch(`${http.baseUrl}/api/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) })
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, any> }[] },
  }
}

describe('the same reports in GraphQL', () => {
  it('gives the REST figures to an integration key', async () => {
    const answer = await graphql(`
      {
        reports {
          kpis(from: "2026-11-02", to: "2026-11-15", kpi: [posts_published, response_rate, sum_of_post_reach], compare: true) {
            name
            unit
            value
            previous
            change
          }
          timeseries(from: "2026-11-02", to: "2026-11-15", kpi: [posts_published], interval: week) {
            start
            values {
              kpi
              value
            }
          }
          breakdown(from: "2026-11-02", to: "2026-11-15", kpi: [inbound_volume], by: network, platform: [x]) {
            key
            values {
              kpi
              value
            }
          }
          misconceptions(from: "2026-11-09", to: "2026-11-15") {
            myth
            week
            matching
            comments
            prevalence
          }
          posts(from: "2026-11-02", to: "2026-11-15", sort: impressions, limit: 1) {
            totalDocs
            totalPages
            docs {
              id
              network
              impressions
            }
          }
        }
      }
    `)
    expect(answer.body.errors).toBeUndefined()
    const { reports } = answer.body.data!
    expect(reports.kpis).toEqual([
      { name: 'posts_published', unit: 'count', value: 3, previous: 1, change: 2 },
      { name: 'response_rate', unit: 'ratio', value: 0.75, previous: 0, change: null },
      { name: 'sum_of_post_reach', unit: 'count', value: 1800, previous: null, change: null },
    ])
    expect(reports.timeseries).toEqual([
      { start: '2026-11-02', values: [{ kpi: 'posts_published', value: 2 }] },
      { start: '2026-11-09', values: [{ kpi: 'posts_published', value: 1 }] },
    ])
    expect(reports.breakdown).toEqual([{ key: 'x', values: [{ kpi: 'inbound_volume', value: 2 }] }])
    expect(reports.misconceptions).toContainEqual({ myth: 'rich-buy-freedom', week: '2026-11-09', matching: 1, comments: 2, prevalence: 0.5 })
    expect(reports.posts).toMatchObject({ totalDocs: 3, totalPages: 3, docs: [{ id: ids.v3, network: 'x' }] })
  })

  it('refuses bad arguments with the REST status and the parameter named', async () => {
    const answer = await graphql('{ reports { kpis(from: "2026-11-15", to: "2026-11-02") { name } } }')
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ statusCode: 400, data: { errors: [{ field: 'to', code: 'to_before_from' }] } })
    const unknownTheme = await graphql('{ reports { kpis(from: "2026-11-02", to: "2026-11-15", theme: [999999]) { name } } }')
    expect(unknownTheme.body.errors?.[0]?.extensions).toMatchObject({ statusCode: 400, data: { errors: [{ field: 'theme' }] } })
    const anonymous = await graphql('{ reports { kpis(from: "2026-11-02", to: "2026-11-15") { name } } }', {})
    expect(anonymous.body.errors?.[0]?.extensions).toMatchObject({ statusCode: 401 })
  })

  it('describes every KPI with its unit and definition in the schema', async () => {
    const answer = await graphql('{ __type(name: "ReportKpi") { enumValues { name description } } }', { role: 'analyst' })
    const values = answer.body.data!.__type.enumValues as { name: string; description: string }[]
    expect(values.map((value) => value.name)).toEqual(kpiNames)
    expect(values.find((value) => value.name === 'sum_of_post_reach')!.description).toMatch(/not the period reach.*unit: count/)
  })
})

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, with every KPI’s unit and definition', async () => {
    const answer = await get('/reports/openapi.json')
    expect(answer.status).toBe(200)
    expect(answer.json.openapi).toBe('3.1.0')
    const validator = new Validator()
    const result = await validator.validate(answer.json)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(Object.keys(answer.json.paths)).toEqual(
      expect.arrayContaining(['/reports/kpis', '/reports/timeseries', '/reports/breakdown', '/reports/misconceptions', '/reports/posts', '/reports/usage']),
    )
    for (const name of kpiNames) {
      expect(answer.json['x-kpis'][name]).toMatchObject({ unit: expect.any(String), definition: expect.any(String) })
      expect(answer.json.info.description).toContain(`\`${name}\``)
    }
    const parameters = answer.json.paths['/reports/kpis'].get.parameters as { name: string; required: boolean }[]
    expect(parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name)).toEqual(['from', 'to'])
  })
})
