/**
 * Text normalization for keyword moderation, following
 * docs/languages-and-moderation.md#text-normalization (tables A–F and the pipeline order). One
 * pass over the comment produces several views; each view keeps, for every UTF-16 unit it
 * contains, the range of the original text it came from, so a match found in any view can be
 * highlighted in the comment as received.
 *
 * Views:
 * - `literal`: invisible characters removed, NFKC-equivalent folding, lowercase, Arabic letters,
 *   diacritics and digits folded (tables A–D), French accents removed, look-alike Cyrillic/Greek
 *   letters mapped inside Latin words. Repeats are kept, so links and numbers stay intact.
 * - `base`: `literal` with runs of 3 or more identical letters collapsed to one.
 * - `leet`: `base` with leetspeak digits and symbols read as letters inside Latin words (table F).
 * - `arabizi`: Latin words reduced to an Arabizi consonant skeleton (table E), other words as in
 *   `base`.
 * - `joined`: `base` with letters split by spaces, dots or dashes joined back ("p u t e"), and
 *   emoji or other symbols dropped where they sit between two letters of one word ("pu😂te").
 *
 * Everything here is total and linear: any string, including lone surrogates, control characters
 * and megabytes of text, is accepted without throwing.
 */

export type NormalizedView = {
  readonly text: string
  /** The original UTF-16 range [start, end) that the normalized range [start, end) came from. */
  toOriginal(start: number, end: number): [number, number]
}

export type NormalizedViews = {
  readonly literal: NormalizedView
  readonly base: NormalizedView
  readonly leet: NormalizedView
  readonly arabizi: NormalizedView
  readonly joined: NormalizedView
  /** U+202E (right-to-left override) visually reverses text: worth a moderator's look. */
  readonly hasBidiOverride: boolean
}

/** A normalized string under construction, with its original range per UTF-16 unit. */
type MappedText = {
  units: Uint16Array
  starts: Int32Array
  ends: Int32Array
  length: number
}

class MappedTextBuilder {
  private units: Uint16Array
  private starts: Int32Array
  private ends: Int32Array
  length = 0

  constructor(capacity: number) {
    const size = Math.max(16, capacity)
    this.units = new Uint16Array(size)
    this.starts = new Int32Array(size)
    this.ends = new Int32Array(size)
  }

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow()
    this.units[this.length] = unit
    this.starts[this.length] = start
    this.ends[this.length] = end
    this.length++
  }

  lastUnit(): number {
    return this.length === 0 ? -1 : this.units[this.length - 1]!
  }

  /** Lets the last unit also cover original text that produced nothing (a mark, a ZWJ...). */
  extendLast(end: number): void {
    if (this.length > 0 && this.ends[this.length - 1]! < end) this.ends[this.length - 1] = end
  }

  build(): MappedText {
    return { units: this.units, starts: this.starts, ends: this.ends, length: this.length }
  }

  private grow(): void {
    const size = this.units.length * 2
    const units = new Uint16Array(size)
    const starts = new Int32Array(size)
    const ends = new Int32Array(size)
    units.set(this.units)
    starts.set(this.starts)
    ends.set(this.ends)
    this.units = units
    this.starts = starts
    this.ends = ends
  }
}

const SPACE = 0x20
const REPLACEMENT_CHARACTER = 0xfffd
const RIGHT_TO_LEFT_OVERRIDE = 0x202e

// ---------------------------------------------------------------------------------------------
// Character classes

const wordUnitClass = new Uint8Array(0x10000) // 0 unknown, 1 other, 2 word
const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u

/** Letters, digits and marks of any script; surrogate halves (mostly emoji) are not. */
export function isWordUnit(unit: number): boolean {
  if (unit >= 0xd800 && unit <= 0xdfff) return false
  let cached = wordUnitClass[unit]!
  if (cached === 0) {
    cached = WORD_UNIT.test(String.fromCharCode(unit)) ? 2 : 1
    wordUnitClass[unit] = cached
  }
  return cached === 2
}

