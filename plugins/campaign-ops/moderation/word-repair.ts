/**
 * Words broken on purpose to get past keyword matching, mended from the rule terms' own words:
 * letters masked by `*`, `#`, `_` or `.` ("p*te", "enc*lé") and words cut in two by a space,
 * punctuation or an emoji ("con nard", "pu-te", "c0n🤡n@rd"). Only the terms can tell what a broken
 * word was meant to be, so the normalized views (normalize.ts, which knows no terms) are mended
 * here, against the words of one automaton's keywords, and the engine scans the mended view like
 * any other. See docs/languages-and-moderation.md#masked-and-split-words.
 *
 * Precision comes first:
 * - A masked word is restored only when every term word that fits its length and visible letters
 *   agrees on the hidden ones. Masks sit inside it (its first and last units are letters or
 *   digits), it shows at least two letters and no fewer letters than masks, and dots and
 *   underscores, which also end sentences and join identifiers, mask only in words of four units
 *   or more.
 * - Two fragments are joined only when together they spell a one-word term, or begin with a
 *   prefix term cut inside it. Cut by punctuation or an emoji ("pu-te"), the term needs four
 *   units. Cut by a space, as real words are, it needs five, both fragments must be Latin and at
 *   most five units long, the first must not be a frequent word on its own, and the term must be
 *   one the caller allows across a space (the engine: terms of rules that remove a comment).
 *   "con nard", "encu lé", "bâ tard" are joined; "or dure", "pu tes", "bas tard", "mot de passe"
 *   are not, and neither is "en culé" (the price of "en culte"). Fragments are joined in pairs,
 *   never in chains.
 * - In the leetspeak view only words written with a digit or symbol are mended (see repairWords).
 *
 * Linear: each word is visited a bounded number of times and compared with a bounded number of
 * term words (those of one length and first letter), whatever the length of the text.
 */

import { forEachWord, isArabicLetter, isAsciiDigit, isInWordSymbol, isWordUnit, normalizeTermViews, type NormalizedView } from './normalize'
import type { TermAutomaton } from './term-automaton'

/** What word repair needs to know of an automaton entry (the engine's entries have more). */
export type RepairableEntry = {
  kind: string
  prefixMatch: boolean
  /** Set on the elongated variants of a term, which are not words of their own. */
  collapsedAt?: readonly number[]
}

const MASKS = new Set(Array.from('*#_.', (character) => character.charCodeAt(0)))
/** Masks that also end sentences or join identifiers ("fin.Le", "mot_de_passe"). */
const AMBIGUOUS_MASKS = new Set(Array.from('_.', (character) => character.charCodeAt(0)))
const MIN_MASKED_UNITS = 3
const MIN_MASKED_UNITS_WITH_DOTS = 4
const MIN_VISIBLE_LETTERS = 2
/** Longer runs of words and masks are not one masked word. */
const MAX_MASKED_UNITS = 32

/** Punctuation that may cut a word in two ("pu-te", "con.nard", "encu_lé"). */
const CUT_PUNCTUATION = new Set(Array.from('.-_*#·•/\\|~+', (character) => character.charCodeAt(0)))
const MAX_CUT_PUNCTUATION = 3
const MAX_CUT_SYMBOLS = 16
const SPACE = 0x20
const MIN_JOINED_UNITS = 4
const MIN_JOINED_UNITS_ACROSS_SPACE = 5
const MAX_FRAGMENT_UNITS_ACROSS_SPACE = 5

/**
 * Short words frequent on their own in French and in Darija written in Latin letters. A first
 * fragment that is one of them is read as that word, so it is never joined to the next across a
 * space: "or dure", "ver mine", "pu tes", "en culte", "mot de passe", "l drari" stay as written.
 * A second fragment may be one ("encu lé", "bâ tard"): after a fragment that is no frequent word,
 * it seldom starts a phrase of its own. ("con" is left out: as a word it is an insult already.)
 */
