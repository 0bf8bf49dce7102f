import { randomBytes } from 'node:crypto'

import { createTiktokAdapter, parseJsonKeepingLongIntegers, tiktokChunkPlan } from '../../plugins/campaign-ops/networks/tiktok/adapter'
import type { AccountCredentials, AdapterContext, PublishRequest } from '../../plugins/campaign-ops/networks/types'
import { networkFailure } from './adapter-test-kit'
import { TiktokFake } from './fakes/tiktok-fake'

const now = new Date('2026-06-15T10:00:00Z')
const account: AccountCredentials = { accountId: 'open-id-badil', accessToken: 'tt-valid-token' }
const mebibyte = 1024 * 1024
const caption = 'La prison n’est pas la seule réponse. العقوبات البديلة: ما الذي تغيّر؟ #Badil #loi4322'

let fake: TiktokFake
let sleeps: number[]

beforeEach(async () => {
  fake = await TiktokFake.start()
  sleeps = []
})
afterEach(() => fake.stop())

/**
 * Generous by default: a loaded two-core machine once took more than 5 s to take a 7 MB chunk,
 * and the adapter rightly took the unanswered last chunk's path. The cases about unanswered
 * requests pass a short timeout of their own.
 */
function context(timeoutMs = 60_000): AdapterContext {
  return {
    baseUrl: fake.baseUrl,
    fetch: globalThis.fetch,
    timeoutMs,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    now: () => now,
  }
}

function request(bytes: Uint8Array, durationSeconds = 45): PublishRequest {
  return {
    variantId: 'variant-7',
    platform: 'tiktok',
    text: caption,
    media: [
      {
        kind: 'video',
        mimeType: 'video/mp4',
        filename: 'reel.mp4',
        sizeBytes: bytes.byteLength,
        width: 1080,
        height: 1920,
        durationSeconds,
        read: async () => bytes,
      },
    ],
    idempotencyKey: 'variant-7:tiktok',
  }
}

const adapter = createTiktokAdapter({ chunkSize: 5 * mebibyte, pollIntervalMs: 7000, maxStatusPolls: 5 })

