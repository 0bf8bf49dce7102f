/**
 * The publishing engine in one process against the fake networks: the CM's path from an approved
 * variant to a post, every documented failure and what the engine does with it, crisis mode,
 * per-network hooks, signed outbound webhooks and the variant actions.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { jest } from '@jest/globals'
import pg from 'pg'
import type { Payload } from 'payload'

import { publishingScheduler, signWebhook } from '../../plugins/campaign-ops'
import type { PublicationReport } from '../../plugins/campaign-ops/publishing/options'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import { makeJpeg } from '../content-model/fixtures'
import type { TestAccount } from '../helpers/users'
import { FAKE_IG_USER_ID, FAKE_TOKEN } from '../networks/fakes/meta-graph-fake'
import { connectFakeAccounts, publishCallsByText, startNetworkFakes } from './publishing-fixtures'
import type { FakeAccounts, NetworkFakes } from './publishing-fixtures'
import { setWorkflowState } from '../helpers/workflow'
import { waitFor } from '../helpers/wait-for'

jest.setTimeout(60_000)

let app: TestPayload
let payload: Payload
let fakes: NetworkFakes
let accounts: FakeAccounts
let users: Record<Role, TestAccount>
let server: TestHttpServer
const tokens = {} as Record<Role, string>
const afterPublishReports: { network: string; report: PublicationReport }[] = []

beforeAll(async () => {
  fakes = await startNetworkFakes()
  app = await startTestPayload({
    // The webhook receiver listens on 127.0.0.1.
    env: { ...fakes.env, WEBHOOK_ALLOW_PRIVATE: 'true' },
    config: {
      publishing: {
        // Instagram fetches media from Badil's public address: the Meta fake reaches it at this test's HTTP server.
        publicMediaBaseUrl: 'https://badil.example.org',
        scheduler: { reconcileAfterMs: 0, backoffBaseMs: 200, backoffMaxMs: 400, requestTimeoutMs: 1_500, leaseMs: 10_000, maxAttempts: 3 },
        hooks: {
          all: {
            beforePublish: (request) => (request.text.includes('[veto]') ? { veto: 'the text is marked [veto]' } : undefined),
          },
          x: {
            // A tracking link added by a hook can push a post over X's 280 characters.
            beforePublish: (request) =>
              request.text.includes('[long]') ? { ...request, text: `${request.text} ${'https://badil.ma/loi-43-22?utm_source=x '.repeat(12)}` } : undefined,
          },
          facebook: {
            // A campaign hashtag added to every Facebook post.
            beforePublish: (request) => ({ ...request, text: `${request.text}\n\n#Badil43_22` }),
            afterPublish: (report) => {
              afterPublishReports.push({ network: 'facebook', report })
            },
          },
        },
      },
    },
  })
  payload = app.payload
  accounts = await connectFakeAccounts(payload, fakes)
  users = await createAccountPerRole(payload)
  server = await startHttpServer(app.config)
  fakes.meta.publicWeb.set('badil.example.org', server.baseUrl)
  for (const role of ['admin', 'ncsc', 'cm', 'analyst'] as const) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: users[role].email, password: users[role].password } })).token!
  }
})

afterAll(async () => {
  await server?.close()
  await app?.close()
  await fakes?.close()
})

const tick = () => publishingScheduler(payload).tick()

async function api(role: Role, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${tokens[role]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, any> }
}

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

let itemCounter = 0
async function approvedItem(sensitivity: 'normal' | 'sensitive' = 'normal') {
  itemCounter += 1
  const item = await payload.create({
    collection: 'content-items',
    overrideAccess: true,
    data: { title: `Publication test ${itemCounter}`, format: 'post', sensitivity },
  })
  await setWorkflowState(payload, item.id, 'approved')
  return item.id
}

type Platform = 'facebook' | 'x' | 'linkedin'
/** A variant scheduled through the collection (its hooks check approval and limits). */
async function scheduledVariant(platform: Platform, text: string, options: { at?: Date; item?: number; language?: 'fr' | 'ar' | 'ary' } = {}) {
  const variant = await payload.create({
    collection: 'platform-variants',
    overrideAccess: true,
    data: {
      contentItem: options.item ?? (await approvedItem()),
      platform,
      language: options.language ?? 'fr',
      text,
      publicationState: 'scheduled',
      scheduledAt: (options.at ?? new Date(Date.now() - 1000)).toISOString(),
    },
  })
  return variant.id as number
}

