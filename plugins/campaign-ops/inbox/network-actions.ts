/**
 * What the inbox does to an interaction on its network — hide, show again, delete — always in the
 * same order: an archived copy first (for hide and delete), then the network's call through the
 * adapter, then the interaction's new state and a moderation-log row naming who did it.
 */
import type { Payload } from 'payload'

import type { Interaction } from '../../../payload-types'
import type { Localized } from '../../../src/i18n/catalogue'
import { sqlPool } from '../../../src/infra/database'
import { appendModerationLog } from '../moderation/moderation-log'
import type { ModerationLogEntry } from '../moderation/moderation-log'
import { NetworkError } from '../networks/types'
import { loadAccount } from '../publishing/account-credentials'
import type { PublishingRuntime } from '../publishing/runtime'
import { pluginText } from '../translations'
import { isDirectMessage } from './direct-messages'
import { interactionEvidenceSlug } from './evidence-collection'
import { interactionsSlug } from './interactions-collection'
import { interactionLogFields } from './log-entry'

export type NetworkAction = 'hide' | 'unhide' | 'delete'

export type ActionSettings = { runtime: PublishingRuntime; evidenceRetentionDays: number; pseudonymKey?: string }

/** Who acts: a rule on arrival, or a person. */
export type Actor = ModerationLogEntry['actor']

/** Why the network call could not be made or failed, in the three languages, with an HTTP status for the API. */
export class NetworkActionError extends Error {
  constructor(
    readonly status: 409 | 502,
    readonly code: string,
    readonly reason: Localized,
  ) {
    super(reason.en)
    this.name = 'NetworkActionError'
  }
}

export async function credentialsFor(payload: Payload, runtime: PublishingRuntime, interaction: Interaction) {
  const accountId = typeof interaction.account === 'object' ? interaction.account?.id : interaction.account
  if (!accountId) throw new NetworkActionError(409, 'no_account', pluginText('inboxActions:noAccount'))
  const account = await loadAccount(sqlPool(payload), runtime.cipher, Number(accountId))
  if (!account || account.connection !== 'api' || !account.credentials) {
    throw new NetworkActionError(409, 'no_api_access', pluginText('inboxActions:noApiAccess', { name: account?.name ?? '' }))
  }
  return account.credentials
}

async function keepEvidence(
  payload: Payload,
  settings: ActionSettings,
  interaction: Interaction,
  action: 'hide' | 'delete',
  actor: Actor,
  reason: string | null,
) {
  const now = new Date()
  const variantId = typeof interaction.variant === 'object' ? interaction.variant?.id : interaction.variant
  const permalink = variantId
    ? ((
        await payload
          .findByID({ collection: 'platform-variants', id: variantId, depth: 0, overrideAccess: true, select: { permalink: true } })
          .catch(() => null)
      )?.permalink ?? null)
    : null
  await payload.create({
    collection: interactionEvidenceSlug,
    overrideAccess: true,
    data: {
      interaction: interaction.id,
      network: interaction.network,
      remoteId: interaction.remoteId,
      text: interaction.text ?? null,
      authorHandle: interaction.authorHandle ?? null,
      authorPseudonym: interaction.authorPseudonym ?? null,
      permalink,
      writtenAt: interaction.remoteCreatedAt ?? null,
      action,
      reason,
      capturedBy: actor.type === 'user' ? Number(actor.userId) : null,
      capturedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + settings.evidenceRetentionDays * 86_400_000).toISOString(),
    },
  })
}

/**
 * Hides, shows again or deletes the interaction on its network. Throws `NetworkActionError` when
 * the account cannot act (no API access) or the network refuses; the archived copy stays either way.
 */
export async function actOnNetwork(
  payload: Payload,
  settings: ActionSettings,
  interaction: Interaction,
  action: NetworkAction,
  actor: Actor,
  reason: string | null = null,
): Promise<Interaction> {
  // A network hides or deletes comments, never a person's private message: refused before any copy or call.
  if (isDirectMessage(interaction)) throw new NetworkActionError(409, 'not_for_direct_messages', pluginText('inboxDirectMessages:notForDirectMessages'))
  const credentials = await credentialsFor(payload, settings.runtime, interaction)
  if (action !== 'unhide') await keepEvidence(payload, settings, interaction, action, actor, reason)
  const adapter = settings.runtime.adapters[interaction.network]
  try {
    await adapter.moderate(interaction.remoteId, { action }, credentials, settings.runtime.adapterContext(interaction.network))
  } catch (error) {
    if (error instanceof NetworkError) throw new NetworkActionError(502, `network_${error.kind}`, error.reason)
    throw error
  }
  const now = new Date().toISOString()
  const before = {
    status: interaction.status,
    hiddenOnNetwork: Boolean(interaction.hiddenOnNetwork),
    removedOnNetworkAt: interaction.removedOnNetworkAt ?? null,
  }
  const data =
    action === 'delete'
      ? { removedOnNetworkAt: now, status: 'closed' as const }
      : action === 'hide'
        ? { hiddenOnNetwork: true, status: 'hidden' as const }
        : { hiddenOnNetwork: false, status: interaction.status === 'hidden' ? ('new' as const) : interaction.status }
  const updated = await payload.update({
    collection: interactionsSlug,
    id: interaction.id,
    overrideAccess: true,
    data: { ...data, reviewed: actor.type === 'user' ? true : interaction.reviewed },
    context: { inboxActionLogged: true },
  })
  await appendModerationLog(
    payload,
    {
      kind: action,
      actor,
      ...interactionLogFields(interaction, { withText: true }),
      action,
      before,
      after: {
        status: updated.status,
        hiddenOnNetwork: Boolean(updated.hiddenOnNetwork),
        removedOnNetworkAt: updated.removedOnNetworkAt ?? null,
        ...(reason ? { reason } : {}),
      },
    },
    { pseudonymKey: settings.pseudonymKey },
  )
  return updated
}
