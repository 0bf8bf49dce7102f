'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Event = {
  id: number
  kind: string
  transition?: string | null
  from?: string | null
  to?: string | null
  role?: string | null
  reason?: string | null
  at: string
  actor?: { name?: string | null; email?: string } | number | null
}

const titles = { fr: 'Historique', ar: 'السجل', en: 'History' }

/** The item's workflow history, newest first, in Casablanca time. */
export function WorkflowTimeline() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const lang = (['fr', 'ar', 'en'].includes(i18n.language) ? i18n.language : 'fr') as keyof typeof titles
  const [events, setEvents] = useState<Event[]>([])

  useEffect(() => {
    if (!id) return
    fetch(`/api/workflow-events?where[contentItem][equals]=${id}&sort=-at&limit=50&depth=1`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body) => setEvents(body.docs))
      .catch(() => undefined)
  }, [id])

  if (!id) return null
  const format = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-MA-u-nu-latn' : lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Africa/Casablanca',
  })
  return (
    <div data-testid="workflow-timeline" style={{ marginBlock: '1rem' }}>
      <h4>{titles[lang]}</h4>
      <ol style={{ paddingInlineStart: '1.2rem' }}>
        {events.map((event) => (
          <li key={event.id} style={{ marginBlock: '0.4rem' }}>
            <strong>
              {event.from} → {event.to}
            </strong>{' '}
            <span style={{ opacity: 0.7 }}>({event.transition ?? event.kind})</span>
            <div style={{ fontSize: '0.85em' }}>
              {format.format(new Date(event.at))} · {typeof event.actor === 'object' && event.actor ? (event.actor.name ?? event.actor.email) : 'système'} ·{' '}
              {event.role}
            </div>
            {event.reason && <div style={{ fontSize: '0.85em', fontStyle: 'italic' }}>{event.reason}</div>}
          </li>
        ))}
      </ol>
    </div>
  )
}
