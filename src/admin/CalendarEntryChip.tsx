'use client'
import Link from 'next/link'
import React from 'react'

import type { CalendarEntry } from '../calendar/calendar-data'
import styles from './calendar.module.css'

/** A planned variant in a day: its time, network (in the week view), title, language and state. */
export function CalendarEntryChip(props: { entry: CalendarEntry; href: string; platformLabel: string; stateLabel: string; detailed: boolean }) {
  const { entry, platformLabel, stateLabel, detailed } = props
  const language = entry.language.toUpperCase()
  return (
    <Link
      href={props.href}
      className={styles.entry}
      style={{ background: entry.colour }}
      title={`${entry.localTime} · ${platformLabel} · ${entry.title} (${language}) · ${stateLabel}`}
      data-variant-id={entry.variantId}
    >
      <span className={styles.time}>{entry.localTime}</span>
      {detailed && <span>{platformLabel}</span>}
      <span className={styles.entryTitle} dir="auto">
        {entry.title || '—'}
      </span>
      <span>{language}</span>
      <span className={styles.badge} data-state={entry.state}>
        {stateLabel}
      </span>
    </Link>
  )
}
