/**
 * The rule engine: every term of every rule is compiled into one Aho–Corasick automaton per
 * normalized view, so a comment is read once per view whatever the number of rules. Hits are kept
 * only on whole words, judged on the normalized text with Unicode letters of every script as word
 * characters (JS `\b` knows only ASCII). Pure: no I/O, no clock, no randomness.
 */

import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'
import { isArabicLetter, isWordUnit, normalizeTermViews, normalizeViews, type NormalizedView, type NormalizedViews } from './normalize'
import { compileProximityTerms, findProximityPairs, indexWords, type ProximityHit, type ProximitySlot, type WordIndex } from './proximity'
import { compilePatternSet, compileSafePattern, type SafePattern } from './safe-pattern'
import { TermAutomaton } from './term-automaton'
import { repairWords } from './word-repair'
import { extractTextFeatures, hasArabiziEvidence, type TextFeatures } from './text-features'
import {
  moderationActions,
  severities,
  type Decision,
  type MatchedRule,
  type ModerationEngine,
  type ModerationInput,
  type NormalizedViewName,
  type RuleConditions,
  type RuleDefinition,
  type RuleMatch,
  type RuleTerm,
  type Span,
  type TextSignal,
} from './types'

/**
 * Arabic proclitics allowed in front of an Arabic-script term within the same word: and, so,
 * with, for/to, like, the article and their combinations, and the attached vocative "يا"
 * ("الكلب", "والحمار", "ياحمار"). Terms of two letters accept only the article forms, since a
 * single-letter prefix before them too often spells an unrelated word.
 */
const ARABIC_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل', 'فلل', 'وب', 'ول', 'فل', 'يا', 'يال'])
const ARABIC_ARTICLE_PROCLITICS = new Set(['ال', 'وال', 'فال', 'بال', 'كال', 'لل', 'ولل'])
const MIN_LETTERS_FOR_ALL_PROCLITICS = 3

/** The Darija article attached to a Latin-script word ("l9a7ba", "el7mar"); "l" in the skeleton. */
const DARIJA_LATIN_PROCLITICS = new Set(['l', 'el', 'al'])
const DARIJA_SKELETON_PROCLITICS = new Set(['l'])

const LONGEST_PROCLITIC = Math.max(...[...ARABIC_PROCLITICS, ...DARIJA_LATIN_PROCLITICS].map((prefix) => prefix.length))

const MIN_ELONGATED_TERM_LENGTH = 7
const MAX_DOUBLES_VARIED = 3
/** A collapsed letter stood for a run of at least this many original characters. */
const MIN_ORIGINAL_RUN = 3
/** A one-word Arabizi skeleton with fewer consonants ("zb" for zebi) collides with too many words. */
const MIN_SKELETON_CONSONANTS = 3
const DEFAULT_MAX_MATCHES_PER_RULE = 20
/** A prefix term's highlight extends over the rest of its word, up to this many units. */
const MAX_PREFIX_COMPLETION = 40
const EXCERPT_LIMIT = 80
const REMOVING_ACTIONS: ReadonlySet<string> = new Set(['hide', 'escalate'])

type ScannedView = 'base' | 'leet' | 'arabizi'

type Entry = {
  ruleIndex: number
  /** A `proximity` term matches nothing alone: its hits are paired by proximity.ts. */
  kind: 'term' | 'exception' | 'proximity'
  /** The term or exception as written in the rule. */
  label: string
  prefixMatch: boolean
  proclitics: ReadonlySet<string> | null
  /** For an elongated variant: offsets in the keyword that must come from a collapsed run. */
  collapsedAt?: readonly number[]
  /** For a proximity term: its condition and group. */
  slot?: ProximitySlot
}

type PatternView = 'base' | 'arabizi'

/** `index` is the pattern's place among all patterns read on the same view. */
type CompiledPattern = { safe: SafePattern; view: PatternView; index: number }

