'use client'
import Link from 'next/link'
import React from 'react'

import type { CalendarWarning } from '../calendar/calendar-data'
import { useAppStrings } from '../i18n/use-app-strings'
import { momentHref, variantHref } from './calendar-links'
import styles from './calendar.module.css'

/** The warnings of the period shown (their messages come from the server in every language), with links to what they are about. */
export function CalendarWarnings(props: { warnings: CalendarWarning[] | undefined; adminRoute: string }) {
  const { warnings, adminRoute } = props
  const { t, language } = useAppStrings()
  return (
    <section className={styles.panel} aria-labelledby="calendar-warnings">
      <h2 id="calendar-warnings">
        {t('calendar:warnings')} ({warnings?.length ?? 0})
      </h2>
      {warnings && warnings.length === 0 && <p className={styles.muted}>{t('calendar:noWarnings')}</p>}
      <ul className={styles.warnings}>
        {(warnings ?? []).map((warning, index) => (
          <li key={`${warning.code}-${index}`}>
            <span dir="auto">{warning.message[language]}</span>
            {warning.variantIds?.map((id) => (
              <Link key={String(id)} href={variantHref(adminRoute, id)}>
                {t('calendar:variant')} #{id}
              </Link>
            ))}
            {warning.keyMomentId !== undefined && <Link href={momentHref(adminRoute, warning.keyMomentId)}>{t('calendar:keyMoment')}</Link>}
          </li>
        ))}
      </ul>
    </section>
  )
}
