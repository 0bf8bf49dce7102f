/**
 * A local stand-in for the X API v2 (docs/networks.md#x): bearer checks, the v2 media upload
 * paths with processing states, posts with duplicate refusal and X's weighted 280-character limit,
 * the user timeline as X renders it, metrics, hidden replies and deletes. Tests script failures,
 * hangs and slow processing.
 *
 * As strict as X where the reference says what X refuses (tests/networks/fakes-contract.test.ts
 * proves each rule): a request without the bearer token gets 401 before anything else, a scripted
 * failure included; a body that is not JSON gets X's 400 invalid-request problem, not a 500; a
 * post over 280 weighted characters (or with U+FFFE, U+FEFF, U+FFFF) is refused.
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

/**
 * twitter-text's configuration v3 (the reference, section 4.3), written here from its text and not
 * taken from the app (src/domain/twitter-text.ts wraps the library the app validates with): a
 * fake that reused it would only compare the app with itself.
 */
const xMaxWeightedLength = 280
const xScale = 100
const xDefaultWeight = 200
const xTransformedUrlLength = 23
const xLightRanges: Array<[number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
]
const xInvalidCodePoints = new Set([0xfffe, 0xfeff, 0xffff])

/** Country-code TLDs, which twitter-text's extractor recognises. */
const countryTlds =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw'
/** Generic TLDs: the historical ones and common new ones (twitter-text knows more; a link without scheme on a rarer one weighs as text here). */
const genericTlds =
  'com net org info biz edu gov mil int name pro mobi asia tel travel jobs aero coop museum cat post app dev blog shop online site store tech xyz news media page web cloud digital agency network world today email link live life global group center company social studio africa arab ngo ong art design club space website press wiki'
const knownTlds = new Set(`${countryTlds} ${genericTlds}`.split(' '))

/** What a host label is made of: anything but spaces, ASCII punctuation and direction marks (so "المجتمع.badil.ma" is one host). */
const domainCharacter = '[^\\s!"#$%&\'()*+,\\-./:;<=>?@[\\]\\\\^_`{|}~\\u202a-\\u202e]'
/**
 * A candidate link: optional scheme, dotted host whose last label is a known TLD (the longest
 * such host; labels start and end with a domain character), then what may follow (port, path, query).
 */
