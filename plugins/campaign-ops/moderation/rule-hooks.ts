import { ValidationError } from 'payload'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook } from 'payload'

import { requestLanguage } from '../../../src/i18n/request-language'
import { forgetActiveEngine } from './engine-cache'
import { appendModerationLog } from './moderation-log'
import { documentFieldPath, ruleFromDocument } from './rule-records'
import type { RuleDocument } from './rule-records'
import { validateRule } from './validate-rule'

/** Refuses a rule the engine cannot run as written: empty, unsafe pattern, or failing samples. */
export const validateRuleBeforeChange: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const candidate = ruleFromDocument({ ...(originalDoc ?? {}), ...data, id: originalDoc?.id ?? 'new' } as RuleDocument)
  const result = validateRule(candidate)
  if (!result.ok) {
    throw new ValidationError(
      {
        collection: 'moderation-rules',
        errors: result.errors.map((issue) => ({ path: documentFieldPath(issue.field), message: issue.reason[requestLanguage(req)] })),
      },
      req.t,
    )
  }
  return data
}

function ruleSummary(doc: RuleDocument & { state?: string | null }) {
  return { name: doc.name, state: doc.state, category: doc.category, action: doc.action, severity: doc.severity, priority: doc.priority }
}

/** Every rule change is a human moderation action: it goes to the log, and the local engine recompiles. */
export const logRuleChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  forgetActiveEngine(req.payload)
  await appendModerationLog(req.payload, {
    kind: 'rule_change',
    actor: req.user ? { type: 'user', userId: req.user.id } : { type: 'system' },
    ruleIds: [`db:${doc.id}`],
    category: doc.category,
    action: doc.action,
    before: operation === 'create' ? null : ruleSummary(previousDoc),
    after: ruleSummary(doc),
  })
  return doc
}

export const logRuleDeletion: CollectionAfterDeleteHook = async ({ doc, req }) => {
  forgetActiveEngine(req.payload)
  await appendModerationLog(req.payload, {
    kind: 'rule_change',
    actor: req.user ? { type: 'user', userId: req.user.id } : { type: 'system' },
    ruleIds: [`db:${doc.id}`],
    category: doc.category,
    action: doc.action,
    before: ruleSummary(doc),
    after: null,
  })
}
