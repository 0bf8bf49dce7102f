/**
 * A local stand-in for LinkedIn's versioned REST API (docs/networks.md#linkedin): the required
 * headers, image/document/video uploads with their upload URLs and ETags, posts with the id in
 * `x-restli-id` and "little text" truncation, the author finder, share statistics, the page's
 * follower count (`networkSizes`) and comments (created, deleted, and listed per post or per
 * comment with start/count paging, the way the inbox polls them). Tests script failures, hangs,
 * slow video processing and expired tokens, set the follower count, and post members' comments,
 * replies and edits.
 *
 * As strict as LinkedIn where the reference says what LinkedIn refuses (tests/networks/fakes-contract.test.ts
 * proves each rule): the token, then `LinkedIn-Version` (present, `YYYYMM`, a month already
 * released by the fake's clock and not yet sunset), `X-Restli-Protocol-Version: 2.0.0` and a JSON
 * Content-Type are checked before anything else, a scripted failure included; a body that is not
 * JSON gets a 400, not a 500.
 */
import http from 'node:http'

import { listenOnLoopback, readBody } from './fake-server'
import { failureScripts } from './scripted-failures'
import type { ScriptedFailure } from './scripted-failures'

export type { ScriptedFailure }

export type RecordedRequest = {
  method: string
  /** Pathname as sent, URNs still encoded. */
  path: string
  /** Query string as sent (Rest.li syntax such as `List(...)` must arrive unencoded). */
  rawQuery: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  json?: unknown
  bodyBytes: number
}

export type FakeLinkedInPost = {
  urn: string
  activityUrn: string
  author: string
  /** As sent, escapes included. */
  commentary: string
  /** What members would read: LinkedIn cuts the text at the first unescaped reserved character. */
  displayed: string
  body: Record<string, unknown>
  deleted: boolean
}

export type FakeLinkedInComment = {
  urn: string
  /** The activity URN of the post it sits on. */
  parent: string
  actor: string
  text: string
  parentComment: string | null
  deleted: boolean
  /** Epoch milliseconds, as LinkedIn's audit stamps give them. */
  createdAt: number
  lastModifiedAt: number
}

/** Who writes a member's comment, and when (the fake's clock unless given). */
export type MemberCommentOptions = { actor?: string; at?: Date }

type Asset = {
  urn: string
  kind: 'image' | 'document' | 'video'
  status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED'
  parts: Array<{ firstByte: number; lastByte: number; etag: string | null }>
  uploadToken: string
  pollsLeft: number
}

const partBytes = 4 * 1024 * 1024
const reserved = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~'])

/** LinkedIn's reading of little text: escapes resolved, hashtags/mentions/links kept, cut at the first stray reserved character. */
export function displayedCommentary(commentary: string): string {
  let shown = ''
  for (let index = 0; index < commentary.length;) {
    const rest = commentary.slice(index)
    const character = commentary[index] as string
    const element =
      /^https?:\/\/[^\s\\<>]+/.exec(rest)?.[0] ??
      /^@\[[^\]\n]+\]\(urn:li:(?:person|organization):[^)\s]+\)/.exec(rest)?.[0] ??
      (character === '#' ? /^#[\p{L}\p{N}\p{M}]+/u.exec(rest)?.[0] : undefined)
    if (element) {
      shown += element
      index += element.length
    } else if (character === '\\' && index + 1 < commentary.length) {
      shown += commentary[index + 1]
      index += 2
    } else if (reserved.has(character)) {
      return shown
    } else {
      shown += character
      index += 1
    }
  }
  return shown
}

/** The most comments one page lists, whatever `count` asks; paging goes on with `start` and `total`. */
export const defaultCommentsPageLimit = 100

/**
 * How many months back a version stays active: LinkedIn sunsets each monthly version about a year
 * after its release and supports it at least that long (reference, section 5), so twelve months
 * back is still served and thirteen is not.
 */
export const linkedinSupportedMonths = 12

/** Why LinkedIn refuses this `LinkedIn-Version` at `now`, or null when it is active. */
export function linkedinVersionProblem(version: string, now: Date): string | null {
  const match = /^(\d{4})(\d{2})$/.exec(version)
  if (!match) return 'not a YYYYMM month'
  const month = Number(match[2])
  if (month < 1 || month > 12) return 'not a month'
  const age = now.getUTCFullYear() * 12 + now.getUTCMonth() - (Number(match[1]) * 12 + month - 1)
  if (age < 0) return 'not released yet'
  if (age > linkedinSupportedMonths) return 'sunset'
  return null
}

