import { guessLanguage } from '../../plugins/campaign-ops/inbox/language-guess'

describe('the inbox’s first guess of a comment’s language', () => {
  it.each([
    ['La peine alternative n’est pas l’impunité', 'fr'],
    ['Encore une loi pour les riches', 'fr'],
    ['العقوبات البديلة خطوة مهمة في إصلاح العدالة', 'ar'],
    ['واش هادشي بصح؟ بزاف ديال الناس ما فاهمينش', 'ary_arabic'],
    ['lli 3ando chi derham kayshri rasso', 'ary_latin'],
    ['wach had l9anoun ghir l les riches?', 'ary_latin'],
    ['sa7bi 7mar', 'ary_latin'],
    ['👍👍', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(guessLanguage(text)).toBe(expected)
  })

  it('a French comment quoting a code mixing letters and digits stays French', () => {
    expect(guessLanguage('Je n’ai pas reçu de réponse à ma demande (mxbj672j), pouvez-vous vérifier ?')).toBe('fr')
    expect(guessLanguage('Le dossier ab12cd3 est toujours en attente pour mon frère')).toBe('fr')
  })
})
