import type { AdapterContext, AccountCredentials, PublishRequest } from '../../plugins/campaign-ops/networks/types'
import { xAdapter, xMaxProcessingPolls, xUploadChunkBytes } from '../../plugins/campaign-ops/networks/x/adapter'
import { answeredTimeoutMs, mediaOfSize, networkFailure, recordingContext, requestsMatching, unansweredTimeoutMs } from './adapter-test-kit'
import { startXFake } from './fakes/x-fake'
import type { XFake } from './fakes/x-fake'

const fixedNow = new Date('2026-03-01T10:00:00Z')
const nowSeconds = fixedNow.getTime() / 1000

let fake: XFake
let sleeps: number[]
let context: AdapterContext
let account: AccountCredentials

beforeEach(async () => {
  fake = await startXFake()
  sleeps = []
  context = recordingContext({ baseUrl: fake.baseUrl, uploadBaseUrl: fake.baseUrl, now: fixedNow, sleeps })
  account = { accountId: fake.userId, accessToken: fake.token }
})

afterEach(async () => {
  await fake.close()
})

function post(text: string, extra: Partial<PublishRequest> = {}): PublishRequest {
  return { variantId: 'variant-1', platform: 'x', text, media: [], idempotencyKey: 'variant-1:x', ...extra }
}

const requestsTo = (method: string, path: string | RegExp) => requestsMatching(fake.requests, method, path)

