/**
 * Checks a moderation rule before it can be activated: its shape, its terms and patterns once
 * normalized, and its own sample comments, which it must classify correctly on its own.
 */

import { compileEngine, parseTermText, termKeywords } from './engine'
import { isArabicLetter, isAsciiDigit, isLatinLetter, normalizeTerm } from './normalize'
import { compileSafePattern } from './safe-pattern'
import { languages, moderationActions, moderationCategories, scripts, severities, type RuleDefinition, type RuleTerm } from './types'

export type RuleIssue = { field: string; reason: string }

export type RuleValidation = { ok: true; warnings: RuleIssue[] } | { ok: false; errors: RuleIssue[]; warnings: RuleIssue[] }

const MIN_PREFIX_LETTERS = 3

export function validateRule(rule: RuleDefinition): RuleValidation {
  const errors: RuleIssue[] = []
  const warnings: RuleIssue[] = []
  const error = (field: string, reason: string) => errors.push({ field, reason })
  const warn = (field: string, reason: string) => warnings.push({ field, reason })

  if (typeof rule.id !== 'string' || rule.id.trim() === '') error('id', 'The rule needs an id.')
  if (typeof rule.name !== 'string' || rule.name.trim() === '') error('name', 'The rule needs a name.')
  if (!moderationCategories.includes(rule.category)) {
    error('category', `Unknown category; use one of ${moderationCategories.join(', ')}.`)
  }
  if (!moderationActions.includes(rule.action)) {
    error('action', `Unknown action; use one of ${moderationActions.join(', ')}.`)
  }
  if (!severities.includes(rule.severity)) {
    error('severity', `Unknown severity; use one of ${severities.join(', ')}.`)
  }
  if (typeof rule.priority !== 'number' || !Number.isFinite(rule.priority)) {
    error('priority', 'The priority must be a finite number.')
  }

  const terms = Array.isArray(rule.terms) ? rule.terms : []
  const patterns = Array.isArray(rule.patterns) ? rule.patterns : []
  if (terms.length === 0 && patterns.length === 0) {
    error('terms', 'The rule needs at least one term or pattern.')
  }

  const seenTerms = new Map<string, number>()
  terms.forEach((term, index) => {
    const key = checkTerm(term, `terms.${index}`, error, warn)
    if (key === null) return
    const first = seenTerms.get(key)
    if (first === undefined) seenTerms.set(key, index)
    else warn(`terms.${index}.text`, `Same term as terms.${first} once normalized.`)
  })

  patterns.forEach((pattern, index) => {
    const compiled = compileSafePattern(pattern?.source)
    if (!compiled.ok) error(`patterns.${index}.source`, compiled.reason)
    if (pattern?.view !== undefined && pattern.view !== 'base' && pattern.view !== 'arabizi') {
      error(`patterns.${index}.view`, 'The view must be "base" or "arabizi".')
    }
  })

  const exceptions = Array.isArray(rule.exceptions) ? rule.exceptions : []
  exceptions.forEach((exception, index) => {
    if (typeof exception !== 'string' || normalizeTerm(parseTermText(exception).core) === '') {
      error(`exceptions.${index}`, 'The exception is empty once normalized.')
    }
  })

  checkConditions(rule, error)

  if (rule.category === 'misinformation') {
    if (rule.action === 'hide') {
      error('action', 'Misinformation is answered, not hidden: use suggest_reply or flag.')
    }
    if (rule.mythId === undefined || rule.mythId === '') {
      warn('mythId', 'A misinformation rule should point to the myth it answers.')
    }
  }
  if (rule.action === 'suggest_reply' && (rule.replyTemplateId === undefined || rule.replyTemplateId === '')) {
    warn('replyTemplateId', 'The rule suggests a reply but names no response template.')
  }

  const shouldMatch = Array.isArray(rule.samples?.shouldMatch) ? rule.samples.shouldMatch : []
  const shouldNotMatch = Array.isArray(rule.samples?.shouldNotMatch) ? rule.samples.shouldNotMatch : []
  if (shouldMatch.length === 0) {
    error('samples.shouldMatch', 'Give at least one comment the rule must catch.')
  }
  if (shouldNotMatch.length === 0) {
    error('samples.shouldNotMatch', 'Give at least one comment the rule must leave alone.')
  }
  if (errors.length === 0) checkSamples(rule, shouldMatch, shouldNotMatch, error)

  return errors.length === 0 ? { ok: true, warnings } : { ok: false, errors, warnings }
}

