'use client'
import React from 'react'

import { monthOf } from '../calendar/calendar-data'
import type { CalendarData, CalendarDay, CalendarKeyMoment, CivilDate } from '../calendar/calendar-data'
import { useAppStrings } from '../i18n/use-app-strings'
import { CalendarDayCell } from './CalendarDayCell'
import type { CalendarOption } from './calendar-options'
import { asUtcDate, datesOf, localeTags } from './calendar-period'
import type { Span, View } from './calendar-period'
import { cx } from './class-names'
import styles from './calendar.module.css'

/** The weekday names, then the days of the span; in the month view, the days of other months are set apart. */
export function CalendarDayGrid(props: {
  view: View
  anchor: CivilDate
  span: Span
  today: CivilDate
  data: CalendarData | null
  loading: boolean
  adminRoute: string
  platforms: CalendarOption[]
  states: CalendarOption[]
}) {
  const { view, data } = props
  const { language } = useAppStrings()
  const daysByDate = new Map<CivilDate, CalendarDay>((data?.days ?? []).map((day) => [day.date, day]))
  const momentsById = new Map<string, CalendarKeyMoment>((data?.keyMoments ?? []).map((moment) => [String(moment.id), moment]))
  const dates = datesOf(props.span)
  const shownMonth = monthOf(props.anchor)
  const weekdayFormat = new Intl.DateTimeFormat(localeTags[language], { weekday: view === 'week' ? 'long' : 'short', timeZone: 'UTC' })
  return (
    <>
      <div className={styles.weekdays} aria-hidden>
        {dates.slice(0, 7).map((date) => (
          <div key={date}>{weekdayFormat.format(asUtcDate(date))}</div>
        ))}
      </div>
      <div className={cx(styles.grid, view === 'week' && styles.week)} aria-busy={props.loading}>
        {dates.map((date, index) => (
          <CalendarDayCell
            key={date}
            date={date}
            day={daysByDate.get(date)}
            previous={index > 0 ? daysByDate.get(dates[index - 1]!) : undefined}
            view={view}
            outside={view === 'month' && (date < shownMonth.first || date > shownMonth.last)}
            isToday={date === props.today}
            momentsById={momentsById}
            adminRoute={props.adminRoute}
            platforms={props.platforms}
            states={props.states}
          />
        ))}
      </div>
    </>
  )
}
