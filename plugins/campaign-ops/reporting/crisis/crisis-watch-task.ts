/**
 * The live crisis watch: every 10 minutes on the reporting queue, one look at the inbox's public
 * comments (one instance at a time). A new episode raises an alert (with pseudonymized examples,
 * the passages the rules matched most, the posts drawing the comments), a watch that becomes a
 * crisis is escalated, and both are logged in the moderation log and mailed to NCSC and the
 * community managers; an episode that goes on only updates its alert.
 */
import type { Payload, TaskConfig } from 'payload'

import type { CrisisAlert } from '../../../../payload-types'
import { sqlPool } from '../../../../src/infra/database'
import { advisoryLocks } from '../../../../src/infra/locks'
import { redactExcerpt } from '../../moderation/log-chain'
import { appendModerationLog } from '../../moderation/moderation-log'
import { SqlParameters, mythRulesSql } from '../kpi-queries'
import { reportingQueue } from '../metrics-pull'
import { crisisAlertsSlug } from './crisis-alerts-collection'
import { commentTimeSql, loadCrisisInput, watchedCommentsSql } from './crisis-data'
import { overallScope } from './crisis-stream'
import { alertDecision, detectCrises } from './detector'
import type { CrisisSignal } from './detector'
import type { CrisisParameters } from './crisis-parameters'
import { readCrisisSettings } from './crisis-settings-global'
import { crisisAlertMailTask } from './crisis-alert-mail'
import { playbookFor } from './crisis-playbooks-collection'
import { seriesSubject } from './series-labels'

export const crisisWatchTask = 'watchForCrises'

export type CrisisWatchReport = { signals: number; raised: number; escalated: number; continued: number }

const exampleCount = 5
const termCount = 8
const postCount = 5

/** The latest comments of a series between two instants (newest first), for evidence and the crisis room. */
export async function commentsBehind(payload: Payload, series: string, parameters: CrisisParameters, from: Date, to: Date, limit: number) {
  const [kind, scope = ''] = series.split(':', 2)
  const sql = new SqlParameters()
  const conditions = [watchedCommentsSql('i'), `${commentTimeSql('i')} >= ${sql.add(from)}`, `${commentTimeSql('i')} < ${sql.add(to)}`]
  if (kind === 'hostile') {
    conditions.push(`i.moderation_category::text = ANY(${sql.add(parameters.hostileCategories)}::text[])`)
    if (scope !== overallScope) conditions.push(`i.network::text = ${sql.add(scope)}`)
  } else {
    conditions.push(
      `EXISTS (SELECT 1 FROM ${mythRulesSql(sql)} mr WHERE mr.myth = ${sql.add(scope)} AND mr.rule_id = ANY(string_to_array(i.moderation_rule_ids, ',')))`,
    )
  }
  const { rows } = await sqlPool(payload).query(
    `SELECT i.id, i.network::text AS network, i.author_pseudonym, i.text, i.moderation_spans AS spans, i.variant_id,
            ${commentTimeSql('i')} AS at, i.status::text AS status
       FROM interactions i WHERE ${conditions.join(' AND ')} ORDER BY ${commentTimeSql('i')} DESC LIMIT ${sql.add(limit)}`,
    sql.values,
  )
  return rows
}

