import { facebookAdapter, FACEBOOK_SIMPLE_VIDEO_UPLOAD_MAX_BYTES } from '../../plugins/campaign-ops/networks/facebook/adapter'
import type { AdapterContext, PublishMedia, PublishRequest } from '../../plugins/campaign-ops/networks/types'
import { networkFailure } from './adapter-test-kit'
import { FAKE_PAGE_ID, FAKE_TOKEN, FAKE_USER_TOKEN, startMetaGraphFake } from './fakes/meta-graph-fake'
import type { MetaGraphFake } from './fakes/meta-graph-fake'

const account = { accountId: FAKE_PAGE_ID, accessToken: FAKE_TOKEN }

/**
 * Calls get a roomy timeout so a loaded two-core machine does not turn a slow answer into a false
 * "unknown outcome"; tests that make the fake hang switch to `hangingContext()` to time out fast.
 */
const SHORT_TIMEOUT_MS = 400

let fake: MetaGraphFake
let context: AdapterContext

beforeEach(async () => {
  fake = await startMetaGraphFake()
  context = { baseUrl: fake.baseUrl, fetch: globalThis.fetch, timeoutMs: 5_000, sleep: async () => {}, now: () => new Date() }
})

const hangingContext = (): AdapterContext => ({ ...context, timeoutMs: SHORT_TIMEOUT_MS })

afterEach(async () => {
  await fake.close()
})

function media(kind: 'image' | 'video', filename: string, overrides: Partial<PublishMedia> = {}): PublishMedia {
  const bytes = new Uint8Array(kind === 'image' ? [0xff, 0xd8, 0xff, 0xd9] : [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])
  return {
    kind,
    mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
    filename,
    sizeBytes: bytes.length,
    read: async () => bytes,
    ...overrides,
  }
}

function post(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    variantId: 'variant-1',
    platform: 'facebook',
    text: 'Les peines alternatives protègent la société. #Badil',
    media: [],
    idempotencyKey: 'variant-1:v3',
    ...overrides,
  }
}

const requestsTo = (method: string, path: RegExp) => fake.state.requests.filter((request) => request.method === method && path.test(request.path))