const FREQUENT_SHORT_WORDS = [
  ...['a', 'au', 'aux', 'ce', 'ces', 'cet', 'cette', 'de', 'des', 'du', 'la', 'le', 'les', 'un', 'une', 'l', 'd', 'c', 'j', 'm', 'n', 's', 't'],
  ...['ma', 'mes', 'mon', 'nos', 'notre', 'sa', 'ses', 'son', 'ta', 'tes', 'ton', 'vos', 'votre', 'leur', 'leurs'],
  ...['je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'te', 'se', 'moi', 'toi', 'lui', 'eux', 'en', 'y'],
  ...['qui', 'que', 'quoi', 'dont', 'ou', 'et', 'or', 'ni', 'mais', 'car', 'donc', 'si', 'ne', 'pas', 'plus', 'non', 'oui'],
  ...['par', 'pour', 'sur', 'sous', 'dans', 'avec', 'sans', 'chez', 'vers', 'entre', 'apres', 'avant', 'puis', 'tres', 'trop'],
  ...['ai', 'as', 'es', 'est', 'ont', 'sont', 'suis', 'etre', 'avoir', 'va', 'vais', 'vont', 'fait', 'faire', 'dit', 'pu', 'vu', 'mis'],
  ...['peut', 'doit', 'bien', 'mal', 'bon', 'bonne', 'tout', 'tous', 'toute', 'rien', 'deja', 'ici', 'tard', 'tot', 'bas', 'haut'],
  ...['assez', 'autre', 'comme', 'quand', 'meme', 'aussi', 'fois', 'jour', 'ans', 'an', 'loi', 'lois', 'juge', 'peine'],
  ...['cas', 'sos', 'gros', 'grand', 'petit', 'dure', 'dures', 'ver', 'vers', 'mine', 'mines', 'foire', 'bile', 'fiole', 'passe'],
  ...['cul', 'culs', 'culot', 'culte', 'pet', 'trou', 'outre', 'mot', 'mots', 'nom', 'noms', 'homme', 'femme', 'gens', 'pays'],
  // Darija in Latin letters
  ...['ya', 'wa', 'w', 'f', 'b', 'fi', 'li', 'had', 'hadi', 'hada', 'dak', 'dik', 'chi', 'bla', 'nta', 'nti', 'ana', 'howa', 'hiya'],
  ...['m3a', '3la', 'lik', 'lih', 'liya', 'dyal', 'dial', 'wach', 'ghir', 'bzaf', 'daba', 'kan', 'kayn', 'mra'],
]

/** The same words as the leetspeak view writes them ("le" → "ie", "vers" → "uers"). */
const frequentShortWords = new Set(FREQUENT_SHORT_WORDS.flatMap((word) => [word, normalizeTermViews(word).leet]))

function hasLetter(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const unit = word.charCodeAt(index)
    if (isWordUnit(unit) && !isAsciiDigit(unit)) return true
  }
  return false
}

function hasArabic(word: string): boolean {
  for (let index = 0; index < word.length; index++) if (isArabicLetter(word.charCodeAt(index))) return true
  return false
}

/** The words of `text`, as [start, end) pairs laid flat. */
function wordsOf(text: string): number[] {
  const bounds: number[] = []
  forEachWord(text, (start, end) => bounds.push(start, end))
  return bounds
}

function onlyUnits(text: string, from: number, to: number, accepted: ReadonlySet<number>): boolean {
  for (let index = from; index < to; index++) if (!accepted.has(text.charCodeAt(index))) return false
  return true
}

type Cut = 'tight' | 'space'

function cutBetween(text: string, from: number, to: number): Cut | null {
  const length = to - from
  if (length === 1 && text.charCodeAt(from) === SPACE) return 'space'
  if (length <= MAX_CUT_PUNCTUATION && onlyUnits(text, from, to, CUT_PUNCTUATION)) return 'tight'
  if (length > MAX_CUT_SYMBOLS) return null
  for (let index = from; index < to; index++) if (!isInWordSymbol(text.charCodeAt(index))) return null
  return 'tight'
}

