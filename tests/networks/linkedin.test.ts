import { escapeLittleText, linkedinAdapter, linkedinMaxProcessingPolls } from '../../plugins/campaign-ops/networks/linkedin/adapter'
import type { AdapterContext, AccountCredentials, PublishRequest } from '../../plugins/campaign-ops/networks/types'
import { answeredTimeoutMs, mediaOfSize, networkFailure, recordingContext, requestsMatching, unansweredTimeoutMs } from './adapter-test-kit'
import { displayedCommentary, startLinkedInFake } from './fakes/linkedin-fake'
import type { LinkedInFake } from './fakes/linkedin-fake'

const fixedNow = new Date('2026-03-01T10:00:00Z')
const partBytes = 4 * 1024 * 1024

let fake: LinkedInFake
let sleeps: number[]
let context: AdapterContext
let account: AccountCredentials

beforeEach(async () => {
  fake = await startLinkedInFake()
  sleeps = []
  context = recordingContext({ baseUrl: fake.baseUrl, now: fixedNow, sleeps })
  account = { accountId: fake.organization, accessToken: fake.token }
})

afterEach(async () => {
  await fake.close()
})

function post(text: string, extra: Partial<PublishRequest> = {}): PublishRequest {
  return {
    variantId: 'variant-1',
    platform: 'linkedin',
    text,
    media: [],
    idempotencyKey: 'variant-1:linkedin',
    ...extra,
  }
}

const requestsTo = (method: string, path: string | RegExp) => requestsMatching(fake.requests, method, path)

const postBody = (commentary: string) => ({
  author: 'urn:li:organization:5515715',
  commentary,
  visibility: 'PUBLIC',
  distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
  lifecycleState: 'PUBLISHED',
  isReshareDisabledByAuthor: false,
})

