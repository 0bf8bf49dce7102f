import { APIError } from 'payload'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest, RequestContext } from 'payload'

import { markedContext, markOf } from '../domain/actor'
import { roleOf } from '../domain/roles'
import { holdScheduledVariants, itemLeftApprovalReason } from './hold-variants'
import { changedSubstantiveFields, snapshotHash } from './snapshot'

/**
 * The mark of the workflow's own write of the state. A symbol: no REST body, GraphQL argument or
 * query string can carry it, and it lives only on the request the transition creates for itself.
 */
const transitionWriteKey = Symbol.for('badil.workflowTransitionWrite')

/** The context of a write of `workflowState` by the transition operation (and test fixtures). */
export function transitionWriteContext(): RequestContext {
  return markedContext(transitionWriteKey, true)
}

function isTransitionWrite(req: PayloadRequest): boolean {
  return markOf(req, transitionWriteKey) === true
}

type Invalidation = { id: number | string; from: string; changed: string[] }

/**
 * The workflow state moves only through a transition: a direct write of `workflowState` is refused
 * on every transport and for every role. An approved (or published) item whose substance changes
 * goes back to review, and the history says which fields changed.
 */
export const guardWorkflowState: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  // What an earlier operation of the same request noted is not this operation's.
  delete req.context.workflowInvalidation
  if (isTransitionWrite(req)) return data
  const current = operation === 'create' ? 'draft' : originalDoc?.workflowState
  if (data.workflowState !== undefined && data.workflowState !== current) {
    throw new APIError(
      'The workflow state changes only through a transition (POST /api/content-items/:id/transition, the transitionContentItem mutation or the admin buttons).',
      403,
      null,
      true,
    )
  }
  if (operation === 'create') data.workflowState = 'draft'

  if (operation === 'update' && originalDoc && (originalDoc.workflowState === 'approved' || originalDoc.workflowState === 'published')) {
    const changed = changedSubstantiveFields(originalDoc, data)
    if (changed.length > 0) {
      data.workflowState = 'in_review'
      req.context.workflowInvalidation = { id: originalDoc.id, from: originalDoc.workflowState, changed } satisfies Invalidation
    }
  }
  return data
}

/** Records the invalidation noted by `guardWorkflowState` and holds the item's scheduled variants. */
export const recordInvalidation: CollectionAfterChangeHook = async ({ doc, req }) => {
  const invalidation = req.context.workflowInvalidation as Invalidation | undefined
  delete req.context.workflowInvalidation
  if (!invalidation || String(invalidation.id) !== String(doc.id)) return doc
  await holdScheduledVariants(req.payload, req, doc.id, itemLeftApprovalReason('in_review'))
  await req.payload.create({
    collection: 'workflow-events',
    overrideAccess: true,
    req,
    data: {
      kind: 'invalidation',
      transition: 'invalidate',
      contentItem: doc.id,
      from: invalidation.from,
      to: 'in_review',
      actor: (req.user?.id as number | undefined) ?? null,
      role: roleOf(req.user) ?? 'system',
      reason: `Approval withdrawn: substantive change to ${invalidation.changed.join(', ')}.`,
      at: new Date().toISOString(),
      snapshotHash: snapshotHash(doc),
    },
  })
  return doc
}
