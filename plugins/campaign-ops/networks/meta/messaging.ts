/**
 * Private messages of a Facebook Page (Messenger) and of an Instagram professional account linked
 * to a Page (Messenger API support for Instagram): how a conversation is keyed in the inbox, Meta's
 * standard messaging window, and the Send API call that answers a person.
 *
 * A conversation is keyed `dm:{scoped id}`: the person's Page-scoped id (PSID) or Instagram-scoped
 * id (IGSID), which Meta gives per account, so the key is unique within one account. Webhooks carry
 * no conversation id, and the Send API addresses the person by that id: the key is what the inbox
 * groups messages by and what a reply is sent to. The inbox otherwise keeps the author only as a
 * keyed pseudonym, so this key is the one place the scoped id is stored.
 */
import { graph } from './graph'
import { NetworkError } from '../types'
import type { AccountCredentials, AdapterContext, ModerationCommand, ModerationResult } from '../types'
import { pluginText } from '../../translations'

const conversationPrefix = 'dm:'

/** The inbox's thread key of the conversation with this person. */
export function directConversationKey(personScopedId: string): string {
  return `${conversationPrefix}${personScopedId}`
}

/** The person's scoped id a conversation key names, or null when the value is not such a key. */
export function directConversationPerson(key: string | null | undefined): string | null {
  if (!key?.startsWith(conversationPrefix)) return null
  const person = key.slice(conversationPrefix.length)
  return person === '' ? null : person
}

/**
 * Meta's standard messaging window: a Page or Instagram account may answer with
 * `messaging_type: RESPONSE` until 24 hours after the person's last message; past it the Send API
 * refuses (code 10, subcode 2018278 on Messenger, 2534022 on Instagram).
 */
export const META_STANDARD_MESSAGING_WINDOW_MS = 24 * 60 * 60_000

export function messagingWindowClosed(lastMessageFromPerson: Date | null, now: Date): boolean {
  return !lastMessageFromPerson || now.getTime() - lastMessageFromPerson.getTime() > META_STANDARD_MESSAGING_WINDOW_MS
}

type SendApiAnswer = { recipient_id?: string; message_id?: string }

/**
 * Acts on a conversation (`moderate` called with its key): a reply goes through the Send API with
 * the Page token — `POST /{page-id}/messages` for Messenger, `POST /me/messages` for the Instagram
 * account linked to the Page (`/{ig-user-id}/messages` is Instagram Login's API, on another host);
 * hiding or deleting a private message does not exist on Meta, so it is refused without a call.
 * The Send API takes no idempotency key: a lost answer leaves the outcome unknown.
 */
export async function actOnDirectConversation(
  network: 'facebook' | 'instagram',
  personScopedId: string,
  command: ModerationCommand,
  account: AccountCredentials,
  context: AdapterContext,
): Promise<ModerationResult> {
  if (command.action !== 'reply') {
    throw new NetworkError({
      kind: 'permanent',
      message: `meta: ${command.action} is not possible on a private conversation`,
      reason: pluginText('inboxDirectMessages:notForDirectMessages'),
    })
  }
  const sender = network === 'facebook' ? encodeURIComponent(account.accountId) : 'me'
  const answer = await graph<SendApiAnswer>(context, account, `${sender}/messages`, {
    method: 'POST',
    json: { recipient: { id: personScopedId }, messaging_type: 'RESPONSE', message: { text: command.text } },
    sideEffect: true,
  })
  return answer.message_id ? { remoteId: answer.message_id } : {}
}
