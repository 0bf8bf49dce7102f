import type { Endpoint, PayloadRequest } from 'payload'

import { BodyTooLargeError, readBodyWithin } from '../../../src/infra/body-limit'
import { requestLanguage } from '../../../src/i18n/request-language'
import type { AdminLanguageCode } from '../../../src/i18n/request-language'
import { hasRole } from '../../../src/domain/roles'
import { defaultRules } from './default-rules'
import { compileEngine } from './engine'
import { activeEngine } from './engine-cache'
import { documentFieldPath, ruleFromDocument } from './rule-records'
import type { RuleDocument } from './rule-records'
import type { ModerationEngine, ModerationInput } from './types'
import { validateRule } from './validate-rule'

let defaultEngine: ModerationEngine | undefined
const shippedRulesEngine = () => (defaultEngine ??= compileEngine(defaultRules))

/** One request checks at most this much, so that it cannot hold the event loop the scheduler shares. */
export const moderationCheckLimits = { comments: 500, characters: 5_000 }
/** The JSON of the largest request allowed (every character may take 4 bytes), with room for the rest. */
const maxBodyBytes = moderationCheckLimits.comments * (moderationCheckLimits.characters * 4 + 512) + 64 * 1024

type CheckBody = {
  comments?: unknown
  rules?: unknown
  draftRule?: unknown
}

function badRequest(field: string, message: string, status: 400 | 413 = 400, limit?: number): Response {
  return Response.json({ errors: [{ message, field, ...(limit !== undefined ? { limit } : {}), data: { errors: [{ path: field, message }] } }] }, { status })
}

type ParseRefusal = { field: string; message: string; status?: 413; limit?: number }

const limitWords = {
  comments: (limit: number) => ({
    fr: `Au plus ${limit} commentaires par vérification : découpez la liste.`,
    ar: `${limit} تعليق على الأكثر في كل فحص: قسّم القائمة.`,
    en: `At most ${limit} comments per check: split the list.`,
  }),
  characters: (limit: number, index: number) => ({
    fr: `Le commentaire n° ${index + 1} dépasse ${limit} caractères.`,
    ar: `التعليق رقم ${index + 1} يتجاوز ${limit} حرف.`,
    en: `Comment ${index + 1} is longer than ${limit} characters.`,
  }),
  body: (bytes: number) => ({
    fr: `La requête dépasse ${Math.ceil(bytes / 1024 / 1024)} Mo.`,
    ar: `الطلب يتجاوز ${Math.ceil(bytes / 1024 / 1024)} ميغابايت.`,
    en: `The request is larger than ${Math.ceil(bytes / 1024 / 1024)} MB.`,
  }),
}

function parseComments(value: unknown, language: AdminLanguageCode): ModerationInput[] | ParseRefusal {
  if (!Array.isArray(value) || value.length === 0) return { field: 'comments', message: 'comments must be a non-empty array of strings or {text} objects' }
  if (value.length > moderationCheckLimits.comments) {
    return { field: 'comments', message: limitWords.comments(moderationCheckLimits.comments)[language], status: 413, limit: moderationCheckLimits.comments }
  }
  const inputs: ModerationInput[] = []
  for (const [index, item] of value.entries()) {
    const input = typeof item === 'string' ? { text: item } : item
    if (!input || typeof input !== 'object' || typeof (input as { text?: unknown }).text !== 'string') {
      return { field: `comments.${index}`, message: 'each comment is a string or an object with a string "text"' }
    }
    const { text, platform, itemFormat } = input as { text: string; platform?: unknown; itemFormat?: unknown }
    if (text.length > moderationCheckLimits.characters) {
      return {
        field: `comments.${index}.text`,
        message: limitWords.characters(moderationCheckLimits.characters, index)[language],
        status: 413,
        limit: moderationCheckLimits.characters,
      }
    }
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
      // Read within its limit before anything parses it.
      const bytes = req.body ? await readBodyWithin(req.body, maxBodyBytes) : new Uint8Array()
      body = JSON.parse(new TextDecoder().decode(bytes)) as CheckBody
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return badRequest('body', limitWords.body(maxBodyBytes)[requestLanguage(req)], 413, maxBodyBytes)
      }
      return badRequest('body', 'the body must be JSON')
    }
    if (!body || typeof body !== 'object') return badRequest('body', 'the body must be a JSON object')
    const comments = parseComments(body.comments, requestLanguage(req))
    if (!Array.isArray(comments)) return badRequest(comments.field, comments.message, comments.status, comments.limit)

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
