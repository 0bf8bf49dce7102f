import type { Payload, TaskConfig } from 'payload'

import type { User } from '../../payload-types'
import { workflowNotificationTask } from './transition-content-item'
import type { AdminLanguage } from '../i18n/catalogue'

type Recipient = Pick<User, 'email' | 'name' | 'language'>
type Id = number | string

const messages: Record<string, Record<AdminLanguage, { subject: (title: string) => string; body: (title: string, reason: string | null) => string }>> = {
  in_review: {
    fr: { subject: (t) => `À valider : « ${t} »`, body: (t) => `Le contenu « ${t} » a été soumis et attend votre validation.` },
    ar: { subject: (t) => `للمصادقة: «${t}»`, body: (t) => `أُرسل المحتوى «${t}» وهو في انتظار مصادقتكم.` },
    en: { subject: (t) => `To review: "${t}"`, body: (t) => `The content item "${t}" was submitted and awaits your review.` },
  },
  legal_review: {
    fr: { subject: (t) => `Revue juridique demandée : « ${t} »`, body: (t) => `L’équipe NCSC demande votre revue juridique du contenu « ${t} ».` },
    ar: { subject: (t) => `مطلوب مراجعة قانونية: «${t}»`, body: (t) => `يطلب فريق الحملة مراجعتكم القانونية للمحتوى «${t}».` },
    en: { subject: (t) => `Legal review requested: "${t}"`, body: (t) => `The NCSC team asks for your legal review of "${t}".` },
  },
  changes_requested: {
    fr: { subject: (t) => `Modifications demandées : « ${t} »`, body: (t, r) => `Des modifications sont demandées sur « ${t} ».\n\nMotif : ${r ?? '—'}` },
    ar: { subject: (t) => `تعديلات مطلوبة: «${t}»`, body: (t, r) => `طُلبت تعديلات على «${t}».\n\nالسبب: ${r ?? '—'}` },
    en: { subject: (t) => `Changes requested: "${t}"`, body: (t, r) => `Changes were requested on "${t}".\n\nReason: ${r ?? '—'}` },
  },
  approved: {
    fr: { subject: (t) => `Approuvé : « ${t} »`, body: (t) => `Le contenu « ${t} » est approuvé : ses variantes peuvent être programmées.` },
    ar: { subject: (t) => `تم الاعتماد: «${t}»`, body: (t) => `اعتُمد المحتوى «${t}»: يمكن الآن برمجة صيغه على المنصات.` },
    en: { subject: (t) => `Approved: "${t}"`, body: (t) => `"${t}" is approved: its variants can now be scheduled.` },
  },
}

const linkLabel: Record<AdminLanguage, string> = { fr: 'Ouvrir dans Badil', ar: 'فتح في بديل', en: 'Open in Badil' }

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
    const text = messages[String(event.to)]
    if (!itemId || !text) return { output: { sent: 0 } }
    const item = await payload.findByID({ collection: 'content-items', id: itemId, depth: 0, locale: 'all', overrideAccess: true })
    // Read with locale 'all': the title is one value per locale, where the generated type has one locale's string.
    const titles = (item.title ?? {}) as unknown as Partial<Record<string, string>>
    const recipients = await recipientsFor(payload, String(event.to), item.owner as Id | null)
    const link = `${payload.config.serverURL}/admin/collections/content-items/${itemId}`
    for (const recipient of recipients) {
      const language: AdminLanguage = recipient.language === 'ar' || recipient.language === 'en' ? recipient.language : 'fr'
      const title = (language === 'ar' ? titles.ar : undefined) ?? titles.fr ?? `#${itemId}`
      const message = text[language]
      await payload.sendEmail({
        to: recipient.email,
        subject: message.subject(title),
        text: `${message.body(title, event.reason ?? null)}\n\n${linkLabel[language]} : ${link}\n`,
        html: `<div dir="${language === 'ar' ? 'rtl' : 'ltr'}"><p>${escapeHtml(message.body(title, event.reason ?? null)).replace(/\n/g, '<br>')}</p><p><a href="${link}">${linkLabel[language]}</a></p></div>`,
      })
    }
    return { output: { sent: recipients.length } }
  },
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
