/**
 * A periodic report as one HTML document in the reader's language: the e-mail's body (charts as
 * attached images) and, printed by Chromium, the PDF (charts inline). Right to left in Arabic.
 * Inline styles only: mail clients drop most of the rest.
 */
import { networkLabels } from '../../../src/domain/networks'
import type { Network } from '../../../src/domain/networks'
import { formatInCasablanca } from '../../../src/domain/casablanca-time'
import type { AdminLanguage } from '../../../src/i18n/catalogue'
import { pluginText } from '../translations'
import type { PluginStringKey } from '../translations'
import type { ReportChart } from './periodic-report-charts'
import type { PeriodicReportData } from './periodic-report-data'
import { formatChange, formatDay, formatFigure } from './report-format'

export type ReportDocumentText = {
  title: string
  /** The filters in words, in the reader's language (empty: none). */
  filters: string
  /** Why the reader gets it (the subscription's name), or who asked for it. */
  footer: string
  dashboardUrl: string
  /** What the e-mail says about the attachment; none in the attachment itself. */
  attachmentNote?: string
}

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

const styles = {
  body: 'font-family: DejaVu Sans, Noto Sans, Arial, sans-serif; color: #1d2733; font-size: 14px; line-height: 1.5; margin: 0 auto; max-width: 760px; padding: 16px;',
  h1: 'font-size: 22px; margin: 0 0 4px;',
  h2: 'font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid #d6dde6; padding-bottom: 4px;',
  muted: 'color: #5b6776; margin: 4px 0;',
  table: 'border-collapse: collapse; width: 100%; font-size: 13px;',
  cell: 'border-bottom: 1px solid #e6eaf0; padding: 5px 6px; text-align: start;',
  number: 'border-bottom: 1px solid #e6eaf0; padding: 5px 6px; text-align: end; white-space: nowrap;',
  chart: 'display: block; width: 100%; max-width: 720px; height: auto; margin: 4px 0 12px;',
  section: 'page-break-inside: avoid; break-inside: avoid;',
}

/**
 * The report in HTML. `chartSource` gives each chart's image address: `cid:` in an e-mail, a data
 * URI in the PDF.
 */
export function reportHtml(
  data: PeriodicReportData,
  language: AdminLanguage,
  text: ReportDocumentText,
  charts: ReportChart[],
  chartSource: (chart: ReportChart) => string,
): string {
  const t = (key: PluginStringKey, vars?: Record<string, string | number>) => pluginText(key, vars)[language]
  const hours = (value: string) => t('reportsDashboard:hours', { value })
  const figure = (value: number | null | undefined, unit: string) => escape(formatFigure(value, unit, language, hours))
  const dir = language === 'ar' ? 'rtl' : 'ltr'
  const chart = (id: ReportChart['id'], nothing: PluginStringKey) => {
    const found = charts.find((entry) => entry.id === id)
    if (!found) return ''
    const body = found.empty
      ? `<p style="${styles.muted}">${escape(t(nothing))}</p>`
      : `<img src="${chartSource(found)}" alt="${escape(found.title)}" width="720" style="${styles.chart}">`
    return `<div style="${styles.section}"><h2 style="${styles.h2}">${escape(found.title)}</h2>${body}</div>`
  }
  const kpiRows = data.kpis
    .map(
      (kpi) =>
        `<tr><td style="${styles.cell}">${escape(t(`reportsDashboard:kpis:${kpi.name}` as PluginStringKey))}</td>` +
        `<td style="${styles.number}">${figure(kpi.value, kpi.unit)}</td>` +
        `<td style="${styles.number}">${figure(kpi.previous, kpi.unit)}</td>` +
        `<td style="${styles.number}" dir="ltr">${kpi.change === null ? '—' : escape(formatChange(kpi.change, language))}</td></tr>`,
    )
    .join('')
  const posts = data.topPosts.length
    ? `<table style="${styles.table}"><thead><tr><th style="${styles.cell}">${escape(t('periodicReport:post'))}</th><th style="${styles.cell}">${escape(t('periodicReport:network'))}</th>` +
      `<th style="${styles.cell}">${escape(t('periodicReport:published'))}</th><th style="${styles.number}">${escape(t('reportsDashboard:kpis:interactions'))}</th>` +
      `<th style="${styles.number}">${escape(t('reportsDashboard:kpis:impressions'))}</th></tr></thead><tbody>` +
      data.topPosts
        .map(
          (post) =>
            `<tr><td style="${styles.cell}" dir="auto">${post.permalink ? `<a href="${escape(post.permalink)}">${escape(post.label ?? `#${post.id}`)}</a>` : escape(post.label ?? `#${post.id}`)}</td>` +
            `<td style="${styles.cell}">${escape(networkLabels[post.network as Network] ?? post.network)}</td>` +
            `<td style="${styles.cell}">${escape(formatDay(post.publishedAt.slice(0, 10), language))}</td>` +
            `<td style="${styles.number}">${figure(post.interactions, 'count')}</td><td style="${styles.number}">${figure(post.impressions, 'count')}</td></tr>`,
        )
        .join('') +
      '</tbody></table>'
    : `<p style="${styles.muted}">${escape(t('periodicReport:noPosts'))}</p>`
  const recommendations = data.recommendations.length
    ? `<ul>${data.recommendations.map((entry) => `<li style="margin-bottom: 6px;">${escape(entry.explanation[language])}</li>`).join('')}</ul>`
    : `<p style="${styles.muted}">${escape(t('recommendations:none'))}</p>`
  const crises = data.crises.length
    ? `<ul>${crisisLines(data, language)
        .map((line) => `<li style="margin-bottom: 6px;">${escape(line.text)}${line.summary ? `<br><span dir="auto">${escape(line.summary)}</span>` : ''}</li>`)
        .join('')}</ul>`
    : `<p style="${styles.muted}">${escape(t('periodicReport:noCrises'))}</p>`

  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(text.title)}</title></head>