describe('LinkedIn adapter: publishing', () => {
  it('publishes a text post with the versioned headers; the id comes from x-restli-id', async () => {
    const result = await linkedinAdapter.publish(post('Les peines alternatives réduisent la récidive.'), account, context)

    const stored = fake.posts[0]!
    expect(stored.urn).toMatch(/^urn:li:share:/)
    expect(result).toEqual({ remoteId: stored.urn, permalink: `https://www.linkedin.com/feed/update/${stored.urn}` })
    const [call] = requestsTo('POST', '/rest/posts')
    expect(call?.headers).toMatchObject({
      authorization: `Bearer ${fake.token}`,
      'x-restli-protocol-version': '2.0.0',
      'content-type': 'application/json',
    })
    // Checked against LinkedIn's rule (the fake's), not read back from the adapter's own constant.
    expect(call?.headers['linkedin-version']).toMatch(/^\d{6}$/)
    expect(fake.isActiveVersion(call?.headers['linkedin-version'])).toBe(true)
    expect(call?.json).toEqual(postBody('Les peines alternatives réduisent la récidive.'))
  })

  it('sends on every REST call a LinkedIn-Version that is active today (released, not sunset) and the Rest.li 2.0.0 header', async () => {
    // The fake runs on the real clock: this fails once the adapter's version is about to be sunset.
    const media = [mediaOfSize('image', 'image/png', 100), mediaOfSize('image', 'image/png', 200)]
    const { remoteId } = await linkedinAdapter.publish(post('Deux images et les statistiques', { media }), account, context)
    await linkedinAdapter.fetchMetrics(remoteId, account, context)
    await linkedinAdapter.fetchAccountMetrics(account, context)
    await linkedinAdapter.lookup(post('Jamais publiée'), account, context)

    const restCalls = fake.requests.filter((request) => request.path.startsWith('/rest/'))
    expect(new Set(restCalls.map((call) => `${call.method} ${call.path}`))).toEqual(
      new Set([
        'POST /rest/images',
        'POST /rest/posts',
        'GET /rest/organizationalEntityShareStatistics',
        `GET /rest/networkSizes/${encodeURIComponent(fake.organization)}`,
        'GET /rest/posts',
      ]),
    )
    for (const call of restCalls) {
      expect({ path: call.path, active: fake.isActiveVersion(call.headers['linkedin-version']) }).toEqual({ path: call.path, active: true })
      expect(call.headers['x-restli-protocol-version']).toBe('2.0.0')
    }
  })

  it('escapes little-text reserved characters so LinkedIn does not truncate, keeping hashtags, mentions and links', async () => {
    const text = String.raw`Loi 43.22 (peines alternatives) : 3*2 [note] <b> a_b ~ {x} | \ @équipe #Badil #العدالة_البديلة https://badil.ma/a_b(c) @[Badil](urn:li:organization:5515715) (voir https://badil.ma).`

    await linkedinAdapter.publish(post(text), account, context)

    const stored = fake.posts[0]!
    expect(stored.commentary).toBe(
      String.raw`Loi 43.22 \(peines alternatives\) : 3\*2 \[note\] \<b\> a\_b \~ \{x\} \| \\ \@équipe #Badil #العدالة\_البديلة https://badil.ma/a_b(c) @[Badil](urn:li:organization:5515715) \(voir https://badil.ma\).`,
    )
    expect(stored.displayed).toBe(text)
  })

  it('does not take a # inside a word or a doubled # for a hashtag', () => {
    expect(escapeLittleText('C# et #tag, ##double')).toBe(String.raw`C\# et #tag, \#\#double`)
  })

  it('has a fake that truncates unescaped text as LinkedIn does, so the escaping test means something', () => {
    expect(displayedCommentary('Avant (après)')).toBe('Avant ')
  })

  it('uploads an image (initializeUpload, PUT with the token) and posts it with its alt text', async () => {
    await linkedinAdapter.publish(
      post('Une affiche', { media: [mediaOfSize('image', 'image/png', 4000, 'Affiche : « Réparer plutôt qu’enfermer »')] }),
      account,
      context,
    )

    expect(requestsTo('POST', '/rest/images')[0]?.json).toEqual({
      initializeUploadRequest: { owner: fake.organization },
    })
    expect(requestsTo('POST', '/rest/images')[0]?.query.get('action')).toBe('initializeUpload')
    const [put] = requestsTo('PUT', /^\/dms-uploads\/image\//)
    expect(put?.headers.authorization).toBe(`Bearer ${fake.token}`)
    expect(put?.bodyBytes).toBe(4000)
    const imageUrn = [...fake.assets.keys()][0]
    expect(fake.posts[0]?.body.content).toEqual({
      media: { id: imageUrn, altText: 'Affiche : « Réparer plutôt qu’enfermer »' },
    })
  })

  it('posts several images as multiImage, in order', async () => {
    const media = [
      mediaOfSize('image', 'image/jpeg', 100, 'Premier'),
      mediaOfSize('image', 'image/jpeg', 200),
      mediaOfSize('image', 'image/png', 300, 'Troisième'),
    ]

    await linkedinAdapter.publish(post('Trois images', { media }), account, context)

    const [first, second, third] = [...fake.assets.keys()]
    expect(fake.posts[0]?.body.content).toEqual({
      multiImage: { images: [{ id: first, altText: 'Premier' }, { id: second }, { id: third, altText: 'Troisième' }] },
    })
  })

  it('uploads a video in parts, finalizes with the ETags in order and waits until AVAILABLE', async () => {
    fake.processVideosAfter(2)
    const size = partBytes * 2 + 10

    const result = await linkedinAdapter.publish(post('Une vidéo', { title: 'Témoignage', media: [mediaOfSize('video', 'video/mp4', size)] }), account, context)

    const [init] = requestsTo('POST', '/rest/videos')
    expect(init?.json).toEqual({
      initializeUploadRequest: {
        owner: fake.organization,
        fileSizeBytes: size,
        uploadCaptions: false,
        uploadThumbnail: false,
      },
    })
    const parts = requestsTo('PUT', /^\/dms-uploads\/video\//)
    expect(parts.map((part) => part.bodyBytes)).toEqual([partBytes, partBytes, 10])
    expect(parts.every((part) => part.headers['content-type'] === 'application/octet-stream' && !part.headers.authorization)).toBe(true)
    const videoUrn = [...fake.assets.keys()][0]!
    const asset = fake.assets.get(videoUrn)!
    const finalize = requestsTo('POST', '/rest/videos').find((call) => call.query.get('action') === 'finalizeUpload')
    expect(finalize?.json).toEqual({
      finalizeUploadRequest: {
        video: videoUrn,
        uploadToken: asset.uploadToken,
        uploadedPartIds: asset.parts.map((part) => part.etag),
      },
    })
    expect(requestsTo('GET', `/rest/videos/${encodeURIComponent(videoUrn)}`)).toHaveLength(3)
    expect(sleeps).toHaveLength(2)
    expect(fake.posts[0]?.body.content).toEqual({ media: { id: videoUrn, title: 'Témoignage' } })
    expect(result.remoteId).toMatch(/^urn:li:ugcPost:/)
  })

  it('fails permanently when LinkedIn cannot process the video, without posting', async () => {
    fake.processVideosAfter(1, 'PROCESSING_FAILED')

    const error = await networkFailure(linkedinAdapter.publish(post('Vidéo abîmée', { media: [mediaOfSize('video', 'video/mp4', 1000)] }), account, context))

    expect(error).toMatchObject({ kind: 'permanent', code: 'media_processing_failed' })
    expect(fake.posts).toHaveLength(0)
  })

  it('stops waiting for processing after a bounded number of polls, as retryable', async () => {
    fake.processVideosAfter(linkedinMaxProcessingPolls + 10)

    const error = await networkFailure(linkedinAdapter.publish(post('Vidéo lente', { media: [mediaOfSize('video', 'video/mp4', 1000)] }), account, context))

    expect(error).toMatchObject({ kind: 'retryable', code: 'media_processing_timeout' })
    expect(fake.posts).toHaveLength(0)
  })

  it('posts a PDF as a document with a title', async () => {
    await linkedinAdapter.publish(post('Le guide', { media: [mediaOfSize('pdf', 'application/pdf', 800)] }), account, context)

    expect(requestsTo('POST', '/rest/documents')[0]?.json).toEqual({
      initializeUploadRequest: { owner: fake.organization },
    })
    expect(fake.posts[0]?.body.content).toEqual({ media: { id: [...fake.assets.keys()][0], title: 'pdf-800' } })
  })

  it('refuses mixed media before any request', async () => {
    const error = await networkFailure(
      linkedinAdapter.publish(post('Mélange', { media: [mediaOfSize('image', 'image/png', 10), mediaOfSize('video', 'video/mp4', 10)] }), account, context),
    )

    expect(error).toMatchObject({ kind: 'permanent', code: 'media_mix' })
    expect(fake.requests).toHaveLength(0)
  })

  it('posts the first comment on the new post as the organization', async () => {
    const { remoteId } = await linkedinAdapter.publish(post('Avec commentaire', { firstComment: 'Lire la loi 43.22' }), account, context)

    const [call] = requestsTo('POST', `/rest/socialActions/${encodeURIComponent(remoteId)}/comments`)
    expect(call?.json).toEqual({ actor: fake.organization, object: remoteId, message: { text: 'Lire la loi 43.22' } })
  })
})

describe('LinkedIn adapter: errors', () => {
  it('maps a 429 without headers (daily quota) to rate_limited until the next 00:00 UTC', async () => {
    fake.failNext(1, {
      method: 'POST',
      path: '/rest/posts',
      status: 429,
      body: { status: 429, message: 'Resource level throttle limit for calls to this resource is reached.' },
    })

    const error = await networkFailure(linkedinAdapter.publish(post('Quota'), account, context))

    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAt: new Date('2026-03-02T00:00:00Z') })
    expect(error.reason.fr).toContain('Quota quotidien')
  })

  it('maps a 429 with Retry-After to a short backoff', async () => {
    fake.failNext(1, {
      method: 'POST',
      path: '/rest/posts',
      status: 429,
      body: { status: 429, message: 'Too many requests' },
      headers: { 'retry-after': '30' },
    })

    const error = await networkFailure(linkedinAdapter.publish(post('Rafale'), account, context))

    expect(error).toMatchObject({ kind: 'rate_limited', retryAt: new Date(fixedNow.getTime() + 30_000) })
  })

  it('maps an expired token to auth', async () => {
    fake.expireToken()

    await expect(networkFailure(linkedinAdapter.publish(post('Jeton'), account, context))).resolves.toMatchObject({
      kind: 'auth',
      status: 401,
    })
    expect(fake.posts).toHaveLength(0)
  })

  it('maps 403 to permanent with LinkedIn’s message in the reason', async () => {
    fake.failNext(1, {
      method: 'POST',
      path: '/rest/posts',
      status: 403,
      body: {
        status: 403,
        serviceErrorCode: 100,
        code: 'ACCESS_DENIED',
        message: 'Not enough permissions to access: partnerApiPostsExternal.CREATE',
      },
    })

    const error = await networkFailure(linkedinAdapter.publish(post('Droits'), account, context))

    expect(error).toMatchObject({ kind: 'permanent', status: 403, code: 'ACCESS_DENIED' })
    expect(error.reason.en).toContain('partnerApiPostsExternal.CREATE')
    expect(error.reason.ar).toContain('partnerApiPostsExternal.CREATE')
  })

  it('maps a 422 duplicate to permanent with the duplicate code', async () => {
    await linkedinAdapter.publish(post('Même texte'), account, context)

    const error = await networkFailure(linkedinAdapter.publish(post('Même texte'), account, context))

    expect(error).toMatchObject({ kind: 'permanent', status: 422, code: 'duplicate' })
    expect(fake.livePosts()).toHaveLength(1)
  })

  it('maps an inactive LinkedIn-Version (426) to permanent', async () => {
    fake.failNext(1, {
      path: '/rest/posts',
      status: 426,
      body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202310 is not active' },
    })

    await expect(networkFailure(linkedinAdapter.publish(post('Version'), account, context))).resolves.toMatchObject({
      kind: 'permanent',
      code: 'version_inactive',
    })
  })

  it('maps 5xx to retryable, and the next attempt publishes once', async () => {
    fake.failNext(1, {
      method: 'POST',
      path: '/rest/posts',
      status: 504,
      body: { status: 504, message: 'Gateway Timeout' },
    })

    await expect(networkFailure(linkedinAdapter.publish(post('Réessai'), account, context))).resolves.toMatchObject({
      kind: 'retryable',
      status: 504,
    })
    await linkedinAdapter.publish(post('Réessai'), account, context)

    expect(fake.livePosts()).toHaveLength(1)
  })
})

