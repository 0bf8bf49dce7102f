/**
 * An account that stops hearing anything is more often a broken subscription or an expired
 * permission than a quiet public: when an account that usually receives at least a few
 * interactions a day has received none for a day, it is marked silent and NCSC and the community
 * managers are told once, by e-mail; it is cleared as soon as something arrives again.
 */
import type { Payload, TaskConfig } from 'payload'

import { mailStaff } from '../../../src/infra/staff-mail'
import { sqlPool } from '../../../src/infra/database'
import { networkLabels } from '../../../src/domain/networks'
import type { Network } from '../../../src/domain/networks'
import { pluginText } from '../translations'
import { inboxQueue } from './queue'

/** Below this many interactions a day, a silent day is ordinary (P(0) ≥ 5 % for a Poisson rate under 3). */
const minUsualPerDay = 3
const silentWindowHours = 24
const baselineDays = 14

export const silenceTask = 'notifyInboxSilence'

export type SilenceReport = { silent: number[]; cleared: number[] }

/** Marks the accounts that went silent and clears those that hear again; queues one e-mail per newly silent account. */
export async function checkSilentAccounts(payload: Payload, now = new Date()): Promise<SilenceReport> {
  const db = sqlPool(payload)
  const { rows } = await db.query(
    `SELECT a.id, a.inbox_silent_since,
            (SELECT count(*) FROM interactions i
              WHERE i.account_id = a.id AND i.received_at > $1::timestamptz - make_interval(days => $3)
                AND i.received_at <= $1::timestamptz - make_interval(hours => $2))::float / ($3 - $2 / 24.0) AS usual_per_day,
            (SELECT max(received_at) FROM interactions i WHERE i.account_id = a.id) AS last_at
       FROM network_accounts a WHERE a.connection = 'api'`,
    [now, silentWindowHours, baselineDays],
  )
  const report: SilenceReport = { silent: [], cleared: [] }
  const windowStart = new Date(now.getTime() - silentWindowHours * 3_600_000)
  for (const row of rows) {
    const id = Number(row.id)
    const lastAt = row.last_at ? new Date(row.last_at as string) : null
    const silent = Number(row.usual_per_day) >= minUsualPerDay && (!lastAt || lastAt < windowStart)
    if (silent && !row.inbox_silent_since) {
      await db.query(`UPDATE network_accounts SET inbox_silent_since = $2, updated_at = now() WHERE id = $1`, [id, lastAt ?? windowStart])
      await payload.jobs.queue({ task: silenceTask, queue: inboxQueue, input: { accountId: id } })
      report.silent.push(id)
    } else if (!silent && row.inbox_silent_since) {
      await db.query(`UPDATE network_accounts SET inbox_silent_since = NULL, updated_at = now() WHERE id = $1`, [id])
      report.cleared.push(id)
    }
  }
  return report
}

export const silenceTaskConfig: TaskConfig = {
  slug: silenceTask,
  retries: 5,
  inputSchema: [{ name: 'accountId', type: 'number', required: true }],
  outputSchema: [{ name: 'sent', type: 'number' }],
  handler: async ({ input, req }) => {
    const payload = req.payload
    const account = await payload.findByID({ collection: 'network-accounts', id: (input as { accountId: number }).accountId, depth: 0, overrideAccess: true })
    if (!account.inboxSilentSince) return { output: { sent: 0 } }
    const sent = await mailStaff(payload, {
      roles: ['ncsc', 'cm'],
      link: `${payload.config.serverURL}/admin/collections/inbox-sync`,
      onceKey: `inbox-silence:${account.id}:${account.inboxSilentSince}`,
      compose: (language) => {
        const since = new Intl.DateTimeFormat(language === 'ar' ? 'ar-MA' : language, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Africa/Casablanca',
        }).format(new Date(account.inboxSilentSince!))
        const vars = { name: account.name, network: networkLabels[account.network as Network], since }
        return {
          subject: pluginText('inboxSilence:subject', vars)[language],
          body: pluginText('inboxSilence:body', vars)[language],
          linkLabel: pluginText('inboxSilence:open')[language],
        }
      },
    })
    return { output: { sent } }
  },
}
