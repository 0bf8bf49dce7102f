/**
 * Escalation to NCSC (and to the legal experts for a legal question): the interaction is marked
 * escalated and logged at once; the e-mails go through the inbox queue, retried until sent, each
 * in its reader's admin language, with a redacted excerpt and the link to the thread.
 */
import type { Payload, TaskConfig } from 'payload'

import type { Interaction } from '../../../payload-types'
import { adminLanguageOf } from '../../../src/i18n/catalogue'
import { notificationBody } from '../../../src/infra/mail-body'
import { appendModerationLog } from '../moderation/moderation-log'
import { redactExcerpt } from '../moderation/log-chain'
import { moderationCategoryOptions, optionLabel } from '../moderation/option-labels'
import { networkLabels } from '../../../src/domain/networks'
import { pluginText } from '../translations'
import type { Actor } from './network-actions'
import { interactionsSlug } from './interactions-collection'
import { inboxQueue } from './queue'
import { interactionLogFields } from './log-entry'

export const escalationTask = 'notifyInboxEscalation'

type EscalationInput = { interactionId: number; toLegal: boolean; reason: string }

/** Marks the interaction escalated, logs it, and queues the e-mails. */
export async function escalateInteraction(
  payload: Payload,
  interaction: Interaction,
  actor: Actor,
  options: { reason: string; toLegal: boolean; pseudonymKey?: string },
): Promise<Interaction> {
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
      after: { status: 'escalated', toLegal: options.toLegal, reason: options.reason },
    },
    { pseudonymKey: options.pseudonymKey },
  )
  await payload.jobs.queue({
    task: escalationTask,
    queue: inboxQueue,
    input: { interactionId: Number(interaction.id), toLegal: options.toLegal, reason: options.reason } satisfies EscalationInput,
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
  ],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, req }) => {
    const payload = req.payload
    const { interactionId, toLegal, reason } = input as EscalationInput
    const interaction = await payload.findByID({ collection: interactionsSlug, id: interactionId, depth: 0, overrideAccess: true })
    const roles = toLegal ? ['ncsc', 'legal'] : ['ncsc']
    const { docs: recipients } = await payload.find({ collection: 'users', where: { role: { in: roles } }, pagination: false, depth: 0, overrideAccess: true })
    const link = `${payload.config.serverURL}/admin/collections/${interactionsSlug}/${interactionId}`
    const excerpt = interaction.text ? redactExcerpt(interaction.text) : '—'
    for (const recipient of recipients) {
      const language = adminLanguageOf(recipient.language)
      const vars = {
        network: networkLabels[interaction.network],
        category: interaction.moderation?.category ? optionLabel(moderationCategoryOptions, interaction.moderation.category, language) : '—',
        excerpt,
        reason: reason || '—',
      }
      const subject = pluginText('inboxEscalation:subject', vars)[language]
      const body = pluginText(toLegal ? 'inboxEscalation:bodyLegal' : 'inboxEscalation:body', vars)[language]
      const open = pluginText('inboxEscalation:open')[language]
      await payload.sendEmail({
        to: recipient.email,
        subject,
        ...notificationBody(language, body, link, open),
      })
    }
    return { output: { sent: recipients.length } }
  },
}
