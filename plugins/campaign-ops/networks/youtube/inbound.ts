/**
 * YouTube comments, read by polling since YouTube sends no webhook for them
 * (docs/networks.md#youtube): `commentThreads.list` on the video, newest first, page after page
 * until older than asked; a thread that shows fewer replies than it has is completed with
 * `comments.list?parentId=`. Each list costs one quota unit.
 */
import type { InboundEvent, InboundPoller } from '../inbound'
import type { AccountCredentials, AdapterContext } from '../types'
import { getJson } from './adapter'

type CommentResource = {
  id: string
  snippet?: {
    textOriginal?: string
    textDisplay?: string
    authorDisplayName?: string
    authorChannelId?: { value?: string }
    publishedAt?: string
    updatedAt?: string
  }
}
type ThreadList = {
  nextPageToken?: string
  items?: Array<{ id: string; snippet?: { totalReplyCount?: number; topLevelComment?: CommentResource }; replies?: { comments?: CommentResource[] } }>
}
type CommentList = { nextPageToken?: string; items?: CommentResource[] }

const maxPages = 20

function event(account: AccountCredentials, videoId: string, comment: CommentResource, parentId: string | null): InboundEvent {
  const snippet = comment.snippet ?? {}
  const createdAt = snippet.publishedAt ? new Date(snippet.publishedAt) : null
  const authorId = snippet.authorChannelId?.value
  return {
    network: 'youtube',
    accountRemoteId: account.accountId,
    remoteId: comment.id,
    kind: parentId ? 'reply' : 'comment',
    verb: 'add',
    postRemoteId: videoId,
    parentRemoteId: parentId,
    author: authorId ? { id: authorId, handle: snippet.authorDisplayName ?? null } : null,
    text: snippet.textOriginal ?? snippet.textDisplay ?? null,
    occurredAt: snippet.updatedAt ? new Date(snippet.updatedAt) : (createdAt ?? new Date()),
    createdAt,
    fromAccountItself: authorId === account.accountId,
  }
}

async function allReplies(parentId: string, account: AccountCredentials, context: AdapterContext): Promise<CommentResource[]> {
  const replies: CommentResource[] = []
  let pageToken: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const query = new URLSearchParams({ part: 'snippet', parentId, maxResults: '100', textFormat: 'plainText', ...(pageToken ? { pageToken } : {}) })
    const answer = await getJson<CommentList>(`${context.baseUrl}/youtube/v3/comments?${query}`, 'comments.list', account, context)
    replies.push(...(answer.items ?? []))
    pageToken = answer.nextPageToken
    if (!pageToken) break
  }
  return replies
}

export const youtubeInbound: InboundPoller = {
  async commentsOn(videoId: string, since: Date, account: AccountCredentials, context: AdapterContext): Promise<InboundEvent[]> {
    const events: InboundEvent[] = []
    let pageToken: string | undefined
    for (let page = 0; page < maxPages; page++) {
      const query = new URLSearchParams({
        part: 'snippet,replies',
        videoId,
        maxResults: '100',
        order: 'time',
        textFormat: 'plainText',
        ...(pageToken ? { pageToken } : {}),
      })
      const answer = await getJson<ThreadList>(`${context.baseUrl}/youtube/v3/commentThreads?${query}`, 'commentThreads.list', account, context)
      let reachedSince = false
      for (const thread of answer.items ?? []) {
        const top = thread.snippet?.topLevelComment
        if (!top) continue
        const publishedAt = top.snippet?.publishedAt ? new Date(top.snippet.publishedAt) : null
        // Threads come newest first by their top comment; the first older thread ends the read,
        // but its own replies may be new, so they are read before stopping.
        if (publishedAt && publishedAt < since) reachedSince = true
        if (!reachedSince) events.push(event(account, videoId, top, null))
        const shown = thread.replies?.comments ?? []
        const replies = (thread.snippet?.totalReplyCount ?? 0) > shown.length ? await allReplies(thread.id, account, context) : shown
        for (const reply of replies) {
          const at = reply.snippet?.publishedAt ? new Date(reply.snippet.publishedAt) : null
          if (!at || at >= since) events.push(event(account, videoId, reply, top.id))
        }
        if (reachedSince) break
      }
      pageToken = answer.nextPageToken
      if (reachedSince || !pageToken) break
    }
    return events
  },
}
