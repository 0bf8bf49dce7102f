import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../../../src/domain/roles'
import { AdminPage } from '../../../../src/ui/AdminPage'
import { translatePlugin } from '../../translations'
import type { PluginStringKey } from '../../translations'
import { kpiCatalogue, kpiNames } from '../kpi-catalogue'
import { defaultReportRateLimit } from '../report-usage'
import type { ReportRateLimit } from '../report-usage'
import styles from './dashboard.module.css'
import { reportsApiPageRoles } from './reports-api-page-roles'

const routes = ['kpis', 'timeseries', 'breakdown', 'misconceptions', 'posts', 'usage', 'openapi'] as const
const parameters = [
  'from',
  'to',
  'kpi',
  'platform',
  'language',
  'theme',
  'audience',
  'format',
  'keyMoment',
  'compare',
  'interval',
  'by',
  'sort',
  'page',
  'limit',
  'output',
] as const
const routePaths: Record<(typeof routes)[number], string> = {
  kpis: '/api/reports/kpis',
  timeseries: '/api/reports/timeseries',
  breakdown: '/api/reports/breakdown',
  misconceptions: '/api/reports/misconceptions',
  posts: '/api/reports/posts',
  usage: '/api/reports/usage',
  openapi: '/api/reports/openapi.json',
}

const code = (text: string) => (
  <code dir="ltr" style={{ whiteSpace: 'nowrap' }}>
    {text}
  </code>
)

/**
 * Admin page `/admin/reports-api`: the reporting API for the people who connect tools to it —
 * how a tool gets its key and sends it, the routes, the parameters, the limits, and every KPI
 * with its unit and definition in the reader's language. The OpenAPI document is linked for the
 * tools themselves.
 */
export function ReportsApiView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const t = (key: string, vars?: Record<string, string | number>) => translatePlugin(req, key as PluginStringKey, vars)
  if (!hasRole(req.user, ...reportsApiPageRoles)) {
    return (
      <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
        <p>{t('reportsApiPage:refusal')}</p>
      </AdminPage>
    )
  }
  const limit = ((req.payload.config.custom?.campaignOps as { reporting?: { apiRateLimit?: ReportRateLimit } } | undefined)?.reporting?.apiRateLimit ??
    defaultReportRateLimit) as ReportRateLimit
  const server = req.payload.config.serverURL || ''
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <article data-testid="reports-api-page" style={{ maxWidth: '60rem', marginBlockEnd: '3rem' }}>
        <h1>{t('reportsApiPage:title')}</h1>
        <p>{t('reportsApiPage:intro')}</p>
        <h2>{t('reportsApiPage:keyTitle')}</h2>
        <p>{t('reportsApiPage:keySteps')}</p>
        <p>{code('Authorization: users API-Key <…>')}</p>
        <p>{t('reportsApiPage:limits', { calls: limit.calls, seconds: limit.perSeconds })}</p>
        <h2>{t('reportsApiPage:routesTitle')}</h2>
        <table className={styles.posts}>
          <tbody>
            {routes.map((route) => (
              <tr key={route}>
                <td>{code(`GET ${server}${routePaths[route]}`)}</td>
                <td>{t(`reportsApiPage:routes:${route}`)}</td>
              </tr>
            ))}
            <tr>
              <td>{code(`POST ${server}/api/graphql`)}</td>
              <td>{t('reportsApiPage:graphql')}</td>
            </tr>
          </tbody>
        </table>
        <p>
          <a href="/api/reports/openapi.json" target="_blank" rel="noreferrer">
            {t('reportsApiPage:openapiLink')}
          </a>
        </p>
        <h2>{t('reportsApiPage:parametersTitle')}</h2>
        <table className={styles.posts}>
          <tbody>
            {parameters.map((name) => (
              <tr key={name}>
                <td>{code(name)}</td>
                <td>{t(`reportsApiPage:parameters:${name}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('reportsApiPage:kpisTitle')}</h2>
        <p className={styles.muted}>{t('reportsApiPage:missing')}</p>
        <table className={styles.posts} data-testid="reports-api-kpis">
          <thead>
            <tr>
              <th>{t('reportsApiPage:kpiName')}</th>
              <th>{t('reportsApiPage:kpiLabel')}</th>
              <th>{t('reportsApiPage:kpiUnit')}</th>
              <th>{t('reportsApiPage:kpiDefinition')}</th>
            </tr>
          </thead>
          <tbody>
            {kpiNames.map((name) => (
              <tr key={name}>
                <td>{code(name)}</td>
                <td>{t(`reportsDashboard:kpis:${name}`)}</td>
                <td>{t(`reportsApiPage:units:${kpiCatalogue[name].unit}`)}</td>
                <td>{t(`kpiDefinitions:${name}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </AdminPage>
  )
}
