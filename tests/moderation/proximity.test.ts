import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'
import { explainDecision } from '../../plugins/campaign-ops/moderation/explain-decision'
import { ruleFromDocument } from '../../plugins/campaign-ops/moderation/rule-records'
import type { RuleDefinition, RuleProximity } from '../../plugins/campaign-ops/moderation/types'
import { validateRule } from '../../plugins/campaign-ops/moderation/validate-rule'
import { arabiziTerm as arabizi, arTerm as ar, aryTerm as ary, frTerm as fr } from './rule-fixtures'
import { cpuMilliseconds } from '../helpers/cpu-time'

/** The brief's example: the bracelet near a holiday, in every script, six words apart at most. */
const braceletNearHoliday: RuleProximity = {
  anyOf: [fr('bracelet'), ar('السوار'), ary('سوار'), arabizi('lbracelet')],
  nearAnyOf: [fr('vacances'), ar('عطلة'), arabizi('raha'), ary('راحة'), fr('repos')],
  within: 6,
}

function rule(overrides: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id: 'bracelet-holiday',
    name: 'Bracelet as a holiday',
    category: 'misinformation',
    action: 'suggest_reply',
    priority: 30,
    severity: 'low',
    mythId: 'bracelet-holiday',
    replyTemplateId: 'reply-bracelet-holiday',
    terms: [],
    patterns: [],
    proximity: [braceletNearHoliday],
    exceptions: ["ce n'est pas", 'ماشي', 'machi'],
    samples: { shouldMatch: ['Le bracelet, ce sont des vacances'], shouldNotMatch: ['Le bracelet électronique est contrôlé'] },
    ...overrides,
  }
}

const engine = compileEngine([rule()])
const matches = (text: string) => engine.moderate({ text }).rules.length > 0
const highlighted = (text: string) => engine.moderate({ text }).spans.map(([start, end]) => text.slice(start, end))

