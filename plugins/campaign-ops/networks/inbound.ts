import type { Network } from '../../../src/domain/networks'
import type { AccountCredentials, AdapterContext } from './types'

/**
 * What a network tells Badil about one comment, reply, message or mention, whichever way it came
 * (webhook, polling, import): each network's inbound code reads its own payloads into this shape,
 * and the inbox stores it.
 */
export type InboundEvent = {
  network: Network
  /** The network's id of the account it was addressed to (Page id, Instagram user id, channel id…). */
  accountRemoteId: string
  remoteId: string
  kind: 'comment' | 'reply' | 'dm' | 'mention' | 'review'
  /** `add` a new one; `edited` new text; `remove` deleted on the network; `hide`/`unhide` its visibility there. */
  verb: 'add' | 'edited' | 'remove' | 'hide' | 'unhide'
  postRemoteId: string | null
  parentRemoteId: string | null
  /** The author on the network; absent when the network withholds it (privacy). */
  author: { id: string; handle: string | null } | null
  text: string | null
  /** When this version happened on the network: what orders edits and removals that arrive out of order. */
  occurredAt: Date
  createdAt: Date | null
  /** Written by the account itself (the Page answering): kept in the thread, never moderated. */
  fromAccountItself: boolean
}

/** How Badil reads the comments of one of its posts where webhooks miss some (Meta) or do not exist. */
export interface InboundPoller {
  /** The comments on the post, newest first, down to `since` (replies included), as add events. */
  commentsOn(postRemoteId: string, since: Date, account: AccountCredentials, context: AdapterContext): Promise<InboundEvent[]>
}
