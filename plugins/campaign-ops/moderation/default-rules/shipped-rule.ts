import type { AdminLanguage } from '../../../../src/i18n/catalogue'
import type { RuleDefinition } from '../types'

/**
 * A shipped rule names itself in every admin language: the seed stores the French and Arabic names
 * in their content locales, and the shipped set (the tester, the CLI) explains itself in English too.
 */
export type ShippedRule = Omit<RuleDefinition, 'name' | 'names'> & { names: Record<AdminLanguage, string> }

/** Its `name` is the French one, as a stored rule's is the default locale's. */
export const shippedRuleDefinition = (rule: ShippedRule): RuleDefinition => ({ ...rule, name: rule.names.fr })
