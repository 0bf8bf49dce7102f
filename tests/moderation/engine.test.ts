import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'
import type { RuleDefinition } from '../../plugins/campaign-ops/moderation/types'
import { explainDecision } from '../../plugins/campaign-ops/moderation/explain-decision'
import { arabiziTerm as arabizi, aryTerm as ar, frTerm as fr, testRule as rule } from './rule-fixtures'

const matchedIds = (engine: ReturnType<typeof compileEngine>, text: string) => engine.moderate({ text }).rules.map((matched) => matched.id)

describe('word boundaries on Arabic', () => {
  const engine = compileEngine([rule({ id: 'dog', terms: [ar('كلب')] }), rule({ id: 'short', terms: [ar('زب')] })])

  it('matches a whole Arabic word, where JS \\b would not fire', () => {
    expect(/\bكلب\b/u.test('انت كلب')).toBe(false)
    expect(matchedIds(engine, 'انت كلب')).toEqual(['dog'])
  })

  it.each(['الكلب', 'والكلب', 'بالكلب', 'لكلب', 'ككلب', 'ياكلب', 'فالكلب'])('accepts the proclitic in %s', (text) => {
    expect(matchedIds(engine, text)).toEqual(['dog'])
  })

  it.each(['كلبي', 'مكلب', 'الكلبة', 'تكلبو', 'كلاب'])('does not match inside the longer word %s', (text) => {
    expect(matchedIds(engine, text)).toEqual([])
  })

  it('allows only the article before a two-letter term', () => {
    expect(matchedIds(engine, 'الزب')).toEqual(['short'])
    expect(matchedIds(engine, 'بزب')).toEqual([])
  })

  it('matches across diacritics and letter variants', () => {
    expect(matchedIds(engine, 'الْكَلْبُ')).toEqual(['dog'])
    expect(matchedIds(engine, 'کلب')).toEqual(['dog'])
  })
})

describe('word boundaries on Latin words', () => {
  const engine = compileEngine([rule({ id: 'insult', terms: [fr('pute'), fr('encul*')] }), rule({ id: 'darija', terms: [arabizi('9a7ba')] })])

  it.each(['dispute', 'computer', 'putes', 'réputé'])('does not match inside %s', (text) => {
    expect(matchedIds(engine, text)).toEqual([])
  })

  it('matches a prefix term on any ending and highlights the whole word', () => {
    const text = 'bande d’enculés!'
    const decision = engine.moderate({ text })
    expect(decision.rules[0]?.id).toBe('insult')
    expect(decision.spans.map(([start, end]) => text.slice(start, end))).toEqual(['enculés'])
  })

  it('accepts the Darija article attached to a Latin-script term', () => {
    expect(matchedIds(engine, 'wld l9a7ba')).toEqual(['darija'])
    expect(matchedIds(engine, 'xl9a7ba')).toEqual([])
  })
})

describe('evasion', () => {
  const engine = compileEngine([
    rule({ id: 'fr', terms: [fr('pute'), fr('salope'), fr('connard')] }),
    rule({ id: 'donkey', terms: [arabizi('ya 7mar'), ar('يا حمار')] }),
    rule({ id: 'dog', terms: [ar('كلب')] }),
  ])

  it.each([
    ['spaced letters', 'sale p u t e'],
    ['dotted letters', 'p.u.t.e'],
    ['zero-width joiners inside the word', 'pu\u200dt\u200de'],
    ['Cyrillic look-alikes', 'рutе'],
    ['leetspeak', 's@l0p3'],
    ['fullwidth letters', 'ｃｏｎｎａｒｄ'],
    ['repeated letters', 'connnnnard'],
  ])('catches French insults written with %s', (_label, text) => {
    expect(matchedIds(engine, text)).toEqual(['fr'])
  })

  it.each([
    ['repeated letters', 'ya 7maaaar'],
    ['an h for the 7', 'wach ya hmar'],
    ['vowel changes', 'wach ya 7emaar'],
    ['tatweel and spaced-out Arabic letters', 'يا حمــــار'],
  ])('catches Darija insults written with %s', (_label, text) => {
    expect(matchedIds(engine, text)).toEqual(['donkey'])
  })

  it('catches Arabic letters spaced out', () => {
    expect(matchedIds(engine, 'انت ك ل ب')).toEqual(['dog'])
  })

  it('handles mixed scripts in one comment and highlights each part', () => {
    const text = 'yak a sa7bi, ya 7maaar, انت كلب و p-u-t-e'
    const decision = engine.moderate({ text })
    expect(decision.rules.map((matched) => matched.id).sort()).toEqual(['dog', 'donkey', 'fr'])
    expect(decision.spans.map(([start, end]) => text.slice(start, end))).toEqual(['ya 7maaar', 'كلب', 'p-u-t-e'])
  })

  it('reads Latin text as Arabizi only when it shows signs of Darija', () => {
    const skeleton = compileEngine([rule({ id: 'donkey', terms: [arabizi('7mar')] })])
    expect(matchedIds(skeleton, 'bonne humeur')).toEqual([])
    expect(matchedIds(skeleton, 'hmaar')).toEqual([])
    expect(matchedIds(skeleton, 'wach hmaar')).toEqual(['donkey'])
    expect(matchedIds(skeleton, '9al lik hmar')).toEqual(['donkey'])
    expect(matchedIds(skeleton, 'had 7emar')).toEqual(['donkey'])
  })

  it('never reads leetspeak into Darija terms, nor Arabizi into French ones', () => {
    const darija = compileEngine([rule({ id: 'ary', terms: [arabizi('tmar')] })])
    expect(matchedIds(darija, 'wach 7mar')).toEqual([])
    const french = compileEngine([rule({ id: 'fr', terms: [fr('hmar')] })])
    expect(matchedIds(french, 'wach 7mar')).toEqual([])
    expect(matchedIds(french, 'wach h4mar')).toEqual([])
  })
})

