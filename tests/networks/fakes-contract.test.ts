/**
 * The fake networks refuse what the real ones refuse (issue 18; /work/shared/reference/social-apis.md
 * and docs/networks.md). For each rule a fake enforces, a raw request that breaks exactly that rule
 * gets the status and body the network documents, and a correct request is accepted: the adapter
 * tests can then trust a fake's "yes". One `describe` per network; no app code is used here.
 */
import { defaultLinkedInFollowerCount, startLinkedInFake } from './fakes/linkedin-fake'
import { FAKE_IG_USER_ID, FAKE_OTHER_PAGE_TOKEN, FAKE_PAGE_ID, FAKE_TOKEN, FAKE_USER_TOKEN, startMetaGraphFake } from './fakes/meta-graph-fake'
import type { MetaGraphFake } from './fakes/meta-graph-fake'
import { jpegBytes, startPublicWeb } from './fakes/public-web'
import type { PublicWeb } from './fakes/public-web'
import type { LinkedInFake } from './fakes/linkedin-fake'
import { defaultXAccountPublicMetrics, startXFake, xTooLongDetail } from './fakes/x-fake'
import type { XFake } from './fakes/x-fake'
import { TiktokFake } from './fakes/tiktok-fake'
import { YoutubeFake } from './fakes/youtube-fake'

/** The status and the parsed body of an answer (null when it has none). */
async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null }
}