type PatternViews = Record<PatternView, { patterns: SafePattern[]; occurring: (text: string) => ReadonlySet<number> }>

type CompiledRule = {
  definition: RuleDefinition
  patterns: CompiledPattern[]
}

export type EngineProblem = { ruleId: string; field: string; reason: Localized }

export type CompiledModerationEngine = ModerationEngine & {
  /** Terms and patterns left out at compile time because they can never match safely. */
  readonly problems: readonly EngineProblem[]
}

export type EngineOptions = {
  /** Matches kept per rule for highlighting (scanning still covers the whole text). */
  maxMatchesPerRule?: number
}

/** A term's text without its prefix marker, and whether it is a prefix. */
export function parseTermText(text: string): { core: string; prefixMatch: boolean } {
  const trimmed = text.trim()
  const prefixMatch = trimmed.endsWith('*')
  return { core: prefixMatch ? trimmed.replace(/\*+$/, '').trim() : trimmed, prefixMatch }
}

/** The normalized forms under which a term is looked for, per view. */
export function termKeywords(term: RuleTerm): Partial<Record<ScannedView, string>> {
  const { core } = parseTermText(term.text)
  const forms = normalizeTermViews(core)
  if (forms.base === '') return {}
  const keywords: Partial<Record<ScannedView, string>> = { base: forms.base }
  if (term.script === 'latin' && term.language === 'fr' && forms.leet !== '') {
    keywords.leet = forms.leet
  }
  if (term.script === 'latin' && term.language === 'ary' && isDistinctiveSkeleton(forms.arabizi)) {
    keywords.arabizi = forms.arabizi
  }
  return keywords
}

/** Multi-word skeletons are distinctive; one word needs enough consonants (a final "a" is a vowel). */
function isDistinctiveSkeleton(skeleton: string): boolean {
  if (skeleton.includes(' ')) return true
  const consonants = skeleton.endsWith('a') ? skeleton.length - 1 : skeleton.length
  return consonants >= MIN_SKELETON_CONSONANTS
}

/**
 * Runs of three or more letters collapse to one letter, so "connnnnard" reads "conard". A term
 * with doubled letters is therefore also looked for with some of them single, but such a hit
 * counts only where the original really had a run there: "Conard", a surname, stays clean.
 * Short terms are left out.
 */
function elongatedVariants(keyword: string): Array<{ keyword: string; collapsedAt: number[] }> {
  if (keyword.length < MIN_ELONGATED_TERM_LENGTH) return []
  const doubles: number[] = []
  for (let index = 0; index + 1 < keyword.length; index++) {
    if (keyword[index] === keyword[index + 1] && isWordUnit(keyword.charCodeAt(index))) doubles.push(index++)
  }
  if (doubles.length === 0 || doubles.length > MAX_DOUBLES_VARIED) return []
  const variants: Array<{ keyword: string; collapsedAt: number[] }> = []
  for (let mask = 1; mask < 1 << doubles.length; mask++) {
    let single = ''
    const collapsedAt: number[] = []
    let from = 0
    doubles.forEach((position, bit) => {
      if ((mask & (1 << bit)) === 0) return
      single += keyword.slice(from, position + 1)
      collapsedAt.push(single.length - 1)
      from = position + 2
    })
    variants.push({ keyword: single + keyword.slice(from), collapsedAt })
  }
  return variants
}

function proclitics(term: RuleTerm, view: ScannedView, baseForm: string): ReadonlySet<string> | null {
  if (term.script === 'arabic') {
    const letters = Array.from(baseForm.split(' ')[0]!).filter((character) => isArabicLetter(character.charCodeAt(0))).length
    return letters >= MIN_LETTERS_FOR_ALL_PROCLITICS ? ARABIC_PROCLITICS : ARABIC_ARTICLE_PROCLITICS
  }
  if (term.language === 'ary') {
    return view === 'arabizi' ? DARIJA_SKELETON_PROCLITICS : DARIJA_LATIN_PROCLITICS
  }
  return null
}

