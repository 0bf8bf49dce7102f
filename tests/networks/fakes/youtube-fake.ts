/**
 * A local stand-in for the YouTube Data API v3 (docs/networks.md#youtube): resumable
 * uploads with 308/Range semantics, uploads playlist, video and channel statistics, comment moderation, plus
 * scripted failures (error responses, dropped connections, unanswered requests).
 */
import http from 'node:http'

import { listenOnLoopback, readBody, readBodyPrefix } from './fake-server'
import { routeScripts } from './scripted-failures'
import type { Intervention } from './scripted-failures'

export type { Intervention }

export type YoutubeRoute =
  | 'upload.start'
  | 'upload.chunk'
  | 'upload.query'
  | 'videos.list'
  | 'channels.list'
  | 'playlistItems.list'
  | 'comments.setModerationStatus'
  | 'comments.delete'
  | 'comments.insert'
  | 'commentThreads.list'
  | 'comments.list'

type StoredComment = {
  moderationStatus: string
  text: string
  parentId?: string
  deleted?: boolean
  videoId?: string
  author?: { channelId: string; name: string }
  publishedAt?: string
}

/** commentThreads.list returns only a few replies per thread; comments.list?parentId= gives them all. */
const repliesPerThread = 5

export type YoutubeCall = {
  route: YoutubeRoute | 'unknown'
  method: string
  url: URL
  headers: http.IncomingHttpHeaders
  /** For upload chunks: whether the chunk ends the file. */
  final: boolean
  bodyLength: number
  json?: unknown
}

export type StoredVideo = {
  id: string
  title: string
  description: string
  tags: string[]
  privacyStatus: string
  selfDeclaredMadeForKids: unknown
  mimeType: string
  bytes: Buffer
  publishedAt: string
  statistics: Record<string, string>
}

/** The channel's true figures; what channels.list shows of them follows YouTube's public rules. */
export type ChannelStatistics = { subscriberCount: number; hiddenSubscriberCount: boolean; viewCount: number; videoCount: number }

/** The parts of a channel resource this fake can give. */
const channelParts = new Set(['id', 'snippet', 'contentDetails', 'statistics'])

/**
 * Public subscriber counts are rounded down to three significant figures
 * (docs/networks.md#youtube-channel-statistics): 5,127 shows as 5,120.
 */
export function publicSubscriberCount(count: number): number {
  const unit = 10 ** Math.max(0, String(Math.trunc(count)).length - 3)
  return Math.floor(count / unit) * unit
}

type Session = { id: string; resource: VideoResource; total: number; mimeType: string; data: Buffer; stored: number; videoId?: string }
type VideoResource = {
  snippet?: { title?: unknown; description?: unknown; tags?: unknown }
  status?: { privacyStatus?: unknown; selfDeclaredMadeForKids?: unknown }
}
type Reply = { status: number; headers?: Record<string, string>; body?: unknown }

export const chunkUnit = 256 * 1024

export function googleError(status: number, reason: string, message = reason, domain = 'youtube'): unknown {
  return { error: { code: status, message, errors: [{ domain, reason, message }] } }
}

