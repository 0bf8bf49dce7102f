/**
 * One Aho–Corasick automaton (npm `modern-ahocorasick`) over many keywords, each keyword carrying
 * the rule entries that use it. It reads normalized text, where every keyword is plain letters.
 *
 * The library matches whole grapheme clusters and segments any non-ASCII text with
 * Intl.Segmenter first, which costs about half a second per megabyte, far more than the scan
 * itself. Normalized text needs no segmentation (marks and joiners are gone), so the automaton
 * reads an ASCII projection of it instead: ASCII stays, the 28 Arabic letters left after folding
 * become control codes (which normalized text never contains), anything else becomes a space.
 * The projection has the same length, so offsets hold, and every hit is checked against the real
 * text, so a space standing for another character can never produce a match.
 */

import AhoCorasick from 'modern-ahocorasick'

const FOLDED_ARABIC_LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'

/** Control codes that are graphemes on their own (CR and LF are not, together). */
const FREE_CODES = [
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0b, 0x0c, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c,
  0x1d, 0x1e, 0x1f, 0x7f,
]

const ARABIC_BLOCK = 0x0600
const ARABIC_CODES = new Uint8Array(0x100)
for (let index = 0; index < FOLDED_ARABIC_LETTERS.length; index++) {
  ARABIC_CODES[FOLDED_ARABIC_LETTERS.charCodeAt(index) - ARABIC_BLOCK] = FREE_CODES[index]!
}
const UNPROJECTED = 0x20

function projectUnit(unit: number): number {
  if (unit < 0x80) return unit < 0x20 || unit === 0x7f ? UNPROJECTED : unit
  if (unit >= ARABIC_BLOCK && unit < ARABIC_BLOCK + 0x100) return ARABIC_CODES[unit - ARABIC_BLOCK] || UNPROJECTED
  return UNPROJECTED
}

const asciiDecoder = new TextDecoder('ascii')

function project(text: string): string {
  const bytes = new Uint8Array(text.length)
  for (let index = 0; index < text.length; index++) bytes[index] = projectUnit(text.charCodeAt(index))
  return asciiDecoder.decode(bytes)
}

/** Whether the projection of `keyword` keeps every character (and so can find it). */
function isProjectable(keyword: string): boolean {
  for (let index = 0; index < keyword.length; index++) {
    const unit = keyword.charCodeAt(index)
    if (projectUnit(unit) === UNPROJECTED && unit !== 0x20) return false
  }
  return true
}

export class TermAutomaton<Entry> {
  private readonly keywords: string[] = []
  private readonly keywordIndex = new Map<string, number>()
  private readonly entries: Entry[][] = []
  private automaton: AhoCorasick | null = null
  private projected = true

  add(keyword: string, entry: Entry): void {
    let index = this.keywordIndex.get(keyword)
    if (index === undefined) {
      index = this.keywords.push(keyword) - 1
      this.keywordIndex.set(keyword, index)
      this.entries.push([])
      if (!isProjectable(keyword)) this.projected = false
    }
    this.entries[index]!.push(entry)
  }

  get isEmpty(): boolean {
    return this.keywords.length === 0
  }

  /** Each keyword with its entries, for indexes built over the same terms (word-repair.ts). */
  *keywordEntries(): Iterable<[keyword: string, entries: readonly Entry[]]> {
    for (let index = 0; index < this.keywords.length; index++) yield [this.keywords[index]!, this.entries[index]!]
  }

  compile(): void {
    this.automaton = new AhoCorasick(this.projected ? this.keywords.map(project) : this.keywords)
  }

  /** Calls `visit` for every occurrence of every keyword, overlapping ones included. */
  scan(text: string, visit: (entry: Entry, start: number, end: number) => void): void {
    if (this.automaton === null || text.length === 0) return
    const scanned = this.projected ? project(text) : text
    for (const hit of this.automaton.iterate(scanned)) {
      const keyword = this.keywords[hit.patternIndex]!
      if (this.projected && !text.startsWith(keyword, hit.start)) continue
      for (const entry of this.entries[hit.patternIndex]!) visit(entry, hit.start, hit.end)
    }
  }
}
