import { createHash } from 'node:crypto'

import type { CollectionBeforeChangeHook, PayloadRequest, RequestContext } from 'payload'
import { z } from 'zod'

import { markedContext, markOf } from '../domain/actor'
import { roleOf } from '../domain/roles'
import { appText } from '../i18n/translations'
import { defineEndpoint, refuse } from '../infra/endpoint'

type Id = number | string
const idOf = (value: Id | { id: Id }) => (typeof value === 'object' ? value.id : value)

/** What NCSC approves in a variant: its words and its media. */
export type ApprovedSubstance = { text?: unknown; hashtags?: unknown; link?: unknown; title?: unknown; firstComment?: unknown; media?: unknown }

export function variantApprovalHash(variant: ApprovedSubstance): string {
  const media = Array.isArray(variant.media) ? (variant.media as (Id | { id: Id })[]).map(idOf) : []
  const substance = [variant.text ?? null, variant.title ?? null, variant.hashtags ?? [], variant.link ?? null, variant.firstComment ?? null, media]
  return createHash('sha256').update(JSON.stringify(substance)).digest('hex')
}

/**
 * The mark of the approval endpoint's own write of `approval`. A symbol: no REST body or GraphQL
 * argument can carry it, and it lives only on the request the endpoint creates for its write.
 */
const approvalWriteKey = Symbol.for('badil.variantApprovalWrite')

function approvalWriteContext(): RequestContext {
  return markedContext(approvalWriteKey, true)
}

export function isApprovalWrite(req: Pick<PayloadRequest, 'context'>): boolean {
  return markOf(req, approvalWriteKey) === true
}

/** The id of the variant whose approval the current operation withdrew (read by the afterChange hook). */
export function revokedApprovalOf(req: Pick<PayloadRequest, 'context'>): Id | undefined {
  return req.context.variantApprovalRevoked as Id | undefined
}

/**
 * Editing an approved variant's text or media revokes its approval, and the history says so.
 * Runs before the scheduling check, which then sees the revoked approval.
 */
export const revokeVariantApprovalOnEdit: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  // What an earlier operation of the same request noted is not this operation's.
  delete req.context.variantApprovalRevoked
  if (isApprovalWrite(req) || originalDoc?.approval?.state !== 'approved') return data
  const merged = { ...originalDoc, ...data }
  if (variantApprovalHash(merged) !== originalDoc.approval.approvedHash) {
    data.approval = { state: 'pending', approvedBy: null, approvedAt: null, approvedHash: null }
    req.context.variantApprovalRevoked = originalDoc.id
  }
  return data
}

/** `POST /api/platform-variants/:id/approve` — NCSC approves the variant's text and media as they are. */
export const approveVariantEndpoint = defineEndpoint({
  path: '/:id/approve',
  method: 'post',
  access: {
    roles: ['ncsc'],
    forbidden: appText('workflow:ncscApprovesVariants'),
  },
  params: z.object({ id: z.string().min(1) }),
  handler: async ({ req, params }) => {
    const id = params.id
    const variant = await req.payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true }).catch(() => null)
    if (!variant) refuse({ status: 404, code: 'not_found', message: appText('workflow:variantNotFound') })
    const approvedHash = variantApprovalHash(variant)
    const updated = await req.payload.update({
      collection: 'platform-variants',
      id,
      overrideAccess: true,
      user: req.user,
      context: approvalWriteContext(),
      data: { approval: { state: 'approved', approvedBy: req.user.id as number, approvedAt: new Date().toISOString(), approvedHash } },
    })
    const event = await req.payload.create({
      collection: 'workflow-events',
      overrideAccess: true,
      data: {
        kind: 'variant_approval',
        transition: 'approve_variant',
        variant: variant.id,
        contentItem: idOf(variant.contentItem as Id | { id: Id }) as number,
        from: 'pending',
        to: 'approved',
        actor: req.user.id as number,
        role: roleOf(req.user) ?? null,
        at: new Date().toISOString(),
        snapshotHash: approvedHash,
      },
    })
    return { doc: updated, event }
  },
})
