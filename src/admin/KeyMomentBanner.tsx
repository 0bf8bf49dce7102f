'use client'
import Link from 'next/link'
import React from 'react'

import type { CalendarKeyMoment } from '../calendar/calendar-data'
import { useAppStrings } from '../i18n/use-app-strings'
import { cx } from './class-names'
import styles from './calendar.module.css'

/** A key moment on its day, flagged when nothing is planned for it. */
export function KeyMomentBanner(props: { moment: CalendarKeyMoment; href: string }) {
  const { moment } = props
  const { t } = useAppStrings()
  const unplanned = moment.planned === 0
  const planned = unplanned ? t('calendar:nothingPlanned') : t(moment.planned > 1 ? 'calendar:plannedMany' : 'calendar:plannedOne', { count: moment.planned })
  return (
    <Link
      href={props.href}
      className={cx(styles.moment, unplanned && styles.momentUnplanned)}
      title={`${t('calendar:keyMoment')} · ${moment.title} · ${planned}`}
      data-key-moment-id={moment.id}
    >
      {unplanned ? '⚠ ' : '★ '}
      <span dir="auto">{moment.title}</span>
    </Link>
  )
}
