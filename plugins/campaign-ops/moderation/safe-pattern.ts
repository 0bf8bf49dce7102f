/**
 * Patterns typed by people, run with RE2 semantics (npm `re2js`): matching time is linear in the
 * text whatever the pattern, so no rule can stall moderation with catastrophic backtracking.
 *
 * A pattern reads normalized text (lowercase, no accents or Arabic diacritics, folded letters), so
 * its literal characters are normalized the same way before compiling ("é" → "e", "ة" → "ه").
 * Matches are whole words: the engine wraps the pattern in Unicode-aware boundaries, because
 * RE2's `\b` knows only ASCII letters and would never fire around Arabic words.
 */

import { RE2JS, RE2Set } from 're2js'

import { normalizeViews } from './normalize'
import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'

export const MAX_PATTERN_LENGTH = 1000
const MAX_PROGRAM_SIZE = 4000
/** Memory the combined pattern automaton may use before RE2 falls back to its slower NFA. */
const PATTERN_SET_MEMORY = 16 * 1024 * 1024

/** Texts a pattern must not match: matching them would flag nearly every comment. */
const TOO_BROAD_PROBES = ['', ' ', 'a', 'ب', '1']

const NOT_WORD = '[^\\p{L}\\p{N}\\p{M}]'

export type SafePattern = {
  /** The pattern as written in the rule. */
  readonly source: string
  /** The normalized pattern inside Unicode word boundaries, as matched. */
  readonly wholeWordSource: string
  /** Quick check on the whole text, without collecting positions. */
  test(text: string): boolean
  /** Whole-word match ranges [start, end) in `text`, in order, at most `limit` of them. */
  findAll(text: string, limit: number): Array<[number, number]>
}

export type SafePatternResult = { ok: true; pattern: SafePattern } | { ok: false; reason: Localized }

export function compileSafePattern(source: string): SafePatternResult {
  if (typeof source !== 'string' || source.trim() === '') {
    return { ok: false, reason: pluginText('ruleCheck:pattern:empty') }
  }
  if (source.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      reason: pluginText('ruleCheck:pattern:tooLong', { length: source.length, limit: MAX_PATTERN_LENGTH }),
    }
  }
  const unsupported = findUnsupportedSyntax(source)
  if (unsupported !== null) return { ok: false, reason: unsupported }

  const normalized = normalizePatternLiterals(source)
  let bare: RE2JS
  let wrapped: RE2JS
  try {
    bare = RE2JS.compile(normalized)
    wrapped = RE2JS.compile(`(?:^|${NOT_WORD})(${normalized})(?:${NOT_WORD}|$)`)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: pluginText('ruleCheck:pattern:syntax', { detail: message }) }
  }
  if (wrapped.programSize() > MAX_PROGRAM_SIZE) {
    return {
      ok: false,
      reason: pluginText('ruleCheck:pattern:tooComplex'),
    }
  }
  const broadProbe = TOO_BROAD_PROBES.find((probe) => bare.matcher(probe).matches())
  if (broadProbe !== undefined) {
    return {
      ok: false,
      reason: broadProbe === '' ? pluginText('ruleCheck:pattern:matchesEmpty') : pluginText('ruleCheck:pattern:matchesLone', { probe: broadProbe }),
    }
  }
  return { ok: true, pattern: makeSafePattern(source, wrapped) }
}

function makeSafePattern(source: string, wrapped: RE2JS): SafePattern {
  return {
    source,
    wholeWordSource: wrapped.pattern(),
    test: (text) => wrapped.test(text),
    findAll(text, limit) {
      const spans: Array<[number, number]> = []
      if (limit <= 0 || !wrapped.test(text)) return spans
      const matcher = wrapped.matcher(text)
      let from = 0
      while (spans.length < limit && from <= text.length && matcher.find(from)) {
        const start = matcher.start(1)
        const end = matcher.end(1)
        if (end > start) spans.push([start, end])
        // The right boundary character may be the next match's left one: resume right after the
        // word, but always move forward.
        from = Math.max(end, matcher.start(0) + 1)
      }
      return spans
    },
  }
}