describe('X adapter: publishing', () => {
  it('publishes a text post with the bearer token and returns its id and permalink', async () => {
    const result = await xAdapter.publish(post('Les peines alternatives protègent la société. البدائل تحمي المجتمع.'), account, context)

    expect(fake.posts).toHaveLength(1)
    const stored = fake.posts[0]!
    expect(result).toEqual({ remoteId: stored.id, permalink: `https://x.com/i/web/status/${stored.id}` })
    // Ids beyond 2^53 stay exact strings.
    expect(BigInt(result.remoteId)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER))
    const [call] = requestsTo('POST', '/2/tweets')
    expect(call?.headers.authorization).toBe(`Bearer ${fake.token}`)
    expect(call?.json).toEqual({ text: 'Les peines alternatives protègent la société. البدائل تحمي المجتمع.' })
  })

  it('uploads images with the simple upload, sets alt text, and attaches the ids in order', async () => {
    const media = [mediaOfSize('image', 'image/jpeg', 3000, 'Affiche de la campagne'), mediaOfSize('image', 'image/png', 2000)]

    await xAdapter.publish(post('Deux images', { media }), account, context)

    const uploads = requestsTo('POST', '/2/media/upload')
    expect(uploads.map((upload) => upload.form)).toEqual([
      { media: { filename: 'image-3000', size: 3000, type: 'image/jpeg' }, media_category: 'tweet_image' },
      { media: { filename: 'image-2000', size: 2000, type: 'image/png' }, media_category: 'tweet_image' },
    ])
    const mediaIds = [...fake.media.keys()]
    expect(requestsTo('POST', '/2/media/metadata').map((call) => call.json)).toEqual([
      { id: mediaIds[0], metadata: { alt_text: { text: 'Affiche de la campagne' } } },
    ])
    expect(fake.posts[0]?.mediaIds).toEqual(mediaIds)
  })

  it('uploads a video in chunks on the v2 paths and waits for processing before posting', async () => {
    fake.processVideosAfter(3)
    const size = xUploadChunkBytes * 2 + 100
    const video = mediaOfSize('video', 'video/mp4', size, 'not sent for video')

    const result = await xAdapter.publish(post('Une vidéo', { media: [video] }), account, context)

    const [init] = requestsTo('POST', '/2/media/upload/initialize')
    expect(init?.json).toEqual({ media_type: 'video/mp4', total_bytes: size, media_category: 'tweet_video' })
    const mediaId = [...fake.media.keys()][0]!
    const appends = requestsTo('POST', `/2/media/upload/${mediaId}/append`)
    expect(appends.map((append) => append.form?.segment_index)).toEqual(['0', '1', '2'])
    expect(appends.map((append) => (append.form?.media as { size: number }).size)).toEqual([xUploadChunkBytes, xUploadChunkBytes, 100])
    expect(requestsTo('POST', `/2/media/upload/${mediaId}/finalize`)).toHaveLength(1)
    const polls = requestsTo('GET', '/2/media/upload')
    expect(polls).toHaveLength(4)
    expect(polls.every((poll) => poll.query.get('command') === 'STATUS' && poll.query.get('media_id') === mediaId)).toBe(true)
    // Each wait follows check_after_secs (1 s after FINALIZE, then 2 s).
    expect(sleeps).toEqual([1000, 2000, 2000, 2000])
    // The post comes only after processing succeeded (the fake refuses unprocessed media).
    expect(fake.posts[0]?.mediaIds).toEqual([mediaId])
    expect(result.remoteId).toBe(fake.posts[0]?.id)
    expect(requestsTo('POST', '/2/media/metadata')).toHaveLength(0)
    // The retired flows are never used.
    expect(fake.requests.some((request) => request.query.get('command') === 'INIT' || request.path.startsWith('/1.1/'))).toBe(false)
  })

  it('uploads a GIF through the chunked flow as tweet_gif', async () => {
    await xAdapter.publish(post('Un GIF', { media: [mediaOfSize('image', 'image/gif', 5000, 'Animation')] }), account, context)

    expect(requestsTo('POST', '/2/media/upload/initialize')[0]?.json).toMatchObject({
      media_type: 'image/gif',
      media_category: 'tweet_gif',
    })
    expect(requestsTo('POST', '/2/media/metadata')).toHaveLength(1)
    expect(fake.posts).toHaveLength(1)
  })

  it('fails permanently when X cannot process the video, without posting', async () => {
    fake.processVideosAfter(1, 'failed')

    const error = await networkFailure(xAdapter.publish(post('Vidéo abîmée', { media: [mediaOfSize('video', 'video/mp4', 1000)] }), account, context))

    expect(error).toMatchObject({ kind: 'permanent', code: 'media_processing_failed' })
    expect(error.reason.en).toContain('Unsupported video codec')
    expect(fake.posts).toHaveLength(0)
  })

  it('stops waiting after a bounded number of status polls, as retryable', async () => {
    fake.processVideosAfter(xMaxProcessingPolls + 10)

    const error = await networkFailure(xAdapter.publish(post('Vidéo lente', { media: [mediaOfSize('video', 'video/mp4', 1000)] }), account, context))

    expect(error).toMatchObject({ kind: 'retryable', code: 'media_processing_timeout' })
    expect(requestsTo('GET', '/2/media/upload')).toHaveLength(xMaxProcessingPolls)
    expect(fake.posts).toHaveLength(0)
  })

  it('refuses media combinations X does not take before any request', async () => {
    const media = [mediaOfSize('image', 'image/jpeg', 100), mediaOfSize('video', 'video/mp4', 100)]

    const error = await networkFailure(xAdapter.publish(post('Mélange', { media }), account, context))

    expect(error).toMatchObject({ kind: 'permanent', code: 'media_mix' })
    expect(fake.requests).toHaveLength(0)
  })

  it('posts the first comment as a reply to the new post', async () => {
    const result = await xAdapter.publish(post('Avec un premier commentaire', { firstComment: 'Plus d’infos : https://badil.ma' }), account, context)

    expect(fake.posts[1]).toMatchObject({ text: 'Plus d’infos : https://badil.ma', replyTo: result.remoteId })
    expect(result.warnings).toBeUndefined()
  })

  it('keeps the post when the first reply fails, with a warning in each language', async () => {
    fake.failNext(
      1,
      {
        method: 'POST',
        path: '/2/tweets',
        status: 503,
        body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 },
      },
      { afterMatching: 1 },
    )
    const result = await xAdapter.publish(post('Le post passe', { firstComment: 'La réponse échoue' }), account, context)

    expect(fake.posts).toHaveLength(1)
    expect(fake.posts[0]).toMatchObject({ id: result.remoteId, text: 'Le post passe' })
    expect(result.warnings).toEqual([
      {
        en: expect.stringMatching(/^The post is published, but its first comment was not posted: /),
        fr: expect.stringMatching(/^La publication est en ligne, mais son premier commentaire n’a pas été posté : /),
        ar: expect.stringMatching(/^نُشر المنشور، لكن تعليقه الأول لم يُنشر: /),
      },
    ])
  })
})

