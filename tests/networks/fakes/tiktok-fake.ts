/**
 * A local stand-in for TikTok's Content Posting API (docs/networks.md#tiktok): creator
 * info, direct post init with FILE_UPLOAD chunk rules, chunk upload, status fetch, video query,
 * the user's info and figures (scoped fields), plus scripted failures (error responses, dropped connections, unanswered requests).
 */
import http from 'node:http'

import { listenOnLoopback, readBody, readBodyPrefix } from './fake-server'
import { routeScripts } from './scripted-failures'
import type { Intervention } from './scripted-failures'

export type { Intervention }

export type TiktokRoute = 'creator_info' | 'video.init' | 'upload' | 'status.fetch' | 'video.query' | 'user.info'

export type TiktokCall = {
  route: TiktokRoute | 'unknown'
  method: string
  url: URL
  headers: http.IncomingHttpHeaders
  /** For uploads: whether the chunk ends the file. */
  final: boolean
  bodyLength: number
  json?: unknown
}

export type AcceptedVideo = { publishId: string; postId: string | null; title: string; privacyLevel: string; postInfo: Record<string, unknown>; bytes: Buffer }

type Publish = {
  id: string
  postInfo: Record<string, unknown>
  size: number
  chunkSize: number
  chunkCount: number
  data: Buffer
  received: number
  processingPollsLeft: number
  failReason: string | null
  postId: string | null
}
type Reply = { status: number; headers?: Record<string, string>; body?: unknown; raw?: string }

const minChunk = 5 * 1024 * 1024
const maxChunk = 64 * 1024 * 1024
const videoTypes = ['video/mp4', 'video/quicktime', 'video/webm']

/** The scope each `user/info` field needs (docs/networks.md#tiktok-account-metrics). */
const userFieldScopes: Record<string, string> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
}

export function tiktokError(code: string, message = code): unknown {
  return { data: {}, error: { code, message, log_id: '20260615100000FAKE' } }
}

export class TiktokFake {
  readonly tokens = new Set(['tt-valid-token'])
  readonly calls: TiktokCall[] = []
  readonly accepted: AcceptedVideo[] = []
  readonly metrics = new Map<string, Record<string, number>>()
  creator = {
    creator_avatar_url: 'https://p16.example/avatar.jpeg',
    creator_username: 'badil.maroc',
    creator_nickname: 'Badil — بديل',
    privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'],
    comment_disabled: false,
    duet_disabled: false,
    stitch_disabled: false,
    max_video_post_duration_sec: 600,
  }
  /** The user behind the token, as `user/info` gives it (figures of a small campaign account). */
  user: Record<string, string | number | boolean> = {
    open_id: 'open-id-badil',
    union_id: 'union-id-badil',
    avatar_url: 'https://p16.example/avatar.jpeg',
    display_name: 'Badil — بديل',
    bio_description: 'Les peines alternatives, expliquées.',
    profile_deep_link: 'https://www.tiktok.com/@badil.maroc',
    is_verified: false,
    username: 'badil.maroc',
    follower_count: 12_840,
    following_count: 37,
    likes_count: 215_300,
    video_count: 64,
  }
  /** The scopes the user granted (Badil asks for these); `user/info` leaves out the fields of the others. */
  readonly grantedScopes = new Set(['user.info.basic', 'user.info.stats', 'video.publish', 'video.upload', 'video.list'])
  /** Polls answering PROCESSING_UPLOAD once the last chunk is in. */
  processingPolls = 0
  /** fail_reason of the next completed upload (then FAILED instead of PUBLISH_COMPLETE). */
  nextFailReason: string | null = null
  /** Whether completed posts get a public id (private posts do not). */
  givePublicIds = true
  private readonly publishes = new Map<string, Publish>()
  private readonly scripted = routeScripts<TiktokRoute>()
  private readonly server = http.createServer((incoming, outgoing) => void this.serve(incoming, outgoing))
  private sequence = 0
  baseUrl = ''

