import { normalizeViews } from '../../plugins/campaign-ops/moderation/normalize'
import { crossValidatedScores, foldAssignment, measureAt, thresholdForPrecision } from '../../plugins/campaign-ops/moderation/triage/evaluation'
import { explainTriage } from '../../plugins/campaign-ops/moderation/triage/explain-triage'
import { defaultFeatureSpec, extractFeatures, MAX_SCORED_UNITS, type SparseVector } from '../../plugins/campaign-ops/moderation/triage/features'
import { parseLabelledLines } from '../../plugins/campaign-ops/moderation/triage/labelled-lines'
import { decisionValue, sigmoid, trainLogisticRegression } from '../../plugins/campaign-ops/moderation/triage/logistic-regression'
import { MODEL_VERSION, ModelFileError, modelToFile, parseModel, serializeModel } from '../../plugins/campaign-ops/moderation/triage/model-file'
import { sharedSkeletonWord } from '../../plugins/campaign-ops/moderation/triage/shared-skeleton'
import { trainTriageModel, type LabelledComment } from '../../plugins/campaign-ops/moderation/triage/train-triage-model'
import { seededRandom } from '../../src/infra/seeded-random'

const skeleton = (word: string) => sharedSkeletonWord(normalizeViews(word).arabizi.text, 0, normalizeViews(word).arabizi.text.length)

/** Dense rows as sparse vectors, unnormalized: the trainer takes any vectors. */
const sparse = (row: number[]): SparseVector => ({ indices: Int32Array.from(row.keys()), values: Float32Array.from(row) })

/**
 * The reference answer: the minimum of mean log-loss + λ/2·|w|² (bias not penalized) found by
 * Newton's method on the dense problem, independent of the SGD trainer.
 */
function newtonSolution(rows: number[][], labels: number[], l2: number): { weights: number[]; bias: number } {
  const size = rows[0]!.length + 1
  const theta = new Array<number>(size).fill(0)
  const withBias = rows.map((row) => [...row, 1])
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(size).fill(0)
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0))
    withBias.forEach((row, example) => {
      const p = sigmoid(row.reduce((sum, value, index) => sum + value * theta[index]!, 0))
      for (let i = 0; i < size; i++) {
        gradient[i]! += ((p - labels[example]!) * row[i]!) / rows.length
        for (let j = 0; j < size; j++) hessian[i]![j]! += (p * (1 - p) * row[i]! * row[j]!) / rows.length
      }
    })
    for (let i = 0; i < size - 1; i++) {
      gradient[i]! += l2 * theta[i]!
      hessian[i]![i]! += l2
    }
    // Solve hessian · step = gradient by Gaussian elimination (the system is tiny and well conditioned).
    const augmented = hessian.map((row, i) => [...row, gradient[i]!])
    for (let pivot = 0; pivot < size; pivot++) {
      for (let row = pivot + 1; row < size; row++) {
        const factor = augmented[row]![pivot]! / augmented[pivot]![pivot]!
        for (let column = pivot; column <= size; column++) augmented[row]![column]! -= factor * augmented[pivot]![column]!
      }
    }
    const step = new Array<number>(size).fill(0)
    for (let row = size - 1; row >= 0; row--) {
      let sum = augmented[row]![size]!
      for (let column = row + 1; column < size; column++) sum -= augmented[row]![column]! * step[column]!
      step[row] = sum / augmented[row]![row]!
    }
    for (let i = 0; i < size; i++) theta[i]! -= step[i]!
  }
  return { weights: theta.slice(0, -1), bias: theta[size - 1]! }
}

function syntheticProblem(seed: number, count: number) {
  const random = seededRandom(seed)
  const truth = [2, -1.5, 0.5, 0]
  const rows: number[][] = []
  const labels: number[] = []
  for (let example = 0; example < count; example++) {
    const row = truth.map(() => random() * 2 - 1)
    const p = sigmoid(0.3 + row.reduce((sum, value, index) => sum + value * truth[index]!, 0))
    rows.push(row)
    labels.push(random() < p ? 1 : 0)
  }
  return { rows, labels }
}

