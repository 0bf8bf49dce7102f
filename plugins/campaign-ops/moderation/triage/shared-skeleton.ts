/**
 * Arabic-script words written with the letters of the Arabizi consonant skeleton, so that "حمار"
 * and "7mar" (both "hmr"), "القحبة" and "l9a7ba" (both "lqhba") give the triage model the same
 * features. The normalizer's `arabizi` view already reduces Latin Darija to that skeleton
 * (docs/languages-and-moderation.md#table-e-arabizi); this maps the Arabic letters onto it, with
 * the same two conventions: long vowels and ain are dropped, and a word-final vowel reads "a".
 * Only features are built from it: it never decides anything on its own.
 */

const DROPPED = ''
const FINAL_VOWEL = 'a'

const ARABIC_TO_SKELETON = new Map<number, string>(
  [
    ['ا', DROPPED],
    ['ء', DROPPED],
    ['ع', DROPPED],
    ['ب', 'b'],
    ['پ', 'b'],
    ['ت', 't'],
    ['ث', 't'],
    ['ط', 't'],
    ['ج', 'j'],
    ['ح', 'h'],
    ['ه', 'h'],
    ['خ', 'x'],
    ['د', 'd'],
    ['ذ', 'd'],
    ['ض', 'd'],
    ['ظ', 'd'],
    ['ر', 'r'],
    ['ز', 'z'],
    ['س', 's'],
    ['ص', 's'],
    ['ش', 'c'],
    ['غ', 'g'],
    ['ڭ', 'g'],
    ['گ', 'g'],
    ['ف', 'f'],
    ['ڤ', 'v'],
    ['ق', 'q'],
    ['ك', 'k'],
    ['ل', 'l'],
    ['م', 'm'],
    ['ن', 'n'],
    ['و', 'w'],
    ['ي', 'y'],
    ['ى', DROPPED],
    ['ة', DROPPED],
  ].map(([letter, skeleton]) => [letter!.charCodeAt(0), skeleton!]),
)

/** Letters that end a word as a vowel sound: the skeleton keeps them as a final "a". */
const FINAL_VOWEL_LETTERS = new Set(Array.from('اىةهوي', (letter) => letter.charCodeAt(0)))

/**
 * The skeleton of one word of the `arabizi` view: Arabic letters mapped as above, everything else
 * (Latin skeleton letters, digits) kept; repeated letters collapse like in the view itself.
 */
export function sharedSkeletonWord(text: string, start: number, end: number): string {
  let out = ''
  let last = -1
  let lastLetter = end - 1
  const endsWithArabicVowel = end > start && FINAL_VOWEL_LETTERS.has(text.charCodeAt(lastLetter))
  if (endsWithArabicVowel) lastLetter--
  for (let index = start; index <= lastLetter; index++) {
    const unit = text.charCodeAt(index)
    const mapped = ARABIC_TO_SKELETON.get(unit)
    if (mapped === DROPPED) continue
    const code = mapped === undefined ? unit : mapped.charCodeAt(0)
    if (code === last) continue
    out += String.fromCharCode(code)
    last = code
  }
  if (endsWithArabicVowel || out === '') out += FINAL_VOWEL
  return out
}
