import { pluginCatalogue } from '../../plugins/campaign-ops/translations'
import { catalogueProblems, localizedTexts } from '../../src/i18n/catalogue'
import { appCatalogue } from '../../src/i18n/translations'

describe('string catalogues', () => {
  it.each([
    ['the app (badil)', appCatalogue],
    ['the plugin (campaignOps)', pluginCatalogue],
  ])('%s: every key in French, Arabic and English, with the same placeholders, none empty, Arabic in Arabic', (_name, catalogue) => {
    expect(catalogueProblems(catalogue)).toEqual([])
  })

  it('finds what is missing, empty, misplaced or left untranslated', () => {
    const broken = {
      en: { a: 'Hello {{name}}', b: { c: 'Bye' }, d: 'Facebook page' },
      fr: { a: 'Bonjour {{nom}}', b: { c: '' } },
      ar: { a: 'مرحبا {{name}}', b: { c: 'وداعا' }, d: 'Facebook page' },
    }
    expect(catalogueProblems(broken)).toEqual([
      'fr: "a" has placeholders nom, English has name',
      'fr: "b:c" is empty',
      'fr: "d" is missing',
      'ar: "d" has no Arabic letter',
    ])
  })

  it('gives a text in the three languages at once, placeholders filled, and refuses an unknown key', () => {
    const en = { queue: { planned: '{{count}} posts planned' } } as const
    const text = localizedTexts<typeof en>({
      en,
      fr: { queue: { planned: '{{count}} publications prévues' } },
      ar: { queue: { planned: '{{count}} منشورات مبرمجة' } },
    })
    expect(text('queue:planned', { count: 3 })).toEqual({ en: '3 posts planned', fr: '3 publications prévues', ar: '3 منشورات مبرمجة' })
    expect(() => text('queue:missing' as never)).toThrow('No text "queue:missing" in the catalogue')
  })
})
