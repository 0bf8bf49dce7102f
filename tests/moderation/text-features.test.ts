import { normalizeViews } from '../../plugins/campaign-ops/moderation/normalize'
import {
  containsEmail,
  containsLink,
  countWords,
  extractTextFeatures,
  hasArabiziEvidence,
  isOnlyEmoji,
  isOnlyMentions,
} from '../../plugins/campaign-ops/moderation/text-features'

const literal = (text: string) => normalizeViews(text).literal.text

describe('text features', () => {
  it.each(['https://x.ma', 'http://a.b', 'www.site.org', 'voir 1xbet.com', 'bit.ly/abc', 't.me/groupe', 'ＷＷＷ.ＳＩＴＥ.ＣＯＭ'])(
    'sees the link in %s',
    (text) => {
      expect(containsLink(literal(text))).toBe(true)
    },
  )

  it.each(['loi 43.22', 'art. 35-1', 'etc. merci', 'M.A. en droit', 'fin.', '3.600 heures'])('sees no link in %s', (text) => {
    expect(containsLink(literal(text))).toBe(false)
  })

  it('finds emails, not mentions', () => {
    expect(containsEmail(literal('écrire à Ahmed.B@Gmail.com.'))).toBe(true)
    expect(containsEmail(literal('@ahmed et @sara'))).toBe(false)
    expect(containsEmail(literal('a@b'))).toBe(false)
  })

  it('recognizes comments made only of mentions or only of emoji', () => {
    expect(isOnlyMentions(literal('@amine, @sara.k !'))).toBe(true)
    expect(isOnlyMentions(literal('@amine regarde'))).toBe(false)
    expect(isOnlyMentions('')).toBe(false)
    expect(isOnlyEmoji('👨‍👩‍👧 👍🏽 🇲🇦 ❤️')).toBe(true)
    expect(isOnlyEmoji('👍 ok')).toBe(false)
    expect(isOnlyEmoji('   ')).toBe(false)
  })

  it('counts words of any script', () => {
    expect(countWords(normalizeViews("C'est la loi 43.22 ديال العقوبات").base.text)).toBe(8)
  })

  it('sees Darija in Latin letters from digits inside words or frequent Darija words', () => {
    expect(hasArabiziEvidence('salam 3likom')).toBe(true)
    expect(hasArabiziEvidence('wach had lqanoun mzyan')).toBe(true)
    expect(hasArabiziEvidence('bonne humeur à tous, loi 43.22 de 2024')).toBe(false)
  })

  it('extracts every feature in one call', () => {
    const text = 'Appelez le 06 12 34 56 78 ou www.x.ma'
    const views = normalizeViews(text)
    expect(extractTextFeatures(text, views.literal.text, views.base.text)).toEqual({
      containsLink: true,
      containsEmail: false,
      containsPhone: true,
      onlyMentions: false,
      onlyEmoji: false,
      wordCount: 11,
    })
  })
})
