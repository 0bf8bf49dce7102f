'use client'
import React, { useState } from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { ChartPanel, GroupBars, MisconceptionChart, TrendChart } from './DashboardCharts'
import { KpiCards } from './KpiCards'
import { presetPeriod, presets } from './dashboard-period'
import type { Preset } from './dashboard-period'
import { formatDay, formatFigure } from '../report-format'
import type { Choice, DashboardFilters, DashboardOptions } from './dashboard-types'
import styles from './dashboard.module.css'
import { reportQuery, useDashboardData } from './use-dashboard-data'

const languages = ['fr', 'ar', 'ary'] as const

type Props = { cards: string[]; options: DashboardOptions; fromNetworks: string[] }

/** The dashboard on the admin's first page: filters, KPI cards, charts and the top posts. */
export function ReportsDashboardClient({ cards, options, fromNetworks }: Props) {
  const { t, language } = usePluginStrings()
  const rtl = language === 'ar'
  const [preset, setPreset] = useState<Preset | 'custom'>('last30')
  const [filters, setFilters] = useState<DashboardFilters>(() => ({
    ...presetPeriod('last30'),
    platform: '',
    language: '',
    theme: '',
    audience: '',
    format: '',
    keyMoment: '',
  }))
  const { data, state, retry, trendKpis, interval } = useDashboardData(filters, cards)
  const set = (name: keyof DashboardFilters) => (event: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    setFilters((current) => ({ ...current, [name]: event.target.value }))
  const choosePreset = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value as Preset | 'custom'
    setPreset(value)
    if (value !== 'custom') setFilters((current) => ({ ...current, ...presetPeriod(value) }))
  }
  const csv = (route: string, extra: Record<string, string>) => `/api/reports/${route}?${reportQuery(filters, { ...extra, output: 'csv' })}`
  const select = (name: keyof DashboardFilters, label: string, choices: Choice[]) => (
    <label>
      {label}
      <select value={filters[name]} onChange={set(name)} data-filter={name}>
        <option value="">{t('reportsDashboard:all')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  )
  const hours = (value: string) => t('reportsDashboard:hours', { value })

  return (
    <section className={styles.dashboard} dir={rtl ? 'rtl' : 'ltr'} data-testid="reports-dashboard">
      <h2>{t('reportsDashboard:title')}</h2>
      <p className={styles.muted}>{t('reportsDashboard:intro', { from: formatDay(filters.from, language), to: formatDay(filters.to, language) })}</p>
      <div className={styles.filters}>
        <label>
          {t('reportsDashboard:period')}
          <select value={preset} onChange={choosePreset} data-filter="preset">
            {presets.map((name) => (
              <option key={name} value={name}>
                {t(`reportsDashboard:${name}`)}
              </option>
            ))}
            <option value="custom">{t('reportsDashboard:custom')}</option>
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label>
              {t('reportsDashboard:from')}
              <input type="date" value={filters.from} max={filters.to} onChange={set('from')} data-filter="from" />
            </label>
            <label>
              {t('reportsDashboard:to')}
              <input type="date" value={filters.to} min={filters.from} onChange={set('to')} data-filter="to" />
            </label>
          </>
        )}
        {select('platform', t('reportsDashboard:platform'), options.networks)}
        {select(
          'language',
          t('reportsDashboard:language'),
          languages.map((code) => ({ value: code, label: t(`reportsDashboard:languages:${code}`) })),
        )}
        {select('theme', t('reportsDashboard:theme'), options.themes)}
        {select('audience', t('reportsDashboard:audience'), options.audiences)}
        {select('format', t('reportsDashboard:format'), options.formats)}
        {select('keyMoment', t('reportsDashboard:keyMoment'), options.keyMoments)}
      </div>

      {state === 'failed' && (
        <p role="alert">
          {t('reportsDashboard:failed')}{' '}
          <button type="button" onClick={retry}>
            {t('reportsDashboard:retry')}
          </button>
        </p>
      )}
      {state === 'loading' && !data && <p className={styles.muted}>{t('reportsDashboard:loading')}</p>}
      {data && (
        <div aria-busy={state === 'loading'}>
          <KpiCards kpis={data.kpis} fromNetworks={fromNetworks} />
          <div className={styles.charts}>
            <ChartPanel id="trend" title={t('reportsDashboard:trend')} csv={csv('timeseries', { kpi: trendKpis.join(','), interval })}>
              <TrendChart rtl={rtl} points={data.trend} kpis={trendKpis} />
            </ChartPanel>
            <ChartPanel id="networks" title={t('reportsDashboard:byNetwork')} csv={csv('breakdown', { kpi: 'impressions,inbound_volume', by: 'network' })}>
              <GroupBars rtl={rtl} groups={data.byNetwork} kpis={['impressions', 'inbound_volume']} labels={options.networks} />
            </ChartPanel>
            <ChartPanel id="misconceptions" title={t('reportsDashboard:misconceptions')} csv={csv('misconceptions', {})}>
              <MisconceptionChart rtl={rtl} weeks={data.misconceptions} myths={options.myths} />
            </ChartPanel>
            <ChartPanel
              id="moderation"
              title={t('reportsDashboard:moderation')}
              csv={csv('breakdown', { kpi: 'moderation_decisions,moderation_hidden', by: 'category' })}
            >
              <GroupBars rtl={rtl} groups={data.byCategory} kpis={['moderation_decisions', 'moderation_hidden']} labels={options.categories} />
            </ChartPanel>
            <ChartPanel
              id="response-times"
              title={t('reportsDashboard:responseTimes')}
              csv={csv('breakdown', { kpi: 'first_response_time_median_hours,first_response_time_p90_hours', by: 'network' })}
            >
              <GroupBars
                rtl={rtl}
                groups={data.byNetwork}
                kpis={['first_response_time_median_hours', 'first_response_time_p90_hours']}
                labels={options.networks}
                unit="hours"
              />
            </ChartPanel>
            <ChartPanel id="on-time" title={t('reportsDashboard:onTime')} csv={csv('breakdown', { kpi: 'on_time_rate', by: 'network' })}>
              <GroupBars rtl={rtl} groups={data.byNetwork} kpis={['on_time_rate']} labels={options.networks} unit="ratio" />
            </ChartPanel>
          </div>
          <section className={styles.panel} data-testid="recommendations" style={{ marginBlockStart: '1rem' }}>
            <div className={styles.panelHeader}>
              <h3>{t('recommendations:title')}</h3>
              <div className={styles.panelActions}>
                <a href={csv('recommendations', {})} download>
                  {t('reportsDashboard:exportCsv')}
                </a>
              </div>
            </div>
            <p className={styles.muted}>{t('recommendations:intro')}</p>
            {data.recommendations.length === 0 ? (
              <p className={styles.muted}>{t('recommendations:none')}</p>
            ) : (
              <ul className={styles.recommendations}>
                {data.recommendations.map((recommendation, index) => (
                  <li key={index} data-kind={recommendation.kind}>
                    {recommendation.explanation[language]}
                  </li>
                ))}
              </ul>
            )}
            <p className={styles.muted}>{t('recommendations:basis', { days: data.engagementLookbackDays })}</p>
          </section>
          <section className={styles.panel} data-testid="top-posts" style={{ marginBlockStart: '1rem' }}>
            <div className={styles.panelHeader}>
              <h3>{t('reportsDashboard:topPosts')}</h3>
              <div className={styles.panelActions}>
                <a href={csv('posts', { sort: 'interactions', limit: '500' })} download>
                  {t('reportsDashboard:exportCsv')}
                </a>
              </div>
            </div>
            {data.topPosts.length === 0 ? (
              <p className={styles.muted}>{t('reportsDashboard:noData')}</p>
            ) : (
              <table className={styles.posts}>
                <thead>
                  <tr>
                    <th>{t('reportsDashboard:post')}</th>
                    <th>{t('reportsDashboard:platform')}</th>
                    <th>{t('reportsDashboard:published')}</th>
                    <th>{t('reportsDashboard:kpis:interactions')}</th>
                    <th>{t('reportsDashboard:kpis:impressions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.topPosts.map((post) => (
                    <tr key={post.id}>
                      <td dir="auto">
                        <a href={`/admin/collections/platform-variants/${post.id}`}>{post.label ?? `#${post.id}`}</a>
                      </td>
                      <td>{options.networks.find((network) => network.value === post.network)?.label ?? post.network}</td>
                      <td>{formatDay(post.publishedAt.slice(0, 10), language)}</td>
                      <td>{formatFigure(post.interactions, 'count', language, hours)}</td>
                      <td>{formatFigure(post.impressions, 'count', language, hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </section>
  )
}
