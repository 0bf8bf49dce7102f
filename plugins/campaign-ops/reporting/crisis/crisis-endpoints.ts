/**
 * The crisis room's endpoints:
 * - `GET /api/crisis-alerts/:id/room` (who reads alerts): the alert's series over the last day
 *   (or the day that ended 12 hours after its last signal) against its expected count, the
 *   comments behind it (pseudonymized, redacted), its playbook, who worked it;
 * - `POST /api/crisis-alerts/:id/checklist` (NCSC, CMs, admins): a step done or undone, with who
 *   and when, logged; not once the alert is resolved;
 * - `POST /api/crisis-watch/look` (NCSC, admins): the watch looks now rather than at the next
 *   10 minutes (after changing its settings, or when something is felt coming).
 */
import type { Endpoint, Payload } from 'payload'
import { z } from 'zod'

import type { CrisisAlert } from '../../../../payload-types'
import { defineEndpoint, refuse } from '../../../../src/infra/endpoint'
import { sqlPool } from '../../../../src/infra/database'
import { redactExcerpt } from '../../moderation/log-chain'
import { appendModerationLog } from '../../moderation/moderation-log'
import { pluginText } from '../../translations'
import { crisisAlertsSlug } from './crisis-alerts-collection'
import { crisisPlaybooksSlug } from './crisis-playbooks-collection'
import { loadCrisisInput } from './crisis-data'
import { readCrisisSettings } from './crisis-settings-global'
import { binMs, readSeries } from './detector'
import { commentsBehind, watchForCrises } from './crisis-watch-task'

const readers = ['admin', 'ncsc', 'cm', 'analyst'] as const
const workers = ['admin', 'ncsc', 'cm'] as const
/** The room's chart: the last day, in 10-minute bins. */
const chartBins = 144

async function alertOrRefuse(payload: Payload, id: number, user: NonNullable<Parameters<Payload['findByID']>[0]['user']>): Promise<CrisisAlert> {
  const alert = await payload.findByID({ collection: crisisAlertsSlug, id, depth: 0, overrideAccess: false, user, disableErrors: true })
  if (!alert) refuse({ status: 404, message: pluginText('crisisAlert:notFound') })
  return alert
}

/** The series' counts and expected counts over the last day, at `now`. */
async function seriesChart(payload: Payload, series: string, now: Date) {
  const { parameters } = await readCrisisSettings(payload)
  const input = await loadCrisisInput(sqlPool(payload), parameters, now)
  if (!input.series.has(series)) return []
  const reading = readSeries(input, series, parameters)
  const counts = input.series.get(series)!.counts
  const end = Math.floor((Math.floor(now.getTime() / binMs) * binMs - input.startMs) / binMs)
  const points = []
  for (let index = Math.max(0, end - chartBins); index < end; index += 1) {
    points.push({
      at: new Date(input.startMs + index * binMs).toISOString(),
      observed: counts[index] ?? 0,
      expected: reading ? Math.round(reading.baseline.expected(index) * 100) / 100 : null,
    })
  }
  return points
}

/** The names of the people who worked the alert (a reader may not read other users). */
async function peopleOf(payload: Payload, alert: CrisisAlert): Promise<Record<string, string>> {
  const idOf = (value: unknown) => (typeof value === 'object' && value ? (value as { id: number }).id : (value as number | null | undefined))
  const ids = [alert.acknowledgedBy, alert.resolvedBy, ...(alert.checklist ?? []).map((step) => step.doneBy)]
    .map(idOf)
    .filter((id): id is number => typeof id === 'number')
  if (ids.length === 0) return {}
  const { docs } = await payload.find({ collection: 'users', where: { id: { in: [...new Set(ids)] } }, depth: 0, pagination: false, overrideAccess: true })
  return Object.fromEntries(docs.map((user) => [String(user.id), user.name || user.email]))
}

