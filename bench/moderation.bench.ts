/**
 * Moderation throughput: 5,000 terms, 100,000 mixed fr/ar/ary comments.
 * Compared in the same run with
 *  - obscenity (RegExpMatcher with its recommended English transformers) given the same terms;
 *  - a bare Aho–Corasick scan (modern-ahocorasick) of text normalized beforehand, i.e. the floor
 *    any automaton-based matcher pays, without normalization, word boundaries or rule logic.
 * Goals: ≥ 10× obscenity, ≥ 0.5× the bare scan.
 * Then the triage model trained on 50,000 labelled comments: training time (5-fold
 * cross-validation included) against one pass of the rule engine over the same comments, scoring
 * rate and p99 against the rule engine (goal ≥ 20,000 comments/s on one core), and the model's
 * memory and file size.
 */
import AhoCorasick from 'modern-ahocorasick'
import { englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from 'obscenity'

import { defaultRules } from '../plugins/campaign-ops/moderation/default-rules'
import { compileEngine } from '../plugins/campaign-ops/moderation/engine'
import { normalizeTerm, normalizeViews } from '../plugins/campaign-ops/moderation/normalize'
import type { Language, RuleDefinition, RuleTerm, Script } from '../plugins/campaign-ops/moderation/types'
import { serializeModel } from '../plugins/campaign-ops/moderation/triage/model-file'
import { trainTriageModel, type LabelledComment } from '../plugins/campaign-ops/moderation/triage/train-triage-model'
import { prng } from './lib/prng'

const termCount = 5000
const commentCount = Number(process.env.BENCH_COMMENTS ?? 100_000)

const random = prng(43_22)
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!

const latinLetters = 'abcdefghijklmnoprstuvwyz'
const arabicLetters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'
const syntheticWord = (alphabet: string, min: number, max: number) =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(alphabet.split(''))).join('')

function buildTerms(): RuleTerm[] {
  const shipped = defaultRules.flatMap((rule) => rule.terms).filter((term) => !term.text.endsWith('*'))
  const terms: RuleTerm[] = [...shipped]
  const seen = new Set(terms.map((term) => term.text))
  while (terms.length < termCount) {
    const script: Script = random() < 0.5 ? 'latin' : 'arabic'
    const language: Language = script === 'arabic' ? pick(['ar', 'ary'] as const) : pick(['fr', 'ary'] as const)
    const text = syntheticWord(script === 'latin' ? latinLetters : arabicLetters, 5, 9)
    if (seen.has(text)) continue
    seen.add(text)
    terms.push({ text, language, script })
  }
  return terms.slice(0, termCount)
}

const frenchWords =
  'la loi peine prison juge victime travail amende bracelet justice tribunal société réinsertion pourquoi comment merci bravo honte vraiment encore toujours jamais'.split(
    ' ',
  )
const arabicWords = 'القانون العقوبة السجن القاضي الضحية العمل الغرامة السوار العدالة المحكمة المجتمع الإدماج لماذا كيف شكرا'.split(' ')
const darijaArabicWords = 'هادشي مزيان بزاف واش علاش غادي خاص الناس الحبس ديال بلا حتى'.split(' ')
const darijaLatinWords = 'hadchi mzyan bzaf wach 3lach ghadi khass nass l7bs dyal bla 7ta'.split(' ')

function buildComments(terms: RuleTerm[]): string[] {
  const pools = [frenchWords, arabicWords, darijaArabicWords, darijaLatinWords]
  return Array.from({ length: commentCount }, () => {
    const pool = pick(pools)
    const words = Array.from({ length: 6 + Math.floor(random() * 30) }, () => pick(pool))
    if (random() < 0.08) words.splice(Math.floor(random() * words.length), 0, pick(terms).text)
    return words.join(' ')
  })
}

function time(label: string, work: () => void) {
  const started = performance.now()
  work()
  const seconds = (performance.now() - started) / 1000
  return { label, seconds, perSecond: commentCount / seconds }
}