const variantById = (id: number) => payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true })
const attemptsOf = async (id: number) =>
  (
    await payload.find({
      collection: 'publication-attempts',
      where: { variant: { equals: id } },
      sort: 'startedAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

describe('a CM schedules an approved variant for three networks', () => {
  it('at the minute, each fake network receives exactly one post; the admin shows permalinks and attempts', async () => {
    const item = await approvedItem()
    const ids: Record<Platform, number> = {} as never
    for (const platform of ['facebook', 'x', 'linkedin'] as const) {
      const created = await api('cm', 'POST', '/platform-variants', { contentItem: item, platform, language: 'fr', text: `Le TIG en 3 minutes (${platform})` })
      expect(created.status).toBe(201)
      ids[platform] = created.body.doc.id
    }
    // Far enough ahead that scheduling and one tick fit before it, even on a loaded machine.
    const at = new Date(Date.now() + 6000)
    for (const platform of ['facebook', 'x', 'linkedin'] as const) {
      const scheduled = await api('cm', 'PATCH', `/platform-variants/${ids[platform]}?depth=0`, {
        publicationState: 'scheduled',
        scheduledAt: at.toISOString(),
      })
      expect(scheduled.status).toBe(200)
      // The network's only account was picked for the variant.
      expect(scheduled.body.doc.networkAccount).toBe(accounts[platform])
    }
    // Before the minute: nothing is claimed (checked when the tick did end before it).
    await tick()
    if (Date.now() < at.getTime()) expect(publishCallsByText(fakes).get('Le TIG en 3 minutes (x)')).toBeUndefined()
    // From the minute on, the three go out in one tick.
    await waitFor(async () => Date.now() > at.getTime() + 50, 10_000, 'the scheduled minute', 20)
    const report = await tick()
    expect(report.published).toEqual({ succeeded: 3 })
    await tick()

    const calls = publishCallsByText(fakes)
    expect(calls.get('Le TIG en 3 minutes (facebook)\n\n#Badil43_22')).toBe(1)
    expect(calls.get('Le TIG en 3 minutes (x)')).toBe(1)
    expect(calls.get('Le TIG en 3 minutes (linkedin)')).toBe(1)

    for (const platform of ['facebook', 'x', 'linkedin'] as const) {
      const shown = await api('cm', 'GET', `/platform-variants/${ids[platform]}?depth=1`)
      expect(shown.body.publicationState).toBe('published')
      expect(shown.body.permalink).toMatch(/^https:\/\//)
      expect(shown.body.remoteId).toBeTruthy()
      expect(shown.body.attempts).toBe(1)
      expect(shown.body.attemptHistory.docs).toHaveLength(1)
      expect(shown.body.attemptHistory.docs[0]).toMatchObject({
        kind: 'publish',
        outcome: 'succeeded',
        attemptNumber: 1,
        idempotencyKey: `badil-variant-${ids[platform]}`,
      })
      expect(shown.body.attemptHistory.docs[0].durationMs).toBeGreaterThanOrEqual(0)
    }
    // The item's first post moved it to "published" (a system transition, in the history).
    const published = await payload.findByID({ collection: 'content-items', id: item, overrideAccess: true })
    expect(published.workflowState).toBe('published')
    expect(afterPublishReports.some(({ report }) => report.outcome === 'succeeded')).toBe(true)
  })

  it('a variant that is not approved cannot be scheduled, and nothing is claimed early', async () => {
    const draftItem = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Brouillon', format: 'post' } })
    const variant = await api('cm', 'POST', '/platform-variants', { contentItem: draftItem.id, platform: 'x', language: 'fr', text: 'pas encore' })
    const refused = await api('cm', 'PATCH', `/platform-variants/${variant.body.doc.id}`, {
      publicationState: 'scheduled',
      scheduledAt: new Date().toISOString(),
    })
    expect(refused.status).toBe(409)
    const later = await scheduledVariant('x', 'Demain seulement', { at: new Date(Date.now() + 3_600_000) })
    await tick()
    expect((await variantById(later)).publicationState).toBe('scheduled')
  })
})

describe('what is sent', () => {
  it('a post a hook pushed over the network’s limit fails before anything is sent', async () => {
    const id = await scheduledVariant('x', 'Court [long]')
    await tick()
    const failed = await variantById(id)
    expect(failed.publicationState).toBe('failed')
    expect(failed.lastError).toMatch(/nothing was sent/)
    expect(failed.lastError).toMatch(/text/)
    expect([...publishCallsByText(fakes).keys()].some((text) => text.startsWith('Court [long]'))).toBe(false)
  })

  it('an image goes out in the rendition the network shows, with its alt text', async () => {
    const media = await payload.create({
      collection: 'media',
      overrideAccess: true,
      locale: 'fr',
      data: { alt: 'Infographie : les peines alternatives en 3 points' },
      file: { data: await makeJpeg(2400, 1800), mimetype: 'image/jpeg', name: 'infographie.jpg', size: 1 },
    })
    const item = await payload.create({
      collection: 'content-items',
      overrideAccess: true,
      data: { title: 'Infographie', format: 'infographic', assets: [media.id] },
    })
    await setWorkflowState(payload, item.id, 'approved')
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: {
        contentItem: item.id,
        platform: 'x',
        language: 'fr',
        text: 'Les peines alternatives en 3 points',
        media: [media.id],
        publicationState: 'scheduled',
        scheduledAt: new Date(Date.now() - 1000).toISOString(),
      },
    })
    await tick()
    const published = await variantById(variant.id as number)
    expect(published.publicationState).toBe('published')
    const post = fakes.x.livePosts().find((entry) => entry.text.startsWith('Les peines alternatives en 3 points'))!
    expect(post.mediaIds).toHaveLength(1)
    const uploaded = fakes.x.media.get(post.mediaIds[0]!) as { altText?: string; size?: number; totalBytes?: number } & Record<string, unknown>
    expect(uploaded).toBeTruthy()
    expect(JSON.stringify(uploaded)).toContain('Infographie : les peines alternatives en 3 points')
    const summary = (await attemptsOf(variant.id as number))[0]!.requestSummary as { media: { filename: string; mimeType: string }[] }
    // X's 16:9 rendition (1600×900), not the 2400×1800 original.
    const stored = await payload.findByID({ collection: 'media', id: media.id, overrideAccess: true })
    const rendition = (stored.renditions as Record<string, { filename: string; width: number; height: number; filesize: number }>).x!
    expect([rendition.width, rendition.height]).toEqual([1600, 900])
    expect(summary.media[0]!.filename).toBe(rendition.filename)
    expect(summary.media[0]!.mimeType).toBe('image/jpeg')
    expect(uploaded.totalBytes).toBe(rendition.filesize)
  })
})

describe('multi-step networks', () => {
  it('Instagram: the container is not ready, then ready, then published once', async () => {
    const account = await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'instagram', connection: 'api', name: 'Badil Instagram', accountId: FAKE_IG_USER_ID, accessToken: FAKE_TOKEN },
    })
    const media = await payload.create({
      collection: 'media',
      overrideAccess: true,
      locale: 'fr',
      data: { alt: 'Affiche : la peine alternative' },
      file: { data: await makeJpeg(1080, 1350), mimetype: 'image/jpeg', name: 'affiche.jpg', size: 1 },
    })
    const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Affiche', format: 'post', assets: [media.id] } })
    await setWorkflowState(payload, item.id, 'approved')
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: {
        contentItem: item.id,
        platform: 'instagram_feed',
        language: 'fr',
        text: 'La peine alternative, ce n’est pas l’impunité.',
        media: [media.id],
        networkAccount: account.id,
        publicationState: 'scheduled',
        scheduledAt: new Date(Date.now() - 1000).toISOString(),
      },
    })
    fakes.meta.state.containerPlan.inProgressPolls = 1
    await tick()
    fakes.meta.state.containerPlan.inProgressPolls = 0
    const published = await variantById(variant.id as number)
    expect([published.publicationState, published.lastError]).toEqual(['published', null])
    const posted = fakes.meta.state.igMedia.filter((entry) => entry.caption === 'La peine alternative, ce n’est pas l’impunité.')
    expect(posted).toHaveLength(1)
    expect(published.remoteId).toBe(posted[0]!.id)
    const container = fakes.meta.state.containers.get(posted[0]!.containerId)!
    // The portrait rendition, through a signed link at Badil's public address, fetched by Meta
    // without any session: the media library itself stays closed to anonymous callers.
    const portrait = (media.renditions as Record<string, { filename: string; filesize: number }>)['portrait']!
    expect(container.params.image_url).toMatch(
      new RegExp(
        `^https://badil\\.example\\.org/api/public-media/${portrait.filename.replace('.', '\\.')}\\?type=image%2Fjpeg&expires=\\d+&signature=[\\w-]{43}$`,
      ),
    )
    expect(fakes.meta.state.mediaFetches.filter((fetched) => fetched.url === container.params.image_url)).toEqual([
      { url: container.params.image_url, status: 200, contentType: 'image/jpeg', bytes: portrait.filesize },
    ])
    expect((await fetch(`${server.baseUrl}/api/media/file/${portrait.filename}`)).status).toBe(403)
    expect(container.polls).toBeGreaterThanOrEqual(2)
    const [attempt] = await attemptsOf(variant.id as number)
    expect(attempt).toMatchObject({ outcome: 'succeeded' })
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(2_500)
  })
})

