import { defaultRules } from '../../plugins/campaign-ops/moderation/default-rules/index'
import { compileEngine } from '../../plugins/campaign-ops/moderation/engine'
import { validateRule } from '../../plugins/campaign-ops/moderation/validate-rule'

describe('default rule set', () => {
  it('has unique ids', () => {
    const ids = defaultRules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(defaultRules.map((rule) => [rule.id, rule] as const))('%s passes validation, its own samples included', (_id, rule) => {
    const result = validateRule(rule)
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  it.each(defaultRules.map((rule) => [rule.id, rule] as const))('%s has at least two samples on each side', (_id, rule) => {
    expect(rule.samples.shouldMatch.length).toBeGreaterThanOrEqual(2)
    expect(rule.samples.shouldNotMatch.length).toBeGreaterThanOrEqual(2)
  })

  it.each(defaultRules.map((rule) => [rule.id, rule] as const))('%s is named in French, Arabic and English', (_id, rule) => {
    const { fr, ar, en } = rule.names ?? {}
    for (const name of [fr, ar, en]) expect(name?.trim()).toBeTruthy()
    // Its name is the French one, the name the seed stores in the default locale.
    expect(rule.name).toBe(fr)
    expect(fr).not.toBe(en)
    // No English left in the French name, no Latin letters at all in the Arabic one.
    expect(fr).not.toMatch(/\b(the|and|with|of|review|myth|only|insults|slurs|offer|link|people|threats|abuse|email)\b/i)
    expect(ar).toMatch(/[\u0600-\u06FF]/)
    expect(ar).not.toMatch(/[A-Za-z]/)
  })

  it('names no two rules alike in any language', () => {
    for (const language of ['fr', 'ar', 'en'] as const) {
      const names = defaultRules.map((rule) => rule.names?.[language])
      expect(new Set(names).size).toBe(names.length)
    }
  })

  it('gives every lexicon entry a note', () => {
    const missing = defaultRules.flatMap((rule) => rule.terms.filter((term) => (term.note ?? '').trim() === '').map((term) => `${rule.id}: ${term.text}`))
    expect(missing).toEqual([])
  })

  it('answers misinformation with a reply, never hides it, one rule per myth', () => {
    const myths = defaultRules.filter((rule) => rule.category === 'misinformation')
    expect(myths).toHaveLength(10)
    for (const rule of myths) {
      expect(rule.action).toBe('suggest_reply')
      expect(rule.mythId).toBeTruthy()
      expect(rule.replyTemplateId).toBeTruthy()
      const scripts = new Set(rule.terms.map((term) => `${term.language}/${term.script}`))
      expect([...scripts].sort()).toEqual(['ar/arabic', 'ary/arabic', 'ary/latin', 'fr/latin'])
    }
  })

  it('compiles into one engine without problems', () => {
    const engine = compileEngine(defaultRules)
    expect(engine.problems).toEqual([])
    expect(engine.ruleCount).toBe(defaultRules.length)
  })

  it('covers the lexicon announced (reported once)', () => {
    const counts = new Map<string, number>()
    for (const rule of defaultRules) {
      for (const term of rule.terms) {
        const key = `${rule.category} ${term.language}/${term.script}`
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0)
    const patterns = defaultRules.reduce((sum, rule) => sum + rule.patterns.length, 0)
    console.log(
      `Default rules: ${defaultRules.length} rules, ${total} terms, ${patterns} patterns\n` +
        [...counts.entries()]
          .sort()
          .map(([key, count]) => `  ${key}: ${count}`)
          .join('\n'),
    )
    expect(total).toBeGreaterThanOrEqual(300)
  })
})
