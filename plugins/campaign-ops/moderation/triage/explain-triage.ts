/**
 * Puts the triage model's view of a comment into words, in the reader's language: which class it
 * raises (or the risk when none), and the words that weigh most, quoted as written.
 */

import type { AdminLanguage } from '../../../../src/i18n/catalogue'
import { pluginText, type PluginStringKey } from '../../translations'
import type { TriageAssessment, TriageModel, WordWeight } from './triage-model'

const formatProbability = (value: number, language: AdminLanguage) =>
  value.toLocaleString(language === 'ar' ? 'ar-MA' : language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })

export function explainTriage(model: TriageModel, assessment: TriageAssessment, words: WordWeight[], language: AdminLanguage): string {
  const text = (key: PluginStringKey, vars?: Record<string, string | number>) => pluginText(key, vars)[language]
  const sentences: string[] = []
  if (assessment.raised.length === 0) {
    sentences.push(text('triageModel:scoredBelow', { probability: formatProbability(assessment.risk, language) }))
  }
  for (const name of assessment.raised) {
    sentences.push(
      text('triageModel:raised', {
        className: text(`triageModel:className:${name}`),
        probability: formatProbability(assessment.scores[name] ?? 0, language),
        threshold: formatProbability(model.data.classes[name]?.threshold ?? 0, language),
      }),
    )
  }
  if (words.length > 0) {
    const quoted = words.map((word) => text('triageModel:word', { excerpt: word.excerpt }))
    sentences.push(text('triageModel:words', { words: quoted.join(text('triageModel:separator')) }))
  }
  return sentences.join(' ')
}

/** The class whose words explain the assessment: the most probable raised class, else the riskiest. */
export function explainedClass(assessment: TriageAssessment): keyof TriageAssessment['scores'] | null {
  const candidates = assessment.raised.length > 0 ? assessment.raised : (Object.keys(assessment.scores) as Array<keyof TriageAssessment['scores']>)
  let best: keyof TriageAssessment['scores'] | null = null
  for (const name of candidates) if (best === null || (assessment.scores[name] ?? 0) > (assessment.scores[best] ?? 0)) best = name
  return best
}