describe('offsets', () => {
  it('highlights "7maaar" in "ya 7maaar!" as written', () => {
    const engine = compileEngine([rule({ id: 'donkey', terms: [arabizi('7mar')] })])
    const decision = engine.moderate({ text: 'ya 7maaar!' })
    expect(decision.spans).toEqual([[3, 9]])
    expect(decision.rules[0]?.matches[0]).toMatchObject({ term: '7mar', view: 'base', span: [3, 9], excerpt: '7maaar' })
  })

  it('highlights a multi-word term from its first to its last character', () => {
    const engine = compileEngine([rule({ id: 'donkey', terms: [arabizi('ya 7mar')] })])
    expect(engine.moderate({ text: '!! ya   7maaar!' }).spans).toEqual([[3, 14]])
  })

  it('merges overlapping spans of several rules', () => {
    const engine = compileEngine([rule({ id: 'a', terms: [fr('fils de pute')] }), rule({ id: 'b', terms: [fr('pute')] })])
    expect(engine.moderate({ text: 'un fils de pute, pute' }).spans).toEqual([
      [3, 15],
      [17, 21],
    ])
  })
})

describe('decision order', () => {
  const words = [fr('nul')]

  it('takes the action of the highest-priority rule', () => {
    const engine = compileEngine([
      rule({ id: 'low', priority: 10, action: 'hide', terms: words }),
      rule({ id: 'high', priority: 90, action: 'flag', severity: 'low', terms: words }),
    ])
    const decision = engine.moderate({ text: "c'est nul" })
    expect(decision.action).toBe('flag')
    expect(decision.rules.map((matched) => matched.id)).toEqual(['high', 'low'])
    expect(decision.severity).toBe('high')
  })

  it('breaks priority ties by severity, then by the stricter action, then by id', () => {
    const engine = compileEngine([
      rule({ id: 'b-flag', priority: 50, severity: 'high', action: 'flag', terms: words }),
      rule({ id: 'critical', priority: 50, severity: 'critical', action: 'suggest_reply', terms: words }),
      rule({ id: 'escalate', priority: 50, severity: 'high', action: 'escalate', terms: words }),
      rule({ id: 'a-flag', priority: 50, severity: 'high', action: 'flag', terms: words }),
    ])
    expect(matchedIds(engine, 'nul')).toEqual(['critical', 'escalate', 'a-flag', 'b-flag'])
  })

  it('does not depend on the order rules are given in', () => {
    const rules = [
      rule({ id: 'x', priority: 50, action: 'flag', terms: words }),
      rule({ id: 'y', priority: 50, action: 'hide', terms: words, category: 'hate' }),
      rule({ id: 'z', priority: 20, action: 'escalate', terms: words }),
    ]
    const forward = compileEngine(rules).moderate({ text: 'nul' })
    const backward = compileEngine([...rules].reverse()).moderate({ text: 'nul' })
    expect(backward).toEqual(forward)
    expect(forward.action).toBe('hide')
    expect(forward.category).toBe('hate')
  })

  it('reports nothing when no rule matches', () => {
    const decision = compileEngine([rule({ id: 'x', terms: words })]).moderate({ text: 'très bien' })
    expect(decision).toMatchObject({ flagged: false, action: null, category: null, severity: null, rules: [], spans: [] })
    expect(explainDecision(decision, 'en')).toBe('No rule matched.')
  })

  it('does not count mark_done as flagged', () => {
    const engine = compileEngine([rule({ id: 'done', action: 'mark_done', terms: [fr('merci')] })])
    expect(engine.moderate({ text: 'merci' })).toMatchObject({ flagged: false, action: 'mark_done' })
  })

  it('explains which rule decided, on which words and why', () => {
    const engine = compileEngine([rule({ id: 'donkey', name: 'Donkey insults', terms: [arabizi('ya 7mar')] })])
    const decision = engine.moderate({ text: 'wach ya hmaaar' })
    expect(explainDecision(decision, 'en')).toBe(
      'Hide: rule “Donkey insults” (Harassment / threats, severity high) matched “ya hmaaar” (term “ya 7mar” read as Arabizi).',
    )
    expect(explainDecision(decision, 'fr')).toBe(
      'Masquer : la règle « Donkey insults » (Harcèlement / menaces, gravité élevée) a relevé « ya hmaaar » (terme « ya 7mar » lu en arabizi).',
    )
    expect(explainDecision(decision, 'ar')).toBe(
      'إخفاء: التقطت القاعدة «Donkey insults» (تحرش / تهديد، خطورة مرتفعة) «ya hmaaar» (العبارة «ya 7mar» مقروءة بالعربيزي).',
    )
  })

  it('names the other rules by their action label, and never shows codes or patterns', () => {
    const engine = compileEngine([
      rule({ id: 'donkey', name: 'Donkey insults', priority: 50, terms: [arabizi('ya 7mar')] }),
      rule({ id: 'bad-words', name: 'Gros mots', action: 'flag', priority: 10, terms: [], patterns: [{ source: '7m[a]+r' }] }),
    ])
    const explanation = explainDecision(engine.moderate({ text: 'ya 7mar' }), 'fr')
    expect(explanation).toContain('Également relevé, avec une priorité moindre : « Gros mots » (Signaler pour revue).')
    expect(explanation).not.toMatch(/donkey|bad-words|hide|priority|50|7m\[a\]/)
  })

  it('keeps at most the configured number of matches per rule', () => {
    const engine = compileEngine([rule({ id: 'x', terms: words })], { maxMatchesPerRule: 3 })
    expect(engine.moderate({ text: 'nul nul nul nul nul' }).rules[0]?.matches).toHaveLength(3)
  })
})

