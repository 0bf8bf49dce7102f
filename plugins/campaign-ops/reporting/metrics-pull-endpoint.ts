/**
 * `POST /api/reports/metrics/pull`: reads the posts' metrics now instead of at the next :07
 * (after a campaign push, or to check a reconnected account): every post not read in the last
 * minute, within the same per-account budget and limits as the hourly pull. Answers what was read.
 */
import type { Endpoint } from 'payload'

import { defineEndpoint } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { pullMetrics, readNowGapMs } from './metrics-pull'
import type { MetricsPullSettings } from './metrics-pull'

export function metricsPullEndpoint(settings: MetricsPullSettings): Endpoint {
  return defineEndpoint({
    path: '/reports/metrics/pull',
    method: 'post',
    access: { roles: ['admin', 'ncsc'], forbidden: pluginText('reportsApi:pullForbidden') },
    headers: { 'Cache-Control': 'no-store' },
    handler: async ({ req }) => pullMetrics(req.payload, settings, new Date(), readNowGapMs),
  })
}
