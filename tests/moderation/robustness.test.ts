import fc from 'fast-check'

import { defaultRules } from '../../plugins/campaign-ops/moderation/default-rules/index'
import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'
import type { Decision } from '../../plugins/campaign-ops/moderation/types'
import { explainDecision } from '../../plugins/campaign-ops/moderation/explain-decision'
import { cpuMilliseconds } from '../helpers/cpu-time'

const engine = compileEngine(defaultRules)

/** Pieces that exercise every path: lexicon words, evasion characters, scripts, numbers. */
const pieces = [
  'ya 7maaar',
  'كلب',
  'الكلب',
  'p u t e',
  'c0nn4rd',
  'рute',
  'wld l9a7ba',
  'nta',
  'dyal',
  'www.x.ma',
  '06 12 34 56 78',
  '@amine',
  '👍🏽',
  '\u202e',
  '\u200d',
  '\u0640',
  'ً',
  'ﷺ',
  '\ud800',
  '\udfff',
  'ab123456',
  'mort aux ',
  'le juge x est corrompu',
  "c'est l'impunité",
  '٣٦٠٠',
  ' ',
  '.',
  '-',
  '\n',
]

const fragment = fc.oneof(
  fc.constantFrom(...pieces),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 }).map((codes) => String.fromCharCode(...codes)),
)
const comment = fc.array(fragment, { maxLength: 24 }).map((parts) => parts.join(''))

const explanationLanguages = ['fr', 'ar', 'en'] as const
let checked = 0

function checkDecision(text: string, decision: Decision): void {
  for (const [start, end] of decision.spans) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeGreaterThanOrEqual(start)
    expect(end).toBeLessThanOrEqual(text.length)
  }
  for (const rule of decision.rules) {
    for (const match of rule.matches) expect(match.span[1]).toBeLessThanOrEqual(text.length)
  }
  // Each decision is put into words in one of the three languages, in turn.
  expect(explainDecision(decision, explanationLanguages[checked++ % explanationLanguages.length]!)).not.toBe('')
}

const mixedUnit = "Ce n'est pas juste, wach had l9anoun mzyan? القانون ديال العقوبات البديلة ya 7maaar p u t e 06 12 34 56 78 ! "
const mixedText = (length: number) => mixedUnit.repeat(Math.ceil(length / mixedUnit.length)).slice(0, length)

describe('robustness', () => {
  it('moderates 1 MB of mixed-script text in linear time', () => {
    // The same text at 100 KB and 1 MB, each the least of a few runs (what else the machine does
    // only adds): a linear engine costs about 10× more, a quadratic path 100×. No absolute bound:
    // how fast is the benchmark's business (npm run bench -- moderation).
    const least = (text: string, runs: number) => Math.min(...Array.from({ length: runs }, () => cpuMilliseconds(() => engine.moderate({ text }))))
    const tenth = least(mixedText(100_000), 3)
    const text = mixedText(1_000_000)
    const whole = least(text, 2)
    const decision = engine.moderate({ text })
    checkDecision(text, decision)
    expect(decision.action).toBe('hide')
    expect(whole).toBeLessThan(30 * Math.max(tenth, 10))
  })

  it('moderates 10,000 random Unicode strings without throwing, within bounds, none over 1 s of CPU', () => {
    let slowest = 0
    fc.assert(
      fc.property(comment, (text) => {
        let decision: Decision | undefined
        slowest = Math.max(
          slowest,
          cpuMilliseconds(() => {
            decision = engine.moderate({ text })
          }),
        )
        checkDecision(text, decision!)
      }),
      { numRuns: 10_000, seed: 43_22 },
    )
    expect(slowest).toBeLessThan(1000)
  })

  it('moderates 1 MB of a single repeated letter and of invisible characters under 3 s of CPU each', () => {
    for (const text of ['a'.repeat(1_000_000), '\u200b'.repeat(1_000_000), 'ك'.repeat(1_000_000)]) {
      let decision: Decision | undefined
      const used = cpuMilliseconds(() => {
        decision = engine.moderate({ text })
      })
      checkDecision(text, decision!)
      expect(used).toBeLessThan(3000)
    }
  })
})
