/**
 * A local stand-in for the X API v2 (docs/networks.md#x): bearer checks, the v2 media upload
 * paths with processing states, posts with duplicate refusal and X's weighted 280-character limit,
 * the user timeline as X renders it, the mentions timeline (what the inbox polls), post metrics,
 * the connected user with its counts (`GET /2/users/me`), hidden replies and deletes. Tests
 * script failures, hangs and slow processing, set the account's counts, and post as other people.
 *
 * As strict as X where the reference says what X refuses (tests/networks/fakes-contract.test.ts
 * proves each rule): a request without the bearer token gets 401 before anything else, a scripted
 * failure included; a body that is not JSON gets X's 400 invalid-request problem, not a 500; a
 * post over 280 weighted characters (or with U+FFFE, U+FEFF, U+FFFF) is refused; `GET /2/users/me`
 * refuses a `user.fields` value X does not know and gives `public_metrics` only when asked.
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
  /** The first post of its thread: the post itself unless it replies. */
  conversationId: string
  createdAt: string
  /** Whose mentions timeline lists the post: the users its text names, and for a reply those X puts in front of it. */
  mentionedUserIds: string[]
}

export type FakeXUser = { id: string; username: string; name: string }

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

/**
 * The connected user's `public_metrics`, as `GET /2/users/me?user.fields=public_metrics` gives
 * them: a small campaign account (X also counts likes there, which Badil does not read).
 */
export const defaultXAccountPublicMetrics: Readonly<Record<string, number>> = {
  followers_count: 12_840,
  following_count: 312,
  tweet_count: 2_417,
  listed_count: 58,
  like_count: 3_905,
}

/** Fields and expansions X knows: an unknown one is refused, as a typo would be on X. */
const tweetFields = new Set(
  'attachments author_id card_uri context_annotations conversation_id created_at edit_controls edit_history_tweet_ids entities geo id in_reply_to_user_id lang non_public_metrics note_tweet organic_metrics possibly_sensitive promoted_metrics public_metrics referenced_tweets reply_settings source text withheld'.split(
    ' ',
  ),
)
const tweetExpansions = new Set(
  'author_id attachments.media_keys attachments.poll_ids edit_history_tweet_ids entities.mentions.username geo.place_id in_reply_to_user_id referenced_tweets.id referenced_tweets.id.author_id'.split(
    ' ',
  ),
)
const userFields = new Set(
  'created_at description entities id location name pinned_tweet_id profile_image_url protected public_metrics url username verified withheld'.split(' '),
)
/** The mentions timeline reaches back this many posts at most. */
const mentionsTimelineDepth = 800
const postIdPattern = /^[0-9]{1,19}$/
/** RFC 3339 as X takes it: to the second, optionally with milliseconds, in UTC. */
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/
const mentionsPage = /^\/2\/users\/([^/]+)\/mentions$/
/** Recent search reaches back 7 days, with a query of 512 characters at most (self-serve tiers). */
const searchWindowMs = 7 * 24 * 3600_000
const maxSearchQueryLength = 512

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

