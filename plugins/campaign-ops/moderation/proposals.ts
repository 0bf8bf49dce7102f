import { APIError } from 'payload'
import type { Access, CollectionBeforeChangeHook, Where } from 'payload'

import { hasRole } from '../../../src/domain/roles'
import type { Role } from '../../../src/domain/roles'
import type { Localized } from '../../../src/i18n/catalogue'
import { requestLanguage } from '../../../src/i18n/request-language'

/**
 * What a community manager proposes and NCSC decides (moderation rules, response templates): who
 * may edit what, who may take the deciding state, and who proposed and decided, recorded by the
 * server from the request's user, never from the data sent.
 */
export type ProposalRules = {
  /** The state only deciders give (a rule `active`, a template `approved`). */
  decidedState: string
  deciders: readonly Role[]
  /** Said to anyone else who tries to give the deciding state (403). */
  refusal: Localized
  /** The fields recording who decided and when. */
  decidedByField: string
  decidedAtField: string
  /** Whether leaving the deciding state forgets who decided (a template) or keeps it as history (a rule). */
  forgetDecisionWhenLeft: boolean
  /** Someone other than a decider who may still decide (the seed, for the shipped rules). */
  alsoDecides?: (req: Parameters<CollectionBeforeChangeHook>[0]['req']) => boolean
}

/** Deciders edit everything; a community manager edits the proposals they wrote while not decided. */
export function proposalUpdateAccess(rules: Pick<ProposalRules, 'decidedState' | 'deciders'>): Access {
  return ({ req }) => {
    if (hasRole(req.user, ...rules.deciders)) return true
    if (!hasRole(req.user, 'cm') || !req.user) return false
    const where: Where = { and: [{ proposedBy: { equals: req.user.id } }, { state: { not_equals: rules.decidedState } }] }
    return where
  }
}

/** Refuses the deciding state to others, and records who proposed and who decided. */
export function recordProposal(rules: ProposalRules): CollectionBeforeChangeHook {
  return ({ data, originalDoc, operation, req }) => {
    const nextState = data.state ?? originalDoc?.state ?? 'proposed'
    const previousState = operation === 'create' ? undefined : originalDoc?.state
    const decides = nextState === rules.decidedState && previousState !== rules.decidedState
    if (decides && !hasRole(req.user, ...rules.deciders) && !rules.alsoDecides?.(req)) {
      throw new APIError(rules.refusal[requestLanguage(req)], 403, null, true)
    }
    data.proposedBy = operation === 'create' ? (req.user?.id ?? null) : originalDoc?.proposedBy
    if (decides) {
      data[rules.decidedByField] = req.user?.id ?? null
      data[rules.decidedAtField] = new Date().toISOString()
    } else if (nextState !== rules.decidedState && rules.forgetDecisionWhenLeft) {
      data[rules.decidedByField] = null
      data[rules.decidedAtField] = null
    } else {
      data[rules.decidedByField] = originalDoc?.[rules.decidedByField] ?? null
      data[rules.decidedAtField] = originalDoc?.[rules.decidedAtField] ?? null
    }
    return data
  }
}