/** The words of one automaton's keywords, indexed for masked and cut words. */
class TermWords<Entry extends RepairableEntry> {
  /** Whole words, by length and first unit. */
  private readonly exact = new Map<string, string[]>()
  /** Prefix words ("encul" of "encul*"), by first unit. */
  private readonly prefixes = new Map<number, string[]>()
  private longestWord = 0
  /** One-word terms two fragments may spell, and the prefix terms: whether also across a space. */
  private readonly joinable = new Map<string, boolean>()
  private readonly joinablePrefixes = new Map<string, boolean>()
  /** Every proper beginning of a joinable word: what a first fragment must be. */
  private readonly joinableStarts = new Set<string>()
  private longestJoinable = 0

  constructor(keywords: Iterable<[string, readonly Entry[]]>, joinsAcrossSpace: (entry: Entry) => boolean) {
    for (const [keyword, entries] of keywords) {
      const own = entries.filter((entry) => entry.collapsedAt === undefined)
      if (own.length === 0) continue
      const asPrefix = own.some((entry) => entry.prefixMatch)
      const asWhole = own.some((entry) => !entry.prefixMatch)
      const bounds = wordsOf(keyword)
      for (let index = 0; index < bounds.length; index += 2) {
        const word = keyword.slice(bounds[index]!, bounds[index + 1]!)
        const last = index + 2 === bounds.length && bounds[index + 1] === keyword.length
        if (asWhole || !last) this.addWord(word, false)
        if (asPrefix && last) this.addWord(word, true)
      }
      const oneWord = bounds.length === 2 && bounds[0] === 0 && bounds[1] === keyword.length
      const terms = own.filter((entry) => entry.kind !== 'exception')
      if (oneWord && keyword.length >= MIN_MASKED_UNITS && hasLetter(keyword) && terms.length > 0) {
        const acrossSpace = terms.some(joinsAcrossSpace)
        this.joinable.set(keyword, acrossSpace || this.joinable.get(keyword) === true)
        if (asPrefix) this.joinablePrefixes.set(keyword, acrossSpace)
        for (let end = 1; end < keyword.length; end++) this.joinableStarts.add(keyword.slice(0, end))
        this.longestJoinable = Math.max(this.longestJoinable, keyword.length)
      }
    }
  }

  private addWord(word: string, prefix: boolean): void {
    if (word.length < MIN_MASKED_UNITS || !hasLetter(word)) return
    const first = word.charCodeAt(0)
    if (prefix) {
      const list = this.prefixes.get(first)
      if (list === undefined) this.prefixes.set(first, [word])
      else if (!list.includes(word)) list.push(word)
    } else {
      const key = `${word.length}:${first}`
      const list = this.exact.get(key)
      if (list === undefined) this.exact.set(key, [word])
      else if (!list.includes(word)) list.push(word)
    }
    this.longestWord = Math.max(this.longestWord, word.length)
  }

  /**
   * The letters hidden by the masks of `text[start, end)`, when the term words that fit all agree
   * on them; null otherwise.
   */
  unmask(text: string, start: number, end: number): string | null {
    const length = end - start
    if (length > Math.max(this.longestWord, MAX_MASKED_UNITS)) return null
    let masks = 0
    let visibleLetters = 0
    let ambiguous = false
    for (let index = start; index < end; index++) {
      const unit = text.charCodeAt(index)
      if (MASKS.has(unit)) {
        masks++
        if (AMBIGUOUS_MASKS.has(unit)) ambiguous = true
      } else if (!isAsciiDigit(unit)) visibleLetters++
    }
    if (masks === 0 || visibleLetters < MIN_VISIBLE_LETTERS || visibleLetters < masks) return null
    if (length < (ambiguous ? MIN_MASKED_UNITS_WITH_DOTS : MIN_MASKED_UNITS)) return null

    const first = text.charCodeAt(start)
    let hidden: string | null = null
    const candidates: Array<[word: string, compared: number]> = []
    for (const word of this.exact.get(`${length}:${first}`) ?? []) candidates.push([word, length])
    for (const word of this.prefixes.get(first) ?? []) if (word.length <= length) candidates.push([word, word.length])
    for (const [word, compared] of candidates) {
      const letters = hiddenLetters(text, start, length, word, compared)
      if (letters === null) continue
      if (hidden !== null && hidden !== letters) return null
      hidden = letters
    }
    return hidden
  }

