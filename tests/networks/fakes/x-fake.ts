/**
 * A local stand-in for the X API v2 (docs/networks.md#x): bearer checks, the v2 media upload
 * paths with processing states, posts with duplicate refusal, the user timeline as X renders it,
 * metrics, hidden replies and deletes. Tests script failures, hangs and slow processing.
 */
import http from 'node:http'

import { listenOnLoopback, readBody } from './fake-server'
import { failureScripts } from './scripted-failures'
import type { ScriptedFailure } from './scripted-failures'

export type { ScriptedFailure }

export type RecordedRequest = {
  method: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  json?: unknown
  form?: Record<string, string | { filename: string; size: number; type: string }>
}

export type FakeXPost = {
  id: string
  authorId: string
  text: string
  mediaIds: string[]
  replyTo: string | null
  deleted: boolean
}

type FakeMedia = {
  id: string
  key: string
  category: string
  totalBytes: number
  segments: Map<number, number>
  state: 'uploading' | 'pending' | 'in_progress' | 'succeeded' | 'failed'
  pollsLeft: number
  altText: string | null
}

export type FakeXMetrics = {
  public_metrics?: Record<string, number>
  non_public_metrics?: Record<string, number>
  organic_metrics?: Record<string, number>
  /** Like a post over 30 days old: asking for private metrics returns it under `errors` only. */
  privateUnavailable?: boolean
}

const mediaCategories = new Set(['tweet_image', 'tweet_gif', 'tweet_video', 'amplify_video', 'dm_image', 'dm_gif', 'dm_video', 'subtitles'])
const firstId = 1880028106020515840n

export type XFake = Awaited<ReturnType<typeof startXFake>>

