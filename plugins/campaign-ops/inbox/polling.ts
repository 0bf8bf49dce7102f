/**
 * Polling, where webhooks lose comments or do not exist: for each account connected through its
 * network's API, the comments of our recent posts are read back to the last poll (its cursor, with
 * an overlap) and stored like any other interaction; what only the poll found is counted per post.
 * An account the network is rate-limiting is skipped until its limit ends, the same budget the
 * publishing engine keeps; a revoked token marks it for reconnecting.
 */
import type { Payload, TaskConfig } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import type { SqlClient } from '../../../src/infra/database'
import { inboundPollers } from '../networks/registry'
import type { Network } from '../networks/registry'
import { NetworkError } from '../networks/types'
import { loadAccount } from '../publishing/account-credentials'
import { markAccountNeedsReconnect, markAccountRateLimited, reasonText } from '../publishing/variant-state'
import { ingestInboundEvent } from './ingest'
import type { InboxSettings } from './ingest'
import type { ActionSettings } from './network-actions'
import { inboxQueue } from './queue'
import { checkSilentAccounts } from './silence'

export const pollTask = 'pollInboundComments'

/** Read back this far before the last poll: comments the network indexes late are still found. */
const overlapMs = 10 * 60_000

export type PollReport = { accounts: number; posts: number; found: number; foundOnlyByPolling: number; errors: number }

/** Records that a webhook event reached this post, for its sync health. */
export async function noteWebhookEvent(db: SqlClient, network: Network, accountRemoteId: string, postRemoteId: string): Promise<void> {
  await db.query(
    `INSERT INTO inbox_sync (network, account_remote_id, post_remote_id, last_webhook_at, found_only_by_polling, updated_at, created_at)
     VALUES ($1, $2, $3, now(), 0, now(), now())
     ON CONFLICT (network, account_remote_id, post_remote_id) DO UPDATE SET last_webhook_at = now(), updated_at = now()`,
    [network, accountRemoteId, postRemoteId],
  )
}

async function recordPoll(db: SqlClient, network: Network, accountRemoteId: string, postRemoteId: string, at: Date, found: number, error: string | null) {
  await db.query(
    `INSERT INTO inbox_sync (network, account_remote_id, post_remote_id, last_poll_at, found_only_by_polling, last_poll_error, updated_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, now(), now())
     ON CONFLICT (network, account_remote_id, post_remote_id) DO UPDATE
       SET last_poll_at = CASE WHEN $6::text IS NULL THEN $4 ELSE inbox_sync.last_poll_at END,
           found_only_by_polling = inbox_sync.found_only_by_polling + $5, last_poll_error = $6, updated_at = now()`,
    [network, accountRemoteId, postRemoteId, at, found, error],
  )
}

/** Polls every API account of a network Badil can poll; returns what it found. */
export async function pollInbox(
  payload: Payload,
  settings: InboxSettings & { actions: ActionSettings; lookbackDays: number },
  now = new Date(),
): Promise<PollReport> {
  const db = sqlPool(payload)
  const report: PollReport = { accounts: 0, posts: 0, found: 0, foundOnlyByPolling: 0, errors: 0 }
  const pollable = Object.keys(inboundPollers)
  const { rows: accounts } = await db.query(
    `SELECT id FROM network_accounts
      WHERE connection = 'api' AND network = ANY($1) AND status <> 'needs_reconnect'
        AND (rate_limited_until IS NULL OR rate_limited_until <= $2)
      ORDER BY id`,
    [pollable, now],
  )
  for (const { id } of accounts) {
    const account = await loadAccount(db, settings.actions.runtime.cipher, Number(id))
    if (!account?.credentials) continue
    const poller = inboundPollers[account.network]!
    const context = settings.actions.runtime.adapterContext(account.network)
    report.accounts += 1
    const { rows: posts } = await db.query(
      `SELECT v.remote_id, v.published_at, s.last_poll_at
         FROM platform_variants v
         LEFT JOIN inbox_sync s ON s.network = $2 AND s.account_remote_id = $3 AND s.post_remote_id = v.remote_id
        WHERE v.network_account_id = $1 AND v.publication_state = 'published' AND v.remote_id IS NOT NULL
          AND v.published_at > $4::timestamptz - make_interval(days => $5)
        ORDER BY v.published_at DESC`,
      [account.id, account.network, account.accountId, now, settings.lookbackDays],
    )
    for (const post of posts) {
      const postRemoteId = String(post.remote_id)
      const lastPoll = post.last_poll_at ? new Date(post.last_poll_at as string) : null
      const since = lastPoll ? new Date(lastPoll.getTime() - overlapMs) : new Date(post.published_at as string)
      report.posts += 1
      try {
        const events = await poller.commentsOn(postRemoteId, since, account.credentials, context)
        let onlyHere = 0
        for (const event of events.reverse()) {
          if ((await ingestInboundEvent(payload, settings, event, 'poll')) === 'created') onlyHere += 1
        }
        report.found += events.length
        report.foundOnlyByPolling += onlyHere
        await recordPoll(db, account.network, account.accountId, postRemoteId, now, onlyHere, null)
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error
        report.errors += 1
        await recordPoll(db, account.network, account.accountId, postRemoteId, now, 0, reasonText(error.reason))
        if (error.kind === 'rate_limited') {
          await markAccountRateLimited(db, account.id, error.retryAt ?? new Date(now.getTime() + 15 * 60_000), reasonText(error.reason))
          break
        }
        if (error.kind === 'auth') {
          await markAccountNeedsReconnect(db, account.id, reasonText(error.reason))
          break
        }
      }
    }
  }
  return report
}

/** Every five minutes on the inbox queue, one run at a time across instances; then the silent accounts are checked. */
export function pollTaskConfig(settings: InboxSettings & { actions: ActionSettings; lookbackDays: number }): TaskConfig {
  return {
    slug: pollTask,
    retries: 0,
    schedule: [{ cron: '*/5 * * * *', queue: inboxQueue }],
    outputSchema: [
      { name: 'accounts', type: 'number' },
      { name: 'posts', type: 'number' },
      { name: 'found', type: 'number' },
      { name: 'foundOnlyByPolling', type: 'number' },
      { name: 'errors', type: 'number' },
    ],
    handler: async ({ req }) => {
      const report = await pollInbox(req.payload, settings)
      // After the poll, which may have brought the comments a silent account was missing.
      await checkSilentAccounts(req.payload)
      return { output: report }
    },
  }
}