export const youtubeErrors = {
  quotaExceeded: googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.', 'youtube.quota'),
  uploadLimitExceeded: googleError(403, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.'),
  invalidCredentials: googleError(401, 'authError', 'Invalid Credentials', 'global'),
  backendError: googleError(503, 'backendError', 'Backend Error', 'global'),
  invalidTitle: googleError(400, 'invalidTitle', 'The request metadata specifies an invalid video title.'),
}

export class YoutubeFake {
  readonly channelId = 'UCbadilCampaign0000000000'
  readonly uploadsPlaylistId = 'UUbadilCampaign0000000000'
  readonly tokens = new Set(['yt-valid-token'])
  readonly videos: StoredVideo[] = []
  readonly calls: YoutubeCall[] = []
  readonly comments = new Map<string, StoredComment>()
  /** A small campaign channel: a few thousand subscribers, its count public. */
  channelStatistics: ChannelStatistics = { subscriberCount: 5127, hiddenSubscriberCount: false, viewCount: 1_284_390, videoCount: 148 }
  private readonly sessions = new Map<string, Session>()
  private readonly scripted = routeScripts<YoutubeRoute>()
  private readonly server = http.createServer((incoming, outgoing) => void this.serve(incoming, outgoing))
  private sequence = 0
  baseUrl = ''

  static async start(): Promise<YoutubeFake> {
    const fake = new YoutubeFake()
    fake.baseUrl = await listenOnLoopback(fake.server)
    return fake
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Applies `intervention` to the next `times` requests of `route` (and chunk finality, when given). */
  script(match: { route: YoutubeRoute; final?: boolean }, intervention: Intervention, times = 1): void {
    this.scripted.add({ ...match, intervention }, times)
  }

  failNext(route: YoutubeRoute, times: number, status: number, body?: unknown): void {
    this.script({ route }, { kind: 'respond', status, body }, times)
  }

  expireToken(token: string): void {
    this.tokens.delete(token)
  }

  setStatistics(videoId: string, statistics: Record<string, string>): void {
    const video = this.videos.find((candidate) => candidate.id === videoId)
    if (!video) throw new Error(`no video ${videoId}`)
    video.statistics = statistics
  }

  setChannelStatistics(statistics: Partial<ChannelStatistics>): void {
    this.channelStatistics = { ...this.channelStatistics, ...statistics }
  }

  /** A viewer comments on a video (or replies to a comment): what polling finds. */
  viewerComments(videoId: string, text: string, author: { channelId: string; name: string }, parentId?: string): string {
    const id = parentId ? `${parentId}.r${++this.sequence}` : `Ugx${++this.sequence}`
    this.comments.set(id, { moderationStatus: 'published', text, videoId, author, publishedAt: new Date().toISOString(), ...(parentId ? { parentId } : {}) })
    return id
  }

  callsTo(route: YoutubeRoute): YoutubeCall[] {
    return this.calls.filter((call) => call.route === route)
  }

  private route(method: string, url: URL, headers: http.IncomingHttpHeaders): { route: YoutubeRoute | 'unknown'; final: boolean } {
    const path = url.pathname
    if (path === '/upload/youtube/v3/videos') {
      if (method === 'POST') return { route: 'upload.start', final: false }
      if (method === 'PUT') {
        const range = String(headers['content-range'] ?? '')
        if (range.startsWith('bytes */')) return { route: 'upload.query', final: false }
        const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range)
        return { route: 'upload.chunk', final: !!match && Number(match[2]) === Number(match[3]) - 1 }
      }
    }
    const routes: Record<string, YoutubeRoute> = {
      'GET /youtube/v3/videos': 'videos.list',
      'GET /youtube/v3/channels': 'channels.list',
      'GET /youtube/v3/playlistItems': 'playlistItems.list',
      'POST /youtube/v3/comments/setModerationStatus': 'comments.setModerationStatus',
      'DELETE /youtube/v3/comments': 'comments.delete',
      'POST /youtube/v3/comments': 'comments.insert',
      'GET /youtube/v3/commentThreads': 'commentThreads.list',
      'GET /youtube/v3/comments': 'comments.list',
    }
    return { route: routes[`${method} ${path}`] ?? 'unknown', final: false }
  }

  private takeIntervention(route: YoutubeRoute | 'unknown', final: boolean): Intervention | null {
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
      if (route === 'upload.chunk') this.keepWholeUnits(url, incoming.headers, received)
      incoming.socket.destroy()
      return
    }

    const body = await readBody(incoming)
    let json: unknown
    try {
      json = body.length && String(incoming.headers['content-type'] ?? '').includes('json') ? JSON.parse(body.toString('utf8')) : undefined
    } catch {
      json = undefined
    }
    this.calls.push({ route, method, url, headers: incoming.headers, final, bodyLength: body.length, json })

    if (intervention?.kind === 'respond') return send(outgoing, intervention)
    if (intervention?.kind === 'hang' && !intervention.afterHandling) return
    const reply = this.handle(route, method, url, incoming.headers, body, json)
    if (intervention?.kind === 'hang') return
    send(outgoing, reply)
  }

  private handle(route: YoutubeRoute | 'unknown', method: string, url: URL, headers: http.IncomingHttpHeaders, body: Buffer, json: unknown): Reply {
    if (route === 'unknown') return { status: 404, body: googleError(404, 'notFound', `${method} ${url.pathname}`) }
    const token = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1]
    if (!token || !this.tokens.has(token)) return { status: 401, body: youtubeErrors.invalidCredentials }
    switch (route) {
      case 'upload.start':
        return this.startSession(url, headers, json)
      case 'upload.chunk':
        return this.receiveChunk(url, headers, body)
      case 'upload.query':
        return this.querySession(url, headers, body)
      case 'videos.list':
        return this.listVideos(url)
      case 'channels.list':
        return this.listChannels(url)
      case 'playlistItems.list':
        return this.listUploads(url)
      case 'comments.setModerationStatus':
        return this.setModerationStatus(url, body)
      case 'comments.delete':
        return this.deleteComment(url)
      case 'comments.insert':
        return this.insertComment(url, json)
      case 'commentThreads.list':
        return this.listThreads(url)
      case 'comments.list':
        return this.listReplies(url)
    }
  }

  private startSession(url: URL, headers: http.IncomingHttpHeaders, json: unknown): Reply {
    const part = url.searchParams.get('part')?.split(',') ?? []
    if (url.searchParams.get('uploadType') !== 'resumable' || !part.includes('snippet') || !part.includes('status')) {
      return { status: 400, body: googleError(400, 'invalidParameter', 'uploadType=resumable&part=snippet,status expected') }
    }
    const total = Number(headers['x-upload-content-length'])
    if (!Number.isInteger(total) || total <= 0) return { status: 400, body: googleError(400, 'mediaBodyRequired') }
    const resource = (json ?? {}) as VideoResource
    const title = resource.snippet?.title
    if (typeof title !== 'string' || !title.trim() || Array.from(title).length > 100 || /[<>]/.test(title)) {
      return { status: 400, body: youtubeErrors.invalidTitle }
    }
    const description = resource.snippet?.description ?? ''
    if (typeof description !== 'string' || Buffer.byteLength(description) > 5000) return { status: 400, body: googleError(400, 'invalidDescription') }
    const tags = resource.snippet?.tags ?? []
    if (!Array.isArray(tags) || tags.join(',').length > 500) return { status: 400, body: googleError(400, 'invalidTags') }
    if (!['public', 'unlisted', 'private'].includes(String(resource.status?.privacyStatus))) {
      return { status: 400, body: googleError(400, 'invalidVideoMetadata', 'status.privacyStatus') }
    }
    const id = `upload-${++this.sequence}`
    const mimeType = String(headers['x-upload-content-type'] ?? 'application/octet-stream')
    this.sessions.set(id, { id, resource, total, mimeType, data: Buffer.alloc(total), stored: 0 })
    const location = `${this.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status&upload_id=${id}`
    return { status: 200, headers: { Location: location } }
  }

  private session(url: URL): Session | undefined {
    return this.sessions.get(url.searchParams.get('upload_id') ?? '')
  }

  private receiveChunk(url: URL, headers: http.IncomingHttpHeaders, body: Buffer): Reply {
    const session = this.session(url)
    if (!session) return { status: 404, body: googleError(404, 'notFound', 'upload session') }
    if (session.videoId) return this.finished(session)
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(headers['content-range']))
    if (!match) return { status: 400, body: googleError(400, 'badContent', 'Content-Range') }
    const [first, last, total] = match.slice(1).map(Number)
    const isFinal = last === total - 1
    if (total !== session.total || first !== session.stored || body.length !== last - first + 1) {
      return { status: 400, body: googleError(400, 'badContent', `range ${first}-${last}/${total}, stored ${session.stored}`) }
    }
    if (!isFinal && body.length % chunkUnit !== 0) return { status: 400, body: googleError(400, 'badContent', 'chunk not a multiple of 256 KiB') }
    body.copy(session.data, first)
    session.stored = last + 1
    if (!isFinal) return { status: 308, headers: { Range: `bytes=0-${last}` } }
    return this.finished(session)
  }

  private querySession(url: URL, headers: http.IncomingHttpHeaders, body: Buffer): Reply {
    const session = this.session(url)
    if (!session) return { status: 404, body: googleError(404, 'notFound', 'upload session') }
    if (body.length !== 0 || headers['content-range'] !== `bytes */${session.total}`) {
      return { status: 400, body: googleError(400, 'badContent', 'status query') }
    }
    if (session.videoId) return this.finished(session)
    return { status: 308, headers: session.stored ? { Range: `bytes=0-${session.stored - 1}` } : {} }
  }

  /** Creates the video once per session; later calls answer with the same resource. */
  private finished(session: Session): Reply {
    if (!session.videoId) {
      const id = `vid${String(++this.sequence).padStart(8, '0')}`
      session.videoId = id
      this.videos.push({
        id,
        title: String(session.resource.snippet?.title),
        description: String(session.resource.snippet?.description ?? ''),
        tags: (session.resource.snippet?.tags as string[] | undefined) ?? [],
        privacyStatus: String(session.resource.status?.privacyStatus),
        selfDeclaredMadeForKids: session.resource.status?.selfDeclaredMadeForKids,
        mimeType: session.mimeType,
        bytes: session.data,
        publishedAt: new Date().toISOString(),
        statistics: { viewCount: '0', likeCount: '0', favoriteCount: '0', commentCount: '0' },
      })
    }
    const video = this.videos.find((candidate) => candidate.id === session.videoId)!
    return {
      status: 200,
      body: {
        kind: 'youtube#video',
        id: video.id,
        snippet: { title: video.title, description: video.description },
        status: { uploadStatus: 'uploaded', privacyStatus: video.privacyStatus },
      },
    }
  }

  private keepWholeUnits(url: URL, headers: http.IncomingHttpHeaders, received: Buffer): void {
    const session = this.session(url)
    const first = Number(/^bytes (\d+)-/.exec(String(headers['content-range']))?.[1])
    if (!session || session.videoId || first !== session.stored) return
    let kept = Math.floor(received.length / chunkUnit) * chunkUnit
    // A dropped request never completes the file.
    if (session.stored + kept >= session.total) kept -= chunkUnit
    if (kept <= 0) return
    received.copy(session.data, first, 0, kept)
    session.stored += kept
  }

  /** The token's own channel (`mine=true`), with the parts asked. */
  private listChannels(url: URL): Reply {
    const parts = (url.searchParams.get('part') ?? '').split(',').filter(Boolean)
    if (url.searchParams.get('mine') !== 'true' || parts.length === 0) {
      return { status: 400, body: googleError(400, 'invalidParameter', 'mine=true and part expected') }
    }
    if (parts.some((part) => !channelParts.has(part))) return { status: 400, body: googleError(400, 'invalidPart') }
    const channel: Record<string, unknown> = { kind: 'youtube#channel', id: this.channelId }
    if (parts.includes('snippet')) channel.snippet = { title: 'Badil — بديل' }
    if (parts.includes('contentDetails')) channel.contentDetails = { relatedPlaylists: { uploads: this.uploadsPlaylistId } }
    if (parts.includes('statistics')) {
      const { subscriberCount, hiddenSubscriberCount, viewCount, videoCount } = this.channelStatistics
      channel.statistics = {
        viewCount: String(viewCount),
        // A hidden count is left out of the answer.
        ...(hiddenSubscriberCount ? {} : { subscriberCount: String(publicSubscriberCount(subscriberCount)) }),
        hiddenSubscriberCount,
        videoCount: String(videoCount),
      }
    }
    return { status: 200, body: { kind: 'youtube#channelListResponse', pageInfo: { totalResults: 1, resultsPerPage: 1 }, items: [channel] } }
  }

  private listVideos(url: URL): Reply {
    if (!url.searchParams.get('part')?.split(',').includes('statistics')) return { status: 400, body: googleError(400, 'invalidPart') }
    const ids = (url.searchParams.get('id') ?? '').split(',')
    const items = this.videos.filter((video) => ids.includes(video.id)).map((video) => ({ kind: 'youtube#video', id: video.id, statistics: video.statistics }))
    return { status: 200, body: { kind: 'youtube#videoListResponse', items } }
  }

  private listUploads(url: URL): Reply {
    if (url.searchParams.get('playlistId') !== this.uploadsPlaylistId) return { status: 404, body: googleError(404, 'playlistNotFound') }
    const maxResults = Number(url.searchParams.get('maxResults') ?? 5)
    const items = [...this.videos]
      .reverse()
      .slice(0, maxResults)
      .map((video) => ({
        kind: 'youtube#playlistItem',
        id: `item-${video.id}`,
        snippet: {
          title: video.title,
          description: video.description,
          publishedAt: video.publishedAt,
          resourceId: { kind: 'youtube#video', videoId: video.id },
        },
      }))
    return { status: 200, body: { kind: 'youtube#playlistItemListResponse', items } }
  }

  private setModerationStatus(url: URL, body: Buffer): Reply {
    const status = url.searchParams.get('moderationStatus') ?? ''
    const banAuthor = url.searchParams.get('banAuthor')
    if (body.length || !['heldForReview', 'published', 'rejected'].includes(status) || (banAuthor === 'true' && status !== 'rejected')) {
      return { status: 400, body: googleError(400, 'invalidModerationStatus') }
    }
    const ids = (url.searchParams.get('id') ?? '').split(',')
    if (ids.some((id) => !this.comments.get(id) || this.comments.get(id)?.deleted)) return { status: 404, body: googleError(404, 'commentNotFound') }
    for (const id of ids) this.comments.get(id)!.moderationStatus = status
    return { status: 204 }
  }

  private deleteComment(url: URL): Reply {
    const comment = this.comments.get(url.searchParams.get('id') ?? '')
    if (!comment || comment.deleted) return { status: 404, body: googleError(404, 'commentNotFound') }
    comment.deleted = true
    return { status: 204 }
  }

  private commentResource(id: string, comment: StoredComment) {
    return {
      kind: 'youtube#comment',
      id,
      snippet: {
        videoId: comment.videoId,
        textDisplay: comment.text,
        textOriginal: comment.text,
        authorDisplayName: comment.author?.name,
        authorChannelId: comment.author ? { value: comment.author.channelId } : undefined,
        moderationStatus: comment.moderationStatus,
        publishedAt: comment.publishedAt,
        updatedAt: comment.publishedAt,
        ...(comment.parentId ? { parentId: comment.parentId } : {}),
      },
    }
  }

  /** Newest first; `pageToken` is an opaque offset, `nextPageToken` present while more remain. */
  private page<T>(items: T[], url: URL, defaultSize: number): { page: T[]; nextPageToken?: string } | null {
    const maxResults = Number(url.searchParams.get('maxResults') ?? defaultSize)
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) return null
    const start = url.searchParams.get('pageToken') ? Number(Buffer.from(url.searchParams.get('pageToken')!, 'base64url').toString()) : 0
    const end = start + maxResults
    return { page: items.slice(start, end), ...(end < items.length ? { nextPageToken: Buffer.from(String(end)).toString('base64url') } : {}) }
  }

  private listThreads(url: URL): Reply {
    const videoId = url.searchParams.get('videoId')
    const channel = url.searchParams.get('allThreadsRelatedToChannelId')
    if (!url.searchParams.get('part')?.split(',').includes('snippet') || (videoId ? 1 : 0) + (channel ? 1 : 0) !== 1) {
      return { status: 400, body: googleError(400, 'invalidParameter', 'part=snippet and exactly one of videoId, allThreadsRelatedToChannelId') }
    }
    const status = url.searchParams.get('moderationStatus') ?? 'published'
    const live = [...this.comments.entries()].filter(([, comment]) => !comment.deleted && comment.moderationStatus === status)
    const threads = live
      .filter(([, comment]) => !comment.parentId && comment.videoId && (videoId ? comment.videoId === videoId : true))
      .sort(([, left], [, right]) => Date.parse(right.publishedAt!) - Date.parse(left.publishedAt!))
    const paged = this.page(threads, url, 20)
    if (!paged) return { status: 400, body: googleError(400, 'invalidParameter', 'maxResults must be 1..100') }
    const withReplies = url.searchParams.get('part')!.split(',').includes('replies')
    const items = paged.page.map(([id, comment]) => {
      const replies = live.filter(([, reply]) => reply.parentId === id)
      return {
        kind: 'youtube#commentThread',
        id,
        snippet: {
          channelId: this.channelId,
          videoId: comment.videoId,
          canReply: true,
          totalReplyCount: replies.length,
          isPublic: true,
          topLevelComment: this.commentResource(id, comment),
        },
        ...(withReplies && replies.length
          ? { replies: { comments: replies.slice(0, repliesPerThread).map(([replyId, reply]) => this.commentResource(replyId, reply)) } }
          : {}),
      }
    })
    return {
      status: 200,
      body: {
        kind: 'youtube#commentThreadListResponse',
        pageInfo: { totalResults: threads.length, resultsPerPage: items.length },
        items,
        ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
      },
    }
  }

  private listReplies(url: URL): Reply {
    const parentId = url.searchParams.get('parentId')
    if (!parentId || !url.searchParams.get('part')?.split(',').includes('snippet'))
      return { status: 400, body: googleError(400, 'invalidParameter', 'parentId and part=snippet') }
    const replies = [...this.comments.entries()].filter(([, comment]) => !comment.deleted && comment.parentId === parentId)
    const paged = this.page(replies, url, 20)
    if (!paged) return { status: 400, body: googleError(400, 'invalidParameter', 'maxResults must be 1..100') }
    return {
      status: 200,
      body: {
        kind: 'youtube#commentListResponse',
        items: paged.page.map(([id, comment]) => this.commentResource(id, comment)),
        ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
      },
    }
  }

  private insertComment(url: URL, json: unknown): Reply {
    const snippet = (json as { snippet?: { parentId?: unknown; textOriginal?: unknown } } | undefined)?.snippet
    if (url.searchParams.get('part') !== 'snippet' || typeof snippet?.textOriginal !== 'string' || !snippet.textOriginal.trim()) {
      return { status: 400, body: googleError(400, 'commentTextRequired') }
    }
    const parent = this.comments.get(String(snippet.parentId))
    if (!parent || parent.deleted) return { status: 404, body: googleError(404, 'parentCommentNotFound') }
    const id = `reply-${++this.sequence}`
    this.comments.set(id, { moderationStatus: 'published', text: snippet.textOriginal, parentId: String(snippet.parentId) })
    return { status: 200, body: { kind: 'youtube#comment', id, snippet: { parentId: snippet.parentId, textOriginal: snippet.textOriginal } } }
  }
}

function send(outgoing: http.ServerResponse, reply: Reply): void {
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body)
  outgoing.writeHead(reply.status, { ...(payload ? { 'Content-Type': 'application/json; charset=UTF-8' } : {}), ...reply.headers })
  outgoing.end(payload)
}