export async function run(): Promise<void> {
  const terms = buildTerms()
  const comments = buildComments(terms)
  console.log(`${terms.length} terms, ${comments.length} comments (fr, ar, Darija in both scripts), Node ${process.version}`)

  // Badil: 100 rules of 50 terms each, compiled into one automaton per view.
  const rules: RuleDefinition[] = Array.from({ length: terms.length / 50 }, (_, index) => ({
    id: `bench-${index}`,
    name: `bench ${index}`,
    category: 'hate',
    action: 'flag',
    priority: index,
    severity: 'medium',
    terms: terms.slice(index * 50, index * 50 + 50),
    patterns: [],
    exceptions: [],
    samples: { shouldMatch: [], shouldNotMatch: [] },
  }))
  const compileStarted = performance.now()
  const engine = compileEngine(rules)
  console.log(`Badil engine compiled in ${(performance.now() - compileStarted).toFixed(0)} ms`)

  const obscenity = new RegExpMatcher({
    blacklistedTerms: terms.map((term, id) => ({ id, pattern: parseRawPattern(term.text.replace(/[[\]|?()\\]/g, ' ')) })),
    ...englishRecommendedTransformers,
  })
  const normalizedTerms = [...new Set(terms.map((term) => normalizeTerm(term.text)).filter(Boolean))]
  const bare = new AhoCorasick(normalizedTerms)
  const preNormalized = comments.map((comment) => normalizeViews(comment).base.text)

  // Warm-up, so every contender is measured with optimized code.
  for (const comment of comments.slice(0, 2000)) {
    engine.moderate({ text: comment })
    obscenity.hasMatch(comment)
  }
  for (const text of preNormalized.slice(0, 2000)) bare.search(text)

  let flagged = 0
  const latencies = new Float64Array(comments.length)
  const badil = time('Badil moderate()', () => {
    for (let index = 0; index < comments.length; index += 1) {
      const started = performance.now()
      if (engine.moderate({ text: comments[index]! }).flagged) flagged += 1
      latencies[index] = performance.now() - started
    }
  })
  let obscenityHits = 0
  const obscenityResult = time('obscenity getAllMatches()', () => {
    for (const comment of comments) if (obscenity.getAllMatches(comment).length) obscenityHits += 1
  })
  let bareHits = 0
  const bareResult = time('bare automaton scan (pre-normalized)', () => {
    for (const text of preNormalized) if (bare.search(text).length) bareHits += 1
  })

  latencies.sort()
  const p99 = latencies[Math.floor(latencies.length * 0.99)]!
  const p50 = latencies[Math.floor(latencies.length * 0.5)]!
  for (const result of [badil, obscenityResult, bareResult]) {
    console.log(`${result.label.padEnd(40)} ${result.perSecond.toFixed(0).padStart(10)} comments/s  (${result.seconds.toFixed(2)} s)`)
  }
  console.log(`hits: Badil ${flagged}, obscenity ${obscenityHits}, bare scan ${bareHits} (substring hits, no word boundaries)`)
  console.log(`Badil per comment: p50 ${(p50 * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs`)
  console.log(`ratio Badil / obscenity: ${(badil.perSecond / obscenityResult.perSecond).toFixed(1)}×  (goal ≥ 10×)`)
  console.log(`ratio Badil / bare scan: ${(badil.perSecond / bareResult.perSecond).toFixed(2)}×  (goal ≥ 0.5×)`)

  // One 1 MB comment (a paste, a spam wall): the figure the robustness test used to time.
  const unit = "Ce n'est pas juste, wach had l9anoun mzyan? القانون ديال العقوبات البديلة ya 7maaar p u t e 06 12 34 56 78 ! "
  const megabyte = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000)
  const megabyteNormalized = normalizeViews(megabyte).base.text
  const badilMegabyte = time('Badil moderate(), 1 MB comment', () => engine.moderate({ text: megabyte }))
  const bareMegabyte = time('bare scan, 1 MB pre-normalized', () => bare.search(megabyteNormalized))
  console.log(
    `1 MB comment: Badil ${(badilMegabyte.seconds * 1000).toFixed(0)} ms, bare scan ${(bareMegabyte.seconds * 1000).toFixed(0)} ms, ratio ${(bareMegabyte.seconds / badilMegabyte.seconds).toFixed(2)}×`,
  )

  await benchTriageModel(compileEngine(defaultRules))
}

