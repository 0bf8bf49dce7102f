import type { Payload } from 'payload'

import { transitionWriteContext } from '../../src/workflow/content-item-hooks'
import type { WorkflowState } from '../../src/workflow/transition-table'

/**
 * Puts a content item straight into a workflow state: test setup only, with the workflow's own
 * write mark and none of a transition's history, holds or notifications.
 */
export async function setWorkflowState(payload: Payload, id: number | string, state: WorkflowState): Promise<void> {
  await payload.update({ collection: 'content-items', id, overrideAccess: true, context: transitionWriteContext(), data: { workflowState: state } })
}