describe('TikTok publish', () => {
  it('queries the creator, posts a small video as one chunk and keeps the int64 post id exact', async () => {
    const bytes = randomBytes(mebibyte + 77)
    const result = await adapter.publish(request(bytes), account, context())

    expect(fake.calls.map((call) => call.route)).toEqual(['creator_info', 'video.init', 'upload', 'status.fetch'])
    const [video] = fake.accepted
    expect(video.postId).toMatch(/^\d{19}$/)
    expect(result).toEqual({ remoteId: video.postId, permalink: `https://www.tiktok.com/@badil.maroc/video/${video.postId}` })
    expect(video.bytes.equals(bytes)).toBe(true)
    expect(fake.callsTo('video.init')[0].json).toEqual({
      post_info: { title: caption, privacy_level: 'PUBLIC_TO_EVERYONE', disable_comment: false, disable_duet: false, disable_stitch: false },
      source_info: { source: 'FILE_UPLOAD', video_size: bytes.length, chunk_size: bytes.length, total_chunk_count: 1 },
    })
    const [upload] = fake.callsTo('upload')
    expect(upload.headers['content-range']).toBe(`bytes 0-${bytes.length - 1}/${bytes.length}`)
    expect(upload.headers['content-type']).toBe('video/mp4')
    expect(upload.headers.authorization).toBeUndefined()
  })

  it('uploads a large video in chunks, the last one taking the remainder, and polls until complete', async () => {
    const bytes = randomBytes(12 * mebibyte + 123)
    fake.processingPolls = 3
    const result = await adapter.publish(request(bytes), account, context())

    expect(fake.callsTo('video.init')[0].json).toMatchObject({ source_info: { video_size: bytes.length, chunk_size: 5 * mebibyte, total_chunk_count: 2 } })
    expect(fake.callsTo('upload').map((call) => call.headers['content-range'])).toEqual([
      `bytes 0-${5 * mebibyte - 1}/${bytes.length}`,
      `bytes ${5 * mebibyte}-${bytes.length - 1}/${bytes.length}`,
    ])
    expect(fake.callsTo('status.fetch')).toHaveLength(4)
    expect(sleeps).toEqual([7000, 7000, 7000])
    expect(fake.accepted).toHaveLength(1)
    expect(fake.accepted[0].bytes.equals(bytes)).toBe(true)
    expect(result.remoteId).toBe(fake.accepted[0].postId)
  })

  it('takes the most open privacy level offered and the creator’s disabled interactions; no public id → publish_id, no permalink', async () => {
    fake.creator = { ...fake.creator, privacy_level_options: ['SELF_ONLY', 'FOLLOWER_OF_CREATOR'], comment_disabled: true }
    fake.givePublicIds = false
    const result = await adapter.publish(request(randomBytes(mebibyte)), account, context())

    expect(fake.accepted[0]).toMatchObject({ privacyLevel: 'FOLLOWER_OF_CREATOR', postInfo: { disable_comment: true } })
    expect(result).toEqual({ remoteId: fake.accepted[0].publishId, permalink: null })
  })

  it('refuses a video longer than the creator’s maximum before initialising', async () => {
    fake.creator = { ...fake.creator, max_video_post_duration_sec: 60 }
    const error = await networkFailure(adapter.publish(request(randomBytes(mebibyte), 90), account, context()))
    expect(error).toMatchObject({ kind: 'permanent', code: 'duration_exceeds_creator_max' })
    expect(error.reason.fr).toContain('60 s')
    expect(fake.callsTo('video.init')).toHaveLength(0)
  })

  it('a FAILED status is permanent, with the fail_reason explained', async () => {
    fake.nextFailReason = 'frame_rate_check_failed'
    const error = await networkFailure(adapter.publish(request(randomBytes(mebibyte)), account, context()))
    expect(error).toMatchObject({ kind: 'permanent', code: 'frame_rate_check_failed' })
    expect(error.reason.ar).toContain('معدل الإطارات')
  })

  it('a post still processing after the last poll has an unknown outcome, never a retry', async () => {
    fake.processingPolls = 10
    const error = await networkFailure(adapter.publish(request(randomBytes(mebibyte)), account, context()))
    expect(error).toMatchObject({ kind: 'outcome_unknown' })
    expect(error.message).toContain('v_pub_file')
    expect(fake.callsTo('status.fetch')).toHaveLength(5)
  })

  it('keeps polling through a transient status error', async () => {
    fake.failNext('status.fetch', 1, 500, 'internal_error')
    await adapter.publish(request(randomBytes(mebibyte)), account, context())
    expect(fake.callsTo('status.fetch')).toHaveLength(2)
    expect(fake.accepted).toHaveLength(1)
  })

  it('an auth failure while polling an uploaded post is an unknown outcome, not an auth retry', async () => {
    fake.failNext('status.fetch', 1, 401, 'access_token_invalid')
    await expect(adapter.publish(request(randomBytes(mebibyte)), account, context())).rejects.toMatchObject({ kind: 'outcome_unknown' })
  })

  it('a connection dropped during a chunk before the last is retryable and publishes nothing', async () => {
    fake.script({ route: 'upload', final: false }, { kind: 'drop', afterBytes: mebibyte })
    const error = await networkFailure(adapter.publish(request(randomBytes(11 * mebibyte)), account, context()))
    expect(error.kind).toBe('retryable')
    expect(error.code).not.toBe('timeout')
    expect(fake.accepted).toHaveLength(0)
    expect(fake.callsTo('status.fetch')).toHaveLength(0)
  })

  it('after an unanswered last chunk, a status read showing every byte received carries on to success', async () => {
    fake.script({ route: 'upload', final: true }, { kind: 'hang', afterHandling: true })
    const result = await adapter.publish(request(randomBytes(mebibyte)), account, context(1000))
    expect(fake.accepted).toHaveLength(1)
    expect(result.remoteId).toBe(fake.accepted[0].postId)
    expect(fake.callsTo('upload')).toHaveLength(1)
  })

  it('an unanswered last chunk with the status unreachable is outcome_unknown; lookup is unsupported', async () => {
    fake.script({ route: 'upload', final: true }, { kind: 'hang', afterHandling: true })
    fake.script({ route: 'status.fetch' }, { kind: 'hang', afterHandling: false })
    const variant = request(randomBytes(mebibyte))
    const error = await networkFailure(adapter.publish(variant, account, context(1000)))
    expect(error.kind).toBe('outcome_unknown')
    expect(fake.accepted).toHaveLength(1)
    await expect(adapter.lookup(variant, account, context())).resolves.toEqual({ status: 'unsupported' })
  })
})

