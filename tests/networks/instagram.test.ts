import { instagramAdapter, INSTAGRAM_STATUS_POLL_DELAYS_MS } from '../../plugins/campaign-ops/networks/instagram/adapter'
import type { AdapterContext, NetworkPlatform, PublishMedia, PublishRequest } from '../../plugins/campaign-ops/networks/types'
import { networkFailure } from './adapter-test-kit'
import { FAKE_IG_USER_ID, FAKE_TOKEN, startMetaGraphFake } from './fakes/meta-graph-fake'
import type { MetaGraphFake } from './fakes/meta-graph-fake'
import { jpegBytes, mp4Bytes, startPublicWeb } from './fakes/public-web'
import type { PublicWeb } from './fakes/public-web'

const account = { accountId: FAKE_IG_USER_ID, accessToken: FAKE_TOKEN }

/**
 * Calls get a roomy timeout so a loaded two-core machine does not turn a slow answer into a false
 * "unknown outcome"; tests that make the fake hang switch to `hangingContext()` to time out fast.
 */
const SHORT_TIMEOUT_MS = 400

let fake: MetaGraphFake
/** media.badil.ma, where the files Meta fetches are. */
let web: PublicWeb
let context: AdapterContext
let sleeps: number[]

beforeEach(async () => {
  fake = await startMetaGraphFake()
  web = await startPublicWeb({ anyMediaFile: true })
  fake.publicWeb.set('media.badil.ma', web.origin)
  sleeps = []
  context = {
    baseUrl: fake.baseUrl,
    fetch: globalThis.fetch,
    timeoutMs: 5_000,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    now: () => new Date(),
  }
})

const hangingContext = (): AdapterContext => ({ ...context, timeoutMs: SHORT_TIMEOUT_MS })

afterEach(async () => {
  await fake.close()
  await web.close()
})

function media(kind: 'image' | 'video', filename: string, overrides: Partial<PublishMedia> = {}): PublishMedia {
  return {
    kind,
    mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
    filename,
    sizeBytes: 1_024,
    read: async () => new Uint8Array(1_024),
    publicUrl: `https://media.badil.ma/public/${filename}`,
    ...overrides,
  }
}

function post(platform: NetworkPlatform, items: PublishMedia[], overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    variantId: 'variant-ig',
    platform,
    text: 'العقوبات البديلة: فرصة ثانية للمجتمع. #بديل',
    media: items,
    idempotencyKey: 'variant-ig:v1',
    ...overrides,
  }
}

const feedImage = () => post('instagram_feed', [media('image', 'affiche.jpg', { altText: 'Affiche de la campagne' })])

const requestsTo = (method: string, path: RegExp) => fake.state.requests.filter((request) => request.method === method && path.test(request.path))
const containerRequests = () => requestsTo('POST', /\/media$/).map((request) => request.params)

