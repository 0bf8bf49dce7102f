/**
 * A notification e-mail to the members of the team with some roles, each in their admin language,
 * with one link. With `onceKey` (a job's retries), a person already mailed under that key is
 * skipped: a retry after a failure halfway mails only those not reached yet.
 */
import type { Payload } from 'payload'

import type { Role } from '../domain/roles'
import { adminLanguageOf } from '../i18n/catalogue'
import type { AdminLanguage } from '../i18n/catalogue'
import { notificationBody } from './mail-body'

export type StaffMessage = { subject: string; body: string; linkLabel: string }

/** Mails everyone with one of `roles`; answers how many were mailed now. */
export async function mailStaff(
  payload: Payload,
  options: { roles: readonly Role[]; link: string; compose: (language: AdminLanguage) => StaffMessage; onceKey?: string },
): Promise<number> {
  const { docs: recipients } = await payload.find({
    collection: 'users',
    where: { role: { in: [...options.roles] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  let sent = 0
  for (const recipient of recipients) {
    const key = options.onceKey ? `staff-mail:${options.onceKey}:${recipient.id}` : null
    if (key && (await payload.kv.get(key))) continue
    const language = adminLanguageOf(recipient.language)
    const message = options.compose(language)
    await payload.sendEmail({ to: recipient.email, subject: message.subject, ...notificationBody(language, message.body, options.link, message.linkLabel) })
    if (key) await payload.kv.set(key, { sentAt: new Date().toISOString() })
    sent += 1
  }
  return sent
}