  /** Whether fragments `left` and `right`, cut as `cut`, spell a term. */
  joins(left: string, right: string, cut: Cut): boolean {
    const length = left.length + right.length
    if (length < MIN_JOINED_UNITS || length > this.longestJoinable || !this.joinableStarts.has(left)) return false
    if (hasArabic(left) !== hasArabic(right)) return false
    if (cut === 'space') {
      if (length < MIN_JOINED_UNITS_ACROSS_SPACE || hasArabic(left)) return false
      if (left.length > MAX_FRAGMENT_UNITS_ACROSS_SPACE || right.length > MAX_FRAGMENT_UNITS_ACROSS_SPACE) return false
      if (frequentShortWords.has(left)) return false
    }
    const joined = left + right
    if (!hasLetter(joined)) return false
    const allowed = (acrossSpace: boolean | undefined) => acrossSpace !== undefined && (cut === 'tight' || acrossSpace)
    if (allowed(this.joinable.get(joined))) return true
    for (let end = left.length + 1; end < joined.length; end++) {
      if (allowed(this.joinablePrefixes.get(joined.slice(0, end)))) return true
    }
    return false
  }
}

/**
 * The letters `word` puts under the masks of `text[start, start + length)`, when it fits the
 * visible units; `compared` units are compared (a prefix word compares only its own).
 */
function hiddenLetters(text: string, start: number, length: number, word: string, compared: number): string | null {
  let letters = ''
  for (let offset = 0; offset < length; offset++) {
    const unit = text.charCodeAt(start + offset)
    if (MASKS.has(unit)) {
      // A mask past the end of a prefix hides a letter no term tells.
      if (offset >= compared) return null
      letters += word[offset]
    } else if (offset < compared && unit !== word.charCodeAt(offset)) return null
  }
  return letters
}

const indexes = new WeakMap<object, TermWords<never>>()

function termWordsOf<Entry extends RepairableEntry>(automaton: TermAutomaton<Entry>, joinsAcrossSpace: (entry: Entry) => boolean): TermWords<Entry> {
  let words = indexes.get(automaton) as TermWords<Entry> | undefined
  if (words === undefined) {
    words = new TermWords(automaton.keywordEntries(), joinsAcrossSpace)
    indexes.set(automaton, words)
  }
  return words
}

export type RepairOptions<Entry> = {
  /**
   * The entries whose one-word keywords two fragments cut by a space may spell (all by default).
   * The engine keeps to the rules that remove a comment: insults and slurs are what people cut,
   * while everyday words of other rules ("prison", "riches") are too easily spelled by two real
   * words ("pris on").
   */
  joinsAcrossSpace?: (entry: Entry) => boolean
  /**
   * The comment as received, given for the leetspeak view: there only words written with a digit
   * or symbol are mended, since the base view mends the others with their real letters
   * (leetspeak writes l as i: "en cuir" must not read "encui…", the leetspeak of "encul*").
   */
  leetOriginal?: string
}

/** Digits and symbols that leetspeak reads as letters (normalize.ts, table F). */
const LEET_WRITTEN = /[0-9@$€!|+]/

/**
 * `view` with its masked and cut words mended against the words of `automaton`'s keywords, or
 * null when none is. The keywords are indexed once per automaton, at the first call, after it is
 * compiled (with that call's `joinsAcrossSpace`). Offsets still map to the original text: a
 * restored letter to its mask, a joined word across the cut.
 */
