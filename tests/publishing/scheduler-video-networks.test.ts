/**
 * YouTube and TikTok through the publishing engine, end to end: an approved item with a real
 * uploaded video, a scheduled variant, the scheduler's tick, the fake network. What the network
 * receives (exactly once), what the variant, its attempts and its account end up as, for the
 * normal path and for each network's own failures (YouTube's daily quota and an upload it cannot
 * confirm; TikTok's processing failure, rate limit and an upload it cannot confirm).
 */
import fs from 'node:fs'
import path from 'node:path'

import { jest } from '@jest/globals'
import pg from 'pg'
import type { Payload } from 'payload'

import { publishingScheduler } from '../../plugins/campaign-ops'
import { nextPacificMidnight } from '../../plugins/campaign-ops/networks/youtube/adapter'
import { reasons } from '../../plugins/campaign-ops/publishing/reasons'
import { reasonText } from '../../plugins/campaign-ops/publishing/variant-state'
import { pluginText } from '../../plugins/campaign-ops/translations'
import type { Media } from '../../payload-types'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { waitFor } from '../helpers/wait-for'
import { setWorkflowState } from '../helpers/workflow'
import { makeMovie } from '../media/fixtures/make-mp4'
import { googleError, youtubeErrors, YoutubeFake } from '../networks/fakes/youtube-fake'
import type { YoutubeRoute } from '../networks/fakes/youtube-fake'
import { tiktokError, TiktokFake } from '../networks/fakes/tiktok-fake'
import type { TiktokRoute } from '../networks/fakes/tiktok-fake'
import { testTokenKey } from './publishing-fixtures'

jest.setTimeout(60_000)

const youtubeToken = 'yt-valid-token'
const tiktokToken = 'tt-valid-token'
const tiktokOpenId = 'open-id-badil'

let youtube: YoutubeFake
let tiktok: TiktokFake
let app: TestPayload | undefined
let payload: Payload
let accounts: { youtube: number; tiktok: number }

beforeAll(async () => {
  ;[youtube, tiktok] = await Promise.all([YoutubeFake.start(), TiktokFake.start()])
})

afterAll(async () => {
  await Promise.all([youtube?.stop(), tiktok?.stop()])
})

/** A Payload on the fakes, with the YouTube upload host given as `youtubeUploadUrl`. */
async function bootApp(youtubeUploadUrl: string) {
  app = await startTestPayload({
    env: {
      YOUTUBE_API_URL: youtube.baseUrl,
      YOUTUBE_UPLOAD_URL: youtubeUploadUrl,
      TIKTOK_API_URL: tiktok.baseUrl,
      NETWORK_TOKEN_KEY: testTokenKey,
    },
    config: {
      publishing: {
        // Reconciliation on the next tick; an unanswered request gives up after 2 s.
        scheduler: { reconcileAfterMs: 0, backoffBaseMs: 200, backoffMaxMs: 400, requestTimeoutMs: 2_000, leaseMs: 30_000, maxAttempts: 3 },
      },
    },
  })
  payload = app.payload
  // Connected by pasting each fake's token: the collection seals it with NETWORK_TOKEN_KEY.
  const connect = async (network: 'youtube' | 'tiktok', accountId: string, accessToken: string) =>
    (
      await payload.create({
        collection: 'network-accounts',
        overrideAccess: true,
        data: { network, connection: 'api', name: `Badil ${network}`, accountId, accessToken },
      })
    ).id as number
  accounts = { youtube: await connect('youtube', youtube.channelId, youtubeToken), tiktok: await connect('tiktok', tiktokOpenId, tiktokToken) }
}

async function closeApp() {
  await app?.close()
  app = undefined
}

const tick = () => publishingScheduler(payload).tick()

/** Ticks until `check` holds: the scheduler's own pace, however slow the machine. */
async function tickUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  await waitFor(
    async () => {
      await tick()
      return check()
    },
    timeoutMs,
    what,
    100,
  )
}

async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: app!.databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

