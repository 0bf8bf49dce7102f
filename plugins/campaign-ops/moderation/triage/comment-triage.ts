/**
 * What a comment's moderation adds from the triage model: its scores, the classes it raises, the
 * words that weigh most, and one risk figure the inbox sorts by. The rules decide first: the model
 * raises a comment for review ("flag") only when no rule matched it, and never hides anything.
 */
import type { NormalizedViews } from '../normalize'
import type { Decision, Severity } from '../types'
import type { ActiveTriageModel } from './active-model'
import { explainedClass } from './explain-triage'
import type { TriageAssessment, WordWeight } from './triage-model'

export type CommentTriage = { version: number; assessment: TriageAssessment; words: WordWeight[] }

/** A rule's verdict stands for this much risk, so a hide by the rules sorts above a doubtful score. */
const ruleRisk: Record<Severity, number> = { critical: 1, high: 0.95, medium: 0.85, low: 0.7 }

const WORDS_SHOWN = 3

/** Figures as they are stored and read: three decimals are plenty for a probability or a weight. */
export const toThousandths = (value: number) => Math.round(value * 1000) / 1000

export function triageComment(active: ActiveTriageModel | null, text: string, views: NormalizedViews): CommentTriage | null {
  if (active === null || text.trim() === '') return null
  const assessment = active.model.assess(text, views)
  const explained = explainedClass(assessment)
  const words = explained === null || assessment.raised.length === 0 ? [] : active.model.explain(text, explained, WORDS_SHOWN, views)
  return { version: active.version, assessment, words }
}

/** The model raises the comment: no rule matched, and a class crossed its threshold. */
export function raisedByModel(decision: Decision | null, triage: CommentTriage | null): boolean {
  return triage !== null && triage.assessment.raised.length > 0 && (decision === null || decision.rules.length === 0)
}

/** The higher of what the rules' flag stands for and the model's probability. */
export function riskOf(decision: Decision | null, triage: CommentTriage | null): number {
  const fromRules = decision?.flagged && decision.severity ? ruleRisk[decision.severity] : 0
  const fromModel = triage?.assessment.risk ?? 0
  return toThousandths(Math.max(fromRules, fromModel))
}

/** The interaction's stored fields for the model's part of the decision. */
export function triageFields(triage: CommentTriage | null) {
  if (triage === null) return { modelVersion: null, modelRaised: null, modelWords: null }
  return {
    modelVersion: triage.version,
    modelRaised: triage.assessment.raised.length ? triage.assessment.raised.join(',') : null,
    modelWords: triage.words.length ? triage.words.map(({ excerpt, spans, weight }) => ({ excerpt, spans, weight: toThousandths(weight) })) : null,
  }
}

/** What the model adds to the log's row of an automatic decision. */
export function triageLogFields(triage: CommentTriage | null) {
  return triage ? { model: { version: triage.version, raised: triage.assessment.raised, risk: toThousandths(triage.assessment.risk) } } : {}
}
