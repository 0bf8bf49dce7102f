/**
 * "What waits for me": the content items each role acts on next, by workflow state. Read by the
 * navigation's counter (ReviewQueueNav) and by the home page's work widget.
 */
import type { Payload, TypedUser, Where } from 'payload'

import { roleOf } from '../domain/roles'
import type { Role } from '../domain/roles'
import type { AppStringKey } from '../i18n/translations'
import type { WorkflowState } from './transition-table'

export type WorkQueue = {
  key: string
  states: WorkflowState[]
  /** Only the items the person owns (a consultant's own drafts). */
  mine?: boolean
  label: Extract<AppStringKey, `workQueues:${string}`>
  /** Shown when the queue is empty. */
  empty: Extract<AppStringKey, `workQueues:${string}`>
}

/** Each role's queues, most pressing first. */
export const workQueuesByRole: Partial<Record<Role, WorkQueue[]>> = {
  ncsc: [
    { key: 'toValidate', states: ['in_review'], label: 'workQueues:toValidate', empty: 'workQueues:toValidateEmpty' },
    { key: 'inLegalReview', states: ['legal_review'], label: 'workQueues:inLegalReview', empty: 'workQueues:inLegalReviewEmpty' },
  ],
  legal: [{ key: 'legalReview', states: ['legal_review'], label: 'workQueues:legalReview', empty: 'workQueues:legalReviewEmpty' }],
  consultant: [
    { key: 'changesRequested', states: ['changes_requested'], mine: true, label: 'workQueues:changesRequested', empty: 'workQueues:changesRequestedEmpty' },
    { key: 'myDrafts', states: ['draft'], mine: true, label: 'workQueues:myDrafts', empty: 'workQueues:myDraftsEmpty' },
  ],
  cm: [{ key: 'approved', states: ['approved'], label: 'workQueues:approved', empty: 'workQueues:approvedEmpty' }],
  admin: [
    { key: 'toValidate', states: ['in_review'], label: 'workQueues:toValidate', empty: 'workQueues:toValidateEmpty' },
    { key: 'inLegalReview', states: ['legal_review'], label: 'workQueues:inLegalReview', empty: 'workQueues:inLegalReviewEmpty' },
  ],
}

export const workQueuesOf = (user: { role?: string | null } | null | undefined): WorkQueue[] => workQueuesByRole[roleOf(user) as Role] ?? []

export function workQueueWhere(queue: WorkQueue, userId: number | string): Where {
  const states: Where = { workflowState: { in: queue.states } }
  return queue.mine ? { and: [states, { owner: { equals: userId } }] } : states
}

/** The admin list's address for a queue (the same filter as its count). */
export function workQueueListQuery(queue: WorkQueue, userId: number | string): string {
  const params = new URLSearchParams()
  queue.states.forEach((state, index) => params.set(`where[and][0][workflowState][in][${index}]`, state))
  if (queue.mine) params.set('where[and][1][owner][equals]', String(userId))
  return params.toString()
}

export type WorkQueueItem = { id: number | string; title: string; state: WorkflowState; updatedAt: string }
export type WorkQueueReading = { queue: WorkQueue; total: number; items: WorkQueueItem[]; listQuery: string }

/**
 * Each of the person's queues with its count and its oldest items (waiting longest first), read
 * with the person's own access: nothing they may not read is counted.
 */
export async function readWorkQueues(payload: Payload, user: TypedUser, options: { locale: string; limit?: number }): Promise<WorkQueueReading[]> {
  const readings: WorkQueueReading[] = []
  for (const queue of workQueuesOf(user)) {
    const found = await payload.find({
      collection: 'content-items',
      where: workQueueWhere(queue, user.id),
      sort: 'updatedAt',
      limit: options.limit ?? 5,
      depth: 0,
      locale: options.locale as never,
      fallbackLocale: 'fr' as never,
      select: { title: true, workflowState: true, updatedAt: true },
      overrideAccess: false,
      user,
    })
    readings.push({
      queue,
      total: found.totalDocs,
      items: found.docs.map((doc) => ({
        id: doc.id,
        title: typeof doc.title === 'string' ? doc.title : '',
        state: doc.workflowState as WorkflowState,
        updatedAt: String(doc.updatedAt),
      })),
      listQuery: workQueueListQuery(queue, user.id),
    })
  }
  return readings
}