describe('facebook publish', () => {
  it('publishes a text post to the feed and keeps the token out of the URL', async () => {
    const result = await facebookAdapter.publish(post(), account, context)

    expect(fake.state.feedPosts).toHaveLength(1)
    expect(result.remoteId).toBe(fake.state.feedPosts[0].id)
    expect(result.remoteId).toMatch(new RegExp(`^${FAKE_PAGE_ID}_\\d{17,}$`))
    expect(result.permalink).toBe(fake.state.feedPosts[0].permalink)
    const [feed] = requestsTo('POST', /\/feed$/)
    expect(feed.params).toMatchObject({ message: post().text, fields: 'id,permalink_url' })
    expect(feed.params.link).toBeUndefined()
    expect(feed.token).toBe(FAKE_TOKEN)
    expect(fake.state.requests.every((request) => !('access_token' in request.params))).toBe(true)
  })

  it('publishes a link post with the link field', async () => {
    await facebookAdapter.publish(post({ link: 'https://badil.ma/peines-alternatives' }), account, context)

    expect(requestsTo('POST', /\/feed$/)[0].params.link).toBe('https://badil.ma/peines-alternatives')
    expect(fake.state.feedPosts[0].link).toBe('https://badil.ma/peines-alternatives')
  })

  it('uploads one photo as multipart source with the caption, then reads its permalink', async () => {
    const result = await facebookAdapter.publish(post({ media: [media('image', 'affiche.jpg')] }), account, context)

    const [upload] = requestsTo('POST', /\/photos$/)
    expect(upload.contentType).toMatch(/^multipart\/form-data/)
    expect(upload.files.source).toMatchObject({ filename: 'affiche.jpg', type: 'image/jpeg', size: 4 })
    expect(upload.params).toMatchObject({ message: post().text, published: 'true' })
    expect(result.remoteId).toBe(fake.state.feedPosts[0].id)
    expect(requestsTo('GET', new RegExp(`^/${result.remoteId}$`))[0].params.fields).toBe('permalink_url')
    expect(result.permalink).toBe(fake.state.feedPosts[0].permalink)
  })

  it('publishes several photos as unpublished uploads attached to one feed post', async () => {
    const photos = [media('image', 'un.jpg'), media('image', 'deux.jpg'), media('image', 'trois.jpg')]
    const result = await facebookAdapter.publish(post({ media: photos, link: 'https://badil.ma' }), account, context)

    const uploads = requestsTo('POST', /\/photos$/)
    expect(uploads.map((upload) => upload.params.published)).toEqual(['false', 'false', 'false'])
    expect(uploads.every((upload) => upload.params.message === undefined)).toBe(true)
    expect(fake.state.feedPosts).toHaveLength(1)
    expect(fake.state.feedPosts[0].attachedMedia).toEqual([...fake.state.photos.keys()])
    const [feed] = requestsTo('POST', /\/feed$/)
    expect(JSON.parse(feed.params.attached_media)).toEqual([...fake.state.photos.keys()].map((id) => ({ media_fbid: id })))
    expect(feed.params.link).toBeUndefined()
    expect(result.remoteId).toBe(fake.state.feedPosts[0].id)
  })

  it('uploads a small video with description and title and returns an absolute permalink', async () => {
    const result = await facebookAdapter.publish(post({ media: [media('video', 'temoignage.mp4')], title: 'Témoignage' }), account, context)

    const [upload] = requestsTo('POST', /\/videos$/)
    expect(upload.files.source).toMatchObject({ filename: 'temoignage.mp4', type: 'video/mp4' })
    expect(upload.params).toMatchObject({ description: post().text, title: 'Témoignage' })
    expect(result.remoteId).toBe(fake.state.videos[0].id)
    expect(result.permalink).toBe(`https://www.facebook.com/${FAKE_PAGE_ID}/videos/${result.remoteId}/`)
  })

  it('refuses a video above the simple upload limit before sending anything', async () => {
    const big = media('video', 'long.mp4', { sizeBytes: FACEBOOK_SIMPLE_VIDEO_UPLOAD_MAX_BYTES + 1 })
    const error = await networkFailure(facebookAdapter.publish(post({ media: [big] }), account, context))

    expect(error.kind).toBe('permanent')
    expect(error.reason.ar).toBeTruthy()
    expect(fake.state.requests).toHaveLength(0)
  })

  it('posts the first comment under the new post', async () => {
    const result = await facebookAdapter.publish(post({ firstComment: 'Plus d’infos : https://badil.ma' }), account, context)

    expect(result.warnings).toBeUndefined()
    const [comment] = [...fake.state.comments.values()]
    expect(comment).toMatchObject({ parentId: result.remoteId, message: 'Plus d’infos : https://badil.ma' })
  })

  it('keeps the publish when the first comment fails, with a warning', async () => {
    fake.failNext({ status: 500, error: { code: 2, message: 'Service temporarily unavailable', is_transient: true }, match: { path: /\/comments$/ } })
    const result = await facebookAdapter.publish(post({ firstComment: 'Lien en commentaire' }), account, context)

    expect(result.remoteId).toBe(fake.state.feedPosts[0].id)
    expect(result.warnings).toEqual([expect.objectContaining({ en: expect.stringMatching(/^The post is published, but its first comment was not posted: /) })])
  })
})

