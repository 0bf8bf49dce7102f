import type { ModerationRule } from '../../../payload-types'
import { defaultContentLocale } from '../../../src/domain/languages'
import { adminLanguages } from '../../../src/i18n/catalogue'
import type { Language, PatternView, RuleDefinition, RuleNames, RuleTerm, Script } from './types'

/** The localized name read with `locale: 'all'`: one entry per content locale that has one. */
type NameByLocale = Partial<Record<string, string | null>>

/** A term row as stored: rule terms and both groups of a proximity condition. A draft may lack any field. */
type StoredTerm = { text?: string | null; language?: string | null; script?: string | null; note?: string | null }

/** A proximity condition as stored, or as a draft being edited has it (the distance not filled in yet). */
type StoredProximity = { id?: string | null; anyOf?: StoredTerm[] | null; nearAnyOf?: StoredTerm[] | null; within?: number | null; note?: string | null }

/**
 * A `moderation-rules` document as stored (depth 0 or 1), read in one locale or with
 * `locale: 'all'`, or a rule not saved yet (the tester's draft, the data a save merges) under a
 * provisional id.
 */
export type RuleDocument = Omit<Partial<ModerationRule>, 'id' | 'name' | 'proximity'> & {
  id: ModerationRule['id'] | string
  name?: string | NameByLocale | null
  proximity?: StoredProximity[] | null
}

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

/**
 * A stored name as the engine reads it. Read in one locale it is just `name`. Read with
 * `locale: 'all'`, the content locales that are admin languages give `names` (fr, ar; en if a
 * content locale ever has that code), and `name` is the default locale's — or, for a rule first
 * written in another locale, any name it has.
 */
function namesFromStored(stored: RuleDocument['name']): { name: string; names?: RuleNames } {
  if (stored === null || stored === undefined) return { name: '' }
  if (typeof stored === 'string') return { name: stored }
  const texts = Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''))
  const names: RuleNames = {}
  for (const language of adminLanguages) if (texts[language] !== undefined) names[language] = texts[language]
  return { name: texts[defaultContentLocale] ?? Object.values(texts)[0] ?? '', names }
}

/** The engine's view of a stored rule: the document's fields, with Payload's nulls dropped. */
export function ruleFromDocument(doc: RuleDocument): RuleDefinition {
  const conditions = doc.conditions ?? {}
  const myth = doc.myth
  return {
    id: `db:${doc.id}`,
    ...namesFromStored(doc.name),
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
