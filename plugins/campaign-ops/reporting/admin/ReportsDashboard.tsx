import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { audiences, contentFormats } from '../../../../src/domain/content-taxonomy'
import { networkLabels, networks } from '../../../../src/domain/networks'
import { roleOf } from '../../../../src/domain/roles'
import { adminLanguageOf } from '../../../../src/i18n/catalogue'
import { moderationCategoryOptions } from '../../moderation/option-labels'
import { kpiCatalogue, kpiNames } from '../kpi-catalogue'
import type { KpiName } from '../kpi-catalogue'
import { ReportsDashboardClient } from './ReportsDashboardClient'
import type { DashboardOptions } from './dashboard-types'

/** The KPI cards each role opens the admin on: what their work answers for. */
const cardsByRole: Record<string, KpiName[]> = {
  cm: [
    'inbound_volume',
    'response_rate',
    'first_response_time_median_hours',
    'first_response_time_business_median_hours',
    'sla_compliance',
    'posts_published',
    'on_time_rate',
    'impressions',
    'engagement_rate_reach_median',
  ],
  legal: [
    'misconception_prevalence',
    'tone',
    'moderation_escalated',
    'escalations',
    'escalation_resolution_median_hours',
    'moderation_hidden',
    'automatic_precision',
  ],
  consultant: ['impressions', 'sum_of_post_reach', 'interactions', 'engagement_rate_reach_median', 'video_views', 'posts_published'],
  default: [
    'impressions',
    'sum_of_post_reach',
    'interactions',
    'engagement_rate_reach_median',
    'inbound_volume',
    'response_rate',
    'misconception_prevalence',
    'tone',
    'on_time_rate',
    'automatic_precision',
    'crisis_alerts',
  ],
}

type DashboardI18n = { language: string }

/**
 * The first thing the admin shows: the campaign's KPIs over a period, with their change, charts
 * over time and by network, misconceptions per week, moderation by category, response times,
 * on-time publishing and the top posts, filtered like the reporting API (which it reads).
 */
export async function ReportsDashboard({ payload, user, i18n }: { payload: Payload; user?: TypedUser | null; i18n: DashboardI18n }) {
  const role = roleOf(user)
  if (!user || !role || role === 'integration') return null
  const language = adminLanguageOf(i18n.language)
  const read = async <T,>(collection: 'themes' | 'key-moments' | 'myths', map: (doc: Record<string, unknown>) => T): Promise<T[]> =>
    (
      await payload.find({
        collection,
        locale: language === 'en' ? 'fr' : language,
        fallbackLocale: 'fr',
        limit: 200,
        depth: 0,
        pagination: false,
        overrideAccess: false,
        user,
      })
    ).docs.map((doc) => map(doc as unknown as Record<string, unknown>))
  const options: DashboardOptions = {
    networks: networks.map((network) => ({ value: network, label: networkLabels[network] })),
    themes: await read('themes', (doc) => ({ value: String(doc.id), label: String(doc.name ?? doc.slug) })),
    keyMoments: await read('key-moments', (doc) => ({ value: String(doc.id), label: String(doc.title) })),
    audiences: audiences.map((option) => ({ value: option.value, label: option.label[language] })),
    formats: contentFormats.map((option) => ({ value: option.value, label: option.label[language] })),
    categories: moderationCategoryOptions.map((option) => ({ value: option.value, label: option.label[language] })),
    myths: await read('myths', (doc) => ({ value: String(doc.key), label: String(doc.claim ?? doc.key) })),
  }
  const cards = cardsByRole[role] ?? cardsByRole.default!
  // A missing figure of a post metric is one the networks did not give; any other is a ratio over nothing.
  const fromNetworks = kpiNames.filter((name) => kpiCatalogue[name].source === 'posts' && name !== 'posts_published')
  return <ReportsDashboardClient cards={cards} options={options} fromNetworks={fromNetworks} />
}