<body style="${styles.body}" dir="${dir}">
<h1 style="${styles.h1}">${escape(text.title)}</h1>
<p style="${styles.muted}">${escape(t('periodicReport:period', { from: formatDay(data.scope.from, language), to: formatDay(data.scope.to, language) }))}</p>
<p style="${styles.muted}">${escape(text.filters ? t('periodicReport:filters', { filters: text.filters }) : t('periodicReport:noFilters'))}</p>
${text.attachmentNote ? `<p><strong>${escape(text.attachmentNote)}</strong></p>` : ''}
<div style="${styles.section}">
<h2 style="${styles.h2}">${escape(t('periodicReport:figures'))}</h2>
<table style="${styles.table}"><thead><tr><th style="${styles.cell}">${escape(t('periodicReport:figure'))}</th><th style="${styles.number}">${escape(t('periodicReport:value'))}</th>
<th style="${styles.number}">${escape(t('periodicReport:previous'))}</th><th style="${styles.number}">${escape(t('periodicReport:change'))}</th></tr></thead>
<tbody>${kpiRows}</tbody></table>
<p style="${styles.muted}">${escape(t('periodicReport:missing'))}</p>
</div>
${chart('trend', 'reportsDashboard:noData')}
${chart('networks', 'reportsDashboard:noData')}
${chart('misconceptions', 'periodicReport:noMyths')}
${chart('moderation', 'reportsDashboard:noData')}
<div style="${styles.section}">
<h2 style="${styles.h2}">${escape(t('reportsDashboard:topPosts'))}</h2>
${posts}
</div>
<div style="${styles.section}">
<h2 style="${styles.h2}">${escape(t('periodicReport:crises'))}</h2>
${crises}
</div>
<div style="${styles.section}">
<h2 style="${styles.h2}">${escape(t('recommendations:title'))}</h2>
${recommendations}
<p style="${styles.muted}">${escape(t('recommendations:basis', { days: data.engagementLookbackDays }))}</p>
</div>
<p style="margin-top: 24px;"><a href="${escape(text.dashboardUrl)}">${escape(t('periodicReport:openDashboard'))}</a></p>
<p style="${styles.muted}">${escape(text.footer)}</p>
</body>
</html>`
}

/** Each crisis episode of the period in one sentence, with its summary. */
function crisisLines(data: PeriodicReportData, language: AdminLanguage): { text: string; summary: string | null }[] {
  const stamp = (iso: string) => formatInCasablanca(iso, language)
  return data.crises.map((episode) => ({
    text: pluginText(episode.resolvedAt ? 'periodicReport:crisisResolved' : 'periodicReport:crisisOpen', {
      level: pluginText(episode.level === 'crisis' ? 'crisisRoom:level:crisis' : 'crisisRoom:level:watch')[language],
      series: episode.subject[language] ?? episode.subject.fr ?? '',
      raised: stamp(episode.raisedAt),
      resolved: episode.resolvedAt ? stamp(episode.resolvedAt) : '',
      peak: episode.peakObserved ?? 0,
      done: episode.stepsDone,
      total: episode.stepsTotal,
    })[language],
    summary: episode.summary,
  }))
}

/** The plain-text part of the e-mail: the title, the period, the key figures and the recommendations. */
export function reportText(data: PeriodicReportData, language: AdminLanguage, text: ReportDocumentText): string {
  const t = (key: PluginStringKey, vars?: Record<string, string | number>) => pluginText(key, vars)[language]
  const hours = (value: string) => t('reportsDashboard:hours', { value })
  // French typography puts a space before the colon; Arabic and English do not.
  const colon = language === 'fr' ? ' : ' : ': '
  const lines = [
    text.title,
    t('periodicReport:period', { from: formatDay(data.scope.from, language), to: formatDay(data.scope.to, language) }),
    text.filters ? t('periodicReport:filters', { filters: text.filters }) : t('periodicReport:noFilters'),
    ...(text.attachmentNote ? ['', text.attachmentNote] : []),
    '',
    t('periodicReport:figures'),
    ...data.kpis.map(
      (kpi) =>
        `- ${t(`reportsDashboard:kpis:${kpi.name}` as PluginStringKey)}${colon}${formatFigure(kpi.value, kpi.unit, language, hours)}` +
        (kpi.change === null ? '' : ` (${formatChange(kpi.change, language)})`),
    ),
    '',
    t('periodicReport:crises'),
    ...(data.crises.length
      ? crisisLines(data, language).map((line) => `- ${line.text}${line.summary ? ` — ${line.summary}` : ''}`)
      : [t('periodicReport:noCrises')]),
    '',
    t('recommendations:title'),
    ...(data.recommendations.length ? data.recommendations.map((entry) => `- ${entry.explanation[language]}`) : [t('recommendations:none')]),
    '',
    `${t('periodicReport:openDashboard')}${colon}${text.dashboardUrl}`,
    text.footer,
  ]
  return `${lines.join('\n')}\n`
}
