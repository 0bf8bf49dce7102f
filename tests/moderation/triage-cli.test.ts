import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { parse } from 'csv-parse/sync'

import { runScript } from '../helpers/run-script'

// The shared data sets sit beside the checkout; SHARED_DATA_DIR points elsewhere (a clone in /tmp).
const mlmaFile = path.resolve(process.env.SHARED_DATA_DIR ?? '../shared/data', 'mlma-ar/ar_dataset.csv')
const hasMlma = fs.existsSync(mlmaFile)
if (!hasMlma) console.warn(`MLMA Arabic set not found at ${mlmaFile} (set SHARED_DATA_DIR): the model's figures on it are not checked`)

const script = (file: string, args: string[], input?: string) => runScript(file, args, { input, timeoutMs: 120_000 })

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-triage-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/**
 * The MLMA set's labels as the dataset's README maps them: only "normal" is ok; offensive, abusive
 * or hateful without "normal" is hostile; the rest is ambiguous and left out. One tweet in five
 * (by its id) is held out for the test split.
 */
function writeMlmaSplits(): { train: string; test: string } {
  const rows = parse(fs.readFileSync(mlmaFile), { columns: true }) as Array<{ HITId: string; tweet: string; sentiment: string }>
  const splits = { train: [] as string[], test: [] as string[] }
  for (const row of rows) {
    const labels = row.sentiment.split('_')
    const label =
      labels.length === 1 && labels[0] === 'normal'
        ? 'ok'
        : !labels.includes('normal') && labels.some((name) => ['offensive', 'abusive', 'hateful'].includes(name))
          ? 'hostile'
          : null
    if (label !== null) splits[Number(row.HITId) % 5 === 0 ? 'test' : 'train'].push(JSON.stringify({ text: row.tweet, label }))
  }
  const train = path.join(dir, 'mlma-train.jsonl')
  const test = path.join(dir, 'mlma-test.jsonl')
  fs.writeFileSync(train, splits.train.join('\n') + '\n')
  fs.writeFileSync(test, splits.test.join('\n') + '\n')
  return { train, test }
}

const figure = (stdout: string, pattern: RegExp) => {
  const match = stdout.match(pattern)
  if (!match) throw new Error(`no figure matching ${pattern} in:\n${stdout}`)
  return { precision: Number(match[1]) / 100, recall: Number(match[2]) / 100 }
}

;(hasMlma ? describe : describe.skip)('triage model on the MLMA Arabic set', () => {
  const model = path.join(dir, 'mlma-model.json')
  let stdout = ''

  beforeAll(async () => {
    const { train, test } = writeMlmaSplits()
    const result = await script('scripts/train-moderation-model.ts', [train, '--out', model, '--evaluate', test])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    stdout = result.stdout
  })

  it('keeps the target precision in cross-validation, with the recall it reports', () => {
    expect(stdout).toContain('trained on 2316 comments')
    const crossValidated = figure(stdout, /hostile:[^\n]*\n\s+cross-validated at the chosen threshold: precision ([\d.]+) %, recall ([\d.]+) %/)
    expect(crossValidated.precision).toBeGreaterThanOrEqual(0.85)
    expect(crossValidated.recall).toBeGreaterThanOrEqual(0.7)
    expect(stdout).toContain('misinformation: not learned, too few examples (0 of this class')
  })

  it('holds on the test split it never saw', () => {
    const heldOut = figure(stdout, /held out[^\n]*\n\s+hostile: precision ([\d.]+) %, recall ([\d.]+) %/)
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.82)
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.6)
  })

  it('adds its view to npm run moderate, raising only what the rules left alone', async () => {
    const input = [
      JSON.stringify({ id: 'hostile', text: 'الله ياخذكم يا كلاب يا خنازير يا وسخين' }),
      JSON.stringify({ id: 'calm', text: 'شكرا على هذه المعلومات المفيدة، بالتوفيق' }),
      JSON.stringify({ id: 'rules', text: 'ya 7maaar sir t9awd' }),
    ].join('\n')
    const { code, stdout: output } = await script('scripts/moderate.ts', ['--model', model, '--language', 'ar', '-'], input)
    expect(code).toBe(0)
    const [hostile, calm, rules] = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(hostile.model.raised).toEqual(['hostile'])
    expect(hostile.model.words.length).toBeGreaterThan(0)
    expect(hostile.modelExplanation).toContain('يرى فيه نموذج المساعدة على الفرز كلاما عدائيا')
    expect(calm.model.raised).toEqual([])
    expect(calm.modelDecision).toBeNull()
    expect(calm.model.risk).toBeLessThan(hostile.model.risk)
    // The rules decided (hide): the model adds its scores but no decision of its own.
    expect(rules).toMatchObject({ flagged: true, action: 'hide', modelDecision: null })
  })
})

describe('npm run moderation-model:train and moderate --model refuse bad input', () => {
  it('lists bad lines and trains nothing', async () => {
    const file = path.join(dir, 'bad.jsonl')
    fs.writeFileSync(file, ['{"text":"ya 7mar","label":"hostile"}', '{"text":"merci","label":"fine"}', 'oops'].join('\n'))
    const out = path.join(dir, 'never.json')
    const { code, stderr } = await script('scripts/train-moderation-model.ts', [file, '--out', out])
    expect(code).toBe(1)
    expect(stderr).toContain(`✖ ${file}:2: "label" must be one of hostile, misinformation, ok`)
    expect(stderr).toContain(`✖ ${file}:3: not valid JSON`)
    expect(stderr).toContain('2 bad line(s)')
    expect(fs.existsSync(out)).toBe(false)
  })

  it('refuses a bad option with the usage', async () => {
    const { code, stderr } = await script('scripts/train-moderation-model.ts', ['x.jsonl', '--target-precision', '2'])
    expect(code).toBe(2)
    expect(stderr).toContain('--target-precision: "2" is not valid')
    expect(stderr).toContain('usage: npm run moderation-model:train')
  })

  it('refuses a model file of another version before reading any comment', async () => {
    const model = path.join(dir, 'other-version.json')
    fs.writeFileSync(model, JSON.stringify({ format: 'badil-moderation-model', version: 99 }))
    const { code, stderr, stdout } = await script('scripts/moderate.ts', ['--model', model, '-'], '{"text":"x"}\n')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(`✖ ${model}: the model is of version 99, this Badil reads version 1: train it again with this version`)
  })
})