/**
 * One pass over a text that tells which of several patterns occur in it, so that only those are
 * run again to locate their matches. Returns the indices of the patterns found.
 */
export function compilePatternSet(patterns: readonly SafePattern[]): (text: string) => ReadonlySet<number> {
  if (patterns.length === 0) return () => new Set()
  try {
    const set = new RE2Set(RE2Set.UNANCHORED, 0, PATTERN_SET_MEMORY)
    for (const pattern of patterns) set.add(pattern.wholeWordSource)
    set.compile()
    return (text) => new Set(set.match(text))
  } catch {
    // Too large to combine: test the patterns one by one, which is just as safe, only slower.
    return (text) => new Set(patterns.flatMap((pattern, index) => (pattern.test(text) ? [index] : [])))
  }
}

/**
 * RE2 refuses these anyway; naming them gives the rule author a reason they can act on.
 * Returns null when nothing unsupported is found.
 */
function findUnsupportedSyntax(source: string): Localized | null {
  let inClass = false
  for (let index = 0; index < source.length; index++) {
    const character = source[index]!
    const next = source[index + 1] ?? ''
    if (character === '\\') {
      if (!inClass && /[1-9]/.test(next)) {
        return pluginText('ruleCheck:pattern:backreference', { reference: `\\${next}` })
      }
      if (!inClass && (next === 'k' || next === 'g')) {
        return pluginText('ruleCheck:pattern:namedBackreference')
      }
      index++
      continue
    }
    if (inClass) {
      if (character === ']') inClass = false
      continue
    }
    if (character === '[') {
      inClass = true
      if (next === ']') index++
      else if (next === '^' && source[index + 2] === ']') index += 2
      continue
    }
    if (character !== '(' || next !== '?') continue
    const construct = source.slice(index, index + 4)
    if (construct.startsWith('(?=') || construct.startsWith('(?!')) {
      return pluginText('ruleCheck:pattern:lookahead')
    }
    if (construct.startsWith('(?<=') || construct.startsWith('(?<!')) {
      return pluginText('ruleCheck:pattern:lookbehind')
    }
    if (construct.startsWith('(?>')) {
      return pluginText('ruleCheck:pattern:atomic')
    }
  }
  return null
}

/**
 * Normalizes the literal characters of a pattern like comment text, leaving the syntax alone:
 * escapes (`\p{L}`, `\x{...}`, `\d`), group openers (`(?i)`, `(?P<name>`) and repetition counts.
 */
function normalizePatternLiterals(source: string): string {
  let out = ''
  let index = 0
  while (index < source.length) {
    const character = source[index]!
    if (character === '\\') {
      const next = source[index + 1] ?? ''
      if ((next === 'p' || next === 'P' || next === 'x') && source[index + 2] === '{') {
        const close = source.indexOf('}', index + 3)
        const end = close === -1 ? source.length : close + 1
        out += source.slice(index, end)
        index = end
      } else {
        out += character + next
        index += 2
      }
      continue
    }
    if (character === '(' && source[index + 1] === '?') {
      const header = /^\(\?(?:P?<[^>]*>|[imsU-]*[:)])/.exec(source.slice(index, index + 40))
      const length = header?.[0].length ?? 2
      out += source.slice(index, index + length)
      index += length
      continue
    }
    const codePoint = source.codePointAt(index)!
    const width = codePoint > 0xffff ? 2 : 1
    const literal = source.slice(index, index + width)
    out += /[\p{L}\p{N}\p{M}\p{Cf}]/u.test(literal) ? foldLiteral(literal) : literal
    index += width
  }
  return out
}

function foldLiteral(literal: string): string {
  return normalizeViews(literal).literal.text
}
