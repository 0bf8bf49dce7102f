'use client'
import React, { useMemo, useState } from 'react'

import { casablancaDateOf } from '../calendar/calendar-data'
import type { CivilDate } from '../calendar/calendar-data'
import { useAppStrings } from '../i18n/use-app-strings'
import { CalendarDayGrid } from './CalendarDayGrid'
import { CalendarFeedPanel } from './CalendarFeedPanel'
import { CalendarFilterPanel } from './CalendarFilterPanel'
import { CalendarLegend } from './CalendarLegend'
import { CalendarToolbar } from './CalendarToolbar'
import { CalendarWarnings } from './CalendarWarnings'
import type { CalendarOption } from './calendar-options'
import { movedAnchor, visibleSpan } from './calendar-period'
import type { View } from './calendar-period'
import styles from './calendar.module.css'
import { useCalendarData } from './use-calendar-data'
import { useCalendarFilters } from './use-calendar-filters'
import { useCalendarThemes } from './use-calendar-themes'

export interface CalendarGridProps {
  apiRoute: string
  adminRoute: string
  platforms: CalendarOption[]
  audiences: CalendarOption[]
  languages: CalendarOption[]
  states: CalendarOption[]
}

/** The editorial calendar: a month or a week of key moments and planned variants, filtered, with the period's warnings. */
export function CalendarGrid(props: CalendarGridProps) {
  const { apiRoute, adminRoute } = props
  const { t, language } = useAppStrings()
  const contentLocale = language === 'ar' ? 'ar' : 'fr'

  const [today] = useState(() => casablancaDateOf(new Date()))
  const [view, setView] = useState<View>('month')
  const [anchor, setAnchor] = useState<CivilDate>(today)
  const filters = useCalendarFilters()
  const span = useMemo(() => visibleSpan(view, anchor), [view, anchor])
  const failed = t('calendar:failed')
  const { data, loading, error } = useCalendarData({ apiRoute, from: span.first, to: span.last, contentLocale, filterQuery: filters.query, failed })
  const themes = useCalendarThemes(apiRoute, contentLocale)

  return (
    <div className={styles.calendar} dir={language === 'ar' ? 'rtl' : 'ltr'} lang={language}>
      <h1>{t('calendar:title')}</h1>
      <CalendarToolbar
        view={view}
        anchor={anchor}
        span={span}
        loading={loading}
        onMove={(direction) => setAnchor(movedAnchor(view, anchor, direction))}
        onToday={() => setAnchor(today)}
        onView={setView}
      />
      <CalendarFilterPanel
        filters={filters.filters}
        active={filters.active}
        platforms={props.platforms}
        themes={themes}
        audiences={props.audiences}
        languages={props.languages}
        onToggle={filters.toggle}
        onClear={filters.clear}
      />

      {error && <p role="alert">{error}</p>}
      <p className={styles.muted}>{t('calendar:timeNote')}</p>

      <CalendarDayGrid
        view={view}
        anchor={anchor}
        span={span}
        today={today}
        data={data}
        loading={loading}
        adminRoute={adminRoute}
        platforms={props.platforms}
        states={props.states}
      />
      <CalendarLegend platforms={props.platforms} />

      <div className={styles.side}>
        <CalendarWarnings warnings={data?.warnings} adminRoute={adminRoute} />
        <CalendarFeedPanel apiRoute={apiRoute} />
      </div>
    </div>
  )
}
