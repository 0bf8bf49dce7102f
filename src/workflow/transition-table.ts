import type { Role } from '../domain/roles'
import type { Localized } from '../i18n/catalogue'
import { appText } from '../i18n/translations'

/**
 * The editorial workflow of content items, as data: the server checks, the admin buttons and the
 * API documentation all read this table; nothing else decides who may move an item where.
 */

export const workflowStateValues = ['draft', 'in_review', 'legal_review', 'changes_requested', 'approved', 'published', 'archived'] as const

export type WorkflowState = (typeof workflowStateValues)[number]

/** The states' names for people (the admin, notifications, reasons). */
export const workflowStateLabels: Record<WorkflowState, Localized> = {
  draft: { fr: 'Brouillon', ar: 'مسودة', en: 'Draft' },
  in_review: { fr: 'En revue', ar: 'قيد المراجعة', en: 'In review' },
  legal_review: { fr: 'Revue juridique', ar: 'مراجعة قانونية', en: 'Legal review' },
  changes_requested: { fr: 'Modifications demandées', ar: 'تعديلات مطلوبة', en: 'Changes requested' },
  approved: { fr: 'Approuvé', ar: 'مُعتمد', en: 'Approved' },
  published: { fr: 'Publié', ar: 'منشور', en: 'Published' },
  archived: { fr: 'Archivé', ar: 'مؤرشف', en: 'Archived' },
}

export type TransitionItem = { workflowState: WorkflowState; sensitivity?: string | null }

export type Transition = {
  /** Stable name, used by the API docs and the admin buttons. */
  name: string
  from: WorkflowState
  to: WorkflowState
  /** Roles that may take it; empty = only the system (publishing, invalidation). */
  roles: readonly Role[]
  reasonRequired?: boolean
  /** Returns why the transition is not possible for this item, or null. */
  guard?: (item: TransitionItem) => Localized | null
  label: Localized
}

const notSensitive = (item: TransitionItem) => (item.sensitivity === 'sensitive' ? appText('workflow:refusals:sensitiveNeedsLegal') : null)

export const transitions: readonly Transition[] = [
  {
    name: 'submit',
    from: 'draft',
    to: 'in_review',
    roles: ['consultant', 'cm'],
    label: appText('workflow:transitions:submit'),
  },
  {
    name: 'resubmit',
    from: 'changes_requested',
    to: 'in_review',
    roles: ['consultant', 'cm'],
    label: appText('workflow:transitions:resubmit'),
  },
  { name: 'approve', from: 'in_review', to: 'approved', roles: ['ncsc'], guard: notSensitive, label: appText('workflow:transitions:approve') },
  {
    name: 'send_to_legal',
    from: 'in_review',
    to: 'legal_review',
    roles: ['ncsc'],
    label: appText('workflow:transitions:sendToLegal'),
  },
  {
    name: 'legal_approve',
    from: 'legal_review',
    to: 'approved',
    roles: ['legal'],
    label: appText('workflow:transitions:legalApprove'),
  },
  {
    name: 'request_changes',
    from: 'in_review',
    to: 'changes_requested',
    roles: ['ncsc'],
    reasonRequired: true,
    label: appText('workflow:transitions:requestChanges'),
  },
  {
    name: 'legal_request_changes',
    from: 'legal_review',
    to: 'changes_requested',
    roles: ['legal', 'ncsc'],
    reasonRequired: true,
    label: appText('workflow:transitions:requestChanges'),
  },
  { name: 'publish', from: 'approved', to: 'published', roles: [], label: appText('workflow:transitions:publish') },
  { name: 'invalidate', from: 'approved', to: 'in_review', roles: [], label: appText('workflow:transitions:backToReview') },
  {
    name: 'invalidate_published',
    from: 'published',
    to: 'in_review',
    roles: [],
    label: appText('workflow:transitions:backToReview'),
  },
  { name: 'archive', from: 'approved', to: 'archived', roles: ['ncsc'], label: appText('workflow:transitions:archive') },
  { name: 'archive_published', from: 'published', to: 'archived', roles: ['ncsc'], label: appText('workflow:transitions:archive') },
]

export function findTransition(from: WorkflowState, to: WorkflowState): Transition | undefined {
  return transitions.find((transition) => transition.from === from && transition.to === to)
}

/** Transitions a person with this role may take from the item's state (guards included). */
export function availableTransitions(item: TransitionItem, role: Role | undefined): Transition[] {
  if (!role) return []
  return transitions.filter((transition) => transition.from === item.workflowState && transition.roles.includes(role) && !transition.guard?.(item))
}
