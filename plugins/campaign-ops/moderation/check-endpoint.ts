import { z } from 'zod'

import { requestLanguage } from '../../../src/i18n/request-language'
import { defineEndpoint, errorResponse, refuse } from '../../../src/infra/endpoint'
import { defaultRules } from './default-rules'
import { compileEngine } from './engine'
import { explainDecision } from './explain-decision'
import { activeEngine } from './engine-cache'
import { documentFieldPath, ruleFromDocument } from './rule-records'
import type { RuleDocument } from './rule-records'
import type { ModerationEngine, ModerationInput } from './types'
import { validateRule } from './validate-rule'
import { pluginText } from '../translations'

let defaultEngine: ModerationEngine | undefined
const shippedRulesEngine = () => (defaultEngine ??= compileEngine(defaultRules))

/** One request checks at most this much, so that it cannot hold the event loop the scheduler shares. */
export const moderationCheckLimits = { comments: 500, characters: 5_000 }
/** The JSON of the largest request allowed (every character may take 4 bytes), with room for the rest. */
const maxBodyBytes = moderationCheckLimits.comments * (moderationCheckLimits.characters * 4 + 512) + 64 * 1024

const limitWords = {
  comments: (limit: number) => pluginText('moderationCheck:tooManyComments', { limit }),
  characters: (limit: number, index: number) => pluginText('moderationCheck:commentTooLong', { limit, number: index + 1 }),
}

const commentSchema = z.union([z.string(), z.looseObject({ text: z.string(), platform: z.string().optional(), itemFormat: z.string().optional() })])

const checkBody = z.object({
  comments: z.array(commentSchema).min(1),
  rules: z.enum(['active', 'default']).optional(),
  draftRule: z.record(z.string(), z.unknown()).optional(),
})

const fieldWords = {
  comments: pluginText('moderationCheck:fields:comments'),
  comment: pluginText('moderationCheck:fields:comment'),
  rules: pluginText('moderationCheck:fields:rules'),
  draftRule: pluginText('moderationCheck:fields:draftRule'),
}

/** Within the limits of one check (413 otherwise, with the limit), the comments as the engine reads them. */
function checkedComments(comments: z.output<typeof checkBody>['comments']): ModerationInput[] {
  if (comments.length > moderationCheckLimits.comments) {
    refuse({
      status: 413,
      code: 'too_many_comments',
      field: 'comments',
      message: limitWords.comments(moderationCheckLimits.comments),
      details: { limit: moderationCheckLimits.comments },
    })
  }
  return comments.map((comment, index) => {
    const { text, platform, itemFormat } = typeof comment === 'string' ? { text: comment, platform: undefined, itemFormat: undefined } : comment
    if (text.length > moderationCheckLimits.characters) {
      refuse({
        status: 413,
        code: 'comment_too_long',
        field: `comments.${index}.text`,
        message: limitWords.characters(moderationCheckLimits.characters, index),
        details: { limit: moderationCheckLimits.characters },
      })
    }
    return { text, ...(platform !== undefined ? { platform } : {}), ...(itemFormat !== undefined ? { itemFormat } : {}) }
  })
}

/**
 * `POST /api/moderation/check` — decisions for pasted comments, with the active rules (default),
 * the shipped default rules, or one draft rule alone (the simulator: what would it catch?).
 */
export const moderationCheckEndpoint = defineEndpoint({
  path: '/moderation/check',
  method: 'post',
  access: {
    roles: ['admin', 'ncsc', 'cm'],
    forbidden: pluginText('moderationCheck:forbidden'),
  },
  bodyLimitBytes: maxBodyBytes,
  body: checkBody,
  fieldMessages: {
    comments: fieldWords.comments,
    'comments.*': fieldWords.comment,
    'comments.*.text': fieldWords.comment,
    rules: fieldWords.rules,
    draftRule: fieldWords.draftRule,
  },
  handler: async ({ req, body }) => {
    const comments = checkedComments(body.comments)
    let engine: ModerationEngine
    let ruleSet: string
    if (body.draftRule !== undefined) {
      const draft = ruleFromDocument({ id: 'draft', ...body.draftRule } as RuleDocument)
      const validation = validateRule(draft)
      if (!validation.ok) {
        return errorResponse(
          400,
          validation.errors.map((issue) => ({
            message: issue.reason[requestLanguage(req)],
            field: `draftRule.${documentFieldPath(issue.field)}`,
            code: 'invalid_rule',
          })),
        )
      }
      engine = compileEngine([draft])
      ruleSet = 'draft'
    } else if (body.rules === 'default') {
      engine = shippedRulesEngine()
      ruleSet = 'default'
    } else {
      engine = await activeEngine(req.payload)
      ruleSet = 'active'
    }
    const language = requestLanguage(req)
    const decisions = comments.map((comment) => {
      const decision = engine.moderate(comment)
      return { text: comment.text, ...decision, explanation: explainDecision(decision, language) }
    })
    return { ruleSet, ruleCount: engine.ruleCount, flagged: decisions.filter((decision) => decision.flagged).length, decisions }
  },
})
