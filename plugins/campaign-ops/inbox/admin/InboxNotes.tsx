'use client'
import React, { useImperativeHandle, useRef, useState } from 'react'

import type { Interaction } from '../../../../payload-types'
import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import type { InboxApi } from './inbox-actions'
import { memberName } from './inbox-labels'
import type { InboxLabels } from './inbox-labels'
import styles from './inbox.module.css'
import { InboxOutcome } from './InboxOutcome'

export type InboxNotesHandle = { focus: () => void }

/** The team's internal notes on the interaction: read in order, added one at a time (they are kept as written). */
export function InboxNotes({
  ref,
  interaction,
  labels,
  actions,
  onUpdated,
}: {
  ref: React.Ref<InboxNotesHandle>
  interaction: Interaction
  labels: InboxLabels
  actions: InboxApi
  onUpdated: (interaction: Interaction) => void
}) {
  const { t, language } = usePluginStrings()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const notes = interaction.notes ?? []

  useImperativeHandle(ref, () => ({ focus: () => field.current?.focus() }))

  const add = async () => {
    setBusy(true)
    setError(null)
    // The stored notes go back with their ids (the server keeps them as they are) and the new one without.
    const result = await actions.update(interaction.id, { notes: [...notes.map((note) => ({ id: note.id, text: note.text })), { text: text.trim() }] })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setText('')
    onUpdated(result.body.doc)
  }

  return (
    <section className={styles.notes} aria-label={t('inboxView:notes:label')} data-testid="inbox-notes">
      <h3>{t('inboxView:notes:label')}</h3>
      {notes.length === 0 && <p className={styles.muted}>{t('inboxView:notes:none')}</p>}
      <ul>
        {notes.map((note) => (
          <li key={note.id ?? note.text}>
            <p className={styles.messageHead}>
              <strong>{memberName(labels.team, note.author, t('inboxView:unknownMember'))}</strong>
              {note.at && <span className={styles.muted}>{formatInCasablanca(note.at, language)}</span>}
            </p>
            <p dir="auto" className={styles.messageText}>
              {note.text}
            </p>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void add()
        }}
      >
        <textarea
          ref={field}
          name="note"
          dir="auto"
          rows={2}
          maxLength={4000}
          value={text}
          placeholder={t('inboxView:notes:placeholder')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          {t('inboxView:notes:add')}
        </button>
      </form>
      <InboxOutcome error={error} />
    </section>
  )
}