/** A real MP4 (12 s, H.264 boxes) through the media collection, which reads its size and duration. */
async function uploadVideo(name: string, shape: 'landscape' | 'vertical'): Promise<Media> {
  const [width, height] = shape === 'landscape' ? [1280, 720] : [1080, 1920]
  const data = makeMovie({ width, height, timescale: 600, frameCount: 360, frameDuration: 20 })
  const media = await payload.create({
    collection: 'media',
    overrideAccess: true,
    locale: 'fr',
    data: { alt: `Vidéo : ${name}` },
    file: { data, mimetype: 'video/mp4', name, size: data.length },
  })
  // Read by the media pipeline from the file itself.
  expect(media).toMatchObject({ kind: 'video', mimeType: 'video/mp4', width, height, filesize: data.length, video: { durationSeconds: 12 } })
  return media
}

/** The bytes the media library keeps for this upload (what the network must receive). */
function storedBytes(media: Media): Buffer {
  const staticDir = String(payload.collections.media!.config.upload!.staticDir)
  return fs.readFileSync(path.join(staticDir, String(media.filename)))
}

type VideoPlatform = 'youtube' | 'youtube_short' | 'tiktok'

/** An approved item holding `media`, and its variant scheduled a second ago on the network's account. */
async function scheduledVideoVariant(platform: VideoPlatform, media: Media, options: { text: string; title?: string; itemTitle?: string }) {
  const item = await payload.create({
    collection: 'content-items',
    overrideAccess: true,
    data: { title: options.itemTitle ?? `Vidéo ${platform} ${media.id}`, format: 'short_video', assets: [media.id] },
  })
  await setWorkflowState(payload, item.id, 'approved')
  const variant = await payload.create({
    collection: 'platform-variants',
    overrideAccess: true,
    data: {
      contentItem: item.id,
      platform,
      language: 'fr',
      text: options.text,
      ...(options.title ? { title: options.title } : {}),
      media: [media.id],
      networkAccount: platform === 'tiktok' ? accounts.tiktok : accounts.youtube,
      publicationState: 'scheduled',
      scheduledAt: new Date(Date.now() - 1000).toISOString(),
    },
  })
  return { id: variant.id as number, item: item.id as number }
}

const variantById = (id: number) => payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true })
const accountById = (id: number) => payload.findByID({ collection: 'network-accounts', id, depth: 0, overrideAccess: true })
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

/** The routes a fake served since `mark` (its call count before the step). */
const youtubeRoutesSince = (mark: number) => youtube.calls.slice(mark).map((call) => call.route as YoutubeRoute | 'unknown')
const tiktokRoutesSince = (mark: number) => tiktok.calls.slice(mark).map((call) => call.route as TiktokRoute | 'unknown')
const videosTitled = (title: string) => youtube.videos.filter((video) => video.title === title)
const tiktokPostsCaptioned = (caption: string) => tiktok.accepted.filter((post) => post.title === caption)

/** What the engine stores as a reason: French, Arabic and English, one per line. */
const stored = (key: Parameters<typeof pluginText>[0]) => reasonText(pluginText(key))

