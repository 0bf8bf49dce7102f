import type { AdminLanguage } from '../../../src/i18n/catalogue'
import type { NormalizedViews } from './normalize'
/**
 * Types shared by the moderation core (normalizer, rule engine, rule validation) and by the rest of
 * the plugin, which meets the engine only through `ModerationEngine`.
 */

export type ModerationCategory = 'hate' | 'defamation' | 'misinformation' | 'harassment' | 'spam' | 'personal_data' | 'off_topic'

export type ModerationAction = 'hide' | 'flag' | 'escalate' | 'suggest_reply' | 'mark_done'

export type Severity = 'low' | 'medium' | 'high' | 'critical'

export type Script = 'arabic' | 'latin'

/** `ary` is Moroccan Darija, written in Arabic letters or in Latin letters with digits (Arabizi). */
export type Language = 'fr' | 'ar' | 'ary'

export const moderationCategories: readonly ModerationCategory[] = ['hate', 'defamation', 'misinformation', 'harassment', 'spam', 'personal_data', 'off_topic']

/** Strictest first: the order that breaks ties between rules of equal priority and severity. */
export const moderationActions: readonly ModerationAction[] = ['escalate', 'hide', 'flag', 'suggest_reply', 'mark_done']

/** Mildest first. */
export const severities: readonly Severity[] = ['low', 'medium', 'high', 'critical']

export const scripts: readonly Script[] = ['arabic', 'latin']

export const languages: readonly Language[] = ['fr', 'ar', 'ary']

export type RuleTerm = {
  /**
   * A word or a sequence of words, matched on whole words after normalization. A trailing `*`
   * makes it a prefix ("encul*" also matches "enculé", "enculés").
   */
  text: string
  language: Language
  script: Script
  note?: string
}

/** Which normalized view a pattern reads: `base` (default) or the Arabizi consonant skeleton. */
export type PatternView = 'base' | 'arabizi'

export type RulePattern = {
  /** RE2 syntax (linear time): no backreferences, no lookaround. Matched on whole words. */
  source: string
  view?: PatternView
  note?: string
}

/**
 * A proximity condition: the rule matches where a term of `anyOf` and a term of `nearAnyOf` occur
 * at most `within` words apart, in either order (adjacent words are 1 apart). Group terms are
 * matched exactly like rule terms. It catches a claim by its key words whatever the phrasing
 * between them ("le bracelet, franchement, c'est des vacances").
 */
export type RuleProximity = {
  anyOf: RuleTerm[]
  nearAnyOf: RuleTerm[]
  within: number
  note?: string
}

export type RuleConditions = {
  containsLink?: boolean
  containsEmail?: boolean
  containsPhone?: boolean
  onlyMentions?: boolean
  onlyEmoji?: boolean
  minWords?: number
  maxWords?: number
  platforms?: string[]
  itemFormats?: string[]
}

export type RuleSamples = {
  shouldMatch: string[]
  shouldNotMatch: string[]
}

/** A rule's name in the admin languages it has one in (rule-names.ts picks the reader's). */
export type RuleNames = Partial<Record<AdminLanguage, string>>

export type RuleDefinition = {
  id: string
  /** Shown when `names` has none for the reader: the French name (the default locale's), or a draft's as typed. */
  name: string
  names?: RuleNames
  category: ModerationCategory
  action: ModerationAction
  /** Higher wins when several rules match one comment. */
  priority: number
  severity: Severity
  terms: RuleTerm[]
  patterns: RulePattern[]
  /** Each condition triggers the rule on its own, like a term or a pattern. */
  proximity?: RuleProximity[]
  /** Words or phrases that cancel the rule when the comment contains them. */
  exceptions: string[]
  /** Every condition given must hold for the rule to apply (they narrow, never trigger). */
  conditions?: RuleConditions
  mythId?: string
  replyTemplateId?: string
  samples: RuleSamples
}

export type ModerationInput = {
  text: string
  platform?: string
  itemFormat?: string
}

export type NormalizedViewName = 'base' | 'leet' | 'arabizi' | 'joined'

/** A UTF-16 range [start, end) in the comment as received. */
export type Span = [number, number]

export type RuleMatch = {
  /** The rule's term (as written in the rule) or pattern source that matched. */
  term?: string
  pattern?: string
  view: NormalizedViewName
  span: Span
  /** The matched original text, shortened when long. */
  excerpt: string
  /** For a proximity condition: the other group's term found after this one, at most `within` words away. */
  near?: { term: string; view: NormalizedViewName; span: Span; excerpt: string; within: number }
}

export type MatchedRule = {
  id: string
  name: string
  names?: RuleNames
  category: ModerationCategory
  action: ModerationAction
  priority: number
  severity: Severity
  /** The myth a misinformation rule answers (its key), to suggest the approved correction. */
  mythId?: string
  matches: RuleMatch[]
}

/** Facts about the text itself that a moderator should see whatever the rules say. */
export type TextSignal = 'bidi_override'

export type Decision = {
  /** True when a matched rule asks for something other than `mark_done`, or a signal is raised. */
  flagged: boolean
  action: ModerationAction | null
  category: ModerationCategory | null
  severity: Severity | null
  /** Decisive rule first: priority, then severity, then action strictness, then id. */
  rules: MatchedRule[]
  /** Merged, sorted ranges of the original text to highlight. */
  spans: Span[]
  signals: TextSignal[]
  /** Rules that matched but were cancelled by one of their exceptions. */
  cancelled: Array<{ ruleId: string; ruleName: string; ruleNames?: RuleNames; exception: string }>
  /** The comment has no text at all. */
  empty: boolean
}

export interface ModerationEngine {
  /** `views`: the text's normalized views when the caller computed them already (normalizeViews of the same text). */
  moderate(input: ModerationInput, views?: NormalizedViews): Decision
  readonly ruleCount: number
}