function exceptionProclitics(baseForm: string): ReadonlySet<string> | null {
  return isArabicLetter(baseForm.charCodeAt(0)) ? ARABIC_PROCLITICS : null
}

export function compileEngine(rules: readonly RuleDefinition[], options: EngineOptions = {}): CompiledModerationEngine {
  const maxMatchesPerRule = Math.max(1, options.maxMatchesPerRule ?? DEFAULT_MAX_MATCHES_PER_RULE)
  const automata: Record<ScannedView, TermAutomaton<Entry>> = {
    base: new TermAutomaton<Entry>(),
    leet: new TermAutomaton<Entry>(),
    arabizi: new TermAutomaton<Entry>(),
  }
  const patternViews: PatternViews = {
    base: { patterns: [], occurring: () => new Set() },
    arabizi: { patterns: [], occurring: () => new Set() },
  }
  const problems: EngineProblem[] = []
  /** Puts a term under each of its keywords; false when it normalizes to nothing. */
  const addTerm = (term: RuleTerm, target: Pick<Entry, 'ruleIndex' | 'kind' | 'slot'>): boolean => {
    const { prefixMatch } = parseTermText(term.text)
    const keywords = termKeywords(term)
    if (keywords.base === undefined) return false
    for (const view of ['base', 'leet', 'arabizi'] as const) {
      const keyword = keywords[view]
      if (keyword === undefined) continue
      const entry: Entry = {
        ...target,
        label: term.text,
        prefixMatch,
        proclitics: proclitics(term, view, keywords.base),
      }
      automata[view].add(keyword, entry)
      if (view === 'arabizi') continue
      for (const variant of elongatedVariants(keyword)) {
        automata[view].add(variant.keyword, { ...entry, collapsedAt: variant.collapsedAt })
      }
    }
    return true
  }
  const compiled: CompiledRule[] = rules.map((definition, ruleIndex) => {
    definition.terms.forEach((term, termIndex) => {
      if (!addTerm(term, { ruleIndex, kind: 'term' })) {
        problems.push({
          ruleId: definition.id,
          field: `terms.${termIndex}.text`,
          reason: pluginText('ruleCheck:termEmptyNormalized'),
        })
      }
    })
    compileProximityTerms(
      definition.proximity,
      (term, slot) => addTerm(term, { ruleIndex, kind: 'proximity', slot }),
      (field, reason) => problems.push({ ruleId: definition.id, field, reason }),
    )
    definition.exceptions.forEach((exception) => {
      const { core, prefixMatch } = parseTermText(exception)
      const keyword = normalizeTermViews(core).base
      if (keyword === '') return
      automata.base.add(keyword, {
        ruleIndex,
        kind: 'exception',
        label: exception,
        prefixMatch,
        proclitics: exceptionProclitics(keyword),
      })
    })
    const patterns: CompiledPattern[] = []
    definition.patterns.forEach((pattern, patternIndex) => {
      const result = compileSafePattern(pattern.source)
      if (result.ok) {
        const view = pattern.view ?? 'base'
        const index = patternViews[view].patterns.push(result.pattern) - 1
        patterns.push({ safe: result.pattern, view, index })
      } else {
        problems.push({
          ruleId: definition.id,
          field: `patterns.${patternIndex}.source`,
          reason: result.reason,
        })
      }
    })
    return { definition, patterns }
  })
  for (const automaton of Object.values(automata)) automaton.compile()
  for (const view of Object.values(patternViews)) view.occurring = compilePatternSet(view.patterns)

  return {
    ruleCount: compiled.length,
    problems,
    moderate: (input, views) => moderate(input, compiled, automata, patternViews, maxMatchesPerRule, views),
  }
}

// ---------------------------------------------------------------------------------------------
// Moderating one comment

type RuleState = {
  matches: RuleMatch[]
  seen: Set<string>
  matched: boolean
  cancelledBy: string | null
  /** Hits of the rule's proximity terms, paired once the scan is done. */
  nearHits: ProximityHit[]
}