describe('X fake (reference section 4)', () => {
  let fake: XFake

  beforeEach(async () => {
    fake = await startXFake()
  })

  afterEach(async () => {
    await fake.close()
  })

  const jsonHeaders = () => ({ authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' })

  /** POST /2/tweets with the valid token unless `headers` says otherwise. */
  const createPost = (body: string, headers: Record<string, string> = jsonHeaders()) =>
    fetch(`${fake.baseUrl}/2/tweets`, { method: 'POST', headers, body }).then(answer)

  const tooLong = (text: string) => ({
    status: 400,
    body: {
      title: 'Invalid Request',
      detail: xTooLongDetail,
      type: 'https://api.twitter.com/2/problems/invalid-request',
      status: 400,
      errors: [{ message: xTooLongDetail, parameters: { text: [text] } }],
    },
  })

  const unauthorized = { status: 401, body: { title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank', status: 401 } }

  it('accepts a correct post: 201 with its id and text', async () => {
    const { status, body } = await createPost(JSON.stringify({ text: 'Les peines alternatives protègent la société.' }))

    expect(status).toBe(201)
    const id = fake.posts[0]?.id
    expect(body).toEqual({ data: { id, text: 'Les peines alternatives protègent la société.', edit_history_tweet_ids: [id] } })
  })

  it.each([
    ['no Authorization header', { 'content-type': 'application/json' }],
    ['another bearer token', { authorization: 'Bearer someone-else', 'content-type': 'application/json' }],
    ['a token without the Bearer scheme', { authorization: 'x-user-token', 'content-type': 'application/json' }],
  ])('refuses a post with %s: 401', async (_case, headers) => {
    await expect(createPost(JSON.stringify({ text: 'Sans jeton' }), headers)).resolves.toEqual(unauthorized)
    expect(fake.posts).toHaveLength(0)
  })

  it('checks the token before a scripted failure, which then answers the next authenticated request', async () => {
    const scripted = { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }
    fake.failNext(1, { method: 'POST', path: '/2/tweets', status: 429, body: scripted })

    await expect(createPost(JSON.stringify({ text: 'Sans jeton' }), { 'content-type': 'application/json' })).resolves.toEqual(unauthorized)
    await expect(createPost(JSON.stringify({ text: 'Avec jeton' }))).resolves.toEqual({ status: 429, body: scripted })
    await expect(createPost(JSON.stringify({ text: 'Avec jeton' }))).resolves.toMatchObject({ status: 201 })
  })

  it('answers an expired token with 401 too', async () => {
    fake.expireToken()

    await expect(createPost(JSON.stringify({ text: 'Jeton expiré' }))).resolves.toEqual(unauthorized)
  })

  it('refuses a body that is not JSON with the 400 invalid-request problem, not a 500', async () => {
    await expect(createPost('{"text": "virgule en trop",}')).resolves.toEqual({
      status: 400,
      body: {
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
        status: 400,
        errors: [{ message: 'The request body could not be parsed.', parameters: {} }],
      },
    })
    expect(fake.posts).toHaveLength(0)
  })

  it('refuses a post over 280 weighted characters with 400 and a detail about its length', async () => {
    const text = 'a'.repeat(281)

    await expect(createPost(JSON.stringify({ text }))).resolves.toEqual(tooLong(text))
    expect(fake.posts).toHaveLength(0)
  })

  it.each([
    ['U+FFFE', '\uFFFE'],
    ['U+FEFF (byte order mark)', '\uFEFF'],
    ['U+FFFF', '\uFFFF'],
  ])('refuses a text holding %s with 400', async (_name, character) => {
    const text = `Texte ${character} caché`

    await expect(createPost(JSON.stringify({ text }))).resolves.toEqual({
      status: 400,
      body: {
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
        status: 400,
        errors: [{ message: 'Your Tweet text contains invalid characters.', parameters: { text: [text] } }],
      },
    })
  })

  // twitter-text v3 (reference 4.3): each case at exactly 280 passes and one step more is refused.
  const url = `https://badil.ma/loi-43-22?${'utm_source=x&'.repeat(20)}id=1`
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
  it.each([
    ['Latin letters weigh 1', 'a'.repeat(280), 'a'.repeat(281)],
    ['Arabic letters (below U+10FF) weigh 1', 'ب'.repeat(280), 'ب'.repeat(281)],
    ['CJK weighs 2', '中'.repeat(140), '中'.repeat(140) + 'a'],
    ['the ellipsis U+2026 (outside the light ranges) weighs 2', '…'.repeat(140), '…'.repeat(140) + 'a'],
    ['dashes and quotes U+2010–U+201F weigh 1', '—'.repeat(140) + '’'.repeat(140), '—'.repeat(140) + '’'.repeat(141)],
    ['a link with scheme weighs 23 whatever its length', `${url} ${'a'.repeat(256)}`, `${url} ${'a'.repeat(257)}`],
    [
      'a link without scheme (www., a path, a generic TLD) weighs 23',
      `www.badil.ma badil.ma/loi badil.org ${'a'.repeat(208)}`,
      `www.badil.ma badil.ma/loi badil.org ${'a'.repeat(209)}`,
    ],
    ['a bare domain on a country TLD is a link too', `${'a'.repeat(256)} badil.ma`, `${'a'.repeat(257)} badil.ma`],
    ['a dotted word without a known TLD is text', `Loi n° 43.22, p.ex. ${'a'.repeat(260)}`, `Loi n° 43.22, p.ex. ${'a'.repeat(261)}`],
    [
      'an e-mail address, a hashtag or a cashtag is text',
      `contact@badil.ma #badil.com $x.com ${'a'.repeat(245)}`,
      `contact@badil.ma #badil.com $x.com ${'a'.repeat(246)}`,
    ],
    ['an emoji ZWJ sequence weighs 2 once', family.repeat(140), family.repeat(140) + 'a'],
    ['a flag weighs 2', '\u{1F1F2}\u{1F1E6}'.repeat(140), '\u{1F1F2}\u{1F1E6}'.repeat(140) + '.'],
    ['text is weighed after NFC normalization (e + combining accent = é)', 'e\u0301'.repeat(280), 'e\u0301'.repeat(281)],
  ])('weighs as X does: %s', async (_case, fits, over) => {
    await expect(createPost(JSON.stringify({ text: fits }))).resolves.toMatchObject({ status: 201 })
    await expect(createPost(JSON.stringify({ text: over }))).resolves.toEqual(tooLong(over))
  })

  it('recent search: a conversation within 7 days answers; a query over 512 characters, a start over 7 days back, no token are refused', async () => {
    const search = (params: Record<string, string>, headers: Record<string, string> = jsonHeaders()) =>
      fetch(`${fake.baseUrl}/2/tweets/search/recent?${new URLSearchParams(params)}`, { headers }).then(answer)
    const root = fake.postAs(fake.account, 'Notre publication')
    const reply = fake.postAs({ id: '2100000000000000901', username: 'lina_ma', name: 'Lina' }, 'Merci', { inReplyTo: root, mentionsAccount: false })
    await expect(search({ query: `conversation_id:${root}`, max_results: '10' })).resolves.toMatchObject({
      status: 200,
      body: { data: [{ id: reply }, { id: root }], meta: { result_count: 2, newest_id: reply } },
    })
    await expect(search({ query: `conversation_id:${root}`, since_id: reply })).resolves.toMatchObject({ status: 200, body: { meta: { result_count: 0 } } })
    const long = `(${Array.from({ length: 14 }, (_, index) => `conversation_id:${1900000000000000000n + BigInt(index)}`).join(' OR ')})`
    expect(long.length).toBeGreaterThan(512)
    await expect(search({ query: long })).resolves.toMatchObject({ status: 400, body: { errors: [{ parameters: { query: [long] } }] } })
    const eightDaysAgo = `${new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 19)}Z`
    await expect(search({ query: `conversation_id:${root}`, start_time: eightDaysAgo })).resolves.toMatchObject({
      status: 400,
      body: { errors: [{ parameters: { start_time: [eightDaysAgo] } }] },
    })
    await expect(search({ query: `conversation_id:${root}`, max_results: '5' })).resolves.toMatchObject({ status: 400 })
    await expect(search({ query: `conversation_id:${root}` }, {})).resolves.toEqual(unauthorized)
  })

  it('users/me: the connected user, its public_metrics only when user.fields asks; an unknown field and no token are refused', async () => {
    const me = (query: string, headers: Record<string, string> = jsonHeaders()) => fetch(`${fake.baseUrl}/2/users/me${query}`, { headers }).then(answer)
    const user = { id: fake.userId, name: fake.account.name, username: fake.account.username }

    await expect(me('?user.fields=public_metrics')).resolves.toEqual({ status: 200, body: { data: { ...user, public_metrics: defaultXAccountPublicMetrics } } })
    await expect(me('')).resolves.toEqual({ status: 200, body: { data: user } })
    await expect(me('?user.fields=created_at')).resolves.toEqual({ status: 200, body: { data: user } })
    await expect(me('?user.fields=public_metrics,followers')).resolves.toMatchObject({
      status: 400,
      body: { errors: [{ parameters: { 'user.fields': ['public_metrics,followers'] } }] },
    })
    await expect(me('?user.fields=public_metrics', {})).resolves.toEqual(unauthorized)
  })
})

describe('LinkedIn fake (reference section 5)', () => {
  // The fake's clock: March 2026, so 202603 is the newest version and 202503 the oldest still served.
  const clock = new Date('2026-03-15T12:00:00Z')
  let fake: LinkedInFake

  beforeEach(async () => {
    fake = await startLinkedInFake({ now: () => clock })
  })

  afterEach(async () => {
    await fake.close()
  })

  const validHeaders = (): Record<string, string> => ({
    authorization: `Bearer ${fake.token}`,
    'linkedin-version': '202602',
    'x-restli-protocol-version': '2.0.0',
    'content-type': 'application/json',
  })

  const postBody = (commentary: string) =>
    JSON.stringify({
      author: fake.organization,
      commentary,
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    })

  /** POST /rest/posts with every required header, `change` replacing (or, as undefined, removing) some. */
  function postResponse(change: Record<string, string | undefined> = {}, body = postBody('Réparer plutôt qu’enfermer')): Promise<Response> {
    const headers = Object.fromEntries(Object.entries({ ...validHeaders(), ...change }).filter(([, value]) => value !== undefined)) as Record<string, string>
    return fetch(`${fake.baseUrl}/rest/posts`, { method: 'POST', headers, body })
  }

  const createPost = (change: Record<string, string | undefined> = {}, body?: string) => postResponse(change, body).then(answer)

  const inactive = (version: string) => ({
    status: 426,
    body: { status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${version} is not active` },
  })

  it('accepts a correct post: 201, empty body, the id in x-restli-id', async () => {
    const response = await postResponse()

    const restliId = response.headers.get('x-restli-id')
    await expect(answer(response)).resolves.toEqual({ status: 201, body: null })
    expect(restliId).toMatch(/^urn:li:share:\d+$/)
    expect(fake.posts.map((post) => post.urn)).toEqual([restliId])
  })

  it.each([
    ['no Authorization header', undefined],
    ['another bearer token', 'Bearer someone-else'],
  ])('refuses a call with %s: 401', async (_case, authorization) => {
    await expect(createPost({ authorization })).resolves.toEqual({
      status: 401,
      body: { status: 401, code: 'INVALID_ACCESS_TOKEN', serviceErrorCode: 65600, message: 'Invalid access token' },
    })
    expect(fake.posts).toHaveLength(0)
  })

  it('answers an expired token with 401 EXPIRED_ACCESS_TOKEN', async () => {
    fake.expireToken()

    await expect(createPost()).resolves.toEqual({
      status: 401,
      body: { status: 401, code: 'EXPIRED_ACCESS_TOKEN', serviceErrorCode: 65601, message: 'The token used in the request has expired' },
    })
  })

  it('checks the token and headers before a scripted failure, which then answers the next correct request', async () => {
    const scripted = { status: 429, message: 'Resource level throttle limit for calls to this resource is reached.' }
    fake.failNext(1, { method: 'POST', path: '/rest/posts', status: 429, body: scripted })

    await expect(createPost({ authorization: undefined })).resolves.toMatchObject({ status: 401 })
    await expect(createPost({ 'linkedin-version': '202612' })).resolves.toEqual(inactive('202612'))
    await expect(createPost()).resolves.toEqual({ status: 429, body: scripted })
    await expect(createPost()).resolves.toMatchObject({ status: 201 })
  })

  it('refuses a call without LinkedIn-Version: 400 VERSION_MISSING (there is no default version)', async () => {
    await expect(createPost({ 'linkedin-version': undefined })).resolves.toEqual({
      status: 400,
      body: {
        status: 400,
        code: 'VERSION_MISSING',
        message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      },
    })
  })

  it.each([
    ['a month after the fake’s clock (not released yet)', '202604'],
    ['a year ahead', '202703'],
    ['month 13', '202613'],
    ['month 00', '202600'],
    ['thirteen months old (sunset)', '202502'],
    ['years old (sunset)', '202306'],
    ['not YYYYMM: a dashed month', '2026-02'],
    ['not YYYYMM: five digits', '20262'],
    ['not YYYYMM: a full date', '20260201'],
    ['not YYYYMM: a patch suffix', '202602.01'],
  ])('refuses LinkedIn-Version %s (%s): 426 NONEXISTENT_VERSION', async (_case, version) => {
    await expect(createPost({ 'linkedin-version': version })).resolves.toEqual(inactive(version))
    expect(fake.posts).toHaveLength(0)
  })

  it.each([
    ['the current month', '202603'],
    ['twelve months old, the oldest still served', '202503'],
  ])('accepts LinkedIn-Version %s (%s)', async (_case, version) => {
    await expect(createPost({ 'linkedin-version': version })).resolves.toMatchObject({ status: 201 })
    expect(fake.isActiveVersion(version)).toBe(true)
  })

  it.each([
    ['missing', undefined],
    ['1.0.0', '1.0.0'],
  ])('refuses X-Restli-Protocol-Version %s: 400', async (_case, protocol) => {
    await expect(createPost({ 'x-restli-protocol-version': protocol })).resolves.toEqual({
      status: 400,
      body: { status: 400, code: 'INVALID_PROTOCOL_VERSION', message: 'X-Restli-Protocol-Version 2.0.0 is required' },
    })
  })

  it('refuses a body that is not sent as application/json: 415', async () => {
    await expect(createPost({ 'content-type': 'text/plain' })).resolves.toEqual({
      status: 415,
      body: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' },
    })
  })

  it('refuses a body that is not JSON with 400, not a 500', async () => {
    await expect(createPost({}, '{"commentary": "virgule en trop",}')).resolves.toEqual({
      status: 400,
      body: { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
    })
    expect(fake.posts).toHaveLength(0)
  })

  it('networkSizes: the organization’s followers; another organization, another edge type, no version, no token are refused', async () => {
    const networkSizes = (urn: string, query: string, change: Record<string, string | undefined> = {}) => {
      const headers = Object.fromEntries(Object.entries({ ...validHeaders(), ...change }).filter(([, value]) => value !== undefined)) as Record<string, string>
      return fetch(`${fake.baseUrl}/rest/networkSizes/${encodeURIComponent(urn)}${query}`, { headers }).then(answer)
    }
    const followers = '?edgeType=COMPANY_FOLLOWED_BY_MEMBER'

    await expect(networkSizes(fake.organization, followers)).resolves.toEqual({ status: 200, body: { firstDegreeSize: defaultLinkedInFollowerCount } })
    await expect(networkSizes('urn:li:organization:1', followers)).resolves.toMatchObject({ status: 403, body: { code: 'ACCESS_DENIED' } })
    await expect(networkSizes(fake.organization, '?edgeType=CompanyFollowedByMember')).resolves.toMatchObject({ status: 400 })
    await expect(networkSizes(fake.organization, '')).resolves.toMatchObject({ status: 400 })
    await expect(networkSizes(fake.organization, followers, { 'linkedin-version': undefined })).resolves.toMatchObject({
      status: 400,
      body: { code: 'VERSION_MISSING' },
    })
    await expect(networkSizes(fake.organization, followers, { authorization: undefined })).resolves.toMatchObject({
      status: 401,
      body: { code: 'INVALID_ACCESS_TOKEN' },
    })
    fake.setFollowerCount(null)
    await expect(networkSizes(fake.organization, followers)).resolves.toEqual({ status: 200, body: {} })
  })
})

describe('Meta Graph fake (reference sections 1, 2 and 8)', () => {
  let fake: MetaGraphFake
  let web: PublicWeb
  /** The fake's origin, without the version its base URL carries. */
  let origin: string

  beforeEach(async () => {
    fake = await startMetaGraphFake()
    web = await startPublicWeb()
    fake.publicWeb.set('media.badil.example', web.origin)
    origin = fake.baseUrl.replace(/\/v\d+\.\d+$/, '')
  })

  afterEach(async () => {
    await fake.close()
    await web.close()
  })

  const graph = (method: string, path: string, params: Record<string, string> = {}, token: string | null = FAKE_TOKEN) =>
    fetch(`${origin}${path}`, {
      method,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: method === 'GET' ? undefined : new URLSearchParams({ ...params, ...(token ? { access_token: token } : {}) }),
    }).then(answer)
  const graphGet = (path: string, params: Record<string, string>) =>
    fetch(`${origin}${path}?${new URLSearchParams({ ...params, access_token: FAKE_TOKEN })}`).then(answer)
  const graphError = (status: number, error: Record<string, unknown>) => ({
    status,
    body: { error: { type: 'OAuthException', is_transient: false, ...error, fbtrace_id: expect.any(String) } },
  })

  it('refuses a call without a token (code 104) and accepts one with it', async () => {
    expect(await graph('POST', `/v23.0/${FAKE_PAGE_ID}/feed`, { message: 'Bonjour' }, null)).toEqual(
      graphError(400, { code: 104, message: 'An access token is required to request this resource.' }),
    )
    expect(await graph('POST', `/v23.0/${FAKE_PAGE_ID}/feed`, { message: 'Bonjour' })).toMatchObject({ status: 200, body: { id: expect.any(String) } })
  })

  it('lets a Page token act for its Page and its Instagram account only, and a user token not post unpublished as the Page', async () => {
    const permissions = graphError(403, { code: 200, message: '(#200) Permissions error' })
    expect(await graph('POST', `/v23.0/${FAKE_PAGE_ID}/feed`, { message: 'Bonjour' }, FAKE_OTHER_PAGE_TOKEN)).toEqual(permissions)
    expect(await graph('POST', `/v23.0/${FAKE_IG_USER_ID}/media`, { image_url: 'https://media.badil.example/x.jpg' }, FAKE_OTHER_PAGE_TOKEN)).toEqual(
      permissions,
    )
    expect(await graph('POST', `/v23.0/${FAKE_PAGE_ID}/feed`, { message: 'Brouillon', published: 'false' }, FAKE_USER_TOKEN)).toEqual(
      graphError(403, { code: 200, message: '(#200) Unpublished posts must be posted to a page as the page itself.' }),
    )
    expect(await graph('POST', `/v23.0/${FAKE_PAGE_ID}/feed`, { message: 'Brouillon', published: 'false' })).toMatchObject({ status: 200 })
    expect(fake.state.feedPosts).toHaveLength(1)
  })

  it('fetches an Instagram image at container creation, anonymously, and refuses what it cannot fetch or is not a JPEG', async () => {
    web.serve('/ok.jpg', { type: 'image/jpeg', body: jpegBytes() })
    web.serve('/private.jpg', { type: 'application/json', body: new TextEncoder().encode('{}'), status: 403 })
    web.serve('/image.png', { type: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) })
    const container = (url: string) => graph('POST', `/v23.0/${FAKE_IG_USER_ID}/media`, { image_url: url, caption: 'Affiche' })
    expect(await container('https://media.badil.example/ok.jpg')).toMatchObject({ status: 200, body: { id: expect.any(String) } })
    for (const url of ['https://media.badil.example/private.jpg', 'https://not-on-the-internet.example/ok.jpg']) {
      expect(await container(url)).toEqual(
        graphError(400, { code: 9004, error_subcode: 2207052, message: `The media could not be fetched from this URI: ${url}` }),
      )
    }
    expect(await container('https://media.badil.example/image.png')).toEqual(
      graphError(400, { code: 9004, error_subcode: 2207005, message: 'The image format is not supported.' }),
    )
    expect(fake.state.mediaFetches.map((fetched) => fetched.status)).toEqual([200, 403, 'unreachable', 200])
    // Fetched as Meta does: no credential of any kind.
    expect(web.requests).toEqual([
      { path: '/ok.jpg', withCredential: false },
      { path: '/private.jpg', withCredential: false },
      { path: '/image.png', withCredential: false },
    ])
  })

  it('answers with the version served: a metric of v23.0 is refused on v21.0 and on a call without a version', async () => {
    const post = (await graph('POST', `/v23.0/${FAKE_PAGE_ID}/feed`, { message: 'Insights' })).body as { id: string }
    fake.state.insights.set(post.id, { post_total_media_view_unique: 42 })
    expect(await graphGet(`/v23.0/${post.id}/insights`, { metric: 'post_total_media_view_unique' })).toMatchObject({
      status: 200,
      body: { data: [{ name: 'post_total_media_view_unique', values: [{ value: 42 }] }] },
    })
    for (const path of [`/v21.0/${post.id}/insights`, `/v19.0/${post.id}/insights`, `/${post.id}/insights`]) {
      expect(await graphGet(path, { metric: 'post_total_media_view_unique' })).toEqual(
        graphError(400, {
          code: 100,
          message: '(#100) metric[0] must be one of the following values: … (post_total_media_view_unique is not a valid insights metric)',
        }),
      )
    }
    expect(fake.state.requests.map((request) => request.version)).toEqual([23, 23, 21, 19, null])
  })

  it('serves the accounts’ counters and insights over days_28; an unknown field, metric or period is refused with (#100), a Page’s insights need its token', async () => {
    const refused = (message: string) => graphError(400, { code: 100, message: `(#100) ${message}` })
    expect(await graphGet(`/v23.0/${FAKE_PAGE_ID}`, { fields: 'followers_count,fan_count' })).toEqual({
      status: 200,
      body: { id: FAKE_PAGE_ID, followers_count: 12_480, fan_count: 11_905 },
    })
    expect(await graphGet(`/v23.0/${FAKE_IG_USER_ID}`, { fields: 'followers_count,media_count' })).toEqual({
      status: 200,
      body: { id: FAKE_IG_USER_ID, followers_count: 8_730, media_count: 214 },
    })
    expect(await graphGet(`/v23.0/${FAKE_IG_USER_ID}`, { fields: 'fan_count' })).toEqual(
      refused('Tried accessing nonexisting field (fan_count) on node type (IGUser)'),
    )

    const pageReach = await graphGet(`/v23.0/${FAKE_PAGE_ID}/insights`, { metric: 'page_total_media_view_unique', period: 'days_28' })
    expect(pageReach).toMatchObject({
      status: 200,
      body: { data: [{ name: 'page_total_media_view_unique', period: 'days_28', values: [{ value: 41_200 }, { value: 42_950 }] }] },
    })
    // One value per day that ends a window, oldest first, the last ending today at 08:00 UTC.
    const [earlier, latest] = (pageReach.body as { data: { values: { end_time: string }[] }[] }).data[0].values.map((value) => value.end_time)
    expect(Date.parse(latest) - Date.parse(earlier)).toBe(24 * 3600_000)
    expect(latest).toMatch(/T08:00:00\+0000$/)
    expect(Date.now() - Date.parse(latest)).toBeLessThan(24 * 3600_000)
    // Without a period a Page metric comes over each of its periods; Instagram needs one.
    const everyPeriod = (await graphGet(`/v23.0/${FAKE_PAGE_ID}/insights`, { metric: 'page_total_media_view_unique' })).body as { data: { period: string }[] }
    expect(everyPeriod.data.map((entry) => entry.period)).toEqual(['day', 'week', 'days_28'])
    expect(await graphGet(`/v23.0/${FAKE_IG_USER_ID}/insights`, { metric: 'reach' })).toEqual(refused('The parameter period is required'))

    expect(await graphGet(`/v23.0/${FAKE_IG_USER_ID}/insights`, { metric: 'reach', period: 'days_28' })).toMatchObject({
      status: 200,
      body: { data: [{ name: 'reach', period: 'days_28', values: [{ value: 26_900 }, { value: 27_450 }] }] },
    })
    fake.state.accountInsights.instagram = {}
    expect(await graphGet(`/v23.0/${FAKE_IG_USER_ID}/insights`, { metric: 'reach', period: 'days_28' })).toEqual({ status: 200, body: { data: [] } })

    // One unknown metric fails the whole request, as on posts; so does a period the metric lacks.
    expect(await graphGet(`/v23.0/${FAKE_PAGE_ID}/insights`, { metric: 'page_total_media_view_unique,page_impressions', period: 'days_28' })).toEqual(
      refused('metric[1] must be one of the following values: … (page_impressions is not a valid insights metric)'),
    )
    expect(await graphGet(`/v23.0/${FAKE_IG_USER_ID}/insights`, { metric: 'reach', period: 'lifetime' })).toEqual(
      refused('period must be one of the following values for reach: day, week, days_28'),
    )
    expect(await graphGet(`/v23.0/${FAKE_IG_USER_ID}/insights`, { metric: 'follower_count', period: 'days_28' })).toEqual(
      refused('period must be one of the following values for follower_count: day'),
    )

    const withToken = (path: string, token: string) =>
      fetch(`${origin}${path}?${new URLSearchParams({ metric: 'page_total_media_view_unique', period: 'days_28', access_token: token })}`).then(answer)
    expect(await withToken(`/v23.0/${FAKE_PAGE_ID}/insights`, FAKE_USER_TOKEN)).toEqual(
      graphError(400, { code: 190, message: '(#190) This method must be called with a Page Access Token' }),
    )
    expect(await withToken(`/v23.0/${FAKE_PAGE_ID}/insights`, FAKE_OTHER_PAGE_TOKEN)).toEqual(
      graphError(403, { code: 200, message: '(#200) Permissions error' }),
    )
    fake.state.expiredTokens.add(FAKE_TOKEN)
    expect(await graphGet(`/v23.0/${FAKE_PAGE_ID}`, { fields: 'followers_count' })).toMatchObject({
      status: 400,
      body: { error: { code: 190, error_subcode: 463 } },
    })
  })
})

describe('YouTube fake (reference sections 6 and 8.5)', () => {
  let fake: YoutubeFake

  beforeEach(async () => {
    fake = await YoutubeFake.start()
  })

  afterEach(async () => {
    await fake.stop()
  })

  const channels = (query: string, token: string | null = 'yt-valid-token') =>
    fetch(`${fake.baseUrl}/youtube/v3/channels?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(answer)

  it('channels.list statistics: the token checked, mine=true and part required, counts as strings, a hidden count left out', async () => {
    expect(await channels('part=statistics&mine=true', null)).toMatchObject({ status: 401, body: { error: { code: 401, errors: [{ reason: 'authError' }] } } })
    expect(await channels('part=statistics')).toMatchObject({ status: 400, body: { error: { errors: [{ reason: 'invalidParameter' }] } } })
    expect(await channels('mine=true')).toMatchObject({ status: 400, body: { error: { errors: [{ reason: 'invalidParameter' }] } } })
    expect(await channels('part=statistics,brandingSettingz&mine=true')).toMatchObject({
      status: 400,
      body: { error: { errors: [{ reason: 'invalidPart' }] } },
    })

    fake.setChannelStatistics({ subscriberCount: 123_456_789, viewCount: 4_000_321, videoCount: 148 })
    const answered = await channels('part=statistics&mine=true')
    expect(answered).toMatchObject({ status: 200, body: { items: [{ id: fake.channelId }] } })
    // Public subscriber counts are rounded down to three significant figures.
    expect((answered.body as { items: { statistics: unknown }[] }).items[0].statistics).toEqual({
      viewCount: '4000321',
      subscriberCount: '123000000',
      hiddenSubscriberCount: false,
      videoCount: '148',
    })

    fake.setChannelStatistics({ hiddenSubscriberCount: true })
    const hidden = await channels('part=statistics&mine=true')
    expect((hidden.body as { items: { statistics: unknown }[] }).items[0].statistics).toEqual({
      viewCount: '4000321',
      hiddenSubscriberCount: true,
      videoCount: '148',
    })
  })
})

describe('TikTok fake (reference sections 7 and 8.6)', () => {
  let fake: TiktokFake

  beforeEach(async () => {
    fake = await TiktokFake.start()
  })

  afterEach(async () => {
    await fake.stop()
  })

  const userInfo = (fields: string | null, token: string | null = 'tt-valid-token') =>
    fetch(`${fake.baseUrl}/v2/user/info/${fields === null ? '' : `?fields=${fields}`}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(
      answer,
    )
  const tiktokFailure = (status: number, code: string) => ({
    status,
    body: { data: {}, error: { code, message: expect.any(String), log_id: expect.any(String) } },
  })

  it('user/info: the token checked, only the fields asked, those of an ungranted scope left out', async () => {
    expect(await userInfo('follower_count', null)).toEqual(tiktokFailure(401, 'access_token_invalid'))
    expect(await userInfo(null)).toEqual(tiktokFailure(400, 'invalid_params'))
    expect(await userInfo('follower_count,followers')).toEqual(tiktokFailure(400, 'invalid_params'))

    expect(await userInfo('open_id,follower_count,video_count')).toEqual({
      status: 200,
      body: {
        data: { user: { open_id: 'open-id-badil', follower_count: 12_840, video_count: 64 } },
        error: { code: 'ok', message: '', log_id: expect.any(String) },
      },
    })

    fake.grantedScopes.delete('user.info.stats')
    expect(await userInfo('open_id,follower_count,following_count,likes_count,video_count')).toEqual({
      status: 200,
      body: { data: { user: { open_id: 'open-id-badil' } }, error: { code: 'ok', message: '', log_id: expect.any(String) } },
    })
  })
})
