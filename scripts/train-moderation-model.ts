/**
 * `npm run moderation-model:train -- labelled.jsonl [--out model.json] [--target-precision 0.85]
 *   [--folds 5] [--seed 4322] [--epochs 12] [--evaluate held-out.jsonl] [--skip-invalid]`
 * Trains the triage model on labelled comments (`{"text", "label"}` per line, label `hostile`,
 * `misinformation` or `ok`), prints per class the cross-validated precision and recall at the
 * threshold chosen for the target precision, optionally the figures on a held-out file, and writes
 * the model. A file with bad lines is refused (each listed) unless `--skip-invalid` is given.
 * Exit codes: 0 written, 1 bad input, 2 usage.
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'

import type { Measure } from '../plugins/campaign-ops/moderation/triage/evaluation'
import { parseLabelledLines } from '../plugins/campaign-ops/moderation/triage/labelled-lines'
import { defaultTrainingOptions } from '../plugins/campaign-ops/moderation/triage/logistic-regression'
import { serializeModel } from '../plugins/campaign-ops/moderation/triage/model-file'
import {
  defaultTrainingSettings,
  evaluateTriageModel,
  trainTriageModel,
  type LabelledComment,
} from '../plugins/campaign-ops/moderation/triage/train-triage-model'
import { markScriptFinished } from './lib/load-app-config'

const usage =
  'usage: npm run moderation-model:train -- labelled.jsonl [--out model.json] [--target-precision 0.85] [--folds 5] [--seed 4322] [--epochs 12] [--evaluate held-out.jsonl] [--skip-invalid]'

class UsageError extends Error {}

function numberOption(name: string, value: string | undefined, fallback: number, valid: (value: number) => boolean): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || !valid(parsed)) throw new UsageError(`--${name}: "${value}" is not valid`)
  return parsed
}

function parseArguments(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'model.json' },
        'target-precision': { type: 'string' },
        folds: { type: 'string' },
        seed: { type: 'string' },
        epochs: { type: 'string' },
        evaluate: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(usage)
    markScriptFinished()
    process.exit(0)
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one labelled file')
  return {
    input: positionals[0]!,
    out: values.out,
    evaluate: values.evaluate,
    skipInvalid: values['skip-invalid'],
    targetPrecision: numberOption('target-precision', values['target-precision'], defaultTrainingSettings.targetPrecision, (value) => value > 0 && value < 1),
    folds: numberOption('folds', values.folds, defaultTrainingSettings.folds, (value) => Number.isInteger(value) && value >= 2 && value <= 20),
    seed: numberOption('seed', values.seed, defaultTrainingOptions.seed, Number.isInteger),
    epochs: numberOption('epochs', values.epochs, defaultTrainingOptions.epochs, (value) => Number.isInteger(value) && value >= 1 && value <= 200),
  }
}

function readLabelled(file: string, skipInvalid: boolean): LabelledComment[] | null {
  if (!fs.existsSync(file)) {
    console.error(`✖ no such file: ${file}`)
    return null
  }
  const { examples, problems } = parseLabelledLines(fs.readFileSync(file, 'utf8'))
  for (const problem of problems.slice(0, 20)) console.error(`${skipInvalid ? '⚠' : '✖'} ${file}:${problem.line}: ${problem.reason}`)
  if (problems.length > 20) console.error(`… and ${problems.length - 20} more bad lines`)
  if (problems.length > 0 && !skipInvalid) {
    console.error(`✖ ${problems.length} bad line(s) in ${file}: nothing trained (fix them, or pass --skip-invalid)`)
    return null
  }
  return examples
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`
const describe = (measure: Measure) =>
  `precision ${percent(measure.precision)}, recall ${percent(measure.recall)}, F1 ${measure.f1.toFixed(3)} (threshold ${measure.threshold.toFixed(3)}; ${measure.truePositives} TP, ${measure.falsePositives} FP, ${measure.falseNegatives} FN)`

function exitAfterFlush(code: number): void {
  markScriptFinished()
  process.stdout.write('', () => process.exit(code))
}

try {
  const args = parseArguments(process.argv.slice(2))
  const examples = readLabelled(args.input, args.skipInvalid)
  const heldOut = args.evaluate === undefined ? [] : readLabelled(args.evaluate, args.skipInvalid)
  if (examples === null || heldOut === null) {
    exitAfterFlush(1)
  } else {
    const started = performance.now()
    const { model, reports } = trainTriageModel(examples, {
      targetPrecision: args.targetPrecision,
      folds: args.folds,
      options: { ...defaultTrainingOptions, seed: args.seed, epochs: args.epochs },
    })
    const seconds = (performance.now() - started) / 1000
    console.log(
      `trained on ${examples.length} comments in ${seconds.toFixed(1)} s (${args.folds}-fold cross-validation, target precision ${percent(args.targetPrecision)})`,
    )
    for (const report of reports) {
      if (report.status === 'too_few_examples') {
        console.log(
          `${report.name}: not learned, too few examples (${report.positives} of this class, ${report.negatives} others; ${defaultTrainingSettings.minExamplesPerClass} of each needed)`,
        )
        continue
      }
      console.log(`${report.name}: ${report.positives} examples, ${report.negatives} others`)
      console.log(
        report.crossValidation === null
          ? `  cross-validated: no threshold keeps ${percent(args.targetPrecision)} precision: this class cannot be activated`
          : `  cross-validated at the chosen threshold: ${describe(report.crossValidation)}`,
      )
      console.log(`  for comparison, best F1: ${describe(report.bestF1)}`)
    }
    if (args.evaluate !== undefined) {
      const figures = evaluateTriageModel(model, heldOut)
      console.log(`held out (${args.evaluate}, ${heldOut.length} comments):`)
      for (const [name, measure] of Object.entries(figures)) console.log(`  ${name}: ${describe(measure)}`)
    }
    fs.writeFileSync(args.out, serializeModel(model))
    console.log(`model written to ${args.out}`)
    exitAfterFlush(0)
  }
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`)
  if (error instanceof UsageError) console.error(usage)
  exitAfterFlush(error instanceof UsageError ? 2 : 1)
}