describe('instagram publish', () => {
  it('publishes a feed image: quota check, container, status, publish, permalink', async () => {
    const result = await instagramAdapter.publish(feedImage(), account, context)

    expect(fake.state.requests.map((request) => `${request.method} ${request.path.replace(/\d{10,}/g, '{id}')}`)).toEqual([
      'GET /{id}/content_publishing_limit',
      'POST /{id}/media',
      'GET /{id}',
      'POST /{id}/media_publish',
      'GET /{id}',
    ])
    expect(containerRequests()).toEqual([
      { image_url: 'https://media.badil.ma/public/affiche.jpg', caption: feedImage().text, alt_text: 'Affiche de la campagne' },
    ])
    const [media0] = fake.state.igMedia
    expect(requestsTo('POST', /\/media_publish$/)[0].params).toEqual({ creation_id: media0.containerId })
    expect(result).toEqual({ remoteId: media0.id, permalink: media0.permalink })
    expect(fake.state.quota.usage).toBe(1)
  })

  it('publishes a carousel: item containers, then a CAROUSEL parent with the caption', async () => {
    const request = post('instagram_feed', [media('image', 'un.jpg'), media('video', 'deux.mp4'), media('image', 'trois.jpg')])
    const result = await instagramAdapter.publish(request, account, context)

    const [first, second, third, parent] = containerRequests()
    expect(first).toEqual({ is_carousel_item: 'true', image_url: 'https://media.badil.ma/public/un.jpg' })
    expect(second).toEqual({ is_carousel_item: 'true', media_type: 'VIDEO', video_url: 'https://media.badil.ma/public/deux.mp4' })
    expect(third).toEqual({ is_carousel_item: 'true', image_url: 'https://media.badil.ma/public/trois.jpg' })
    const childIds = [...fake.state.containers.keys()].slice(0, 3)
    expect(parent).toEqual({ media_type: 'CAROUSEL', children: childIds.join(','), caption: request.text })
    expect(fake.state.igMedia).toHaveLength(1)
    expect(fake.state.igMedia[0]).toMatchObject({ id: result.remoteId, caption: request.text })
    expect(fake.state.quota.usage).toBe(1)
  })

  it('publishes a reel after polling IN_PROGRESS with growing waits until FINISHED', async () => {
    fake.state.containerPlan.inProgressPolls = 3
    const result = await instagramAdapter.publish(post('instagram_reel', [media('video', 'reel.mp4')]), account, context)

    expect(containerRequests()).toEqual([
      { media_type: 'REELS', video_url: 'https://media.badil.ma/public/reel.mp4', caption: post('instagram_reel', []).text, share_to_feed: 'true' },
    ])
    expect([...fake.state.containers.values()][0].polls).toBe(4)
    expect(sleeps).toEqual(INSTAGRAM_STATUS_POLL_DELAYS_MS.slice(0, 3))
    expect(sleeps[1]).toBeGreaterThan(sleeps[0])
    expect(fake.state.igMedia[0]).toMatchObject({ id: result.remoteId, productType: 'REELS' })
  })

  it('publishes a single feed video as a reel shared to the feed', async () => {
    await instagramAdapter.publish(post('instagram_feed', [media('video', 'clip.mp4')]), account, context)
    expect(containerRequests()[0]).toMatchObject({ media_type: 'REELS', share_to_feed: 'true' })
  })

  it('publishes a story without caption and skips the first comment with a warning', async () => {
    const request = post('instagram_story', [media('image', 'story.jpg')], { firstComment: 'Lien en bio' })
    const result = await instagramAdapter.publish(request, account, context)

    expect(containerRequests()).toEqual([{ media_type: 'STORIES', image_url: 'https://media.badil.ma/public/story.jpg' }])
    expect(fake.state.igMedia[0]).toMatchObject({ id: result.remoteId, productType: 'STORY', caption: null })
    expect(result.warnings).toEqual([expect.objectContaining({ en: expect.stringMatching(/stories/), fr: expect.stringMatching(/stories/) })])
    expect(fake.state.comments.size).toBe(0)
  })

  it('posts the first comment on the published media', async () => {
    const result = await instagramAdapter.publish({ ...feedImage(), firstComment: 'Plus d’infos : lien en bio' }, account, context)

    expect(result.warnings).toBeUndefined()
    expect(requestsTo('POST', new RegExp(`^/${result.remoteId}/comments$`))[0].params).toEqual({ message: 'Plus d’infos : lien en bio' })
  })

  it('keeps the publish when the first comment fails, reporting a warning', async () => {
    fake.failNext({ status: 400, error: { code: 100, message: '(#100) Comments are disabled' }, match: { path: /\/comments$/ } })
    const result = await instagramAdapter.publish({ ...feedImage(), firstComment: 'Premier commentaire' }, account, context)

    expect(result.remoteId).toBe(fake.state.igMedia[0].id)
    expect(result.warnings).toEqual([
      {
        en: expect.stringMatching(/^The post is published, but its first comment was not posted: The network rejected the request as invalid/),
        fr: expect.stringMatching(/^La publication est en ligne, mais son premier commentaire n’a pas été posté : Le réseau a refusé la demande/),
        ar: expect.stringMatching(/^نُشر المنشور، لكن تعليقه الأول لم يُنشر: /),
      },
    ])
  })

  it('Meta fetches each file from its public address when the container is created', async () => {
    await instagramAdapter.publish(post('instagram_feed', [media('image', 'un.jpg'), media('video', 'deux.mp4')]), account, context)

    expect(fake.state.mediaFetches).toEqual([
      { url: 'https://media.badil.ma/public/un.jpg', status: 200, contentType: 'image/jpeg', bytes: jpegBytes().length },
      { url: 'https://media.badil.ma/public/deux.mp4', status: 200, contentType: 'video/mp4', bytes: mp4Bytes().length },
    ])
  })

  it('a file Meta cannot fetch (a page behind a sign-in answers 403) → no post, the fetch failure said', async () => {
    const request = feedImage()
    web.serve('/public/affiche.jpg', { type: 'application/json', body: new TextEncoder().encode('{"errors":[]}'), status: 403 })
    const caught = await networkFailure(instagramAdapter.publish(request, account, context))

    expect(fake.state.mediaFetches).toEqual([{ url: 'https://media.badil.ma/public/affiche.jpg', status: 403, contentType: 'application/json', bytes: 0 }])
    // Meta calls a failed fetch retryable (2207052): the scheduler tries again later.
    expect(caught.kind).toBe('retryable')
    expect(caught.reason.en).toMatch(/^The network could not download the media from its public URL/)
    expect(requestsTo('POST', /\/media_publish$/)).toHaveLength(0)
    expect(fake.state.igMedia).toHaveLength(0)
  })

  it('an image that is not a JPEG is refused by Meta as an unsupported image', async () => {
    const request = feedImage()
    web.serve('/public/affiche.jpg', { type: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) })
    const caught = await networkFailure(instagramAdapter.publish(request, account, context))

    expect(caught.kind).toBe('permanent')
    expect(fake.state.igMedia).toHaveLength(0)
  })

  it('a media without public URL → permanent, before any request', async () => {
    const request = post('instagram_feed', [media('image', 'prive.jpg', { publicUrl: null })])
    const caught = await networkFailure(instagramAdapter.publish(request, account, context))

    expect(caught.kind).toBe('permanent')
    expect(caught.reason.fr).toMatch(/prive\.jpg.*adresse publique/)
    expect(caught.reason.ar).toMatch(/prive\.jpg/)
    expect(fake.state.requests).toHaveLength(0)
  })

  it.each([
    ['a reel with an image', post('instagram_reel', [media('image', 'a.jpg')])],
    ['a story with two files', post('instagram_story', [media('image', 'a.jpg'), media('image', 'b.jpg')])],
    ['a feed post without media', post('instagram_feed', [])],
    [
      'a carousel of eleven',
      post(
        'instagram_feed',
        Array.from({ length: 11 }, (_, index) => media('image', `${index}.jpg`)),
      ),
    ],
  ])('%s → permanent, before any request', async (_label, request) => {
    expect((await networkFailure(instagramAdapter.publish(request, account, context))).kind).toBe('permanent')
    expect(fake.state.requests).toHaveLength(0)
  })
})