export async function startXFake(options: { token?: string; userId?: string; port?: number } = {}) {
  const token = options.token ?? 'x-user-token'
  const userId = options.userId ?? '1500000000000000001'
  const requests: RecordedRequest[] = []
  const posts: FakeXPost[] = []
  const media = new Map<string, FakeMedia>()
  const hidden = new Map<string, boolean>()
  const metrics = new Map<string, FakeXMetrics>()
  const failures = failureScripts()
  const state = {
    tokenExpired: false,
    hangNextPost: false,
    /** STATUS polls a video or GIF answers `in_progress` before its outcome. */
    processingPolls: 0,
    processingOutcome: 'succeeded' as 'succeeded' | 'failed',
    /** Media ids handed out must be exact: beyond 2^53, as on X. */
    nextId: firstId,
  }
  const hanging = new Set<http.ServerResponse>()

  const newId = () => (state.nextId++).toString()

  function send(response: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    const resetSeconds = Math.floor(Date.now() / 1000) + 900
    response.statusCode = status
    response.setHeader('x-rate-limit-limit', '300')
    response.setHeader('x-rate-limit-remaining', '299')
    response.setHeader('x-rate-limit-reset', String(resetSeconds))
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
    if (body === undefined) {
      response.end()
      return
    }
    response.setHeader('content-type', status >= 400 ? 'application/problem+json' : 'application/json')
    response.end(JSON.stringify(body))
  }

  const problem = (status: number, title: string, detail: string, extra: Record<string, unknown> = {}) => ({
    title,
    detail,
    type: status === 400 ? 'https://api.twitter.com/2/problems/invalid-request' : 'about:blank',
    status,
    ...extra,
  })
  const invalid = (detail: string, parameters: Record<string, unknown> = {}) =>
    problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.', {
      errors: [{ message: detail, parameters }],
    })

  /** Multipart bodies parsed the way a server would, with the platform's FormData parser. */
  async function readForm(request: http.IncomingMessage, body: Buffer): Promise<FormData | null> {
    if (!String(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) return null
    return new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': String(request.headers['content-type']) },
      body: new Uint8Array(body),
    }).formData()
  }

  function recordForm(form: FormData): RecordedRequest['form'] {
    const fields: NonNullable<RecordedRequest['form']> = {}
    form.forEach((value, name) => {
      fields[name] = typeof value === 'string' ? value : { filename: value.name, size: value.size, type: value.type }
    })
    return fields
  }

  /** What GET /2/users/{id}/tweets shows: entities escaped, links as t.co, media as a trailing link. */
  function renderedText(post: FakeXPost): string {
    let counter = 0
    const escaped = post.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    const linked = escaped.replace(/https?:\/\/[^\s]+/g, () => `https://t.co/Lk${post.id.slice(-4)}${counter++}`)
    return post.mediaIds.length ? `${linked} https://t.co/Md${post.id.slice(-6)}` : linked
  }

  function usableMedia(id: string): boolean {
    const item = media.get(id)
    return item?.state === 'succeeded'
  }

  function createPost(response: http.ServerResponse, json: Record<string, unknown>): void {
    const text = typeof json.text === 'string' ? json.text : ''
    const mediaIds = ((json.media as { media_ids?: unknown } | undefined)?.media_ids ?? []) as unknown[]
    const replyTo = (json.reply as { in_reply_to_tweet_id?: unknown } | undefined)?.in_reply_to_tweet_id
    if (!Array.isArray(mediaIds) || mediaIds.some((id) => typeof id !== 'string')) return send(response, 400, invalid('media_ids must be strings'))
    if (!text && mediaIds.length === 0) return send(response, 400, invalid('text or media is required'))
    if (mediaIds.length > 4) return send(response, 400, invalid('Too many media ids', { 'media.media_ids': mediaIds }))
    if (mediaIds.some((id) => !usableMedia(id as string))) return send(response, 400, invalid('Your media IDs are invalid.', { 'media.media_ids': mediaIds }))
    if (replyTo !== undefined && typeof replyTo !== 'string') return send(response, 400, invalid('in_reply_to_tweet_id must be a string'))
    if (!replyTo && posts.some((post) => !post.deleted && post.authorId === userId && post.text === text)) {
      return send(response, 403, problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'))
    }
    const post: FakeXPost = {
      id: newId(),
      authorId: userId,
      text,
      mediaIds: mediaIds as string[],
      replyTo: replyTo ?? null,
      deleted: false,
    }
    posts.push(post)
    if (state.hangNextPost) {
      // Stored, then no answer: the client times out not knowing the post exists.
      state.hangNextPost = false
      hanging.add(response)
      return
    }
    const reset = String(Math.floor(Date.now() / 1000) + 86_400)
    send(
      response,
      201,
      { data: { id: post.id, text, edit_history_tweet_ids: [post.id] } },
      {
        'x-user-limit-24hour-limit': '100',
        'x-user-limit-24hour-remaining': String(100 - posts.length),
        'x-user-limit-24hour-reset': reset,
      },
    )
  }

  async function route(response: http.ServerResponse, recorded: RecordedRequest, form: FormData | null): Promise<void> {
    const { method, path, query } = recorded
    const json = recorded.json as Record<string, unknown> | undefined

    if (method === 'POST' && path === '/2/media/upload') {
      const file = form?.get('media')
      const category = form?.get('media_category')
      if (!form || !(file instanceof Blob)) return send(response, 400, invalid('media is required (multipart)'))
      if (typeof category !== 'string' || !mediaCategories.has(category)) return send(response, 400, invalid('media_category is invalid'))
      if (category.endsWith('video') || category.endsWith('gif')) return send(response, 400, invalid('Videos and GIFs use the chunked upload'))
      const id = newId()
      media.set(id, {
        id,
        key: `3_${id}`,
        category,
        totalBytes: file.size,
        segments: new Map([[0, file.size]]),
        state: 'succeeded',
        pollsLeft: 0,
        altText: null,
      })
      return send(response, 200, {
        data: {
          id,
          media_key: `3_${id}`,
          size: file.size,
          expires_after_secs: 86_400,
          image: { image_type: file.type, w: 1200, h: 675 },
        },
      })
    }

    if (method === 'POST' && path === '/2/media/upload/initialize') {
      const total = json?.total_bytes
      const category = json?.media_category
      if (typeof json?.media_type !== 'string' || typeof total !== 'number' || total <= 0)
        return send(response, 400, invalid('media_type and total_bytes are required'))
      if (typeof category !== 'string' || !mediaCategories.has(category)) return send(response, 400, invalid('media_category is invalid'))
      const id = newId()
      media.set(id, {
        id,
        key: `7_${id}`,
        category,
        totalBytes: total,
        segments: new Map(),
        state: 'uploading',
        pollsLeft: state.processingPolls,
        altText: null,
      })
      return send(response, 200, { data: { id, media_key: `7_${id}`, expires_after_secs: 86_400 } })
    }

    const step = /^\/2\/media\/upload\/([^/]+)\/(append|finalize)$/.exec(path)
    if (method === 'POST' && step) {
      const item = media.get(step[1] as string)
      if (!item || item.state !== 'uploading') return send(response, 400, invalid('Unknown or finalized media id'))
      if (step[2] === 'append') {
        const chunk = form?.get('media')
        const segment = Number(form?.get('segment_index'))
        if (!(chunk instanceof Blob) || !Number.isInteger(segment) || segment < 0 || segment > 999)
          return send(response, 400, invalid('media and segment_index are required'))
        if (chunk.size > 5 * 1024 * 1024) return send(response, 400, invalid('Chunk over 5 MB'))
        item.segments.set(segment, chunk.size)
        return send(response, 200)
      }
      const received = [...item.segments.values()].reduce((sum, size) => sum + size, 0)
      if (received !== item.totalBytes) return send(response, 400, invalid(`Received ${received} of ${item.totalBytes} bytes`))
      item.state = 'pending'
      return send(response, 200, {
        data: {
          id: item.id,
          media_key: item.key,
          size: item.totalBytes,
          expires_after_secs: 86_400,
          processing_info: { state: 'pending', check_after_secs: 1 },
        },
      })
    }

    if (method === 'GET' && path === '/2/media/upload') {
      const item = media.get(query.get('media_id') ?? '')
      if (query.get('command') !== 'STATUS' || !item) return send(response, 400, invalid('command=STATUS and a known media_id are required'))
      if (item.state === 'pending' || item.state === 'in_progress') {
        if (item.pollsLeft > 0) {
          item.pollsLeft -= 1
          item.state = 'in_progress'
        } else {
          item.state = state.processingOutcome
        }
      }
      const error = item.state === 'failed' ? { code: 1, name: 'InvalidMedia', message: 'Unsupported video codec' } : undefined
      return send(response, 200, {
        data: {
          id: item.id,
          media_key: item.key,
          processing_info: {
            state: item.state,
            check_after_secs: 2,
            progress_percent: item.state === 'succeeded' ? 100 : 40,
            ...(error ? { error } : {}),
          },
        },
      })
    }

    if (method === 'POST' && path === '/2/media/metadata') {
      const item = media.get(String(json?.id))
      const altText = (json?.metadata as { alt_text?: { text?: unknown } } | undefined)?.alt_text?.text
      if (!item) return send(response, 400, invalid('Unknown media id'))
      if (typeof altText !== 'string' || altText.length > 1000) return send(response, 400, invalid('alt_text.text must be at most 1000 characters'))
      item.altText = altText
      return send(response, 200, { data: { id: item.id, associated_metadata: { alt_text: { text: altText } } } })
    }

    if (method === 'POST' && path === '/2/tweets') {
      if (!json) return send(response, 400, invalid('JSON body required'))
      return createPost(response, json)
    }

    const timeline = /^\/2\/users\/([^/]+)\/tweets$/.exec(path)
    if (method === 'GET' && timeline) {
      const max = Number(query.get('max_results') ?? 10)
      if (!Number.isInteger(max) || max < 5 || max > 100) return send(response, 400, invalid('max_results must be 5..100'))
      const excluded = (query.get('exclude') ?? '').split(',')
      const shown = posts
        .filter((post) => post.authorId === timeline[1] && !post.deleted && !(excluded.includes('replies') && post.replyTo))
        .reverse()
        .slice(0, max)
      if (shown.length === 0) return send(response, 200, { meta: { result_count: 0 } })
      return send(response, 200, {
        data: shown.map((post) => ({ id: post.id, text: renderedText(post), edit_history_tweet_ids: [post.id] })),
        meta: { result_count: shown.length, newest_id: shown[0]?.id, oldest_id: shown.at(-1)?.id },
      })
    }

    if (method === 'GET' && path === '/2/tweets') {
      const ids = (query.get('ids') ?? '').split(',').filter(Boolean)
      const fields = (query.get('tweet.fields') ?? '').split(',')
      const wantsPrivate = fields.includes('non_public_metrics') || fields.includes('organic_metrics')
      const data: unknown[] = []
      const errors: unknown[] = []
      for (const id of ids) {
        const post = posts.find((candidate) => candidate.id === id && !candidate.deleted)
        const scripted = metrics.get(id) ?? {}
        if (!post) {
          errors.push({
            value: id,
            detail: `Could not find tweet with ids: [${id}].`,
            title: 'Not Found Error',
            resource_type: 'tweet',
            parameter: 'ids',
            type: 'https://api.twitter.com/2/problems/resource-not-found',
          })
        } else if (wantsPrivate && scripted.privateUnavailable) {
          errors.push({
            value: id,
            detail: 'Sorry, you are not authorized to access non_public_metrics on this Tweet.',
            title: 'Authorization Error',
            type: 'https://api.twitter.com/2/problems/not-authorized-for-field',
          })
        } else {
          data.push({
            id,
            text: post.text,
            edit_history_tweet_ids: [id],
            ...(fields.includes('public_metrics') && scripted.public_metrics ? { public_metrics: scripted.public_metrics } : {}),
            ...(fields.includes('non_public_metrics') && scripted.non_public_metrics ? { non_public_metrics: scripted.non_public_metrics } : {}),
            ...(fields.includes('organic_metrics') && scripted.organic_metrics ? { organic_metrics: scripted.organic_metrics } : {}),
          })
        }
      }
      return send(response, 200, { ...(data.length ? { data } : {}), ...(errors.length ? { errors } : {}) })
    }

    const hide = /^\/2\/tweets\/([^/]+)\/hidden$/.exec(path)
    if (method === 'PUT' && hide) {
      if (typeof json?.hidden !== 'boolean') return send(response, 400, invalid('hidden must be a boolean'))
      hidden.set(hide[1] as string, json.hidden)
      return send(response, 200, { data: { hidden: json.hidden } })
    }

    const single = /^\/2\/tweets\/([^/]+)$/.exec(path)
    if (method === 'DELETE' && single) {
      const post = posts.find((candidate) => candidate.id === single[1] && !candidate.deleted)
      if (!post) return send(response, 404, problem(404, 'Not Found Error', `Could not find tweet with id: [${single[1]}].`))
      if (post.authorId !== userId) return send(response, 403, problem(403, 'Forbidden', 'You are not allowed to delete a Tweet that is not yours.'))
      post.deleted = true
      return send(response, 200, { data: { deleted: true } })
    }

    send(response, 404, problem(404, 'Not Found', `No route for ${method} ${path}`))
  }

  const server = http.createServer(async (request, response) => {
    try {
      const body = await readBody(request)
      const url = new URL(request.url ?? '/', 'http://fake.invalid')
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
      }
      if (String(request.headers['content-type'] ?? '').startsWith('application/json') && body.length) recorded.json = JSON.parse(body.toString('utf8'))
      const form = await readForm(request, body)
      if (form) recorded.form = recordForm(form)
      requests.push(recorded)

      const failure = failures.take(recorded)
      if (failure) return send(response, failure.status, failure.body, failure.headers)
      if (request.headers.authorization !== `Bearer ${token}` || state.tokenExpired) {
        return send(response, 401, problem(401, 'Unauthorized', 'Unauthorized'))
      }
      await route(response, recorded, form)
    } catch (error) {
      send(response, 500, problem(500, 'Internal Error', String(error)))
    }
  })
  const baseUrl = await listenOnLoopback(server, options.port)

  return {
    baseUrl,
    token,
    userId,
    requests,
    posts,
    media,
    hidden,
    metrics,
    /** The accepted top-level posts still online (what a duplicate check counts). */
    livePosts: () => posts.filter((post) => !post.deleted && !post.replyTo),
    failNext(count: number, failure: ScriptedFailure, options: { afterMatching?: number } = {}): void {
      failures.add(failure, count, options.afterMatching)
    },
    hangAfterNextPost(): void {
      state.hangNextPost = true
    },
    processVideosAfter(polls: number, outcome: 'succeeded' | 'failed' = 'succeeded'): void {
      state.processingPolls = polls
      state.processingOutcome = outcome
    },
    expireToken(): void {
      state.tokenExpired = true
    },
    /** A reply by someone else to one of the account's posts, for moderation tests. */
    addForeignReply(inReplyTo: string, text: string): string {
      const id = newId()
      posts.push({ id, authorId: '99', text, mediaIds: [], replyTo: inReplyTo, deleted: false })
      return id
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        hanging.clear()
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
