/** The labels of a rule's category, action and severity, for the rule form and the engine's explanations. */

import { option } from '../../../src/domain/labels'
import type { AdminLanguage } from '../../../src/i18n/catalogue'

export const moderationCategoryOptions = [
  option('hate', { fr: 'Haine', ar: 'كراهية', en: 'Hate' }),
  option('defamation', { fr: 'Diffamation', ar: 'تشهير', en: 'Defamation' }),
  option('misinformation', { fr: 'Désinformation', ar: 'معلومات مضللة', en: 'Misinformation' }),
  option('harassment', { fr: 'Harcèlement / menaces', ar: 'تحرش / تهديد', en: 'Harassment / threats' }),
  option('spam', { fr: 'Spam', ar: 'رسائل مزعجة', en: 'Spam' }),
  option('personal_data', { fr: 'Données personnelles', ar: 'معطيات شخصية', en: 'Personal data' }),
  option('off_topic', { fr: 'Hors sujet', ar: 'خارج الموضوع', en: 'Off-topic' }),
]

export const moderationActionOptions = [
  option('hide', { fr: 'Masquer', ar: 'إخفاء', en: 'Hide' }),
  option('flag', { fr: 'Signaler pour revue', ar: 'إحالة للمراجعة', en: 'Flag for review' }),
  option('escalate', { fr: 'Escalader au NCSC', ar: 'تصعيد إلى الفريق', en: 'Escalate to NCSC' }),
  option('suggest_reply', { fr: 'Suggérer une réponse', ar: 'اقتراح رد', en: 'Suggest a reply' }),
  option('mark_done', { fr: 'Marquer traité', ar: 'وضع علامة معالج', en: 'Mark done' }),
]

export const severityOptions = [
  option('low', { fr: 'Faible', ar: 'منخفضة', en: 'Low' }),
  option('medium', { fr: 'Moyenne', ar: 'متوسطة', en: 'Medium' }),
  option('high', { fr: 'Élevée', ar: 'مرتفعة', en: 'High' }),
  option('critical', { fr: 'Critique', ar: 'حرجة', en: 'Critical' }),
]

/** The label of one option in a language, or the value itself when it is not in the list. */
export function optionLabel(options: ReadonlyArray<ReturnType<typeof option>>, value: string, language: AdminLanguage): string {
  return options.find((candidate) => candidate.value === value)?.label[language] ?? value
}