describe('YouTube and TikTok through the publishing scheduler', () => {
  beforeAll(() => bootApp(youtube.baseUrl))
  afterAll(closeApp)

  describe('YouTube', () => {
    it('a scheduled video is uploaded once through a resumable session; the variant is published with the video’s id and watch link', async () => {
      const media = await uploadVideo('tig-explique.mp4', 'landscape')
      const text = 'Le travail d’intérêt général, expliqué en 2 minutes. #Badil #loi4322'
      const { id, item } = await scheduledVideoVariant('youtube', media, { text, title: 'Le TIG expliqué en 2 minutes' })
      const mark = youtube.calls.length

      const report = await tick()

      expect(report.published).toEqual({ succeeded: 1 })
      // The token was stored sealed; the engine opened it for this call only.
      const [row] = await sql(`SELECT access_token_sealed FROM network_accounts WHERE id = $1`, [accounts.youtube])
      expect(row!.access_token_sealed).toMatch(/^v1:/)
      expect(row!.access_token_sealed).not.toContain(youtubeToken)
      // One session, the whole (small) file as its one final chunk, nothing else.
      expect(youtubeRoutesSince(mark)).toEqual(['upload.start', 'upload.chunk'])
      const [start] = youtube.calls.slice(mark)
      expect(start!.headers).toMatchObject({
        authorization: `Bearer ${youtubeToken}`,
        'x-upload-content-length': String(media.filesize),
        'x-upload-content-type': 'video/mp4',
      })
      const uploaded = videosTitled('Le TIG expliqué en 2 minutes')
      expect(uploaded).toHaveLength(1)
      const [video] = uploaded
      expect(video).toMatchObject({
        description: text,
        tags: ['Badil', 'loi4322'],
        privacyStatus: 'public',
        selfDeclaredMadeForKids: false,
        mimeType: 'video/mp4',
      })
      expect(video!.bytes.equals(storedBytes(media))).toBe(true)

      const published = await variantById(id)
      expect(published).toMatchObject({
        publicationState: 'published',
        remoteId: video!.id,
        permalink: `https://www.youtube.com/watch?v=${video!.id}`,
        attempts: 1,
        lastError: null,
        nextAttemptAt: null,
      })
      expect(published.publishedAt).toBeTruthy()
      const attempts = await attemptsOf(id)
      expect(attempts).toHaveLength(1)
      expect(attempts[0]).toMatchObject({
        kind: 'publish',
        outcome: 'succeeded',
        attemptNumber: 1,
        idempotencyKey: `badil-variant-${id}`,
        platform: 'youtube',
        networkAccount: accounts.youtube,
        remoteId: video!.id,
        permalink: `https://www.youtube.com/watch?v=${video!.id}`,
        errorKind: null,
      })
      expect(attempts[0]!.requestSummary).toMatchObject({
        platform: 'youtube',
        title: 'Le TIG expliqué en 2 minutes',
        media: [{ kind: 'video', mimeType: 'video/mp4', filename: media.filename, sizeBytes: media.filesize }],
      })
      // The item's first post moves it to "published".
      expect((await payload.findByID({ collection: 'content-items', id: item, overrideAccess: true })).workflowState).toBe('published')

      // Nothing goes out again on later ticks.
      await tick()
      expect(videosTitled('Le TIG expliqué en 2 minutes')).toHaveLength(1)
      expect(await attemptsOf(id)).toHaveLength(1)
    })

    it('a Short is uploaded once, under its own title, with its /shorts/ link', async () => {
      const media = await uploadVideo('short-deuxieme-chance.mp4', 'vertical')
      const { id } = await scheduledVideoVariant('youtube_short', media, {
        text: 'Une deuxième chance, pas l’impunité.',
        title: 'Une deuxième chance (Short)',
      })

      expect((await tick()).published).toEqual({ succeeded: 1 })

      const uploaded = videosTitled('Une deuxième chance (Short)')
      expect(uploaded).toHaveLength(1)
      expect(uploaded[0]!.bytes.equals(storedBytes(media))).toBe(true)
      const published = await variantById(id)
      expect([published.publicationState, published.remoteId, published.permalink]).toEqual([
        'published',
        uploaded[0]!.id,
        `https://www.youtube.com/shorts/${uploaded[0]!.id}`,
      ])
      expect((await attemptsOf(id)).map((attempt) => [attempt.kind, attempt.outcome])).toEqual([['publish', 'succeeded']])
    })

    // The variant's report says "the content item's title will be used unless you set one here"
    // (src/i18n/translations.ts variantLimits.titleMissing; platform-limits.ts youtubeTitle.missingSource).
    it('a variant without a title goes out under its content item’s title, as the variant’s warning promises', async () => {
      const media = await uploadVideo('sans-titre.mp4', 'landscape')
      const { id } = await scheduledVideoVariant('youtube', media, {
        text: 'Première ligne de la description\nLa suite de la description.',
        itemTitle: 'Titre du contenu : les peines alternatives',
      })

      // What the CM is told when saving the variant.
      const warning = ((await variantById(id)).validationReport as { warnings: { code: string; message: { en: string } }[] }).warnings.find(
        (issue) => issue.code === 'title.missing',
      )
      expect(warning?.message.en).toContain("the content item's title will be used")

      await tick()

      const published = await variantById(id)
      expect(published.publicationState).toBe('published')
      const video = youtube.videos.find((candidate) => candidate.id === published.remoteId)!
      // Before the fix: "Première ligne de la description", the text's first line (the request
      // carried the variant's own title only).
      expect(video.title).toBe('Titre du contenu : les peines alternatives')
    })

    it('a final chunk left unanswered, and a session that can no longer be asked, is an unknown outcome; the next tick finds the video in the uploads, never uploading twice', async () => {
      const media = await uploadVideo('reponse-perdue.mp4', 'landscape')
      const title = 'Réponse perdue après le dernier morceau'
      const { id } = await scheduledVideoVariant('youtube', media, { text: 'La vidéo est arrivée, la réponse non.', title })
      // YouTube stores the video but never answers the last PUT; asking the session then says it expired.
      youtube.script({ route: 'upload.chunk', final: true }, { kind: 'hang', afterHandling: true })
      youtube.script({ route: 'upload.query' }, { kind: 'respond', status: 404, body: googleError(404, 'notFound', 'upload session') })
      const mark = youtube.calls.length

      const first = await tick()

      expect(first.published).toEqual({ outcome_unknown: 1 })
      expect(youtubeRoutesSince(mark)).toEqual(['upload.start', 'upload.chunk', 'upload.query'])
      const unknown = await variantById(id)
      expect(unknown.publicationState).toBe('outcome_unknown')
      expect(unknown.lastError).toBe(stored('networkErrors:youtube:unknownOutcome'))
      expect((await attemptsOf(id))[0]).toMatchObject({ kind: 'publish', outcome: 'outcome_unknown', errorKind: 'outcome_unknown' })

      const second = await tick()

      expect(second.reconciled).toEqual({ found: 1 })
      expect(second.published).toEqual({})
      const uploaded = videosTitled(title)
      expect(uploaded).toHaveLength(1)
      const settled = await variantById(id)
      expect(settled).toMatchObject({
        publicationState: 'published',
        remoteId: uploaded[0]!.id,
        permalink: `https://www.youtube.com/watch?v=${uploaded[0]!.id}`,
        lastError: null,
      })
      // Found through the channel's uploads playlist; one session, one final chunk.
      expect(youtubeRoutesSince(mark)).toEqual(['upload.start', 'upload.chunk', 'upload.query', 'channels.list', 'playlistItems.list'])
      expect((await attemptsOf(id)).map((attempt) => [attempt.kind, attempt.outcome, attempt.remoteId ?? null])).toEqual([
        ['publish', 'outcome_unknown', null],
        ['reconcile', 'found', uploaded[0]!.id],
      ])
    })

    // Last of the YouTube cases: the account is rate limited until the test moves past "midnight".
    it('quotaExceeded: the variant and the account wait for midnight Pacific time with YouTube’s reason, then the video goes out once', async () => {
      const media = await uploadVideo('quota.mp4', 'landscape')
      youtube.failNext('upload.start', 1, 403, youtubeErrors.quotaExceeded)
      const { id } = await scheduledVideoVariant('youtube', media, { text: 'Publiée après la remise à zéro du quota.', title: 'Après le quota' })
      const mark = youtube.calls.length
      const before = new Date()

      const report = await tick()

      const after = new Date()
      expect(report.published).toEqual({ rate_limited: 1 })
      // Refused when the session opened: no bytes sent, no video.
      expect(youtubeRoutesSince(mark)).toEqual(['upload.start'])
      expect(videosTitled('Après le quota')).toHaveLength(0)
      const midnights = [nextPacificMidnight(before).toISOString(), nextPacificMidnight(after).toISOString()]
      const quotaReason = stored('networkErrors:youtube:quota')

      const waiting = await variantById(id)
      expect(waiting.publicationState).toBe('scheduled')
      expect(waiting.lastError).toBe(quotaReason)
      expect(midnights).toContain(new Date(waiting.nextAttemptAt!).toISOString())
      const [attempt] = await attemptsOf(id)
      expect(attempt).toMatchObject({ kind: 'publish', outcome: 'rate_limited', errorKind: 'rate_limited', reason: quotaReason, attemptNumber: 1 })
      expect(attempt!.response).toMatchObject({ kind: 'rate_limited', status: 403, code: 'quotaExceeded' })
      expect(midnights).toContain(new Date(attempt!.retryAt!).toISOString())
      const limited = await accountById(accounts.youtube)
      expect(limited).toMatchObject({ status: 'rate_limited', lastError: quotaReason })
      expect(midnights).toContain(new Date(limited.rateLimitedUntil!).toISOString())

      // Another video due on the same channel waits too: nothing is sent to YouTube meanwhile.
      const otherMedia = await uploadVideo('quota-bis.mp4', 'landscape')
      const other = await scheduledVideoVariant('youtube', otherMedia, { text: 'Elle aussi attend le quota.', title: 'Après le quota (bis)' })
      const quiet = youtube.calls.length
      expect((await tick()).published).toEqual({})
      expect(youtube.calls.length).toBe(quiet)
      expect((await variantById(other.id)).publicationState).toBe('scheduled')
      expect(await attemptsOf(other.id)).toHaveLength(0)

      // Midnight in Los Angeles, as far as Badil can tell: the limit and the retry time have passed.
      await sql(`UPDATE network_accounts SET rate_limited_until = now() - interval '1 second' WHERE id = $1`, [accounts.youtube])
      await sql(`UPDATE platform_variants SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [id])
      await tickUntil(
        async () => (await variantById(id)).publicationState === 'published' && (await variantById(other.id)).publicationState === 'published',
        'both YouTube videos published after the quota reset',
      )

      for (const [variantId, videoTitle] of [
        [id, 'Après le quota'],
        [other.id, 'Après le quota (bis)'],
      ] as const) {
        const uploaded = videosTitled(videoTitle)
        expect(uploaded).toHaveLength(1)
        expect((await variantById(variantId)).remoteId).toBe(uploaded[0]!.id)
      }
      // The refused session, then one upload each.
      expect(youtubeRoutesSince(mark).filter((route) => route === 'upload.start')).toHaveLength(3)
      expect((await attemptsOf(id)).map((entry) => [entry.attemptNumber, entry.outcome])).toEqual([
        [1, 'rate_limited'],
        [2, 'succeeded'],
      ])
      expect((await attemptsOf(other.id)).map((entry) => [entry.attemptNumber, entry.outcome])).toEqual([[1, 'succeeded']])
      expect(await accountById(accounts.youtube)).toMatchObject({ status: 'ok', rateLimitedUntil: null })
    })
  })

  describe('TikTok', () => {
    it('creator info, init, one chunk, status polled until complete: posted once, the variant published with the exact int64 post id and its link', async () => {
      const media = await uploadVideo('tiktok-reel.mp4', 'vertical')
      const caption = 'La prison n’est pas la seule réponse. العقوبات البديلة #Badil'
      const { id, item } = await scheduledVideoVariant('tiktok', media, { text: caption })
      // TikTok is still processing at the first status poll.
      tiktok.processingPolls = 1
      const mark = tiktok.calls.length

      const report = await tick()

      tiktok.processingPolls = 0
      expect(report.published).toEqual({ succeeded: 1 })
      expect(tiktokRoutesSince(mark)).toEqual(['creator_info', 'video.init', 'upload', 'status.fetch', 'status.fetch'])
      const size = media.filesize!
      expect(tiktok.calls[mark + 1]!.json).toEqual({
        post_info: { title: caption, privacy_level: 'PUBLIC_TO_EVERYONE', disable_comment: false, disable_duet: false, disable_stitch: false },
        source_info: { source: 'FILE_UPLOAD', video_size: size, chunk_size: size, total_chunk_count: 1 },
      })
      expect(tiktok.calls[mark + 2]!.headers).toMatchObject({ 'content-range': `bytes 0-${size - 1}/${size}`, 'content-type': 'video/mp4' })
      const posted = tiktokPostsCaptioned(caption)
      expect(posted).toHaveLength(1)
      const [post] = posted
      expect(post!.postId).toMatch(/^\d{19}$/)
      expect(post!.bytes.equals(storedBytes(media))).toBe(true)

      const published = await variantById(id)
      expect(published).toMatchObject({
        publicationState: 'published',
        // Beyond 2^53: any detour through a JS number would change it.
        remoteId: post!.postId,
        permalink: `https://www.tiktok.com/@badil.maroc/video/${post!.postId}`,
        attempts: 1,
        lastError: null,
      })
      const attempts = await attemptsOf(id)
      expect(attempts).toHaveLength(1)
      expect(attempts[0]).toMatchObject({
        kind: 'publish',
        outcome: 'succeeded',
        attemptNumber: 1,
        idempotencyKey: `badil-variant-${id}`,
        platform: 'tiktok',
        networkAccount: accounts.tiktok,
        remoteId: post!.postId,
        permalink: `https://www.tiktok.com/@badil.maroc/video/${post!.postId}`,
      })
      expect(attempts[0]!.requestSummary).toMatchObject({
        platform: 'tiktok',
        text: caption,
        media: [{ kind: 'video', mimeType: 'video/mp4', sizeBytes: size }],
      })
      expect((await payload.findByID({ collection: 'content-items', id: item, overrideAccess: true })).workflowState).toBe('published')

      await tick()
      expect(tiktokPostsCaptioned(caption)).toHaveLength(1)
      expect(tiktokRoutesSince(mark)).toHaveLength(5)
    })

    it('a video TikTok fails to process (frame_rate_check_failed) fails the variant with TikTok’s reason, and is not tried again', async () => {
      const media = await uploadVideo('tiktok-images-par-seconde.mp4', 'vertical')
      const caption = 'Cadence refusée par TikTok'
      const { id } = await scheduledVideoVariant('tiktok', media, { text: caption })
      tiktok.nextFailReason = 'frame_rate_check_failed'
      const mark = tiktok.calls.length

      const report = await tick()

      expect(report.published).toEqual({ failed: 1 })
      expect(tiktokRoutesSince(mark)).toEqual(['creator_info', 'video.init', 'upload', 'status.fetch'])
      expect(tiktokPostsCaptioned(caption)).toHaveLength(0)
      const reason = stored('networkErrors:tiktok:failReasons:frame_rate_check_failed')
      const failed = await variantById(id)
      expect(failed).toMatchObject({ publicationState: 'failed', lastError: reason, nextAttemptAt: null, remoteId: null, attempts: 1 })
      const attempts = await attemptsOf(id)
      expect(attempts).toHaveLength(1)
      expect(attempts[0]).toMatchObject({ kind: 'publish', outcome: 'failed', errorKind: 'permanent', reason })
      expect(attempts[0]!.response).toMatchObject({ kind: 'permanent', code: 'frame_rate_check_failed' })
      // A permanent failure leaves the account usable.
      expect((await accountById(accounts.tiktok)).status).toBe('ok')

      await tick()
      expect(tiktokRoutesSince(mark)).toHaveLength(4)
      expect((await variantById(id)).publicationState).toBe('failed')
    })

    it('rate_limit_exceeded at init: the variant and the account wait for Retry-After, then the video is posted once', async () => {
      const media = await uploadVideo('tiktok-limite.mp4', 'vertical')
      const caption = 'Publiée après la limite de débit TikTok'
      const { id } = await scheduledVideoVariant('tiktok', media, { text: caption })
      tiktok.script(
        { route: 'video.init' },
        { kind: 'respond', status: 429, body: tiktokError('rate_limit_exceeded', 'Too many requests'), headers: { 'retry-after': '2' } },
      )
      const mark = tiktok.calls.length
      const before = Date.now()

      const report = await tick()

      expect(report.published).toEqual({ rate_limited: 1 })
      expect(tiktokRoutesSince(mark)).toEqual(['creator_info', 'video.init'])
      const reason = stored('networkErrors:tiktok:rate')
      const waiting = await variantById(id)
      expect(waiting).toMatchObject({ publicationState: 'scheduled', lastError: reason, attempts: 1 })
      const retryAt = new Date(waiting.nextAttemptAt!).getTime()
      expect(retryAt).toBeGreaterThanOrEqual(before + 2_000)
      expect(retryAt).toBeLessThanOrEqual(Date.now() + 2_000)
      const [attempt] = await attemptsOf(id)
      expect(attempt).toMatchObject({ kind: 'publish', outcome: 'rate_limited', errorKind: 'rate_limited', reason })
      expect(attempt!.response).toMatchObject({ kind: 'rate_limited', status: 429, code: 'rate_limit_exceeded' })
      const limited = await accountById(accounts.tiktok)
      expect(limited).toMatchObject({ status: 'rate_limited', lastError: reason })
      expect(new Date(limited.rateLimitedUntil!).getTime()).toBe(retryAt)

      await tickUntil(async () => (await variantById(id)).publicationState === 'published', 'the TikTok post after the rate limit')

      const posted = tiktokPostsCaptioned(caption)
      expect(posted).toHaveLength(1)
      expect((await variantById(id)).remoteId).toBe(posted[0]!.postId)
      // The refused init, then the whole flow once (creator info asked again before the post).
      expect(tiktokRoutesSince(mark)).toEqual(['creator_info', 'video.init', 'creator_info', 'video.init', 'upload', 'status.fetch'])
      expect((await attemptsOf(id)).map((entry) => [entry.attemptNumber, entry.outcome])).toEqual([
        [1, 'rate_limited'],
        [2, 'succeeded'],
      ])
      expect(await accountById(accounts.tiktok)).toMatchObject({ status: 'ok', rateLimitedUntil: null })
    })

    it('a last chunk TikTok never confirms, with its status unreachable, is an unknown outcome; TikTok cannot be asked, so it waits for a person, never re-posted', async () => {
      const media = await uploadVideo('tiktok-sans-reponse.mp4', 'vertical')
      const caption = 'Dernier morceau sans réponse'
      const { id } = await scheduledVideoVariant('tiktok', media, { text: caption })
      // TikTok takes the bytes and posts, but the PUT and the following status read go unanswered.
      tiktok.script({ route: 'upload', final: true }, { kind: 'hang', afterHandling: true })
      tiktok.script({ route: 'status.fetch' }, { kind: 'hang', afterHandling: false })
      const mark = tiktok.calls.length

      const first = await tick()

      expect(first.published).toEqual({ outcome_unknown: 1 })
      expect(tiktokRoutesSince(mark)).toEqual(['creator_info', 'video.init', 'upload', 'status.fetch'])
      expect(tiktokPostsCaptioned(caption)).toHaveLength(1)
      const unknown = await variantById(id)
      expect(unknown.publicationState).toBe('outcome_unknown')
      expect(unknown.lastError).toBe(stored('networkErrors:tiktok:unknownOutcome'))
      expect((await attemptsOf(id))[0]).toMatchObject({ kind: 'publish', outcome: 'outcome_unknown', errorKind: 'outcome_unknown' })

      const second = await tick()

      expect(second.reconciled).toEqual({ needs_person: 1 })
      const needsPerson = await variantById(id)
      expect(needsPerson).toMatchObject({ publicationState: 'outcome_unknown', nextAttemptAt: null, lastError: reasonText(reasons.lookupUnsupported) })
      expect((await attemptsOf(id)).map((attempt) => [attempt.kind, attempt.outcome])).toEqual([
        ['publish', 'outcome_unknown'],
        ['reconcile', 'outcome_unknown'],
      ])

      // Left for a person: later ticks neither reconcile nor publish it again.
      const third = await tick()
      expect([third.reconciled, third.published]).toEqual([{}, {}])
      expect(tiktokRoutesSince(mark)).toHaveLength(4)
      expect(tiktokPostsCaptioned(caption)).toHaveLength(1)
    })
  })
})

