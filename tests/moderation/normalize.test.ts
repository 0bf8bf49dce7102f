import { normalizeTerm, normalizeTermViews, normalizeViews } from '../../plugins/campaign-ops/moderation/normalize'

const base = (text: string) => normalizeViews(text).base.text
const leet = (text: string) => normalizeViews(text).leet.text
const arabizi = (text: string) => normalizeViews(text).arabizi.text

/** The original text a normalized substring came from (first occurrence). */
function originalOf(text: string, view: 'base' | 'leet' | 'arabizi' | 'joined', normalized: string): string {
  const mapped = normalizeViews(text)[view]
  const start = mapped.text.indexOf(normalized)
  if (start === -1) throw new Error(`"${normalized}" not in ${view} view "${mapped.text}"`)
  const [from, to] = mapped.toOriginal(start, start + normalized.length)
  return text.slice(from, to)
}

describe('table A: Arabic marks and tatweel are deleted', () => {
  it.each([
    ['fathatan, dammatan, kasratan', 'كتابًا كتابٌ كتابٍ', 'كتابا كتاب كتاب'],
    ['fatha, damma, kasra', 'كَتَبَ كُتُب كِتاب', 'كتب كتب كتاب'],
    ['shadda and sukun', 'محمّد قُلْ', 'محمد قل'],
    ['superscript alef U+0670', 'هٰذا', 'هذا'],
    ['Quranic annotation marks U+06D6–U+06DC', 'قال\u06d6 نعم\u06dc', 'قال نعم'],
    ['small high marks U+06DF–U+06E4', 'رب\u06df\u06e4', 'رب'],
    ['marks U+06E7–U+06E8 and U+06EA–U+06ED', 'نور\u06e7\u06ea\u06ed', 'نور'],
    ['extended marks U+08D3–U+08FF', 'سلام\u08d3\u08f0', 'سلام'],
    ['honorific marks U+0610–U+061A', 'محمد\u0610', 'محمد'],
    ['tatweel U+0640', 'حمـــــار', 'حمار'],
  ])('%s', (_label, input, expected) => {
    expect(base(input)).toBe(expected)
  })
})

describe('table B: Arabic letter variants fold to one form', () => {
  it.each([
    ['أ U+0623', 'أحمد', 'احمد'],
    ['إ U+0625', 'إسلام', 'اسلام'],
    ['آ U+0622', 'آمال', 'امال'],
    ['ٱ U+0671', 'ٱلله', 'الله'],
    ['ٲ U+0672', 'ٲب', 'اب'],
    ['ٳ U+0673', 'ٳب', 'اب'],
    ['ؤ U+0624', 'مؤمن', 'مومن'],
    ['ئ U+0626', 'بئر', 'بير'],
    ['ى U+0649 (alef maqsura)', 'على', 'علي'],
    ['ی U+06CC (Farsi yeh)', 'کبیر', 'كبير'],
    ['ې U+06D0', 'بې', 'بي'],
    ['ے U+06D2', 'بے', 'بي'],
    ['lone hamza U+0621 is deleted', 'سماء', 'سما'],
    ['ة U+0629 (ta marbuta)', 'قحبة', 'قحبه'],
    ['ھ U+06BE', 'ھو', 'هو'],
    ['ہ U+06C1', 'ہو', 'هو'],
    ['ۀ U+06C0', 'ۀ', 'ه'],
    ['ک U+06A9 (keheh)', 'کلب', 'كلب'],
    ['گ U+06AF', 'گال', 'كال'],
    ['ڭ U+06AD (Moroccan g)', 'ڭال', 'كال'],
    ['ݣ U+0763', 'ݣال', 'كال'],
    ['ڤ U+06A4 (v)', 'ڤيديو', 'فيديو'],
    ['پ U+067E (p)', 'پاپا', 'بابا'],
    ['چ U+0686 (tch)', 'چاي', 'جاي'],
    ['ژ U+0698 (zh)', 'ژورنال', 'زورنال'],
  ])('%s', (_label, input, expected) => {
    expect(base(input)).toBe(expected)
  })
})

