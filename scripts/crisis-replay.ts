/**
 * `npm run crisis:replay -- [--set name=value]… [--json] file.jsonl`
 * Replays a stream of timestamped comments through the crisis watch and prints when it would have
 * raised or escalated an alert, for NCSC to tune the thresholds before changing them in the
 * crisis watch settings. One JSON object per line:
 *   {"at": "2026-03-01T14:05:00Z", "network": "facebook", "author": "…", "text": "…"}
 * `text` is classified by the shipped moderation rules (category, misconceptions); a line may give
 * `category` and `myths` itself instead. `--set` changes a parameter (e.g. --set crisisSigma=3.5,
 * --set hostileCategories=hate,harassment); `--json` prints one JSON object per alert.
 * Exit code 0 when the stream was read, 1 when a line was refused (its error is printed), 2 on bad arguments.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { parseArgs } from 'node:util'

import { defaultRules } from '../plugins/campaign-ops/moderation/default-rules'
import { compileEngine } from '../plugins/campaign-ops/moderation/engine'
import { crisisParametersSchema, defaultCrisisParameters } from '../plugins/campaign-ops/reporting/crisis/crisis-parameters'
import type { CrisisParameters } from '../plugins/campaign-ops/reporting/crisis/crisis-parameters'
import type { CrisisComment } from '../plugins/campaign-ops/reporting/crisis/crisis-stream'
import { replayCrisisWatch } from '../plugins/campaign-ops/reporting/crisis/replay'
import { formatInCasablanca } from '../src/domain/casablanca-time'

/** Exits with `code` once stdout is written (tsx does not keep process.exitCode). */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code))
}

const usage = 'usage: npm run crisis:replay -- [--set name=value]… [--json] file.jsonl'

function parameterValue(name: keyof CrisisParameters, raw: string): unknown {
  if (name === 'hostileCategories')
    return raw
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean)
  const value = Number(raw)
  if (!Number.isFinite(value)) throw new Error(`--set ${name}: "${raw}" is not a number`)
  return value
}

function parseArguments(argv: string[]): { parameters: CrisisParameters; json: boolean; input: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { set: { type: 'string', multiple: true }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  if (positionals.length !== 1) throw new Error(`one input file\n${usage}`)
  const changed: Record<string, unknown> = { ...defaultCrisisParameters }
  for (const setting of values.set ?? []) {
    const [name, raw] = setting.split('=', 2)
    if (!name || raw === undefined || !(name in defaultCrisisParameters)) {
      throw new Error(`--set ${setting}: expected name=value, name one of ${Object.keys(defaultCrisisParameters).join(', ')}`)
    }
    changed[name] = parameterValue(name as keyof CrisisParameters, raw)
  }
  const parsed = crisisParametersSchema.safeParse(changed)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new Error(`--set ${issue.path.join('.')}: ${issue.message}`)
  }
  return { parameters: parsed.data, json: values.json === true, input: positionals[0]! }
}

async function readComments(input: string): Promise<{ comments: CrisisComment[]; errors: number }> {
  const engine = compileEngine(defaultRules)
  const mythOfRule = new Map(defaultRules.filter((rule) => rule.mythId).map((rule) => [rule.id, rule.mythId!]))
  const lines = readline.createInterface({ input: fs.createReadStream(input, { encoding: 'utf8' }), crlfDelay: Infinity })
  const comments: CrisisComment[] = []
  let errors = 0
  let number = 0
  for await (const line of lines) {
    number += 1
    if (!line.trim()) continue
    let record: Record<string, unknown>
    try {
      record = JSON.parse(line) as Record<string, unknown>
    } catch {
      record = {}
    }
    const at = typeof record.at === 'string' ? Date.parse(record.at) : Number.NaN
    const problem = Number.isNaN(at)
      ? '"at" must be a date and time (ISO 8601)'
      : typeof record.network !== 'string'
        ? '"network" must be a string'
        : typeof record.text !== 'string' && record.category === undefined
          ? 'give "text" (classified by the rules) or "category"'
          : null
    if (problem) {
      errors += 1
      console.error(`line ${number}: ${problem}`)
      continue
    }
    let category = typeof record.category === 'string' ? record.category : null
    let myths = Array.isArray(record.myths) ? record.myths.map(String) : []
    if (typeof record.text === 'string' && record.category === undefined) {
      const decision = engine.moderate({ text: record.text, platform: String(record.network) })
      category = decision.flagged ? decision.category : null
      myths = [...new Set(decision.rules.map((rule) => mythOfRule.get(rule.id)).filter((myth): myth is string => Boolean(myth)))]
    }
    comments.push({ at, network: String(record.network), author: typeof record.author === 'string' ? record.author : `line-${number}`, category, myths })
  }
  return { comments, errors }
}

try {
  const { parameters, json, input } = parseArguments(process.argv.slice(2))
  if (!fs.existsSync(input)) throw new Error(`no such file: ${input}`)
  const { comments, errors } = await readComments(input)
  const alerts = replayCrisisWatch(comments, parameters)
  for (const alert of alerts) {
    if (json) {
      console.log(
        JSON.stringify({
          ...alert,
          at: new Date(alert.at).toISOString(),
          windowStart: new Date(alert.windowStart).toISOString(),
          windowEnd: new Date(alert.windowEnd).toISOString(),
        }),
      )
      continue
    }
    const z = alert.z === null ? `p ${alert.probability.toExponential(1)}` : `z ${alert.z.toFixed(1)}`
    console.log(
      `${formatInCasablanca(new Date(alert.at), 'en')}  ${alert.decision === 'escalate' ? 'escalated to' : 'raised'} ${alert.level.toUpperCase()}  ${alert.series}: ` +
        `${alert.observed} comments in the ${alert.window === 'hour' ? 'last hour' : `last ${parameters.watchWindowHours} hours`}, ${alert.expected.toFixed(1)} expected, ${z}, ${alert.authors} authors`,
    )
  }
  if (!json) console.log(`${comments.length} comments, ${alerts.length} alerts (${alerts.filter((alert) => alert.level === 'crisis').length} crisis)`)
  exitAfterFlush(errors > 0 ? 1 : 0)
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`)
  exitAfterFlush(2)
}
