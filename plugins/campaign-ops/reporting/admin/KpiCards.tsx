'use client'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { formatChange, formatFigure } from '../report-format'
import type { KpiFigure } from './dashboard-types'
import styles from './dashboard.module.css'

/**
 * One card per KPI: the figure, and its change against the period before. A missing figure says
 * why: the networks did not give it (`fromNetworks`), or there was nothing to count.
 */
export function KpiCards({ kpis, fromNetworks }: { kpis: KpiFigure[]; fromNetworks: string[] }) {
  const { t, language } = usePluginStrings()
  const hours = (value: string) => t('reportsDashboard:hours', { value })
  const whyMissing = (name: string) => (fromNetworks.includes(name) ? t('reportsDashboard:missing') : t('reportsDashboard:noData'))
  return (
    <ul className={styles.cards} data-testid="kpi-cards">
      {kpis.map((kpi) => (
        <li key={kpi.name} className={styles.card} data-kpi={kpi.name}>
          <span className={styles.cardLabel}>{t(`reportsDashboard:kpis:${kpi.name}` as never)}</span>
          <strong className={styles.cardValue} title={kpi.value === null ? whyMissing(kpi.name) : undefined}>
            {formatFigure(kpi.value, kpi.unit, language, hours)}
          </strong>
          <span className={styles.cardChange}>
            {typeof kpi.change === 'number'
              ? t('reportsDashboard:change', { change: formatChange(kpi.change, language) })
              : kpi.value === null
                ? whyMissing(kpi.name)
                : t('reportsDashboard:noChange')}
          </span>
        </li>
      ))}
    </ul>
  )
}
