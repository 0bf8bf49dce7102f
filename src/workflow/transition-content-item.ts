import { APIError, commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { Payload, PayloadRequest } from 'payload'

import { systemContext } from '../domain/actor'
import type { SystemName } from '../domain/actor'
import { isStaff, roleOf } from '../domain/roles'
import { transitionWriteContext } from './content-item-hooks'
import { holdScheduledVariants, itemLeftApprovalReason, publishableItemStates } from './hold-variants'
import { snapshotHash } from './snapshot'
import { availableTransitions, findTransition, workflowStateLabels, workflowStateValues } from './transition-table'
import type { Transition, WorkflowState } from './transition-table'
import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

type Id = number | string
type Person = { id: Id; role?: string | null; collection?: string }

/** A refused transition: 400 (no reason), 401 (nobody signed in), 403 (role), 404 (no item), 409 (state or guard). */
export class WorkflowTransitionError extends APIError<{ allowed: string[]; field?: string; reason: Localized }> {
  /** The refusal in each admin language; the error's message is the English one (Local API, logs). */
  readonly reason: Localized

  constructor(reason: Localized, status: 400 | 401 | 403 | 404 | 409, allowed: string[], field?: string) {
    super(reason.en, status, { allowed, reason, ...(field ? { field } : {}) }, true)
    this.name = 'WorkflowTransitionError'
    this.reason = reason
  }
}

export type TransitionRequest = {
  id: Id
  to: string
  reason?: string | null
  /** Carries the admin language of an HTTP call; the transition never writes through it. */
  req?: Partial<PayloadRequest>
} & (
  | {
      /** The person taking the transition. Missing (an anonymous request) is refused with 401. */
      user: Person | null | undefined
      system?: undefined
    }
  | {
      /** The part of Badil taking a system transition (publishing, invalidation); never a person's. */
      system: SystemName
      user?: undefined
    }
)

export const workflowNotificationTask = 'notifyWorkflowTransition'

/**
 * Moves a content item along the transition table, in one database transaction: the new state,
 * the history row (with a hash of what was approved), the hold of its scheduled variants when it
 * leaves approval, and the notification job commit together; the email goes out afterwards from
 * the jobs queue, so a mail failure never undoes a transition.
 *
 * The writes run on a request of their own: the caller's request (shared by every operation of a
 * GraphQL document) never carries the permission to write the state.
 */
export async function transitionContentItem(payload: Payload, request: TransitionRequest) {
  const to = request.to as WorkflowState
  const system = request.system
  const person = system ? undefined : (request.user ?? undefined)
  if (!system && !person) throw new WorkflowTransitionError(appText('workflow:refusals:signIn'), 401, [])
  if (person && !isStaff(person)) {
    throw new WorkflowTransitionError(appText('workflow:refusals:staffOnly'), 403, [])
  }
  const req = await createLocalReq(
    {
      user: person as never,
      context: { ...(system ? systemContext(system) : {}), ...transitionWriteContext() },
      req: { i18n: request.req?.i18n } as never,
    },
    payload,
  )
  const startedTransaction = await initTransaction(req)
  try {
    const item = await payload.findByID({ collection: 'content-items', id: request.id, depth: 0, overrideAccess: true, req }).catch(() => null)
    if (!item) throw new WorkflowTransitionError(appText('workflow:refusals:itemMissing', { id: String(request.id) }), 404, [])
    const from = item.workflowState as WorkflowState
    const role = roleOf(person)
    const allowedHere = availableTransitions({ workflowState: from, sensitivity: item.sensitivity }, role).map((t) => t.to)

    if (!workflowStateValues.includes(to)) {
      throw new WorkflowTransitionError(appText('workflow:refusals:unknownState', { to: String(request.to) }), 400, allowedHere, 'to')
    }
    const transition: Transition | undefined = findTransition(from, to)
    if (!transition) {
      throw new WorkflowTransitionError(
        appText('workflow:refusals:notFromHere', { from: workflowStateLabels[from] ?? from, to: workflowStateLabels[to] ?? to }),
        409,
        allowedHere,
      )
    }
    // People take the transitions of their role; the system only the ones no person takes.
    const permitted = system ? transition.roles.length === 0 : role !== undefined && transition.roles.includes(role)
    if (!permitted) {
      throw new WorkflowTransitionError(
        appText(transition.roles.length ? 'workflow:refusals:notYourRole' : 'workflow:refusals:systemOnly', { action: transition.label }),
        403,
        allowedHere,
      )
    }
    const blocked = transition.guard?.({ workflowState: from, sensitivity: item.sensitivity })
    if (blocked) throw new WorkflowTransitionError(blocked, 409, allowedHere)
    const reason = request.reason?.trim() || null
    if (transition.reasonRequired && !reason) {
      throw new WorkflowTransitionError(appText('workflow:refusals:reasonRequired'), 400, allowedHere, 'reason')
    }

    const updated = await payload.update({
      collection: 'content-items',
      id: request.id,
      data: { workflowState: to },
      overrideAccess: true,
      req,
    })
    if (publishableItemStates.includes(from) && !publishableItemStates.includes(to)) {
      await holdScheduledVariants(payload, req, item.id, itemLeftApprovalReason(to))
    }
    const full = await payload.findByID({ collection: 'content-items', id: request.id, depth: 0, locale: 'all', overrideAccess: true, req })
    const event = await payload.create({
      collection: 'workflow-events',
      overrideAccess: true,
      req,
      data: {
        kind: 'transition',
        transition: transition.name,
        contentItem: item.id,
        from,
        to,
        actor: person ? (person.id as number) : null,
        role: role ?? 'system',
        reason,
        at: new Date().toISOString(),
        snapshotHash: snapshotHash(full),
      },
    })
    await payload.jobs.queue({
      task: workflowNotificationTask as never,
      queue: 'notifications',
      input: { eventId: event.id } as never,
      req,
    })
    if (startedTransaction) await commitTransaction(req)
    return { item: updated, event }
  } catch (error) {
    if (startedTransaction) await killTransaction(req)
    throw error
  }
}