describe('TikTok errors', () => {
  const cases: [string, number, string, number | null][] = [
    ['rate_limit_exceeded', 429, 'rate_limited', 60_000],
    ['spam_risk_too_many_posts', 403, 'rate_limited', 24 * 3600_000],
    ['spam_risk_too_many_pending_share', 403, 'rate_limited', 24 * 3600_000],
    ['reached_active_user_cap', 403, 'rate_limited', 24 * 3600_000],
    ['spam_risk_user_banned_from_posting', 403, 'permanent', null],
    ['unaudited_client_can_only_post_to_private_accounts', 403, 'permanent', null],
    ['privacy_level_option_mismatch', 400, 'permanent', null],
    ['scope_not_authorized', 401, 'auth', null],
    ['internal_error', 500, 'retryable', null],
  ]
  it.each(cases)('init answering %s (%i) is %s', async (code, status, kind, waitMs) => {
    fake.failNext('video.init', 1, status, code)
    const error = await networkFailure(adapter.publish(request(randomBytes(mebibyte)), account, context()))
    expect(error).toMatchObject({ kind, code, status })
    expect(error.retryAt?.getTime() ?? null).toBe(waitMs === null ? null : now.getTime() + waitMs)
    expect(fake.callsTo('upload')).toHaveLength(0)
  })

  it('spam risk tells people it will retry tomorrow', async () => {
    fake.failNext('video.init', 1, 403, 'spam_risk_too_many_posts')
    const error = await networkFailure(adapter.publish(request(randomBytes(mebibyte)), account, context()))
    expect(error.reason.fr).toContain('demain')
    expect(error.reason.ar).toContain('غدا')
  })

  it('an expired token is an auth error at the creator info query', async () => {
    fake.expireToken('tt-valid-token')
    const error = await networkFailure(adapter.publish(request(randomBytes(mebibyte)), account, context()))
    expect(error).toMatchObject({ kind: 'auth', code: 'access_token_invalid', status: 401 })
    expect(fake.callsTo('video.init')).toHaveLength(0)
  })

  it('a 5xx without a JSON body is retryable', async () => {
    fake.script({ route: 'creator_info' }, { kind: 'respond', status: 502 })
    await expect(adapter.publish(request(randomBytes(mebibyte)), account, context())).rejects.toMatchObject({ kind: 'retryable', status: 502 })
  })
})

describe('TikTok metrics and moderation', () => {
  it('queries the video’s counters; a counter TikTok omits is null', async () => {
    const { remoteId } = await adapter.publish(request(randomBytes(mebibyte)), account, context())
    fake.metrics.set(remoteId, { view_count: 2400, like_count: 310, comment_count: 0 })
    const snapshot = await adapter.fetchMetrics(remoteId, account, context())

    expect(snapshot).toEqual({ remoteId, fetchedAt: now.toISOString(), values: { view_count: 2400, like_count: 310, comment_count: 0, share_count: null } })
    const [query] = fake.callsTo('video.query')
    expect(query.url.searchParams.get('fields')).toBe('id,view_count,like_count,comment_count,share_count')
    expect(query.json).toEqual({ filters: { video_ids: [remoteId] } })
  })

  it('a post known only by its publish_id has no metrics yet, without a call', async () => {
    const snapshot = await adapter.fetchMetrics('v_pub_file~v2-1.7300001', account, context())
    expect(Object.values(snapshot.values)).toEqual([null, null, null, null])
    expect(fake.calls).toHaveLength(0)
  })

  it('comment moderation is not supported by the API, said in three languages', async () => {
    const error = await networkFailure(adapter.moderate('comment-1', { action: 'hide' }, account, context()))
    expect(error).toMatchObject({ kind: 'permanent', code: 'moderation_unsupported' })
    expect(error.reason.ar).toContain('تطبيق TikTok')
    expect(error.reason.fr).toContain('application TikTok')
    expect(fake.calls).toHaveLength(0)
  })
})

