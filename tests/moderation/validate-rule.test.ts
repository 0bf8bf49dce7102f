import type { RuleDefinition } from '../../plugins/campaign-ops/moderation/types'
import { validateRule } from '../../plugins/campaign-ops/moderation/validate-rule'

function validRule(overrides: Partial<RuleDefinition> = {}): RuleDefinition {
  return {
    id: 'donkey-insults',
    name: 'Donkey insults',
    category: 'harassment',
    action: 'hide',
    priority: 70,
    severity: 'high',
    terms: [
      { text: 'ya 7mar', language: 'ary', script: 'latin', note: 'vocative' },
      { text: 'يا حمار', language: 'ary', script: 'arabic' },
    ],
    patterns: [],
    exceptions: [],
    samples: { shouldMatch: ['ya 7maaar!', 'يا حمار'], shouldNotMatch: ['الحمار ديالي مريض', 'hmar dyal jdi'] },
    ...overrides,
  }
}

function fieldsOf(rule: RuleDefinition): string[] {
  const result = validateRule(rule)
  return result.ok ? [] : result.errors.map((error) => error.field)
}

describe('validateRule', () => {
  it('accepts a well-formed rule whose samples pass', () => {
    expect(validateRule(validRule())).toEqual({ ok: true, warnings: [] })
  })

  it('refuses a rule with neither terms nor patterns', () => {
    expect(fieldsOf(validRule({ terms: [], patterns: [] }))).toContain('terms')
  })

  it('refuses empty terms and terms that normalize to nothing', () => {
    const rule = validRule({
      terms: [
        { text: 'ya 7mar', language: 'ary', script: 'latin' },
        { text: '  ', language: 'fr', script: 'latin' },
        { text: '\u200b\u064b', language: 'ar', script: 'arabic' },
      ],
    })
    expect(fieldsOf(rule)).toEqual(['terms.1.text', 'terms.2.text'])
  })

  it('refuses a script that does not fit the term, and unknown languages', () => {
    const rule = validRule({
      terms: [
        { text: 'ya 7mar', language: 'ary', script: 'arabic' },
        { text: 'حمار', language: 'ary', script: 'latin' },
        { text: 'kelb', language: 'en' as 'fr', script: 'latin' },
      ],
    })
    expect(fieldsOf(rule)).toEqual(['terms.0.script', 'terms.1.script', 'terms.2.language'])
  })

  it('refuses a misplaced or too short prefix marker', () => {
    const rule = validRule({
      terms: [
        { text: 'en*cul', language: 'fr', script: 'latin' },
        { text: 'pd*', language: 'fr', script: 'latin' },
        { text: 'encul*', language: 'fr', script: 'latin' },
      ],
      samples: { shouldMatch: ['enculé'], shouldNotMatch: ['bonjour'] },
    })
    expect(fieldsOf(rule)).toEqual(['terms.0.text', 'terms.1.text'])
  })

  it('refuses patterns outside the safe syntax, with the reason', () => {
    const result = validateRule(validRule({ patterns: [{ source: 'juge' }, { source: '(\\w+) \\1' }, { source: '(' }] }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((error) => error.field)).toEqual(['patterns.1.source', 'patterns.2.source'])
    expect(result.errors[0]?.reason.en).toMatch(/Back-references/)
    expect(result.errors[0]?.reason.fr).toMatch(/références arrière/)
  })

  it('refuses empty exceptions and impossible conditions', () => {
    const rule = validRule({ exceptions: ['ok', ' '], conditions: { minWords: 5, maxWords: 2 } })
    expect(fieldsOf(rule)).toEqual(['exceptions.1', 'conditions.maxWords'])
  })

  it('refuses samples the rule gets wrong, one field per sample', () => {
    const rule = validRule({
      samples: {
        shouldMatch: ['ya 7mar', 'tu es bête', 'nta 7mar'],
        shouldNotMatch: ['bonjour', 'يا حمار'],
      },
    })
    const result = validateRule(rule)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((error) => error.field)).toEqual(['samples.shouldMatch.1', 'samples.shouldMatch.2', 'samples.shouldNotMatch.1'])
    expect(result.errors[2]?.reason.en).toMatch(/^Caught by this rule\. Hide: rule “/)
    expect(result.errors[2]?.reason.ar).toMatch(/^التقطته هذه القاعدة\. إخفاء: /)
  })

  it('requires samples on both sides', () => {
    expect(fieldsOf(validRule({ samples: { shouldMatch: [], shouldNotMatch: [] } }))).toEqual(['samples.shouldMatch', 'samples.shouldNotMatch'])
  })

  it('judges samples where the rule applies (its platform and format)', () => {
    const rule = validRule({ conditions: { platforms: ['youtube'], itemFormats: ['short_video'] } })
    expect(validateRule(rule).ok).toBe(true)
  })

  it('never lets misinformation hide, and warns about a missing myth or template', () => {
    const rule = validRule({ category: 'misinformation', action: 'hide' })
    expect(fieldsOf(rule)).toContain('action')
    const reply = validateRule(validRule({ category: 'misinformation', action: 'suggest_reply' }))
    expect(reply.ok).toBe(true)
    expect(reply.warnings.map((warning) => warning.field)).toEqual(['mythId', 'replyTemplateId'])
  })

  it('refuses unknown enumerations and missing identity', () => {
    const rule = validRule({
      id: '',
      name: ' ',
      category: 'rude' as 'hate',
      action: 'delete' as 'hide',
      severity: 'extreme' as 'high',
      priority: Number.NaN,
    })
    expect(fieldsOf(rule)).toEqual(['id', 'name', 'category', 'action', 'severity', 'priority'])
  })
})
