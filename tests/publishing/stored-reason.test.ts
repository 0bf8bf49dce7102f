import { reasonInLanguage } from '../../src/i18n/stored-reason'
import { heldReason } from '../../src/workflow/publication-clearance'

describe('a stored reason shown to people', () => {
  const held = heldReason({
    code: 'item_not_approved',
    message: { fr: 'Seule une variante approuvée part.', ar: 'لا تُنشر إلا صيغة معتمدة.', en: 'Only an approved variant goes out.' },
  })

  it('keeps the reader’s language of a fr/ar/en reason', () => {
    expect(reasonInLanguage(held, 'fr')).toBe('Retenue : Seule une variante approuvée part.')
    expect(reasonInLanguage(held, 'ar')).toBe('محتجزة: لا تُنشر إلا صيغة معتمدة.')
    expect(reasonInLanguage(held, 'en')).toBe('Held: Only an approved variant goes out.')
  })

  it('joins two reasons in one language', () => {
    expect(reasonInLanguage(`${held}\n${held}`, 'ar')).toBe('محتجزة: لا تُنشر إلا صيغة معتمدة. محتجزة: لا تُنشر إلا صيغة معتمدة.')
  })

  it('shows any other text as it is', () => {
    expect(reasonInLanguage('Cancelled: doublon', 'fr')).toBe('Cancelled: doublon')
    expect(reasonInLanguage('a\nb', 'ar')).toBe('a\nb')
  })
})
