import fc from 'fast-check'

import { defaultRules } from '../../plugins/campaign-ops/moderation/default-rules/index'
import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'
import type { Decision } from '../../plugins/campaign-ops/moderation/types'
import { explainDecision } from '../../plugins/campaign-ops/moderation/explain-decision'

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

describe('robustness', () => {
  it('moderates 1 MB of mixed-script text in about 2 seconds', () => {
    const unit = "Ce n'est pas juste, wach had l9anoun mzyan? القانون ديال العقوبات البديلة ya 7maaar p u t e 06 12 34 56 78 ! "
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000)
    const started = performance.now()
    const decision = engine.moderate({ text })
    const elapsed = performance.now() - started
    console.log(`1 MB comment moderated in ${Math.round(elapsed)} ms`)
    checkDecision(text, decision)
    expect(decision.action).toBe('hide')
    expect(elapsed).toBeLessThan(3000)
  })

  it('moderates 10,000 random Unicode strings without throwing, within bounds and time', () => {
    let slowest = 0
    const started = performance.now()
    fc.assert(
      fc.property(comment, (text) => {
        const before = performance.now()
        const decision = engine.moderate({ text })
        slowest = Math.max(slowest, performance.now() - before)
        checkDecision(text, decision)
      }),
      { numRuns: 10_000, seed: 43_22 },
    )
    const total = performance.now() - started
    console.log(`Fuzz: 10,000 comments in ${Math.round(total)} ms, slowest ${slowest.toFixed(1)} ms`)
    expect(slowest).toBeLessThan(1000)
  })

  it('moderates 1 MB of a single repeated letter and of invisible characters quickly', () => {
    for (const text of ['a'.repeat(1_000_000), '\u200b'.repeat(1_000_000), 'ك'.repeat(1_000_000)]) {
      const started = performance.now()
      checkDecision(text, engine.moderate({ text }))
      expect(performance.now() - started).toBeLessThan(3000)
    }
  })
})
