import { randomBytes } from 'node:crypto'

import { createYoutubeAdapter, nextPacificMidnight, youtubeTitle } from '../../plugins/campaign-ops/networks/youtube/adapter'
import type { AccountCredentials, AdapterContext, PublishRequest } from '../../plugins/campaign-ops/networks/types'
import { networkFailure } from './adapter-test-kit'
import { chunkUnit, youtubeErrors, YoutubeFake } from './fakes/youtube-fake'

// 15 June 2026, 10:00 UTC = 03:00 in Los Angeles (PDT, UTC−7).
const now = new Date('2026-06-15T10:00:00Z')
const account: AccountCredentials = { accountId: 'UCbadilCampaign0000000000', accessToken: 'yt-valid-token' }

let fake: YoutubeFake
let sleeps: number[]

beforeEach(async () => {
  fake = await YoutubeFake.start()
  sleeps = []
})
afterEach(() => fake.stop())

function context(overrides: Partial<AdapterContext> = {}): AdapterContext {
  return {
    baseUrl: fake.baseUrl,
    uploadBaseUrl: fake.baseUrl,
    fetch: globalThis.fetch,
    // Roomy enough for megabyte chunks on a busy machine; the unanswered-request cases pass 300.
    timeoutMs: 3000,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    now: () => now,
    ...overrides,
  }
}

function request(
  bytes: Uint8Array,
  overrides: Partial<PublishRequest> = {},
  video: { durationSeconds?: number; width?: number; height?: number } = {},
): PublishRequest {
  return {
    variantId: 'variant-1',
    platform: 'youtube',
    text: 'Les peines alternatives expliquées en 3 minutes\nCe que change la loi 43.22 pour les familles. #Badil #العقوبات_البديلة',
    media: [
      {
        kind: 'video',
        mimeType: 'video/mp4',
        filename: 'explainer.mp4',
        sizeBytes: bytes.byteLength,
        width: video.width ?? 1920,
        height: video.height ?? 1080,
        durationSeconds: video.durationSeconds ?? 170,
        read: async () => bytes,
      },
    ],
    idempotencyKey: 'variant-1:youtube',
    ...overrides,
  }
}

function ranges(): string[] {
  return fake.callsTo('upload.chunk').map((call) => String(call.headers['content-range']))
}

const adapter = createYoutubeAdapter({ chunkSize: chunkUnit, resumeBackoffMs: 10 })

