/**
 * Trains a triage model from labelled comments: one classifier per class (the class against
 * everything else), its threshold chosen on cross-validated scores for the target precision, then
 * the final classifier trained on all the examples. A class with too few examples is left out and
 * the summary says why.
 */

import { normalizeViews } from '../normalize'
import { runToEnd } from './cooperative-run'
import { crossValidationSteps, measureAt, thresholdForPrecision, type Measure } from './evaluation'
import { defaultFeatureSpec, extractFeatures, type FeatureSpec, type SparseVector } from './features'
import { defaultTrainingOptions, logisticRegressionSteps, type TrainingOptions } from './logistic-regression'
import { TriageModel, triageClasses, type TriageClass, type TriageClassModel, type TriageLabel } from './triage-model'

export type LabelledComment = { text: string; label: TriageLabel }

export type TrainingSettings = {
  targetPrecision: number
  folds: number
  /** A class needs at least this many examples of its own (and as many others) to be learned. */
  minExamplesPerClass: number
  /**
   * The model raises a comment only when it finds the class more likely than not, whatever a
   * small training set's cross-validation would allow (there, a near-separable set can put the
   * threshold at a few percent, which new comments would not honour).
   */
  minThreshold: number
  spec: FeatureSpec
  options: TrainingOptions
}

export const defaultTrainingSettings: TrainingSettings = {
  targetPrecision: 0.85,
  folds: 5,
  minExamplesPerClass: 20,
  minThreshold: 0.5,
  spec: defaultFeatureSpec,
  options: defaultTrainingOptions,
}

export type ClassReport =
  | { name: TriageClass; status: 'trained'; positives: number; negatives: number; crossValidation: Measure | null; bestF1: Measure }
  | { name: TriageClass; status: 'too_few_examples'; positives: number; negatives: number }

export type TrainingResult = { model: TriageModel; reports: ClassReport[] }

const COMMENTS_PER_SLICE = 500

/** Feature vectors of many comments, computed once and shared by every fold and class. */
function* vectorize(texts: readonly string[], spec: FeatureSpec): Generator<void, SparseVector[]> {
  const vectors: SparseVector[] = []
  for (const text of texts) {
    if (vectors.length % COMMENTS_PER_SLICE === COMMENTS_PER_SLICE - 1) yield
    const { indices, values } = extractFeatures(spec, normalizeViews(text))
    vectors.push({ indices, values })
  }
  return vectors
}

/** The operating point with the best F1, reported beside the precision-first one for context. */
function bestF1(scores: Float64Array, labels: Uint8Array): Measure {
  const thresholds = [...new Set(scores)].sort((a, b) => a - b)
  let best = measureAt(scores, labels, 0.5)
  for (const threshold of thresholds) {
    const measure = measureAt(scores, labels, threshold)
    if (measure.f1 > best.f1) best = measure
  }
  return best
}

export function trainTriageModel(examples: readonly LabelledComment[], settings: Partial<TrainingSettings> = {}): TrainingResult {
  return runToEnd(triageTrainingSteps(examples, settings))
}

/** The training as steps that pause now and then (`runCooperatively` in a server). */
export function* triageTrainingSteps(examples: readonly LabelledComment[], settings: Partial<TrainingSettings> = {}): Generator<void, TrainingResult> {
  const config = { ...defaultTrainingSettings, ...settings }
  if (!(config.targetPrecision > 0 && config.targetPrecision < 1)) throw new RangeError('the target precision must be between 0 and 1')
  if (!Number.isInteger(config.folds) || config.folds < 2) throw new RangeError('cross-validation needs at least 2 folds')
  const dimension = 1 << config.spec.hashBits
  const vectors = yield* vectorize(
    examples.map((example) => example.text),
    config.spec,
  )
  const classes: Partial<Record<TriageClass, TriageClassModel>> = {}
  const reports: ClassReport[] = []
  for (const name of triageClasses) {
    const labels = Uint8Array.from(examples, (example) => (example.label === name ? 1 : 0))
    const positives = labels.reduce((sum, label) => sum + label, 0)
    const negatives = labels.length - positives
    if (positives < config.minExamplesPerClass || negatives < config.minExamplesPerClass) {
      reports.push({ name, status: 'too_few_examples', positives, negatives })
      continue
    }
    const scores = yield* crossValidationSteps(vectors, labels, dimension, config.folds, config.options)
    const operatingPoint = thresholdForPrecision(scores, labels, config.targetPrecision, config.minThreshold)
    const classifier = yield* logisticRegressionSteps(vectors, labels, dimension, config.options)
    classes[name] = {
      classifier,
      targetPrecision: config.targetPrecision,
      threshold: operatingPoint?.threshold ?? null,
      crossValidation:
        operatingPoint === null
          ? null
          : { folds: config.folds, positives, negatives, precision: operatingPoint.precision, recall: operatingPoint.recall, f1: operatingPoint.f1 },
    }
    reports.push({ name, status: 'trained', positives, negatives, crossValidation: operatingPoint, bestF1: bestF1(scores, labels) })
  }
  const model = new TriageModel({ spec: config.spec, training: { ...config.options, size: examples.length, folds: config.folds }, classes })
  return { model, reports }
}

/** Precision and recall of a trained model on held-out examples, per class, at its thresholds. */
export function evaluateTriageModel(model: TriageModel, examples: readonly LabelledComment[]): Partial<Record<TriageClass, Measure>> {
  const result: Partial<Record<TriageClass, Measure>> = {}
  const assessments = examples.map((example) => model.assess(example.text))
  for (const name of model.classes) {
    const threshold = model.data.classes[name]!.threshold
    if (threshold === null) continue
    const scores = assessments.map((assessment) => assessment.scores[name] ?? 0)
    const labels = examples.map((example) => (example.label === name ? 1 : 0))
    result[name] = measureAt(scores, labels, threshold)
  }
  return result
}