function moderate(
  input: ModerationInput,
  rules: readonly CompiledRule[],
  automata: Record<ScannedView, TermAutomaton<Entry>>,
  patternViews: PatternViews,
  maxMatchesPerRule: number,
  givenViews?: NormalizedViews,
): Decision {
  // Inputs come from network payloads: anything that is not a string is read as empty text.
  const original = typeof input?.text === 'string' ? input.text : ''
  const views = givenViews ?? normalizeViews(original)
  const states: RuleState[] = rules.map(() => ({
    matches: [],
    seen: new Set(),
    matched: false,
    cancelledBy: null,
    nearHits: [],
  }))

  const record = (ruleIndex: number, view: NormalizedViewName, span: Span, label: Pick<RuleMatch, 'term' | 'pattern' | 'near'>) => {
    const state = states[ruleIndex]!
    state.matched = true
    if (state.matches.length >= maxMatchesPerRule) return
    const nearKey = label.near === undefined ? '' : `\u0000${label.near.span[0]}:${label.near.span[1]}`
    const key = `${label.term ?? ''}\u0000${label.pattern ?? ''}\u0000${span[0]}:${span[1]}${nearKey}`
    if (state.seen.has(key)) return
    state.seen.add(key)
    state.matches.push({ ...label, view, span, excerpt: excerpt(original, span) })
  }

  const scanView = (automaton: TermAutomaton<Entry>, viewName: NormalizedViewName, view: NormalizedView) => {
    const { text } = view
    automaton.scan(text, (entry, start, end) => {
      if (!isWholeWord(text, start, end, entry)) return
      if (entry.collapsedAt !== undefined && !cameFromRuns(view, start, entry.collapsedAt)) return
      const state = states[entry.ruleIndex]!
      if (entry.kind === 'exception') {
        state.cancelledBy ??= entry.label
        return
      }
      const wordEnd = entry.prefixMatch ? endOfWord(text, end) : end
      if (entry.slot !== undefined) {
        state.nearHits.push({ slot: entry.slot, term: entry.label, view: viewName, span: view.toOriginal(start, wordEnd) })
        return
      }
      record(entry.ruleIndex, viewName, view.toOriginal(start, wordEnd), { term: entry.label })
    })
  }

  scanView(automata.base, 'base', views.base)
  if (views.joined.text !== views.base.text) scanView(automata.base, 'joined', views.joined)
  if (!automata.leet.isEmpty && views.leet.text !== views.base.text) {
    scanView(automata.leet, 'leet', views.leet)
  }
  // Masked ("p*te") and cut ("con nard") words, mended against the terms' own words; across a
  // space, only into the terms of rules that remove a comment (word-repair.ts says why).
  const joinsAcrossSpace = (entry: Entry) => REMOVING_ACTIONS.has(rules[entry.ruleIndex]!.definition.action)
  const mendedJoined = repairWords(views.joined, automata.base, { joinsAcrossSpace })
  if (mendedJoined !== null) scanView(automata.base, 'joined', mendedJoined)
  const mendedLeet = views.leet.text !== views.base.text ? repairWords(views.leet, automata.leet, { joinsAcrossSpace, leetOriginal: original }) : null
  if (mendedLeet !== null) scanView(automata.leet, 'leet', mendedLeet)
  // The skeleton is lossy ("humeur" and "7mar" share "hmr"): read it only in Darija-looking text.
  let arabiziEvidence: boolean | null = null
  const arabiziReadable = () => (arabiziEvidence ??= hasArabiziEvidence(views.base.text))
  if (!automata.arabizi.isEmpty && arabiziReadable()) scanView(automata.arabizi, 'arabizi', views.arabizi)

  // One combined pass per view tells which patterns occur at all; only those are located.
  const occurring: Partial<Record<PatternView, ReadonlySet<number>>> = {}
  const occurs = (view: PatternView, index: number, text: string) => (occurring[view] ??= patternViews[view].occurring(text)).has(index)

  let features: TextFeatures | null = null
  const getFeatures = () => (features ??= extractTextFeatures(original, views.literal.text, views.base.text))
  let words: WordIndex | null = null
  const nearPairs = (rule: CompiledRule, state: RuleState, limit: number) =>
    state.nearHits.length === 0 ? [] : findProximityPairs(rule.definition.proximity, state.nearHits, (words ??= indexWords(views.base)), limit)

  const matchedRules: MatchedRule[] = []
  const cancelled: Array<{ rule: RuleDefinition; exception: string }> = []
  rules.forEach((rule, ruleIndex) => {
    const state = states[ruleIndex]!
    const { definition } = rule
    if (state.cancelledBy !== null) {
      if (state.matched || nearPairs(rule, state, 1).length > 0) cancelled.push({ rule: definition, exception: state.cancelledBy })
      return
    }
    if (!state.matched && rule.patterns.length === 0 && state.nearHits.length === 0) return
    if (!conditionsHold(definition.conditions, input, getFeatures)) return
    const nearRoom = maxMatchesPerRule - state.matches.length
    if (!state.matched || nearRoom > 0) {
      for (const { first, second, within } of nearPairs(rule, state, Math.max(1, nearRoom))) {
        const near = { term: second.term, view: second.view, span: second.span, excerpt: excerpt(original, second.span), within }
        record(ruleIndex, first.view, first.span, { term: first.term, near })
      }
    }
    for (const { safe, view, index } of rule.patterns) {
      if (view === 'arabizi' && !arabiziReadable()) continue
      const source = view === 'arabizi' ? views.arabizi : views.base
      if (!occurs(view, index, source.text)) continue
      const room = maxMatchesPerRule - state.matches.length
      if (state.matched && room <= 0) break
      for (const [start, end] of safe.findAll(source.text, Math.max(1, room))) {
        record(ruleIndex, view, source.toOriginal(start, end), { pattern: safe.source })
      }
    }
    if (!state.matched) return
    matchedRules.push({
      id: definition.id,
      name: definition.name,
      ...(definition.names ? { names: definition.names } : {}),
      category: definition.category,
      action: definition.action,
      priority: definition.priority,
      severity: definition.severity,
      ...(definition.mythId ? { mythId: definition.mythId } : {}),
      matches: state.matches.sort((left, right) => left.span[0] - right.span[0]),
    })
  })

  return decide(original, matchedRules, cancelled, views)
}

