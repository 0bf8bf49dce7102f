/**
 * Checks a moderation rule before it can be activated: its shape, its terms and patterns once
 * normalized, and its own sample comments, which it must classify correctly on its own.
 */

import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText, pluginTextByLanguage } from '../translations'
import { compileEngine, parseTermText, termKeywords } from './engine'
import { explainDecision } from './explain-decision'
import { isArabicLetter, isAsciiDigit, isLatinLetter, normalizeTerm } from './normalize'
import { isProximityDistance, proximityGroups, withinReason } from './proximity'
import { compileSafePattern } from './safe-pattern'
import { languages, moderationActions, moderationCategories, scripts, severities, type RuleDefinition, type RuleProximity, type RuleTerm } from './types'

/** A problem with one field of the rule, its reason in the three admin languages. */
export type RuleIssue = { field: string; reason: Localized }

type Report = (field: string, reason: Localized) => void

export type RuleValidation = { ok: true; warnings: RuleIssue[] } | { ok: false; errors: RuleIssue[]; warnings: RuleIssue[] }

const MIN_PREFIX_LETTERS = 3

export function validateRule(rule: RuleDefinition): RuleValidation {
  const errors: RuleIssue[] = []
  const warnings: RuleIssue[] = []
  const error: Report = (field, reason) => errors.push({ field, reason })
  const warn: Report = (field, reason) => warnings.push({ field, reason })

  if (typeof rule.id !== 'string' || rule.id.trim() === '') error('id', pluginText('ruleCheck:idMissing'))
  if (typeof rule.name !== 'string' || rule.name.trim() === '') error('name', pluginText('ruleCheck:nameMissing'))
  if (!moderationCategories.includes(rule.category)) {
    error('category', pluginText('ruleCheck:unknownCategory'))
  }
  if (!moderationActions.includes(rule.action)) {
    error('action', pluginText('ruleCheck:unknownAction'))
  }
  if (!severities.includes(rule.severity)) {
    error('severity', pluginText('ruleCheck:unknownSeverity'))
  }
  if (typeof rule.priority !== 'number' || !Number.isFinite(rule.priority)) {
    error('priority', pluginText('ruleCheck:priorityNumber'))
  }

  const terms = Array.isArray(rule.terms) ? rule.terms : []
  const patterns = Array.isArray(rule.patterns) ? rule.patterns : []
  const proximity = Array.isArray(rule.proximity) ? rule.proximity : []
  if (terms.length === 0 && patterns.length === 0 && proximity.length === 0) {
    error('terms', pluginText('ruleCheck:needsTermOrPattern'))
  }

  const seenTerms = new Map<string, number>()
  terms.forEach((term, index) => {
    const key = checkTerm(term, `terms.${index}`, error, warn)
    if (key === null) return
    const first = seenTerms.get(key)
    if (first === undefined) seenTerms.set(key, index)
    else warn(`terms.${index}.text`, pluginText('ruleCheck:duplicateTerm', { number: first + 1 }))
  })

  patterns.forEach((pattern, index) => {
    const compiled = compileSafePattern(pattern?.source)
    if (!compiled.ok) error(`patterns.${index}.source`, compiled.reason)
    if (pattern?.view !== undefined && pattern.view !== 'base' && pattern.view !== 'arabizi') {
      error(`patterns.${index}.view`, pluginText('ruleCheck:patternView'))
    }
  })

  proximity.forEach((condition, index) => checkProximity(condition, `proximity.${index}`, error, warn))

  const exceptions = Array.isArray(rule.exceptions) ? rule.exceptions : []
  exceptions.forEach((exception, index) => {
    if (typeof exception !== 'string' || normalizeTerm(parseTermText(exception).core) === '') {
      error(`exceptions.${index}`, pluginText('ruleCheck:exceptionEmpty'))
    }
  })

  checkConditions(rule, error)

  if (rule.category === 'misinformation') {
    if (rule.action === 'hide') {
      error('action', pluginText('ruleCheck:misinformationHidden'))
    }
    if (rule.mythId === undefined || rule.mythId === '') {
      warn('mythId', pluginText('ruleCheck:misinformationNoMyth'))
    }
  }
  if (rule.action === 'suggest_reply' && (rule.replyTemplateId === undefined || rule.replyTemplateId === '')) {
    warn('replyTemplateId', pluginText('ruleCheck:replyWithoutTemplate'))
  }

  const shouldMatch = Array.isArray(rule.samples?.shouldMatch) ? rule.samples.shouldMatch : []
  const shouldNotMatch = Array.isArray(rule.samples?.shouldNotMatch) ? rule.samples.shouldNotMatch : []
  if (shouldMatch.length === 0) {
    error('samples.shouldMatch', pluginText('ruleCheck:noShouldMatch'))
  }
  if (shouldNotMatch.length === 0) {
    error('samples.shouldNotMatch', pluginText('ruleCheck:noShouldNotMatch'))
  }
  if (errors.length === 0) checkSamples(rule, shouldMatch, shouldNotMatch, error)

  return errors.length === 0 ? { ok: true, warnings } : { ok: false, errors, warnings }
}