const campaignExamples: LabelledComment[] = [
  ...[
    'ya 7mar',
    'nta kelb',
    'espèce de connard',
    'sale pourriture',
    'يا حمار',
    'انت كلب',
    'wld l9a7ba',
    'bande de chiens',
    'يا حيوان',
    'sir t9awed a 7mar',
  ].flatMap((insult, index) => [`${insult} !`, `${insult} va`, `@user ${insult}`].map((text) => ({ text: `${text} ${index}`, label: 'hostile' as const }))),
  ...[
    "merci pour l'info",
    'bonne initiative',
    'شكرا على التوضيح',
    'مبادرة طيبة',
    'chokran 3la lma3louma',
    'comment ça marche ?',
    'كيفاش كيتطبق؟',
    'fin nqdr nqra',
    'bravo à l’équipe',
    'سؤال مهم',
  ].flatMap((kind, index) => [`${kind}`, `${kind} !`, `@user ${kind}`].map((text) => ({ text: `${text} ${index}`, label: 'ok' as const }))),
]

describe('shared Arabic/Arabizi skeleton', () => {
  it.each([
    ['حمار', '7mar'],
    ['كلب', 'kelb'],
    ['القحبة', 'l9a7ba'],
    ['خانز', 'khanz'],
  ])('%s and %s give the same skeleton', (arabic, latin) => {
    expect(skeleton(arabic)).toBe(skeleton(latin))
  })

  it('keeps different words apart', () => {
    expect(skeleton('قلب')).not.toBe(skeleton('كلب'))
  })

  it('so a word in one script shares features with its Arabizi spelling', () => {
    const shared = (a: string, b: string) => {
      const first = new Set(extractFeatures(defaultFeatureSpec, a).indices)
      return [...extractFeatures(defaultFeatureSpec, b).indices].filter((bucket) => first.has(bucket)).length
    }
    expect(shared('حمار', '7mar')).toBeGreaterThan(shared('حمار', 'merci'))
  })
})

describe('feature hashing', () => {
  it('gives a unit-length vector with distinct buckets, the same every time', () => {
    const vector = extractFeatures(defaultFeatureSpec, 'La prison pour les pauvres, la maison pour les riches 😡')
    expect(new Set(vector.indices).size).toBe(vector.indices.length)
    const squares = vector.values.reduce((sum, value) => sum + value * value, 0)
    expect(squares).toBeCloseTo(1, 5)
    expect(extractFeatures(defaultFeatureSpec, 'La prison pour les pauvres, la maison pour les riches 😡')).toEqual(vector)
  })

  it('reads case, accents and elongation as the normalizer does', () => {
    expect(extractFeatures(defaultFeatureSpec, 'CONNARD').indices).toEqual(extractFeatures(defaultFeatureSpec, 'connard').indices)
    expect(extractFeatures(defaultFeatureSpec, 'ya 7maaaaar').indices).toEqual(extractFeatures(defaultFeatureSpec, 'ya 7mar').indices)
  })

  it('accepts empty and emoji-only texts, and reads a wall of text up to its first 20,000 characters', () => {
    expect(extractFeatures(defaultFeatureSpec, '').indices.length).toBe(0)
    expect(extractFeatures(defaultFeatureSpec, '😡😡').indices.length).toBe(0)
    const wall = 'merci '.repeat(MAX_SCORED_UNITS / 3)
    expect(extractFeatures(defaultFeatureSpec, `${wall} connard`).indices).toEqual(extractFeatures(defaultFeatureSpec, wall).indices)
    expect(extractFeatures(defaultFeatureSpec, `connard ${wall}`).indices).not.toEqual(extractFeatures(defaultFeatureSpec, wall).indices)
  })
})

