/**
 * Labelled comments as JSON Lines: `{"text": "...", "label": "hostile" | "misinformation" | "ok"}`
 * per line (other fields ignored). Every bad line is reported with its number and reason; blank
 * lines are skipped.
 */

import { triageLabels, type TriageLabel } from './triage-model'
import type { LabelledComment } from './train-triage-model'

export type LineProblem = { line: number; reason: string }

const isLabel = (value: unknown): value is TriageLabel => triageLabels.includes(value as TriageLabel)

export function parseLabelledLine(line: string, lineNumber: number): LabelledComment | LineProblem {
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch {
    return { line: lineNumber, reason: 'not valid JSON' }
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { line: lineNumber, reason: 'expected a JSON object' }
  const { text, label } = record as { text?: unknown; label?: unknown }
  if (typeof text !== 'string' || text.trim() === '') return { line: lineNumber, reason: '"text" must be a non-empty string' }
  if (!isLabel(label)) return { line: lineNumber, reason: `"label" must be one of ${triageLabels.join(', ')}` }
  return { text, label }
}

export function parseLabelledLines(content: string): { examples: LabelledComment[]; problems: LineProblem[] } {
  const examples: LabelledComment[] = []
  const problems: LineProblem[] = []
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    const parsed = parseLabelledLine(line, index + 1)
    if ('reason' in parsed) problems.push(parsed)
    else examples.push(parsed)
  })
  return { examples, problems }
}