/** The page's followers as `networkSizes` gives them by default: a small organization page. */
export const defaultLinkedInFollowerCount = 4_873

export type LinkedInFake = Awaited<ReturnType<typeof startLinkedInFake>>

/** `now`: the fake's clock, which decides which versions are active (the real time unless given). */
export async function startLinkedInFake(options: { token?: string; organization?: string; port?: number; now?: () => Date } = {}) {
  const token = options.token ?? 'linkedin-member-token'
  const now = options.now ?? (() => new Date())
  const organization = options.organization ?? 'urn:li:organization:5515715'
  const requests: RecordedRequest[] = []
  const posts: FakeLinkedInPost[] = []
  const comments: FakeLinkedInComment[] = []
  const assets = new Map<string, Asset>()
  const uploads = new Map<string, { asset: Asset; part: number }>()
  const statistics = new Map<string, Record<string, number>>()
  const failures = failureScripts()
  const state = {
    tokenExpired: false,
    hangNextPost: false,
    processingPolls: 0,
    processingOutcome: 'AVAILABLE' as 'AVAILABLE' | 'PROCESSING_FAILED',
    counter: 7012000000000000000n,
    commentsPageLimit: defaultCommentsPageLimit,
    /** `firstDegreeSize` of the organization; null leaves the field out of the answer. */
    followerCount: defaultLinkedInFollowerCount as number | null,
  }
  let baseUrl = ''

  const nextNumber = () => (state.counter++).toString()

  function send(response: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    response.statusCode = status
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
    if (body === undefined) {
      response.end()
      return
    }
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify(body))
  }

  const error = (status: number, message: string, code: string, serviceErrorCode?: number) => ({
    status,
    message,
    code,
    ...(serviceErrorCode === undefined ? {} : { serviceErrorCode }),
  })

  /** The headers LinkedIn requires on every REST call (docs/networks.md#linkedin-rest-headers-and-oauth). */
  function restHeaderProblem(request: http.IncomingMessage): [number, unknown] | null {
    const authorization = request.headers.authorization
    if (authorization !== `Bearer ${token}`) return [401, error(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600)]
    if (state.tokenExpired) return [401, error(401, 'The token used in the request has expired', 'EXPIRED_ACCESS_TOKEN', 65601)]
    const version = request.headers['linkedin-version']
    if (!version) return [400, error(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', 'VERSION_MISSING')]
    if (typeof version !== 'string' || linkedinVersionProblem(version, now()) !== null)
      return [426, error(426, `Requested version ${String(version)} is not active`, 'NONEXISTENT_VERSION')]
    if (request.headers['x-restli-protocol-version'] !== '2.0.0')
      return [400, error(400, 'X-Restli-Protocol-Version 2.0.0 is required', 'INVALID_PROTOCOL_VERSION')]
    if (request.method !== 'GET' && request.method !== 'DELETE' && !String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return [415, error(415, 'Content-Type must be application/json', 'UNSUPPORTED_MEDIA_TYPE')]
    }
    return null
  }

  function initializeSingle(response: http.ServerResponse, kind: 'image' | 'document', json: Record<string, unknown> | undefined): void {
    const owner = (json?.initializeUploadRequest as { owner?: unknown } | undefined)?.owner
    if (owner !== organization) return send(response, 403, error(403, `Not enough permissions to access: owner ${String(owner)}`, 'ACCESS_DENIED', 100))
    const number = nextNumber()
    const urn = kind === 'image' ? `urn:li:image:C4E10AQ${number}` : `urn:li:document:D4E10AQ${number}`
    const asset: Asset = {
      urn,
      kind,
      status: 'WAITING_UPLOAD',
      parts: [{ firstByte: 0, lastByte: -1, etag: null }],
      uploadToken: '',
      pollsLeft: 0,
    }
    assets.set(urn, asset)
    uploads.set(`/dms-uploads/${kind}/${number}`, { asset, part: 0 })
    send(response, 200, {
      value: {
        uploadUrlExpiresAt: Date.now() + 3_600_000,
        uploadUrl: `${baseUrl}/dms-uploads/${kind}/${number}`,
        [kind]: urn,
      },
    })
  }

  function initializeVideo(response: http.ServerResponse, json: Record<string, unknown> | undefined): void {
    const init = (json?.initializeUploadRequest ?? {}) as {
      owner?: unknown
      fileSizeBytes?: unknown
      uploadCaptions?: unknown
      uploadThumbnail?: unknown
    }
    if (init.owner !== organization)
      return send(response, 403, error(403, `Not enough permissions to access: owner ${String(init.owner)}`, 'ACCESS_DENIED', 100))
    if (typeof init.fileSizeBytes !== 'number' || init.fileSizeBytes <= 0)
      return send(response, 422, error(422, 'fileSizeBytes is required', 'UNPROCESSABLE_ENTITY'))
    const number = nextNumber()
    const urn = `urn:li:video:D5605AQ${number}`
    const parts: Asset['parts'] = []
    for (let first = 0; first < init.fileSizeBytes; first += partBytes)
      parts.push({ firstByte: first, lastByte: Math.min(first + partBytes, init.fileSizeBytes) - 1, etag: null })
    const asset: Asset = {
      urn,
      kind: 'video',
      status: 'WAITING_UPLOAD',
      parts,
      uploadToken: parts.length > 1 ? `upload-token-${number}` : '',
      pollsLeft: state.processingPolls,
    }
    assets.set(urn, asset)
    const instructions = parts.map((part, index) => {
      const path = `/dms-uploads/video/${number}/part/${index}`
      uploads.set(path, { asset, part: index })
      return { firstByte: part.firstByte, lastByte: part.lastByte, uploadUrl: `${baseUrl}${path}` }
    })
    send(response, 200, {
      value: {
        video: urn,
        uploadToken: asset.uploadToken,
        uploadUrlsExpireAt: Date.now() + 3_600_000,
        uploadInstructions: instructions,
      },
    })
  }

  function finalizeVideo(response: http.ServerResponse, json: Record<string, unknown> | undefined): void {
    const finalize = (json?.finalizeUploadRequest ?? {}) as {
      video?: unknown
      uploadToken?: unknown
      uploadedPartIds?: unknown
    }
    const asset = assets.get(String(finalize.video))
    if (!asset || asset.kind !== 'video') return send(response, 404, error(404, 'Video not found', 'NOT_FOUND'))
    if (finalize.uploadToken !== asset.uploadToken) return send(response, 422, error(422, 'uploadToken does not match', 'UNPROCESSABLE_ENTITY'))
    const expected = asset.parts.map((part) => part.etag)
    if (expected.includes(null) || JSON.stringify(finalize.uploadedPartIds) !== JSON.stringify(expected)) {
      return send(response, 422, error(422, 'uploadedPartIds must list every part ETag in order', 'UNPROCESSABLE_ENTITY'))
    }
    asset.status = 'PROCESSING'
    send(response, 200, {})
  }

  function mediaProblem(id: unknown): string | null {
    const asset = assets.get(String(id))
    if (!asset) return `Unknown media ${String(id)}`
    if (asset.status !== 'AVAILABLE') return `Media ${asset.urn} is ${asset.status}`
    return null
  }

  function createPost(response: http.ServerResponse, json: Record<string, unknown>): void {
    const distribution = json.distribution as { feedDistribution?: unknown } | undefined
    if (json.author !== organization) return send(response, 403, error(403, `Not enough permissions to post as ${String(json.author)}`, 'ACCESS_DENIED', 100))
    if (typeof json.commentary !== 'string') return send(response, 422, error(422, '/commentary is required', 'UNPROCESSABLE_ENTITY'))
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(String(json.visibility)))
      return send(response, 422, error(422, '/visibility is invalid', 'UNPROCESSABLE_ENTITY'))
    if (distribution?.feedDistribution !== 'MAIN_FEED')
      return send(response, 422, error(422, '/distribution/feedDistribution is required', 'UNPROCESSABLE_ENTITY'))
    if (json.lifecycleState !== 'PUBLISHED') return send(response, 422, error(422, '/lifecycleState must be PUBLISHED', 'UNPROCESSABLE_ENTITY'))
    const content = json.content as { media?: { id?: unknown; title?: unknown }; multiImage?: { images?: Array<{ id?: unknown }> } } | undefined
    if (content?.multiImage) {
      const images = content.multiImage.images ?? []
      if (images.length < 2 || images.length > 20) return send(response, 422, error(422, 'multiImage takes 2 to 20 images', 'UNPROCESSABLE_ENTITY'))
      const problem = images.map((image) => mediaProblem(image.id)).find(Boolean)
      if (problem) return send(response, 422, error(422, problem, 'UNPROCESSABLE_ENTITY'))
    } else if (content?.media) {
      const problem = mediaProblem(content.media.id)
      if (problem) return send(response, 422, error(422, problem, 'UNPROCESSABLE_ENTITY'))
      if (String(content.media.id).startsWith('urn:li:document:') && typeof content.media.title !== 'string') {
        return send(response, 422, error(422, '/content/media/title is required for documents', 'UNPROCESSABLE_ENTITY'))
      }
    }
    const existing = posts.find((post) => !post.deleted && post.commentary === json.commentary)
    if (existing) return send(response, 422, error(422, `Content is a duplicate of ${existing.urn}`, 'DUPLICATE_POST'))
    const number = nextNumber()
    const isVideo = String(content?.media?.id ?? '').startsWith('urn:li:video:')
    const post: FakeLinkedInPost = {
      urn: isVideo ? `urn:li:ugcPost:${number}` : `urn:li:share:${number}`,
      activityUrn: `urn:li:activity:${number}`,
      author: organization,
      commentary: json.commentary,
      displayed: displayedCommentary(json.commentary),
      body: json,
      deleted: false,
    }
    posts.push(post)
    if (state.hangNextPost) {
      // Stored, then no answer: the client times out not knowing the post exists.
      state.hangNextPost = false
      return
    }
    send(response, 201, undefined, { 'x-restli-id': post.urn })
  }

  /** `List(a,b)` in the raw query, Rest.li 2.0 syntax (the parentheses must not be encoded). */
  function restliList(rawQuery: string, name: string): string[] | null {
    const match = new RegExp(`(?:^|&)${name}=List\\(([^)]*)\\)`).exec(rawQuery.replace(/^\?/, ''))
    return match ? (match[1] as string).split(',').filter(Boolean).map(decodeURIComponent) : null
  }

  function findPost(urn: string): FakeLinkedInPost | undefined {
    return posts.find((post) => !post.deleted && (post.urn === urn || post.activityUrn === urn))
  }

  function memberComments(target: string, text: string, { actor = 'urn:li:person:abc', at = now() }: MemberCommentOptions = {}): string {
    const parentComment = target.startsWith('urn:li:comment:') ? comments.find((candidate) => candidate.urn === target && !candidate.deleted) : undefined
    const parent = parentComment?.parent ?? findPost(target)?.activityUrn
    if (!parent) throw new Error(`no post or comment ${target}`)
    const urn = `urn:li:comment:(${parent},${nextNumber()})`
    comments.push({
      urn,
      parent,
      actor,
      text,
      parentComment: parentComment?.urn ?? null,
      deleted: false,
      createdAt: at.getTime(),
      lastModifiedAt: at.getTime(),
    })
    return urn
  }

  const liveReplies = (urn: string) => comments.filter((candidate) => !candidate.deleted && candidate.parentComment === urn)

  /** A comment as `GET …/comments` lists it; `commentsSummary` counts its live replies (all levels, and the first). */
  function commentElement(comment: FakeLinkedInComment): Record<string, unknown> {
    const countAll = (urn: string): number => liveReplies(urn).reduce((sum, reply) => sum + 1 + countAll(reply.urn), 0)
    return {
      id: comment.urn.slice(comment.urn.lastIndexOf(',') + 1, -1),
      commentUrn: comment.urn,
      actor: comment.actor,
      created: { actor: comment.actor, time: comment.createdAt },
      lastModified: { actor: comment.actor, time: comment.lastModifiedAt },
      message: { text: comment.text, attributes: [] },
      object: comment.parent,
      ...(comment.parentComment ? { parentComment: comment.parentComment } : {}),
      commentsSummary: { aggregatedTotalComments: countAll(comment.urn), totalFirstLevelComments: liveReplies(comment.urn).length },
    }
  }

  /** A post's first-level comments, or a comment's replies, oldest first, deleted ones left out. */
  function listComments(response: http.ServerResponse, recorded: RecordedRequest, target: string): void {
    const { query } = recorded
    const start = Number(query.get('start') ?? 0)
    const asked = Number(query.get('count') ?? 10)
    if (!Number.isInteger(start) || start < 0 || !Number.isInteger(asked) || asked < 0)
      return send(response, 400, error(400, 'start and count must be non-negative integers', 'BAD_REQUEST'))
    let listed: FakeLinkedInComment[]
    if (target.startsWith('urn:li:comment:')) {
      if (!comments.some((candidate) => candidate.urn === target && !candidate.deleted))
        return send(response, 404, error(404, 'Comment not found', 'NOT_FOUND'))
      listed = liveReplies(target)
    } else {
      const post = findPost(target)
      if (!post) return send(response, 404, error(404, 'Post not found', 'NOT_FOUND'))
      listed = comments.filter((candidate) => !candidate.deleted && candidate.parent === post.activityUrn && candidate.parentComment === null)
    }
    const count = Math.min(asked, state.commentsPageLimit)
    const link = (rel: string, from: number) => ({
      type: 'application/json',
      rel,
      href: `${recorded.path}?start=${from}&count=${count}`,
    })
    const links = [...(start > 0 ? [link('prev', Math.max(0, start - count))] : []), ...(start + count < listed.length ? [link('next', start + count)] : [])]
    send(response, 200, {
      paging: { start, count, total: listed.length, links },
      elements: listed.slice(start, start + count).map(commentElement),
    })
  }

  function route(response: http.ServerResponse, recorded: RecordedRequest): void {
    const { method, path, query } = recorded
    const json = recorded.json as Record<string, unknown> | undefined
    const action = query.get('action')

    if (method === 'POST' && path === '/rest/images' && action === 'initializeUpload') return initializeSingle(response, 'image', json)
    if (method === 'POST' && path === '/rest/documents' && action === 'initializeUpload') return initializeSingle(response, 'document', json)
    if (method === 'POST' && path === '/rest/videos' && action === 'initializeUpload') return initializeVideo(response, json)
    if (method === 'POST' && path === '/rest/videos' && action === 'finalizeUpload') return finalizeVideo(response, json)

    const video = /^\/rest\/videos\/([^/]+)$/.exec(path)
    if (method === 'GET' && video) {
      const asset = assets.get(decodeURIComponent(video[1] as string))
      if (!asset) return send(response, 404, error(404, 'Video not found', 'NOT_FOUND'))
      if (asset.status === 'PROCESSING') {
        if (asset.pollsLeft > 0) asset.pollsLeft -= 1
        else asset.status = state.processingOutcome
      }
      return send(response, 200, { id: asset.urn, owner: organization, status: asset.status })
    }

    if (method === 'POST' && path === '/rest/posts') {
      if (!json) return send(response, 400, error(400, 'JSON body required', 'BAD_REQUEST'))
      return createPost(response, json)
    }

    if (method === 'GET' && path === '/rest/posts') {
      if (query.get('q') !== 'author' || query.get('author') !== organization)
        return send(response, 400, error(400, 'q=author and an encoded author URN are required', 'BAD_REQUEST'))
      const count = Math.min(100, Number(query.get('count') ?? 10))
      const live = posts.filter((post) => !post.deleted).reverse()
      return send(response, 200, {
        elements: live.slice(0, count).map((post) => ({
          id: post.urn,
          author: post.author,
          commentary: post.commentary,
          visibility: 'PUBLIC',
          lifecycleState: 'PUBLISHED',
        })),
        paging: { start: 0, count, links: [], total: live.length },
      })
    }

    if (method === 'GET' && path === '/rest/organizationalEntityShareStatistics') {
      if (query.get('q') !== 'organizationalEntity' || query.get('organizationalEntity') !== organization) {
        return send(response, 400, error(400, 'q=organizationalEntity and the organization are required', 'BAD_REQUEST'))
      }
      const shares = restliList(recorded.rawQuery, 'shares') ?? []
      const ugcPosts = restliList(recorded.rawQuery, 'ugcPosts') ?? []
      if ((query.has('shares') && shares.length === 0) || (query.has('ugcPosts') && ugcPosts.length === 0)) {
        return send(response, 400, error(400, 'Invalid List() syntax', 'BAD_REQUEST'))
      }
      const elements = [...shares.map((urn) => ['share', urn] as const), ...ugcPosts.map((urn) => ['ugcPost', urn] as const)]
        .filter(([, urn]) => statistics.has(urn))
        .map(([field, urn]) => ({
          organizationalEntity: organization,
          [field]: urn,
          totalShareStatistics: statistics.get(urn),
        }))
      return send(response, 200, { elements, paging: { start: 0, count: 10, links: [] } })
    }

    const networkSize = /^\/rest\/networkSizes\/([^/]+)$/.exec(path)
    if (method === 'GET' && networkSize) {
      const urn = decodeURIComponent(networkSize[1] as string)
      if (!/^urn:li:organization:\d+$/.test(urn)) return send(response, 400, error(400, `Invalid organization URN ${urn}`, 'BAD_REQUEST'))
      if (urn !== organization) return send(response, 403, error(403, `Not enough permissions to access: networkSizes ${urn}`, 'ACCESS_DENIED', 100))
      // Only the edge type the reference documents for organization followers is served.
      if (query.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER')
        return send(response, 400, error(400, 'edgeType must be COMPANY_FOLLOWED_BY_MEMBER', 'BAD_REQUEST'))
      return send(response, 200, state.followerCount === null ? {} : { firstDegreeSize: state.followerCount })
    }

    const commentPath = /^\/rest\/socialActions\/([^/]+)\/comments(?:\/([^/]+))?$/.exec(path)
    if (commentPath) {
      const target = decodeURIComponent(commentPath[1] as string)
      if (method === 'GET' && !commentPath[2]) return listComments(response, recorded, target)
      if (method === 'DELETE' && commentPath[2]) {
        if (query.get('actor') !== organization) return send(response, 403, error(403, 'actor must be the organization', 'ACCESS_DENIED', 100))
        const found = comments.find(
          (candidate) =>
            !candidate.deleted && candidate.urn.endsWith(`,${decodeURIComponent(commentPath[2] as string)})`) && candidate.urn.includes(`(${target},`),
        )
        if (!found) return send(response, 404, error(404, 'Comment not found', 'NOT_FOUND'))
        found.deleted = true
        return send(response, 204)
      }
      if (method === 'POST' && !commentPath[2]) {
        const body = (json ?? {}) as {
          actor?: unknown
          object?: unknown
          parentComment?: unknown
          message?: { text?: unknown }
        }
        if (body.actor !== organization) return send(response, 403, error(403, 'actor must be the organization', 'ACCESS_DENIED', 100))
        if (typeof body.message?.text !== 'string' || !body.message.text)
          return send(response, 422, error(422, '/message/text is required', 'UNPROCESSABLE_ENTITY'))
        const parentComment = target.startsWith('urn:li:comment:') ? comments.find((candidate) => candidate.urn === target && !candidate.deleted) : undefined
        if (target.startsWith('urn:li:comment:') && (!parentComment || body.parentComment !== target || body.object !== parentComment.parent)) {
          return send(response, 422, error(422, 'A nested reply needs object = the post and parentComment = the comment', 'UNPROCESSABLE_ENTITY'))
        }
        if (!parentComment && (!findPost(target) || body.object !== target)) return send(response, 404, error(404, 'Post not found', 'NOT_FOUND'))
        const parent = parentComment?.parent ?? (findPost(target) as FakeLinkedInPost).activityUrn
        const urn = `urn:li:comment:(${parent},${nextNumber()})`
        const at = now().getTime()
        comments.push({
          urn,
          parent,
          actor: organization,
          text: body.message.text,
          parentComment: parentComment?.urn ?? null,
          deleted: false,
          createdAt: at,
          lastModifiedAt: at,
        })
        return send(response, 201, { id: urn.slice(urn.lastIndexOf(',') + 1, -1), object: body.object, message: body.message }, { 'x-restli-id': urn })
      }
    }

    send(response, 404, error(404, `No route for ${method} ${path}`, 'NOT_FOUND'))
  }

  /** PUT to an upload URL: raw bytes, the member token for images and documents only (docs/networks.md#linkedin-image-and-document-upload). */
  function upload(request: http.IncomingMessage, response: http.ServerResponse, recorded: RecordedRequest, body: Buffer): void {
    const target = uploads.get(recorded.path)
    if (!target || recorded.method !== 'PUT') return send(response, 404, error(404, 'Unknown upload URL', 'NOT_FOUND'))
    const { asset, part } = target
    if (asset.kind !== 'video' && (request.headers.authorization !== `Bearer ${token}` || state.tokenExpired)) {
      return send(response, 401, error(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN', 65600))
    }
    const failure = failures.take(recorded)
    if (failure) return send(response, failure.status, failure.body, failure.headers)
    const slot = asset.parts[part] as Asset['parts'][number]
    if (body.length === 0 || (asset.kind === 'video' && body.length !== slot.lastByte - slot.firstByte + 1)) {
      return send(response, 400, error(400, `Part ${part} has ${body.length} bytes`, 'BAD_REQUEST'))
    }
    slot.etag = `/ambry-video/signedId/${asset.urn.slice(-6)}-${part}-${body.length}`
    if (asset.kind !== 'video') asset.status = 'AVAILABLE'
    send(response, 201, undefined, { etag: slot.etag })
  }

  const server = http.createServer(async (request, response) => {
    try {
      const body = await readBody(request)
      const url = new URL(request.url ?? '/', 'http://fake.invalid')
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        rawQuery: url.search,
        query: url.searchParams,
        headers: request.headers,
        bodyBytes: body.length,
      }
      let unreadableBody = false
      if (String(request.headers['content-type'] ?? '').startsWith('application/json') && body.length) {
        try {
          recorded.json = JSON.parse(body.toString('utf8'))
        } catch {
          unreadableBody = true
        }
      }
      requests.push(recorded)

      // Upload URLs are not REST calls: their own token rule, then any scripted failure.
      if (recorded.path.startsWith('/dms-uploads/')) return upload(request, response, recorded, body)
      // The token and the required headers first: a scripted failure answers only a request LinkedIn would have read.
      const problem = restHeaderProblem(request)
      if (problem) return send(response, problem[0], problem[1])
      const failure = failures.take(recorded)
      if (failure) return send(response, failure.status, failure.body, failure.headers)
      if (unreadableBody) return send(response, 400, error(400, 'The request body is not valid JSON', 'BAD_REQUEST'))
      route(response, recorded)
    } catch (caught) {
      send(response, 500, error(500, String(caught), 'INTERNAL_SERVER_ERROR'))
    }
  })
  baseUrl = await listenOnLoopback(server, options.port)

  return {
    baseUrl,
    token,
    organization,
    requests,
    posts,
    comments,
    assets,
    statistics,
    livePosts: () => posts.filter((post) => !post.deleted),
    /** Whether this `LinkedIn-Version` is one the fake serves now (by its clock). */
    isActiveVersion: (version: unknown): boolean => typeof version === 'string' && linkedinVersionProblem(version, now()) === null,
    failNext(count: number, failure: ScriptedFailure): void {
      failures.add(failure, count)
    },
    hangAfterNextPost(): void {
      state.hangNextPost = true
    },
    /** Videos answer PROCESSING to this many status reads after finalizeUpload, then the outcome. */
    processVideosAfter(polls: number, outcome: 'AVAILABLE' | 'PROCESSING_FAILED' = 'AVAILABLE'): void {
      state.processingPolls = polls
      state.processingOutcome = outcome
    },
    expireToken(): void {
      state.tokenExpired = true
    },
    /** The page's follower count from now on; null: LinkedIn's answer leaves `firstDegreeSize` out. */
    setFollowerCount(count: number | null): void {
      state.followerCount = count
    },
    /** A member's comment on one of the page's posts, for moderation tests. */
    addMemberComment(postUrn: string, text: string): string {
      return memberComments(postUrn, text)
    },
    /**
     * A member comments on a post (its share, ugcPost or activity URN) or replies to a comment
     * (its comment URN); `actor` may be the organization, for the Page's own comments. Answers the
     * new comment's URN.
     */
    memberComments,
    /** The member edits their comment: new text, `lastModified` moves on. */
    editComment(urn: string, text: string, at: Date = now()): void {
      const comment = comments.find((candidate) => candidate.urn === urn && !candidate.deleted)
      if (!comment) throw new Error(`no comment ${urn}`)
      comment.text = text
      comment.lastModifiedAt = at.getTime()
    },
    /** The member deletes their comment: LinkedIn stops listing it. */
    deleteComment(urn: string): void {
      const comment = comments.find((candidate) => candidate.urn === urn)
      if (!comment) throw new Error(`no comment ${urn}`)
      comment.deleted = true
    },
    /** At most this many comments per listed page, whatever `count` asks (LinkedIn may serve fewer than asked). */
    limitCommentPages(limit: number = defaultCommentsPageLimit): void {
      state.commentsPageLimit = limit
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((caught) => (caught ? reject(caught) : resolve()))
      }),
  }
}