describe('exceptions', () => {
  const engine = compileEngine([
    rule({ id: 'pig', terms: [ar('خنزير')], exceptions: ['لحم الخنزير'] }),
    rule({ id: 'trash', terms: [fr('ordures')], exceptions: ['ordures ménagères'] }),
  ])

  it('cancel the rule when present, and say so', () => {
    const decision = engine.moderate({ text: 'ممنوع لحم الخنزير' })
    expect(decision.rules).toEqual([])
    expect(explainDecision(decision, 'en')).toContain('was cancelled by its exception “لحم الخنزير”')
    expect(explainDecision(decision, 'ar')).toContain('باستثنائها «لحم الخنزير»')
    expect(matchedIds(engine, 'le ramassage des ordures ménagères')).toEqual([])
  })

  it('leave the rule alone when absent', () => {
    expect(matchedIds(engine, 'يا خنزير')).toEqual(['pig'])
    expect(matchedIds(engine, 'bande d’ordures')).toEqual(['trash'])
  })

  it('accept Arabic proclitics too', () => {
    expect(matchedIds(engine, 'ولحم الخنزير حرام')).toEqual([])
  })
})

describe('conditions', () => {
  const word = [fr('promo')]
  const engineWith = (conditions: RuleDefinition['conditions']) => compileEngine([rule({ id: 'conditional', terms: word, conditions })])
  const matches = (conditions: RuleDefinition['conditions'], text: string, extra: object = {}) =>
    engineWith(conditions).moderate({ text, ...extra }).rules.length === 1

  it('containsLink', () => {
    expect(matches({ containsLink: true }, 'promo sur www.site.com')).toBe(true)
    expect(matches({ containsLink: true }, 'promo https://x.io/a')).toBe(true)
    expect(matches({ containsLink: true }, 'promo 1xbet.com')).toBe(true)
    expect(matches({ containsLink: true }, 'promo t.me/groupe')).toBe(true)
    expect(matches({ containsLink: true }, 'promo, loi 43.22, art. 35-1')).toBe(false)
    expect(matches({ containsLink: false }, 'promo sans lien')).toBe(true)
  })

  it('containsEmail', () => {
    expect(matches({ containsEmail: true }, 'promo ahmed.b@gmail.com')).toBe(true)
    expect(matches({ containsEmail: true }, 'promo @ahmed')).toBe(false)
  })

  it.each([
    '0612345678',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '0712345678',
    '05 22 12 34 56',
    '+212612345678',
    '+212 6 12 34 56 78',
    '00212 6-12-34-56-78',
    '(+212) 612-345678',
    '+212 (0) 6 12 34 56 78',
    '٠٦١٢٣٤٥٦٧٨',
  ])('containsPhone accepts the Moroccan format %s', (phone) => {
    expect(matches({ containsPhone: true }, `promo ${phone}`)).toBe(true)
  })

  it.each(['0812345678', '061234567', '06123456789', '+33612345678', '2000 dh par jour'])('containsPhone rejects %s', (text) => {
    expect(matches({ containsPhone: true }, `promo ${text}`)).toBe(false)
  })

  it('onlyMentions and onlyEmoji', () => {
    const mention = compileEngine([rule({ id: 'm', patterns: [{ source: '@[\\p{L}\\p{N}_.]+' }], conditions: { onlyMentions: true } })])
    expect(matchedIds(mention, '@amine @sara_k')).toEqual(['m'])
    expect(matchedIds(mention, '@amine regarde')).toEqual([])
    const emoji = compileEngine([rule({ id: 'e', patterns: [{ source: '\\p{So}' }], conditions: { onlyEmoji: true } })])
    expect(matchedIds(emoji, '👍🏽 ❤️ 🇲🇦')).toEqual(['e'])
    expect(matchedIds(emoji, '👍 top')).toEqual([])
  })

  it('minWords and maxWords', () => {
    expect(matches({ minWords: 3 }, 'promo promo')).toBe(false)
    expect(matches({ minWords: 3 }, 'promo ici maintenant')).toBe(true)
    expect(matches({ maxWords: 2 }, 'promo ici maintenant')).toBe(false)
  })

  it('platforms and itemFormats, case-insensitively, and not when unknown', () => {
    const conditions = { platforms: ['facebook', 'Instagram'], itemFormats: ['short_video'] }
    expect(matches(conditions, 'promo', { platform: 'instagram', itemFormat: 'SHORT_VIDEO' })).toBe(true)
    expect(matches(conditions, 'promo', { platform: 'x', itemFormat: 'short_video' })).toBe(false)
    expect(matches(conditions, 'promo', { itemFormat: 'short_video' })).toBe(false)
  })
})

