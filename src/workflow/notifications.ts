import type { Payload, TaskConfig } from 'payload'

import type { User } from '../../payload-types'
import { workflowNotificationTask } from './transition-content-item'
import type { AdminLanguage } from '../i18n/catalogue'
import { appText } from '../i18n/translations'
import { notificationBody } from '../infra/mail-body'

type Recipient = Pick<User, 'email' | 'name' | 'language'>
type Id = number | string

/** The states whose arrival is e-mailed; the words are in the app catalogue (group notifications). */
const notifiedStates = ['in_review', 'legal_review', 'changes_requested', 'approved'] as const
type NotifiedState = (typeof notifiedStates)[number]
const isNotified = (state: string): state is NotifiedState => (notifiedStates as readonly string[]).includes(state)

async function usersWithRole(payload: Payload, roles: string[]): Promise<Recipient[]> {
  const { docs } = await payload.find({ collection: 'users', where: { role: { in: roles } }, pagination: false, depth: 0, overrideAccess: true })
  return docs
}

/** Who must act next: submitted → NCSC; sent to legal → legal experts; changes → author; approved → author and CMs. */
export async function recipientsFor(payload: Payload, to: string, ownerId: Id | null | undefined): Promise<Recipient[]> {
  const owner = async () =>
    ownerId
      ? ([await payload.findByID({ collection: 'users', id: ownerId, depth: 0, overrideAccess: true }).catch(() => null)].filter(Boolean) as Recipient[])
      : []
  const byEmail = new Map<string, Recipient>()
  const add = (list: Recipient[]) => list.forEach((recipient) => byEmail.set(recipient.email, recipient))
  if (to === 'in_review') add(await usersWithRole(payload, ['ncsc']))
  if (to === 'legal_review') add(await usersWithRole(payload, ['legal']))
  if (to === 'changes_requested') add(await owner())
  if (to === 'approved') {
    add(await owner())
    add(await usersWithRole(payload, ['cm']))
  }
  return [...byEmail.values()]
}

/**
 * Sends the emails of one workflow event, one per recipient in their admin language. A failure
 * throws, so the jobs queue retries it; the transition itself was committed long before.
 */
export const notifyWorkflowTransitionTask: TaskConfig = {
  slug: workflowNotificationTask,
  retries: 5,
  inputSchema: [{ name: 'eventId', type: 'number', required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, req }) => {
    const payload = req.payload
    const event = await payload.findByID({ collection: 'workflow-events', id: (input as { eventId: number }).eventId, depth: 0, overrideAccess: true })
    const itemId = event.contentItem as Id | null
    const to = String(event.to)
    if (!itemId || !isNotified(to)) return { output: { sent: 0 } }
    const item = await payload.findByID({ collection: 'content-items', id: itemId, depth: 0, locale: 'all', overrideAccess: true })
    // Read with locale 'all': the title is one value per locale, where the generated type has one locale's string.
    const titles = (item.title ?? {}) as unknown as Partial<Record<string, string>>
    const recipients = await recipientsFor(payload, to, item.owner as Id | null)
    const link = `${payload.config.serverURL}/admin/collections/content-items/${itemId}`
    for (const recipient of recipients) {
      const language: AdminLanguage = recipient.language === 'ar' || recipient.language === 'en' ? recipient.language : 'fr'
      const title = (language === 'ar' ? titles.ar : undefined) ?? titles.fr ?? `#${itemId}`
      const body = appText(`notifications:${to}:body`, { title, reason: event.reason ?? '—' })[language]
      const linkLabel = appText('notifications:open')[language]
      await payload.sendEmail({
        to: recipient.email,
        subject: appText(`notifications:${to}:subject`, { title })[language],
        ...notificationBody(language, body, link, linkLabel),
      })
    }
    return { output: { sent: recipients.length } }
  },
}