describe('TikTok account metrics', () => {
  it('reads the account’s figures with one user/info GET', async () => {
    Object.assign(fake.user, { follower_count: 12_840, following_count: 37, likes_count: 215_300, video_count: 64 })
    await expect(adapter.fetchAccountMetrics(account, context())).resolves.toEqual({
      fetchedAt: now.toISOString(),
      values: { follower_count: 12_840, following_count: 37, likes_count: 215_300, video_count: 64 },
    })
    const [call, ...others] = fake.callsTo('user.info')
    expect(others).toHaveLength(0)
    expect(call.method).toBe('GET')
    expect(call.url.searchParams.get('fields')).toBe('follower_count,following_count,likes_count,video_count')
  })

  it('without the user.info.stats scope, TikTok leaves the figures out: all null, never 0', async () => {
    fake.grantedScopes.delete('user.info.stats')
    const snapshot = await adapter.fetchAccountMetrics(account, context())
    expect(snapshot.values).toEqual({ follower_count: null, following_count: null, likes_count: null, video_count: null })
  })

  it('a single figure missing from the answer is null, the others read', async () => {
    fake.script(
      { route: 'user.info' },
      { kind: 'respond', status: 200, body: { data: { user: { follower_count: 980, video_count: 0 } }, error: { code: 'ok' } } },
    )
    const snapshot = await adapter.fetchAccountMetrics(account, context())
    expect(snapshot.values).toEqual({ follower_count: 980, following_count: null, likes_count: null, video_count: 0 })
  })

  it('an expired token is the same auth error as for a video’s metrics', async () => {
    const { remoteId } = await adapter.publish(request(randomBytes(mebibyte)), account, context())
    fake.expireToken('tt-valid-token')
    const videoError = await networkFailure(adapter.fetchMetrics(remoteId, account, context()))
    const accountError = await networkFailure(adapter.fetchAccountMetrics(account, context()))
    expect(accountError).toMatchObject({ kind: 'auth', code: 'access_token_invalid', status: 401 })
    expect(accountError.kind).toBe(videoError.kind)
    expect(accountError.reason).toEqual(videoError.reason)
  })

  it('a rate limit on user/info waits a minute', async () => {
    fake.failNext('user.info', 1, 429, 'rate_limit_exceeded')
    const error = await networkFailure(adapter.fetchAccountMetrics(account, context()))
    expect(error).toMatchObject({ kind: 'rate_limited', code: 'rate_limit_exceeded' })
    expect(error.retryAt?.getTime()).toBe(now.getTime() + 60_000)
  })
})

describe('TikTok helpers', () => {
  it('plans chunks as floor(size / chunk), the last absorbing the remainder', () => {
    expect(tiktokChunkPlan(3 * mebibyte, 10_000_000)).toEqual({ chunkSize: 3 * mebibyte, totalChunkCount: 1 })
    expect(tiktokChunkPlan(50_000_123, 10_000_000)).toEqual({ chunkSize: 10_000_000, totalChunkCount: 5 })
    expect(tiktokChunkPlan(29_999_999, 10_000_000)).toEqual({ chunkSize: 10_000_000, totalChunkCount: 2 })
  })

  it('parses JSON keeping long integers as strings and leaving strings untouched', () => {
    const text = '{"ids":[7390000000000000123, 12],"title":"appel, 7390000000000000123, \\"cité\\"","n":-1.5e3}'
    expect(parseJsonKeepingLongIntegers(text)).toEqual({ ids: ['7390000000000000123', 12], title: 'appel, 7390000000000000123, "cité"', n: -1500 })
  })
})