describe('what the networks answer', () => {
  it('429 with Retry-After: the variant and its account wait, then it goes out once', async () => {
    fakes.x.failNext(1, { status: 429, method: 'POST', path: '/2/tweets', headers: { 'retry-after': '2' }, body: { title: 'Too Many Requests', status: 429 } })
    const first = await scheduledVariant('x', 'Limite de débit 1')
    await tick()
    const waiting = await variantById(first)
    expect(waiting.publicationState).toBe('scheduled')
    // Another variant on the same account waits for the limit too.
    const second = await scheduledVariant('x', 'Limite de débit 2')
    await tick()
    expect((await variantById(second)).publicationState).toBe('scheduled')
    expect(new Date(waiting.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now() + 500)
    const account = await payload.findByID({ collection: 'network-accounts', id: accounts.x, overrideAccess: true })
    expect(account.status).toBe('rate_limited')
    expect(new Date(account.rateLimitedUntil!).getTime()).toBeGreaterThan(Date.now() + 500)
    expect((await attemptsOf(first))[0]).toMatchObject({ outcome: 'rate_limited', errorKind: 'rate_limited' })

    // Once the account's limit has passed, both go out (ticking until they do, however slow the machine).
    await waitFor(
      async () => {
        await tick()
        return (await variantById(first)).publicationState === 'published' && (await variantById(second)).publicationState === 'published'
      },
      20_000,
      'both variants published after the rate limit',
      250,
    )
    expect(publishCallsByText(fakes).get('Limite de débit 1')).toBe(2) // the refused call, then the post
    expect(fakes.x.livePosts().filter((post) => post.text === 'Limite de débit 1')).toHaveLength(1)
    expect((await payload.findByID({ collection: 'network-accounts', id: accounts.x, overrideAccess: true })).status).toBe('ok')
  })

  it('a 5xx is retried with backoff; a permanent error fails with the network’s reason', async () => {
    fakes.linkedin.failNext(1, { status: 503, method: 'POST', path: '/rest/posts', body: { message: 'Service Unavailable', status: 503 } })
    const flaky = await scheduledVariant('linkedin', 'Service indisponible puis publié')
    await tick()
    expect((await variantById(flaky)).publicationState).toBe('scheduled')
    expect((await attemptsOf(flaky))[0]).toMatchObject({ outcome: 'retry_scheduled', errorKind: 'retryable' })
    await waitFor(
      async () => {
        await tick()
        return (await variantById(flaky)).publicationState !== 'scheduled'
      },
      20_000,
      'the retried LinkedIn post',
      100,
    )
    const done = await variantById(flaky)
    expect(done.publicationState).toBe('published')
    expect(done.attempts).toBe(2)

    fakes.x.failNext(1, {
      status: 403,
      method: 'POST',
      path: '/2/tweets',
      body: { title: 'Forbidden', detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', status: 403 },
    })
    const duplicate = await scheduledVariant('x', 'Contenu en double')
    await tick()
    const failed = await variantById(duplicate)
    expect(failed.publicationState).toBe('failed')
    expect(failed.lastError).toBeTruthy()
    expect((await attemptsOf(duplicate))[0]).toMatchObject({ outcome: 'failed', errorKind: 'permanent' })
  })

  it('a timeout after the network stored the post becomes an unknown outcome, reconciled without a second post', async () => {
    fakes.linkedin.hangAfterNextPost()
    const id = await scheduledVariant('linkedin', 'Réponse perdue après envoi')
    const first = await tick()
    expect(first.published).toEqual({ outcome_unknown: 1 })
    expect((await variantById(id)).publicationState).toBe('outcome_unknown')
    const second = await tick()
    expect(second.reconciled).toEqual({ found: 1 })
    const settled = await variantById(id)
    expect(settled.publicationState).toBe('published')
    expect(settled.permalink).toContain('linkedin.com')
    expect(publishCallsByText(fakes).get('Réponse perdue après envoi')).toBe(1)
    expect((await attemptsOf(id)).map((attempt) => [attempt.kind, attempt.outcome])).toEqual([
      ['publish', 'outcome_unknown'],
      ['reconcile', 'found'],
    ])
  })

  it('an unknown outcome the network does not hold is published again, once', async () => {
    const id = await scheduledVariant('facebook', 'Jamais arrivé')
    // As if an instance had died before its request left: claimed, lease expired, nothing sent.
    await sql(`UPDATE platform_variants SET publication_state = 'publishing', lease_until = now() - interval '1 second', claim_token = 'dead' WHERE id = $1`, [
      id,
    ])
    const report = await tick()
    expect(report.swept).toBe(1)
    await tick()
    expect((await variantById(id)).publicationState).toBe('published')
    expect(publishCallsByText(fakes).get('Jamais arrivé\n\n#Badil43_22')).toBe(1)
    expect((await attemptsOf(id)).map((attempt) => [attempt.kind, attempt.outcome])).toEqual([
      ['reconcile', 'not_found'],
      ['publish', 'succeeded'],
    ])
  })

  it('a token sealed with another key fails the variant, nothing sent, and names the account to reconnect', async () => {
    const account = await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'linkedin', connection: 'api', name: 'Page partenaire', accountId: 'urn:li:organization:999', accessToken: 'will-be-unreadable' },
    })
    // As after NETWORK_TOKEN_KEY changed: the stored value no longer opens.
    await sql(`UPDATE network_accounts SET access_token_sealed = 'v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA' WHERE id = $1`, [account.id])
    const item = await approvedItem()
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: true,
      data: {
        contentItem: item,
        platform: 'linkedin',
        language: 'fr',
        text: 'Jeton illisible',
        networkAccount: account.id,
        publicationState: 'scheduled',
        scheduledAt: new Date(Date.now() - 1000).toISOString(),
      },
    })
    await tick()
    const failed = await variantById(variant.id as number)
    expect(failed.publicationState).toBe('failed')
    expect(failed.lastError).toContain('"Page partenaire"')
    expect(failed.lastError).toContain('NETWORK_TOKEN_KEY')
    expect((await payload.findByID({ collection: 'network-accounts', id: account.id, overrideAccess: true })).status).toBe('needs_reconnect')
    expect(publishCallsByText(fakes).get('Jeton illisible')).toBeUndefined()
    // LinkedIn has one account again for the variants that rely on the default.
    await payload.delete({ collection: 'network-accounts', id: account.id, overrideAccess: true })
  })

  it('an expired token fails the variant with a human reason and marks the account to reconnect', async () => {
    fakes.x.expireToken()
    const id = await scheduledVariant('x', 'Jeton expiré')
    await tick()
    const failed = await variantById(id)
    expect(failed.publicationState).toBe('failed')
    expect(failed.lastError).toMatch(/reconnect/i)
    expect((await attemptsOf(id))[0]).toMatchObject({ outcome: 'failed', errorKind: 'auth' })
    // The next variant on that account waits for the reconnection instead of failing too.
    const waiting = await scheduledVariant('x', 'Attend la reconnexion')
    await tick()
    const other = await variantById(waiting)
    expect(other.publicationState).toBe('scheduled')
    const account = await payload.findByID({ collection: 'network-accounts', id: accounts.x, overrideAccess: true })
    expect(account.status).toBe('needs_reconnect')
    const queue = await api('cm', 'GET', '/publishing/queue')
    expect(queue.body.attention.map((entry: { id: number }) => entry.id)).toEqual(expect.arrayContaining([failed.id, other.id]))
  })
})

