/** Rules and terms as the moderation tests write them: a rule with neutral defaults, terms per language and script. */
import type { RuleDefinition, RuleTerm } from '../../plugins/campaign-ops/moderation/types'

export function testRule(overrides: Partial<RuleDefinition> & Pick<RuleDefinition, 'id'>): RuleDefinition {
  return {
    name: overrides.id,
    category: 'harassment',
    action: 'hide',
    priority: 50,
    severity: 'high',
    terms: [],
    patterns: [],
    exceptions: [],
    samples: { shouldMatch: [], shouldNotMatch: [] },
    ...overrides,
  }
}

export const frTerm = (text: string): RuleTerm => ({ text, language: 'fr', script: 'latin' })
/** Modern Standard Arabic. */
export const arTerm = (text: string): RuleTerm => ({ text, language: 'ar', script: 'arabic' })
/** Darija in Arabic letters. */
export const aryTerm = (text: string): RuleTerm => ({ text, language: 'ary', script: 'arabic' })
/** Darija in Latin letters and digits. */
export const arabiziTerm = (text: string): RuleTerm => ({ text, language: 'ary', script: 'latin' })
