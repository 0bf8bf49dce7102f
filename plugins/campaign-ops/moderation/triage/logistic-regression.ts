/**
 * Binary logistic regression over sparse, L2-normalized vectors, trained by stochastic gradient
 * descent with L2 regularization (Bottou's learning-rate schedule, the regularization applied
 * lazily through a scale factor so each step costs the example's nonzeros, not the dimension).
 * Deterministic: the examples are shuffled by a seeded generator, and the same data, options and
 * seed give the same weights bit for bit.
 */

import { seededRandom } from '../../../../src/infra/seeded-random'
import { runToEnd } from './cooperative-run'
import type { SparseVector } from './features'

export type TrainingOptions = {
  /** Passes over the data, at least; more when needed to make `minUpdates` steps. */
  epochs: number
  /** A small set needs more passes to converge: training makes at least this many steps. */
  minUpdates: number
  /** L2 regularization strength (λ). */
  l2: number
  /** Initial learning rate (η₀); step t uses η₀ / (1 + η₀·λ·t). */
  learningRate: number
  seed: number
}

export const defaultTrainingOptions: TrainingOptions = { epochs: 12, minUpdates: 30_000, l2: 1e-5, learningRate: 0.1, seed: 4322 }

export type LinearClassifier = { weights: Float32Array; bias: number }

export function sigmoid(value: number): number {
  if (value >= 0) return 1 / (1 + Math.exp(-value))
  const exp = Math.exp(value)
  return exp / (1 + exp)
}

export function decisionValue(model: LinearClassifier, vector: SparseVector): number {
  let sum = model.bias
  const { indices, values } = vector
  for (let index = 0; index < indices.length; index++) sum += model.weights[indices[index]!]! * values[index]!
  return sum
}

/** The probability that the vector belongs to the positive class. */
export function probability(model: LinearClassifier, vector: SparseVector): number {
  return sigmoid(decisionValue(model, vector))
}

function shuffledOrder(count: number, random: () => number): Int32Array {
  const order = new Int32Array(count)
  for (let index = 0; index < count; index++) order[index] = index
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    const kept = order[index]!
    order[index] = order[other]!
    order[other] = kept
  }
  return order
}

/** A scale below this is folded back into the weights, far before it could underflow. */
const MIN_SCALE = 1e-9

/** Examples between two pauses of a cooperative training run (see `cooperative-run.ts`). */
const EXAMPLES_PER_SLICE = 2000

/**
 * Trains on `vectors` with `labels` (1 positive, 0 negative). An empty set or a set with one class
 * only is refused: there would be nothing to learn, and a constant model would pretend otherwise.
 */
export function trainLogisticRegression(
  vectors: readonly SparseVector[],
  labels: ArrayLike<number>,
  dimension: number,
  options: TrainingOptions = defaultTrainingOptions,
): LinearClassifier {
  return runToEnd(logisticRegressionSteps(vectors, labels, dimension, options))
}

/** The same training, pausing every few thousand examples so a server can answer in between. */
export function* logisticRegressionSteps(
  vectors: readonly SparseVector[],
  labels: ArrayLike<number>,
  dimension: number,
  options: TrainingOptions = defaultTrainingOptions,
): Generator<void, LinearClassifier> {
  if (vectors.length !== labels.length) throw new Error('every vector needs one label')
  let positives = 0
  for (let index = 0; index < labels.length; index++) positives += labels[index] === 1 ? 1 : 0
  if (positives === 0 || positives === vectors.length) throw new Error('training needs examples of both classes')

  const random = seededRandom(options.seed)
  const weights = new Float64Array(dimension)
  let scale = 1
  let bias = 0
  let step = 0
  const epochs = Math.max(options.epochs, Math.ceil(options.minUpdates / vectors.length))
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = shuffledOrder(vectors.length, random)
    for (let position = 0; position < order.length; position++) {
      if (position % EXAMPLES_PER_SLICE === EXAMPLES_PER_SLICE - 1) yield
      const example = order[position]!
      const { indices, values } = vectors[example]!
      const rate = options.learningRate / (1 + options.learningRate * options.l2 * step)
      step += 1

      let margin = bias
      for (let index = 0; index < indices.length; index++) margin += scale * weights[indices[index]!]! * values[index]!
      const gradient = sigmoid(margin) - (labels[example] === 1 ? 1 : 0)

      scale *= 1 - rate * options.l2
      if (gradient !== 0) {
        const change = (rate * gradient) / scale
        for (let index = 0; index < indices.length; index++) weights[indices[index]!]! -= change * values[index]!
        bias -= rate * gradient
      }
      if (scale < MIN_SCALE) {
        for (let index = 0; index < dimension; index++) weights[index]! *= scale
        scale = 1
      }
    }
  }
  const final = new Float32Array(dimension)
  for (let index = 0; index < dimension; index++) final[index] = weights[index]! * scale
  return { weights: final, bias }
}