describe('instagram containers and quota', () => {
  it.each(['ERROR', 'EXPIRED'] as const)('a container in %s → permanent, nothing published', async (finalStatus) => {
    fake.state.containerPlan = { inProgressPolls: 1, finalStatus }
    const caught = await networkFailure(instagramAdapter.publish(post('instagram_reel', [media('video', 'reel.mp4')]), account, context))

    expect(caught.kind).toBe('permanent')
    expect(fake.state.igMedia).toHaveLength(0)
    expect(requestsTo('POST', /\/media_publish$/)).toHaveLength(0)
  })

  it('a container still IN_PROGRESS after the bounded polls → retryable, nothing published', async () => {
    fake.state.containerPlan.inProgressPolls = 100
    const caught = await networkFailure(instagramAdapter.publish(post('instagram_reel', [media('video', 'reel.mp4')]), account, context))

    expect(caught.kind).toBe('retryable')
    expect([...fake.state.containers.values()][0].polls).toBe(INSTAGRAM_STATUS_POLL_DELAYS_MS.length + 1)
    expect(sleeps).toEqual(INSTAGRAM_STATUS_POLL_DELAYS_MS)
    expect(fake.state.igMedia).toHaveLength(0)
  })

  it('a used-up publishing quota → rate_limited before any container is created', async () => {
    fake.state.quota = { usage: 50, total: 50 }
    const before = Date.now()
    const caught = await networkFailure(instagramAdapter.publish(feedImage(), account, context))

    expect(caught.kind).toBe('rate_limited')
    expect(caught.retryAt!.getTime()).toBeGreaterThan(before)
    expect(caught.reason.en).toMatch(/quota/)
    expect(fake.state.containers.size).toBe(0)
  })

  it('the quota filling up between check and publish (2207042) → rate_limited', async () => {
    fake.failNext({
      status: 400,
      error: { code: 9, error_subcode: 2207042, message: 'Application request limit reached' },
      match: { path: /\/media_publish$/ },
    })
    const caught = await networkFailure(instagramAdapter.publish(feedImage(), account, context))

    expect(caught.kind).toBe('rate_limited')
    expect(caught.code).toBe('9/2207042')
  })
})