describe('proximity conditions', () => {
  it('matches two terms of different groups within the distance, in either order', () => {
    expect(matches('Le bracelet ? Des vacances !')).toBe(true)
    expect(matches('Des vacances avec un bracelet à la cheville')).toBe(true)
  })

  it('counts words on the normalized text: six words apart matches, seven does not', () => {
    // bracelet [1 2 3 4 5] vacances: the second term is the sixth word after the first.
    expect(matches('bracelet un deux trois quatre cinq vacances')).toBe(true)
    expect(matches('bracelet un deux trois quatre cinq six vacances')).toBe(false)
    expect(matches('vacances un deux trois quatre cinq six bracelet')).toBe(false)
    // Punctuation and spacing do not count as words.
    expect(matches('bracelet — un,   deux !!! trois… quatre ; cinq ? vacances')).toBe(true)
  })

  it('needs one term of each group: two terms of the same group are not enough', () => {
    expect(matches('bracelet et bracelet')).toBe(false)
    expect(matches('vacances et repos')).toBe(false)
    expect(matches('Le bracelet électronique est contrôlé par la DGAPR.')).toBe(false)
  })

  it('keeps whole words: a term inside a longer word is not a hit', () => {
    expect(matches('bracelet de vacanceees')).toBe(true)
    expect(matches('les braceletiers en vacances')).toBe(false)
  })

  it('reads Arabic script with its proclitics and letter variants', () => {
    expect(matches('السوار الإلكتروني مجرد عطلة')).toBe(true)
    expect(matches('بالسوار غادي يدير راحة فدارو')).toBe(true)
    expect(matches('وسوار هادا راحة')).toBe(true)
    expect(matches('عطلة سعيدة للجميع')).toBe(false)
  })

  it('reads Latin Darija through its Arabizi skeleton', () => {
    expect(matches('lbracelet rahaaa f dar')).toBe(true)
    // "lbracilet" has the skeleton of "lbracelet" (lbrclt); "lbrasslet" does not.
    expect(matches('lbracilet ghir raha f dar')).toBe(true)
    expect(matches('lbrasslet ghir raha f dar')).toBe(false)
  })

  it('pairs terms across scripts, as mixed comments write them', () => {
    expect(matches('lbracelet = عطلة')).toBe(true)
  })

  it('is cancelled by the rule exceptions, and says so', () => {
    const decision = engine.moderate({ text: "Le bracelet, ce n'est pas des vacances." })
    expect(decision.rules).toEqual([])
    expect(decision.cancelled).toEqual([{ ruleId: 'bracelet-holiday', ruleName: 'Bracelet as a holiday', exception: "ce n'est pas" }])
    expect(matches('السوار ماشي عطلة')).toBe(false)
    expect(matches('lbracelet machi raha')).toBe(false)
  })

  it('does not report a cancellation when no pair was close enough', () => {
    expect(engine.moderate({ text: "ce n'est pas le bracelet" }).cancelled).toEqual([])
  })

  it('highlights both terms in the original text, not the words between them', () => {
    const text = 'Le BRACELET électronique ? De vrais vaaacances.'
    const decision = engine.moderate({ text })
    expect(highlighted(text)).toEqual(['BRACELET', 'vaaacances'])
    const [match] = decision.rules[0]!.matches
    expect(match).toMatchObject({ term: 'bracelet', excerpt: 'BRACELET', near: { term: 'vacances', excerpt: 'vaaacances', within: 6 } })
  })

  it('maps Arabic hits back to the original, proclitic and diacritics included', () => {
    const text = 'قال: بالسُّوار؟ هذه عُطْلَةٌ!'
    expect(highlighted(text)).toEqual(['السُّوار', 'عُطْلَةٌ'])
  })

  it('explains a proximity match in words, in each language', () => {
    const decision = engine.moderate({ text: 'Le bracelet ? Des vacances !' })
    expect(explainDecision(decision, 'fr')).toContain('« bracelet » près de « vacances » (à 6 mots au plus)')
    expect(explainDecision(decision, 'en')).toContain('“bracelet” near “vacances” (at most 6 words apart)')
    expect(explainDecision(decision, 'ar')).toContain('«bracelet» قرب «vacances»')
    const adjacent = compileEngine([rule({ proximity: [{ ...braceletNearHoliday, within: 1 }] })]).moderate({ text: 'bracelet vacances' })
    expect(explainDecision(adjacent, 'fr')).toContain('« bracelet » juste à côté de « vacances »')
  })

  it('matches alongside terms and patterns, and alone', () => {
    const combined = compileEngine([rule({ terms: [fr('vacances payées')] })])
    expect(combined.moderate({ text: 'des vacances payées' }).rules).toHaveLength(1)
    expect(combined.moderate({ text: 'bracelet = vacances' }).rules).toHaveLength(1)
  })

  it('honours the rule conditions', () => {
    const onFacebook = compileEngine([rule({ conditions: { platforms: ['facebook'] } })])
    expect(onFacebook.moderate({ text: 'bracelet = vacances', platform: 'facebook' }).rules).toHaveLength(1)
    expect(onFacebook.moderate({ text: 'bracelet = vacances', platform: 'x' }).rules).toHaveLength(0)
  })

  it('keeps every condition apart: a term pairs only with the other group of its own condition', () => {
    const twoConditions = compileEngine([
      rule({
        proximity: [
          { anyOf: [fr('bracelet')], nearAnyOf: [fr('vacances')], within: 3 },
          { anyOf: [fr('riches')], nearAnyOf: [fr('prison')], within: 3 },
        ],
      }),
    ])
    expect(twoConditions.moderate({ text: 'bracelet prison' }).rules).toHaveLength(0)
    expect(twoConditions.moderate({ text: 'riches prison' }).rules).toHaveLength(1)
  })

  it('stays fast and bounded on a long comment full of hits', () => {
    const text = 'bracelet un deux trois quatre cinq six sept vacances '.repeat(20_000)
    let decision: ReturnType<typeof engine.moderate> | undefined
    // 200,000 words: linear work, measured at 3.9 s of CPU during a full CI run on two busy cores
    // (CPU time too grows when both cores are shared); a walk that paired every hit with every
    // other would take hours. The bound catches that, not a slow machine.
    expect(cpuMilliseconds(() => (decision = engine.moderate({ text })))).toBeLessThan(12_000)
    expect(decision!.rules[0]!.matches.length).toBeLessThanOrEqual(20)
  })
})