describe('X adapter: errors', () => {
  it('maps a 429 on the 15-minute window to rate_limited until x-rate-limit-reset', async () => {
    const reset = nowSeconds + 600
    fake.failNext(1, {
      method: 'POST',
      path: '/2/tweets',
      status: 429,
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
    })

    const error = await networkFailure(xAdapter.publish(post('Trop tôt'), account, context))

    expect(error.kind).toBe('rate_limited')
    expect(error.retryAt).toEqual(new Date(reset * 1000))
    expect(error.reason.ar).toMatch(/X/)
  })

  it('waits for the 24-hour user cap when that is the exhausted one', async () => {
    const windowReset = nowSeconds + 300
    const dailyReset = nowSeconds + 40_000
    fake.failNext(1, {
      method: 'POST',
      path: '/2/tweets',
      status: 429,
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      headers: {
        'x-rate-limit-remaining': '12',
        'x-rate-limit-reset': String(windowReset),
        'x-user-limit-24hour-limit': '100',
        'x-user-limit-24hour-remaining': '0',
        'x-user-limit-24hour-reset': String(dailyReset),
      },
    })

    const error = await networkFailure(xAdapter.publish(post('Quota du jour'), account, context))

    expect(error).toMatchObject({ kind: 'rate_limited', retryAt: new Date(dailyReset * 1000) })
  })

  it('maps an expired token to auth', async () => {
    fake.expireToken()

    const error = await networkFailure(xAdapter.publish(post('Jeton expiré'), account, context))

    expect(error).toMatchObject({ kind: 'auth', status: 401 })
    expect(fake.posts).toHaveLength(0)
  })

  it('maps a duplicate to permanent with the duplicate code', async () => {
    await xAdapter.publish(post('Texte identique'), account, context)

    const error = await networkFailure(xAdapter.publish(post('Texte identique'), account, context))

    expect(error).toMatchObject({ kind: 'permanent', status: 403, code: 'duplicate' })
    expect(fake.livePosts()).toHaveLength(1)
  })

  it('maps an invalid request to permanent with X’s message in the reason', async () => {
    fake.failNext(1, {
      method: 'POST',
      path: '/2/tweets',
      status: 400,
      body: {
        title: 'Invalid Request',
        detail: 'Text is too long.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      },
    })

    const error = await networkFailure(xAdapter.publish(post('Trop long'), account, context))

    expect(error).toMatchObject({ kind: 'permanent', status: 400 })
    expect(error.reason.fr).toContain('Text is too long.')
  })

  it('maps 5xx to retryable, and the next attempt publishes once', async () => {
    fake.failNext(1, {
      method: 'POST',
      path: '/2/tweets',
      status: 503,
      body: { title: 'Service Unavailable', status: 503 },
    })

    await expect(networkFailure(xAdapter.publish(post('Réessai'), account, context))).resolves.toMatchObject({
      kind: 'retryable',
      status: 503,
    })
    await xAdapter.publish(post('Réessai'), account, context)

    expect(fake.livePosts()).toHaveLength(1)
  })

  it('treats a lost answer during an upload as retryable, nothing being public yet', async () => {
    fake.failNext(1, { method: 'POST', path: '/2/media/upload', status: 500, body: { title: 'Internal Error' } })

    const error = await networkFailure(xAdapter.publish(post('Image', { media: [mediaOfSize('image', 'image/jpeg', 100)] }), account, context))

    expect(error.kind).toBe('retryable')
    expect(fake.posts).toHaveLength(0)
  })
})

describe('X adapter: weighted length, the app’s check against the fake’s', () => {
  // The fake weighs posts from the reference (twitter-text v3), independently of the library the
  // app validates with: each text weighs exactly 280, and one character more must be refused by both.
  const link = `https://badil.ma/loi-43-22?${'utm_source=x&'.repeat(10)}id=1`
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
  const atLimit: Array<[string, string]> = [
    ['Latin', 'a'.repeat(280)],
    ['Arabic (weighs 1)', 'ب'.repeat(280)],
    ['CJK (weighs 2)', '中'.repeat(140)],
    ['a long link (weighs 23)', `${link} ${'a'.repeat(256)}`],
    ['links without scheme', `www.badil.ma badil.ma/loi ${'a'.repeat(232)}`],
    ['emoji sequences (weigh 2 each)', family.repeat(140)],
    ['decomposed accents (NFC)', 'e\u0301'.repeat(280)],
    ['a campaign post mixing them', `Réparer plutôt qu’enfermer — البدائل تحمي المجتمع \u{1F1F2}\u{1F1E6} ${link} #Badil ${'a'.repeat(196)}`],
  ]
  const tooLong = (issues: ReturnType<typeof xAdapter.validate>) => issues.filter((issue) => issue.code === 'text.too_long')

  it.each(atLimit)('at 280 weighted characters (%s), a post passes the app’s check and the fake', async (_case, text) => {
    expect(tooLong(xAdapter.validate(post(text)))).toEqual([])

    const result = await xAdapter.publish(post(text), account, context)

    expect(fake.posts.map((stored) => stored.id)).toEqual([result.remoteId])
  })

  it.each(atLimit)('one weighted character more (%s), a post is refused by the app’s check and by the fake (400, permanent)', async (_case, text) => {
    const over = `${text}a`
    expect(tooLong(xAdapter.validate(post(over)))).toHaveLength(1)

    const error = await networkFailure(xAdapter.publish(post(over), account, context))

    expect(error).toMatchObject({ kind: 'permanent', status: 400 })
    expect(error.reason.en).toContain('Your Tweet text is too long.')
    expect(fake.posts).toHaveLength(0)
  })
})

describe('X adapter: unknown outcome and lookup', () => {
  it('reports outcome_unknown when the post was stored but no answer came, and lookup finds it', async () => {
    fake.hangAfterNextPost()
    context.timeoutMs = unansweredTimeoutMs
    const request = post('Peines alternatives & réinsertion : https://badil.ma/loi-43-22 #Badil', {
      media: [mediaOfSize('image', 'image/jpeg', 500)],
    })

    const error = await networkFailure(xAdapter.publish(request, account, context))
    expect(error).toMatchObject({ kind: 'outcome_unknown', code: 'timeout' })

    context.timeoutMs = answeredTimeoutMs
    const found = await xAdapter.lookup(request, account, context)

    expect(fake.posts).toHaveLength(1)
    const stored = fake.posts[0]!
    expect(found).toEqual({
      status: 'found',
      remoteId: stored.id,
      permalink: `https://x.com/i/web/status/${stored.id}`,
    })
    const [timeline] = requestsTo('GET', `/2/users/${fake.userId}/tweets`)
    expect(timeline?.headers.authorization).toBe(`Bearer ${fake.token}`)
  })

  it('answers not_found when no recent post has the exact text', async () => {
    await xAdapter.publish(post('Un autre texte'), account, context)
    await xAdapter.publish(post('Un texte presque identique.'), account, context)

    await expect(xAdapter.lookup(post('Un texte presque identique'), account, context)).resolves.toEqual({
      status: 'not_found',
    })
  })

  it('answers not_found on an empty timeline', async () => {
    await expect(xAdapter.lookup(post('Rien encore'), account, context)).resolves.toEqual({ status: 'not_found' })
  })
})

describe('X adapter: metrics', () => {
  it('reads public and non-public metrics, a missing value staying null', async () => {
    const { remoteId } = await xAdapter.publish(post('Mesures'), account, context)
    fake.metrics.set(remoteId, {
      public_metrics: { retweet_count: 4, reply_count: 2, like_count: 30, quote_count: 1, impression_count: 900 },
      non_public_metrics: { impression_count: 900, url_link_clicks: 12 },
    })

    const snapshot = await xAdapter.fetchMetrics(remoteId, account, context)

    expect(snapshot).toEqual({
      remoteId,
      fetchedAt: fixedNow.toISOString(),
      values: {
        impression_count: 900,
        like_count: 30,
        retweet_count: 4,
        reply_count: 2,
        quote_count: 1,
        bookmark_count: null,
        url_link_clicks: 12,
        user_profile_clicks: null,
      },
    })
    expect(requestsTo('GET', '/2/tweets')[0]?.query.get('tweet.fields')).toBe('public_metrics,non_public_metrics,organic_metrics')
  })

  it('falls back to public metrics when private ones are refused (posts over 30 days)', async () => {
    const { remoteId } = await xAdapter.publish(post('Ancien'), account, context)
    fake.metrics.set(remoteId, {
      public_metrics: { like_count: 3, impression_count: 50 },
      non_public_metrics: { url_link_clicks: 1 },
      privateUnavailable: true,
    })

    const snapshot = await xAdapter.fetchMetrics(remoteId, account, context)

    expect(requestsTo('GET', '/2/tweets').map((call) => call.query.get('tweet.fields'))).toEqual([
      'public_metrics,non_public_metrics,organic_metrics',
      'public_metrics',
    ])
    expect(snapshot.values).toMatchObject({
      like_count: 3,
      impression_count: 50,
      url_link_clicks: null,
      user_profile_clicks: null,
    })
  })

  it('fails permanently for a post X does not know', async () => {
    await expect(networkFailure(xAdapter.fetchMetrics('1', account, context))).resolves.toMatchObject({
      kind: 'permanent',
      code: 'not_found',
    })
  })
})

describe('X adapter: account metrics', () => {
  const tooManyRequests = { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }

  it('reads the account’s counts from GET /2/users/me with the user token', async () => {
    fake.setAccountPublicMetrics({ followers_count: 15_200, following_count: 320, tweet_count: 2_500, listed_count: 61, like_count: 4_000 })

    const snapshot = await xAdapter.fetchAccountMetrics(account, context)

    expect(snapshot).toEqual({
      fetchedAt: fixedNow.toISOString(),
      values: { followers_count: 15_200, following_count: 320, tweet_count: 2_500, listed_count: 61 },
    })
    const [call] = requestsTo('GET', '/2/users/me')
    expect(call?.query.get('user.fields')).toBe('public_metrics')
    expect(call?.headers.authorization).toBe(`Bearer ${fake.token}`)
  })

  it('keeps a count X leaves out as null, and a real zero as 0', async () => {
    fake.setAccountPublicMetrics({ followers_count: 0, following_count: 12, tweet_count: 3 })

    const snapshot = await xAdapter.fetchAccountMetrics(account, context)

    expect(snapshot.values).toEqual({ followers_count: 0, following_count: 12, tweet_count: 3, listed_count: null })
  })

  it('maps an expired token to auth, as fetchMetrics does', async () => {
    const { remoteId } = await xAdapter.publish(post('Mesures du compte'), account, context)
    fake.expireToken()

    const postError = await networkFailure(xAdapter.fetchMetrics(remoteId, account, context))
    const accountError = await networkFailure(xAdapter.fetchAccountMetrics(account, context))

    expect(accountError).toMatchObject({ kind: 'auth', status: 401 })
    expect(accountError.kind).toBe(postError.kind)
  })

  it('maps a 429 to rate_limited until the exhausted window’s reset, as fetchMetrics does', async () => {
    const reset = nowSeconds + 600
    const rateLimited = {
      status: 429,
      body: tooManyRequests,
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
    }
    fake.failNext(1, { method: 'GET', path: '/2/tweets', ...rateLimited })
    fake.failNext(1, { method: 'GET', path: '/2/users/me', ...rateLimited })

    const postError = await networkFailure(xAdapter.fetchMetrics('1880028106020515840', account, context))
    const accountError = await networkFailure(xAdapter.fetchAccountMetrics(account, context))

    expect(accountError).toMatchObject({ kind: 'rate_limited', status: 429, retryAt: new Date(reset * 1000) })
    expect({ kind: accountError.kind, retryAt: accountError.retryAt }).toEqual({ kind: postError.kind, retryAt: postError.retryAt })
  })

  it('treats an answer without the user as retryable', async () => {
    fake.failNext(1, { method: 'GET', path: '/2/users/me', status: 200, body: { errors: [{ title: 'Service Unavailable' }] } })

    await expect(networkFailure(xAdapter.fetchAccountMetrics(account, context))).resolves.toMatchObject({ kind: 'retryable' })
  })
})

describe('X adapter: moderation', () => {
  it('hides and unhides a reply with PUT /2/tweets/{id}/hidden', async () => {
    const { remoteId } = await xAdapter.publish(post('Sujet'), account, context)
    const replyId = fake.addForeignReply(remoteId, 'Commentaire insultant')

    await xAdapter.moderate(replyId, { action: 'hide' }, account, context)
    expect(fake.hidden.get(replyId)).toBe(true)
    await xAdapter.moderate(replyId, { action: 'unhide' }, account, context)
    expect(fake.hidden.get(replyId)).toBe(false)

    expect(requestsTo('PUT', `/2/tweets/${replyId}/hidden`).map((call) => call.json)).toEqual([{ hidden: true }, { hidden: false }])
  })

  it('replies with POST /2/tweets and reply.in_reply_to_tweet_id', async () => {
    const { remoteId } = await xAdapter.publish(post('Sujet'), account, context)
    const replyId = fake.addForeignReply(remoteId, 'La prison est la seule solution')

    await xAdapter.moderate(replyId, { action: 'reply', text: 'La loi 43.22 prévoit des peines alternatives.' }, account, context)

    expect(requestsTo('POST', '/2/tweets').at(-1)?.json).toEqual({
      text: 'La loi 43.22 prévoit des peines alternatives.',
      reply: { in_reply_to_tweet_id: replyId },
    })
  })

  it('deletes with DELETE /2/tweets/{id}, an already deleted post counting as done', async () => {
    const { remoteId } = await xAdapter.publish(post('À retirer'), account, context)

    await xAdapter.moderate(remoteId, { action: 'delete' }, account, context)
    await xAdapter.moderate(remoteId, { action: 'delete' }, account, context)

    expect(requestsTo('DELETE', `/2/tweets/${remoteId}`)).toHaveLength(2)
    expect(fake.livePosts()).toHaveLength(0)
  })

  it('maps a refused delete (someone else’s post) to permanent', async () => {
    const { remoteId } = await xAdapter.publish(post('Sujet'), account, context)
    const replyId = fake.addForeignReply(remoteId, 'Réponse d’un tiers')

    await expect(networkFailure(xAdapter.moderate(replyId, { action: 'delete' }, account, context))).resolves.toMatchObject({
      kind: 'permanent',
      status: 403,
    })
  })
})