describe('instagram error classes', () => {
  it.each([
    [2207026, 'permanent', 'The video format is not supported'],
    [2207004, 'permanent', 'The image is too large to download'],
    [2207009, 'permanent', 'The aspect ratio is not supported'],
    [2207010, 'permanent', 'The caption was too long'],
    [2207003, 'retryable', 'It took too long to download the media'],
    [2207052, 'retryable', 'The media could not be fetched from this URI'],
  ])('container creation failing with subcode %i → %s', async (subcode, kind, message) => {
    fake.failNext({ status: 400, error: { code: subcode === 2207052 ? 9004 : 100, error_subcode: subcode, message }, match: { path: /\/media$/ } })
    const caught = await networkFailure(instagramAdapter.publish(feedImage(), account, context))

    expect(caught.kind).toBe(kind)
    expect(caught.code).toMatch(new RegExp(`/${subcode}$`))
    expect(fake.state.igMedia).toHaveLength(0)
  })

  it('aspect ratio code 36003 → permanent', async () => {
    fake.failNext({ status: 400, error: { code: 36003, message: 'The aspect ratio is not supported' }, match: { path: /\/media$/ } })
    expect((await networkFailure(instagramAdapter.publish(feedImage(), account, context))).kind).toBe('permanent')
  })

  it('a transient 5xx → retryable', async () => {
    fake.failNext({ status: 500, error: { code: 2, message: 'An unexpected error has occurred', is_transient: true } })
    expect((await networkFailure(instagramAdapter.publish(feedImage(), account, context))).kind).toBe('retryable')
  })

  it.each([4, 17, 32, 80002])('code %i → rate_limited', async (code) => {
    fake.failNext({ status: 400, error: { code, message: 'Rate limit' }, match: { path: /\/media$/ } })
    expect((await networkFailure(instagramAdapter.publish(feedImage(), account, context))).kind).toBe('rate_limited')
  })

  it('Instagram BUC usage gives the wait in minutes', async () => {
    const usage = { [FAKE_IG_USER_ID]: [{ type: 'instagram', call_count: 100, total_cputime: 3, total_time: 4, estimated_time_to_regain_access: 45 }] }
    fake.failNext({ status: 400, error: { code: 80002, message: 'Too many calls' }, headers: { 'X-Business-Use-Case-Usage': JSON.stringify(usage) } })
    const before = Date.now()
    const caught = await networkFailure(instagramAdapter.publish(feedImage(), account, context))

    expect(caught.kind).toBe('rate_limited')
    expect(Math.round((caught.retryAt!.getTime() - before) / 60_000)).toBe(45)
  })

  it('an expired token (190) → auth', async () => {
    fake.state.expiredTokens.add(FAKE_TOKEN)
    const caught = await networkFailure(instagramAdapter.publish(feedImage(), account, context))

    expect(caught.kind).toBe('auth')
    expect(caught.reason.ar).toMatch(/أعد ربط الحساب/)
  })
})