/**
 * Calls `visit(start, end)` for each word of a plain string (a maximal run of word units), up to
 * `limit` units: what proximity, word repair and the triage features walk.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void, limit = text.length): void {
  const length = Math.min(text.length, limit)
  let index = 0
  while (index < length) {
    if (!isWordUnit(text.charCodeAt(index))) {
      index++
      continue
    }
    const start = index
    while (index < length && isWordUnit(text.charCodeAt(index))) index++
    visit(start, index)
  }
}

export function isAsciiDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39
}

export function isLatinLetter(unit: number): boolean {
  return unit >= 0x61 && unit <= 0x7a
}

export function isArabicLetter(unit: number): boolean {
  const inArabicBlocks = (unit >= 0x0620 && unit <= 0x06ff) || (unit >= 0x0750 && unit <= 0x077f) || (unit >= 0x08a0 && unit <= 0x08ff)
  return inArabicBlocks && isWordUnit(unit)
}

// ---------------------------------------------------------------------------------------------
// Step 1–3 and 5: per-character folding (tables A–D, NFKC, lowercase, accents)

const MARK = /\p{M}/u
const FORMAT = /\p{Cf}/u
const CONTROL = /\p{Cc}/u
const WHITESPACE = /\s/u
const TATWEEL = 0x0640
const LONE_HAMZA = 0x0621

/** Table D fillers that render blank but are letters or symbols, and NEL. */
const BLANK_LOOKING = new Set([0x3164, 0x115f, 0x1160, 0x2800, 0xffa0, 0x0085])

/** Apostrophe look-alikes (table F); the acute and grave accents would otherwise fold to a space. */
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201b, 0x02bc, 0x02b9, 0x0060, 0x00b4, 0x2032])

/** Letters NFKD leaves alone (tables B and C, œ/æ of table F, a few Latin letters). */
const LETTER_FOLDS = new Map<number, string>([
  // Table B: alef forms (أ إ آ decompose under NFKD and lose their hamza/madda mark anyway)
  [0x0623, 'ا'],
  [0x0625, 'ا'],
  [0x0622, 'ا'],
  [0x0671, 'ا'],
  [0x0672, 'ا'],
  [0x0673, 'ا'],
  [0x0624, 'و'],
  // yeh forms, alef maqsura
  [0x0626, 'ي'],
  [0x0649, 'ي'],
  [0x06cc, 'ي'],
  [0x06d0, 'ي'],
  [0x06d2, 'ي'],
  // ta marbuta and heh forms
  [0x0629, 'ه'],
  [0x06be, 'ه'],
  [0x06c1, 'ه'],
  [0x06c0, 'ه'],
  [0x06d5, 'ه'],
  // Moroccan /g/ and Persian kaf
  [0x06a9, 'ك'],
  [0x06aa, 'ك'],
  [0x06af, 'ك'],
  [0x06ad, 'ك'],
  [0x0762, 'ك'],
  [0x0763, 'ك'],
  // v, p, tch, zh, and Maghrebi feh/qaf spellings
  [0x06a4, 'ف'],
  [0x06a2, 'ف'],
  [0x06a1, 'ف'],
  [0x067e, 'ب'],
  [0x0686, 'ج'],
  [0x0698, 'ز'],
  [0x06a7, 'ق'],
  [0x06a8, 'ق'],
  // Arabic punctuation read as its Latin counterpart
  [0x060c, ','],
  [0x061b, ';'],
  [0x061f, '?'],
  [0x066a, '%'],
  // Latin letters without a decomposition
  [0x0153, 'oe'],
  [0x00e6, 'ae'],
  [0x00df, 'ss'],
  [0x00f8, 'o'],
  [0x0111, 'd'],
  [0x0142, 'l'],
  [0x0131, 'i'],
])
// Table C: Arabic-Indic and Eastern (Persian) Arabic-Indic digits
for (let digit = 0; digit <= 9; digit++) {
  LETTER_FOLDS.set(0x0660 + digit, String(digit))
  LETTER_FOLDS.set(0x06f0 + digit, String(digit))
}

/** One code point never expands to more than this (ﷺ alone would give 18 units). */
const MAX_FOLD_UNITS = 4
const DELETE = ''
const AS_SPACE = ' '
const foldCache = new Map<number, string>()
const FOLD_CACHE_LIMIT = 50_000

function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint)
  if (folded === undefined) {
    folded = computeFold(codePoint)
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear()
    foldCache.set(codePoint, folded)
  }
  return folded
}

