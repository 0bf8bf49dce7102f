import type { ModerationRule } from '../../../payload-types'
import type { Language, PatternView, RuleDefinition, RuleTerm, Script } from './types'

/**
 * A `moderation-rules` document as stored (depth 0 or 1), or a rule not saved yet (the tester's
 * draft, the data a save merges) under a provisional id.
 */
export type RuleDocument = Omit<Partial<ModerationRule>, 'id'> & { id: ModerationRule['id'] | string }

/** A term row as stored: rule terms and both groups of a proximity condition. A draft may lack any field. */
type StoredTerm = { text?: string | null; language?: string | null; script?: string | null; note?: string | null }

function termFromRow(term: StoredTerm): RuleTerm {
  return {
    text: term.text ?? '',
    language: (term.language ?? 'fr') as Language,
    script: (term.script ?? 'latin') as Script,
    ...(term.note ? { note: term.note } : {}),
  }
}

const truthy = (value: boolean | null | undefined) => (value ? true : undefined)
const numberOrUndefined = (value: number | null | undefined) => (typeof value === 'number' ? value : undefined)

/** The engine's view of a stored rule: the document's fields, with Payload's nulls dropped. */
export function ruleFromDocument(doc: RuleDocument): RuleDefinition {
  const conditions = doc.conditions ?? {}
  const myth = doc.myth
  return {
    id: `db:${doc.id}`,
    name: doc.name ?? '',
    category: (doc.category ?? '') as RuleDefinition['category'],
    action: (doc.action ?? '') as RuleDefinition['action'],
    priority: doc.priority ?? 0,
    severity: (doc.severity ?? 'medium') as RuleDefinition['severity'],
    terms: (doc.terms ?? []).map(termFromRow),
    patterns: (doc.patterns ?? []).map((pattern) => ({
      source: pattern.source ?? '',
      view: (pattern.view ?? 'base') as PatternView,
      ...(pattern.note ? { note: pattern.note } : {}),
    })),
    // A missing distance stays NaN so that validation names the field instead of guessing a value.
    proximity: (doc.proximity ?? []).map((condition) => ({
      anyOf: (condition.anyOf ?? []).map(termFromRow),
      nearAnyOf: (condition.nearAnyOf ?? []).map(termFromRow),
      within: condition.within ?? Number.NaN,
      ...(condition.note ? { note: condition.note } : {}),
    })),
    exceptions: (doc.exceptions ?? []).map((exception) => exception.text ?? '').filter(Boolean),
    conditions: {
      containsLink: truthy(conditions.containsLink),
      containsEmail: truthy(conditions.containsEmail),
      containsPhone: truthy(conditions.containsPhone),
      onlyMentions: truthy(conditions.onlyMentions),
      onlyEmoji: truthy(conditions.onlyEmoji),
      minWords: numberOrUndefined(conditions.minWords),
      maxWords: numberOrUndefined(conditions.maxWords),
      platforms: conditions.platforms?.length ? conditions.platforms : undefined,
      itemFormats: conditions.itemFormats?.length ? conditions.itemFormats : undefined,
    },
    mythId: myth == null ? undefined : typeof myth === 'object' ? (myth.key ?? String(myth.id)) : String(myth),
    samples: {
      shouldMatch: (doc.samples?.shouldMatch ?? []).map((sample) => sample.text ?? '').filter(Boolean),
      shouldNotMatch: (doc.samples?.shouldNotMatch ?? []).map((sample) => sample.text ?? '').filter(Boolean),
    },
  }
}

/** Maps the engine's field paths (`samples.shouldMatch.0`) to the document's (`samples.shouldMatch.0.text`). */
export function documentFieldPath(enginePath: string): string {
  if (/^samples\.should(Not)?Match\.\d+$/.test(enginePath)) return `${enginePath}.text`
  if (/^exceptions\.\d+$/.test(enginePath)) return `${enginePath}.text`
  return enginePath
}
