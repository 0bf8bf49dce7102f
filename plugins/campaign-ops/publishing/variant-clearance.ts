import type { Payload } from 'payload'

import { publicationClearance } from '../../../src/workflow/publication-clearance'
import type { ClearanceInput, ClearanceRefusal } from '../../../src/workflow/publication-clearance'

type Id = number | string

/** Whether a stored variant may go out now: reads its item and applies the workflow's clearance. */
export async function variantClearance(
  payload: Payload,
  variant: ClearanceInput['variant'] & { contentItem?: Id | { id: Id } | null },
): Promise<ClearanceRefusal | null> {
  const itemId = typeof variant.contentItem === 'object' && variant.contentItem !== null ? variant.contentItem.id : variant.contentItem
  const item =
    itemId === undefined || itemId === null
      ? null
      : await payload.findByID({ collection: 'content-items', id: itemId, depth: 0, overrideAccess: true }).catch(() => null)
  return publicationClearance({ item, variant })
}