describe('proximity conditions in rule validation', () => {
  const errorFields = (candidate: RuleDefinition) => {
    const result = validateRule(candidate)
    return result.ok ? [] : result.errors.map((error) => error.field)
  }

  it('accepts a rule whose only trigger is a proximity condition, its terms checked like rule terms', () => {
    const result = validateRule(rule())
    expect(result.ok).toBe(true)
    // "raha" is too short for an Arabizi skeleton, as it would be among the rule's terms.
    expect(result.warnings.map((warning) => warning.field)).toEqual(['proximity.0.nearAnyOf.2.text'])
  })

  it('refuses an empty group, invalid terms and a distance outside 1 to 20, with field paths', () => {
    const broken = rule({
      proximity: [
        { anyOf: [], nearAnyOf: [fr('vacances')], within: 6 },
        { anyOf: [fr('bracelet'), fr('  ')], nearAnyOf: [{ text: 'عطلة', language: 'ar', script: 'latin' }, fr('en*cul')], within: 0 },
        { anyOf: [fr('bracelet')], nearAnyOf: [fr('vacances')], within: 2.5 },
        { anyOf: [fr('bracelet')], nearAnyOf: [fr('vacances')], within: 21 },
      ],
    })
    expect(errorFields(broken)).toEqual([
      'proximity.0.anyOf',
      'proximity.1.anyOf.1.text',
      'proximity.1.nearAnyOf.0.script',
      'proximity.1.nearAnyOf.1.text',
      'proximity.1.within',
      'proximity.2.within',
      'proximity.3.within',
    ])
  })

  it('gives the reasons in French and Arabic, never an internal code', () => {
    const result = validateRule(rule({ proximity: [{ anyOf: [], nearAnyOf: [fr('vacances')], within: 40 }] }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const [group, within] = result.errors
    expect(group?.reason.fr).toMatch(/au moins un terme dans ce groupe/)
    expect(group?.reason.ar).toMatch(/في هذه المجموعة/)
    expect(within).toMatchObject({ field: 'proximity.0.within' })
    expect(within?.reason.fr).toBe('Indiquez un nombre entier de mots, de 1 (mots voisins) à 20.')
    expect(within?.reason.ar).toContain('من 1')
    expect(within?.reason.en).not.toMatch(/proximityWithin|ruleCheck/)
  })

  it('warns when one term stands in both groups or twice in one', () => {
    const result = validateRule(
      rule({
        proximity: [{ anyOf: [fr('bracelet'), fr('Bracelet')], nearAnyOf: [fr('vacances'), fr('bracelet')], within: 6 }],
        samples: { shouldMatch: ['bracelet, vacances'], shouldNotMatch: ['vacances'] },
      }),
    )
    expect(result.ok).toBe(true)
    expect(result.warnings.map((warning) => warning.field)).toEqual(['proximity.0.anyOf.1.text', 'proximity.0.nearAnyOf.1.text'])
  })

  it('checks the samples against the proximity condition', () => {
    const result = validateRule(rule({ samples: { shouldMatch: ['bracelet un deux trois quatre cinq six sept vacances'], shouldNotMatch: ['vacances'] } }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((error) => error.field)).toEqual(['samples.shouldMatch.0'])
  })

  it('reports unusable conditions as engine problems instead of matching on them', () => {
    const compiled = compileEngine([
      rule({
        proximity: [
          { ...braceletNearHoliday, within: 0 },
          { anyOf: [fr('\u200b')], nearAnyOf: [fr('vacances')], within: 3 },
        ],
      }),
    ])
    expect(compiled.problems.map((problem) => problem.field)).toEqual(['proximity.0.within', 'proximity.1.anyOf.0.text'])
    expect(compiled.moderate({ text: 'bracelet vacances' }).rules).toEqual([])
  })
})

describe('proximity conditions stored in the moderation-rules collection', () => {
  it('maps a document to the engine rule, nulls dropped', () => {
    const definition = ruleFromDocument({
      id: 7,
      name: 'Bracelet',
      category: 'misinformation',
      action: 'suggest_reply',
      priority: 30,
      severity: 'low',
      proximity: [
        {
          anyOf: [{ text: 'bracelet', language: 'fr', script: 'latin', note: null }],
          nearAnyOf: [{ text: 'عطلة', language: 'ar', script: 'arabic', note: 'holiday' }],
          within: 4,
          note: null,
        },
        // A draft being edited in the admin, before the required distance is filled in.
        { anyOf: null, nearAnyOf: null, within: null, note: 'unfinished' },
      ],
    })
    expect(definition.proximity).toEqual([
      {
        anyOf: [{ text: 'bracelet', language: 'fr', script: 'latin' }],
        nearAnyOf: [{ text: 'عطلة', language: 'ar', script: 'arabic', note: 'holiday' }],
        within: 4,
      },
      { anyOf: [], nearAnyOf: [], within: Number.NaN, note: 'unfinished' },
    ])
    const result = validateRule({ ...definition, samples: { shouldMatch: ['bracelet = عطلة'], shouldNotMatch: ['عطلة'] } })
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['proximity.1.anyOf', 'proximity.1.nearAnyOf', 'proximity.1.within'])
  })
})