describe('facebook error classes', () => {
  it.each([
    ['code 2 transient', 500, { code: 2, message: 'Service temporarily unavailable', is_transient: true }],
    ['code 1 unknown', 400, { code: 1, message: 'An unknown error occurred' }],
    ['is_transient', 400, { code: 100, message: 'Temporary', is_transient: true }],
    ['bare 503', 503, undefined],
  ])('%s → retryable, nothing stored', async (_label, status, error) => {
    fake.failNext({ status, error })
    const caught = await networkFailure(facebookAdapter.publish(post(), account, context))

    expect(caught.kind).toBe('retryable')
    expect(fake.state.feedPosts).toHaveLength(0)
  })

  it.each([4, 17, 32, 613])('code %i → rate_limited with a retryAt', async (code) => {
    fake.failNext({ status: 400, error: { code, message: `(#${code}) Rate limit reached` } })
    const before = Date.now()
    const caught = await networkFailure(facebookAdapter.publish(post(), account, context))

    expect(caught.kind).toBe('rate_limited')
    expect(caught.retryAt!.getTime()).toBeGreaterThan(before)
  })

  it('BUC throttling waits for estimated_time_to_regain_access minutes', async () => {
    const usage = { [FAKE_PAGE_ID]: [{ type: 'pages', call_count: 100, total_cputime: 12, total_time: 9, estimated_time_to_regain_access: 20 }] }
    fake.failNext({
      status: 400,
      error: { code: 80001, message: 'There have been too many calls to this Page account' },
      headers: { 'X-Business-Use-Case-Usage': JSON.stringify(usage) },
    })
    const before = Date.now()
    const caught = await networkFailure(facebookAdapter.publish(post(), account, context))

    expect(caught.kind).toBe('rate_limited')
    expect(caught.retryAt!.getTime() - before).toBeGreaterThanOrEqual(20 * 60_000 - 1_000)
    expect(caught.retryAt!.getTime() - before).toBeLessThanOrEqual(20 * 60_000 + 5_000)
  })

  it('an exhausted X-App-Usage header turns an otherwise transient error into rate_limited', async () => {
    fake.failNext({
      status: 400,
      error: { code: 1, message: 'Please reduce the amount of data' },
      headers: { 'X-App-Usage': JSON.stringify({ call_count: 100, total_cputime: 40, total_time: 35 }), 'Retry-After': '120' },
    })
    const before = Date.now()
    const caught = await networkFailure(facebookAdapter.publish(post(), account, context))

    expect(caught.kind).toBe('rate_limited')
    expect(caught.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 120_000 - 1_000)
  })

  it('an expired token (190/463) → auth, with a localized reason', async () => {
    fake.state.expiredTokens.add(FAKE_TOKEN)
    const caught = await networkFailure(facebookAdapter.publish(post(), account, context))

    expect(caught.kind).toBe('auth')
    expect(caught.code).toBe('190/463')
    expect(caught.reason.fr).toMatch(/reconnectez/)
    expect(fake.state.feedPosts).toHaveLength(0)
  })

  it('a missing permission (code 200) → auth', async () => {
    fake.failNext({ status: 403, error: { code: 200, message: '(#200) Requires pages_manage_posts permission' } })
    expect((await networkFailure(facebookAdapter.publish(post(), account, context))).kind).toBe('auth')
  })

  it('a duplicate text (code 506) → permanent', async () => {
    await facebookAdapter.publish(post(), account, context)
    const caught = await networkFailure(facebookAdapter.publish(post(), account, context))

    expect(caught.kind).toBe('permanent')
    expect(caught.code).toBe('506')
    expect(fake.state.feedPosts).toHaveLength(1)
  })
})

describe('facebook unknown outcome and lookup', () => {
  it('a timeout after the feed post was stored → outcome_unknown, then lookup finds the one post', async () => {
    fake.delayNext({ ms: 'forever', match: { method: 'POST', path: /\/feed$/ } })
    const caught = await networkFailure(facebookAdapter.publish(post(), account, hangingContext()))
    expect(caught.kind).toBe('outcome_unknown')

    const found = await facebookAdapter.lookup(post(), account, context)
    expect(found).toEqual({ status: 'found', remoteId: fake.state.feedPosts[0].id, permalink: fake.state.feedPosts[0].permalink })
    expect(fake.state.feedPosts).toHaveLength(1)
    const [listing] = requestsTo('GET', /\/posts$/)
    expect(listing.params.fields).toBe('id,message,created_time,permalink_url')
  })

  it('a timeout after a photo post was stored is found through the page posts', async () => {
    fake.delayNext({ ms: 2_000, match: { method: 'POST', path: /\/photos$/ } })
    const request = post({ media: [media('image', 'affiche.jpg')] })
    expect((await networkFailure(facebookAdapter.publish(request, account, hangingContext()))).kind).toBe('outcome_unknown')

    const found = await facebookAdapter.lookup(request, account, context)
    expect(found).toMatchObject({ status: 'found', remoteId: fake.state.feedPosts[0].id })
    expect(fake.state.feedPosts).toHaveLength(1)
  })

  it('a timeout after a video was stored is found through the page videos', async () => {
    fake.delayNext({ ms: 'forever', match: { method: 'POST', path: /\/videos$/ } })
    const request = post({ media: [media('video', 'clip.mp4')] })
    expect((await networkFailure(facebookAdapter.publish(request, account, hangingContext()))).kind).toBe('outcome_unknown')

    const found = await facebookAdapter.lookup(request, account, context)
    expect(found).toMatchObject({ status: 'found', remoteId: fake.state.videos[0].id })
    expect(fake.state.videos).toHaveLength(1)
  })

  it('a lost answer on an invisible unpublished photo upload is retryable, not unknown', async () => {
    fake.delayNext({ ms: 'forever', match: { method: 'POST', path: /\/photos$/ } })
    const request = post({ media: [media('image', 'un.jpg'), media('image', 'deux.jpg')] })
    expect((await networkFailure(facebookAdapter.publish(request, account, hangingContext()))).kind).toBe('retryable')
    expect(fake.state.feedPosts).toHaveLength(0)
  })

  it('lookup reports not_found for other texts and for matching posts older than the window', async () => {
    await facebookAdapter.publish(post({ text: 'Un autre message' }), account, context)
    fake.state.feedPosts.push({
      id: `${FAKE_PAGE_ID}_1`,
      message: post().text,
      link: null,
      attachedMedia: [],
      createdTime: '2020-01-01T00:00:00+0000',
      permalink: 'https://www.facebook.com/old',
    })

    expect(await facebookAdapter.lookup(post(), account, context)).toEqual({ status: 'not_found' })
  })
})

