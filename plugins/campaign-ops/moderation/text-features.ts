/**
 * Surface features of a comment that rule conditions test (links, emails, Moroccan phone numbers,
 * mentions, emoji, word count), and the Arabizi evidence that decides whether the Darija-Latin
 * skeleton view is worth matching. Every scan here is a single bounded pass over the text.
 */

import { isAsciiDigit, isLatinLetter, isWordUnit } from './normalize'

export type TextFeatures = {
  containsLink: boolean
  containsEmail: boolean
  containsPhone: boolean
  onlyMentions: boolean
  onlyEmoji: boolean
  wordCount: number
}

/**
 * @param original the comment as received (emoji are judged there, before any folding)
 * @param literal the normalized text before repeat collapsing (keeps "www" and "0666...")
 * @param base the normalized base view (for word counting)
 */
export function extractTextFeatures(original: string, literal: string, base: string): TextFeatures {
  return {
    containsLink: containsLink(literal),
    containsEmail: containsEmail(literal),
    containsPhone: containsMoroccanPhone(literal),
    onlyMentions: isOnlyMentions(literal),
    onlyEmoji: isOnlyEmoji(original),
    wordCount: countWords(base),
  }
}

// ---------------------------------------------------------------------------------------------
// Links

const URL_PREFIXES = ['http://', 'https://', 'www.']

const LINK_TLDS = new Set(
  (
    'com net org info biz io co me ly ma fr be ch ca us uk de es it nl ru cn tk ml ga cf gq xyz ' +
    'top site online shop store bet casino club live link click pro vip app dev tv cc gg to gl ' +
    'ws sh am fm news win icu buzz life world today space website fun one cash money'
  ).split(' '),
)

/** Hosts whose first label is a single letter (link shorteners, messaging invites). */
const SHORT_HOST_LABELS = new Set(['t', 'g'])

const MAX_LABEL = 63
const MAX_TLD = 24

function isHostUnit(unit: number): boolean {
  return isLatinLetter(unit) || isAsciiDigit(unit) || unit === 0x2d
}

export function containsLink(text: string): boolean {
  for (const prefix of URL_PREFIXES) if (text.includes(prefix)) return true
  for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', dot + 1)) {
    let labelStart = dot
    let hasLetter = false
    while (labelStart > 0 && dot - labelStart < MAX_LABEL && isHostUnit(text.charCodeAt(labelStart - 1))) {
      labelStart--
      if (isLatinLetter(text.charCodeAt(labelStart))) hasLetter = true
    }
    const label = text.slice(labelStart, dot)
    if (!hasLetter || (label.length < 2 && !SHORT_HOST_LABELS.has(label))) continue
    let tldEnd = dot + 1
    while (tldEnd < text.length && tldEnd - dot <= MAX_TLD && isLatinLetter(text.charCodeAt(tldEnd))) tldEnd++
    if (tldEnd < text.length && isWordUnit(text.charCodeAt(tldEnd))) continue
    if (LINK_TLDS.has(text.slice(dot + 1, tldEnd))) return true
  }
  return false
}

// ---------------------------------------------------------------------------------------------
// Emails

const MAX_DOMAIN = 255

function isLocalPartUnit(unit: number): boolean {
  return isLatinLetter(unit) || isAsciiDigit(unit) || '._%+-'.includes(String.fromCharCode(unit))
}

function isDomainUnit(unit: number): boolean {
  return isHostUnit(unit) || unit === 0x2e
}

export function containsEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !isLocalPartUnit(text.charCodeAt(at - 1))) continue
    let end = at + 1
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainUnit(text.charCodeAt(end))) end++
    const domain = text.slice(at + 1, end).replace(/\.+$/, '')
    const lastDot = domain.lastIndexOf('.')
    if (lastDot <= 0) continue
    const topLevel = domain.slice(lastDot + 1)
    if (topLevel.length >= 2 && /^[a-z]+$/.test(topLevel)) return true
  }
  return false
}

// ---------------------------------------------------------------------------------------------
// Moroccan phone numbers: 05/06/07 + 8 digits, or +212 / 00212 without the leading 0, with
// spaces, dots or dashes between digits ("06 12 34 56 78", "+212 6-12-34-56-78").

const MOROCCAN_PHONE = /(?<![0-9])(?:(?:\+|00) ?212\)? ?[ .-]?(?:\(0\) ?)?|\(?0)[5-7](?:[ .-]?[0-9]){8}(?![0-9])/

export function containsMoroccanPhone(text: string): boolean {
  return MOROCCAN_PHONE.test(text)
}