/** The alert's playbook as the room shows it: contacts and the approved holding statements in every language. */
async function playbookOf(payload: Payload, alert: CrisisAlert) {
  const id = typeof alert.playbook === 'object' && alert.playbook ? alert.playbook.id : alert.playbook
  if (!id) return null
  const playbook = await payload.findByID({ collection: crisisPlaybooksSlug, id, depth: 0, overrideAccess: true, disableErrors: true })
  if (!playbook) return null
  const statementIds = (playbook.statements ?? []).map((entry) => (typeof entry === 'object' ? entry.id : entry))
  const { docs: statements } = statementIds.length
    ? await payload.find({
        collection: 'response-templates',
        where: { and: [{ id: { in: statementIds } }, { state: { equals: 'approved' } }] },
        locale: 'all',
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    : { docs: [] }
  return {
    name: playbook.name,
    contacts: (playbook.contacts ?? []).map(({ name, role, phone, email }) => ({ name, role, phone, email })),
    statements: statements.map((template) => ({ name: template.name, body: template.body as unknown as Record<string, string> })),
  }
}

export const crisisRoomEndpoint: Endpoint = defineEndpoint({
  path: '/:id/room',
  method: 'get',
  access: { roles: readers, forbidden: pluginText('crisisAlert:forbidden') },
  params: z.object({ id: z.coerce.number().int().positive() }),
  handler: async ({ req, user, params }) => {
    const alert = await alertOrRefuse(req.payload, params.id, user)
    // The room looks at now, or, for an episode long past, at its end (12 hours after its last signal).
    const lastSignal = new Date(alert.lastSignalAt ?? alert.raisedAt ?? Date.now()).getTime()
    const now = new Date(Math.min(Date.now(), lastSignal + 12 * 3_600_000))
    const { parameters } = await readCrisisSettings(req.payload)
    const since = new Date(Math.min(new Date(alert.windowStart ?? now).getTime(), now.getTime() - parameters.watchWindowHours * 3_600_000))
    const comments = await commentsBehind(req.payload, alert.series, parameters, since, now, 20)
    return Response.json(
      {
        alert,
        watchWindowHours: parameters.watchWindowHours,
        playbook: await playbookOf(req.payload, alert),
        people: await peopleOf(req.payload, alert),
        chart: await seriesChart(req.payload, alert.series, now),
        comments: comments.map((row) => ({
          interaction: Number(row.id),
          network: String(row.network),
          author: row.author_pseudonym ? String(row.author_pseudonym).slice(0, 12) : null,
          excerpt: redactExcerpt(String(row.text ?? '')),
          at: new Date(row.at as string).toISOString(),
          status: row.status,
        })),
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
})

export const crisisChecklistEndpoint: Endpoint = defineEndpoint({
  path: '/:id/checklist',
  method: 'post',
  access: { roles: workers, forbidden: pluginText('crisisAlert:forbidden') },
  params: z.object({ id: z.coerce.number().int().positive() }),
  body: z.object({ step: z.number().int().min(0), done: z.boolean() }).strict(),
  fieldMessages: { step: pluginText('crisisAlert:stepField'), done: pluginText('crisisAlert:doneField') },
  handler: async ({ req, user, params, body }) => {
    const alert = await alertOrRefuse(req.payload, params.id, user)
    if (alert.status === 'resolved') refuse({ status: 400, field: 'status', message: pluginText('crisisAlert:resolvedStays') })
    const checklist = [...(alert.checklist ?? [])]
    const step = checklist[body.step]
    if (!step) refuse({ status: 400, field: 'step', message: pluginText('crisisAlert:stepField') })
    checklist[body.step] = body.done ? { ...step, doneAt: new Date().toISOString(), doneBy: Number(user.id) } : { ...step, doneAt: null, doneBy: null }
    const updated = await req.payload.update({
      collection: crisisAlertsSlug,
      id: alert.id,
      overrideAccess: true,
      data: { checklist: checklist.map((entry) => ({ ...entry, doneBy: typeof entry.doneBy === 'object' && entry.doneBy ? entry.doneBy.id : entry.doneBy })) },
      depth: 0,
    })
    await appendModerationLog(req.payload, {
      kind: 'crisis_alert',
      actor: { type: 'user', userId: user.id },
      action: body.done ? 'step_done' : 'step_undone',
      itemRef: `${crisisAlertsSlug}:${alert.id}`,
      after: { step: body.step + 1, text: (step.text as Record<string, string> | null)?.fr ?? null },
    })
    return Response.json({ doc: updated })
  },
})

export const crisisLookEndpoint: Endpoint = defineEndpoint({
  path: '/crisis-watch/look',
  method: 'post',
  access: { roles: ['admin', 'ncsc'], forbidden: pluginText('crisisAlert:lookForbidden') },
  headers: { 'Cache-Control': 'no-store' },
  handler: async ({ req }) => Response.json(await watchForCrises(req.payload)),
})