describe('facebook metrics', () => {
  it('reads post insights, sums typed values, and gives null for missing or refused metrics', async () => {
    const { remoteId } = await facebookAdapter.publish(post(), account, context)
    fake.state.insights.set(remoteId, { post_media_view: 1_250, post_reactions_by_type_total: { like: 30, love: 4, wow: 1 } })
    fake.state.retiredMetrics.add('post_total_media_view_unique')

    const snapshot = await facebookAdapter.fetchMetrics(remoteId, account, context)

    expect(snapshot.remoteId).toBe(remoteId)
    expect(snapshot.values).toEqual({
      post_media_view: 1_250,
      post_total_media_view_unique: null,
      post_reactions_by_type_total: 35,
      post_clicks: null,
    })
    // The whole request failed on the retired metric, then each metric was asked alone.
    expect(requestsTo('GET', /\/insights$/)).toHaveLength(5)
  })

  it('reads video insights from the video_insights edge', async () => {
    const { remoteId } = await facebookAdapter.publish(post({ media: [media('video', 'clip.mp4')] }), account, context)
    fake.state.insights.set(remoteId, { total_video_views: 321 })

    const snapshot = await facebookAdapter.fetchMetrics(remoteId, account, context)

    expect(snapshot.values).toEqual({ total_video_views: 321, total_video_impressions: null, post_video_avg_time_watched: null })
    expect(requestsTo('GET', /\/video_insights$/)).toHaveLength(1)
  })

  it('an expired token while reading metrics → auth', async () => {
    const { remoteId } = await facebookAdapter.publish(post(), account, context)
    fake.state.expiredTokens.add(FAKE_TOKEN)
    expect((await networkFailure(facebookAdapter.fetchMetrics(remoteId, account, context))).kind).toBe('auth')
  })
})