const trainingCount = Number(process.env.BENCH_TRAINING_COMMENTS ?? 50_000)

/**
 * Comments labelled the way a moderator would: an inserted insult is hostile, a myth phrase is
 * misinformation, the rest (drawn from the same word pools, with no lexicon term) is ok.
 */
function labelledComments(): LabelledComment[] {
  const insults = defaultRules
    .filter((rule) => rule.category === 'hate' || rule.category === 'harassment')
    .flatMap((rule) => rule.terms.map((term) => term.text.replace(/\*$/, '')))
  const myths = defaultRules.filter((rule) => rule.category === 'misinformation').flatMap((rule) => rule.terms.map((term) => term.text))
  const pools = [frenchWords, arabicWords, darijaArabicWords, darijaLatinWords]
  return Array.from({ length: trainingCount }, (_, index) => {
    const pool = pick(pools)
    const comment = Array.from({ length: 6 + Math.floor(random() * 30) }, () => pick(pool)).join(' ')
    if (index % 10 === 0) return { text: `${comment} ${pick(insults)}`, label: 'hostile' }
    if (index % 10 === 1) return { text: `${pick(myths)} ${comment}`, label: 'misinformation' }
    return { text: comment, label: 'ok' }
  })
}

async function benchTriageModel(engine: ReturnType<typeof compileEngine>): Promise<void> {
  const examples = labelledComments()
  const rulesPass = time('rule engine, one pass over the training comments', () => {
    for (const example of examples) engine.moderate({ text: example.text })
  })
  const rssBefore = process.memoryUsage().rss
  const trainingStarted = performance.now()
  const { model, reports } = trainTriageModel(examples)
  const trainingSeconds = (performance.now() - trainingStarted) / 1000
  const rssAfterTraining = process.memoryUsage().rss
  for (const report of reports) {
    if (report.status === 'trained' && report.crossValidation) {
      console.log(
        `triage ${report.name}: cross-validated precision ${report.crossValidation.precision.toFixed(3)}, recall ${report.crossValidation.recall.toFixed(3)} (synthetic labels: a sanity check, not a quality figure)`,
      )
    }
  }
  const fileBytes = Buffer.byteLength(serializeModel(model))
  // What a loaded model holds: one float32 weight per bucket and class (the rest is a few numbers).
  const weightBytes = model.classes.reduce((sum, name) => sum + model.data.classes[name]!.classifier.weights.byteLength, 0)
  console.log(
    `triage training on ${examples.length} comments: ${trainingSeconds.toFixed(1)} s, ${(trainingSeconds / rulesPass.seconds).toFixed(1)}× one rule-engine pass (${rulesPass.seconds.toFixed(2)} s); RSS +${((rssAfterTraining - rssBefore) / 1e6).toFixed(0)} MB while training`,
  )
  console.log(
    `triage model: ${(weightBytes / 1e6).toFixed(1)} MB of weights in memory (${model.classes.length} classes), file ${(fileBytes / 1e6).toFixed(2)} MB`,
  )

  const texts = examples.map((example) => example.text)
  for (const text of texts.slice(0, 2000)) model.assess(text)
  const latencies = new Float64Array(texts.length)
  let raised = 0
  const scoring = time('triage model assess()', () => {
    for (let index = 0; index < texts.length; index++) {
      const started = performance.now()
      if (model.assess(texts[index]!).raised.length > 0) raised++
      latencies[index] = performance.now() - started
    }
  })
  const rulesScoring = time('rule engine moderate()', () => {
    for (const text of texts) engine.moderate({ text })
  })
  latencies.sort()
  const perSecond = texts.length / scoring.seconds
  const rulesPerSecond = texts.length / rulesScoring.seconds
  console.log(
    `triage scoring: ${perSecond.toFixed(0)} comments/s (goal ≥ 20,000), ${(perSecond / rulesPerSecond).toFixed(2)}× the rule engine (${rulesPerSecond.toFixed(0)}/s); p50 ${(latencies[Math.floor(latencies.length * 0.5)]! * 1000).toFixed(1)} µs, p99 ${(latencies[Math.floor(latencies.length * 0.99)]! * 1000).toFixed(1)} µs; raised ${raised}`,
  )
}
