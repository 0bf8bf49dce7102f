import type { Localized } from '../../src/i18n/catalogue'
import { compilePatternSet, compileSafePattern, MAX_PATTERN_LENGTH, type SafePattern } from '../../plugins/campaign-ops/moderation/safe-pattern'
import { cpuMilliseconds } from '../helpers/cpu-time'

function compiled(source: string): SafePattern {
  const result = compileSafePattern(source)
  if (!result.ok) throw new Error(result.reason.en)
  return result.pattern
}

function reasonsFor(source: string): Localized {
  const result = compileSafePattern(source)
  if (result.ok) throw new Error(`"${source}" was accepted`)
  return result.reason
}

const reasonFor = (source: string): string => reasonsFor(source).en

describe('compileSafePattern', () => {
  it('finds whole-word matches and their ranges', () => {
    const pattern = compiled('kelb|klb')
    expect(pattern.findAll('kelb kelbi klb', 10)).toEqual([
      [0, 4],
      [11, 14],
    ])
    expect(pattern.test('kelbi')).toBe(false)
  })

  it('finds adjacent matches that share a separator', () => {
    expect(compiled('kelb').findAll('kelb kelb kelb', 10)).toHaveLength(3)
  })

  it('judges word boundaries around Arabic words, which RE2 \\b cannot', () => {
    const pattern = compiled('كلب')
    expect(pattern.findAll('انت كلب!', 5)).toEqual([[4, 7]])
    expect(pattern.test('كلبي')).toBe(false)
  })

  it('normalizes the literal characters of the pattern like comment text', () => {
    expect(compiled('corrompué').test('il est corrompue')).toBe(true)
    expect(compiled('قحبة').test('قحبه')).toBe(true)
    expect(compiled('أنت').test('انت')).toBe(true)
  })

  it('keeps escapes, classes and group syntax intact while normalizing', () => {
    expect(compiled('\\p{Lu}?(?i:juge) \\d{2}').test('juge 12')).toBe(true)
    expect(compiled('(?P<Nom>[A-Z]+) est').test('karim est')).toBe(true)
  })

  it('respects the match limit', () => {
    expect(compiled('a[0-9]').findAll('a1 a2 a3 a4', 2)).toHaveLength(2)
  })

  it('runs a pattern that would backtrack catastrophically in linear time', () => {
    const pattern = compiled('(?:a+)+b')
    const text = `${'a'.repeat(200_000)}!`
    let found: unknown[] = []
    const used = cpuMilliseconds(() => {
      found = pattern.findAll(text, 10)
    })
    expect(found).toEqual([])
    // A backtracking engine takes minutes here; a linear one milliseconds.
    expect(used).toBeLessThan(2000)
  })

  it('refuses an empty pattern', () => {
    expect(reasonFor('  ')).toMatch(/empty/)
  })

  it('refuses a pattern over the length limit', () => {
    expect(reasonFor('a'.repeat(MAX_PATTERN_LENGTH + 1))).toMatch(/limit/)
  })

  it('refuses invalid syntax with the RE2 reason', () => {
    expect(reasonFor('(abc')).toMatch(/not valid RE2 syntax.*missing closing \)/)
    expect(reasonFor('a{2000}')).toMatch(/invalid repeat count/)
  })

  it('explains that backreferences are not supported', () => {
    expect(reasonFor('(a)\\1')).toMatch(/Back-references such as “\\1”/)
    expect(reasonFor('(?<x>a)\\k<x>')).toMatch(/back-references/)
  })

  it('explains that lookarounds and atomic groups are not supported', () => {
    expect(reasonFor('juge(?= corrompu)')).toMatch(/Lookahead/)
    expect(reasonFor('juge(?! juste)')).toMatch(/Lookahead/)
    expect(reasonFor('(?<=le )juge')).toMatch(/Lookbehind/)
    expect(reasonFor('(?<!le )juge')).toMatch(/Lookbehind/)
    expect(reasonFor('(?>juge)')).toMatch(/Atomic/)
  })

  it('gives its reasons in French and Arabic too, with the same values', () => {
    const reasons = reasonsFor('(a)\\2')
    expect(reasons.fr).toMatch(/^Les références arrière comme « \\2 »/)
    expect(reasons.ar).toContain('«\\2»')
    expect(reasonsFor('a'.repeat(MAX_PATTERN_LENGTH + 1)).ar).toContain(String(MAX_PATTERN_LENGTH))
  })

  it('does not mistake escaped or bracketed syntax for lookarounds', () => {
    expect(compileSafePattern('\\(?=x').ok).toBe(true)
    expect(compileSafePattern('[(?=]x').ok).toBe(true)
  })

  it('refuses patterns that would match nearly every comment', () => {
    expect(reasonFor('a*')).toMatch(/empty text/)
    expect(reasonFor('\\p{L}+')).toMatch(/lone text “a”/)
    expect(reasonFor('.')).toMatch(/almost every comment/)
  })
})

describe('compilePatternSet', () => {
  it('tells in one pass which patterns occur', () => {
    const patterns = ['kelb', 'juge \\p{L}+ est corrompu', '0[5-7][0-9]{8}'].map(compiled)
    const occurring = compilePatternSet(patterns)
    expect([...occurring('le juge karim est corrompu, appelez 0612345678')].sort()).toEqual([1, 2])
    expect(occurring('rien à signaler').size).toBe(0)
  })

  it('accepts an empty list', () => {
    expect(compilePatternSet([])('kelb').size).toBe(0)
  })
})