describe('hooks', () => {
  it('beforePublish can veto with a reason; afterPublish observes', async () => {
    const id = await scheduledVariant('linkedin', 'Texte [veto] refusé')
    await tick()
    const vetoed = await variantById(id)
    expect(vetoed.publicationState).toBe('failed')
    expect(vetoed.lastError).toContain('the text is marked [veto]')
    expect((await attemptsOf(id))[0]).toMatchObject({ outcome: 'vetoed' })
    expect(publishCallsByText(fakes).get('Texte [veto] refusé')).toBeUndefined()
  })
})

describe('crisis mode', () => {
  it('only ncsc/admin switch it, with a reason; due variants wait; on release they are held for the CM', async () => {
    expect((await api('cm', 'POST', '/publishing/crisis', { active: true, reason: 'x' })).status).toBe(403)
    const noReason = await api('ncsc', 'POST', '/publishing/crisis', { active: true, reason: '  ' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0].field).toBe('reason')
    const on = await api('ncsc', 'POST', '/publishing/crisis', { active: true, reason: 'Fausse information virale sur la loi 43.22' })
    expect(on.status).toBe(200)
    expect(on.body).toMatchObject({ active: true, reason: 'Fausse information virale sur la loi 43.22' })
    expect((await api('admin', 'POST', '/publishing/crisis', { active: true, reason: 'encore' })).status).toBe(409)

    const due = await scheduledVariant('facebook', 'Pendant la crise')
    const later = await scheduledVariant('facebook', 'Après la crise', { at: new Date(Date.now() + 3_600_000) })
    await tick()
    expect((await variantById(due)).publicationState).toBe('scheduled')
    expect((await api('cm', 'POST', `/platform-variants/${due}/publish-now`)).status).toBe(409)
    expect((await api('cm', 'GET', '/publishing/crisis')).body.active).toBe(true)

    const [{ n: dueNow }] = await sql(`SELECT count(*)::int AS n FROM platform_variants WHERE publication_state = 'scheduled' AND scheduled_at <= now()`)
    const off = await api('admin', 'POST', '/publishing/crisis', { active: false, reason: 'Démenti publié' })
    expect(off.status).toBe(200)
    expect(off.body.heldVariants).toBe(dueNow)
    expect(dueNow).toBeGreaterThanOrEqual(1)
    expect((await variantById(due)).publicationState).toBe('held')
    expect((await variantById(later)).publicationState).toBe('scheduled')
    await tick()
    expect(publishCallsByText(fakes).get('Pendant la crise\n\n#Badil43_22')).toBeUndefined()

    const log = await payload.find({ collection: 'crisis-mode-events', sort: 'at', overrideAccess: true })
    expect(log.docs.map((event) => [event.active, event.reason])).toEqual([
      [true, 'Fausse information virale sur la loi 43.22'],
      [false, 'Démenti publié'],
    ])

    // The CM releases it.
    const released = await api('cm', 'POST', `/platform-variants/${due}/publish-now`)
    expect(released.status).toBe(200)
    await tick()
    expect((await variantById(due)).publicationState).toBe('published')
    expect(publishCallsByText(fakes).get('Pendant la crise\n\n#Badil43_22')).toBe(1)
  })
})

