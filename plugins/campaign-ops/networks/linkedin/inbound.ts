/**
 * LinkedIn comments on the organization's posts, read by polling (docs/networks.md#linkedin-comments-in-the-inbox):
 * LinkedIn's webhooks for social actions need its approval, so Badil lists
 * `GET /rest/socialActions/{post urn}/comments` page after page, and the replies of each comment
 * that has some with the same call on the comment's URN. LinkedIn promises no order, so every
 * page is read and the comments are kept by time rather than by position.
 */
import type { InboundEvent, InboundPoller } from '../inbound'
import type { AccountCredentials, AdapterContext } from '../types'
import { NetworkError } from '../types'
import { callLinkedIn, encodeUrn, organizationUrn } from './adapter'

type AuditStamp = { actor?: string; time?: number }

type LinkedInComment = {
  id?: string
  commentUrn?: string
  actor?: string
  created?: AuditStamp
  lastModified?: AuditStamp
  message?: { text?: string }
  object?: string
  parentComment?: string
  commentsSummary?: { aggregatedTotalComments?: number; totalFirstLevelComments?: number }
}

type CommentPage = { paging?: { start?: number; count?: number; total?: number }; elements?: LinkedInComment[] }

/** Asked per page; LinkedIn may serve fewer, so paging follows what came and the total. */
const pageSize = 100
/** Pages read per post and poll (2,000 comments); past it, the next poll goes on. */
const maxPostPages = 20
/** Pages of replies read per comment and poll. */
const maxReplyPages = 5

/** Every comment under `target` (a post or a comment URN), as far as the bound allows. */
async function listComments(target: string, maxPages: number, account: AccountCredentials, context: AdapterContext): Promise<LinkedInComment[]> {
  const comments: LinkedInComment[] = []
  let start = 0
  for (let page = 0; page < maxPages; page++) {
    const url = `${context.baseUrl}/rest/socialActions/${encodeUrn(target)}/comments?start=${start}&count=${pageSize}`
    const { body } = await callLinkedIn({ method: 'GET', url, sideEffect: false }, account, context)
    const answer = (body ?? {}) as CommentPage
    const elements = answer.elements ?? []
    comments.push(...elements)
    start += elements.length
    const total = answer.paging?.total
    if (elements.length === 0 || (typeof total === 'number' ? start >= total : elements.length < pageSize)) break
  }
  return comments
}

/** The replies of a comment; one deleted since the post's list was read has none left to read. */
async function repliesOf(commentUrn: string, account: AccountCredentials, context: AdapterContext): Promise<LinkedInComment[]> {
  try {
    return await listComments(commentUrn, maxReplyPages, account, context)
  } catch (error) {
    if (error instanceof NetworkError && error.code === 'not_found') return []
    throw error
  }
}

function hasReplies(comment: LinkedInComment): boolean {
  const summary = comment.commentsSummary
  return Math.max(summary?.aggregatedTotalComments ?? 0, summary?.totalFirstLevelComments ?? 0) > 0
}

function commentUrnOf(comment: LinkedInComment): string | null {
  if (comment.commentUrn) return comment.commentUrn
  return comment.id && comment.object ? `urn:li:comment:(${comment.object},${comment.id})` : null
}

function event(comment: LinkedInComment, urn: string, postUrn: string, parentUrn: string | null, account: AccountCredentials): InboundEvent {
  const createdAt = typeof comment.created?.time === 'number' ? new Date(comment.created.time) : null
  const modifiedAt = typeof comment.lastModified?.time === 'number' ? new Date(comment.lastModified.time) : null
  const occurredAt = modifiedAt ?? createdAt ?? new Date()
  return {
    network: 'linkedin',
    accountRemoteId: account.accountId,
    remoteId: urn,
    kind: parentUrn ? 'reply' : 'comment',
    // A later modification is an edit: the stored text follows it (an `add` never changes a stored comment).
    verb: createdAt && occurredAt > createdAt ? 'edited' : 'add',
    // Linked to the post as we know it (its share or ugcPost URN), not the activity URN LinkedIn puts in `object`.
    postRemoteId: postUrn,
    parentRemoteId: parentUrn,
    // The organization permissions give the member's URN only, never their name.
    author: comment.actor ? { id: comment.actor, handle: null } : null,
    text: comment.message?.text ?? null,
    occurredAt,
    createdAt,
    fromAccountItself: comment.actor === organizationUrn(account),
  }
}

export const linkedinInbound: InboundPoller = {
  async commentsOn(postUrn: string, since: Date, account: AccountCredentials, context: AdapterContext): Promise<InboundEvent[]> {
    const events = new Map<string, InboundEvent>()
    const keep = (comment: LinkedInComment, parentUrn: string | null) => {
      const urn = commentUrnOf(comment)
      if (!urn) return
      const found = event(comment, urn, postUrn, parentUrn, account)
      if (found.occurredAt >= since && !events.has(urn)) events.set(urn, found)
    }
    for (const comment of await listComments(postUrn, maxPostPages, account, context)) {
      const urn = commentUrnOf(comment)
      keep(comment, comment.parentComment ?? null)
      // An old comment may have a new reply: its replies are read whatever its own age.
      if (urn && hasReplies(comment)) {
        for (const reply of await repliesOf(urn, account, context)) keep(reply, urn)
      }
    }
    return [...events.values()].sort((first, second) => second.occurredAt.getTime() - first.occurredAt.getTime())
  },
}