describe('YouTube publish', () => {
  it('uploads a video through a resumable session in 256 KiB chunks', async () => {
    const bytes = randomBytes(4 * chunkUnit + 12_345)
    const result = await adapter.publish(request(bytes), account, context())

    expect(fake.videos).toHaveLength(1)
    const [video] = fake.videos
    expect(result).toEqual({ remoteId: video.id, permalink: `https://www.youtube.com/watch?v=${video.id}` })
    expect(video.bytes.equals(bytes)).toBe(true)
    expect(video).toMatchObject({
      title: 'Les peines alternatives expliquées en 3 minutes',
      description: request(bytes).text,
      tags: ['Badil', 'العقوبات_البديلة'],
      privacyStatus: 'public',
      selfDeclaredMadeForKids: false,
      mimeType: 'video/mp4',
    })
    const [start] = fake.callsTo('upload.start')
    expect(start.headers).toMatchObject({ authorization: 'Bearer yt-valid-token', 'x-upload-content-length': String(bytes.length) })
    expect(ranges()).toEqual(
      [0, 1, 2, 3, 4].map((index) => `bytes ${index * chunkUnit}-${Math.min((index + 1) * chunkUnit, bytes.length) - 1}/${bytes.length}`),
    )
  })

  it('uploads a Short like any video, with its own permalink and no #Shorts added', async () => {
    const bytes = randomBytes(2 * chunkUnit)
    const short = request(
      bytes,
      { platform: 'youtube_short', title: 'Une deuxième chance, pas l’impunité', text: 'Travail d’intérêt général : comment ça marche ?' },
      { width: 1080, height: 1920, durationSeconds: 58 },
    )
    const result = await adapter.publish(short, account, context())

    const [video] = fake.videos
    expect(result).toEqual({ remoteId: video.id, permalink: `https://www.youtube.com/shorts/${video.id}` })
    expect(video.title).toBe('Une deuxième chance, pas l’impunité')
    expect(video.description).toBe('Travail d’intérêt général : comment ça marche ?')
    expect(video.tags).toEqual([])
  })

  it('refuses a Short longer than 3 minutes or landscape before calling YouTube', async () => {
    const bytes = randomBytes(chunkUnit)
    const long = await networkFailure(
      adapter.publish(request(bytes, { platform: 'youtube_short' }, { width: 1080, height: 1920, durationSeconds: 200 }), account, context()),
    )
    expect(long).toMatchObject({ kind: 'permanent', code: 'short_too_long' })
    expect(long.reason.ar).toContain('ثلاث دقائق')
    const landscape = await networkFailure(adapter.publish(request(bytes, { platform: 'youtube_short' }, { durationSeconds: 30 }), account, context()))
    expect(landscape).toMatchObject({ kind: 'permanent', code: 'short_not_vertical' })
    expect(fake.calls).toHaveLength(0)
  })

  it('derives a title YouTube accepts: at most 100 characters, no angle brackets', () => {
    const text = `<Alerte> ${'م'.repeat(150)}\nsuite`
    const title = youtubeTitle({ ...request(new Uint8Array(1)), text, title: null })
    expect(Array.from(title)).toHaveLength(100)
    expect(title).not.toMatch(/[<>]/)
    expect(title.endsWith('…')).toBe(true)
  })

  it('resumes from the stored range after the connection drops mid-chunk', async () => {
    const bytes = randomBytes(3 * 4 * chunkUnit + 1000)
    const largeChunks = createYoutubeAdapter({ chunkSize: 4 * chunkUnit, resumeBackoffMs: 10 })
    // The first chunk dies after 2.3 units: the session keeps the 2 whole units it got.
    fake.script({ route: 'upload.chunk' }, { kind: 'drop', afterBytes: Math.floor(2.3 * chunkUnit) })
    const result = await largeChunks.publish(request(bytes), account, context())

    expect(fake.videos).toHaveLength(1)
    expect(fake.videos[0].bytes.equals(bytes)).toBe(true)
    expect(result.remoteId).toBe(fake.videos[0].id)
    expect(fake.callsTo('upload.query')).toHaveLength(1)
    const starts = ranges().map((range) => Number(/bytes (\d+)-/.exec(range)?.[1]))
    expect(starts).toEqual([0, 2 * chunkUnit, 6 * chunkUnit, 10 * chunkUnit])
    expect(sleeps).toEqual([10])
  })

  it('resumes after a 5xx on a chunk, backing off', async () => {
    const bytes = randomBytes(3 * chunkUnit)
    fake.script({ route: 'upload.chunk', final: false }, { kind: 'respond', status: 503, body: youtubeErrors.backendError }, 2)
    await adapter.publish(request(bytes), account, context())

    expect(fake.videos).toHaveLength(1)
    expect(fake.videos[0].bytes.equals(bytes)).toBe(true)
    expect(fake.callsTo('upload.query')).toHaveLength(2)
    expect(sleeps).toEqual([10, 20])
  })

  it('gives up as retryable when the upload keeps failing, with no video created', async () => {
    fake.script({ route: 'upload.chunk' }, { kind: 'respond', status: 502 }, 10)
    const error = await networkFailure(
      createYoutubeAdapter({ chunkSize: chunkUnit, maxResumes: 2, resumeBackoffMs: 1 }).publish(request(randomBytes(2 * chunkUnit)), account, context()),
    )
    expect(error.kind).toBe('retryable')
    expect(fake.videos).toHaveLength(0)
  })

  it('asks the session after an unanswered final chunk and gets the video without uploading twice', async () => {
    const bytes = randomBytes(2 * chunkUnit + 10)
    fake.script({ route: 'upload.chunk', final: true }, { kind: 'hang', afterHandling: true })
    const result = await adapter.publish(request(bytes), account, context({ timeoutMs: 300 }))

    expect(fake.videos).toHaveLength(1)
    expect(result.remoteId).toBe(fake.videos[0].id)
    expect(fake.callsTo('upload.chunk').filter((call) => call.final)).toHaveLength(1)
    expect(fake.callsTo('upload.query')).toHaveLength(1)
  })

  it('reports outcome_unknown when the final chunk is stored but never confirmed, and lookup finds the video', async () => {
    const bytes = randomBytes(2 * chunkUnit + 10)
    const variant = request(bytes)
    fake.script({ route: 'upload.chunk', final: true }, { kind: 'hang', afterHandling: true })
    fake.script({ route: 'upload.query' }, { kind: 'hang', afterHandling: false }, 5)
    const oneResume = createYoutubeAdapter({ chunkSize: chunkUnit, maxResumes: 1, resumeBackoffMs: 1 })
    const error = await networkFailure(oneResume.publish(variant, account, context({ timeoutMs: 300 })))

    expect(error.kind).toBe('outcome_unknown')
    expect(error.reason.fr).toContain('Vérification')
    expect(fake.videos).toHaveLength(1)
    await expect(oneResume.lookup(variant, account, context())).resolves.toEqual({
      status: 'found',
      remoteId: fake.videos[0].id,
      permalink: `https://www.youtube.com/watch?v=${fake.videos[0].id}`,
    })
    expect(fake.callsTo('playlistItems.list')[0].url.searchParams.get('playlistId')).toBe(fake.uploadsPlaylistId)
  })

  it('lookup answers not_found when no upload carries the title', async () => {
    await adapter.publish(request(randomBytes(chunkUnit)), account, context())
    const other = request(randomBytes(chunkUnit), { text: 'Un autre sujet' })
    await expect(adapter.lookup(other, account, context())).resolves.toEqual({ status: 'not_found' })
  })
})

