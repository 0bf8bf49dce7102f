import type { ContentItem } from '../../payload-types'
import { publishableItemStates } from './hold-variants'
import type { WorkflowState } from './transition-table'
import { variantApprovalHash } from './variant-approval'
import type { ApprovedSubstance } from './variant-approval'
import type { Localized } from '../i18n/catalogue'

export type ClearanceRefusal = { code: 'item_not_approved' | 'variant_not_approved'; message: Localized }

export type ClearanceInput = {
  item: Pick<ContentItem, 'workflowState' | 'sensitivity'> | null | undefined
  variant: ApprovedSubstance & { approval?: { state?: string | null; approvedHash?: string | null } | null }
}

export const clearanceWords = {
  itemNotApproved: {
    fr: 'Seule une variante d’un contenu approuvé peut être programmée.',
    ar: 'لا يمكن برمجة إلا صيغة لمحتوى مُعتمد.',
    en: 'Only a variant of an approved content item can be scheduled.',
  },
  variantNotApproved: {
    fr: 'Le contenu est sensible : le texte de cette variante doit d’abord être approuvé par le NCSC.',
    ar: 'المحتوى حساس: يجب أن يعتمد الفريق نص هذه الصيغة أولا.',
    en: 'The item is sensitive: NCSC must approve this variant’s text first.',
  },
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
  const { fr, ar, en } = refusal.message
  return [`Retenue : ${fr}`, `محتجزة: ${ar}`, `Held: ${en}`].join('\n')
}
