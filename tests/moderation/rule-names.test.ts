import { defaultRules } from '../../plugins/campaign-ops/moderation/default-rules/index'
import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'
import { explainDecision } from '../../plugins/campaign-ops/moderation/explain-decision'
import { ruleFromDocument } from '../../plugins/campaign-ops/moderation/rule-records'
import { ruleNameIn, ruleNamesText } from '../../plugins/campaign-ops/moderation/rule-names'
import { arabiziTerm as arabizi, arTerm as arabic, testRule as rule } from './rule-fixtures'

const donkey = rule({
  id: 'donkey',
  name: 'Insultes animales',
  names: { fr: 'Insultes animales', ar: 'الشتم بأسماء الحيوانات', en: 'Animal insults' },
  terms: [arabizi('ya 7mar')],
})
// Written in the admin: French and Arabic only, as the content locales allow.
const rude = rule({
  id: 'rude',
  name: 'Grossièretés',
  names: { fr: 'Grossièretés', ar: 'كلام فظ' },
  action: 'flag',
  priority: 10,
  terms: [arabizi('7mar')],
})

describe('rule names in the reader’s language', () => {
  const engine = compileEngine([donkey, rude])
  const decision = engine.moderate({ text: 'wach ya 7mar' })

  it('names the decisive rule and the others in French and in Arabic', () => {
    expect(explainDecision(decision, 'fr')).toBe(
      'Masquer : la règle « Insultes animales » (Harcèlement / menaces, gravité élevée) a relevé « ya 7mar » (terme « ya 7mar »). ' +
        'Également relevé, avec une priorité moindre : « Grossièretés » (Signaler pour revue).',
    )
    expect(explainDecision(decision, 'ar')).toBe(
      'إخفاء: التقطت القاعدة «الشتم بأسماء الحيوانات» (تحرش / تهديد، خطورة مرتفعة) «ya 7mar» (العبارة «ya 7mar»). ' +
        'التقطته أيضا، بأولوية أدنى: «كلام فظ» (إحالة للمراجعة).',
    )
  })

  it('gives an English reader the English name, else the French one', () => {
    const english = explainDecision(decision, 'en')
    expect(english).toContain('rule “Animal insults”')
    expect(english).toContain('“Grossièretés” (Flag for review)')
  })

  it('falls back to the name when a rule has no names', () => {
    const plain = compileEngine([rule({ id: 'plain', name: 'Règle simple', terms: [arabizi('7mar')] })])
    expect(explainDecision(plain.moderate({ text: '7mar' }), 'ar')).toContain('«Règle simple»')
  })

  it('names a rule cancelled by its exception in the reader’s language', () => {
    const pig = rule({
      id: 'pig',
      name: 'Insulte « porc »',
      names: { fr: 'Insulte « porc »', ar: 'الشتم بالخنزير' },
      terms: [arabic('خنزير')],
      exceptions: ['لحم الخنزير'],
    })
    const cancelled = compileEngine([pig]).moderate({ text: 'ممنوع لحم الخنزير' })
    expect(explainDecision(cancelled, 'ar')).toContain('أُلغيت القاعدة «الشتم بالخنزير» باستثنائها «لحم الخنزير».')
    expect(explainDecision(cancelled, 'fr')).toContain('La règle « Insulte « porc » » a été annulée')
  })

  it('leaves no English rule name in a French or Arabic explanation of the shipped rules', () => {
    const shipped = compileEngine(defaultRules)
    const insult = shipped.moderate({ text: 'p*te' })
    expect(insult.rules[0]?.id).toBe('harassment-insults-french')
    expect(explainDecision(insult, 'fr')).toContain('« Insultes et injures sexuelles en français »')
    expect(explainDecision(insult, 'ar')).toContain('«الشتائم والإساءات الجنسية بالفرنسية»')
    expect(explainDecision(insult, 'en')).toContain('“French insults and sexual abuse”')
    for (const definition of defaultRules) {
      for (const language of ['fr', 'ar'] as const) expect(ruleNameIn(definition, language)).not.toBe(definition.names?.en)
    }
  })
})

describe('stored rule names', () => {
  it('reads every locale of a rule read with locale "all", French as its name', () => {
    const definition = ruleFromDocument({ id: 4, name: { fr: 'Grossièretés', ar: 'كلام فظ', ary: 'هضرة خايبة' } })
    expect(definition).toMatchObject({ id: 'db:4', name: 'Grossièretés', names: { fr: 'Grossièretés', ar: 'كلام فظ' } })
    // Darija is a content locale, not an admin language: nobody reads the admin in it.
    expect(Object.keys(definition.names ?? {})).toEqual(['fr', 'ar'])
  })

  it('takes another locale’s name for a rule first written in it, and one locale’s name as it is', () => {
    expect(ruleFromDocument({ id: 5, name: { fr: null, ar: 'كلام فظ' } })).toMatchObject({ name: 'كلام فظ', names: { ar: 'كلام فظ' } })
    expect(ruleFromDocument({ id: 6, name: 'Brouillon' })).toMatchObject({ name: 'Brouillon' })
    expect(ruleFromDocument({ id: 6, name: 'Brouillon' }).names).toBeUndefined()
  })

  it('keeps all the names of a rule in one text for records read in several languages', () => {
    expect(ruleNamesText({ name: 'Grossièretés', names: { fr: 'Grossièretés', ar: 'كلام فظ' } })).toBe('Grossièretés\nكلام فظ')
    expect(ruleNamesText({ name: 'Brouillon' })).toBe('Brouillon')
  })
})