function computeFold(codePoint: number): string {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return String.fromCharCode(REPLACEMENT_CHARACTER)
  const character = String.fromCodePoint(codePoint)
  if (BLANK_LOOKING.has(codePoint)) return AS_SPACE
  if (FORMAT.test(character)) return DELETE // zero-width, bidi controls, BOM, soft hyphen, tags
  if (WHITESPACE.test(character)) return AS_SPACE
  if (CONTROL.test(character)) return DELETE
  if (APOSTROPHES.has(codePoint)) return "'"
  const direct = LETTER_FOLDS.get(codePoint)
  if (direct !== undefined) return direct

  // NFKD + removal of every mark is NFKC followed by accent folding (table F) and diacritic
  // removal (table A); lowercasing in between catches İ → i + U+0307.
  const decomposed = character.normalize('NFKD').toLowerCase().normalize('NFKD')
  let out = ''
  for (const part of decomposed) {
    const partCode = part.codePointAt(0)!
    if (partCode === TATWEEL || partCode === LONE_HAMZA) continue
    if (MARK.test(part) || FORMAT.test(part)) continue
    if (WHITESPACE.test(part)) {
      out += ' '
      continue
    }
    out += LETTER_FOLDS.get(partCode) ?? part
  }
  if (out.length > MAX_FOLD_UNITS) {
    const cut = Array.from(out)
    out = ''
    for (const piece of cut) {
      if (out.length + piece.length > MAX_FOLD_UNITS) break
      out += piece
    }
  }
  return out
}

function foldCharacters(original: string): { folded: MappedText; hasBidiOverride: boolean } {
  const length = original.length
  const builder = new MappedTextBuilder(length + 16)
  let hasBidiOverride = false
  let index = 0
  while (index < length) {
    const start = index
    let codePoint = original.charCodeAt(index)
    index++
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index < length) {
      const low = original.charCodeAt(index)
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00)
        index++
      }
    }
    if (codePoint === RIGHT_TO_LEFT_OVERRIDE) hasBidiOverride = true

    if (codePoint < 0x80) {
      if (codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d)) {
        pushSpace(builder, start, index)
      } else if (codePoint < 0x20 || codePoint === 0x7f) {
        builder.extendLast(index)
      } else if (codePoint >= 0x41 && codePoint <= 0x5a) {
        builder.push(codePoint + 32, start, index)
      } else {
        builder.push(codePoint === 0x60 ? 0x27 : codePoint, start, index)
      }
      continue
    }

    const folded = foldCodePoint(codePoint)
    if (folded.length === 0) {
      builder.extendLast(index)
      continue
    }
    for (let unitIndex = 0; unitIndex < folded.length; unitIndex++) {
      const unit = folded.charCodeAt(unitIndex)
      if (unit === SPACE) pushSpace(builder, start, index)
      else builder.push(unit, start, index)
    }
  }
  return { folded: builder.build(), hasBidiOverride }
}

