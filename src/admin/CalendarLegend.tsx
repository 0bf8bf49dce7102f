'use client'
import React from 'react'

import { useAppStrings } from '../i18n/use-app-strings'
import type { CalendarOption } from './calendar-options'
import styles from './calendar.module.css'

/** The colour of each network. */
export function CalendarLegend(props: { platforms: CalendarOption[] }) {
  const { language } = useAppStrings()
  return (
    <div className={styles.legend}>
      {props.platforms.map((platform) => (
        <span key={platform.value} className={styles.option}>
          <span className={styles.swatch} style={{ background: platform.colour }} aria-hidden />
          {platform.label[language]}
        </span>
      ))}
    </div>
  )
}
