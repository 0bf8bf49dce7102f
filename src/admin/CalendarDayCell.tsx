'use client'
import React from 'react'

import type { CalendarDay, CalendarKeyMoment, CivilDate } from '../calendar/calendar-data'
import { useAppStrings } from '../i18n/use-app-strings'
import { CalendarEntryChip } from './CalendarEntryChip'
import { KeyMomentBanner } from './KeyMomentBanner'
import { momentHref, variantHref } from './calendar-links'
import { labelOf } from './calendar-options'
import type { CalendarOption } from './calendar-options'
import type { View } from './calendar-period'
import { cx } from './class-names'
import styles from './calendar.module.css'

/**
 * One day of the grid: its number, its UTC offset (in the week view, or where the clock changed
 * since the day before), its key moments and its planned variants.
 */
export function CalendarDayCell(props: {
  date: CivilDate
  day: CalendarDay | undefined
  previous: CalendarDay | undefined
  view: View
  outside: boolean
  isToday: boolean
  momentsById: Map<string, CalendarKeyMoment>
  adminRoute: string
  platforms: CalendarOption[]
  states: CalendarOption[]
}) {
  const { date, day, previous, view, adminRoute } = props
  const { t, language } = useAppStrings()
  const clockChanged = day && previous && day.utcOffset !== previous.utcOffset
  return (
    <div className={cx(styles.day, props.outside && styles.outside, props.isToday && styles.today)} data-date={date}>
      <div className={styles.dayHeader}>
        <span className={styles.dayNumber}>{Number(date.slice(8))}</span>
        {(clockChanged || (view === 'week' && day)) && (
          <span className={clockChanged ? styles.clockChange : styles.muted} title={clockChanged ? t('calendar:clockChange') : undefined} dir="ltr">
            {clockChanged ? '⟳ ' : ''}UTC{day!.utcOffset}
          </span>
        )}
      </div>
      {(day?.keyMoments ?? []).map((id) => {
        const moment = props.momentsById.get(String(id))
        return moment ? <KeyMomentBanner key={String(id)} moment={moment} href={momentHref(adminRoute, moment.id)} /> : null
      })}
      {(day?.entries ?? []).map((entry) => (
        <CalendarEntryChip
          key={String(entry.variantId)}
          entry={entry}
          href={variantHref(adminRoute, entry.variantId)}
          platformLabel={labelOf(props.platforms, entry.platform, language)}
          stateLabel={labelOf(props.states, entry.state, language)}
          detailed={view === 'week'}
        />
      ))}
    </div>
  )
}
