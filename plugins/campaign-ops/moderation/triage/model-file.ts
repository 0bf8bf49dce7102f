/**
 * The triage model as a file (and as stored in the `moderation-models` collection): JSON with the
 * feature settings, the training settings, and per class the weights (little-endian float32,
 * base64) with their SHA-256, the bias, the threshold and the cross-validated figures. Reading
 * refuses anything else with a `ModelFileError` that says what is wrong: another format, another
 * version, a damaged or truncated file.
 */

import { createHash } from 'node:crypto'

import { z } from 'zod'

import { TriageModel, triageClasses, type TriageClass, type TriageClassModel, type TriageModelData } from './triage-model'

export const MODEL_FORMAT = 'badil-moderation-model'
/** Bump when features or scoring change: a model trained otherwise would score nonsense. */
export const MODEL_VERSION = 1

export type ModelFileProblem = 'not_json' | 'wrong_format' | 'wrong_version' | 'invalid' | 'damaged_weights'

export class ModelFileError extends Error {
  constructor(
    readonly problem: ModelFileProblem,
    message: string,
  ) {
    super(message)
    this.name = 'ModelFileError'
  }
}

const evaluationSchema = z.object({
  folds: z.number().int().min(2),
  positives: z.number().int().min(0),
  negatives: z.number().int().min(0),
  precision: z.number().min(0).max(1),
  recall: z.number().min(0).max(1),
  f1: z.number().min(0).max(1),
})

const classSchema = z.object({
  bias: z.number().finite(),
  targetPrecision: z.number().gt(0).lt(1),
  threshold: z.number().min(0).max(1).nullable(),
  crossValidation: evaluationSchema.nullable(),
  weights: z.string().min(1),
  weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
})

const modelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  features: z.object({
    hashBits: z.number().int().min(10).max(24),
    charNgramMin: z.number().int().min(1).max(8),
    charNgramMax: z.number().int().min(1).max(8),
    wordNgramMax: z.number().int().min(1).max(2),
  }),
  training: z.object({
    size: z.number().int().min(0),
    folds: z.number().int().min(2),
    epochs: z.number().int().min(1),
    minUpdates: z.number().int().min(0),
    l2: z.number().min(0),
    learningRate: z.number().gt(0),
    seed: z.number().int(),
  }),
  classes: z.object(Object.fromEntries(triageClasses.map((name) => [name, classSchema.optional()])) as Record<TriageClass, z.ZodOptional<typeof classSchema>>),
})

export type ModelFile = z.infer<typeof modelSchema>

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function weightBytes(weights: Float32Array): Buffer {
  const bytes = Buffer.alloc(weights.length * 4)
  for (let index = 0; index < weights.length; index++) bytes.writeFloatLE(weights[index]!, index * 4)
  return bytes
}

/** The model as a plain object, ready for JSON. */
export function modelToFile(model: TriageModel): ModelFile {
  const { spec, training, classes } = model.data
  const fileClasses: ModelFile['classes'] = {}
  for (const name of triageClasses) {
    const entry = classes[name]
    if (entry === undefined) continue
    const bytes = weightBytes(entry.classifier.weights)
    fileClasses[name] = {
      bias: entry.classifier.bias,
      targetPrecision: entry.targetPrecision,
      threshold: entry.threshold,
      crossValidation: entry.crossValidation,
      weights: bytes.toString('base64'),
      weightsSha256: sha256(bytes),
    }
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    features: { ...spec },
    training: {
      size: training.size,
      folds: training.folds,
      epochs: training.epochs,
      minUpdates: training.minUpdates,
      l2: training.l2,
      learningRate: training.learningRate,
      seed: training.seed,
    },
    classes: fileClasses,
  }
}

export function serializeModel(model: TriageModel): string {
  return JSON.stringify(modelToFile(model))
}

/** Reads a model from its JSON text or parsed object; throws `ModelFileError` when it is not a usable model. */
export function parseModel(input: string | unknown): TriageModel {
  let raw: unknown = input
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input)
    } catch {
      throw new ModelFileError('not_json', 'the model file is not JSON (damaged or not a model)')
    }
  }
  const header = raw as { format?: unknown; version?: unknown } | null
  if (typeof header !== 'object' || header === null || header.format !== MODEL_FORMAT) {
    throw new ModelFileError('wrong_format', `not a Badil moderation model (expected "format": "${MODEL_FORMAT}")`)
  }
  if (header.version !== MODEL_VERSION) {
    throw new ModelFileError(
      'wrong_version',
      `the model is of version ${JSON.stringify(header.version)}, this Badil reads version ${MODEL_VERSION}: train it again with this version`,
    )
  }
  const parsed = modelSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ModelFileError('invalid', `the model file is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  const file = parsed.data
  if (file.features.charNgramMin > file.features.charNgramMax)
    throw new ModelFileError('invalid', 'the model file is invalid at features: charNgramMin > charNgramMax')
  const dimension = 1 << file.features.hashBits
  const classes: Partial<Record<TriageClass, TriageClassModel>> = {}
  for (const name of triageClasses) {
    const entry = file.classes[name]
    if (entry === undefined) continue
    const bytes = Buffer.from(entry.weights, 'base64')
    if (bytes.length !== dimension * 4 || sha256(bytes) !== entry.weightsSha256) {
      throw new ModelFileError('damaged_weights', `the weights of class "${name}" are damaged (size or checksum does not match)`)
    }
    const weights = new Float32Array(dimension)
    for (let index = 0; index < dimension; index++) weights[index] = bytes.readFloatLE(index * 4)
    classes[name] = {
      classifier: { weights, bias: entry.bias },
      targetPrecision: entry.targetPrecision,
      threshold: entry.threshold,
      crossValidation: entry.crossValidation,
    }
  }
  const data: TriageModelData = { spec: { ...file.features }, training: { ...file.training }, classes }
  return new TriageModel(data)
}