  static async start(): Promise<TiktokFake> {
    const fake = new TiktokFake()
    fake.baseUrl = await listenOnLoopback(fake.server)
    return fake
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  script(match: { route: TiktokRoute; final?: boolean }, intervention: Intervention, times = 1): void {
    this.scripted.add({ ...match, intervention }, times)
  }

  failNext(route: TiktokRoute, times: number, status: number, code: string): void {
    this.script({ route }, { kind: 'respond', status, body: tiktokError(code) }, times)
  }

  expireToken(token: string): void {
    this.tokens.delete(token)
  }

  callsTo(route: TiktokRoute): TiktokCall[] {
    return this.calls.filter((call) => call.route === route)
  }

  private route(method: string, url: URL, headers: http.IncomingHttpHeaders): { route: TiktokRoute | 'unknown'; final: boolean } {
    if (method === 'PUT' && url.pathname === '/upload/') {
      const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers['content-range'] ?? ''))
      return { route: 'upload', final: !!match && Number(match[2]) === Number(match[3]) - 1 }
    }
    const routes: Record<string, TiktokRoute> = {
      'POST /v2/post/publish/creator_info/query/': 'creator_info',
      'POST /v2/post/publish/video/init/': 'video.init',
      'POST /v2/post/publish/status/fetch/': 'status.fetch',
      'POST /v2/video/query/': 'video.query',
      'GET /v2/user/info/': 'user.info',
    }
    return { route: routes[`${method} ${url.pathname}`] ?? 'unknown', final: false }
  }

  private takeIntervention(route: TiktokRoute | 'unknown', final: boolean): Intervention | null {
    return this.scripted.take({ route, final })?.intervention ?? null
  }

  private async serve(incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> {
    const method = incoming.method ?? 'GET'
    const url = new URL(incoming.url ?? '/', this.baseUrl)
    const { route, final } = this.route(method, url, incoming.headers)
    const intervention = this.takeIntervention(route, final)

    if (intervention?.kind === 'drop') {
      const received = await readBodyPrefix(incoming, intervention.afterBytes)
      this.calls.push({ route, method, url, headers: incoming.headers, final, bodyLength: received.length })
      incoming.socket.destroy()
      return
    }
    const body = await readBody(incoming)
    let json: unknown
    try {
      json = body.length && route !== 'upload' ? JSON.parse(body.toString('utf8')) : undefined
    } catch {
      json = undefined
    }
    this.calls.push({ route, method, url, headers: incoming.headers, final, bodyLength: body.length, json })

    if (intervention?.kind === 'respond') return send(outgoing, intervention)
    if (intervention?.kind === 'hang' && !intervention.afterHandling) return
    const reply = this.handle(route, url, incoming.headers, body, json)
    if (intervention?.kind === 'hang') return
    send(outgoing, reply)
  }

  private handle(route: TiktokRoute | 'unknown', url: URL, headers: http.IncomingHttpHeaders, body: Buffer, json: unknown): Reply {
    if (route === 'unknown') return { status: 404, body: tiktokError('not_found') }
    // The upload URL is signed; API calls need the user's token and JSON.
    if (route === 'upload') return this.receiveChunk(url, headers, body)
    const token = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1]
    if (!token || !this.tokens.has(token))
      return { status: 401, body: tiktokError('access_token_invalid', 'The access token is invalid or not found in the request.') }
    // user/info is a GET without a body; the other calls send JSON.
    if (route === 'user.info') return this.userInfo(url)
    if (!String(headers['content-type'] ?? '').startsWith('application/json')) return { status: 400, body: tiktokError('invalid_params', 'Content-Type') }
    switch (route) {
      case 'creator_info':
        return ok(this.creator)
      case 'video.init':
        return this.init(json)
      case 'status.fetch':
        return this.status(json)
      case 'video.query':
        return this.query(url, json)
    }
  }

  private init(json: unknown): Reply {
    const { post_info: postInfo = {}, source_info: source } = (json ?? {}) as { post_info?: Record<string, unknown>; source_info?: Record<string, unknown> }
    const title = postInfo.title
    if (typeof title !== 'string' || title.length > 2200) return { status: 400, body: tiktokError('invalid_params', 'post_info.title') }
    if (!this.creator.privacy_level_options.includes(String(postInfo.privacy_level))) {
      return { status: 400, body: tiktokError('privacy_level_option_mismatch') }
    }
    if (source?.source !== 'FILE_UPLOAD') return { status: 400, body: tiktokError('invalid_params', 'source_info.source') }
    const size = Number(source.video_size)
    const chunkSize = Number(source.chunk_size)
    const chunkCount = Number(source.total_chunk_count)
    const single = size < minChunk ? chunkSize === size && chunkCount === 1 : chunkSize >= minChunk && (chunkSize <= maxChunk || chunkCount === 1)
    const countMatches = chunkCount === Math.max(1, Math.floor(size / chunkSize)) && chunkCount <= 1000
    const lastChunk = size - (chunkCount - 1) * chunkSize
    if (!Number.isInteger(size) || size <= 0 || !single || !countMatches || lastChunk > 2 * maxChunk || (size > maxChunk && chunkCount === 1)) {
      return { status: 400, body: tiktokError('invalid_file_upload', `video_size ${size}, chunk_size ${chunkSize}, total_chunk_count ${chunkCount}`) }
    }
    const id = `v_pub_file~v2-1.${7_300_000 + ++this.sequence}`
    this.publishes.set(id, {
      id,
      postInfo,
      size,
      chunkSize,
      chunkCount,
      data: Buffer.alloc(size),
      received: 0,
      processingPollsLeft: 0,
      failReason: null,
      postId: null,
    })
    return ok({ publish_id: id, upload_url: `${this.baseUrl}/upload/?upload_id=${encodeURIComponent(id)}&upload_token=signed` })
  }

  private receiveChunk(url: URL, headers: http.IncomingHttpHeaders, body: Buffer): Reply {
    const publish = this.publishes.get(url.searchParams.get('upload_id') ?? '')
    if (!publish || url.searchParams.get('upload_token') !== 'signed') return { status: 404, body: tiktokError('invalid_params', 'upload_url') }
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers['content-range']))
    if (!match || !videoTypes.includes(String(headers['content-type']))) return { status: 400, body: tiktokError('invalid_file_upload', 'headers') }
    const [first, last, total] = match.slice(1).map(Number)
    const index = first / publish.chunkSize
    const isLastChunk = index === publish.chunkCount - 1
    const expected = isLastChunk ? publish.size - index * publish.chunkSize : publish.chunkSize
    if (total !== publish.size || first !== publish.received || !Number.isInteger(index) || body.length !== expected || last !== first + expected - 1) {
      return { status: 400, body: tiktokError('invalid_file_upload', `range ${first}-${last}/${total}, received ${publish.received}`) }
    }
    body.copy(publish.data, first)
    publish.received = last + 1
    if (!isLastChunk) return { status: 206 }
    publish.processingPollsLeft = this.processingPolls
    publish.failReason = this.nextFailReason
    this.nextFailReason = null
    if (!publish.failReason) {
      publish.postId = this.givePublicIds ? (7_390_000_000_000_000_000n + BigInt(++this.sequence)).toString() : null
      const postInfo = publish.postInfo
      this.accepted.push({
        publishId: publish.id,
        postId: publish.postId,
        title: String(postInfo.title),
        privacyLevel: String(postInfo.privacy_level),
        postInfo,
        bytes: publish.data,
      })
    }
    return { status: 201 }
  }

  private status(json: unknown): Reply {
    const publish = this.publishes.get(String((json as { publish_id?: unknown } | undefined)?.publish_id))
    if (!publish) return { status: 400, body: tiktokError('invalid_params', 'publish_id') }
    const data = { uploaded_bytes: publish.received, downloaded_bytes: 0 }
    if (publish.received < publish.size) return ok({ ...data, status: 'PROCESSING_UPLOAD' })
    if (publish.processingPollsLeft > 0) {
      publish.processingPollsLeft -= 1
      return ok({ ...data, status: 'PROCESSING_UPLOAD' })
    }
    if (publish.failReason) return ok({ ...data, status: 'FAILED', fail_reason: publish.failReason })
    // TikTok sends int64 post ids as bare JSON numbers, beyond what a double holds exactly.
    const ids = publish.postId ? [publish.postId] : []
    const raw = JSON.stringify({
      data: { ...data, status: 'PUBLISH_COMPLETE', publicaly_available_post_id: '@ids@' },
      error: { code: 'ok', message: '', log_id: 'fake' },
    })
    return { status: 200, raw: raw.replace('"@ids@"', `[${ids.join(',')}]`) }
  }

  /** Only the fields asked; those of a scope the user did not grant are left out. */
  private userInfo(url: URL): Reply {
    const fields = (url.searchParams.get('fields') ?? '').split(',').filter(Boolean)
    if (fields.length === 0 || fields.some((field) => !(field in userFieldScopes))) return { status: 400, body: tiktokError('invalid_params', 'fields') }
    const granted = fields.filter((field) => this.grantedScopes.has(userFieldScopes[field]) && field in this.user)
    return ok({ user: Object.fromEntries(granted.map((field) => [field, this.user[field]])) })
  }

  private query(url: URL, json: unknown): Reply {
    const fields = (url.searchParams.get('fields') ?? '').split(',')
    const ids = (json as { filters?: { video_ids?: unknown } } | undefined)?.filters?.video_ids
    if (!fields.includes('id') || !Array.isArray(ids) || ids.length === 0 || ids.length > 20)
      return { status: 400, body: tiktokError('invalid_params', 'filters.video_ids') }
    const videos = this.accepted
      .filter((video) => video.postId && ids.includes(video.postId))
      .map((video) => {
        const stats = this.metrics.get(video.postId!) ?? {}
        return Object.fromEntries([['id', video.postId], ...fields.filter((field) => field !== 'id' && field in stats).map((field) => [field, stats[field]])])
      })
    return ok({ videos, cursor: 0, has_more: false })
  }
}

function ok(data: unknown): Reply {
  return { status: 200, body: { data, error: { code: 'ok', message: '', log_id: 'fake' } } }
}

function send(outgoing: http.ServerResponse, reply: Reply): void {
  const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
  outgoing.writeHead(reply.status, { ...(payload ? { 'Content-Type': 'application/json; charset=UTF-8' } : {}), ...reply.headers })
  outgoing.end(payload)
}