describe('table C: Arabic-Indic digits become ASCII digits', () => {
  it('folds Arabic-Indic digits U+0660–U+0669', () => {
    expect(base('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789')
  })

  it('folds Eastern Arabic-Indic (Persian) digits U+06F0–U+06F9', () => {
    expect(base('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789')
  })
})

describe('table D: invisible and evasion characters', () => {
  it.each([
    ['ZWSP U+200B', 'pu\u200bte'],
    ['ZWNJ U+200C', 'pu\u200cte'],
    ['ZWJ U+200D', 'pu\u200dte'],
    ['WJ U+2060', 'pu\u2060te'],
    ['BOM U+FEFF', 'pu\ufeffte'],
    ['soft hyphen U+00AD', 'pu\u00adte'],
    ['CGJ U+034F', 'pu\u034fte'],
    ['U+180E', 'pu\u180ete'],
    ['U+2061–U+2064', 'p\u2061u\u2062t\u2063e\u2064'],
    ['LRM and RLM', 'pu\u200e\u200fte'],
    ['ALM U+061C', 'pu\u061cte'],
    ['embeddings and overrides U+202A–U+202E', 'p\u202au\u202bt\u202c\u202de\u202e'],
    ['isolates U+2066–U+2069', 'p\u2066u\u2067t\u2068e\u2069'],
    ['variation selectors', 'pu\ufe0fte\ufe00'],
    ['variation selectors supplement', 'pu\u{e0100}te'],
    ['tag characters', 'pu\u{e0041}te\u{e007f}'],
    ['control characters', 'pu\u0000\u0007te'],
  ])('deletes %s', (_label, input) => {
    expect(base(input)).toBe('pute')
  })

  it.each([
    ['en and em spaces', 'a\u2002b\u2003c'],
    ['narrow no-break space', 'a\u202fb\u202fc'],
    ['medium mathematical space', 'a\u205fb\u205fc'],
    ['ideographic space', 'a\u3000b\u3000c'],
    ['Hangul filler U+3164', 'a\u3164b\u3164c'],
    ['Hangul fillers U+115F and U+1160', 'a\u115fb\u1160c'],
    ['Braille blank U+2800', 'a\u2800b\u2800c'],
    ['no-break space', 'a\u00a0b\u00a0c'],
  ])('maps %s to a plain space', (_label, input) => {
    expect(base(input)).toBe('a b c')
  })

  it('collapses any run of whitespace to one space', () => {
    expect(base('ya \t\n  7mar')).toBe('ya 7mar')
  })

  it('reports a right-to-left override, and only that bidi character', () => {
    expect(normalizeViews('abc\u202edef').hasBidiOverride).toBe(true)
    expect(normalizeViews('abc\u200fdef\u202b').hasBidiOverride).toBe(false)
  })
})

describe('table D: look-alike letters inside Latin words', () => {
  it.each([
    ['Cyrillic р in a Latin word', 'рute', 'pute'],
    ['Cyrillic а, е, о, с', 'sаlоpе', 'salope'],
    ['uppercase Cyrillic, lowercased first', 'СОNNARD', 'connard'],
    ['Greek ο and ρ', 'ρutο', 'puto'],
    ['a word made only of look-alikes', 'сосо', 'coco'],
  ])('%s', (_label, input, expected) => {
    expect(base(input)).toBe(expected)
  })

  it('leaves real Cyrillic and Greek words alone', () => {
    expect(base('привет')).toBe('привет')
    expect(base('ελλάδα')).toBe('ελλαδα')
  })

  it('never maps Arabic letters', () => {
    expect(base('الكلب ٥ ا ل')).toBe('الكلب 5 ا ل')
  })
})

describe('NFKC-equivalent folding', () => {
  it.each([
    ['Arabic presentation forms', 'ﺑﻛ ﯾ', 'بك ي'],
    ['lam-alef ligature', 'ﻻ', 'لا'],
    ['Allah ligature', 'ﷲ', 'الله'],
    ['Latin ligature fi', 'ﬁls', 'fils'],
    ['fullwidth letters and digits', 'Ｐｕｔｅ１', 'pute1'],
    ['mathematical alphanumerics', '𝐩𝐮𝐭𝐞', 'pute'],
    ['circled letters', 'ⓟⓤⓣⓔ', 'pute'],
    ['superscripts', 'x³', 'x3'],
  ])('%s', (_label, input, expected) => {
    expect(base(input)).toBe(expected)
  })
})

describe('table F: French', () => {
  it.each([
    ['accents', 'Énervé, déçu, naïf, où', 'enerve, decu, naif, ou'],
    ['œ and æ', 'Cœur, Ægis', 'coeur, aegis'],
    ['ß', 'Straße', 'strasse'],
    ['decomposed accents', 'e\u0301le\u0300ve', 'eleve'],
    ['apostrophe look-alikes', 'l’impunité l‘x lʼy l`z l´w', "l'impunite l'x l'y l'z l'w"],
    ['capital I with dot', 'İ', 'i'],
  ])('%s', (_label, input, expected) => {
    expect(base(input)).toBe(expected)
  })
})

describe('table F: leetspeak view, inside Latin words only', () => {
  it.each([
    ['0 → o', 'c0nnard', 'connard'],
    ['1 → i', 'gu1gnol', 'guignol'],
    ['1 → l', 'sa1ope', 'salope'],
    ['3 → e', 'pet3', 'pete'],
    ['4 → a', 'f4ch', 'fach'],
    ['5 → s', '5alope', 'salope'],
    ['7 → t', 'pu7e', 'pute'],
    ['8 → b', '8atard', 'batard'],
    ['9 → g', '9arce', 'garce'],
    ['@ → a', 's@lope', 'salope'],
    ['$ → s', 'sa$ope', 'sasope'],
    ['€ → e', 'put€s', 'putes'],
    ['! → i', 'cr!tin', 'critin'],
    ['| → l', 'sa|ope', 'salope'],
    ['+ → t', 'pu+e', 'pute'],
    ['v → u', 'pvte', 'pute'],
  ])('%s', (_label, input, plain) => {
    expect(leet(input)).toBe(leet(plain))
    expect(leet(input)).not.toBe(base(input))
  })

  it('writes i and l alike, since 1 and | stand for either', () => {
    expect(leet('salope guignol')).toBe('saiope guignoi')
  })

  it('keeps numbers, mentions and trailing punctuation as they are', () => {
    expect(leet('2025 @amine pute! 5€')).toBe('2025 @amine pute! 5€')
  })

  it('leaves digits in the base view', () => {
    expect(base('c0nnard')).toBe('c0nnard')
  })
})

describe('table E: Arabizi view, separate from leetspeak', () => {
  it.each([
    ['7 → h', '7mar', 'hmr'],
    ['h stays h', 'hmar', 'hmr'],
    ['9 and q → q, apart from k (ق is not ك)', '9a7ba qahba kahba 9alb kelb', 'qhba qhba khba qlb klb'],
    ['5, kh and x → x', '5ra khra xra', 'xra xra xra'],
    ['8 and gh → g', '8ali ghali', 'gla gla'],
    ['ch and sh → c', 'chmata shmata', 'cmta cmta'],
    ['2 and 3 are dropped', 'so2al 3afak', 'sl fk'],
    ['6 → t', '6ayr', 'tyr'],
    ['ou → w inside a word', 'zouj oulad', 'zwj wld'],
    ['dj → j', 'djamal', 'jml'],
    ['vowels dropped, the final one kept as a', 'kelb kalb klb kelbi', 'klb klb klb klba'],
    ['repeated letters collapse', '7maaaar 7mmar', 'hmr hmr'],
  ])('%s', (_label, input, expected) => {
    expect(arabizi(input)).toBe(expected)
  })

  it('reads digits differently from the leetspeak view', () => {
    expect(leet('9a7ba')).toBe('gatba')
    expect(arabizi('9a7ba')).toBe('qhba')
  })

  it('keeps Arabic words and numbers unchanged', () => {
    expect(arabizi('كلب 2025')).toBe('كلب 2025')
  })
})

describe('repeated letters (runs of 3 or more)', () => {
  it.each([
    ['Latin', '7maaaar', '7mar'],
    ['Arabic', 'حماااار', 'حمار'],
    ['whole word elongation', 'nooooon', 'non'],
  ])('collapses %s runs to one letter', (_label, input, expected) => {
    expect(base(input)).toBe(expected)
  })

  it('keeps legitimate doubled letters', () => {
    expect(base('connard الله allah')).toBe('connard الله allah')
  })

  it('keeps repeated digits, which are numbers, and "www" in the literal view', () => {
    expect(base('0666666666')).toBe('0666666666')
    expect(normalizeViews('www.site.ma').literal.text).toBe('www.site.ma')
  })
})

describe('joined view: letters split by spaces, dots or dashes', () => {
  it.each([
    ['spaces', 'sale p u t e', 'sale pute'],
    ['dots', 'p.u.t.e', 'pute'],
    ['dashes and mixed separators', 'p-u . t_e', 'pute'],
    ['Arabic letters', 'يا ك ل ب', 'يا كلب'],
    ['digits as letters', '7 m a r', '7mar'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeViews(input).joined.text).toBe(expected)
  })

  it('does not join pairs of single letters', () => {
    expect(normalizeViews('il y a un souci').joined.text).toBe('il y a un souci')
  })
})

describe('offsets back to the original text', () => {
  it('maps a collapsed word to its whole original span', () => {
    expect(originalOf('ya 7maaar!', 'base', '7mar')).toBe('7maaar')
  })

  it('maps an Arabizi skeleton to the original word', () => {
    expect(originalOf('wach nta 7maaara?', 'arabizi', 'hmra')).toBe('7maaara')
  })

  it('maps across deleted diacritics, tatweel and zero-width characters', () => {
    expect(originalOf('انتَ حمـــار', 'base', 'حمار')).toBe('حمـــار')
    expect(originalOf('sale pu\u200bte', 'base', 'pute')).toBe('pu\u200bte')
  })

  it('maps a joined word to the spaced-out letters', () => {
    expect(originalOf('sale p u t e !', 'joined', 'pute')).toBe('p u t e')
  })

  it('maps expansions (ligatures) and astral characters', () => {
    expect(originalOf('x ﷲ y', 'base', 'الله')).toBe('ﷲ')
    expect(originalOf('😀 𝐩𝐮𝐭𝐞', 'base', 'pute')).toBe('𝐩𝐮𝐭𝐞')
  })

  it('maps leetspeak to the original characters', () => {
    expect(originalOf('quel c0nn4rd', 'leet', 'connard')).toBe('c0nn4rd')
  })

  it('clamps out-of-range and empty ranges', () => {
    const view = normalizeViews('abc').base
    expect(view.toOriginal(-5, 99)).toEqual([0, 3])
    expect(view.toOriginal(1, 1)).toEqual([1, 1])
    expect(view.toOriginal(Number.NaN, Number.POSITIVE_INFINITY)).toEqual([0, 3])
    expect(normalizeViews('').base.toOriginal(0, 1)).toEqual([0, 0])
  })
})

describe('totality', () => {
  it.each([
    ['empty', ''],
    ['only invisible characters', '\u200b\u200d\ufeff'],
    ['lone high surrogate', 'a\ud800b'],
    ['lone low surrogate', '\udc00'],
    ['control characters', '\u0000\u0001\u001f\u007f'],
    ['marks without a base', '\u0301\u064b'],
  ])('accepts %s', (_label, input) => {
    const views = normalizeViews(input)
    for (const view of [views.base, views.leet, views.arabizi, views.joined, views.literal]) {
      expect(typeof view.text).toBe('string')
      const [start, end] = view.toOriginal(0, view.text.length)
      expect(start).toBeGreaterThanOrEqual(0)
      expect(end).toBeLessThanOrEqual(input.length)
    }
  })

  it('tolerates a non-string at run time', () => {
    expect(normalizeViews(undefined as unknown as string).base.text).toBe('')
  })
})

describe('lexicon entries go through the same pipeline', () => {
  it('normalizes a term like comment text', () => {
    expect(normalizeTerm('  Nique   ta MÈRE ')).toBe('nique ta mere')
    expect(normalizeTerm('قَحْبَة')).toBe('قحبه')
  })

  it('gives the leetspeak and Arabizi forms of a term', () => {
    expect(normalizeTermViews('Wld l9a7ba')).toEqual({ base: 'wld l9a7ba', leet: 'wid igatba', arabizi: 'wld lqhba' })
  })
})