describe('LinkedIn adapter: unknown outcome and lookup', () => {
  it('reports outcome_unknown when the post was stored but no answer came, and lookup finds it', async () => {
    fake.hangAfterNextPost()
    context.timeoutMs = unansweredTimeoutMs
    const request = post('Réinsertion (et non exclusion) : #Badil https://badil.ma/loi_43-22')

    await expect(networkFailure(linkedinAdapter.publish(request, account, context))).resolves.toMatchObject({
      kind: 'outcome_unknown',
    })
    context.timeoutMs = answeredTimeoutMs
    const found = await linkedinAdapter.lookup(request, account, context)

    expect(fake.posts).toHaveLength(1)
    const stored = fake.posts[0]!
    expect(found).toEqual({
      status: 'found',
      remoteId: stored.urn,
      permalink: `https://www.linkedin.com/feed/update/${stored.urn}`,
    })
    const [finder] = requestsTo('GET', '/rest/posts')
    expect(finder?.rawQuery).toContain(`author=${encodeURIComponent(fake.organization)}`)
    expect(finder?.query.get('q')).toBe('author')
  })

  it('answers not_found when no post has the commentary', async () => {
    await linkedinAdapter.publish(post('Autre publication'), account, context)

    await expect(linkedinAdapter.lookup(post('Jamais publiée'), account, context)).resolves.toEqual({
      status: 'not_found',
    })
  })
})