describe('outbound webhooks', () => {
  it('are signed with HMAC-SHA256 and sent for succeeded, failed and unknown outcomes', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = []
    const receiver = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        received.push({ headers: request.headers, body })
        response.end('ok')
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
    const created = await api('admin', 'POST', '/webhook-subscriptions', {
      url,
      events: ['publication.succeeded', 'publication.failed', 'publication.outcome_unknown'],
    })
    expect(created.status).toBe(201)
    const secret = created.body.doc.generatedSecret as string
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    // Never readable again.
    const reread = await api('admin', 'GET', `/webhook-subscriptions/${created.body.doc.id}`)
    expect(JSON.stringify(reread.body)).not.toContain(secret)

    await scheduledVariant('linkedin', 'Webhook: succès')
    await scheduledVariant('linkedin', 'Webhook [veto]')
    await tick()
    fakes.linkedin.hangAfterNextPost()
    const lost = await scheduledVariant('linkedin', 'Webhook: réponse perdue')
    await tick()
    await payload.jobs.run({ queue: 'webhooks' })
    receiver.close()

    const events = received.map(
      (delivery) =>
        JSON.parse(delivery.body) as { type: string; data: { variant: { id: number; platform: string }; permalink: string | null; reason: string | null } },
    )
    expect(events.map((event) => event.type).sort()).toEqual(['publication.failed', 'publication.outcome_unknown', 'publication.succeeded'])
    const unknown = events.find((event) => event.type === 'publication.outcome_unknown')!
    expect(unknown.data.variant).toMatchObject({ id: lost, platform: 'linkedin' })
    expect(events.find((event) => event.type === 'publication.succeeded')!.data.permalink).toMatch(/^https:\/\//)
    expect(events.find((event) => event.type === 'publication.failed')!.data.reason).toContain('[veto]')
    // Settle it (found on the network) so later tests start from a clean queue.
    await tick()
    for (const delivery of received) {
      const [timestamp, signature] = String(delivery.headers['x-badil-signature'])
        .split(',')
        .map((part) => part.split('=')[1])
      expect(signWebhook(secret, Number(timestamp), delivery.body)).toBe(signature)
      expect(delivery.headers['x-badil-event']).toBe(JSON.parse(delivery.body).type)
    }
    await payload.delete({ collection: 'webhook-subscriptions', id: created.body.doc.id, overrideAccess: true })
  })
})