export function repairWords<Entry extends RepairableEntry>(
  view: NormalizedView,
  automaton: TermAutomaton<Entry>,
  options: RepairOptions<Entry> = {},
): NormalizedView | null {
  const { text } = view
  const { leetOriginal, joinsAcrossSpace = () => true } = options
  if (automaton.isEmpty || text.length === 0) return null
  const words = termWordsOf(automaton, joinsAcrossSpace)
  const bounds = wordsOf(text)
  const count = bounds.length / 2
  if (count === 0) return null
  const start = (word: number) => bounds[2 * word]!
  const end = (word: number) => bounds[2 * word + 1]!

  const restored = new Map<number, string>()
  const dropped: Array<[number, number]> = []
  /** Words already mended, which no cut may join again. */
  const mended = new Uint8Array(count)

  const writtenInLeet = (from: number, to: number): boolean => {
    if (leetOriginal === undefined) return true
    const [originalFrom, originalTo] = view.toOriginal(from, to)
    return LEET_WRITTEN.test(leetOriginal.slice(originalFrom, originalTo))
  }

  const tryUnmask = (first: number, last: number): boolean => {
    const letters = words.unmask(text, start(first), end(last))
    if (letters === null || !writtenInLeet(start(first), end(last))) return false
    let next = 0
    for (let index = start(first); index < end(last); index++) {
      if (MASKS.has(text.charCodeAt(index))) restored.set(index, letters[next++]!)
    }
    mended.fill(1, first, last + 1)
    return true
  }

  // Masked words: words joined by runs of masks ("enc*l", "c*nn*rd").
  for (let first = 0; first < count;) {
    let last = first
    while (last + 1 < count && onlyUnits(text, end(last), start(last + 1), MASKS)) last++
    if (last > first && end(last) - start(first) <= MAX_MASKED_UNITS && !tryUnmask(first, last)) {
      // Read as sentence or identifier punctuation, dots and underscores leave the asterisks and
      // hashes between them to mask on their own ("sale.p*te").
      for (let from = first; from <= last;) {
        let to = from
        while (to < last && !hasAmbiguousMask(text, end(to), start(to + 1))) to++
        if (to > from) tryUnmask(from, to)
        from = to + 1
      }
    }
    first = last + 1
  }

  // Cut words: two neighbouring fragments that together spell a term.
  for (let left = 0; left + 1 < count; left++) {
    if (mended[left] === 1 || mended[left + 1] === 1) continue
    const cut = cutBetween(text, end(left), start(left + 1))
    if (cut === null) continue
    if (!words.joins(text.slice(start(left), end(left)), text.slice(start(left + 1), end(left + 1)), cut)) continue
    if (!writtenInLeet(start(left), end(left + 1))) continue
    dropped.push([end(left), start(left + 1)])
    mended[left + 1] = 1
    left++
  }

  if (restored.size === 0 && dropped.length === 0) return null
  return mendedView(view, restored, dropped)
}

function hasAmbiguousMask(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (AMBIGUOUS_MASKS.has(text.charCodeAt(index))) return true
  return false
}

const utf16Decoder = new TextDecoder('utf-16le', { ignoreBOM: true })

/** The view with letters restored and cuts dropped; each unit remembers its place in `view`. */
function mendedView(view: NormalizedView, restored: ReadonlyMap<number, string>, dropped: ReadonlyArray<[number, number]>): NormalizedView {
  const { text } = view
  const units = new Uint16Array(text.length)
  const sourceIndex = new Int32Array(text.length)
  let length = 0
  let nextCut = 0
  for (let index = 0; index < text.length; index++) {
    const cut = dropped[nextCut]
    if (cut !== undefined && index >= cut[0]) {
      if (index < cut[1]) continue
      nextCut++
    }
    const letter = restored.get(index)
    units[length] = letter === undefined ? text.charCodeAt(index) : letter.charCodeAt(0)
    sourceIndex[length++] = index
  }
  const mended = utf16Decoder.decode(units.subarray(0, length))
  const clamp = (value: number) => (Number.isFinite(value) ? Math.min(length, Math.max(0, Math.floor(value))) : value > 0 ? length : 0)
  return {
    text: mended,
    toOriginal(from: number, to: number): [number, number] {
      if (length === 0) return view.toOriginal(0, 0)
      const first = clamp(from)
      const last = Math.max(first, clamp(to))
      if (first === last) {
        const at = first < length ? sourceIndex[first]! : sourceIndex[length - 1]! + 1
        return view.toOriginal(at, at)
      }
      // The range spans the cuts dropped inside it, so a joined word maps to all it was written as.
      return view.toOriginal(sourceIndex[first]!, sourceIndex[last - 1]! + 1)
    },
  }
}