function isWholeWord(text: string, start: number, end: number, entry: Entry): boolean {
  const rightOk = end >= text.length || entry.prefixMatch || !isWordUnit(text.charCodeAt(end))
  if (!rightOk) return false
  if (start === 0 || !isWordUnit(text.charCodeAt(start - 1))) return true
  if (entry.proclitics === null) return false
  // The hit is inside a word: accept it only if what precedes it in that word is a proclitic.
  let wordStart = start
  while (wordStart > 0 && start - wordStart <= LONGEST_PROCLITIC && isWordUnit(text.charCodeAt(wordStart - 1))) {
    wordStart--
  }
  if (wordStart > 0 && isWordUnit(text.charCodeAt(wordStart - 1))) return false
  return entry.proclitics.has(text.slice(wordStart, start))
}

function cameFromRuns(view: NormalizedView, start: number, offsets: readonly number[]): boolean {
  return offsets.every((offset) => {
    const [from, to] = view.toOriginal(start + offset, start + offset + 1)
    return to - from >= MIN_ORIGINAL_RUN
  })
}

/** Where the word containing `from` ends, looking at most a few dozen units ahead. */
function endOfWord(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_PREFIX_COMPLETION)
  let end = from
  while (end < limit && isWordUnit(text.charCodeAt(end))) end++
  return end
}

