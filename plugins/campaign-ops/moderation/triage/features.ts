/**
 * The triage model's features: character n-grams (1–5, within words padded by a boundary mark)
 * on the normalizer's `base` view and on the shared Arabic/Arabizi skeleton, plus word unigrams
 * and bigrams of the `base` view, hashed into a fixed number of buckets with a sign bit (feature
 * hashing: no vocabulary to store, any script welcome, collisions cancel out on average).
 * Everything is deterministic and linear in the text's length.
 */

import { forEachWord, normalizeViews, type NormalizedViews } from '../normalize'
import { sharedSkeletonWord } from './shared-skeleton'

export type FeatureSpec = {
  /** The number of buckets is 2^hashBits. */
  hashBits: number
  charNgramMin: number
  charNgramMax: number
  /** Word n-grams from 1 to this length (1 or 2). */
  wordNgramMax: number
}

export const defaultFeatureSpec: FeatureSpec = { hashBits: 18, charNgramMin: 1, charNgramMax: 5, wordNgramMax: 2 }

/** A comment's feature vector, L2-normalized; `indices` are distinct bucket numbers. */
export type SparseVector = { indices: Int32Array; values: Float32Array }

/** Called for each feature occurrence with the original UTF-16 range of the word it came from. */
export type FeatureVisitor = (bucket: number, sign: 1 | -1, wordStart: number, wordEnd: number) => void

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const BOUNDARY = 0x20
/** Each kind of feature hashes from its own seed, so "ab" as characters and "ab" as a word differ. */
const SEED_CHAR_BASE = 0x1b873593
const SEED_CHAR_SKELETON = 0x5bd1e995
const SEED_WORD = 0x27d4eb2f
const SEED_BIGRAM = 0x165667b1
/** A longer word adds little but cost: its n-grams are read over its first units only. */
const MAX_WORD_UNITS = 40
/**
 * The model reads this many units of each view: longer than any network lets a comment be
 * (YouTube's 10,000 characters), so only pasted walls of text are cut, and memory stays bounded.
 */
export const MAX_SCORED_UNITS = 20_000

/** murmur3's finalizer: spreads FNV's bits so the low ones make a fair bucket number. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

function wordHash(text: string, start: number, end: number, seed: number): number {
  let hash = (FNV_OFFSET ^ seed) >>> 0
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME)
  return hash
}

/**
 * Visits every feature of a comment. `views` are the normalizer's views of that comment (the
 * moderation engine computes them already; they are computed here otherwise).
 */
export function visitFeatures(spec: FeatureSpec, views: NormalizedViews, visit: FeatureVisitor): void {
  const mask = (1 << spec.hashBits) - 1
  const emit = (hash: number, wordStart: number, wordEnd: number) => {
    const mixed = mix(hash)
    visit(mixed & mask, mixed >>> 31 === 1 ? -1 : 1, wordStart, wordEnd)
  }

  const charNgrams = (text: string, start: number, end: number, seed: number, originalStart: number, originalEnd: number) => {
    const last = Math.min(end, start + MAX_WORD_UNITS)
    // Padded word: boundary, units start..last-1, boundary; positions -1 and `last` are the marks.
    for (let from = start - 1; from <= last; from++) {
      let hash = (FNV_OFFSET ^ seed) >>> 0
      for (let length = 1; length <= spec.charNgramMax; length++) {
        const at = from + length - 1
        if (at > last) break
        const unit = at < start || at === last ? BOUNDARY : text.charCodeAt(at)
        hash = Math.imul(hash ^ unit, FNV_PRIME)
        if (length >= spec.charNgramMin && !(length === 1 && unit === BOUNDARY)) emit(hash ^ length, originalStart, originalEnd)
      }
    }
  }

  const base = views.base
  let previousWord = 0
  let previousStart = -1
  forEachWord(
    base.text,
    (start, end) => {
      const [originalStart, originalEnd] = base.toOriginal(start, end)
      charNgrams(base.text, start, end, SEED_CHAR_BASE, originalStart, originalEnd)
      const word = wordHash(base.text, start, Math.min(end, start + MAX_WORD_UNITS), SEED_WORD)
      emit(word, originalStart, originalEnd)
      if (spec.wordNgramMax >= 2 && previousStart >= 0) emit(Math.imul(previousWord ^ SEED_BIGRAM, FNV_PRIME) ^ word, previousStart, originalEnd)
      previousWord = word
      previousStart = originalStart
    },
    MAX_SCORED_UNITS,
  )

  const skeleton = views.arabizi
  forEachWord(
    skeleton.text,
    (start, end) => {
      const [originalStart, originalEnd] = skeleton.toOriginal(start, end)
      const word = sharedSkeletonWord(skeleton.text, start, end)
      charNgrams(word, 0, word.length, SEED_CHAR_SKELETON, originalStart, originalEnd)
    },
    MAX_SCORED_UNITS,
  )
}

// One scratch buffer per bucket count: extraction is synchronous, so it is never shared mid-use.
// `stamps` mark the buckets touched by the current call without clearing the whole array.
type Scratch = { sums: Float32Array; stamps: Uint32Array; generation: number; touched: Int32Array }
const scratch = new Map<number, Scratch>()

function scratchFor(hashBits: number, minTouched: number): Scratch {
  let buffers = scratch.get(hashBits)
  if (buffers === undefined) {
    const size = 1 << hashBits
    buffers = { sums: new Float32Array(size), stamps: new Uint32Array(size), generation: 0, touched: new Int32Array(4096) }
    scratch.set(hashBits, buffers)
  }
  if (buffers.touched.length < minTouched) buffers.touched = new Int32Array(minTouched)
  buffers.generation += 1
  if (buffers.generation === 0xffffffff) {
    buffers.stamps.fill(0)
    buffers.generation = 1
  }
  return buffers
}

/** The comment's L2-normalized feature vector (signed counts per bucket), and the norm divided by. */
export function extractFeatures(spec: FeatureSpec, input: string | NormalizedViews): SparseVector & { norm: number } {
  const views = typeof input === 'string' ? normalizeViews(input) : input
  // Upper bound of features: per unit of each view, n-grams of every length plus two word features.
  const scored = (view: { text: string }) => Math.min(view.text.length, MAX_SCORED_UNITS) + 2
  const bound = (scored(views.base) + scored(views.arabizi)) * (spec.charNgramMax + 3)
  const buffers = scratchFor(spec.hashBits, bound)
  const { sums, stamps, generation, touched } = buffers
  let count = 0
  visitFeatures(spec, views, (bucket, sign) => {
    if (stamps[bucket] !== generation) {
      stamps[bucket] = generation
      sums[bucket] = 0
      touched[count++] = bucket
    }
    sums[bucket] += sign
  })
  let squares = 0
  for (let index = 0; index < count; index++) squares += sums[touched[index]!]! ** 2
  const norm = squares > 0 ? Math.sqrt(squares) : 1
  const indices = new Int32Array(count)
  const values = new Float32Array(count)
  for (let index = 0; index < count; index++) {
    const bucket = touched[index]!
    indices[index] = bucket
    values[index] = sums[bucket]! / norm
  }
  return { indices, values, norm }
}