describe('LinkedIn adapter: metrics', () => {
  it('reads share statistics with Rest.li list syntax, a missing value staying null', async () => {
    const { remoteId } = await linkedinAdapter.publish(post('Statistiques'), account, context)
    fake.statistics.set(remoteId, {
      impressionCount: 1200,
      uniqueImpressionsCount: 800,
      likeCount: 40,
      commentCount: 5,
      shareCount: 3,
      engagement: 0.041,
    })

    const snapshot = await linkedinAdapter.fetchMetrics(remoteId, account, context)

    expect(snapshot).toEqual({
      remoteId,
      fetchedAt: fixedNow.toISOString(),
      values: {
        impressionCount: 1200,
        uniqueImpressionsCount: 800,
        clickCount: null,
        likeCount: 40,
        commentCount: 5,
        shareCount: 3,
        engagement: 0.041,
      },
    })
    const [call] = requestsTo('GET', '/rest/organizationalEntityShareStatistics')
    expect(call?.rawQuery).toContain(`shares=List(${encodeURIComponent(remoteId)})`)
    expect(call?.rawQuery).toContain(`organizationalEntity=${encodeURIComponent(fake.organization)}`)
  })

  it('asks ugcPosts for video posts and answers null everywhere before statistics exist', async () => {
    const { remoteId } = await linkedinAdapter.publish(post('Vidéo', { media: [mediaOfSize('video', 'video/mp4', 100)] }), account, context)

    const snapshot = await linkedinAdapter.fetchMetrics(remoteId, account, context)

    expect(requestsTo('GET', '/rest/organizationalEntityShareStatistics')[0]?.rawQuery).toContain('ugcPosts=List(')
    expect(Object.values(snapshot.values).every((value) => value === null)).toBe(true)
  })
})