// ---------------------------------------------------------------------------------------------
// Mentions and emoji

const MENTION = /^@[\p{L}\p{N}_.]{2,}$/u
const EDGE_PUNCTUATION = /^[,.;:!?]+|[,.;:!?]+$/g

export function isOnlyMentions(text: string): boolean {
  let mentions = 0
  for (const word of text.split(' ')) {
    if (word === '') continue
    const bare = word.replace(EDGE_PUNCTUATION, '')
    if (bare === '') continue
    if (!MENTION.test(bare)) return false
    mentions++
  }
  return mentions > 0
}

const PICTOGRAPHIC = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]$/u
// Joiners, variation selectors and the keycap are listed apart: they combine with what precedes them.
const EMOJI_COMPONENT = /^(?:[\p{Emoji_Modifier}\u{e0020}-\u{e007f}\s]|\u200d|\ufe0e|\ufe0f|\u20e3)$/u

export function isOnlyEmoji(text: string): boolean {
  let pictographs = 0
  for (const character of text) {
    if (PICTOGRAPHIC.test(character)) pictographs++
    else if (!EMOJI_COMPONENT.test(character)) return false
  }
  return pictographs > 0
}

export function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let index = 0; index < text.length; index++) {
    const word = isWordUnit(text.charCodeAt(index))
    if (word && !inWord) words++
    inWord = word
  }
  return words
}

// ---------------------------------------------------------------------------------------------
// Arabizi evidence (docs/languages-and-moderation.md#language-identification): a digit used as a
// letter inside a Latin word, or a frequent Darija word. Without it, the lossy consonant skeleton
// of a French comment could collide with Darija terms ("humeur" and "7mar" share "hmr").

const ARABIZI_DIGITS = new Set(Array.from('235789', (digit) => digit.charCodeAt(0)))

const DARIJA_MARKERS = new Set(
  (
    'dyal dial diyal dyali dyalek dyalo dyalha dyalhom wach wech wash bzaf bezaf bzzaf bezzaf ' +
    'alach kifach kifash chno chnou chnowa achno hadchi hadshi hada hadi hadou walakin walakine ' +
    'walou walo machi mashi ghir ghadi ghada ghadin daba bghit bghina bghiti kayn kayna kaynin ' +
    'kayen mzyan mezyan mzyana khoya khouya khti wlad wld nta nti ntoma ntouma rah raha rahom ' +
    'hna lli bach bash sahbi safi wakha ewa iwa makayn makaynch mnin mlli b7al bhal kolchi ' +
    'kulchi chwiya lhabs lflous flous flouss'
  ).split(' '),
)

export function hasArabiziEvidence(base: string): boolean {
  let start = -1
  for (let index = 0; index <= base.length; index++) {
    const inWord = index < base.length && isWordUnit(base.charCodeAt(index))
    if (inWord) {
      if (start === -1) start = index
      continue
    }
    if (start === -1) continue
    if (isArabiziWord(base, start, index)) return true
    start = -1
  }
  return false
}

function isArabiziWord(text: string, start: number, end: number): boolean {
  let letters = 0
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index)
    if (isLatinLetter(unit)) letters++
    else if (!isAsciiDigit(unit)) return false
  }
  if (letters === 0) return false
  // A word spelled with digits still has its vowels ("7mar", "m3a", "sa7bi") and only the digits
  // that stand for letters; a code such as "mxbj672j" or "ab12cd3" has a digit no letter is written
  // with, no vowel, or a run of digits no word has.
  if (looksLikeWord(text, start, end)) {
    for (let index = start; index < end; index++) {
      if (!ARABIZI_DIGITS.has(text.charCodeAt(index))) continue
      const before = index > start && isLatinLetter(text.charCodeAt(index - 1))
      const after = index + 1 < end && isLatinLetter(text.charCodeAt(index + 1))
      if (before || after) return true
    }
  }
  return end - start <= 10 && DARIJA_MARKERS.has(text.slice(start, end))
}

const LATIN_VOWELS = new Set(Array.from('aeiouy', (vowel) => vowel.charCodeAt(0)))

function looksLikeWord(text: string, start: number, end: number): boolean {
  let vowels = 0
  let digitRun = 0
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index)
    digitRun = isAsciiDigit(unit) ? digitRun + 1 : 0
    if (digitRun >= 3 || (digitRun > 0 && !ARABIZI_DIGITS.has(unit))) return false
    if (LATIN_VOWELS.has(unit | 0x20)) vowels++
  }
  return vowels > 0
}
