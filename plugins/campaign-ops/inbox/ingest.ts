/**
 * One inbound event into the inbox: a new interaction is stored, linked to its account and to our
 * post, moderated on arrival and its decision appended to the moderation log; an edit, a removal
 * or a change of visibility is applied only when it is newer than what is stored, so deliveries
 * that arrive out of order end in the network's last state.
 */
import type { Payload } from 'payload'

import type { Interaction } from '../../../payload-types'
import { sqlPool } from '../../../src/infra/database'
import { activeEngine } from '../moderation/engine-cache'
import { normalizeViews } from '../moderation/normalize'
import { ruleNamesText } from '../moderation/rule-names'
import { activeTriageModel } from '../moderation/triage/active-model'
import { raisedByModel, riskOf, triageComment, triageFields, triageLogFields, type CommentTriage } from '../moderation/triage/comment-triage'
import { pseudonymize } from '../moderation/log-chain'
import { appendModerationLog, pseudonymKey } from '../moderation/moderation-log'
import type { Decision } from '../moderation/types'
import type { InboundEvent } from '../networks/inbound'
import { interactionsSlug } from './interactions-collection'
import type { InteractionKind } from './interactions-collection'
import { reasonText } from '../publishing/variant-state'
import { escalateInteraction } from './escalation'
import { recordFirstAnswers } from './first-answer'
import { guessLanguage } from './language-guess'
import { answerMinutes } from './settings-global'
import { responseTemplatesSlug } from './templates-collection'
import { actOnNetwork, NetworkActionError } from './network-actions'
import type { ActionSettings } from './network-actions'

export type InboxSettings = {
  variantsSlug: string
  /** Acting on the networks (hide on arrival); absent, decisions are only recorded. */
  actions?: ActionSettings
  /** Minutes within which each kind of interaction should be answered, unless NCSC set them (inbox-settings). */
  slaMinutes: Record<InteractionKind, number>
  pseudonymKey?: string
}

export const defaultSlaMinutes: Record<InteractionKind, number> = { dm: 120, comment: 24 * 60, reply: 24 * 60, mention: 48 * 60, review: 48 * 60 }

export type IngestOutcome = 'created' | 'updated' | 'unchanged'
export type ArrivalPath = 'webhook' | 'poll' | 'import'

