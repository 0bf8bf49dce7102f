/**
 * `npm run moderate -- [--rules default|db] [--model model.json] [--language fr|ar|en] [file.jsonl|-]`
 * Reads one JSON object per line with a `text` field (other fields are passed through) and writes
 * one decision per line: flagged, action, category, rules, spans (UTF-16 offsets in `text`).
 * `--rules default` (the default) uses the shipped rule set; `--rules db` the active rules in the
 * database. A line that is not a JSON object with a string `text` gets an `error` line instead,
 * and the exit code is 1. `--language` chooses the language of the explanations (French by default).
 * `--model` adds the triage model's view (from `npm run moderation-model:train`): its scores, the
 * classes it raises, the words that weigh most, and `modelDecision: "flag"` when it raises a class
 * the rules left alone. The rules decide first; the model never hides anything.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { parseArgs } from 'node:util'

import { defaultRules } from '../plugins/campaign-ops/moderation/default-rules'
import { compileEngine } from '../plugins/campaign-ops/moderation/engine'
import { activeEngine } from '../plugins/campaign-ops/moderation/engine-cache'
import { explainDecision } from '../plugins/campaign-ops/moderation/explain-decision'
import { normalizeViews } from '../plugins/campaign-ops/moderation/normalize'
import { explainedClass, explainTriage } from '../plugins/campaign-ops/moderation/triage/explain-triage'
import { parseModel } from '../plugins/campaign-ops/moderation/triage/model-file'
import type { TriageModel } from '../plugins/campaign-ops/moderation/triage/triage-model'
import type { ModerationEngine } from '../plugins/campaign-ops/moderation/types'
import { isAdminLanguage, type AdminLanguage } from '../src/i18n/catalogue'
import { markScriptFinished } from './lib/load-app-config'
import { withPayload } from './lib/with-payload'

const usage = 'usage: npm run moderate -- [--rules default|db] [--model model.json] [--language fr|ar|en] [file.jsonl|-]'

function parseArguments(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rules: { type: 'string', default: 'default' },
        model: { type: 'string' },
        language: { type: 'string', default: 'fr' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage}`, { cause: error })
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  if (values.rules !== 'default' && values.rules !== 'db') throw new Error(`--rules must be "default" or "db"\n${usage}`)
  if (!isAdminLanguage(values.language)) throw new Error(`--language must be "fr", "ar" or "en"\n${usage}`)
  if (positionals.length > 1) throw new Error(`one input file at most\n${usage}`)
  return { rules: values.rules, model: values.model, language: values.language, input: positionals[0] ?? '-' }
}

/** Exits with `code` once everything written to stdout has left (tsx does not keep process.exitCode). */
function exitAfterFlush(code: number): void {
  markScriptFinished()
  process.stdout.write('', () => process.exit(code))
}

/** Reads the model file, or exits with the reason it cannot be used. */
function loadModel(file: string): TriageModel {
  if (!fs.existsSync(file)) throw new Error(`no such model file: ${file}`)
  try {
    return parseModel(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}

function modelView(model: TriageModel, text: string, views: ReturnType<typeof normalizeViews>, rulesFlagged: boolean, language: AdminLanguage) {
  const assessment = model.assess(text, views)
  const explained = explainedClass(assessment)
  const words = explained === null ? [] : model.explain(text, explained, 3, views)
  return {
    model: { scores: assessment.scores, raised: assessment.raised, risk: assessment.risk, words },
    modelDecision: !rulesFlagged && assessment.raised.length > 0 ? 'flag' : null,
    modelExplanation: explainTriage(model, assessment, words, language),
  }
}

async function decide(engine: ModerationEngine, model: TriageModel | undefined, input: string, language: AdminLanguage): Promise<number> {
  const stream = input === '-' ? process.stdin : fs.createReadStream(input, { encoding: 'utf8' })
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity })
  let lineNumber = 0
  let errors = 0
  for await (const line of lines) {
    lineNumber += 1
    if (line.trim() === '') continue
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch {
      record = undefined
    }
    if (!record || typeof record !== 'object' || Array.isArray(record) || typeof (record as { text?: unknown }).text !== 'string') {
      errors += 1
      process.stdout.write(JSON.stringify({ line: lineNumber, error: 'expected a JSON object with a string "text" field' }) + '\n')
      continue
    }
    const fields = record as { text: string; platform?: unknown; itemFormat?: unknown }
    const views = normalizeViews(fields.text)
    const decision = engine.moderate(
      {
        text: fields.text,
        ...(typeof fields.platform === 'string' ? { platform: fields.platform } : {}),
        ...(typeof fields.itemFormat === 'string' ? { itemFormat: fields.itemFormat } : {}),
      },
      views,
    )
    const output = {
      ...fields,
      flagged: decision.flagged,
      action: decision.action,
      category: decision.category,
      severity: decision.severity,
      rules: decision.rules.map((rule) => rule.id),
      spans: decision.spans,
      explanation: explainDecision(decision, language),
      ...(model === undefined ? {} : modelView(model, fields.text, views, decision.flagged, language)),
    }
    if (!process.stdout.write(JSON.stringify(output) + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve))
  }
  return errors
}

try {
  const { rules, model: modelFile, language, input } = parseArguments(process.argv.slice(2))
  if (input !== '-' && !fs.existsSync(input)) throw new Error(`no such file: ${input}`)
  const model = modelFile === undefined ? undefined : loadModel(modelFile)
  const errors =
    rules === 'db'
      ? await withPayload(
          async (payload) => decide(await activeEngine(payload), model, input, language),
          (line) => console.error(line),
        )
      : await decide(compileEngine(defaultRules), model, input, language)
  exitAfterFlush(errors > 0 ? 1 : 0)
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`)
  exitAfterFlush(2)
}