describe('logistic regression trainer', () => {
  it('reaches the regularized optimum that Newton’s method finds on the same data', () => {
    const { rows, labels } = syntheticProblem(7, 400)
    const l2 = 0.01
    const reference = newtonSolution(rows, labels, l2)
    const trained = trainLogisticRegression(rows.map(sparse), labels, 4, { epochs: 400, minUpdates: 0, l2, learningRate: 0.5, seed: 1 })
    Array.from(trained.weights).forEach((weight, index) => expect(Math.abs(weight - reference.weights[index]!)).toBeLessThan(0.03))
    expect(Math.abs(trained.bias - reference.bias)).toBeLessThan(0.03)
    // The reference itself recovers the generating direction, so the fixture is not degenerate.
    expect(reference.weights[0]).toBeGreaterThan(1)
    expect(reference.weights[1]).toBeLessThan(-0.8)
  })

  it('is deterministic: same data and seed give the same weights, another seed other weights', () => {
    const { rows, labels } = syntheticProblem(3, 200)
    const options = { epochs: 5, minUpdates: 0, l2: 1e-3, learningRate: 0.3, seed: 42 }
    const first = trainLogisticRegression(rows.map(sparse), labels, 4, options)
    const second = trainLogisticRegression(rows.map(sparse), labels, 4, options)
    expect(second.weights).toEqual(first.weights)
    expect(second.bias).toBe(first.bias)
    const other = trainLogisticRegression(rows.map(sparse), labels, 4, { ...options, seed: 43 })
    expect(other.weights).not.toEqual(first.weights)
  })

  it('refuses a training set with one class only', () => {
    expect(() => trainLogisticRegression([sparse([1])], [1], 1)).toThrow('both classes')
    expect(() => trainLogisticRegression([sparse([1])], [1, 0], 1)).toThrow('one label')
  })

  it('scores with the decision value it learned', () => {
    const model = { weights: Float32Array.from([2, -1]), bias: 0.5 }
    expect(decisionValue(model, sparse([1, 1]))).toBeCloseTo(1.5, 6)
  })
})

describe('thresholds and cross-validation', () => {
  const scores = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.4, 0.3]
  const labels = [1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0]

  it('measures precision and recall at a threshold', () => {
    expect(measureAt(scores, labels, 0.6)).toMatchObject({
      truePositives: 7,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 3,
      precision: 7 / 8,
      recall: 7 / 8,
    })
  })

  it('keeps the target precision with the most recall, halfway to the next score below', () => {
    expect(thresholdForPrecision(scores, labels, 0.85)).toMatchObject({ threshold: 0.575, precision: 7 / 8, recall: 7 / 8 })
    expect(thresholdForPrecision(scores, labels, 0.9)).toMatchObject({ threshold: 0.725, precision: 1, recall: 5 / 8 })
  })

  it('never goes below the floor it is given', () => {
    expect(thresholdForPrecision(scores, labels, 0.85, 0.7)).toMatchObject({ threshold: 0.725, precision: 1 })
    expect(thresholdForPrecision(scores, labels, 0.85, 0.74)).toMatchObject({ threshold: 0.74, precision: 1 })
    expect(thresholdForPrecision(scores, labels, 0.85, 0.96)).toBeNull()
  })

  it('gives no threshold when the precision cannot be reached on enough hits', () => {
    expect(thresholdForPrecision([0.9, 0.8, 0.7], [1, 1, 1], 0.85)).toBeNull()
    expect(thresholdForPrecision([0.9, 0.8, 0.7, 0.6, 0.5, 0.4], [0, 1, 0, 1, 0, 1], 0.85)).toBeNull()
  })

  it('treats tied scores as one threshold', () => {
    expect(thresholdForPrecision([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], [1, 1, 1, 1, 1, 1, 0], 0.9)).toBeNull()
  })

  it('deals the folds stratified and the same for the same seed', () => {
    const classes = Array.from({ length: 50 }, (_, index) => (index < 20 ? 1 : 0))
    const folds = foldAssignment(classes, 5, 9)
    for (let fold = 0; fold < 5; fold++) {
      expect(classes.filter((label, index) => label === 1 && folds[index] === fold)).toHaveLength(4)
    }
    expect(foldAssignment(classes, 5, 9)).toEqual(folds)
  })

  it('scores every example by a model that did not see it', () => {
    const { rows, labels } = syntheticProblem(11, 300)
    const scores = crossValidatedScores(rows.map(sparse), labels, 4, 5, { epochs: 20, minUpdates: 0, l2: 1e-3, learningRate: 0.5, seed: 2 })
    expect(scores.every((score) => score > 0 && score < 1)).toBe(true)
    expect(measureAt(scores, labels, 0.5).f1).toBeGreaterThan(0.6)
  })
})

