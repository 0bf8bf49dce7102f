/**
 * `POST /api/report-subscriptions/:id/send`: a subscription's report made now, on demand, for the
 * last complete period of its frequency or for the dates given; queued on the reporting queue
 * (202), it arrives by e-mail and is stored like the scheduled ones.
 */
import { randomUUID } from 'node:crypto'

import type { Endpoint } from 'payload'
import { z } from 'zod'

import { defineEndpoint, refuse } from '../../../src/infra/endpoint'
import { pluginText } from '../translations'
import { queuePeriodicReport } from './periodic-report-tasks'
import { reportFilters } from './report-parameters'
import { isCalendarDay, lastCompletePeriod } from './report-periods'
import type { ReportFrequency } from './report-periods'
import { reportManagers, reportSubscriptionsSlug } from './report-subscriptions-collection'

const day = z.string().refine(isCalendarDay, { message: pluginText('reportsApi:day').en })

export const sendReportNowEndpoint: Endpoint = defineEndpoint({
  path: '/:id/send',
  method: 'post',
  access: { roles: reportManagers, forbidden: pluginText('reportSubscriptions:forbidden') },
  params: z.object({ id: z.coerce.number().int().positive() }),
  body: z.object({ from: day.optional(), to: day.optional() }).strict(),
  fieldMessages: { from: pluginText('reportsApi:day'), to: pluginText('reportsApi:day') },
  handler: async ({ req, user, params, body }) => {
    if (Boolean(body.from) !== Boolean(body.to)) {
      refuse({ status: 400, code: 'both_dates', field: body.from ? 'to' : 'from', message: pluginText('reportSubscriptions:bothDates') })
    }
    const subscription = (await req.payload.findByID({
      collection: reportSubscriptionsSlug,
      id: params.id,
      depth: 0,
      overrideAccess: false,
      user,
      disableErrors: true,
    })) as { id: number; frequency: ReportFrequency } | null
    if (!subscription) refuse({ status: 404, message: pluginText('reportSubscriptions:notFound') })
    const period = body.from && body.to ? { from: body.from, to: body.to } : lastCompletePeriod(subscription.frequency, new Date())
    // The same checks as the reporting API: `to` not before `from`, at most 2 years.
    await reportFilters(req.payload, period)
    await queuePeriodicReport(req.payload, {
      subscriptionId: subscription.id,
      ...period,
      kind: 'on_demand',
      requestedBy: Number(user.id),
      requestId: randomUUID(),
    })
    return Response.json({ queued: true, ...period }, { status: 202 })
  },
})
