import type { ContentItem } from '../../payload-types'
import { publishableItemStates } from './hold-variants'
import type { WorkflowState } from './transition-table'
import { variantApprovalHash } from './variant-approval'
import type { ApprovedSubstance } from './variant-approval'
import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

export type ClearanceRefusal = { code: 'item_not_approved' | 'variant_not_approved'; message: Localized }

export type ClearanceInput = {
  item: Pick<ContentItem, 'workflowState' | 'sensitivity'> | null | undefined
  variant: ApprovedSubstance & { approval?: { state?: string | null; approvedHash?: string | null } | null }
}

export const clearanceWords = {
  itemNotApproved: appText('workflow:itemNotApproved'),
  variantNotApproved: appText('workflow:variantNotApproved'),
} satisfies Record<string, Localized>

/**
 * Whether a variant may go out, by any way (scheduled, published now, by hand): its item is
 * approved (or already published), and for a sensitive item NCSC approved the variant's text and
 * media exactly as they are now. Null when cleared, otherwise why not.
 */
export function publicationClearance({ item, variant }: ClearanceInput): ClearanceRefusal | null {
  if (!item || !publishableItemStates.includes(item.workflowState as WorkflowState)) {
    return { code: 'item_not_approved', message: clearanceWords.itemNotApproved }
  }
  if (item.sensitivity === 'sensitive') {
    const approval = variant.approval
    if (approval?.state !== 'approved' || !approval.approvedHash || approval.approvedHash !== variantApprovalHash(variant)) {
      return { code: 'variant_not_approved', message: clearanceWords.variantNotApproved }
    }
  }
  return null
}

/** Why a scheduled variant was held when it stopped being cleared (fr, ar, en: one per line, like the engine's reasons). */
export function heldReason(refusal: ClearanceRefusal): string {
  const { fr, ar, en } = appText('workflow:held', { reason: refusal.message })
  return [fr, ar, en].join('\n')
}