const urlCandidate = new RegExp(
  `(https?:\\/\\/)?((?:${domainCharacter}(?:(?:[_-]|${domainCharacter})*${domainCharacter})?\\.)+(?:${[...knownTlds].sort((a, b) => b.length - a.length).join('|')}))` +
    `(?![a-z0-9@+-])((?::\\d{1,5})?(?:[/?][^\\s]*)?)`,
  'giu',
)
/** Without scheme, the link is the Latin part of the host that ends it ("badil.ma" in "المجتمع.badil.ma"). */
const latinHostEnd = /(?:[a-z0-9\u00c0-\u024f-]+\.)+[a-z]+$/i
/** twitter-text's longest link, scheme included. */
const xMaxUrlLength = 4096
/** Characters a path or query may hold (twitter-text's validUrlPath / validUrlQuery, Latin and Cyrillic letters). */
const urlTailCharacters = /^[a-z0-9\u00c0-\u024f\u0400-\u04ff!*';:=+,.$/%#[\]\-\u2013_~&|@()?]*/i
/** Characters a path or query may end with: trailing punctuation belongs to the sentence, not the link. */
const urlEndCharacter = /[a-z0-9\u00c0-\u024f\u0400-\u04ff=_#/+\-&)]/i
/** An emoji sequence (ZWJ families, flags, skin tones, keycaps) weighs as one character. */
const emojiSequence = new RegExp('\\p{RGI_Emoji}|[#*0-9]\\u20e3', 'gv')

/** The path and query that belong to a link: trailing punctuation and an unbalanced `)` are the sentence's. */
function urlTail(after: string): string {
  let tail = (urlTailCharacters.exec(after) as RegExpExecArray)[0]
  for (;;) {
    if (tail && !urlEndCharacter.test(tail.at(-1) as string)) tail = tail.slice(0, -1)
    else if (tail.endsWith(')') && tail.split('(').length < tail.split(')').length) tail = tail.slice(0, -1)
    else return tail
  }
}

/** Where each link starts and ends (UTF-16 indices), as twitter-text's extractor finds them. */
function xUrlSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  const candidates = new RegExp(urlCandidate)
  for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
    const [whole, scheme, host = '', after = ''] = match
    const before = text[match.index - 1] ?? ''
    const latinHost = scheme ? host : latinHostEnd.exec(host)?.[0]
    const start = match.index + (scheme ? 0 : host.length - (latinHost?.length ?? 0))
    const tail = urlTail(after)
    const end = match.index + whole.length - after.length + tail.length
    const accepted =
      // A link does not continue an ASCII word, a mention, a cashtag or a hashtag (nor follow - _ . / without scheme).
      !/[a-z0-9@＠$#＃\u202a-\u202e]/i.test(before) &&
      !(!scheme && /[-_./]/.test(before)) &&
      // An underscore may appear in a subdomain only, not in the registered name.
      !(host.split('.').at(-2) as string).includes('_') &&
      latinHost !== undefined &&
      (scheme ? 0 : 'https://'.length) + end - start <= xMaxUrlLength
    if (accepted) {
      spans.push([start, end])
      candidates.lastIndex = end
    } else {
      // Not a link here: one character further may start one ("peines.https://…").
      candidates.lastIndex = match.index + 1
    }
  }
  return spans
}

/** A post's length as X weighs it (twitter-text v3), and whether it holds a character X refuses. */
export function xWeightedLength(text: string): { weightedLength: number; invalidCharacters: boolean } {
  const normalized = text.normalize('NFC')
  const entities = new Map<number, { end: number; weight: number }>()
  const spans = xUrlSpans(normalized)
  for (const [start, end] of spans) entities.set(start, { end, weight: xTransformedUrlLength * xScale })
  for (const match of normalized.matchAll(emojiSequence)) {
    const start = match.index ?? 0
    if (spans.some(([from, to]) => start < to && start + match[0].length > from)) continue
    entities.set(start, { end: start + match[0].length, weight: xDefaultWeight })
  }
  let total = 0
  let invalidCharacters = false
  for (let index = 0; index < normalized.length;) {
    const entity = entities.get(index)
    if (entity) {
      total += entity.weight
      index = entity.end
      continue
    }
    const codePoint = normalized.codePointAt(index) as number
    total += xLightRanges.some(([from, to]) => codePoint >= from && codePoint <= to) ? xScale : xDefaultWeight
    if (xInvalidCodePoints.has(codePoint)) invalidCharacters = true
    index += codePoint > 0xffff ? 2 : 1
  }
  return { weightedLength: total / xScale, invalidCharacters }
}

export const xTooLongDetail =
  'Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.'

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
    if (text) {
      const { weightedLength, invalidCharacters } = xWeightedLength(text)
      if (invalidCharacters) return send(response, 400, invalid('Your Tweet text contains invalid characters.', { text: [text] }))
      if (weightedLength > xMaxWeightedLength)
        return send(response, 400, problem(400, 'Invalid Request', xTooLongDetail, { errors: [{ message: xTooLongDetail, parameters: { text: [text] } }] }))
    }
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
      let unreadableBody = false
      if (String(request.headers['content-type'] ?? '').startsWith('application/json') && body.length) {
        try {
          recorded.json = JSON.parse(body.toString('utf8'))
        } catch {
          unreadableBody = true
        }
      }
      const form = await readForm(request, body).catch(() => {
        unreadableBody = true
        return null
      })
      if (form) recorded.form = recordForm(form)
      requests.push(recorded)

      // X authenticates first: without the token nothing else is answered, a scripted failure included.
      if (request.headers.authorization !== `Bearer ${token}` || state.tokenExpired) {
        return send(response, 401, problem(401, 'Unauthorized', 'Unauthorized'))
      }
      const failure = failures.take(recorded)
      if (failure) return send(response, failure.status, failure.body, failure.headers)
      if (unreadableBody) return send(response, 400, invalid('The request body could not be parsed.'))
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
