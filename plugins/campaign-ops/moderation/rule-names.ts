/**
 * Which name of a rule a person reads. A stored rule's name is localized in the content locales
 * (fr, ar, ary) and the admin languages are fr, ar and en: the two meet on fr and ar. There is no
 * English content locale, so a rule written in the admin has no English name and an English
 * reader gets the French one — the default locale's, which every rule saved in it has. The shipped
 * rules carry an English name in code (default-rules/), read by the tester and the CLI when they
 * use the shipped set. It imports types only, so admin client components can use it too.
 */

import type { AdminLanguage } from '../../../src/i18n/catalogue'
import type { RuleNames } from './types'

export type NamedRule = { name: string; names?: RuleNames }

const present = (text: string | null | undefined): text is string => typeof text === 'string' && text.trim() !== ''

/** The rule's name in the reader's language, else the French one, else `name`. */
export function ruleNameIn(rule: NamedRule, language: AdminLanguage): string {
  const own = rule.names?.[language]
  if (present(own)) return own
  const french = rule.names?.fr
  return present(french) ? french : rule.name
}

/**
 * Every distinct name of the rule, French first, one per line: for a record kept in one text (an
 * archived copy's reason, a log row) that people of each language read later.
 */
export function ruleNamesText(rule: NamedRule): string {
  const names = [rule.names?.fr, rule.names?.ar, rule.names?.en, rule.name].filter(present)
  return [...new Set(names)].join('\n')
}