describe('YouTube errors', () => {
  it('quotaExceeded is rate limited until the next midnight Pacific time', async () => {
    fake.failNext('upload.start', 1, 403, youtubeErrors.quotaExceeded)
    const error = await networkFailure(adapter.publish(request(randomBytes(chunkUnit)), account, context()))
    expect(error).toMatchObject({ kind: 'rate_limited', status: 403, code: 'quotaExceeded' })
    expect(error.retryAt?.toISOString()).toBe('2026-06-16T07:00:00.000Z')
    expect(fake.callsTo('upload.chunk')).toHaveLength(0)
  })

  it('uploadLimitExceeded waits for the Pacific midnight in winter time too', async () => {
    fake.failNext('upload.start', 1, 403, youtubeErrors.uploadLimitExceeded)
    const winter = new Date('2026-01-15T10:00:00Z')
    const error = await networkFailure(adapter.publish(request(randomBytes(chunkUnit)), account, context({ now: () => winter })))
    expect(error).toMatchObject({ kind: 'rate_limited', code: 'uploadLimitExceeded' })
    expect(error.retryAt?.toISOString()).toBe('2026-01-16T08:00:00.000Z')
  })

  it('computes the Pacific midnight across daylight saving changes', () => {
    expect(nextPacificMidnight(new Date('2026-03-08T07:30:00Z')).toISOString()).toBe('2026-03-08T08:00:00.000Z')
    expect(nextPacificMidnight(new Date('2026-03-08T12:00:00Z')).toISOString()).toBe('2026-03-09T07:00:00.000Z')
    expect(nextPacificMidnight(new Date('2026-10-31T12:00:00Z')).toISOString()).toBe('2026-11-01T07:00:00.000Z')
    expect(nextPacificMidnight(new Date('2026-11-01T12:00:00Z')).toISOString()).toBe('2026-11-02T08:00:00.000Z')
    expect(nextPacificMidnight(new Date('2026-06-16T07:00:00Z')).toISOString()).toBe('2026-06-17T07:00:00.000Z')
  })

  it('an expired token is an auth error', async () => {
    fake.expireToken('yt-valid-token')
    const error = await networkFailure(adapter.publish(request(randomBytes(chunkUnit)), account, context()))
    expect(error).toMatchObject({ kind: 'auth', status: 401 })
    expect(error.reason.en).toContain('reconnect')
  })

  it('a 5xx opening the session is retryable', async () => {
    fake.failNext('upload.start', 1, 503, youtubeErrors.backendError)
    await expect(adapter.publish(request(randomBytes(chunkUnit)), account, context())).rejects.toMatchObject({ kind: 'retryable', status: 503 })
  })

  it('a 400 is permanent, with the reason in three languages', async () => {
    fake.failNext('upload.start', 1, 400, youtubeErrors.invalidTitle)
    const error = await networkFailure(adapter.publish(request(randomBytes(chunkUnit)), account, context()))
    expect(error).toMatchObject({ kind: 'permanent', status: 400, code: 'invalidTitle' })
    expect(error.reason.fr).toContain('invalidTitle')
    expect(error.reason.ar).toContain('invalidTitle')
  })

  it('an upload session that expired is retryable (a new session starts over)', async () => {
    fake.failNext('upload.chunk', 1, 404)
    await expect(adapter.publish(request(randomBytes(2 * chunkUnit)), account, context())).rejects.toMatchObject({ kind: 'retryable', code: 'session_expired' })
    expect(fake.videos).toHaveLength(0)
  })
})

