/**
 * Escalation to NCSC (and to the legal experts for a legal question): the interaction is marked
 * escalated and logged at once; the e-mails go through the inbox queue, retried until sent (a retry
 * mails only those not reached yet), each
 * in its reader's admin language, with a redacted excerpt and the link to the thread.
 */
import type { Payload, TaskConfig } from 'payload'

import type { Interaction } from '../../../payload-types'
import { mailStaff } from '../../../src/infra/staff-mail'
import { appendModerationLog } from '../moderation/moderation-log'
import { redactExcerpt } from '../moderation/log-chain'
import { moderationCategoryOptions, optionLabel } from '../moderation/option-labels'
import { ruleNameIn, ruleNamesText, type NamedRule } from '../moderation/rule-names'
import { networkLabels } from '../../../src/domain/networks'
import { pluginText } from '../translations'
import type { Actor } from './network-actions'
import { interactionsSlug } from './interactions-collection'
import { inboxQueue } from './queue'
import { interactionLogFields } from './log-entry'

export const escalationTask = 'notifyInboxEscalation'

/** `rule`: the rule that escalated, named in each reader's language in the e-mails. */
type EscalationInput = { interactionId: number; toLegal: boolean; reason: string; rule?: NamedRule }

/**
 * Marks the interaction escalated, logs it, and queues the e-mails. The reason is what a person
 * wrote, or the rule that decided.
 */
export async function escalateInteraction(
  payload: Payload,
  interaction: Interaction,
  actor: Actor,
  options: { reason: string | NamedRule; toLegal: boolean; pseudonymKey?: string },
): Promise<Interaction> {
  const given = options.reason
  const rule: NamedRule | undefined = typeof given === 'string' ? undefined : { name: given.name, ...(given.names ? { names: given.names } : {}) }
  // The log keeps one text, read later by people of each language: all the rule's names.
  const reason = typeof given === 'string' ? given : ruleNamesText(given)
  const updated = await payload.update({
    collection: interactionsSlug,
    id: interaction.id,
    overrideAccess: true,
    data: {
      status: 'escalated',
      escalatedAt: interaction.escalatedAt ?? new Date().toISOString(),
      reviewed: actor.type === 'user' ? true : interaction.reviewed,
    },
    context: { inboxActionLogged: true },
  })
  await appendModerationLog(
    payload,
    {
      kind: 'escalate',
      actor,
      ...interactionLogFields(interaction, { withText: true }),
      action: 'escalate',
      before: { status: interaction.status },
      after: { status: 'escalated', toLegal: options.toLegal, reason },
    },
    { pseudonymKey: options.pseudonymKey },
  )
  await payload.jobs.queue({
    task: escalationTask,
    queue: inboxQueue,
    input: { interactionId: Number(interaction.id), toLegal: options.toLegal, reason, ...(rule ? { rule } : {}) } satisfies EscalationInput,
  })
  return updated
}

export const escalationTaskConfig: TaskConfig = {
  slug: escalationTask,
  retries: 5,
  inputSchema: [
    { name: 'interactionId', type: 'number', required: true },
    { name: 'toLegal', type: 'checkbox' },
    { name: 'reason', type: 'text' },
    { name: 'rule', type: 'json' },
  ],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, job, req }) => {
    const payload = req.payload
    const { interactionId, toLegal, reason, rule } = input as EscalationInput
    const interaction = await payload.findByID({ collection: interactionsSlug, id: interactionId, depth: 0, overrideAccess: true })
    const excerpt = interaction.text ? redactExcerpt(interaction.text) : '—'
    const sent = await mailStaff(payload, {
      roles: toLegal ? ['ncsc', 'legal'] : ['ncsc'],
      link: `${payload.config.serverURL}/admin/collections/${interactionsSlug}/${interactionId}`,
      // One escalation is one job: its retries mail only those not reached yet.
      onceKey: `inbox-escalation:${job.id}`,
      compose: (language) => {
        const vars = {
          network: networkLabels[interaction.network],
          category: interaction.moderation?.category ? optionLabel(moderationCategoryOptions, interaction.moderation.category, language) : '—',
          excerpt,
          reason: (rule ? ruleNameIn(rule, language) : reason) || '—',
        }
        return {
          subject: pluginText('inboxEscalation:subject', vars)[language],
          body: pluginText(toLegal ? 'inboxEscalation:bodyLegal' : 'inboxEscalation:body', vars)[language],
          linkLabel: pluginText('inboxEscalation:open')[language],
        }
      },
    })
    return { output: { sent } }
  },
}