/** The comments behind a signal: examples, the passages its rules matched most, the posts drawing them. */
async function evidenceOf(payload: Payload, signal: CrisisSignal, parameters: CrisisParameters) {
  const rows = await commentsBehind(payload, signal.series, parameters, new Date(signal.windowStart), new Date(signal.windowEnd), 500)
  const terms = new Map<string, number>()
  const posts = new Map<number, number>()
  for (const row of rows) {
    const text = String(row.text ?? '')
    for (const span of (row.spans as [number, number][] | null) ?? []) {
      const term = text.slice(span[0], span[1]).toLocaleLowerCase().trim()
      if (term) terms.set(term, (terms.get(term) ?? 0) + 1)
    }
    if (row.variant_id !== null) posts.set(Number(row.variant_id), (posts.get(Number(row.variant_id)) ?? 0) + 1)
  }
  return {
    examples: rows.slice(0, exampleCount).map((row) => ({
      interaction: Number(row.id),
      network: String(row.network),
      author: row.author_pseudonym ? String(row.author_pseudonym).slice(0, 12) : null,
      excerpt: redactExcerpt(String(row.text ?? '')),
    })),
    topTerms: [...terms]
      .sort((left, right) => right[1] - left[1])
      .slice(0, termCount)
      .map(([term, count]) => ({ term, count })),
    posts: [...posts]
      .sort((left, right) => right[1] - left[1])
      .slice(0, postCount)
      .map(([id]) => id),
  }
}

/** The myths' claims in each language, for naming their series. */
async function mythClaims(payload: Payload): Promise<Map<string, Partial<Record<'fr' | 'ar' | 'en', string>>>> {
  const claims = new Map<string, Partial<Record<'fr' | 'ar' | 'en', string>>>()
  const { docs } = await payload.find({ collection: 'myths', locale: 'all', pagination: false, depth: 0, overrideAccess: true })
  for (const myth of docs) {
    const claim = myth.claim as unknown as Partial<Record<string, string>> | string
    claims.set(String(myth.key), typeof claim === 'string' ? { fr: claim } : { fr: claim.fr, ar: claim.ar ?? claim.fr, en: claim.fr })
  }
  return claims
}

type Playbook = Awaited<ReturnType<typeof playbookFor>>

/**
 * The alert's checklist with the playbook's steps: a new alert takes them all; an escalated one
 * keeps its steps (done or not) and adds the crisis playbook's steps it does not have yet.
 */
function checklistWith(alert: CrisisAlert | null, playbook: Playbook) {
  const current = (alert?.checklist ?? []).map((entry) => ({
    text: entry.text,
    doneAt: entry.doneAt ?? null,
    doneBy: typeof entry.doneBy === 'object' && entry.doneBy ? entry.doneBy.id : (entry.doneBy ?? null),
  }))
  if (!playbook) return alert ? {} : { checklist: [] }
  const known = new Set(current.map((entry) => JSON.stringify(entry.text)))
  type StepText = NonNullable<CrisisAlert['checklist']>[number]['text']
  const added = (playbook.steps ?? [])
    .map((step) => ({ text: step.text as unknown as StepText, doneAt: null, doneBy: null }))
    .filter((entry) => !known.has(JSON.stringify(entry.text)))
  return { playbook: playbook.id, checklist: [...current, ...added] }
}

const signalFields = (signal: CrisisSignal) => ({
  level: signal.level,
  window: signal.window,
  method: signal.method,
  observed: signal.observed,
  expected: Math.round(signal.expected * 100) / 100,
  z: signal.z === null ? null : Math.round(signal.z * 100) / 100,
  probability: signal.probability,
  authors: signal.authors,
  share: signal.share,
  baselineShare: signal.baselineShare,
  windowStart: new Date(signal.windowStart).toISOString(),
  windowEnd: new Date(signal.windowEnd).toISOString(),
})

async function logAlert(payload: Payload, alert: CrisisAlert, event: 'raised' | 'escalated', pseudonymKey?: string) {
  await appendModerationLog(
    payload,
    {
      kind: 'crisis_alert',
      actor: { type: 'system' },
      action: event,
      platform: alert.series.startsWith('hostile:') && !alert.series.endsWith(`:${overallScope}`) ? alert.series.split(':')[1] : null,
      itemRef: `${crisisAlertsSlug}:${alert.id}`,
      after: { level: alert.level, series: alert.series, observed: alert.observed, expected: alert.expected, authors: alert.authors },
    },
    { pseudonymKey },
  )
}

