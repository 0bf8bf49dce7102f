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

/** What an account-wide read brought, and where the next one starts. */
export type AccountActivity = { events: InboundEvent[]; cursor: string | null }

/**
 * How Badil reads what webhooks miss (Meta) or never send: per post where the network lists a
 * post's comments, per account where it lists what was addressed to the account (X mentions,
 * which carry the replies to our posts too). A network implements one or both.
 */
export interface InboundPoller {
  /** The comments on the post, newest first, down to `since` (replies included): add events, or edited ones where the network shows a later change. */
  commentsOn?(postRemoteId: string, since: Date, account: AccountCredentials, context: AdapterContext): Promise<InboundEvent[]>
  /**
   * What was addressed to the account after `cursor` (the network's own position, kept by Badil
   * between polls), or since `since` on a first read; returns the events oldest first and the
   * cursor to keep (the previous one when nothing new came).
   */
  accountActivity?(cursor: string | null, since: Date, account: AccountCredentials, context: AdapterContext): Promise<AccountActivity>
  /**
   * What was posted in the conversations these posts of ours started, whatever it names, after
   * `cursor` (the network's own position) or since `since` without one: for a network whose
   * account-wide read misses the replies that leave the account out (X). Events oldest first, our
   * posts themselves left out, and the cursor to keep.
   */
  conversationActivity?(
    postRemoteIds: string[],
    cursor: string | null,
    since: Date,
    account: AccountCredentials,
    context: AdapterContext,
  ): Promise<AccountActivity>
}