describe('YouTube metrics', () => {
  it('reads the realtime counters as numbers', async () => {
    const { remoteId } = await adapter.publish(request(randomBytes(chunkUnit)), account, context())
    fake.setStatistics(remoteId, { viewCount: '1520', likeCount: '87', favoriteCount: '0', commentCount: '12' })
    await expect(adapter.fetchMetrics(remoteId, account, context())).resolves.toEqual({
      remoteId,
      fetchedAt: now.toISOString(),
      values: { viewCount: 1520, likeCount: 87, commentCount: 12, favoriteCount: 0 },
    })
  })

  it('gives null, never 0, for counters YouTube withholds', async () => {
    const { remoteId } = await adapter.publish(request(randomBytes(chunkUnit)), account, context())
    fake.setStatistics(remoteId, { viewCount: '40', favoriteCount: '0' })
    const snapshot = await adapter.fetchMetrics(remoteId, account, context())
    expect(snapshot.values).toEqual({ viewCount: 40, likeCount: null, commentCount: null, favoriteCount: 0 })
  })

  it('a video that no longer exists is a permanent error', async () => {
    await expect(adapter.fetchMetrics('gone', account, context())).rejects.toMatchObject({ kind: 'permanent', code: 'video_not_found' })
  })
})

describe('YouTube account metrics', () => {
  it('reads the channel’s counters as numbers, in one channels.list', async () => {
    fake.setChannelStatistics({ subscriberCount: 5127, viewCount: 1_284_390, videoCount: 148 })
    await expect(adapter.fetchAccountMetrics(account, context())).resolves.toEqual({
      fetchedAt: now.toISOString(),
      // YouTube shows subscribers to three significant figures.
      values: { subscriberCount: 5120, viewCount: 1_284_390, videoCount: 148 },
    })
    const calls = fake.callsTo('channels.list')
    expect(calls.map((call) => [call.method, call.url.searchParams.get('part'), call.url.searchParams.get('mine')])).toEqual([['GET', 'statistics', 'true']])
  })

  it('gives null, never 0, for a subscriber count the channel hides', async () => {
    fake.setChannelStatistics({ hiddenSubscriberCount: true, viewCount: 900, videoCount: 12 })
    const snapshot = await adapter.fetchAccountMetrics(account, context())
    expect(snapshot.values).toEqual({ subscriberCount: null, viewCount: 900, videoCount: 12 })
  })

  it('trusts the hidden flag over a count that comes with it', async () => {
    const statistics = { viewCount: '900', subscriberCount: '0', hiddenSubscriberCount: true, videoCount: '12' }
    fake.script({ route: 'channels.list' }, { kind: 'respond', status: 200, body: { items: [{ id: fake.channelId, statistics }] } })
    const snapshot = await adapter.fetchAccountMetrics(account, context())
    expect(snapshot.values.subscriberCount).toBeNull()
  })

  it('an expired token is the same auth error as for a video’s metrics', async () => {
    fake.expireToken('yt-valid-token')
    const videoError = await networkFailure(adapter.fetchMetrics('vid00000001', account, context()))
    const accountError = await networkFailure(adapter.fetchAccountMetrics(account, context()))
    expect(accountError).toMatchObject({ kind: 'auth', status: 401 })
    expect(accountError.kind).toBe(videoError.kind)
    expect(accountError.reason).toEqual(videoError.reason)
  })

  it('a used-up quota waits for midnight Pacific time, like every other call', async () => {
    fake.failNext('channels.list', 1, 403, youtubeErrors.quotaExceeded)
    const error = await networkFailure(adapter.fetchAccountMetrics(account, context()))
    expect(error).toMatchObject({ kind: 'rate_limited', code: 'quotaExceeded' })
    expect(error.retryAt?.toISOString()).toBe('2026-06-16T07:00:00.000Z')
  })

  it('a token that leads to no channel asks for the account to be reconnected', async () => {
    fake.script({ route: 'channels.list' }, { kind: 'respond', status: 200, body: { kind: 'youtube#channelListResponse', items: [] } })
    await expect(adapter.fetchAccountMetrics(account, context())).rejects.toMatchObject({ kind: 'auth', code: 'channel_not_found' })
  })
})

