/**
 * Instagram comments read by polling (docs/networks.md#meta-webhooks): `GET /{media-id}/comments`
 * with each comment's replies, newest first, page after page until older than asked. Used to
 * reconcile what the webhooks delivered (and the only way for what they never send).
 */
import { graph } from '../meta/graph'
import type { InboundEvent, InboundPoller } from '../inbound'
import type { AccountCredentials, AdapterContext } from '../types'

type IgComment = { id: string; text?: string; username?: string; timestamp?: string; from?: { id?: string; username?: string } }
type IgPage = { data?: Array<IgComment & { replies?: { data?: IgComment[] } }>; paging?: { cursors?: { after?: string }; next?: string } }

const maxPages = 20

function event(account: AccountCredentials, mediaId: string, comment: IgComment, parentId: string | null): InboundEvent {
  const createdAt = comment.timestamp ? new Date(comment.timestamp) : null
  // The scoped id when Graph gives it (as the webhooks do), so both paths give one pseudonym.
  const authorId = comment.from?.id ?? (comment.username ? `username:${comment.username}` : undefined)
  return {
    network: 'instagram',
    accountRemoteId: account.accountId,
    remoteId: comment.id,
    kind: parentId ? 'reply' : 'comment',
    verb: 'add',
    postRemoteId: mediaId,
    parentRemoteId: parentId,
    author: authorId ? { id: authorId, handle: comment.from?.username ?? comment.username ?? null } : null,
    text: comment.text ?? null,
    occurredAt: createdAt ?? new Date(),
    createdAt,
    fromAccountItself: comment.from?.id === account.accountId,
  }
}

export const instagramInbound: InboundPoller = {
  async commentsOn(mediaId: string, since: Date, account: AccountCredentials, context: AdapterContext): Promise<InboundEvent[]> {
    const events: InboundEvent[] = []
    let after: string | undefined
    for (let page = 0; page < maxPages; page++) {
      const answer = await graph<IgPage>(context, account, `${encodeURIComponent(mediaId)}/comments`, {
        query: {
          fields: 'id,text,username,from,timestamp,hidden,replies{id,text,username,from,timestamp}',
          limit: '50',
          ...(after ? { after } : {}),
        },
        sideEffect: false,
      })
      let reachedSince = false
      for (const comment of answer.data ?? []) {
        if (comment.timestamp && new Date(comment.timestamp) < since) {
          reachedSince = true
          break
        }
        events.push(event(account, mediaId, comment, null))
        for (const reply of comment.replies?.data ?? []) events.push(event(account, mediaId, reply, comment.id))
      }
      after = answer.paging?.cursors?.after
      if (reachedSince || !answer.paging?.next || !after) break
    }
    return events
  },
}
