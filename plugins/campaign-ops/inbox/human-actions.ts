/**
 * People work an interaction by updating it (status, assignee): any such change marks it reviewed,
 * and each is appended to the moderation log with who made it and the before/after values. The
 * inbox's own actions log themselves and say so in the request context.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import type { Interaction } from '../../../payload-types'
import { appendModerationLog } from '../moderation/moderation-log'
import { interactionLogFields } from './log-entry'

const idOf = (value: Interaction['assignee']) => (value && typeof value === 'object' ? value.id : (value ?? null))

/**
 * Internal notes are append-only: the rows already stored stay as they are, whatever the request
 * sends; a row without a stored id is a new note, signed with its author and time by the server.
 */
export const keepNotesAppendOnly: CollectionBeforeChangeHook<Interaction> = ({ data, originalDoc, req }) => {
  if (data.notes === undefined) return data
  const stored = originalDoc?.notes ?? []
  const storedIds = new Set(stored.map((note) => note.id))
  const added = (data.notes ?? [])
    .filter((note) => !note.id || !storedIds.has(note.id))
    .map((note) => ({ text: note.text, author: req.user?.id ?? null, at: new Date().toISOString() }))
  return { ...data, notes: [...stored, ...added] }
}

export const markReviewedByPeople: CollectionBeforeChangeHook<Interaction> = ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !req.user || req.context.inboxActionLogged || !originalDoc) return data
  const statusChanged = data.status !== undefined && data.status !== originalDoc.status
  const assigneeChanged = data.assignee !== undefined && idOf(data.assignee) !== idOf(originalDoc.assignee)
  return statusChanged || assigneeChanged ? { ...data, reviewed: true } : data
}

export function logChangesByPeople(pseudonymKey?: string): CollectionAfterChangeHook<Interaction> {
  return async ({ doc, previousDoc, req, operation }) => {
    if (operation !== 'update' || !req.user || req.context.inboxActionLogged || !previousDoc) return doc
    const common = { actor: { type: 'user' as const, userId: req.user.id }, ...interactionLogFields(doc, { withText: false }) }
    if (idOf(doc.assignee) !== idOf(previousDoc.assignee)) {
      await appendModerationLog(
        req.payload,
        { ...common, kind: 'assign', before: { assignee: idOf(previousDoc.assignee) }, after: { assignee: idOf(doc.assignee) } },
        { pseudonymKey },
      )
    }
    if (doc.status !== previousDoc.status) {
      await appendModerationLog(
        req.payload,
        { ...common, kind: 'status', before: { status: previousDoc.status }, after: { status: doc.status } },
        { pseudonymKey },
      )
    }
    return doc
  }
}
