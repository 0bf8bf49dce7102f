/**
 * `crisis-watch-settings`: the crisis watch's knobs, set by NCSC (read by the team), starting at
 * the values of domain.md §5. An empty field keeps its default.
 */
import type { GlobalConfig, NumberField, Payload } from 'payload'

import type { CrisisWatchSetting } from '../../../../payload-types'
import { hasRole } from '../../../../src/domain/roles'
import { moderationCategoryOptions } from '../../moderation/option-labels'
import { crisisParametersSchema, defaultCrisisParameters } from './crisis-parameters'
import type { CrisisParameters } from './crisis-parameters'

export const crisisSettingsSlug = 'crisis-watch-settings'

type NumericParameter = Exclude<keyof CrisisParameters, 'hostileCategories'>

/** A number field for one parameter, with its bounds from the zod schema and its default shown. */
function parameterField(name: NumericParameter, label: { fr: string; ar: string; en: string }, step: number): NumberField {
  const shape = crisisParametersSchema.shape[name]
  return {
    name,
    type: 'number',
    min: shape.minValue ?? undefined,
    max: shape.maxValue ?? undefined,
    defaultValue: defaultCrisisParameters[name],
    label,
    admin: { step },
  }
}

export const crisisSettingsGlobal: GlobalConfig = {
  slug: crisisSettingsSlug,
  label: { fr: 'Veille de crise', ar: 'رصد الأزمات', en: 'Crisis watch' },
  admin: {
    group: { fr: 'Modération', ar: 'الإشراف', en: 'Moderation' },
    description: {
      fr: 'La veille compare chaque heure aux mêmes heures des semaines passées (heure de Casablanca). « Crise » : la dernière heure très au-dessus de la normale ; « vigilance » : une hausse durable. Essayez d’autres réglages sur un flux enregistré avec npm run crisis:replay.',
      ar: 'يقارن الرصد كل ساعة بنفس الساعات في الأسابيع الماضية (بتوقيت الدار البيضاء). «أزمة»: الساعة الأخيرة أعلى بكثير من المعتاد؛ «يقظة»: ارتفاع مستمر. جرّب إعدادات أخرى على تدفق مسجل بواسطة npm run crisis:replay.',
      en: 'The watch compares each hour with the same hours of past weeks (Casablanca time). “Crisis”: the last hour far above normal; “watch”: a sustained rise. Try other settings on a recorded stream with npm run crisis:replay.',
    },
  },
  access: {
    read: ({ req }) => hasRole(req.user, 'admin', 'ncsc', 'cm'),
    update: ({ req }) => hasRole(req.user, 'admin', 'ncsc'),
  },
  fields: [
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      label: { fr: 'Veille active', ar: 'الرصد مفعّل', en: 'Watch on' },
    },
    {
      name: 'hostileCategories',
      type: 'select',
      hasMany: true,
      options: moderationCategoryOptions,
      defaultValue: [...defaultCrisisParameters.hostileCategories],
      label: { fr: 'Catégories comptées comme hostiles', ar: 'الفئات المعدودة عدائية', en: 'Categories counted as hostile' },
    },
    parameterField('crisisSigma', { fr: 'Seuil de crise (écarts-types)', ar: 'عتبة الأزمة (انحرافات معيارية)', en: 'Crisis level (standard deviations)' }, 0.1),
    parameterField(
      'watchSigma',
      { fr: 'Seuil de vigilance (écarts-types)', ar: 'عتبة اليقظة (انحرافات معيارية)', en: 'Watch level (standard deviations)' },
      0.1,
    ),
    parameterField(
      'multiplier',
      { fr: 'Multiple minimal de la normale (crise)', ar: 'أدنى مضاعف للمعتاد (أزمة)', en: 'Minimum multiple of normal (crisis)' },
      0.1,
    ),
    parameterField(
      'watchMultiplier',
      { fr: 'Multiple minimal de la normale (vigilance)', ar: 'أدنى مضاعف للمعتاد (يقظة)', en: 'Minimum multiple of normal (watch)' },
      0.1,
    ),
    parameterField(
      'watchWindowHours',
      { fr: 'Fenêtre de la hausse durable (heures)', ar: 'نافذة الارتفاع المستمر (ساعات)', en: 'Sustained rise window (hours)' },
      1,
    ),
    parameterField('minimumCount', { fr: 'Nombre minimal de commentaires', ar: 'أدنى عدد من التعليقات', en: 'Minimum number of comments' }, 1),
    parameterField('minimumAuthors', { fr: 'Nombre minimal d’auteurs distincts', ar: 'أدنى عدد من الكتّاب المختلفين', en: 'Minimum distinct authors' }, 1),
    parameterField(
      'shareRise',
      { fr: 'Hausse minimale de la part des commentaires', ar: 'أدنى ارتفاع لنسبة التعليقات', en: 'Minimum rise of the share of comments' },
      0.05,
    ),
    parameterField('baselineDays', { fr: 'Historique de référence (jours)', ar: 'التاريخ المرجعي (أيام)', en: 'Baseline history (days)' }, 1),
    parameterField(
      'warmUpDays',
      { fr: 'Démarrage : loi de Poisson pendant (jours)', ar: 'البداية: توزيع بواسون خلال (أيام)', en: 'Warm-up: Poisson rule for (days)' },
      1,
    ),
    parameterField(
      'cooldownHours',
      { fr: 'Délai avant une nouvelle alerte (heures)', ar: 'المهلة قبل تنبيه جديد (ساعات)', en: 'Cooldown before a new alert (hours)' },
      0.5,
    ),
  ],
}

/** The parameters in force: the stored values over the defaults (an empty field keeps its default). */
export function crisisParametersOf(settings: Partial<CrisisWatchSetting>): CrisisParameters {
  const merged: Record<string, unknown> = { ...defaultCrisisParameters }
  for (const key of Object.keys(defaultCrisisParameters) as (keyof CrisisParameters)[]) {
    const value = settings[key as keyof CrisisWatchSetting]
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) merged[key] = value
  }
  return crisisParametersSchema.parse(merged)
}

/** Whether the watch runs, and with what. */
export async function readCrisisSettings(payload: Payload): Promise<{ enabled: boolean; parameters: CrisisParameters }> {
  const settings = await payload.findGlobal({ slug: crisisSettingsSlug, depth: 0, overrideAccess: true })
  return { enabled: settings.enabled !== false, parameters: crisisParametersOf(settings) }
}