describe('patterns in the engine', () => {
  it('match on the base view and map back to the original', () => {
    const engine = compileEngine([rule({ id: 'accuse', patterns: [{ source: 'juge \\p{L}+ est corrompu' }] })])
    const text = 'Le JUGE Karim est CORROMPU !'
    const decision = engine.moderate({ text })
    expect(decision.spans.map(([start, end]) => text.slice(start, end))).toEqual(['JUGE Karim est CORROMPU'])
  })

  it('can read the Arabizi skeleton', () => {
    const engine = compileEngine([rule({ id: 'skeleton', patterns: [{ source: 'cfa?r', view: 'arabizi' }] })])
    expect(matchedIds(engine, 'wach howa chffar')).toEqual(['skeleton'])
    expect(matchedIds(engine, 'howa chffar')).toEqual([])
  })

  it('reports unusable terms and patterns, and still works with the rest', () => {
    const engine = compileEngine([rule({ id: 'broken', terms: [fr('\u200b'), fr('nul')], patterns: [{ source: '(?=x)' }] })])
    expect(engine.problems.map((problem) => problem.field)).toEqual(['terms.0.text', 'patterns.0.source'])
    expect(engine.ruleCount).toBe(1)
    expect(matchedIds(engine, 'nul')).toEqual(['broken'])
  })
})

describe('signals', () => {
  it('flags a right-to-left override even when no rule matches', () => {
    const decision = compileEngine([]).moderate({ text: 'abc\u202eetup' })
    expect(decision).toMatchObject({ flagged: true, action: 'flag', signals: ['bidi_override'] })
    expect(explainDecision(decision, 'fr')).toContain('U+202E')
  })
})

describe('inputs', () => {
  it('accepts an empty comment and a non-string at run time', () => {
    const engine = compileEngine([rule({ id: 'x', terms: [fr('nul')] })])
    expect(explainDecision(engine.moderate({ text: '' }), 'en')).toBe('Empty comment: no rule applies.')
    expect(engine.moderate({ text: null as unknown as string }).rules).toEqual([])
  })
})
