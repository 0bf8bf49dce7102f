/**
 * The charts of a periodic report, drawn on the server by ECharts as SVG (ECharts renders without
 * a browser; the dashboard's Recharts does not), then as PNG by sharp for e-mail clients, which
 * show images but not SVG. Right to left in Arabic: time runs from the right, values on the right.
 */
import * as echarts from 'echarts'
import sharp from 'sharp'

import { networkLabels } from '../../../src/domain/networks'
import type { Network } from '../../../src/domain/networks'
import type { AdminLanguage, Localized } from '../../../src/i18n/catalogue'
import { moderationCategoryOptions } from '../moderation/option-labels'
import { pluginText } from '../translations'
import type { PluginStringKey } from '../translations'
import type { KpiName } from './kpi-catalogue'
import { categoryKpis, networkKpis, trendKpis } from './periodic-report-data'
import type { PeriodicReportData } from './periodic-report-data'

/** `empty`: nothing to draw over the period; the report says so instead of showing empty axes. */
export type ReportChart = { id: 'trend' | 'networks' | 'misconceptions' | 'moderation'; title: string; svg: string; empty: boolean }

const width = 720
const height = 340
const palette = ['#2f6fdf', '#e07b24', '#2a9d6f', '#b0413e']
const fontFamily = 'DejaVu Sans, Noto Sans, Arial, sans-serif'
const locales: Record<AdminLanguage, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }

const kpiLabel = (kpi: KpiName, language: AdminLanguage) => pluginText(`reportsDashboard:kpis:${kpi}` as PluginStringKey)[language]

/** Axis figures in the reader's notation, whole numbers only where a count cannot be a fraction. */
function valueAxis(language: AdminLanguage, extra: Record<string, unknown> = {}) {
  const format = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 })
  return { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.format(value) }, ...extra }
}

const hasFigures = (values: (number | null | undefined)[]) => values.some((value) => typeof value === 'number' && value !== 0)

function draw(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption({ animation: false, color: palette, textStyle: { fontFamily }, backgroundColor: '#ffffff', ...option })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

/** Bars per group (networks, categories…), one series per KPI. */
function groupBars(groups: { label: string; values: (number | null)[] }[], series: string[], language: AdminLanguage): string {
  const rtl = language === 'ar'
  return draw({
    legend: { top: 0, data: series },
    grid: { top: 40, bottom: 40, left: 60, right: 60 },
    xAxis: { type: 'category', data: groups.map((group) => group.label), inverse: rtl, axisLabel: { interval: 0 } },
    yAxis: valueAxis(language, { position: rtl ? 'right' : 'left' }),
    series: series.map((name, index) => ({ name, type: 'bar', data: groups.map((group) => group.values[index] ?? null) })),
  })
}

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text)

/** The report's four charts in the reader's language. */
export function reportCharts(data: PeriodicReportData, language: AdminLanguage, mythNames: Map<string, Localized>): ReportChart[] {
  const rtl = language === 'ar'
  const title = (key: PluginStringKey) => pluginText(key)[language]
  const day = new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const [impressions, ...community] = trendKpis
  const trend = draw({
    legend: { top: 0, data: trendKpis.map((kpi) => kpiLabel(kpi, language)) },
    grid: { top: 40, bottom: 40, left: 70, right: 70 },
    xAxis: { type: 'category', data: data.trend.map((point) => day.format(new Date(`${point.start}T00:00:00Z`))), inverse: rtl },
    // Impressions count in thousands, interactions and messages in tens: one axis each.
    yAxis: [valueAxis(language, { position: rtl ? 'right' : 'left' }), valueAxis(language, { position: rtl ? 'left' : 'right', splitLine: { show: false } })],
    series: [
      { name: kpiLabel(impressions!, language), type: 'line', yAxisIndex: 0, data: data.trend.map((point) => point.values[impressions!] ?? null) },
      ...community.map((kpi) => ({ name: kpiLabel(kpi, language), type: 'line', yAxisIndex: 1, data: data.trend.map((point) => point.values[kpi] ?? null) })),
    ],
  })
  const networks = groupBars(
    data.byNetwork.map((group) => ({ label: networkLabels[group.key as Network] ?? '—', values: networkKpis.map((kpi) => group.values[kpi] ?? null) })),
    networkKpis.map((kpi) => kpiLabel(kpi, language)),
    language,
  )
  const categories = groupBars(
    data.byCategory.map((group) => ({
      label: moderationCategoryOptions.find((option) => option.value === group.key)?.label[language] ?? title('periodicReport:noCategory'),
      values: categoryKpis.map((kpi) => group.values[kpi] ?? null),
    })),
    categoryKpis.map((kpi) => kpiLabel(kpi, language)),
    language,
  )
  const myths = data.myths.slice(0, 6)
  const misconceptions = draw({
    grid: { top: 20, bottom: 30, left: rtl ? 40 : 300, right: rtl ? 300 : 40 },
    xAxis: valueAxis(language, { inverse: rtl }),
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: myths.map((myth) => truncate(mythNames.get(myth.myth)?.[language] ?? myth.myth, 48)),
      axisLabel: { width: 280, overflow: 'truncate' },
    },
    series: [
      {
        name: title('periodicReport:matchingComments'),
        type: 'bar',
        data: myths.map((myth) => myth.matching),
        label: { show: true, position: rtl ? 'left' : 'right' },
      },
    ],
  })
  return [
    { id: 'trend', title: title('reportsDashboard:trend'), svg: trend, empty: !data.trend.some((point) => hasFigures(Object.values(point.values))) },
    {
      id: 'networks',
      title: title('reportsDashboard:byNetwork'),
      svg: networks,
      empty: !data.byNetwork.some((group) => hasFigures(Object.values(group.values))),
    },
    { id: 'misconceptions', title: title('periodicReport:misconceptions'), svg: misconceptions, empty: myths.length === 0 },
    {
      id: 'moderation',
      title: title('reportsDashboard:moderation'),
      svg: categories,
      empty: !data.byCategory.some((group) => hasFigures(Object.values(group.values))),
    },
  ]
}

/** A chart as PNG at twice its size, sharp on high-density screens. */
export async function chartPng(chart: ReportChart): Promise<Buffer> {
  return sharp(Buffer.from(chart.svg), { density: 144 }).png().toBuffer()
}
