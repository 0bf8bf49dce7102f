/**
 * The shipped rules on comments written apart from them (tests/moderation/fixtures/
 * triage-comments.jsonl: 240 comments in French, Arabic and Darija in both scripts, a third each
 * hostile, misconceptions mostly in paraphrase, and ok — civil questions and corrections of the
 * myths). A floor on what they catch and a ceiling on what they get wrong, so that a change of
 * the lexicon or of the proximity conditions that loses ground shows.
 */
import fs from 'node:fs'
import path from 'node:path'

import { defaultRules } from '../../plugins/campaign-ops/moderation/default-rules/index'
import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'

type Line = { text: string; label: 'hostile' | 'misinformation' | 'ok'; language: string }

const lines = fs
  .readFileSync(path.resolve('tests/moderation/fixtures/triage-comments.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Line)
const engine = compileEngine(defaultRules)
const decided = lines.map((line) => ({ ...line, decision: engine.moderate({ text: line.text }) }))
const share = (label: Line['label'], caught: (entry: (typeof decided)[number]) => boolean) => {
  const of = decided.filter((entry) => entry.label === label)
  return of.filter(caught).length / of.length
}

describe('shipped rules on comments written apart from them', () => {
  it('has 80 comments of each kind', () => {
    expect(lines.filter((line) => line.label === 'ok')).toHaveLength(80)
    expect(lines.filter((line) => line.label === 'hostile')).toHaveLength(80)
    expect(lines.filter((line) => line.label === 'misinformation')).toHaveLength(80)
  })

  it('hides no ok comment and answers at most one as a misconception', () => {
    const ok = decided.filter((entry) => entry.label === 'ok')
    expect(ok.filter((entry) => entry.decision.action === 'hide' || entry.decision.action === 'escalate').map((entry) => entry.text)).toEqual([])
    expect(ok.filter((entry) => entry.decision.category === 'misinformation').length).toBeLessThanOrEqual(1)
  })

  it('recognizes at least 45 % of the misconceptions, most of them in paraphrase', () => {
    expect(share('misinformation', (entry) => entry.decision.category === 'misinformation')).toBeGreaterThanOrEqual(0.45)
  })

  it('raises at least 35 % of the hostile comments (the learned triage model is there for the rest)', () => {
    expect(share('hostile', (entry) => entry.decision.flagged)).toBeGreaterThanOrEqual(0.35)
  })
})