describe('facebook account metrics', () => {
  const fixedNow = new Date('2026-03-02T10:00:00Z')
  const atFixedTime = (): AdapterContext => ({ ...context, now: () => fixedNow })

  it('reads the Page counters and the latest 28-day reach, at the context’s time', async () => {
    fake.state.accountFigures.page = { followers_count: 15_020, fan_count: 14_310 }
    fake.state.accountInsights.page.page_total_media_view_unique = { days_28: [40_100, 43_870] }

    const snapshot = await facebookAdapter.fetchAccountMetrics(account, atFixedTime())

    expect(snapshot).toEqual({
      fetchedAt: fixedNow.toISOString(),
      values: { followers_count: 15_020, fan_count: 14_310, page_total_media_view_unique_28d: 43_870 },
    })
    expect(requestsTo('GET', new RegExp(`^/${FAKE_PAGE_ID}$`))[0].params).toEqual({ fields: 'followers_count,fan_count' })
    const [insights] = requestsTo('GET', new RegExp(`^/${FAKE_PAGE_ID}/insights$`))
    expect(insights.params).toEqual({ metric: 'page_total_media_view_unique', period: 'days_28' })
    expect(fake.state.requests.every((request) => request.token === FAKE_TOKEN && !('access_token' in request.params))).toBe(true)
  })

  it.each([
    ['retired', (): AdapterContext => (fake.state.retiredMetrics.add('page_total_media_view_unique'), context)],
    ['not served before v23.0', (): AdapterContext => ({ ...context, baseUrl: fake.baseUrl.replace(/v23\.0$/, 'v21.0') })],
  ])('a reach metric refused with (#100) (%s) stays null while the counters still come', async (_label, contextFor) => {
    const snapshot = await facebookAdapter.fetchAccountMetrics(account, contextFor())

    expect(snapshot.values).toEqual({ followers_count: 12_480, fan_count: 11_905, page_total_media_view_unique_28d: null })
  })

  it('a figure Meta does not give is null, never 0', async () => {
    fake.state.accountFigures.page.fan_count = null
    fake.state.accountInsights.page = {}

    const snapshot = await facebookAdapter.fetchAccountMetrics(account, context)

    expect(snapshot.values).toEqual({ followers_count: 12_480, fan_count: null, page_total_media_view_unique_28d: null })
  })

  it('an expired token → auth, as for post metrics', async () => {
    fake.state.expiredTokens.add(FAKE_TOKEN)
    const caught = await networkFailure(facebookAdapter.fetchAccountMetrics(account, context))

    expect(caught.kind).toBe('auth')
    expect(caught.code).toBe('190/463')
  })

  it('a user token, refused on Page insights, → auth rather than a null reach', async () => {
    const caught = await networkFailure(facebookAdapter.fetchAccountMetrics({ ...account, accessToken: FAKE_USER_TOKEN }, context))

    expect(caught.kind).toBe('auth')
    expect(caught.code).toBe('190')
  })

  it.each([
    ['a transient 500 on the Page read', 'retryable', /^\/\d+$/, 500, { code: 2, message: 'Service temporarily unavailable', is_transient: true }],
    ['a transient 500 on the insights read', 'retryable', /\/insights$/, 500, { code: 2, message: 'Service temporarily unavailable', is_transient: true }],
    ['a Page rate limit (32) on the insights read', 'rate_limited', /\/insights$/, 400, { code: 32, message: '(#32) Page request limit reached' }],
    ['a missing permission (200) on the insights read', 'auth', /\/insights$/, 403, { code: 200, message: '(#200) Requires read_insights permission' }],
  ])('%s → %s, as for post metrics (no partial snapshot)', async (_label, kind, path, status, error) => {
    fake.failNext({ status, error, match: { method: 'GET', path } })
    expect((await networkFailure(facebookAdapter.fetchAccountMetrics(account, context))).kind).toBe(kind)
  })
})

describe('facebook moderation', () => {
  let commentId: string

  beforeEach(async () => {
    const { remoteId } = await facebookAdapter.publish(post(), account, context)
    commentId = fake.addComment('facebook', remoteId, 'Commentaire insultant')
  })

  it('hides and unhides with is_hidden on the comment node', async () => {
    await facebookAdapter.moderate(commentId, { action: 'hide' }, account, context)
    expect(fake.state.comments.get(commentId)!.hidden).toBe(true)
    await facebookAdapter.moderate(commentId, { action: 'unhide' }, account, context)
    expect(fake.state.comments.get(commentId)!.hidden).toBe(false)

    expect(requestsTo('POST', new RegExp(`^/${commentId}$`)).map((request) => request.params)).toEqual([{ is_hidden: 'true' }, { is_hidden: 'false' }])
  })

  it('deletes with DELETE, and a second delete of a gone comment is not an error', async () => {
    await facebookAdapter.moderate(commentId, { action: 'delete' }, account, context)
    expect(fake.state.comments.get(commentId)!.deleted).toBe(true)
    await expect(facebookAdapter.moderate(commentId, { action: 'delete' }, account, context)).resolves.toBeUndefined()
    expect(requestsTo('DELETE', new RegExp(`^/${commentId}$`))).toHaveLength(2)
  })

  it('replies through the comment’s comments edge', async () => {
    await facebookAdapter.moderate(commentId, { action: 'reply', text: 'Merci, voici les faits : https://badil.ma' }, account, context)

    const [reply] = requestsTo('POST', new RegExp(`^/${commentId}/comments$`))
    expect(reply.params).toEqual({ message: 'Merci, voici les faits : https://badil.ma' })
    expect([...fake.state.comments.values()].some((comment) => comment.parentId === commentId)).toBe(true)
  })

  it('moderating an unknown comment → permanent', async () => {
    expect((await networkFailure(facebookAdapter.moderate('1_2', { action: 'hide' }, account, context))).kind).toBe('permanent')
  })
})
