/**
 * Facebook Page comments read by polling (docs/networks.md#meta-webhooks): `GET /{post-id}/comments`
 * with `filter=stream` (replies too, each with its parent), newest first, page after page until
 * the comments are older than asked. Used to reconcile what the webhooks delivered.
 */
import { graph } from '../meta/graph'
import type { InboundEvent, InboundPoller } from '../inbound'
import type { AccountCredentials, AdapterContext } from '../types'

type GraphComment = {
  id: string
  message?: string
  created_time?: string
  is_hidden?: boolean
  from?: { id?: string; name?: string }
  parent?: { id?: string }
}
type GraphPage = { data?: GraphComment[]; paging?: { cursors?: { after?: string }; next?: string } }

/** Pages read per post and poll: 20 × 100 comments, past which the next poll goes on. */
const maxPages = 20

export const facebookInbound: InboundPoller = {
  async commentsOn(postRemoteId: string, since: Date, account: AccountCredentials, context: AdapterContext): Promise<InboundEvent[]> {
    const events: InboundEvent[] = []
    let after: string | undefined
    for (let page = 0; page < maxPages; page++) {
      const answer = await graph<GraphPage>(context, account, `${encodeURIComponent(postRemoteId)}/comments`, {
        query: {
          fields: 'id,from,message,created_time,parent,is_hidden',
          filter: 'stream',
          order: 'reverse_chronological',
          limit: '100',
          ...(after ? { after } : {}),
        },
        sideEffect: false,
      })
      let reachedSince = false
      for (const comment of answer.data ?? []) {
        const createdAt = comment.created_time ? new Date(comment.created_time) : null
        if (createdAt && createdAt < since) {
          reachedSince = true
          break
        }
        const parent = comment.parent?.id ?? null
        const authorId = comment.from?.id
        events.push({
          network: 'facebook',
          accountRemoteId: account.accountId,
          remoteId: comment.id,
          kind: parent ? 'reply' : 'comment',
          verb: 'add',
          postRemoteId,
          parentRemoteId: parent,
          author: authorId ? { id: authorId, handle: comment.from?.name ?? null } : null,
          text: comment.message ?? null,
          occurredAt: createdAt ?? new Date(),
          createdAt,
          fromAccountItself: authorId === account.accountId,
        })
      }
      after = answer.paging?.cursors?.after
      if (reachedSince || !answer.paging?.next || !after) break
    }
    return events
  },
}
