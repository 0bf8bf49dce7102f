/**
 * How well a classifier separates: precision and recall at a threshold, the threshold that keeps a
 * target precision with the most recall, and out-of-fold scores from k-fold cross-validation (each
 * example scored by a model that never saw it), which is what those figures are measured on.
 */

import { seededRandom } from '../../../../src/infra/seeded-random'
import { runToEnd } from './cooperative-run'
import type { SparseVector } from './features'
import { logisticRegressionSteps, probability, type TrainingOptions } from './logistic-regression'

export type Measure = {
  threshold: number
  precision: number
  recall: number
  f1: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
  trueNegatives: number
}

/** Below this many true positives a precision figure is luck, not a measure. */
export const MIN_TRUE_POSITIVES = 5

const f1Of = (precision: number, recall: number) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall))

/** Precision and recall when everything scored at or above `threshold` is called positive. */
export function measureAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): Measure {
  let truePositives = 0
  let falsePositives = 0
  let falseNegatives = 0
  let trueNegatives = 0
  for (let index = 0; index < scores.length; index++) {
    const predicted = scores[index]! >= threshold
    const actual = labels[index] === 1
    if (predicted && actual) truePositives++
    else if (predicted) falsePositives++
    else if (actual) falseNegatives++
    else trueNegatives++
  }
  const precision = truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives)
  const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives)
  return { threshold, precision, recall, f1: f1Of(precision, recall), truePositives, falsePositives, falseNegatives, trueNegatives }
}

/**
 * The threshold that keeps `targetPrecision` with the most recall: halfway between the lowest score
 * still called positive and the next score below it (a new comment scoring in that gap is judged
 * like its nearer side, not by where one training example happened to fall), never below
 * `minThreshold`; null when no threshold reaches the precision on at least MIN_TRUE_POSITIVES hits.
 */
export function thresholdForPrecision(scores: ArrayLike<number>, labels: ArrayLike<number>, targetPrecision: number, minThreshold = 0): Measure | null {
  const order = Array.from({ length: scores.length }, (_, index) => index).sort((a, b) => scores[b]! - scores[a]! || a - b)
  let positives = 0
  for (let index = 0; index < labels.length; index++) positives += labels[index] === 1 ? 1 : 0
  let truePositives = 0
  let falsePositives = 0
  let best: number | null = null
  for (let rank = 0; rank < order.length; rank++) {
    const example = order[rank]!
    if (scores[example]! < minThreshold) break
    if (labels[example] === 1) truePositives++
    else falsePositives++
    // Ties share one threshold: judge only after the last example of a run of equal scores.
    const next = order[rank + 1]
    if (next !== undefined && scores[next] === scores[example]) continue
    const precision = truePositives / (truePositives + falsePositives)
    if (precision >= targetPrecision && truePositives >= MIN_TRUE_POSITIVES) best = rank
  }
  if (best === null || positives === 0) return null
  const lowest = scores[order[best]!]!
  const below = order[best + 1] === undefined ? undefined : scores[order[best + 1]!]!
  const threshold = below === undefined ? lowest : Math.max(minThreshold, (lowest + below) / 2)
  return measureAt(scores, labels, threshold)
}

/** Fold of each example: a seeded shuffle dealt round-robin, stratified by class. */
export function foldAssignment(labels: ArrayLike<number>, folds: number, seed: number): Int32Array {
  const random = seededRandom(seed ^ 0x5f3759df)
  const assignment = new Int32Array(labels.length)
  for (const label of [0, 1]) {
    const members: number[] = []
    for (let index = 0; index < labels.length; index++) if (labels[index] === label) members.push(index)
    for (let index = members.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1))
      ;[members[index], members[other]] = [members[other]!, members[index]!]
    }
    members.forEach((example, rank) => (assignment[example] = rank % folds))
  }
  return assignment
}

/** Each example's probability from the model trained on the other folds. */
export function crossValidatedScores(
  vectors: readonly SparseVector[],
  labels: ArrayLike<number>,
  dimension: number,
  folds: number,
  options: TrainingOptions,
): Float64Array {
  return runToEnd(crossValidationSteps(vectors, labels, dimension, folds, options))
}

export function* crossValidationSteps(
  vectors: readonly SparseVector[],
  labels: ArrayLike<number>,
  dimension: number,
  folds: number,
  options: TrainingOptions,
): Generator<void, Float64Array> {
  const assignment = foldAssignment(labels, folds, options.seed)
  const scores = new Float64Array(vectors.length)
  for (let fold = 0; fold < folds; fold++) {
    const trainVectors: SparseVector[] = []
    const trainLabels: number[] = []
    for (let index = 0; index < vectors.length; index++) {
      if (assignment[index] === fold) continue
      trainVectors.push(vectors[index]!)
      trainLabels.push(labels[index]!)
    }
    const model = yield* logisticRegressionSteps(trainVectors, trainLabels, dimension, options)
    for (let index = 0; index < vectors.length; index++) if (assignment[index] === fold) scores[index] = probability(model, vectors[index]!)
  }
  return scores
}
