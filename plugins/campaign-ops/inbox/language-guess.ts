/**
 * A first guess of a comment's language, for filtering and routing (a French speaker, an Arabic
 * speaker): by script, then Darija's frequent words and Arabizi digits. Not a classifier; the
 * moderation engine reads every script whatever this says.
 */
import { hasArabiziEvidence } from '../moderation/text-features'
import { normalizeViews } from '../moderation/normalize'
import type { NormalizedViews } from '../moderation/normalize'
import type { InteractionLanguage } from './interactions-collection'

const normalizedWord = (word: string) => normalizeViews(word).base.text

// Frequent Darija words written in Arabic letters, rare or absent in Modern Standard Arabic,
// normalized like comments are (ة → ه and the like).
const darijaArabicWords = new Set(
  'ديال ديالي ديالك ديالو ديالها ديالهم واش بزاف ماشي غادي غادين دابا كاين كاينة كاينين هادشي علاش كيفاش شنو شنوا اشنو بغيت بغينا بغيتي مزيان مزيانة حيت والو خويا خوتي صافي واخا كيدير كيقول كنقول كنشوف بحال هاد هادي هادو'
    .split(' ')
    .map(normalizedWord),
)

const frenchWords = new Set(
  'le la les un une des et est sont pas pour que qui dans sur avec ce cette il elle on nous vous ils ne de du au aux mais ou donc car je tu mon ton son leur prison peine loi justice'.split(
    ' ',
  ),
)

const notArabic = /\P{Script=Arabic}/gu
const notLatin = /\P{Script=Latin}/gu

/** `views`: the text's normalized views when the caller has them already (for moderation). */
export function guessLanguage(text: string | null | undefined, views?: NormalizedViews): InteractionLanguage {
  if (!text || text.trim() === '') return 'other'
  // Letters of each script, counted by the regular-expression engine rather than one test per character.
  const arabic = text.replace(notArabic, '').length
  const latin = text.replace(notLatin, '').length
  if (arabic === 0 && latin === 0) return 'other'
  const base = (views ?? normalizeViews(text)).base.text
  const words = base.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  if (arabic >= latin) return words.some((word) => darijaArabicWords.has(word)) ? 'ary_arabic' : 'ar'
  if (hasArabiziEvidence(base)) return 'ary_latin'
  return words.some((word) => frenchWords.has(word)) ? 'fr' : 'other'
}