describe('instagram unknown outcome and lookup', () => {
  it('a timeout after media_publish stored the media → outcome_unknown, then lookup finds exactly one', async () => {
    fake.delayNext({ ms: 'forever', match: { method: 'POST', path: /\/media_publish$/ } })
    const caught = await networkFailure(instagramAdapter.publish(feedImage(), account, hangingContext()))
    expect(caught.kind).toBe('outcome_unknown')

    const found = await instagramAdapter.lookup(feedImage(), account, context)
    expect(found).toEqual({ status: 'found', remoteId: fake.state.igMedia[0].id, permalink: fake.state.igMedia[0].permalink })
    expect(fake.state.igMedia).toHaveLength(1)
    expect(requestsTo('GET', /\/media$/)[0].params.fields).toBe('id,caption,timestamp,permalink')
  })

  it('a lost answer on container creation is retryable (containers are invisible)', async () => {
    fake.delayNext({ ms: 'forever', match: { method: 'POST', path: /\/media$/ } })
    expect((await networkFailure(instagramAdapter.publish(feedImage(), account, hangingContext()))).kind).toBe('retryable')
  })

  it('lookup reports not_found when no recent caption matches', async () => {
    await instagramAdapter.publish({ ...feedImage(), text: 'Une autre légende' }, account, context)
    expect(await instagramAdapter.lookup(feedImage(), account, context)).toEqual({ status: 'not_found' })
  })

  it('lookup of a story is unsupported (stories carry no caption)', async () => {
    expect(await instagramAdapter.lookup(post('instagram_story', [media('image', 's.jpg')]), account, context)).toEqual({ status: 'unsupported' })
  })
})

describe('instagram metrics', () => {
  it('reads the feed metrics, null for the ones Meta did not give', async () => {
    const { remoteId } = await instagramAdapter.publish(feedImage(), account, context)
    fake.state.insights.set(remoteId, { views: 900, reach: 640, likes: 51, comments: 7, total_interactions: 70 })

    const snapshot = await instagramAdapter.fetchMetrics(remoteId, account, context)

    expect(snapshot.values).toEqual({
      views: 900,
      reach: 640,
      likes: 51,
      comments: 7,
      shares: null,
      saved: null,
      total_interactions: 70,
      profile_visits: null,
      follows: null,
    })
  })

  it('asks reel metrics for a reel and falls back metric by metric when one is retired', async () => {
    const { remoteId } = await instagramAdapter.publish(post('instagram_reel', [media('video', 'r.mp4')]), account, context)
    fake.state.insights.set(remoteId, { views: 5_000, ig_reels_avg_watch_time: 7_400 })
    fake.state.retiredMetrics.add('ig_reels_video_view_total_time')

    const snapshot = await instagramAdapter.fetchMetrics(remoteId, account, context)

    expect(snapshot.values).toMatchObject({ views: 5_000, ig_reels_avg_watch_time: 7_400, ig_reels_video_view_total_time: null, reach: null })
    expect(requestsTo('GET', /\/insights$/)[0].params.metric).toContain('ig_reels_avg_watch_time')
  })

  it('"not enough viewers" (code 10) gives nulls, not an auth error', async () => {
    const { remoteId } = await instagramAdapter.publish(feedImage(), account, context)
    fake.failNext({ status: 400, error: { code: 10, message: '(#10) Not enough viewers for the media to show insights' }, match: { path: /\/insights$/ } })

    const snapshot = await instagramAdapter.fetchMetrics(remoteId, account, context)

    expect(Object.values(snapshot.values).every((value) => value === null)).toBe(true)
  })
})