/** One look: detect, then raise, escalate or continue each series' alert. */
export async function watchForCrises(payload: Payload, options: { now?: Date; pseudonymKey?: string } = {}): Promise<CrisisWatchReport> {
  const report: CrisisWatchReport = { signals: 0, raised: 0, escalated: 0, continued: 0 }
  const { enabled, parameters } = await readCrisisSettings(payload)
  if (!enabled) return report
  const now = options.now ?? new Date()
  const db = sqlPool(payload)
  const client = await db.connect()
  try {
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS taken', [advisoryLocks.crisisWatch])
    if (!rows[0]?.taken) return report
    try {
      const signals = detectCrises(await loadCrisisInput(client, parameters, now), parameters)
      report.signals = signals.length
      let claims: Awaited<ReturnType<typeof mythClaims>> | null = null
      for (const signal of signals) {
        const { docs } = await payload.find({
          collection: crisisAlertsSlug,
          where: { series: { equals: signal.series } },
          sort: '-raisedAt',
          limit: 1,
          depth: 0,
          overrideAccess: true,
        })
        const last = docs[0]
        const previous = last
          ? { level: last.level, lastSignalAt: new Date(last.lastSignalAt ?? last.raisedAt!).getTime(), open: last.status !== 'resolved' }
          : null
        const decision = alertDecision(signal, previous, now.getTime(), parameters)
        if (decision === 'continue') {
          await payload.update({
            collection: crisisAlertsSlug,
            id: last!.id,
            overrideAccess: true,
            data: { lastSignalAt: now.toISOString(), peakObserved: Math.max(last!.peakObserved ?? 0, signal.observed) },
          })
          report.continued += 1
          continue
        }
        const evidence = await evidenceOf(payload, signal, parameters)
        const playbook = await playbookFor(payload, signal.level, signal.series)
        if (decision === 'escalate') {
          const escalated = await payload.update({
            collection: crisisAlertsSlug,
            id: last!.id,
            overrideAccess: true,
            data: {
              ...signalFields(signal),
              ...evidence,
              ...checklistWith(last!, playbook),
              escalatedAt: now.toISOString(),
              lastSignalAt: now.toISOString(),
              peakObserved: Math.max(last!.peakObserved ?? 0, signal.observed),
            },
          })
          await logAlert(payload, escalated, 'escalated', options.pseudonymKey)
          await payload.jobs.queue({ task: crisisAlertMailTask, queue: reportingQueue, input: { alertId: Number(escalated.id), event: 'escalated' } })
          report.escalated += 1
          continue
        }
        claims ??= await mythClaims(payload)
        const raised = await payload.create({
          collection: crisisAlertsSlug,
          overrideAccess: true,
          data: {
            ...signalFields(signal),
            ...evidence,
            series: signal.series,
            subject: seriesSubject(signal.series, claims),
            ...checklistWith(null, playbook),
            status: 'open',
            raisedAt: now.toISOString(),
            lastSignalAt: now.toISOString(),
            peakObserved: signal.observed,
          },
        })
        await logAlert(payload, raised, 'raised', options.pseudonymKey)
        await payload.jobs.queue({ task: crisisAlertMailTask, queue: reportingQueue, input: { alertId: Number(raised.id), event: 'raised' } })
        report.raised += 1
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [advisoryLocks.crisisWatch])
    }
  } finally {
    client.release()
  }
  return report
}

/** Every 10 minutes on the reporting queue. */
export function crisisWatchTaskConfig(options: { pseudonymKey?: string } = {}): TaskConfig {
  return {
    slug: crisisWatchTask,
    retries: 0,
    schedule: [{ cron: '*/10 * * * *', queue: reportingQueue }],
    outputSchema: [
      { name: 'signals', type: 'number' },
      { name: 'raised', type: 'number' },
      { name: 'escalated', type: 'number' },
      { name: 'continued', type: 'number' },
    ],
    handler: async ({ req }) => ({ output: await watchForCrises(req.payload, { pseudonymKey: options.pseudonymKey }) }),
  }
}
