'use client'
import React from 'react'

import type { CivilDate } from '../calendar/calendar-data'
import { useAppStrings } from '../i18n/use-app-strings'
import { periodLabel } from './calendar-period'
import type { Span, View } from './calendar-period'
import styles from './calendar.module.css'

/** The period shown, the buttons that move it, the month/week switch, and whether it is loading. */
export function CalendarToolbar(props: {
  view: View
  anchor: CivilDate
  span: Span
  loading: boolean
  onMove: (direction: -1 | 1) => void
  onToday: () => void
  onView: (view: View) => void
}) {
  const { view } = props
  const { t, language } = useAppStrings()
  return (
    <div className={styles.toolbar}>
      <h2 className={styles.period} aria-live="polite">
        {periodLabel(view, props.anchor, props.span, language)}
      </h2>
      <div className={styles.toolbarGroup}>
        <button type="button" className={styles.toggle} onClick={() => props.onMove(-1)}>
          {t('calendar:previous')}
        </button>
        <button type="button" className={styles.toggle} onClick={() => props.onToday()}>
          {t('calendar:today')}
        </button>
        <button type="button" className={styles.toggle} onClick={() => props.onMove(1)}>
          {t('calendar:next')}
        </button>
      </div>
      <div className={styles.toolbarGroup} role="group">
        {(['month', 'week'] as const).map((option) => (
          <button key={option} type="button" className={styles.toggle} aria-pressed={view === option} onClick={() => props.onView(option)}>
            {t(`calendar:${option}`)}
          </button>
        ))}
      </div>
      {props.loading && <span className={styles.muted}>{t('calendar:loading')}</span>}
    </div>
  )
}
