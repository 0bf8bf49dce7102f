'use client'
import React, { useRef } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { downloadChartImage } from './chart-image'
import { formatDay, formatFigure } from '../report-format'
import type { Choice, DashboardData } from './dashboard-types'
import styles from './dashboard.module.css'

/** Series colours that read on the light and the dark admin theme alike. */
const palette = ['#2f6fde', '#e07b39', '#3a9e6f', '#b84a8c', '#8a6d3b', '#5b5bd6', '#c43d3d']

type Panel = { id: string; title: string; csv?: string; children: React.ReactNode }

/** A chart with its title, its data as CSV (from the reporting API) and its image as PNG. */
export function ChartPanel({ id, title, csv, children }: Panel) {
  const { t } = usePluginStrings()
  const chart = useRef<HTMLDivElement>(null)
  return (
    <section className={styles.panel} data-testid={`chart-${id}`}>
      <div className={styles.panelHeader}>
        <h3>{title}</h3>
        <div className={styles.panelActions}>
          {csv && (
            <a href={csv} download>
              {t('reportsDashboard:exportCsv')}
            </a>
          )}
          <button type="button" onClick={() => chart.current && downloadChartImage(chart.current, `badil-${id}.png`, title)}>
            {t('reportsDashboard:exportPng')}
          </button>
        </div>
      </div>
      {/* The SVG is laid out left to right in every language (its axes are mirrored for Arabic instead). */}
      <div ref={chart} className={styles.chart} dir="ltr">
        {children}
      </div>
    </section>
  )
}

type ChartProps = { rtl: boolean }

/** Time runs right to left in Arabic: the axis is reversed and the values sit on the right. */
const axes = (rtl: boolean, dayLabel?: (value: string) => string, valueLabel?: (value: number) => string) => (
  <>
    <CartesianGrid strokeDasharray="3 3" stroke="var(--theme-elevation-150)" />
    <XAxis dataKey="label" reversed={rtl} tickFormatter={dayLabel} tick={{ fontSize: 11 }} />
    <YAxis orientation={rtl ? 'right' : 'left'} tick={{ fontSize: 11 }} width={48} tickFormatter={valueLabel} />
  </>
)

/**
 * KPIs over time, one line each: the first (impressions, thousands) on its own axis, the others
 * (interactions, messages: tens) on a second one across, so neither flattens the other.
 */
export function TrendChart({ rtl, points, kpis }: ChartProps & { points: DashboardData['trend']; kpis: string[] }) {
  const { t, language } = usePluginStrings()
  const rows = points.map((point) => ({ label: point.start, ...point.values }))
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows}>
        {axes(rtl, (value) => formatDay(value, language))}
        <YAxis yAxisId="small" orientation={rtl ? 'left' : 'right'} tick={{ fontSize: 11 }} width={40} />
        <Tooltip labelFormatter={(value) => formatDay(String(value), language)} />
        <Legend />
        {kpis.map((kpi, index) => (
          <Line
            key={kpi}
            yAxisId={index === 0 ? 0 : 'small'}
            type="monotone"
            dataKey={kpi}
            name={t(`reportsDashboard:kpis:${kpi}` as never)}
            stroke={palette[index % palette.length]}
            dot={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
}

/** KPIs per group (network, category), one bar each. */
export function GroupBars({
  rtl,
  groups,
  kpis,
  labels,
  unit = 'count',
}: ChartProps & { groups: DashboardData['byNetwork']; kpis: string[]; labels: Choice[]; unit?: string }) {
  const { t, language } = usePluginStrings()
  const labelOf = (key: string | null) => (key === null ? t('reportsDashboard:noCategory') : (labels.find((choice) => choice.value === key)?.label ?? key))
  const rows = groups.map((group) => ({ label: labelOf(group.key), ...group.values }))
  const hours = (value: string) => t('reportsDashboard:hours', { value })
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows}>
        {axes(rtl, undefined, unit === 'ratio' ? (value) => formatFigure(value, 'ratio', language, String) : undefined)}
        <Tooltip formatter={(value) => formatFigure(typeof value === 'number' ? value : null, unit, language, hours)} />
        <Legend />
        {kpis.map((kpi, index) => (
          <Bar key={kpi} dataKey={kpi} name={t(`reportsDashboard:kpis:${kpi}` as never)} fill={palette[index % palette.length]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Each myth's share of the week's comments, one line per myth. */
export function MisconceptionChart({ rtl, weeks, myths }: ChartProps & { weeks: DashboardData['misconceptions']; myths: Choice[] }) {
  const { language } = usePluginStrings()
  const byWeek = new Map<string, Record<string, number | null | string>>()
  for (const row of weeks) byWeek.set(row.week, { ...(byWeek.get(row.week) ?? { label: row.week }), [row.myth]: row.prevalence })
  // The myths found in the period's comments; the others would only crowd the legend with zeros.
  const present = [...new Set(weeks.filter((row) => row.matching > 0).map((row) => row.myth))]
  const nameOf = (key: string) => {
    const claim = myths.find((myth) => myth.value === key)?.label ?? key
    return claim.length > 36 ? `${claim.slice(0, 35)}…` : claim
  }
  const percent = (value: unknown) => formatFigure(typeof value === 'number' ? value : null, 'ratio', language, String)
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={[...byWeek.values()]}>
        {axes(
          rtl,
          (value) => formatDay(value, language),
          (value) => formatFigure(value, 'ratio', language, String),
        )}
        <Tooltip formatter={percent} labelFormatter={(value) => formatDay(String(value), language)} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {present.map((myth, index) => (
          <Line key={myth} type="monotone" dataKey={myth} name={nameOf(myth)} stroke={palette[index % palette.length]} connectNulls />
        ))}
      </LineChart>
    </ResponsiveContainer>
  )
}