/** Returns a key identifying the normalized term, or null when the term is unusable. */
function checkTerm(
  term: RuleTerm,
  field: string,
  error: (field: string, reason: string) => void,
  warn: (field: string, reason: string) => void,
): string | null {
  if (typeof term?.text !== 'string' || term.text.trim() === '') {
    error(`${field}.text`, 'The term is empty.')
    return null
  }
  if (!languages.includes(term.language)) {
    error(`${field}.language`, `Unknown language; use one of ${languages.join(', ')}.`)
  }
  if (!scripts.includes(term.script)) {
    error(`${field}.script`, `Unknown script; use one of ${scripts.join(', ')}.`)
    return null
  }
  const { core, prefixMatch } = parseTermText(term.text)
  if (core.includes('*')) {
    error(`${field}.text`, 'A "*" is allowed only at the end of a term, to match a word prefix.')
    return null
  }
  const keywords = termKeywords(term)
  const base = keywords.base
  if (base === undefined) {
    error(`${field}.text`, 'The term is empty once normalized (only punctuation, marks or invisible characters).')
    return null
  }
  const units = Array.from(base, (character) => character.charCodeAt(0))
  if (term.script === 'arabic' && !units.some(isArabicLetter)) {
    error(`${field}.script`, 'The term is marked as Arabic script but has no Arabic letter.')
  }
  if (term.script === 'latin' && (units.some(isArabicLetter) || !units.some((unit) => isLatinLetter(unit) || isAsciiDigit(unit)))) {
    error(`${field}.script`, 'The term is marked as Latin script but is not written in Latin letters.')
  }
  if (prefixMatch && units.filter((unit) => !isAsciiDigit(unit) && unit !== 0x20).length < MIN_PREFIX_LETTERS) {
    error(`${field}.text`, `A prefix term needs at least ${MIN_PREFIX_LETTERS} letters before the "*".`)
  }
  if (term.language === 'ary' && term.script === 'latin' && keywords.arabizi === undefined) {
    warn(`${field}.text`, 'Too short to be matched as an Arabizi variant: only this exact spelling is matched.')
  }
  return `${base}\u0000${term.language}\u0000${term.script}\u0000${prefixMatch}`
}

function checkConditions(rule: RuleDefinition, error: (field: string, reason: string) => void): void {
  const conditions = rule.conditions
  if (conditions === undefined) return
  for (const field of ['minWords', 'maxWords'] as const) {
    const value = conditions[field]
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      error(`conditions.${field}`, 'Use a whole number of words, 0 or more.')
    }
  }
  if (conditions.minWords !== undefined && conditions.maxWords !== undefined && conditions.minWords > conditions.maxWords) {
    error('conditions.maxWords', 'maxWords is smaller than minWords: the rule could never apply.')
  }
  for (const field of ['platforms', 'itemFormats'] as const) {
    const list = conditions[field]
    if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === ''))) {
      error(`conditions.${field}`, 'Use a list of non-empty names.')
    }
  }
}

function checkSamples(
  rule: RuleDefinition,
  shouldMatch: readonly string[],
  shouldNotMatch: readonly string[],
  error: (field: string, reason: string) => void,
): void {
  const engine = compileEngine([rule])
  // Samples are judged as if posted where the rule applies.
  const platform = rule.conditions?.platforms?.[0]
  const itemFormat = rule.conditions?.itemFormats?.[0]
  const judge = (text: string) => engine.moderate({ text, platform, itemFormat })

  shouldMatch.forEach((sample, index) => {
    const decision = judge(sample)
    if (!decision.rules.some((matched) => matched.id === rule.id)) {
      error(`samples.shouldMatch.${index}`, `Not caught by this rule. ${decision.explanation}`)
    }
  })
  shouldNotMatch.forEach((sample, index) => {
    const decision = judge(sample)
    if (decision.rules.some((matched) => matched.id === rule.id)) {
      error(`samples.shouldNotMatch.${index}`, `Caught by this rule. ${decision.explanation}`)
    }
  })
}