describe('LinkedIn adapter: account metrics', () => {
  const networkSizesPath = () => `/rest/networkSizes/${encodeURIComponent(fake.organization)}`

  it('reads the page’s followers from networkSizes as followers_count', async () => {
    fake.setFollowerCount(5_120)

    const snapshot = await linkedinAdapter.fetchAccountMetrics(account, context)

    expect(snapshot).toEqual({ fetchedAt: fixedNow.toISOString(), values: { followers_count: 5_120 } })
    const [call] = requestsTo('GET', networkSizesPath())
    expect(call?.query.get('edgeType')).toBe('COMPANY_FOLLOWED_BY_MEMBER')
    expect(call?.headers.authorization).toBe(`Bearer ${fake.token}`)
  })

  it('takes a bare numeric organization id as the organization URN', async () => {
    const numericAccount = { ...account, accountId: fake.organization.replace('urn:li:organization:', '') }

    await expect(linkedinAdapter.fetchAccountMetrics(numericAccount, context)).resolves.toMatchObject({ values: { followers_count: expect.any(Number) } })
    expect(requestsTo('GET', networkSizesPath())).toHaveLength(1)
  })

  it('keeps the count null when LinkedIn leaves firstDegreeSize out', async () => {
    fake.setFollowerCount(null)

    await expect(linkedinAdapter.fetchAccountMetrics(account, context)).resolves.toEqual({
      fetchedAt: fixedNow.toISOString(),
      values: { followers_count: null },
    })
  })

  it('maps an expired token to auth, as fetchMetrics does', async () => {
    fake.expireToken()

    const postError = await networkFailure(linkedinAdapter.fetchMetrics('urn:li:share:7012000000000000000', account, context))
    const accountError = await networkFailure(linkedinAdapter.fetchAccountMetrics(account, context))

    expect(accountError).toMatchObject({ kind: 'auth', status: 401 })
    expect(accountError.kind).toBe(postError.kind)
  })

  it.each([
    ['without headers (daily quota), until the next 00:00 UTC', {}, new Date('2026-03-02T00:00:00Z')],
    ['with Retry-After, a short backoff', { 'retry-after': '30' }, new Date(fixedNow.getTime() + 30_000)],
  ])('maps a 429 %s, as fetchMetrics does', async (_case, headers: Record<string, string>, retryAt) => {
    const rateLimited = { status: 429, body: { status: 429, message: 'Resource level throttle limit for calls to this resource is reached.' }, headers }
    fake.failNext(1, { method: 'GET', path: '/rest/organizationalEntityShareStatistics', ...rateLimited })
    fake.failNext(1, { method: 'GET', path: networkSizesPath(), ...rateLimited })

    const postError = await networkFailure(linkedinAdapter.fetchMetrics('urn:li:share:7012000000000000000', account, context))
    const accountError = await networkFailure(linkedinAdapter.fetchAccountMetrics(account, context))

    expect(accountError).toMatchObject({ kind: 'rate_limited', status: 429, retryAt })
    expect({ kind: accountError.kind, retryAt: accountError.retryAt }).toEqual({ kind: postError.kind, retryAt: postError.retryAt })
  })
})

