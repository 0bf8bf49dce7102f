import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { appText } from '../i18n/translations'
import { postgresAdapterOf } from '../infra/database'
import { workflowStateLabels } from './transition-table'
import type { WorkflowState } from './transition-table'

/** Item states whose variants may go out: approved, or already published (its siblings follow). */
export const publishableItemStates: readonly WorkflowState[] = ['approved', 'published']

/** Why a scheduled variant was held when its item left approval (fr, ar, en: one per line, like the engine's reasons). */
export function itemLeftApprovalReason(to: WorkflowState): string {
  const { fr, ar, en } = appText('workflow:heldItemLeftApproval', { state: workflowStateLabels[to] })
  return [fr, ar, en].join('\n')
}

/** The drizzle handle of the request's open transaction, or the adapter's own (no transaction). */
async function transactionOf(payload: Payload, req: Partial<PayloadRequest>) {
  const db = postgresAdapterOf(payload)
  const id = req.transactionID ? await req.transactionID : undefined
  return (id !== undefined && db.sessions?.[String(id)]?.db) || db.drizzle
}

/**
 * An item that leaves approval takes its scheduled variants out of the queue: they become `held`
 * with the reason, in the transaction that moves the item, so no scheduler can claim one after the
 * item's state changed. Returns how many were held.
 */
export async function holdScheduledVariants(payload: Payload, req: Partial<PayloadRequest>, contentItemId: number | string, reason: string): Promise<number> {
  const db = await transactionOf(payload, req)
  const result = await db.execute(sql`
    UPDATE platform_variants
       SET publication_state = 'held', next_attempt_at = NULL, last_error = ${reason}, updated_at = now()
     WHERE content_item_id = ${Number(contentItemId)} AND publication_state = 'scheduled'`)
  return result.rowCount ?? 0
}
