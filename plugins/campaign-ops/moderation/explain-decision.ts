/**
 * Puts an engine decision into words for a person, in their language: the decisive rule and what
 * it caught, the other rules, the exceptions that cancelled a rule, and the signals to review;
 * each rule by its name in the reader's language (rule-names.ts).
 * Kept out of the engine so that scoring many comments never pays for sentences nobody reads.
 */

import type { AdminLanguage } from '../../../src/i18n/catalogue'
import { pluginText, type PluginStringKey } from '../translations'
import { moderationActionOptions, moderationCategoryOptions, optionLabel, severityOptions } from './option-labels'
import { ruleNameIn } from './rule-names'
import type { Decision, NormalizedViewName, RuleMatch } from './types'

const SHOWN_MATCHES = 3

const viewKeys: Record<Exclude<NormalizedViewName, 'base'>, PluginStringKey> = {
  joined: 'decisionExplanation:viewJoined',
  leet: 'decisionExplanation:viewLeet',
  arabizi: 'decisionExplanation:viewArabizi',
}

export function explainDecision(decision: Decision, language: AdminLanguage): string {
  const text = (key: PluginStringKey, vars?: Record<string, string | number>) => pluginText(key, vars)[language]
  const separator = text('decisionExplanation:separator')
  const actionLabel = (action: string) => optionLabel(moderationActionOptions, action, language)

  const describeMatch = (match: RuleMatch): string => {
    if (match.near !== undefined) {
      const vars = { excerpt: match.excerpt, near: match.near.excerpt, within: match.near.within }
      return text(match.near.within === 1 ? 'decisionExplanation:matchNearOne' : 'decisionExplanation:matchNearMany', vars)
    }
    const view = match.view === 'base' ? undefined : text(viewKeys[match.view])
    if (match.term !== undefined) {
      return view === undefined
        ? text('decisionExplanation:matchTerm', { excerpt: match.excerpt, term: match.term })
        : text('decisionExplanation:matchTermView', { excerpt: match.excerpt, term: match.term, view })
    }
    return view === undefined
      ? text('decisionExplanation:matchPattern', { excerpt: match.excerpt })
      : text('decisionExplanation:matchPatternView', { excerpt: match.excerpt, view })
  }

  const sentences: string[] = []
  const [top, ...others] = decision.rules
  if (top === undefined) {
    sentences.push(text(decision.empty ? 'decisionExplanation:empty' : 'decisionExplanation:noRule'))
  } else {
    const shown = top.matches.slice(0, SHOWN_MATCHES).map(describeMatch)
    if (top.matches.length > SHOWN_MATCHES) shown.push(text('decisionExplanation:more', { count: top.matches.length - SHOWN_MATCHES }))
    sentences.push(
      text('decisionExplanation:top', {
        action: actionLabel(top.action),
        rule: ruleNameIn(top, language),
        category: optionLabel(moderationCategoryOptions, top.category, language),
        severity: optionLabel(severityOptions, top.severity, language).toLocaleLowerCase(language),
        matches: shown.join(separator),
      }),
    )
    if (others.length > 0) {
      const listed = others.map((rule) => text('decisionExplanation:otherRule', { rule: ruleNameIn(rule, language), action: actionLabel(rule.action) }))
      sentences.push(text('decisionExplanation:alsoMatched', { rules: listed.join(separator) }))
    }
  }
  for (const { ruleName, ruleNames, exception } of decision.cancelled) {
    sentences.push(text('decisionExplanation:cancelled', { rule: ruleNameIn({ name: ruleName, names: ruleNames }, language), exception }))
  }
  if (decision.signals.includes('bidi_override')) sentences.push(text('decisionExplanation:bidiOverride'))
  return sentences.join(' ')
}
