/**
 * `POST /api/metric-imports/file?network=facebook&fileName=export.csv`, the CSV in the body: the
 * file checked at once (400 naming why, 413 when too large), then read in the background (202 with
 * the import's id, whose progress and per-row report `GET /api/metric-imports/:id` gives).
 */
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { networks } from '../../../src/domain/networks'
import { defineEndpoint, readTextBody, refuse } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { metricImporters } from './metric-imports-collection'
import { MetricFileError, maxMetricImportBytes, maxMetricImportRows, readMetricFile, runMetricImport, startMetricImport } from './metrics-import'

function isCsv(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'text/csv' || type === 'application/csv' || type === 'text/plain' || type === 'application/vnd.ms-excel'
}

export const metricsImportEndpoint: Endpoint = defineEndpoint({
  path: '/file',
  method: 'post',
  access: { roles: metricImporters, forbidden: pluginText('metricsImport:forbidden') },
  query: z.object({ network: z.enum(networks), fileName: z.string().trim().max(300).optional() }).strict(),
  handler: async ({ req, user, query }) => {
    if (!isCsv(req.headers.get('content-type'))) refuse({ status: 400, code: 'unsupported_format', field: 'body', message: pluginText('metricsImport:format') })
    const text = await readTextBody(req, maxMetricImportBytes)
    let rows: Record<string, string>[]
    try {
      rows = readMetricFile(text, query.network)
    } catch (error) {
      if (!(error instanceof MetricFileError)) throw error
      const { code, line, accepted } = error.problem
      const message =
        code === 'too_many_rows'
          ? pluginText('metricsImport:tooManyRows', { max: maxMetricImportRows })
          : code === 'empty'
            ? pluginText('metricsImport:empty')
            : code === 'no_post_column'
              ? pluginText('metricsImport:noPostColumn', { columns: accepted!.join(', ') })
              : code === 'no_metric_column'
                ? pluginText('metricsImport:noMetricColumn', { columns: accepted!.join(', ') })
                : line
                  ? pluginText('metricsImport:unreadableLine', { line })
                  : pluginText('metricsImport:unreadable')
      refuse({
        status: code === 'too_many_rows' ? 413 : 400,
        code,
        field: 'body',
        message,
        details: { ...(line ? { line } : {}), ...(accepted ? { accepted } : {}) },
      })
    }
    const started = await startMetricImport(req.payload, { network: query.network, fileName: query.fileName ?? null, rows, userId: Number(user.id) })
    // Read in the background; the reporting queue takes it up again if this instance stops.
    void runMetricImport(req.payload, Number(started.id)).catch((error: unknown) =>
      req.payload.logger.error({ err: error, import: started.id }, 'Metrics import stopped; the reporting queue will resume it'),
    )
    return Response.json({ import: { id: started.id, total: started.total, status: started.status } }, { status: 202 })
  },
})
