import { APIError } from 'payload'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { roleOf } from '../lib/roles'
import { changedSubstantiveFields, snapshotHash } from './snapshot'

/**
 * The workflow state moves only through a transition: a direct write of `workflowState` is refused
 * on every transport and for every role. An approved (or published) item whose substance changes
 * goes back to review, and the history says which fields changed.
 */
export const guardWorkflowState: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (req.context.workflowTransition) return data
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
      req.context.workflowInvalidation = { from: originalDoc.workflowState, changed }
    }
  }
  return data
}

export const recordInvalidation: CollectionAfterChangeHook = async ({ doc, req }) => {
  const invalidation = req.context.workflowInvalidation as { from: string; changed: string[] } | undefined
  if (!invalidation) return doc
  delete req.context.workflowInvalidation
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
      actor: req.user ? (req.user.id as number) : null,
      role: roleOf(req.user) ?? 'system',
      reason: `Approval withdrawn: substantive change to ${invalidation.changed.join(', ')}.`,
      at: new Date().toISOString(),
      snapshotHash: snapshotHash(doc),
    },
  })
  return doc
}