describe('triage model on campaign comments', () => {
  const { model, reports } = trainTriageModel(campaignExamples, { minExamplesPerClass: 10 })

  it('learns the hostile class and reports misinformation as too rare', () => {
    expect(reports.find((report) => report.name === 'hostile')).toMatchObject({ status: 'trained', positives: 30, negatives: 30 })
    expect(reports.find((report) => report.name === 'misinformation')).toMatchObject({ status: 'too_few_examples', positives: 0 })
    expect(model.classes).toEqual(['hostile'])
  })

  it('raises an unseen insult and not an unseen thank-you', () => {
    expect(model.assess('nta 7mar w kelb').raised).toEqual(['hostile'])
    expect(model.assess('merci, bonne initiative').raised).toEqual([])
  })

  it('explains with the words that weigh most, as written, mentions left out', () => {
    const text = '@user t7rk a 7MAAAR'
    const words = model.explain(text, 'hostile')
    expect(words[0]).toMatchObject({ excerpt: '7MAAAR', spans: [[13, 19]] })
    expect(words.map((word) => word.excerpt)).not.toContain('user')
    const assessment = model.assess(text)
    expect(explainTriage(model, assessment, words, 'fr')).toMatch(
      /^Le modèle d’aide au tri y voit des propos hostiles \(probabilité 0,\d\d, seuil 0,\d\d\) : à relire\. Mots qui pèsent le plus : « 7MAAAR »/,
    )
    expect(explainTriage(model, assessment, words, 'ar')).toContain('يرى فيه نموذج المساعدة على الفرز كلاما عدائيا')
    expect(explainTriage(model, assessment, words, 'en')).toContain('The triage model sees hostile speech in it')
  })

  it('writes the same file for the same data and seed, and reads it back to the same scores', () => {
    const again = trainTriageModel(campaignExamples, { minExamplesPerClass: 10 }).model
    expect(serializeModel(again)).toBe(serializeModel(model))
    const reread = parseModel(serializeModel(model))
    expect(reread.assess('ya 7mar').scores.hostile).toBe(model.assess('ya 7mar').scores.hostile)
  })
})

describe('model file', () => {
  const model = trainTriageModel(campaignExamples, { minExamplesPerClass: 10 }).model
  const file = () => JSON.parse(serializeModel(model)) as ReturnType<typeof modelToFile>

  const refusal = (input: unknown) => {
    try {
      parseModel(input)
    } catch (error) {
      expect(error).toBeInstanceOf(ModelFileError)
      return { problem: (error as ModelFileError).problem, message: (error as ModelFileError).message }
    }
    throw new Error('the model was accepted')
  }

  it('refuses a truncated file', () => {
    expect(refusal(serializeModel(model).slice(0, 1000))).toEqual({ problem: 'not_json', message: 'the model file is not JSON (damaged or not a model)' })
  })

  it('refuses another format and another version, saying which', () => {
    expect(refusal({ ...file(), format: 'onnx' }).problem).toBe('wrong_format')
    expect(refusal({ ...file(), version: MODEL_VERSION + 1 })).toEqual({
      problem: 'wrong_version',
      message: `the model is of version ${MODEL_VERSION + 1}, this Badil reads version ${MODEL_VERSION}: train it again with this version`,
    })
  })

  it('refuses damaged weights and invalid fields, naming the place', () => {
    const damaged = file()
    const bytes = Buffer.from(damaged.classes.hostile!.weights, 'base64')
    bytes[100] = bytes[100]! ^ 0xff
    damaged.classes.hostile!.weights = bytes.toString('base64')
    expect(refusal(damaged)).toEqual({ problem: 'damaged_weights', message: 'the weights of class "hostile" are damaged (size or checksum does not match)' })

    const invalid = file()
    invalid.classes.hostile!.threshold = 3
    expect(refusal(invalid)).toMatchObject({ problem: 'invalid', message: expect.stringContaining('classes.hostile.threshold') })
  })
})

describe('labelled lines', () => {
  it('reads good lines and reports each bad one with its number and reason', () => {
    const { examples, problems } = parseLabelledLines(
      [
        '{"text":"ya 7mar","label":"hostile"}',
        '',
        'not json',
        '{"text":"ok","label":"spam"}',
        '{"text":"","label":"ok"}',
        '{"text":"merci","label":"ok","extra":1}',
      ].join('\n'),
    )
    expect(examples).toEqual([
      { text: 'ya 7mar', label: 'hostile' },
      { text: 'merci', label: 'ok' },
    ])
    expect(problems).toEqual([
      { line: 3, reason: 'not valid JSON' },
      { line: 4, reason: '"label" must be one of hostile, misinformation, ok' },
      { line: 5, reason: '"text" must be a non-empty string' },
    ])
  })
})
