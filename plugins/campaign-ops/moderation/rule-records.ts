import type { ModerationRule } from '../../../payload-types'
import type { Language, PatternView, RuleDefinition, Script } from './types'

/**
 * A `moderation-rules` document as stored (depth 0 or 1), or a rule not saved yet (the tester's
 * draft, the data a save merges) under a provisional id.
 */
export type RuleDocument = Omit<Partial<ModerationRule>, 'id'> & { id: ModerationRule['id'] | string }

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
    terms: (doc.terms ?? []).map((term) => ({
      text: term.text ?? '',
      language: (term.language ?? 'fr') as Language,
      script: (term.script ?? 'latin') as Script,
      ...(term.note ? { note: term.note } : {}),
    })),
    patterns: (doc.patterns ?? []).map((pattern) => ({
      source: pattern.source ?? '',
      view: (pattern.view ?? 'base') as PatternView,
      ...(pattern.note ? { note: pattern.note } : {}),
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
