import type { GlobalConfig, Payload } from 'payload'

import type { InboxSetting } from '../../../payload-types'
import { hasRole } from '../../../src/domain/roles'
import type { InteractionKind } from './interactions-collection'
import { businessDayOptions, businessHoursOf, defaultBusinessHours } from './business-hours'
import type { BusinessHours } from './business-hours'

export const inboxSettingsSlug = 'inbox-settings'

const hoursField = (name: string, label: { fr: string; ar: string; en: string }) => ({
  name,
  type: 'number' as const,
  min: 0.25,
  max: 720,
  label,
  admin: { step: 0.25 },
})

const fieldOfKind: Record<InteractionKind, keyof Omit<InboxSetting, 'id' | 'updatedAt' | 'createdAt'>> = {
  dm: 'dmHours',
  comment: 'commentHours',
  reply: 'replyHours',
  mention: 'mentionHours',
  review: 'reviewHours',
}

/**
 * The inbox's answer times, per kind of interaction, set by NCSC (read by the team). An empty
 * field keeps the default of the plugin's options (messages 2 h, comments and replies 24 h,
 * mentions and reviews 48 h).
 */
export const inboxSettingsGlobal: GlobalConfig = {
  slug: inboxSettingsSlug,
  label: { fr: 'Délais de réponse', ar: 'آجال الرد', en: 'Answer times' },
  admin: { group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' } },
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    update: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  hooks: {
    afterChange: [
      ({ req }) => {
        readSettings.delete(req.payload)
      },
    ],
  },
  fields: [
    hoursField('dmHours', { fr: 'Messages privés (heures)', ar: 'الرسائل الخاصة (بالساعات)', en: 'Direct messages (hours)' }),
    hoursField('commentHours', { fr: 'Commentaires (heures)', ar: 'التعليقات (بالساعات)', en: 'Comments (hours)' }),
    hoursField('replyHours', { fr: 'Réponses (heures)', ar: 'الردود (بالساعات)', en: 'Replies (hours)' }),
    hoursField('mentionHours', { fr: 'Mentions (heures)', ar: 'الإشارات (بالساعات)', en: 'Mentions (hours)' }),
    hoursField('reviewHours', { fr: 'Avis (heures)', ar: 'التقييمات (بالساعات)', en: 'Reviews (hours)' }),
    {
      type: 'collapsible',
      label: { fr: 'Heures ouvrées', ar: 'ساعات العمل', en: 'Business hours' },
      admin: {
        description: {
          fr: 'Les délais de réponse « en heures ouvrées » des rapports ne comptent que ces heures (heure de Casablanca).',
          ar: 'لا تحتسب مدد الرد «بساعات العمل» في التقارير إلا هذه الساعات (بتوقيت الدار البيضاء).',
          en: 'The reports’ response times “in business hours” count these hours only (Casablanca time).',
        },
      },
      fields: [
        {
          name: 'businessDays',
          type: 'select',
          hasMany: true,
          defaultValue: [...defaultBusinessHours.days],
          options: businessDayOptions,
          label: { fr: 'Jours ouvrés', ar: 'أيام العمل', en: 'Working days' },
        },
        {
          name: 'businessStartHour',
          type: 'number',
          min: 0,
          max: 23.5,
          defaultValue: defaultBusinessHours.startHour,
          admin: { step: 0.5 },
          label: { fr: 'Début (heure)', ar: 'البداية (الساعة)', en: 'Starts (hour)' },
        },
        {
          name: 'businessEndHour',
          type: 'number',
          min: 0.5,
          max: 24,
          defaultValue: defaultBusinessHours.endHour,
          admin: { step: 0.5 },
          label: { fr: 'Fin (heure)', ar: 'النهاية (الساعة)', en: 'Ends (hour)' },
          validate: (value: unknown, { siblingData }: { siblingData: { businessStartHour?: number | null } }) =>
            typeof value !== 'number' || typeof siblingData.businessStartHour !== 'number' || value > siblingData.businessStartHour
              ? true
              : 'La fin doit suivre le début / يجب أن تلي النهاية البداية / End must follow start',
        },
      ],
    },
  ],
}

/**
 * The settings as last read, per Payload instance: every arriving interaction needs them, and a
 * burst of webhooks should not read the same row thousands of times. A change made here clears it;
 * a change made on another instance is seen within `settingsLifetimeMs`.
 */
const readSettings = new WeakMap<Payload, { readAt: number; settings: Promise<InboxSetting> }>()
const settingsLifetimeMs = 60_000

function currentSettings(payload: Payload): Promise<InboxSetting> {
  const cached = readSettings.get(payload)
  if (cached && Date.now() - cached.readAt < settingsLifetimeMs) return cached.settings
  const settings = payload.findGlobal({ slug: 'inbox-settings', depth: 0, overrideAccess: true })
  readSettings.set(payload, { readAt: Date.now(), settings })
  // A failed read is not kept: the next arrival tries again.
  settings.catch(() => readSettings.delete(payload))
  return settings
}

/** The answer time of each kind in minutes: NCSC's setting where there is one, else the default. */
export async function answerMinutes(payload: Payload, defaults: Record<InteractionKind, number>): Promise<Record<InteractionKind, number>> {
  const settings = await currentSettings(payload)
  const minutes = { ...defaults }
  for (const [kind, field] of Object.entries(fieldOfKind) as [InteractionKind, (typeof fieldOfKind)[InteractionKind]][]) {
    const hours = settings[field]
    if (typeof hours === 'number' && hours > 0) minutes[kind] = Math.round(hours * 60)
  }
  return minutes
}

/** The team's business hours, from the same settings (read at most once a minute, at once after a change here). */
export async function currentBusinessHours(payload: Payload): Promise<BusinessHours> {
  return businessHoursOf(await currentSettings(payload))
}
