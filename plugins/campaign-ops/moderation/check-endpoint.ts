import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../../../src/lib/roles'
import { defaultRules } from './default-rules'
import { compileEngine } from './engine'
import { activeEngine } from './engine-cache'
import { documentFieldPath, ruleFromDocument } from './rule-records'
import type { RuleDocument } from './rule-records'
import type { ModerationEngine, ModerationInput } from './types'
import { validateRule } from './validate-rule'

let defaultEngine: ModerationEngine | undefined
const shippedRulesEngine = () => (defaultEngine ??= compileEngine(defaultRules))

const maxComments = 1000
const maxTextLength = 1_000_000

type CheckBody = {
  comments?: unknown
  rules?: unknown
  draftRule?: unknown
}

function badRequest(field: string, message: string): Response {
  return Response.json({ errors: [{ message, field, data: { errors: [{ path: field, message }] } }] }, { status: 400 })
}

function parseComments(value: unknown): ModerationInput[] | { field: string; message: string } {
  if (!Array.isArray(value) || value.length === 0) return { field: 'comments', message: 'comments must be a non-empty array of strings or {text} objects' }
  if (value.length > maxComments) return { field: 'comments', message: `at most ${maxComments} comments per request` }
  const inputs: ModerationInput[] = []
  for (const [index, item] of value.entries()) {
    const input = typeof item === 'string' ? { text: item } : item
    if (!input || typeof input !== 'object' || typeof (input as { text?: unknown }).text !== 'string') {
      return { field: `comments.${index}`, message: 'each comment is a string or an object with a string "text"' }
    }
    const { text, platform, itemFormat } = input as { text: string; platform?: unknown; itemFormat?: unknown }
    if (text.length > maxTextLength) return { field: `comments.${index}.text`, message: `at most ${maxTextLength} characters` }
    inputs.push({
      text,
      ...(typeof platform === 'string' ? { platform } : {}),
      ...(typeof itemFormat === 'string' ? { itemFormat } : {}),
    })
  }
  return inputs
}

/**
 * `POST /api/moderation/check` — decisions for pasted comments, with the active rules (default),
 * the shipped default rules, or one draft rule alone (the simulator: what would it catch?).
 */
export const moderationCheckEndpoint: Endpoint = {
  path: '/moderation/check',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Sign in to test moderation rules.' }] }, { status: 401 })
    if (!hasRole(req.user, 'admin', 'ncsc', 'cm')) {
      return Response.json({ errors: [{ message: 'Only the NCSC team and community managers can test moderation rules.' }] }, { status: 403 })
    }
    let body: CheckBody
    try {
      body = (await req.json?.()) as CheckBody
    } catch {
      return badRequest('body', 'the body must be JSON')
    }
    if (!body || typeof body !== 'object') return badRequest('body', 'the body must be a JSON object')
    const comments = parseComments(body.comments)
    if (!Array.isArray(comments)) return badRequest(comments.field, comments.message)

    let engine: ModerationEngine
    let ruleSet: string
    if (body.draftRule !== undefined) {
      if (!body.draftRule || typeof body.draftRule !== 'object') return badRequest('draftRule', 'draftRule must be a rule object')
      const draft = ruleFromDocument({ id: 'draft', ...(body.draftRule as object) } as RuleDocument)
      const validation = validateRule(draft)
      if (!validation.ok) {
        const first = validation.errors[0]!
        return Response.json(
          {
            errors: [
              {
                message: `draftRule.${documentFieldPath(first.field)}: ${first.reason}`,
                field: `draftRule.${documentFieldPath(first.field)}`,
                data: { errors: validation.errors.map((issue) => ({ path: `draftRule.${documentFieldPath(issue.field)}`, message: issue.reason })) },
              },
            ],
          },
          { status: 400 },
        )
      }
      engine = compileEngine([draft])
      ruleSet = 'draft'
    } else if (body.rules === 'default') {
      engine = shippedRulesEngine()
      ruleSet = 'default'
    } else if (body.rules === undefined || body.rules === 'active') {
      engine = await activeEngine(req.payload)
      ruleSet = 'active'
    } else {
      return badRequest('rules', 'rules must be "active" or "default"')
    }

    const decisions = comments.map((comment) => ({ text: comment.text, ...engine.moderate(comment) }))
    return Response.json({
      ruleSet,
      ruleCount: engine.ruleCount,
      flagged: decisions.filter((decision) => decision.flagged).length,
      decisions,
    })
  },
}
