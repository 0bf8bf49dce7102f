'use client'
import React, { useImperativeHandle, useRef, useState } from 'react'

import type { Interaction } from '../../../../payload-types'
import { idOf } from '../../publishing/admin/publishing-client'
import { labelIn } from '../../publishing/admin/publishing-queue-labels'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { InboxApi } from './inbox-actions'
import type { InboxLabels } from './inbox-labels'
import styles from './inbox.module.css'
import { InboxOutcome } from './InboxOutcome'
import type { ThreadCommand } from './InboxThread'

export type InboxThreadActionsHandle = { run: (command: Exclude<ThreadCommand, 'reply' | 'note'>) => void }

type Pending = 'escalate' | 'delete' | null

/** The one-click actions on the open interaction: assign, status, hide or show, escalate, close, delete (NCSC). */
export function InboxThreadActions({
  ref,
  interaction,
  labels,
  actions,
  userId,
  userRole,
  onUpdated,
}: {
  ref: React.Ref<InboxThreadActionsHandle>
  interaction: Interaction
  labels: InboxLabels
  actions: InboxApi
  userId: number
  userRole: string
  onUpdated: (interaction: Interaction) => void
}) {
  const { t, language } = usePluginStrings()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [pending, setPending] = useState<Pending>(null)
  const [reason, setReason] = useState('')
  const [toLegal, setToLegal] = useState(false)
  const reasonField = useRef<HTMLTextAreaElement>(null)
  const removed = Boolean(interaction.removedOnNetworkAt)
  const assignee = idOf(interaction.assignee)

  const run = async (work: () => Promise<{ ok: true; interaction: Interaction } | { ok: false; message: string }>, doneMessage: string) => {
    setBusy(true)
    setError(null)
    setDone(null)
    const result = await work()
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setDone(doneMessage)
    setPending(null)
    setReason('')
    onUpdated(result.interaction)
  }

  const update = (data: Parameters<InboxApi['update']>[1], doneMessage: string) =>
    run(async () => {
      const result = await actions.update(interaction.id, data)
      return result.ok ? { ok: true, interaction: result.body.doc } : result
    }, doneMessage)

  const moderate = (action: 'hide' | 'unhide' | 'delete', why?: string) =>
    run(
      async () => {
        const result = await actions.moderate(interaction.id, action, why)
        return result.ok ? { ok: true, interaction: result.body.interaction } : result
      },
      t(action === 'hide' ? 'inboxView:done:hidden' : action === 'unhide' ? 'inboxView:done:shown' : 'inboxView:done:deleted'),
    )

  const escalate = () =>
    run(async () => {
      const result = await actions.escalate(interaction.id, reason.trim(), toLegal)
      return result.ok ? { ok: true, interaction: result.body.interaction } : result
    }, t('inboxView:done:escalated'))

  const ask = (what: Exclude<Pending, null>) => {
    setPending(what)
    setError(null)
    setTimeout(() => reasonField.current?.focus(), 0)
  }

  useImperativeHandle(ref, () => ({
    run: (command) => {
      if (busy) return
      if (command === 'assignMe' && assignee !== userId)
        void update({ assignee: userId, status: interaction.status === 'new' ? 'assigned' : interaction.status }, t('inboxView:done:assigned'))
      if (command === 'hide' && !removed) void moderate(interaction.hiddenOnNetwork ? 'unhide' : 'hide')
      if (command === 'escalate') ask('escalate')
      if (command === 'close' && interaction.status !== 'closed') void update({ status: 'closed' }, t('inboxView:done:closed'))
    },
  }))

  return (
    <section className={styles.actions} aria-label={t('inboxView:actions:label')} data-testid="inbox-actions">
      <div className={styles.actionRow}>
        <label className={styles.filter}>
          <span>{t('inboxView:actions:assignee')}</span>
          <select
            name="assignee"
            value={assignee === null ? '' : String(assignee)}
            disabled={busy}
            onChange={(event) => {
              const next = event.target.value ? Number(event.target.value) : null
              void update({ assignee: next, ...(next && interaction.status === 'new' ? { status: 'assigned' as const } : {}) }, t('inboxView:done:assigned'))
            }}
          >
            <option value="">{t('inboxView:filters:nobody')}</option>
            {labels.team.map((member) => (
              <option key={member.id} value={String(member.id)}>
                {member.id === userId ? t('inboxView:actions:meNamed', { name: member.name }) : member.name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>{t('inboxView:filters:status')}</span>
          <select
            name="status"
            value={interaction.status}
            disabled={busy}
            onChange={(event) => void update({ status: event.target.value as Interaction['status'] }, t('inboxView:done:status'))}
          >
            {Object.keys(labels.statuses).map((status) => (
              <option key={status} value={status}>
                {labelIn(labels.statuses, status, language)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className={styles.actionRow}>
        {assignee !== userId && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void update({ assignee: userId, ...(interaction.status === 'new' ? { status: 'assigned' as const } : {}) }, t('inboxView:done:assigned'))
            }
          >
            {t('inboxView:actions:assignMe')}
          </button>
        )}
        <button type="button" disabled={busy || removed} onClick={() => void moderate(interaction.hiddenOnNetwork ? 'unhide' : 'hide')}>
          {interaction.hiddenOnNetwork ? t('inboxView:actions:unhide') : t('inboxView:actions:hide')}
        </button>
        <button type="button" disabled={busy} onClick={() => ask('escalate')}>
          {t('inboxView:actions:escalate')}
        </button>
        <button type="button" disabled={busy || interaction.status === 'closed'} onClick={() => void update({ status: 'closed' }, t('inboxView:done:closed'))}>
          {t('inboxView:actions:close')}
        </button>
        {userRole === 'ncsc' && !removed && (
          <button type="button" className={styles.danger} disabled={busy} onClick={() => ask('delete')}>
            {t('inboxView:actions:delete')}
          </button>
        )}
      </div>
      {pending && (
        <form
          className={styles.reasonForm}
          onSubmit={(event) => {
            event.preventDefault()
            if (pending === 'escalate') void escalate()
            else void moderate('delete', reason.trim())
          }}
        >
          <label>
            <span>{pending === 'escalate' ? t('inboxView:actions:escalateReason') : t('inboxView:actions:deleteReason')}</span>
            <textarea ref={reasonField} name="reason" dir="auto" rows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          {pending === 'escalate' && (
            <label className={styles.check}>
              <input type="checkbox" checked={toLegal} onChange={(event) => setToLegal(event.target.checked)} />
              <span>{t('inboxView:actions:toLegal')}</span>
            </label>
          )}
          <div className={styles.actionRow}>
            <button type="submit" disabled={busy || !reason.trim()} className={pending === 'delete' ? styles.danger : undefined}>
              {pending === 'escalate' ? t('inboxView:actions:escalateConfirm') : t('inboxView:actions:deleteConfirm')}
            </button>
            <button type="button" className={styles.linkButton} onClick={() => setPending(null)}>
              {t('inboxView:cancel')}
            </button>
          </div>
        </form>
      )}
      <InboxOutcome error={error} done={done} />
    </section>
  )
}