function conditionsHold(conditions: RuleConditions | undefined, input: ModerationInput, getFeatures: () => TextFeatures): boolean {
  if (conditions === undefined) return true
  const { platforms, itemFormats } = conditions
  if (platforms !== undefined && platforms.length > 0) {
    const platform = typeof input?.platform === 'string' ? input.platform.toLowerCase() : undefined
    if (platform === undefined || !platforms.some((allowed) => allowed.toLowerCase() === platform)) {
      return false
    }
  }
  if (itemFormats !== undefined && itemFormats.length > 0) {
    const format = typeof input?.itemFormat === 'string' ? input.itemFormat.toLowerCase() : undefined
    if (format === undefined || !itemFormats.some((allowed) => allowed.toLowerCase() === format)) {
      return false
    }
  }
  const flags = [
    ['containsLink', conditions.containsLink],
    ['containsEmail', conditions.containsEmail],
    ['containsPhone', conditions.containsPhone],
    ['onlyMentions', conditions.onlyMentions],
    ['onlyEmoji', conditions.onlyEmoji],
  ] as const
  for (const [name, expected] of flags) {
    if (expected !== undefined && getFeatures()[name] !== expected) return false
  }
  if (conditions.minWords !== undefined && getFeatures().wordCount < conditions.minWords) return false
  if (conditions.maxWords !== undefined && getFeatures().wordCount > conditions.maxWords) return false
  return true
}

// ---------------------------------------------------------------------------------------------
// Decision

function severityRank(severity: RuleDefinition['severity']): number {
  return severities.indexOf(severity)
}

function strictnessRank(action: RuleDefinition['action']): number {
  return moderationActions.length - moderationActions.indexOf(action)
}

/** Priority, then severity, then the stricter action, then id: the same input, the same order. */
export function compareRules(
  left: Pick<MatchedRule, 'id' | 'priority' | 'severity' | 'action'>,
  right: Pick<MatchedRule, 'id' | 'priority' | 'severity' | 'action'>,
): number {
  return (
    right.priority - left.priority ||
    severityRank(right.severity) - severityRank(left.severity) ||
    strictnessRank(right.action) - strictnessRank(left.action) ||
    (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)
  )
}

function decide(
  original: string,
  matchedRules: MatchedRule[],
  cancelled: Array<{ rule: RuleDefinition; exception: string }>,
  views: NormalizedViews,
): Decision {
  matchedRules.sort(compareRules)
  const signals: TextSignal[] = views.hasBidiOverride ? ['bidi_override'] : []
  const top = matchedRules[0]
  // A proximity match highlights its two terms, not the words between them.
  const spans = mergeSpans(matchedRules.flatMap((rule) => rule.matches.flatMap((match) => (match.near ? [match.span, match.near.span] : [match.span]))))
  const cancelledBy = cancelled.map(({ rule, exception }) => ({
    ruleId: rule.id,
    ruleName: rule.name,
    ...(rule.names ? { ruleNames: rule.names } : {}),
    exception,
  }))
  const empty = original.trim() === ''

  if (top === undefined) {
    return {
      flagged: signals.length > 0,
      action: signals.length > 0 ? 'flag' : null,
      category: null,
      severity: signals.length > 0 ? 'low' : null,
      rules: [],
      spans,
      signals,
      cancelled: cancelledBy,
      empty,
    }
  }
  const severity = matchedRules.reduce((worst, rule) => (severityRank(rule.severity) > severityRank(worst) ? rule.severity : worst), top.severity)
  return {
    flagged: signals.length > 0 || matchedRules.some((rule) => rule.action !== 'mark_done'),
    action: top.action,
    category: top.category,
    severity,
    rules: matchedRules,
    spans,
    signals,
    cancelled: cancelledBy,
    empty,
  }
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((left, right) => left[0] - right[0] || left[1] - right[1])
  const merged: Span[] = []
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

function excerpt(original: string, [start, end]: Span): string {
  const text = original.slice(start, Math.min(end, start + EXCERPT_LIMIT))
  return end - start > EXCERPT_LIMIT ? `${text}…` : text
}