export async function startXFake(options: { token?: string; userId?: string; username?: string; port?: number } = {}) {
  const token = options.token ?? 'x-user-token'
  const userId = options.userId ?? '1500000000000000001'
  const account: FakeXUser = { id: userId, username: options.username ?? 'BadilMaroc', name: 'Badil' }
  const foreignUser: FakeXUser = { id: '99', username: 'citoyen99', name: 'Citoyen' }
  const users = new Map<string, FakeXUser>([
    [account.id, account],
    [foreignUser.id, foreignUser],
  ])
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
    accountPublicMetrics: { ...defaultXAccountPublicMetrics } as Record<string, number>,
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

  /**
   * Whose mentions timeline will list a post: the users its text names (even its author), and for
   * a reply the author of the post it answers and those that post named, as X's reply does.
   */
  function mentionedBy(authorId: string, text: string, parent: FakeXPost | undefined): string[] {
    const named = [...text.matchAll(/@(\w{1,15})/g)].flatMap((match) => {
      const user = [...users.values()].find((candidate) => candidate.username.toLowerCase() === match[1]?.toLowerCase())
      return user ? [user.id] : []
    })
    const answered = parent ? [parent.authorId, ...parent.mentionedUserIds].filter((id) => id !== authorId) : []
    return [...new Set([...answered, ...named])]
  }

  /** Stores a post as X would: its thread, its time, whom it mentions. */
  function storePost(authorId: string, text: string, mediaIds: string[], replyTo: string | null, createdAt = new Date()): FakeXPost {
    const parent = replyTo ? posts.find((candidate) => candidate.id === replyTo) : undefined
    const id = newId()
    const post: FakeXPost = {
      id,
      authorId,
      text,
      mediaIds,
      replyTo,
      deleted: false,
      conversationId: parent?.conversationId ?? replyTo ?? id,
      createdAt: createdAt.toISOString(),
      mentionedUserIds: mentionedBy(authorId, text, parent),
    }
    posts.push(post)
    return post
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
    const post = storePost(userId, text, mediaIds as string[], replyTo ?? null)
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

  /** A comma-separated list parameter whose values X does not all know: the 400 problem X answers, else null. */
  function unknownValues(query: URLSearchParams, name: string, known: Set<string>): unknown {
    const unknown = (query.get(name) ?? '').split(',').filter((value) => value && !known.has(value))
    if (unknown.length === 0) return null
    return invalid(`The \`${name}\` query parameter value [${unknown[0]}] is not one of [${[...known].join(',')}]`, { [name]: [query.get(name)] })
  }

  /** The first malformed parameter of a mentions request, as X's 400 problem; null when all are well-formed. */
  function malformedMentionsQuery(query: URLSearchParams): unknown {
    const max = query.get('max_results')
    if (max !== null && !(/^\d+$/.test(max) && Number(max) >= 5 && Number(max) <= 100))
      return invalid(`The \`max_results\` query parameter value [${max}] is not between 5 and 100`, { max_results: [max] })
    for (const name of ['since_id', 'until_id']) {
      const value = query.get(name)
      if (value !== null && !postIdPattern.test(value))
        return invalid(`The \`${name}\` query parameter value [${value}] does not match ^[0-9]{1,19}$`, { [name]: [value] })
    }
    for (const name of ['start_time', 'end_time']) {
      const value = query.get(name)
      if (value !== null && !(timestampPattern.test(value) && Number.isFinite(Date.parse(value))))
        return invalid(`Invalid \`${name}\` value [${value}]: expected an RFC 3339 UTC timestamp such as 2026-01-31T10:00:00Z`, { [name]: [value] })
    }
    const token = query.get('pagination_token')
    if (token !== null && pageAfter(token) === null)
      return invalid(`The \`pagination_token\` query parameter value [${token}] is not valid`, { pagination_token: [token] })
    return (
      unknownValues(query, 'tweet.fields', tweetFields) ??
      unknownValues(query, 'expansions', tweetExpansions) ??
      unknownValues(query, 'user.fields', userFields)
    )
  }

  /**
   * The conversations a recent-search query names: `conversation_id:<id>` terms joined by OR, in
   * parentheses or not. X's query language has many more operators; this fake reads only these
   * and refuses the rest, so a query Badil did not mean to send fails loudly.
   */
  function conversationsOf(search: string): Set<string> | null {
    const inner = search.trim().replace(/^\((.*)\)$/, '$1')
    const ids = inner.split(/\s+OR\s+/).map((term) => /^conversation_id:([0-9]{1,19})$/.exec(term.trim())?.[1])
    return ids.every((id): id is string => id !== undefined) ? new Set(ids) : null
  }

  /**
   * GET /2/tweets/search/recent: posts of the last 7 days matching `query` (512 characters at
   * most), newest first; `start_time` no earlier than 7 days ago, `since_id` exclusive; pages of
   * `max_results` (10 to 100) chained by `meta.next_token`, sent back as `next_token`.
   */
  function searchRecent(response: http.ServerResponse, query: URLSearchParams): void {
    const search = query.get('query') ?? ''
    if (search === '') return send(response, 400, invalid('The `query` query parameter can not be empty', { query: [search] }))
    if (search.length > maxSearchQueryLength)
      return send(
        response,
        400,
        invalid(`The \`query\` query parameter value [${search}] is longer than ${maxSearchQueryLength} characters`, { query: [search] }),
      )
    const conversations = conversationsOf(search)
    if (!conversations)
      return send(response, 400, invalid(`The \`query\` query parameter value [${search}] is not a query this fake reads`, { query: [search] }))
    const max = query.get('max_results')
    if (max !== null && !(/^\d+$/.test(max) && Number(max) >= 10 && Number(max) <= 100))
      return send(response, 400, invalid(`The \`max_results\` query parameter value [${max}] is not between 10 and 100`, { max_results: [max] }))
    const oldest = Date.now() - searchWindowMs
    const startTime = query.get('start_time')
    if (startTime !== null) {
      if (!(timestampPattern.test(startTime) && Number.isFinite(Date.parse(startTime))))
        return send(response, 400, invalid(`Invalid \`start_time\` value [${startTime}]`, { start_time: [startTime] }))
      if (Date.parse(startTime) < oldest)
        return send(
          response,
          400,
          invalid(`Invalid 'start_time':'${startTime}'. 'start_time' must be on or after ${new Date(oldest).toISOString()}`, { start_time: [startTime] }),
        )
    }
    const sinceId = query.get('since_id')
    if (sinceId !== null && !postIdPattern.test(sinceId))
      return send(response, 400, invalid(`The \`since_id\` query parameter value [${sinceId}] does not match ^[0-9]{1,19}$`, { since_id: [sinceId] }))
    const token = query.get('next_token')
    const after = token === null ? null : searchPageAfter(token)
    if (token !== null && after === null)
      return send(response, 400, invalid(`The \`next_token\` query parameter value [${token}] is not valid`, { next_token: [token] }))
    const matching = posts
      .filter(
        (post) =>
          !post.deleted &&
          conversations.has(post.conversationId) &&
          Date.parse(post.createdAt) >= oldest &&
          (startTime === null || Date.parse(post.createdAt) >= Date.parse(startTime)) &&
          (sinceId === null || BigInt(post.id) > BigInt(sinceId)) &&
          (after === null || BigInt(post.id) < after),
      )
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
    const page = matching.slice(0, Number(max ?? 10))
    if (page.length === 0) return send(response, 200, { meta: { result_count: 0 } })
    const fields = new Set((query.get('tweet.fields') ?? '').split(','))
    const expansions = new Set((query.get('expansions') ?? '').split(','))
    const authors = [...new Set(page.map((post) => post.authorId))].map((id) => users.get(id) ?? { id, username: `user${id}`, name: `User ${id}` })
    const last = page.at(-1) as FakeXPost
    return send(response, 200, {
      data: page.map((post) => listed(post, fields)),
      ...(expansions.has('author_id') ? { includes: { users: authors.map(({ id, name, username }) => ({ id, name, username })) } } : {}),
      meta: {
        result_count: page.length,
        newest_id: page[0]?.id,
        oldest_id: last.id,
        ...(matching.length > page.length ? { next_token: Buffer.from(`search-after:${last.id}`).toString('base64url') } : {}),
      },
    })
  }

  function searchPageAfter(token: string): bigint | null {
    const decoded = /^search-after:([0-9]{1,19})$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
    return decoded ? BigInt(decoded[1] as string) : null
  }

  /** Pagination tokens are opaque on X; here one names the last post of the page it follows. */
  const pageToken = (lastId: string) => Buffer.from(`mentions-after:${lastId}`).toString('base64url')
  function pageAfter(token: string): bigint | null {
    const decoded = /^mentions-after:([0-9]{1,19})$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
    return decoded ? BigInt(decoded[1] as string) : null
  }

  /** A post as a timeline lists it: the default fields, plus the ones asked for. */
  function listed(post: FakeXPost, fields: Set<string>): Record<string, unknown> {
    const parent = post.replyTo ? posts.find((candidate) => candidate.id === post.replyTo) : undefined
    return {
      id: post.id,
      text: renderedText(post),
      edit_history_tweet_ids: [post.id],
      ...(fields.has('created_at') ? { created_at: post.createdAt } : {}),
      ...(fields.has('author_id') ? { author_id: post.authorId } : {}),
      ...(fields.has('conversation_id') ? { conversation_id: post.conversationId } : {}),
      ...(fields.has('in_reply_to_user_id') && parent ? { in_reply_to_user_id: parent.authorId } : {}),
      ...(fields.has('referenced_tweets') && post.replyTo ? { referenced_tweets: [{ type: 'replied_to', id: post.replyTo }] } : {}),
    }
  }

  /**
   * GET /2/users/{id}/mentions: the posts naming the user, newest first, the 800 most recent at
   * most; `since_id` and `until_id` exclusive, `start_time` and `end_time` inclusive; pages of
   * `max_results` (10 by default) chained by `meta.next_token`.
   */
  function mentionsTimeline(response: http.ServerResponse, mentionedId: string, query: URLSearchParams): void {
    const malformed = malformedMentionsQuery(query)
    if (malformed) return send(response, 400, malformed)
    const max = Number(query.get('max_results') ?? 10)
    const sinceId = query.get('since_id')
    const untilId = query.get('until_id')
    const startTime = query.get('start_time')
    const endTime = query.get('end_time')
    const token = query.get('pagination_token')
    const after = token === null ? null : pageAfter(token)
    const matching = posts
      .filter((post) => !post.deleted && post.mentionedUserIds.includes(mentionedId))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .slice(0, mentionsTimelineDepth)
      .filter(
        (post) =>
          (sinceId === null || BigInt(post.id) > BigInt(sinceId)) &&
          (untilId === null || BigInt(post.id) < BigInt(untilId)) &&
          (startTime === null || Date.parse(post.createdAt) >= Date.parse(startTime)) &&
          (endTime === null || Date.parse(post.createdAt) <= Date.parse(endTime)) &&
          (after === null || BigInt(post.id) < after),
      )
    const page = matching.slice(0, max)
    if (page.length === 0) return send(response, 200, { meta: { result_count: 0 } })
    const fields = new Set((query.get('tweet.fields') ?? '').split(','))
    const expansions = new Set((query.get('expansions') ?? '').split(','))
    const authors = [...new Set(page.map((post) => post.authorId))].map((id) => users.get(id) ?? { id, username: `user${id}`, name: `User ${id}` })
    const last = page.at(-1) as FakeXPost
    return send(response, 200, {
      data: page.map((post) => listed(post, fields)),
      ...(expansions.has('author_id') ? { includes: { users: authors.map(({ id, name, username }) => ({ id, name, username })) } } : {}),
      meta: {
        result_count: page.length,
        newest_id: page[0]?.id,
        oldest_id: last.id,
        ...(matching.length > page.length ? { next_token: pageToken(last.id) } : {}),
      },
    })
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

    if (method === 'GET' && path === '/2/users/me') {
      const malformed = unknownValues(query, 'user.fields', userFields)
      if (malformed) return send(response, 400, malformed)
      // X answers only the default fields unless `user.fields` asks for more.
      const fields = new Set((query.get('user.fields') ?? '').split(','))
      return send(response, 200, {
        data: {
          id: account.id,
          name: account.name,
          username: account.username,
          ...(fields.has('public_metrics') ? { public_metrics: { ...state.accountPublicMetrics } } : {}),
        },
      })
    }

    const mentioned = mentionsPage.exec(path)
    if (method === 'GET' && mentioned) return mentionsTimeline(response, mentioned[1] as string, query)

    if (method === 'GET' && path === '/2/tweets/search/recent') return searchRecent(response, query)

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
    /** Replaces the connected user's counts; a name left out is absent from X's answer. */
    setAccountPublicMetrics(metrics: Record<string, number>): void {
      state.accountPublicMetrics = { ...metrics }
    },
    /** A reply by someone else to one of the account's posts, for moderation tests. */
    addForeignReply(inReplyTo: string, text: string): string {
      return storePost(foreignUser.id, text, [], inReplyTo).id
    },
    /** The connected account as a user (its handle is what others write to mention it). */
    account,
    /**
     * Someone (a viewer, or the account itself through X's own app) posts: a reply to one of our
     * posts or to a reply under it, or a post that names the account. A reply mentions whom it
     * answers, as X writes it; `mentionsAccount: false` is a person who took the account out of
     * their reply (X then leaves it out of the account's mentions), `true` one who named it.
     * `at` backdates it; ids grow with time on X, so backdate only what is posted before the rest.
     */
    postAs(author: FakeXUser, text: string, options: { inReplyTo?: string; mentionsAccount?: boolean; at?: Date } = {}): string {
      users.set(author.id, author)
      const post = storePost(author.id, text, [], options.inReplyTo ?? null, options.at)
      if (options.mentionsAccount === false) post.mentionedUserIds = post.mentionedUserIds.filter((id) => id !== userId)
      if (options.mentionsAccount === true && !post.mentionedUserIds.includes(userId)) post.mentionedUserIds.push(userId)
      return post.id
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        hanging.clear()
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