describe('instagram account metrics', () => {
  const fixedNow = new Date('2026-03-02T10:00:00Z')

  it('reads the account counters and the latest 28-day reach, at the context’s time', async () => {
    fake.state.accountFigures.instagram = { followers_count: 9_140, media_count: 221 }
    fake.state.accountInsights.instagram.reach = { days_28: [25_300, 27_810] }

    const snapshot = await instagramAdapter.fetchAccountMetrics(account, { ...context, now: () => fixedNow })

    expect(snapshot).toEqual({ fetchedAt: fixedNow.toISOString(), values: { followers_count: 9_140, media_count: 221, reach_28d: 27_810 } })
    expect(requestsTo('GET', new RegExp(`^/${FAKE_IG_USER_ID}$`))[0].params).toEqual({ fields: 'followers_count,media_count' })
    expect(requestsTo('GET', new RegExp(`^/${FAKE_IG_USER_ID}/insights$`))[0].params).toEqual({ metric: 'reach', period: 'days_28' })
  })

  it('an empty data set leaves the reach null (never 0) while the counters still come', async () => {
    fake.state.accountInsights.instagram = {}

    const snapshot = await instagramAdapter.fetchAccountMetrics(account, context)

    expect(snapshot.values).toEqual({ followers_count: 8_730, media_count: 214, reach_28d: null })
  })

  it('a refused reach metric (#100) or "not enough viewers" (code 10) leaves the reach null', async () => {
    fake.state.retiredMetrics.add('reach')
    expect((await instagramAdapter.fetchAccountMetrics(account, context)).values.reach_28d).toBeNull()

    fake.state.retiredMetrics.delete('reach')
    fake.failNext({ status: 400, error: { code: 10, message: '(#10) Not enough viewers for the media to show insights' }, match: { path: /\/insights$/ } })
    expect((await instagramAdapter.fetchAccountMetrics(account, context)).values).toEqual({ followers_count: 8_730, media_count: 214, reach_28d: null })
  })

  it('a counter Meta does not give is null', async () => {
    fake.state.accountFigures.instagram.media_count = null
    expect((await instagramAdapter.fetchAccountMetrics(account, context)).values.media_count).toBeNull()
  })

  it('an expired token (190) → auth, as for media metrics', async () => {
    fake.state.expiredTokens.add(FAKE_TOKEN)
    expect((await networkFailure(instagramAdapter.fetchAccountMetrics(account, context))).kind).toBe('auth')
  })

  it.each([
    ['a transient 500 on the account read', 'retryable', /^\/\d+$/, 500, { code: 2, message: 'An unexpected error has occurred', is_transient: true }],
    ['a transient 500 on the insights read', 'retryable', /\/insights$/, 500, { code: 2, message: 'An unexpected error has occurred', is_transient: true }],
    ['Instagram throttling (80002) on the insights read', 'rate_limited', /\/insights$/, 400, { code: 80002, message: 'Too many calls' }],
    [
      'a missing permission (10) on the insights read',
      'auth',
      /\/insights$/,
      403,
      { code: 10, message: '(#10) Application does not have permission for this action' },
    ],
  ])('%s → %s, as for media metrics (no partial snapshot)', async (_label, kind, path, status, error) => {
    fake.failNext({ status, error, match: { method: 'GET', path } })
    expect((await networkFailure(instagramAdapter.fetchAccountMetrics(account, context))).kind).toBe(kind)
  })
})

describe('instagram moderation', () => {
  let commentId: string

  beforeEach(async () => {
    const { remoteId } = await instagramAdapter.publish(feedImage(), account, context)
    commentId = fake.addComment('instagram', remoteId, 'تعليق مسيء')
  })

  it('hides and unhides with hide on the comment node', async () => {
    await instagramAdapter.moderate(commentId, { action: 'hide' }, account, context)
    expect(fake.state.comments.get(commentId)!.hidden).toBe(true)
    await instagramAdapter.moderate(commentId, { action: 'unhide' }, account, context)

    expect(requestsTo('POST', new RegExp(`^/${commentId}$`)).map((request) => request.params)).toEqual([{ hide: 'true' }, { hide: 'false' }])
    expect(fake.state.comments.get(commentId)!.hidden).toBe(false)
  })

  it('deletes with DELETE', async () => {
    await instagramAdapter.moderate(commentId, { action: 'delete' }, account, context)
    expect(fake.state.comments.get(commentId)!.deleted).toBe(true)
    expect(requestsTo('DELETE', new RegExp(`^/${commentId}$`))).toHaveLength(1)
  })

  it('replies through the replies edge', async () => {
    await instagramAdapter.moderate(commentId, { action: 'reply', text: 'شكرا، إليك المعطيات: https://badil.ma' }, account, context)

    expect(requestsTo('POST', new RegExp(`^/${commentId}/replies$`))[0].params).toEqual({ message: 'شكرا، إليك المعطيات: https://badil.ma' })
    expect([...fake.state.comments.values()].some((comment) => comment.parentId === commentId)).toBe(true)
  })
})