describe('variant actions', () => {
  it('reschedule, cancel and publish now check the role, the body and the state', async () => {
    const id = await scheduledVariant('facebook', 'Actions', { at: new Date(Date.now() + 3_600_000) })
    expect((await api('analyst', 'POST', `/platform-variants/${id}/cancel`)).status).toBe(403)
    const badDate = await api('cm', 'POST', `/platform-variants/${id}/reschedule`, { scheduledAt: 'demain' })
    expect(badDate.status).toBe(400)
    expect(badDate.body.errors[0].field).toBe('scheduledAt')
    const past = await api('cm', 'POST', `/platform-variants/${id}/reschedule`, { scheduledAt: '2020-01-01T00:00:00Z' })
    expect(past.status).toBe(400)
    const when = new Date(Date.now() + 7_200_000).toISOString()
    const moved = await api('cm', 'POST', `/platform-variants/${id}/reschedule`, { scheduledAt: when })
    expect(moved.status).toBe(200)
    expect(moved.body.variant.scheduledAt).toBe(when)
    const cancelled = await api('cm', 'POST', `/platform-variants/${id}/cancel`, { reason: 'Plus d’actualité' })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.variant.publicationState).toBe('cancelled')
    expect((await api('cm', 'POST', `/platform-variants/${id}/publish-now`)).status).toBe(409)
    expect((await api('cm', 'POST', `/platform-variants/999999/cancel`)).status).toBe(404)
  })

  it('a person resolves an unknown outcome the network cannot settle', async () => {
    const make = async (text: string) => {
      const id = await scheduledVariant('facebook', text, { at: new Date(Date.now() + 3_600_000) })
      await sql(`UPDATE platform_variants SET publication_state = 'outcome_unknown', next_attempt_at = NULL WHERE id = $1`, [id])
      return id
    }
    const found = await make('Résolu: publié')
    const noLink = await api('cm', 'POST', `/platform-variants/${found}/resolve`, { resolution: 'published' })
    expect(noLink.status).toBe(400)
    expect(noLink.body.errors[0].field).toBe('permalink')
    const resolved = await api('cm', 'POST', `/platform-variants/${found}/resolve`, {
      resolution: 'published',
      permalink: 'https://www.facebook.com/104872391025567/posts/1',
    })
    expect(resolved.status).toBe(200)
    expect(resolved.body.variant).toMatchObject({ publicationState: 'published', permalink: 'https://www.facebook.com/104872391025567/posts/1' })
    expect((await attemptsOf(found)).at(-1)).toMatchObject({ kind: 'resolve', outcome: 'succeeded', actor: users.cm.id })

    const again = await make('Résolu: à republier')
    expect((await api('cm', 'POST', `/platform-variants/${again}/resolve`, { resolution: 'not_published' })).body.variant.publicationState).toBe('scheduled')
    const gaveUp = await make('Résolu: abandon')
    expect((await api('cm', 'POST', `/platform-variants/${gaveUp}/resolve`, { resolution: 'failed' })).status).toBe(400)
    expect(
      (await api('ncsc', 'POST', `/platform-variants/${gaveUp}/resolve`, { resolution: 'failed', reason: 'Supprimé à la main' })).body.variant.publicationState,
    ).toBe('failed')
    expect((await api('cm', 'POST', `/platform-variants/${gaveUp}/resolve`, { resolution: 'failed', reason: 'encore' })).status).toBe(409)
    expect((await api('cm', 'POST', `/platform-variants/${gaveUp}/resolve`, { resolution: 'maybe' })).status).toBe(400)
  })

  it('a published variant can no longer be edited', async () => {
    const id = await scheduledVariant('linkedin', 'Figée après publication')
    await tick()
    expect((await variantById(id)).publicationState).toBe('published')
    const edit = await api('cm', 'PATCH', `/platform-variants/${id}`, { text: 'changée' })
    expect(edit.status).toBe(409)
    expect((await variantById(id)).text).toBe('Figée après publication')
  })

  it('the 24 h queue lists what goes out per network and what needs a person', async () => {
    const soon = await scheduledVariant('linkedin', 'Dans une heure', { at: new Date(Date.now() + 3_600_000) })
    const far = await scheduledVariant('linkedin', 'Dans trois jours', { at: new Date(Date.now() + 3 * 86_400_000) })
    const queue = await api('cm', 'GET', '/publishing/queue')
    expect(queue.status).toBe(200)
    const linkedin = queue.body.networks.find((entry: { network: string }) => entry.network === 'linkedin')
    const listed = linkedin.items.map((entry: { id: number }) => entry.id)
    expect(listed).toContain(soon)
    expect(listed).not.toContain(far)
    expect(linkedin.items.find((entry: { id: number }) => entry.id === soon).account).toMatchObject({ id: accounts.linkedin, status: 'ok' })
    expect((await api('cm', 'GET', '/publishing/queue?hours=-1')).status).toBe(400)
    expect((await api('analyst', 'GET', '/publishing/queue')).status).toBe(403)
  })
})
