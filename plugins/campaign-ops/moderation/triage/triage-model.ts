/**
 * A trained triage model and what it says about a comment: per class the probability, whether it
 * crosses the class's threshold, and the words that weigh most in that score (to highlight them
 * like rule matches). The model never decides alone: it only raises a comment for review.
 */

import type { NormalizedViews } from '../normalize'
import { normalizeViews } from '../normalize'
import type { Span } from '../types'
import { extractFeatures, visitFeatures, type FeatureSpec } from './features'
import { sigmoid, type LinearClassifier, type TrainingOptions } from './logistic-regression'

export const triageClasses = ['hostile', 'misinformation'] as const
export type TriageClass = (typeof triageClasses)[number]

/** Labels of the training files and of the campaign's own decisions. */
export const triageLabels = ['hostile', 'misinformation', 'ok'] as const
export type TriageLabel = (typeof triageLabels)[number]

export type ClassEvaluation = {
  folds: number
  positives: number
  negatives: number
  precision: number
  recall: number
  f1: number
}

export type TriageClassModel = {
  classifier: LinearClassifier
  targetPrecision: number
  /** Null when cross-validation found no threshold that keeps the target precision. */
  threshold: number | null
  crossValidation: ClassEvaluation | null
}

export type TriageModelData = {
  spec: FeatureSpec
  training: TrainingOptions & { size: number; folds: number }
  classes: Partial<Record<TriageClass, TriageClassModel>>
}

export type WordWeight = {
  /** The word (or word pair) as written in the comment, at its first occurrence. */
  excerpt: string
  /** Every occurrence, to highlight them all. */
  spans: Span[]
  /** Its share of the decision value, all occurrences together (positive pushes towards the class). */
  weight: number
}

export type TriageAssessment = {
  /** Probability per class the model knows; absent classes were not trained. */
  scores: Partial<Record<TriageClass, number>>
  /** Classes whose probability crosses their threshold: the comment deserves a look. */
  raised: TriageClass[]
  /** The highest probability over the classes: what the inbox sorts by. */
  risk: number
}

const EXCERPT_LIMIT = 40

export class TriageModel {
  constructor(readonly data: TriageModelData) {}

  get classes(): TriageClass[] {
    return triageClasses.filter((name) => this.data.classes[name] !== undefined)
  }

  assess(text: string, views: NormalizedViews = normalizeViews(text)): TriageAssessment {
    const vector = extractFeatures(this.data.spec, views)
    const scores: Partial<Record<TriageClass, number>> = {}
    const raised: TriageClass[] = []
    let risk = 0
    for (const name of this.classes) {
      const model = this.data.classes[name]!
      let sum = model.classifier.bias
      const { weights } = model.classifier
      for (let index = 0; index < vector.indices.length; index++) sum += weights[vector.indices[index]!]! * vector.values[index]!
      const score = sigmoid(sum)
      scores[name] = score
      if (model.threshold !== null && score >= model.threshold) raised.push(name)
      if (score > risk) risk = score
    }
    return { scores, raised, risk }
  }

  /**
   * The words (or word pairs) that push the comment most towards `name`, strongest first: each
   * feature's weight is credited to the word it came from, a word bigram's to the pair.
   */
  explain(text: string, name: TriageClass, top = 3, views: NormalizedViews = normalizeViews(text)): WordWeight[] {
    const model = this.data.classes[name]
    if (model === undefined) return []
    const { norm } = extractFeatures(this.data.spec, views)
    const { weights } = model.classifier
    const byWord = new Map<string, { spans: Span[]; starts: Set<number>; weight: number }>()
    visitFeatures(this.data.spec, views, (bucket, sign, wordStart, wordEnd) => {
      // A mention (@name) says who is addressed, not what is said: it explains nothing.
      if (text.charCodeAt(wordStart - 1) === AT_SIGN) return
      const key = text.slice(wordStart, wordEnd).toLocaleLowerCase()
      const weight = (weights[bucket]! * sign) / norm
      const entry = byWord.get(key)
      if (entry === undefined) byWord.set(key, { spans: [[wordStart, wordEnd]], starts: new Set([wordStart]), weight })
      else {
        entry.weight += weight
        if (!entry.starts.has(wordStart)) {
          entry.starts.add(wordStart)
          entry.spans.push([wordStart, wordEnd])
        }
      }
    })
    const ranked = [...byWord.values()].filter((entry) => entry.weight > 0).sort((a, b) => b.weight - a.weight || a.spans[0]![0] - b.spans[0]![0])
    // Words far behind the strongest are noise to a reader (an article, a common noun).
    const floor = (ranked[0]?.weight ?? 0) * MIN_SHARE_OF_TOP_WORD
    return ranked
      .filter((entry) => entry.weight >= floor)
      .slice(0, top)
      .map(({ spans, weight }) => ({ excerpt: excerptOf(text, spans[0]!), spans: spans.sort((a, b) => a[0] - b[0]), weight }))
  }
}

const AT_SIGN = 0x40
const MIN_SHARE_OF_TOP_WORD = 0.3

function excerptOf(text: string, [start, end]: Span): string {
  const excerpt = text.slice(start, end)
  return excerpt.length > EXCERPT_LIMIT ? `${excerpt.slice(0, EXCERPT_LIMIT - 1)}…` : excerpt
}
