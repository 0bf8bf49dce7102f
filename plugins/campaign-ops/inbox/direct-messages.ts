/**
 * Answering a private message from the inbox. A message is stored with its conversation key as
 * `parentRemoteId` (networks/meta/messaging.ts): the reply goes to that conversation, and only
 * while the network's messaging window is open, which Badil checks before any call, from the
 * person's last message it stored in that conversation.
 */
import type { Payload } from 'payload'

import type { Interaction } from '../../../payload-types'
import type { Network } from '../../../src/domain/networks'
import type { Localized } from '../../../src/i18n/catalogue'
import { directConversationPerson, messagingWindowClosed } from '../networks/meta/messaging'
import { pluginText } from '../translations'
import { interactionsSlug } from './interactions-collection'

/** Networks whose private messages Badil answers, each with its rule for the time allowed after the person's last message. */
const messagingWindowClosedOn: Partial<Record<Network, (lastMessageFromPerson: Date | null, now: Date) => boolean>> = {
  facebook: messagingWindowClosed,
  instagram: messagingWindowClosed,
}

export type ReplyTargetRefusal = { code: 'no_conversation' | 'messaging_window_closed'; reason: Localized }

export const isDirectMessage = (interaction: Pick<Interaction, 'kind'>) => interaction.kind === 'dm'

/** When the person last wrote in this conversation, by the network's time; null when no message of theirs is stored. */
async function lastMessageFromPerson(payload: Payload, interaction: Interaction, conversationKey: string): Promise<Date | null> {
  const { docs } = await payload.find({
    collection: interactionsSlug,
    where: {
      and: [
        { network: { equals: interaction.network } },
        { accountRemoteId: { equals: interaction.accountRemoteId } },
        { parentRemoteId: { equals: conversationKey } },
        { kind: { equals: 'dm' } },
        { fromAccountItself: { equals: false } },
        { remoteCreatedAt: { exists: true } },
      ],
    },
    sort: '-remoteCreatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    select: { remoteCreatedAt: true },
  })
  const writtenAt = docs[0]?.remoteCreatedAt
  return writtenAt ? new Date(writtenAt) : null
}

/**
 * Where a reply to this interaction goes: the comment itself, or for a private message its
 * conversation. Returns the reason instead when a private message cannot be answered now (no
 * conversation Badil can address, or the messaging window closed), so nothing is sent.
 */
export async function replyTarget(payload: Payload, interaction: Interaction, now: Date): Promise<{ target: string } | { refusal: ReplyTargetRefusal }> {
  if (!isDirectMessage(interaction)) return { target: interaction.remoteId }
  const conversationKey = interaction.parentRemoteId ?? null
  const windowClosed = messagingWindowClosedOn[interaction.network]
  if (!windowClosed || !conversationKey || directConversationPerson(conversationKey) === null) {
    return { refusal: { code: 'no_conversation', reason: pluginText('inboxDirectMessages:noConversation') } }
  }
  if (windowClosed(await lastMessageFromPerson(payload, interaction, conversationKey), now)) {
    return { refusal: { code: 'messaging_window_closed', reason: pluginText('inboxDirectMessages:windowClosed') } }
  }
  return { target: conversationKey }
}