/** Returns a key identifying the normalized term, or null when the term is unusable. */
function checkTerm(term: RuleTerm, field: string, error: Report, warn: Report): string | null {
  if (typeof term?.text !== 'string' || term.text.trim() === '') {
    error(`${field}.text`, pluginText('ruleCheck:termEmpty'))
    return null
  }
  if (!languages.includes(term.language)) {
    error(`${field}.language`, pluginText('ruleCheck:unknownLanguage'))
  }
  if (!scripts.includes(term.script)) {
    error(`${field}.script`, pluginText('ruleCheck:unknownScript'))
    return null
  }
  const { core, prefixMatch } = parseTermText(term.text)
  if (core.includes('*')) {
    error(`${field}.text`, pluginText('ruleCheck:starNotAtEnd'))
    return null
  }
  const keywords = termKeywords(term)
  const base = keywords.base
  if (base === undefined) {
    error(`${field}.text`, pluginText('ruleCheck:termEmptyNormalized'))
    return null
  }
  const units = Array.from(base, (character) => character.charCodeAt(0))
  if (term.script === 'arabic' && !units.some(isArabicLetter)) {
    error(`${field}.script`, pluginText('ruleCheck:notArabic'))
  }
  if (term.script === 'latin' && (units.some(isArabicLetter) || !units.some((unit) => isLatinLetter(unit) || isAsciiDigit(unit)))) {
    error(`${field}.script`, pluginText('ruleCheck:notLatin'))
  }
  if (prefixMatch && units.filter((unit) => !isAsciiDigit(unit) && unit !== 0x20).length < MIN_PREFIX_LETTERS) {
    error(`${field}.text`, pluginText('ruleCheck:prefixTooShort', { min: MIN_PREFIX_LETTERS }))
  }
  if (term.language === 'ary' && term.script === 'latin' && keywords.arabizi === undefined) {
    warn(`${field}.text`, pluginText('ruleCheck:arabiziTooShort'))
  }
  return `${base}\u0000${term.language}\u0000${term.script}\u0000${prefixMatch}`
}

/** Each group needs a term, each term is checked like a rule term, and the distance is bounded. */
function checkProximity(condition: RuleProximity, field: string, error: Report, warn: Report): void {
  const firstGroup = new Map<string, number>()
  for (const group of proximityGroups) {
    const terms = Array.isArray(condition?.[group]) ? condition[group] : []
    if (terms.length === 0) error(`${field}.${group}`, pluginText('ruleCheck:proximityGroupEmpty'))
    const seen = new Map<string, number>()
    terms.forEach((term, index) => {
      const key = checkTerm(term, `${field}.${group}.${index}`, error, warn)
      if (key === null) return
      const first = seen.get(key)
      if (first !== undefined) {
        warn(`${field}.${group}.${index}.text`, pluginText('ruleCheck:duplicateTerm', { number: first + 1 }))
        return
      }
      seen.set(key, index)
      // The same term on both sides pairs an occurrence only with another one of itself.
      const inFirstGroup = firstGroup.get(key)
      if (group === 'nearAnyOf' && inFirstGroup !== undefined) {
        warn(`${field}.${group}.${index}.text`, pluginText('ruleCheck:proximitySameTerm', { number: inFirstGroup + 1 }))
      }
    })
    if (group === 'anyOf') for (const [key, index] of seen) firstGroup.set(key, index)
  }
  if (!isProximityDistance(condition?.within)) error(`${field}.within`, withinReason())
}

function checkConditions(rule: RuleDefinition, error: Report): void {
  const conditions = rule.conditions
  if (conditions === undefined) return
  for (const field of ['minWords', 'maxWords'] as const) {
    const value = conditions[field]
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      error(`conditions.${field}`, pluginText('ruleCheck:wholeWords'))
    }
  }
  if (conditions.minWords !== undefined && conditions.maxWords !== undefined && conditions.minWords > conditions.maxWords) {
    error('conditions.maxWords', pluginText('ruleCheck:maxBelowMin'))
  }
  for (const field of ['platforms', 'itemFormats'] as const) {
    const list = conditions[field]
    if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === ''))) {
      error(`conditions.${field}`, pluginText('ruleCheck:nonEmptyNames'))
    }
  }
}

function checkSamples(rule: RuleDefinition, shouldMatch: readonly string[], shouldNotMatch: readonly string[], error: Report): void {
  const engine = compileEngine([rule])
  // Samples are judged as if posted where the rule applies.
  const platform = rule.conditions?.platforms?.[0]
  const itemFormat = rule.conditions?.itemFormats?.[0]
  const judge = (text: string) => engine.moderate({ text, platform, itemFormat })

  shouldMatch.forEach((sample, index) => {
    const decision = judge(sample)
    if (!decision.rules.some((matched) => matched.id === rule.id)) {
      error(
        `samples.shouldMatch.${index}`,
        pluginTextByLanguage('ruleCheck:notCaught', (language) => ({ explanation: explainDecision(decision, language) })),
      )
    }
  })
  shouldNotMatch.forEach((sample, index) => {
    const decision = judge(sample)
    if (decision.rules.some((matched) => matched.id === rule.id)) {
      error(
        `samples.shouldNotMatch.${index}`,
        pluginTextByLanguage('ruleCheck:caught', (language) => ({ explanation: explainDecision(decision, language) })),
      )
    }
  })
}