describe('YouTube with its upload host given with Google’s /upload prefix', () => {
  // The documented default is the bare host (https://www.googleapis.com); a configuration that
  // names https://www.googleapis.com/upload, as earlier versions did, must not double the prefix.
  // The same shape, on the fake's host.
  beforeAll(() => bootApp(`${youtube.baseUrl}/upload`))
  afterAll(closeApp)

  it('uploads to <host>/upload/youtube/v3/videos, not <host>/upload/upload/youtube/v3/videos', async () => {
    const media = await uploadVideo('hote-par-defaut.mp4', 'landscape')
    const { id } = await scheduledVideoVariant('youtube', media, { text: 'Hôte d’envoi par défaut.', title: 'Hôte d’envoi par défaut' })
    const mark = youtube.calls.length

    await tick()

    // Before the fix the session was opened at /upload/upload/youtube/v3/videos; the fake, like
    // Google, answered 404, which the adapter read as "the video no longer exists".
    const variant = await variantById(id)
    expect({
      requests: youtube.calls.slice(mark).map((call) => `${call.method} ${call.url.pathname}`),
      state: variant.publicationState,
      lastError: variant.lastError,
    }).toEqual({
      requests: ['POST /upload/youtube/v3/videos', 'PUT /upload/youtube/v3/videos'],
      state: 'published',
      lastError: null,
    })
    expect(videosTitled('Hôte d’envoi par défaut')).toHaveLength(1)
  })
})
