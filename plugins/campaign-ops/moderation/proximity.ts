/**
 * Proximity conditions: a rule matches where a term of one group occurs at most N words from a
 * term of the other group, in either order. It catches a claim by its key words however it is
 * phrased around them, which lists of literal phrasings cannot.
 *
 * Group terms go into the engine's automata like rule terms (same normalization, views, prefixes,
 * proclitics and Arabizi skeleton); the engine collects their hits per rule while it scans, and
 * this module pairs them. Distances are counted in words of the base view: a hit from any view is
 * placed by its original span, to which every base-view word also maps, so hits of different
 * views compare. Cost: one pass over the base view for the words (only for a comment where some
 * condition has hits), then O(h log h) for h hits.
 */

import type { Localized } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'
import { forEachWord, type NormalizedView } from './normalize'
import type { NormalizedViewName, RuleProximity, RuleTerm, Span } from './types'

export const MIN_PROXIMITY_WORDS = 1
/** Beyond a sentence or two, two words are no longer one claim. */
export const MAX_PROXIMITY_WORDS = 20

export const proximityGroups = ['anyOf', 'nearAnyOf'] as const

export type ProximityGroup = (typeof proximityGroups)[number]

/** Where a group term belongs: the condition's place in the rule, and which of its two groups. */
export type ProximitySlot = { condition: number; group: ProximityGroup }

/** One occurrence of a group term, as the engine found it. */
export type ProximityHit = { slot: ProximitySlot; term: string; view: NormalizedViewName; span: Span }

/** Two hits of different groups of one condition, `first` before `second` in the comment. */
export type ProximityPair = { first: ProximityHit; second: ProximityHit; within: number }

export function isProximityDistance(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_PROXIMITY_WORDS && value <= MAX_PROXIMITY_WORDS
}

/**
 * Hands every group term of the rule's usable conditions to `addTerm` (the engine's term
 * compiler, which answers false when the term normalizes to nothing); a condition whose distance
 * is not usable is left out whole, since it could match nowhere sensible.
 */
export function compileProximityTerms(
  conditions: readonly RuleProximity[] | undefined,
  addTerm: (term: RuleTerm, slot: ProximitySlot) => boolean,
  report: (field: string, reason: Localized) => void,
): void {
  for (const [conditionIndex, condition] of (conditions ?? []).entries()) {
    if (!isProximityDistance(condition?.within)) {
      report(`proximity.${conditionIndex}.within`, withinReason())
      continue
    }
    for (const group of proximityGroups) {
      const terms = Array.isArray(condition[group]) ? condition[group] : []
      terms.forEach((term, termIndex) => {
        if (!addTerm(term, { condition: conditionIndex, group })) {
          report(`proximity.${conditionIndex}.${group}.${termIndex}.text`, pluginText('ruleCheck:termEmptyNormalized'))
        }
      })
    }
  }
}

export function withinReason(): Localized {
  return pluginText('ruleCheck:proximityWithin', { min: MIN_PROXIMITY_WORDS, max: MAX_PROXIMITY_WORDS })
}

/** The base view's words by their original ranges, both ascending. */
export type WordIndex = { starts: readonly number[]; ends: readonly number[] }

export function indexWords(base: NormalizedView): WordIndex {
  const starts: number[] = []
  const ends: number[] = []
  forEachWord(base.text, (start, end) => {
    const [from, to] = base.toOriginal(start, end)
    starts.push(from)
    ends.push(to)
  })
  return { starts, ends }
}

/** The first index whose value is greater than `value` (or, with `orEqual`, at least `value`). */
function firstAbove(values: readonly number[], value: number, orEqual = false): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const candidate = values[middle]!
    if (candidate > value || (orEqual && candidate === value)) high = middle
    else low = middle + 1
  }
  return low
}

type PlacedHit = { hit: ProximityHit; firstWord: number; lastWord: number }

function place(hit: ProximityHit, words: WordIndex): PlacedHit {
  const firstWord = firstAbove(words.ends, hit.span[0])
  const lastWord = firstAbove(words.starts, hit.span[1], true) - 1
  return { hit, firstWord, lastWord: Math.max(firstWord, lastWord) }
}

/** By last word; among hits ending on one word, the one starting first (the fullest) last, where the search picks it. */
function sortByEnd(hits: readonly PlacedHit[]): PlacedHit[] {
  return [...hits].sort((left, right) => left.lastWord - right.lastWord || right.hit.span[0] - left.hit.span[0])
}

/**
 * Pairs of hits of different groups that are at most `within` words apart (the later one starts
 * `within` words or fewer after the earlier one ends; overlapping hits are one phrase, not two).
 * For each hit, the closest earlier hit of the other group is the only candidate worth checking.
 * At most `limit` pairs, in the comment's order.
 */
export function findProximityPairs(
  conditions: readonly RuleProximity[] | undefined,
  hits: readonly ProximityHit[],
  words: WordIndex,
  limit: number,
): ProximityPair[] {
  const pairs: ProximityPair[] = []
  if (conditions === undefined || hits.length === 0 || limit <= 0) return pairs
  const byCondition = new Map<number, Record<ProximityGroup, PlacedHit[]>>()
  for (const hit of hits) {
    let groups = byCondition.get(hit.slot.condition)
    if (groups === undefined) byCondition.set(hit.slot.condition, (groups = { anyOf: [], nearAnyOf: [] }))
    groups[hit.slot.group].push(place(hit, words))
  }
  const seen = new Set<string>()
  for (const [conditionIndex, groups] of [...byCondition.entries()].sort(([left], [right]) => left - right)) {
    const within = conditions[conditionIndex]?.within
    if (!isProximityDistance(within) || groups.anyOf.length === 0 || groups.nearAnyOf.length === 0) continue
    const byEnd = { anyOf: sortByEnd(groups.anyOf), nearAnyOf: sortByEnd(groups.nearAnyOf) }
    const ends = { anyOf: byEnd.anyOf.map((placed) => placed.lastWord), nearAnyOf: byEnd.nearAnyOf.map((placed) => placed.lastWord) }
    const later = [...groups.anyOf, ...groups.nearAnyOf].sort((left, right) => left.firstWord - right.firstWord || left.hit.span[0] - right.hit.span[0])
    for (const second of later) {
      const other: ProximityGroup = second.hit.slot.group === 'anyOf' ? 'nearAnyOf' : 'anyOf'
      // The other group's hit ending last before this one starts is the closest one before it.
      const closest = firstAbove(ends[other], second.firstWord, true) - 1
      if (closest < 0) continue
      const first = byEnd[other][closest]!
      if (second.firstWord - first.lastWord > within) continue
      // A hit inside a fuller one ending on the same word ("يشري" in "كيشري") adds nothing: the
      // fuller one comes first in this order and keeps the pair.
      const key = `${first.hit.span[0]}:${first.hit.span[1]}:${second.lastWord}`
      if (seen.has(key)) continue
      seen.add(key)
      pairs.push({ first: first.hit, second: second.hit, within })
      if (pairs.length >= limit) return pairs.sort((left, right) => left.first.span[0] - right.first.span[0])
    }
  }
  return pairs.sort((left, right) => left.first.span[0] - right.first.span[0])
}
