'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { WorkflowEvent } from '../../payload-types'
import { useAppStrings } from '../i18n/use-app-strings'

/** A workflow event as the REST API gives it at depth 1 (its actor populated). */
type Event = Pick<WorkflowEvent, 'id' | 'kind' | 'transition' | 'from' | 'to' | 'role' | 'reason' | 'at' | 'actor'>

/** The item's workflow history, newest first, in Casablanca time. */
export function WorkflowTimeline() {
  const { id } = useDocumentInfo()
  const { t, language: lang } = useAppStrings()
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
      <h4>{t('workflowTimeline:title')}</h4>
      <ol style={{ paddingInlineStart: '1.2rem' }}>
        {events.map((event) => (
          <li key={event.id} style={{ marginBlock: '0.4rem' }}>
            <strong>
              {event.from} → {event.to}
            </strong>{' '}
            <span style={{ opacity: 0.7 }}>({event.transition ?? event.kind})</span>
            <div style={{ fontSize: '0.85em' }}>
              {format.format(new Date(event.at))} ·{' '}
              {typeof event.actor === 'object' && event.actor ? (event.actor.name ?? event.actor.email) : t('workflowTimeline:system')} · {event.role}
            </div>
            {event.reason && <div style={{ fontSize: '0.85em', fontStyle: 'italic' }}>{event.reason}</div>}
          </li>
        ))}
      </ol>
    </div>
  )
}
