/**
 * `npm run moderate -- [--rules default|db] [--language fr|ar|en] [file.jsonl|-]`
 * Reads one JSON object per line with a `text` field (other fields are passed through) and writes
 * one decision per line: flagged, action, category, rules, spans (UTF-16 offsets in `text`).
 * `--rules default` (the default) uses the shipped rule set; `--rules db` the active rules in the
 * database. A line that is not a JSON object with a string `text` gets an `error` line instead,
 * and the exit code is 1. `--language` chooses the language of the explanations (French by default).
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { parseArgs } from 'node:util'

import { defaultRules } from '../plugins/campaign-ops/moderation/default-rules'
import { compileEngine } from '../plugins/campaign-ops/moderation/engine'
import { activeEngine } from '../plugins/campaign-ops/moderation/engine-cache'
import { explainDecision } from '../plugins/campaign-ops/moderation/explain-decision'
import type { ModerationEngine } from '../plugins/campaign-ops/moderation/types'
import { isAdminLanguage, type AdminLanguage } from '../src/i18n/catalogue'
import { markScriptFinished } from './lib/load-app-config'
import { withPayload } from './lib/with-payload'

const usage = 'usage: npm run moderate -- [--rules default|db] [--language fr|ar|en] [file.jsonl|-]'

function parseArguments(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { rules: { type: 'string', default: 'default' }, language: { type: 'string', default: 'fr' }, help: { type: 'boolean', short: 'h' } },
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
  return { rules: values.rules, language: values.language, input: positionals[0] ?? '-' }
}

/** Exits with `code` once everything written to stdout has left (tsx does not keep process.exitCode). */
function exitAfterFlush(code: number): void {
  markScriptFinished()
  process.stdout.write('', () => process.exit(code))
}

async function decide(engine: ModerationEngine, input: string, language: AdminLanguage): Promise<number> {
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
    const decision = engine.moderate({
      text: fields.text,
      ...(typeof fields.platform === 'string' ? { platform: fields.platform } : {}),
      ...(typeof fields.itemFormat === 'string' ? { itemFormat: fields.itemFormat } : {}),
    })
    const output = {
      ...fields,
      flagged: decision.flagged,
      action: decision.action,
      category: decision.category,
      severity: decision.severity,
      rules: decision.rules.map((rule) => rule.id),
      spans: decision.spans,
      explanation: explainDecision(decision, language),
    }
    if (!process.stdout.write(JSON.stringify(output) + '\n')) await new Promise((resolve) => process.stdout.once('drain', resolve))
  }
  return errors
}

try {
  const { rules, language, input } = parseArguments(process.argv.slice(2))
  if (input !== '-' && !fs.existsSync(input)) throw new Error(`no such file: ${input}`)
  const errors =
    rules === 'db'
      ? await withPayload(
          async (payload) => decide(await activeEngine(payload), input, language),
          (line) => console.error(line),
        )
      : await decide(compileEngine(defaultRules), input, language)
  exitAfterFlush(errors > 0 ? 1 : 0)
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`)
  exitAfterFlush(2)
}
