import { readFileSync } from 'node:fs'

import { defaultRules } from '../../plugins/campaign-ops/moderation/default-rules/index'
import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'
import type { Decision } from '../../plugins/campaign-ops/moderation/types'
import { explainDecision } from '../../plugins/campaign-ops/moderation/explain-decision'

type FixtureLine = { text: string; lang: string; category?: string }

function readFixture(name: string): FixtureLine[] {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureLine)
}

const engine = compileEngine(defaultRules)
const legit = readFixture('legit-comments.jsonl')
const abusive = readFixture('abusive-comments.jsonl')
const judge = (lines: FixtureLine[]) => lines.map((line) => ({ line, decision: engine.moderate({ text: line.text }) }))
const legitResults = judge(legit)
const abusiveResults = judge(abusive)

const removes = (decision: Decision) => decision.action === 'hide' || decision.action === 'escalate'
const catches = (decision: Decision) => removes(decision) || decision.action === 'flag'

describe('default rules on comments written for this purpose', () => {
  it('has enough comments of each kind', () => {
    expect(legit.length).toBeGreaterThanOrEqual(150)
    expect(abusive.length).toBeGreaterThanOrEqual(100)
  })

  it('hides no legitimate comment', () => {
    const hidden = legitResults
      .filter(({ decision }) => decision.action === 'hide')
      .map(({ line, decision }) => `${line.text} → ${explainDecision(decision, 'en')}`)
    expect(hidden).toEqual([])
  })

  it('catches the abusive comments (recall at least 0.85), and reports precision and recall', () => {
    const caught = abusiveResults.filter(({ decision }) => catches(decision))
    const removed = abusiveResults.filter(({ decision }) => removes(decision))
    const rightCategory = caught.filter(({ line, decision }) => decision.category === line.category)
    const legitFlagged = legitResults.filter(({ decision }) => catches(decision))
    const legitRemoved = legitResults.filter(({ decision }) => removes(decision))
    const missed = abusiveResults.filter(({ decision }) => !catches(decision)).map(({ line }) => line.text)

    const recall = caught.length / abusive.length
    const removalRecall = removed.length / abusive.length
    const removalPrecision = removed.length / (removed.length + legitRemoved.length)
    const catchPrecision = caught.length / (caught.length + legitFlagged.length)
    console.log(
      [
        `Precision/recall on ${legit.length} legitimate and ${abusive.length} abusive comments:`,
        `  recall (hide, escalate or flag): ${recall.toFixed(3)} (${caught.length}/${abusive.length}), right category ${rightCategory.length}/${caught.length}`,
        `  recall of removal (hide or escalate): ${removalRecall.toFixed(3)} (${removed.length}/${abusive.length})`,
        `  precision of removal: ${removalPrecision.toFixed(3)} (legitimate hidden or escalated: ${legitRemoved.length})`,
        `  precision of any action: ${catchPrecision.toFixed(3)} (legitimate flagged for review: ${legitFlagged.length})`,
        `  missed: ${JSON.stringify(missed)}`,
      ].join('\n'),
    )
    expect(recall).toBeGreaterThanOrEqual(0.85)
    expect(legitRemoved).toHaveLength(0)
  })
})