async function findInteraction(payload: Payload, event: InboundEvent): Promise<Interaction | undefined> {
  const { docs } = await payload.find({
    collection: interactionsSlug,
    where: { and: [{ network: { equals: event.network } }, { remoteId: { equals: event.remoteId } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
  })
  return docs[0]
}

async function linkedIds(payload: Payload, settings: InboxSettings, event: InboundEvent) {
  const [accounts, variants] = await Promise.all([
    payload.find({
      collection: 'network-accounts',
      where: { and: [{ network: { equals: event.network } }, { accountId: { equals: event.accountRemoteId } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      select: {},
    }),
    event.postRemoteId
      ? payload.find({
          collection: settings.variantsSlug as 'platform-variants',
          where: { remoteId: { equals: event.postRemoteId } },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          pagination: false,
          select: {},
        })
      : undefined,
  ])
  return { account: accounts.docs[0]?.id ?? null, variant: variants?.docs[0]?.id ?? null }
}

/**
 * The interaction's stored decision: the rules' verdict, then the triage model's (which may only
 * raise the comment for review when no rule matched it), and the risk the inbox sorts by.
 */
export function moderationFields(decision: Decision | null, at: Date, triage: CommentTriage | null = null) {
  const modelFlags = raisedByModel(decision, triage)
  const common = { decidedAt: at.toISOString(), risk: riskOf(decision, triage), ...triageFields(triage) }
  if (!decision)
    return { ...common, flagged: modelFlags, category: null, action: modelFlags ? ('flag' as const) : null, severity: null, ruleIds: null, spans: null }
  return {
    ...common,
    flagged: decision.flagged || modelFlags,
    category: decision.category,
    action: modelFlags ? ('flag' as const) : decision.action,
    severity: decision.severity,
    ruleIds: decision.rules.length ? decision.rules.map((rule) => rule.id).join(',') : null,
    spans: decision.spans,
  }
}

type Moderated = { decision: Decision; triage: CommentTriage | null }

/** Runs the active rules over the text and appends the decision to the moderation log. */
async function moderate(
  payload: Payload,
  settings: InboxSettings,
  event: InboundEvent,
  interactionId: number | string,
  before: unknown,
): Promise<Moderated | null> {
  if (event.fromAccountItself || !event.text?.trim()) return null
  const [engine, model] = await Promise.all([activeEngine(payload), activeTriageModel(payload)])
  const views = normalizeViews(event.text)
  const decision = engine.moderate({ text: event.text, platform: event.network }, views)
  const triage = triageComment(model, event.text, views)
  await appendModerationLog(
    payload,
    {
      kind: 'decision',
      actor: { type: 'rule' },
      ruleIds: decision.rules.map((rule) => rule.id),
      category: decision.category,
      action: decision.action,
      platform: event.network,
      itemRef: `${interactionsSlug}/${interactionId}`,
      commenter: event.author ? { platform: event.network, authorId: event.author.id } : null,
      commentText: event.text,
      before,
      after: { flagged: decision.flagged, category: decision.category, action: decision.action, severity: decision.severity, ...triageLogFields(triage) },
    },
    { pseudonymKey: settings.pseudonymKey },
  )
  return { decision, triage }
}

async function create(payload: Payload, settings: InboxSettings, event: InboundEvent, arrivedBy: ArrivalPath, now: Date): Promise<IngestOutcome> {
  const { account, variant } = await linkedIds(payload, settings, event)
  const key = pseudonymKey(payload, settings.pseudonymKey)
  let created: Interaction
  try {
    created = await payload.create({
      collection: interactionsSlug,
      overrideAccess: true,
      data: {
        network: event.network,
        account,
        accountRemoteId: event.accountRemoteId,
        kind: event.kind,
        remoteId: event.remoteId,
        parentRemoteId: event.parentRemoteId,
        postRemoteId: event.postRemoteId,
        variant,
        authorPseudonym: event.author ? pseudonymize(key, event.network, event.author.id) : null,
        authorHandle: event.author?.handle ?? null,
        fromAccountItself: event.fromAccountItself,
        text: event.verb === 'remove' ? null : event.text,
        language: guessLanguage(event.text),
        arrivedBy,
        receivedAt: now.toISOString(),
        remoteCreatedAt: event.createdAt?.toISOString() ?? null,
        remoteUpdatedAt: event.occurredAt.toISOString(),
        removedOnNetworkAt: event.verb === 'remove' ? event.occurredAt.toISOString() : null,
        hiddenOnNetwork: event.verb === 'hide',
        status: event.fromAccountItself ? 'closed' : 'new',
        slaDueAt: event.fromAccountItself
          ? null
          : new Date(now.getTime() + (await answerMinutes(payload, settings.slaMinutes))[event.kind] * 60_000).toISOString(),
      },
    })
  } catch (error) {
    // Another instance stored the same remote id meanwhile: apply this event to its row instead.
    const existing = await findInteraction(payload, event)
    if (existing) return update(payload, settings, existing, event, now)
    throw error
  }
  await recordFirstAnswers(sqlPool(payload), [Number(created.id)])
  if (event.verb === 'add' || event.verb === 'edited') {
    const moderation = await moderate(payload, settings, event, created.id, null)
    const suggestedTemplate = moderation ? await suggestedTemplateFor(payload, moderation.decision) : null
    const moderated = await payload.update({
      collection: interactionsSlug,
      id: created.id,
      overrideAccess: true,
      data: { moderation: moderationFields(moderation?.decision ?? null, now, moderation?.triage), suggestedTemplate },
    })
    if (moderation) await takeAction(payload, settings, moderated, moderation.decision)
  }
  return 'created'
}

/** The approved correction of the first myth the matched rules answer, if NCSC approved one. */
export async function suggestedTemplateFor(payload: Payload, decision: Decision): Promise<number | null> {
  const mythKey = decision.rules.find((rule) => rule.mythId)?.mythId
  if (!mythKey) return null
  const { docs } = await payload.find({
    collection: responseTemplatesSlug,
    where: { and: [{ 'myth.key': { equals: mythKey } }, { state: { equals: 'approved' } }] },
    sort: '-approvedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: {},
  })
  return docs[0] ? Number(docs[0].id) : null
}

/**
 * The decisive rule's action, taken on arrival: hide on the network (an archived copy first) or
 * escalate to NCSC. A hide the network refuses, or an account without API access, leaves the
 * interaction flagged for a person, with the reason. Flag, suggest a reply and mark done are
 * what the decision stored already says.
 */
export async function takeAction(payload: Payload, settings: InboxSettings, interaction: Interaction, decision: Decision): Promise<void> {
  const rule = { type: 'rule' as const }
  const decisive = decision.rules[0]
  if (decision.action === 'escalate') {
    await escalateInteraction(payload, interaction, rule, { reason: decisive ?? '', toLegal: false, pseudonymKey: settings.pseudonymKey })
    return
  }
  if (decision.action !== 'hide' || !settings.actions) return
  try {
    // The archived copy keeps one reason for readers of every language: all the rule's names.
    await actOnNetwork(payload, settings.actions, interaction, 'hide', rule, decisive ? ruleNamesText(decisive) : null)
  } catch (error) {
    if (!(error instanceof NetworkActionError)) throw error
    await payload.update({ collection: interactionsSlug, id: interaction.id, overrideAccess: true, data: { networkActionError: reasonText(error.reason) } })
  }
}

async function update(payload: Payload, settings: InboxSettings, existing: Interaction, event: InboundEvent, now: Date): Promise<IngestOutcome> {
  const storedAt = existing.remoteUpdatedAt ? new Date(existing.remoteUpdatedAt) : undefined
  // What is stored is newer: this event is a late delivery of an older state.
  if (storedAt && event.occurredAt < storedAt) return 'unchanged'
  const remoteUpdatedAt = event.occurredAt.toISOString()
  switch (event.verb) {
    case 'add':
      // The same comment delivered again (a retry, or found by polling too).
      return 'unchanged'
    case 'edited': {
      if (event.text === existing.text) return 'unchanged'
      const before = { text: existing.text ?? null, category: existing.moderation?.category ?? null, action: existing.moderation?.action ?? null }
      const moderation = await moderate(payload, settings, event, existing.id, before)
      await payload.update({
        collection: interactionsSlug,
        id: existing.id,
        overrideAccess: true,
        data: {
          text: event.text,
          language: guessLanguage(event.text),
          remoteUpdatedAt,
          moderation: moderationFields(moderation?.decision ?? null, now, moderation?.triage),
        },
      })
      return 'updated'
    }
    case 'remove':
      if (existing.removedOnNetworkAt) return 'unchanged'
      await payload.update({
        collection: interactionsSlug,
        id: existing.id,
        overrideAccess: true,
        data: { removedOnNetworkAt: remoteUpdatedAt, remoteUpdatedAt },
      })
      return 'updated'
    case 'hide':
    case 'unhide': {
      const hidden = event.verb === 'hide'
      if (Boolean(existing.hiddenOnNetwork) === hidden) return 'unchanged'
      await payload.update({ collection: interactionsSlug, id: existing.id, overrideAccess: true, data: { hiddenOnNetwork: hidden, remoteUpdatedAt } })
      return 'updated'
    }
  }
}

/** Stores or applies one event; safe to run twice for the same event (a delivery processed again after a crash). */
export async function ingestInboundEvent(
  payload: Payload,
  settings: InboxSettings,
  event: InboundEvent,
  arrivedBy: ArrivalPath,
  now = new Date(),
): Promise<IngestOutcome> {
  const existing = await findInteraction(payload, event)
  if (!existing) return create(payload, settings, event, arrivedBy, now)
  // Stored but never moderated: the processing stopped between the two (a crash); finish it.
  if (!existing.moderation?.decidedAt && (event.verb === 'add' || event.verb === 'edited') && existing.text === event.text) {
    const moderation = await moderate(payload, settings, event, existing.id, null)
    await payload.update({
      collection: interactionsSlug,
      id: existing.id,
      overrideAccess: true,
      data: { moderation: moderationFields(moderation?.decision ?? null, now, moderation?.triage) },
    })
    return 'updated'
  }
  return update(payload, settings, existing, event, now)
}