/** Runs of whitespace become one space, so multi-word terms match whatever the spacing. */
function pushSpace(builder: MappedTextBuilder, start: number, end: number): void {
  if (builder.lastUnit() === SPACE) builder.extendLast(end)
  else builder.push(SPACE, start, end)
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** Calls `visit(start, end)` for each maximal run of units accepted by `inToken`. */
function forEachRun(text: MappedText, inToken: (unit: number) => boolean, visit: (start: number, end: number) => void): void {
  let index = 0
  while (index < text.length) {
    if (!inToken(text.units[index]!)) {
      index++
      continue
    }
    const start = index
    while (index < text.length && inToken(text.units[index]!)) index++
    visit(start, index)
  }
}

function isLatinToken(text: MappedText, start: number, end: number): boolean {
  let hasLatin = false
  for (let index = start; index < end; index++) {
    const unit = text.units[index]!
    if (isArabicLetter(unit)) return false
    if (isLatinLetter(unit)) hasLatin = true
  }
  return hasLatin
}

// ---------------------------------------------------------------------------------------------
// Table D, last row: Cyrillic, Greek and Armenian letters that look Latin (after lowercasing)

const HOMOGLYPHS = new Map<number, number>(
  [
    ['а', 'a'],
    ['в', 'b'],
    ['е', 'e'],
    ['к', 'k'],
    ['м', 'm'],
    ['н', 'h'],
    ['о', 'o'],
    ['р', 'p'],
    ['с', 'c'],
    ['т', 't'],
    ['у', 'y'],
    ['х', 'x'],
    ['і', 'i'],
    ['ј', 'j'],
    ['ѕ', 's'],
    ['ԁ', 'd'],
    ['ԛ', 'q'],
    ['ԝ', 'w'],
    ['ӏ', 'l'],
    ['ь', 'b'],
    ['п', 'n'],
    ['г', 'r'],
    ['α', 'a'],
    ['β', 'b'],
    ['ε', 'e'],
    ['ι', 'i'],
    ['κ', 'k'],
    ['ν', 'v'],
    ['ο', 'o'],
    ['ρ', 'p'],
    ['τ', 't'],
    ['υ', 'u'],
    ['χ', 'x'],
    ['γ', 'y'],
    ['η', 'n'],
    ['μ', 'u'],
    ['ω', 'w'],
    ['ς', 'c'],
    ['ɑ', 'a'],
    ['ɡ', 'g'],
    ['ɩ', 'i'],
    ['օ', 'o'],
    ['ո', 'n'],
    ['ս', 'u'],
  ].map(([from, to]) => [from!.charCodeAt(0), to!.charCodeAt(0)]),
)

/**
 * Maps look-alikes only inside words that are Latin already ("рute") or made only of look-alikes
 * ("сосо"): a word of real Cyrillic or Greek keeps its letters, and Arabic is never touched.
 */
function mapHomoglyphs(text: MappedText): MappedText {
  let units: Uint16Array | null = null
  forEachRun(text, isWordUnit, (start, end) => {
    let hasLatin = false
    let hasLookAlike = false
    let hasOtherLetter = false
    for (let index = start; index < end; index++) {
      const unit = text.units[index]!
      if (isLatinLetter(unit)) hasLatin = true
      else if (HOMOGLYPHS.has(unit)) hasLookAlike = true
      else if (isArabicLetter(unit)) return
      else if (!isAsciiDigit(unit)) hasOtherLetter = true
    }
    if (!hasLookAlike || (!hasLatin && hasOtherLetter)) return
    units ??= text.units.slice(0, text.length)
    for (let index = start; index < end; index++) {
      const mapped = HOMOGLYPHS.get(text.units[index]!)
      if (mapped !== undefined) units[index] = mapped
    }
  })
  return units === null ? text : { ...text, units }
}

// ---------------------------------------------------------------------------------------------
// Step 7: collapse runs of 3 or more identical letters (doubles such as "connard", "الله" stay).

const MIN_COLLAPSED_RUN = 3

function isCollapsibleUnit(unit: number): boolean {
  return isWordUnit(unit) && !isAsciiDigit(unit)
}

/** Digits are left alone: "0666666666" is a phone number, not an elongated word. */
function collapseRepeats(text: MappedText): MappedText {
  const { units, starts, ends, length } = text
  let firstRun = -1
  for (let index = 0; index + MIN_COLLAPSED_RUN <= length; index++) {
    const unit = units[index]!
    if (units[index + 1] === unit && units[index + 2] === unit && isCollapsibleUnit(unit)) {
      firstRun = index
      break
    }
  }
  if (firstRun === -1) return text

  const outUnits = units.slice(0, length)
  const outStarts = starts.slice(0, length)
  const outEnds = ends.slice(0, length)
  let written = firstRun
  let index = firstRun
  while (index < length) {
    const unit = units[index]!
    let runEnd = index + 1
    while (runEnd < length && units[runEnd] === unit) runEnd++
    if (runEnd - index >= MIN_COLLAPSED_RUN && isCollapsibleUnit(unit)) {
      outUnits[written] = unit
      outStarts[written] = starts[index]!
      outEnds[written] = ends[runEnd - 1]!
      written++
    } else {
      for (let copy = index; copy < runEnd; copy++, written++) {
        outUnits[written] = units[copy]!
        outStarts[written] = starts[copy]!
        outEnds[written] = ends[copy]!
      }
    }
    index = runEnd
  }
  return { units: outUnits, starts: outStarts, ends: outEnds, length: written }
}

// ---------------------------------------------------------------------------------------------
// Table F: leetspeak, inside Latin words only

/** 1, | and ! stand for i or for l ("sa1ope", "gu1gnol"): the leet view writes i and l alike. */
const LEET = new Map<number, number>(
  [
    ['0', 'o'],
    ['1', 'i'],
    ['3', 'e'],
    ['4', 'a'],
    ['5', 's'],
    ['7', 't'],
    ['8', 'b'],
    ['9', 'g'],
    ['@', 'a'],
    ['$', 's'],
    ['€', 'e'],
    ['!', 'i'],
    ['|', 'i'],
    ['l', 'i'],
    ['+', 't'],
    ['v', 'u'],
  ].map(([from, to]) => [from!.charCodeAt(0), to!.charCodeAt(0)]),
)

function isLeetSymbol(unit: number): boolean {
  return LEET.has(unit) && !isWordUnit(unit)
}

/**
 * Symbols that also stand for a letter at the start of a word ("€nculé", "$alope", "|diot"). The
 * others stay outside: "@name" is a mention and "!" or "+" before a word is punctuation.
 */
const LEADING_LEET_SYMBOLS = new Set(Array.from('€$|', (character) => character.charCodeAt(0)))

/**
 * Symbols count only inside a word ("p@te", not "@name" or "pute!"), except the few above at its
 * start, and a word is read as leet only when it has a Latin letter, so "2025" stays a number.
 */
function applyLeet(text: MappedText): MappedText {
  let units: Uint16Array | null = null
  forEachRun(
    text,
    (unit) => isWordUnit(unit) || isLeetSymbol(unit),
    (runStart, runEnd) => {
      let start = runStart
      let end = runEnd
      while (start < end && isLeetSymbol(text.units[start]!)) start++
      while (start > runStart && LEADING_LEET_SYMBOLS.has(text.units[start - 1]!)) start--
      while (end > start && isLeetSymbol(text.units[end - 1]!)) end--
      if (start === end || !isLatinToken(text, start, end)) return
      for (let index = start; index < end; index++) {
        const mapped = LEET.get(text.units[index]!)
        if (mapped === undefined) continue
        units ??= text.units.slice(0, text.length)
        units[index] = mapped
      }
    },
  )
  return units === null ? text : { ...text, units }
}

// ---------------------------------------------------------------------------------------------
// Table E: Arabizi consonant skeleton of Latin words

const ARABIZI_DIGRAPHS = new Map<string, string>([
  ['kh', 'x'],
  ['gh', 'g'],
  ['ch', 'c'],
  ['sh', 'c'],
  ['ou', 'w'],
  ['dj', 'j'],
])

/**
 * Table E, with one deliberate split: 9 and q (ق) stay apart from k (ك), which the skeleton of
 * docs/languages-and-moderation.md#table-e-arabizi merges; "9alb" (heart) must not read as
 * "kelb" (dog). Spellings of one word that use both, like 9a7ba and kahba, are listed separately
 * in the lexicon.
 */
const ARABIZI_LETTERS = new Map<string, string>([
  ['7', 'h'],
  ['5', 'x'],
  ['9', 'q'],
  ['8', 'g'],
  ['6', 't'],
  // 2 (hamza) and 3 (ain) are often dropped in writing, and vowels vary freely (nta/enta,
  // kelb/kalb/klb): the skeleton drops them, except at the end of a word.
  ['2', ''],
  ['3', ''],
  ['a', ''],
  ['e', ''],
  ['i', ''],
  ['o', ''],
  ['u', ''],
])

const SKELETON_VOWELS = new Set(Array.from('aeiou', (vowel) => vowel.charCodeAt(0)))
const SKELETON_FINAL_VOWEL = 0x61

/**
 * "7maaar", "hmar" and "7mar" all become "hmr". Two changes to the documented heuristic: vowels
 * are dropped word-initially too, since writers add or omit them freely (enta/nta, 3la/ala), and a
 * word-final vowel is kept as "a", since Darija suffixes are often vowels and change the word
 * (kelb "dog" → klb, kelbi "my dog" → klba; zamel → zml, zamila "colleague" → zmla). `y` stays a
 * consonant (ي): 7ayawan → hywn.
 */
function appendSkeleton(text: MappedText, start: number, end: number, out: MappedTextBuilder): void {
  const firstOut = out.length
  let vowelTail = end
  while (vowelTail > start && SKELETON_VOWELS.has(text.units[vowelTail - 1]!)) vowelTail--

  let index = start
  while (index < vowelTail) {
    const unit = text.units[index]!
    let consumed = 1
    let mapped: string | undefined
    if (index + 1 < vowelTail) {
      mapped = ARABIZI_DIGRAPHS.get(String.fromCharCode(unit, text.units[index + 1]!))
      if (mapped !== undefined) consumed = 2
    }
    mapped ??= ARABIZI_LETTERS.get(String.fromCharCode(unit)) ?? String.fromCharCode(unit)
    const pieceEnd = text.ends[index + consumed - 1]!
    const emitted = out.length > firstOut
    if (mapped === '') {
      if (emitted) out.extendLast(pieceEnd)
    } else {
      const code = mapped.charCodeAt(0)
      if (emitted && out.lastUnit() === code) out.extendLast(pieceEnd)
      else out.push(code, emitted ? text.starts[index]! : text.starts[start]!, pieceEnd)
    }
    index += consumed
  }
  if (vowelTail < end || out.length === firstOut) {
    const tailStart = out.length > firstOut ? text.starts[vowelTail]! : text.starts[start]!
    out.push(SKELETON_FINAL_VOWEL, tailStart, text.ends[end - 1]!)
  }
}

function toArabiziSkeleton(text: MappedText): MappedText {
  const builder = new MappedTextBuilder(text.length)
  let copied = 0
  const copyUpTo = (limit: number) => {
    for (; copied < limit; copied++) {
      builder.push(text.units[copied]!, text.starts[copied]!, text.ends[copied]!)
    }
  }
  forEachRun(text, isWordUnit, (start, end) => {
    if (!isLatinToken(text, start, end)) return
    copyUpTo(start)
    appendSkeleton(text, start, end, builder)
    copied = end
  })
  copyUpTo(text.length)
  return builder.build()
}

// ---------------------------------------------------------------------------------------------
// Step 8: drop emoji and other symbols between two letters of one word ("con🤡nard", "pu😂te").
// The joiners, variation selectors and keycap marks of emoji sequences are deleted already (table D).

const IN_WORD_SYMBOL = /[\p{So}\p{Sk}]/u
const inWordSymbolClass = new Uint8Array(0x10000) // 0 unknown, 1 other, 2 symbol
/** Longer runs are decoration between words, not a letter hidden in one. */
const MAX_IN_WORD_SYMBOL_RUN = 16

/**
 * Emoji and other pictographic or modifier symbols. Astral ones (most emoji) arrive as surrogate
 * halves; ASCII punctuation is never one: it separates words, or stands for a letter (leetspeak).
 */
export function isInWordSymbol(unit: number): boolean {
  if (unit >= 0xd800 && unit <= 0xdfff) return true
  if (unit < 0x80) return false
  let cached = inWordSymbolClass[unit]!
  if (cached === 0) {
    cached = IN_WORD_SYMBOL.test(String.fromCharCode(unit)) ? 2 : 1
    inWordSymbolClass[unit] = cached
  }
  return cached === 2
}

function dropSymbolsInsideWords(text: MappedText): MappedText {
  const { units, length } = text
  let dropped: Uint8Array | null = null
  let index = 1
  while (index < length) {
    if (!isInWordSymbol(units[index]!) || !isWordUnit(units[index - 1]!)) {
      index++
      continue
    }
    const runStart = index
    while (index < length && isInWordSymbol(units[index]!)) index++
    const inside = index < length && index - runStart <= MAX_IN_WORD_SYMBOL_RUN && isWordUnit(units[index]!)
    if (inside && sameScript(units[runStart - 1]!, units[index]!)) {
      dropped ??= new Uint8Array(length)
      dropped.fill(1, runStart, index)
    }
  }
  return dropped === null ? text : withoutDropped(text, dropped)
}

/** The text without the units marked; each dropped unit's original range goes to the unit before it. */
function withoutDropped(text: MappedText, dropped: Uint8Array): MappedText {
  const builder = new MappedTextBuilder(text.length)
  for (let index = 0; index < text.length; index++) {
    if (dropped[index] === 1) builder.extendLast(text.ends[index]!)
    else builder.push(text.units[index]!, text.starts[index]!, text.ends[index]!)
  }
  return builder.build()
}

// ---------------------------------------------------------------------------------------------
// Step 8: join letters split by separators ("p u t e", "p.u.t.e", "ك ل ب")

const JOIN_SEPARATORS = new Set(Array.from(' .-_*·•/\\+,|~', (character) => character.charCodeAt(0)))
const MAX_SEPARATOR_RUN = 3
const MIN_JOINED_LETTERS = 3

function joinSplitLetters(text: MappedText): MappedText {
  const singles: number[] = []
  forEachRun(text, isWordUnit, (start, end) => {
    if (end - start === 1) singles.push(start)
  })
  const dropped = new Uint8Array(text.length)
  let anyJoined = false
  let groupStart = 0
  for (let index = 1; index <= singles.length; index++) {
    const previous = singles[index - 1]!
    const continues =
      index < singles.length && sameScript(text.units[previous]!, text.units[singles[index]!]!) && isSeparatorGap(text, previous + 1, singles[index]!)
    if (continues) continue
    if (index - groupStart >= MIN_JOINED_LETTERS) {
      anyJoined = true
      for (let member = groupStart + 1; member < index; member++) {
        dropped.fill(1, singles[member - 1]! + 1, singles[member]!)
      }
    }
    groupStart = index
  }
  return anyJoined ? withoutDropped(text, dropped) : text
}

/** "و p u t e" is the word "and" before a spaced-out word: letters join only within a script. */
function sameScript(left: number, right: number): boolean {
  return isArabicLetter(left) === isArabicLetter(right)
}

function isSeparatorGap(text: MappedText, from: number, to: number): boolean {
  const gap = to - from
  if (gap < 1 || gap > MAX_SEPARATOR_RUN) return false
  for (let index = from; index < to; index++) {
    if (!JOIN_SEPARATORS.has(text.units[index]!)) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// Views

// UTF-16 code units to a string in one native call; the folding keeps surrogate pairs whole, and
// the BOM is deleted before this point, so the decoder has nothing to repair or strip.
const utf16Decoder = new TextDecoder('utf-16le', { ignoreBOM: true })

function unitsToString(units: Uint16Array, length: number): string {
  return utf16Decoder.decode(units.subarray(0, length))
}

function toIndex(value: number, max: number): number {
  if (!Number.isFinite(value)) return value > 0 ? max : 0
  return Math.min(max, Math.max(0, Math.floor(value)))
}

function makeView(mapped: MappedText): NormalizedView {
  const text = unitsToString(mapped.units, mapped.length)
  const { starts, ends, length } = mapped
  return {
    text,
    toOriginal(start: number, end: number): [number, number] {
      if (length === 0) return [0, 0]
      const from = toIndex(start, length)
      const to = Math.max(from, toIndex(end, length))
      if (to === from) {
        const at = from < length ? starts[from]! : ends[length - 1]!
        return [at, at]
      }
      return [starts[from]!, Math.max(starts[from]!, ends[to - 1]!)]
    },
  }
}

export function normalizeViews(text: string): NormalizedViews {
  const input = typeof text === 'string' ? text : ''
  const { folded, hasBidiOverride } = foldCharacters(input)
  const literal = mapHomoglyphs(folded)
  const base = collapseRepeats(literal)
  const leetLiteral = applyLeet(literal)
  const leet = leetLiteral === literal ? base : collapseRepeats(leetLiteral)
  const arabizi = collapseRepeats(toArabiziSkeleton(literal))
  const joined = joinSplitLetters(dropSymbolsInsideWords(base))

  const baseView = makeView(base)
  return {
    literal: literal === base ? baseView : makeView(literal),
    base: baseView,
    leet: leet === base ? baseView : makeView(leet),
    arabizi: makeView(arabizi),
    joined: joined === base ? baseView : makeView(joined),
    hasBidiOverride,
  }
}

export type NormalizedTerm = {
  base: string
  leet: string
  arabizi: string
}

/** The same pipeline applied to a lexicon entry, in each view a term can be matched in. */
export function normalizeTermViews(term: string): NormalizedTerm {
  const views = normalizeViews(term)
  return {
    base: views.base.text.trim(),
    leet: views.leet.text.trim(),
    arabizi: views.arabizi.text.trim(),
  }
}

/** A lexicon entry in the base view: what the rule engine matches for every term. */
export function normalizeTerm(term: string): string {
  return normalizeTermViews(term).base
}