describe('YouTube moderation', () => {
  beforeEach(() => {
    fake.comments.set('Ugz-comment-1', { moderationStatus: 'published', text: 'Ce n’est que de l’impunité' })
  })

  it('hides by holding for review and unhides by publishing again', async () => {
    await adapter.moderate('Ugz-comment-1', { action: 'hide' }, account, context())
    expect(fake.comments.get('Ugz-comment-1')?.moderationStatus).toBe('heldForReview')
    await adapter.moderate('Ugz-comment-1', { action: 'unhide' }, account, context())
    expect(fake.comments.get('Ugz-comment-1')?.moderationStatus).toBe('published')

    const calls = fake.callsTo('comments.setModerationStatus')
    expect(calls.map((call) => [call.method, call.url.searchParams.get('id'), call.url.searchParams.get('moderationStatus')])).toEqual([
      ['POST', 'Ugz-comment-1', 'heldForReview'],
      ['POST', 'Ugz-comment-1', 'published'],
    ])
    expect(calls.every((call) => call.bodyLength === 0 && !call.url.searchParams.has('banAuthor'))).toBe(true)
  })

  it('replies under the comment and deletes it', async () => {
    await adapter.moderate('Ugz-comment-1', { action: 'reply', text: 'Merci pour votre question, voici la loi : …' }, account, context())
    const [insert] = fake.callsTo('comments.insert')
    expect(insert.url.searchParams.get('part')).toBe('snippet')
    expect(insert.json).toEqual({ snippet: { parentId: 'Ugz-comment-1', textOriginal: 'Merci pour votre question, voici la loi : …' } })

    await adapter.moderate('Ugz-comment-1', { action: 'delete' }, account, context())
    const [deletion] = fake.callsTo('comments.delete')
    expect([deletion.method, deletion.url.searchParams.get('id')]).toEqual(['DELETE', 'Ugz-comment-1'])
    expect(fake.comments.get('Ugz-comment-1')?.deleted).toBe(true)
  })

  it('a missing comment is permanent and an expired token is auth', async () => {
    await expect(adapter.moderate('unknown', { action: 'hide' }, account, context())).rejects.toMatchObject({ kind: 'permanent', status: 404 })
    fake.expireToken('yt-valid-token')
    await expect(adapter.moderate('Ugz-comment-1', { action: 'delete' }, account, context())).rejects.toMatchObject({ kind: 'auth' })
  })
})