describe('LinkedIn adapter: moderation', () => {
  it('refuses hide and unhide as not supported, without calling LinkedIn', async () => {
    const { remoteId } = await linkedinAdapter.publish(post('Sujet'), account, context)
    const commentUrn = fake.addMemberComment(remoteId, 'Commentaire')
    const before = fake.requests.length

    for (const action of ['hide', 'unhide'] as const) {
      const error = await networkFailure(linkedinAdapter.moderate(commentUrn, { action }, account, context))
      expect(error).toMatchObject({ kind: 'permanent', code: 'not_supported' })
      expect(error.reason.fr).toMatch(/masquer/)
      expect(error.reason.ar).toMatch(/إخفاء/)
    }
    expect(fake.requests).toHaveLength(before)
  })

  it('deletes a comment on its post as the organization', async () => {
    const { remoteId } = await linkedinAdapter.publish(post('Sujet'), account, context)
    const commentUrn = fake.addMemberComment(remoteId, 'Propos haineux')

    await linkedinAdapter.moderate(commentUrn, { action: 'delete' }, account, context)
    await linkedinAdapter.moderate(commentUrn, { action: 'delete' }, account, context)

    const stored = fake.comments.find((candidate) => candidate.urn === commentUrn)!
    expect(stored.deleted).toBe(true)
    const [call] = requestsTo('DELETE', /^\/rest\/socialActions\//)
    const commentId = commentUrn.slice(commentUrn.lastIndexOf(',') + 1, -1)
    expect(call?.path).toBe(`/rest/socialActions/${encodeURIComponent(stored.parent)}/comments/${commentId}`)
    expect(call?.query.get('actor')).toBe(fake.organization)
  })

  it('replies to a comment with object and parentComment', async () => {
    const { remoteId } = await linkedinAdapter.publish(post('Sujet'), account, context)
    const commentUrn = fake.addMemberComment(remoteId, 'Et les victimes ?')

    await linkedinAdapter.moderate(commentUrn, { action: 'reply', text: 'La loi prévoit la réparation du préjudice.' }, account, context)

    const reply = fake.comments.find((candidate) => candidate.parentComment === commentUrn)
    expect(reply).toMatchObject({ actor: fake.organization, text: 'La loi prévoit la réparation du préjudice.' })
    const [call] = requestsTo('POST', /^\/rest\/socialActions\/urn%3Ali%3Acomment%3A%28/)
    expect(call?.json).toEqual({
      actor: fake.organization,
      object: fake.comments[0]?.parent,
      parentComment: commentUrn,
      message: { text: 'La loi prévoit la réparation du préjudice.' },
    })
  })

  it('refuses an id that is neither a comment nor a post', async () => {
    await expect(networkFailure(linkedinAdapter.moderate('12345', { action: 'delete' }, account, context))).resolves.toMatchObject({
      kind: 'permanent',
      code: 'invalid_id',
    })
  })
})
