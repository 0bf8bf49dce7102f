/**
 * Polling, where webhooks lose comments or do not exist: for each account connected through its
 * network's API, the comments of our recent posts are read back to the last poll (its cursor, with
 * an overlap) and stored like any other interaction; what only the poll found is counted per post.
 * Networks that list what is addressed to an account rather than a post's comments (X mentions)
 * are read once per account from the network's own cursor, kept in the key-value store, and, where
 * that read misses replies, our recent posts' conversations are searched after a cursor of their own.
 * An account the network is rate-limiting is skipped until its limit ends, the same budget the
 * publishing engine keeps; a revoked token marks it for reconnecting.
 */
import type { Payload, TaskConfig } from 'payload'

import { sqlPool } from '../../../src/infra/database'
import type { SqlClient } from '../../../src/infra/database'
import { inboundPollers } from '../networks/registry'
import type { Network } from '../networks/registry'
import { NetworkError } from '../networks/types'
import { accountsWithinBudget, stopsAccount, usableAccount } from '../publishing/account-budget'
import type { UsableAccount } from '../publishing/account-budget'
import { reasonText } from '../publishing/variant-state'
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

/** Where an account-wide read stopped (the network's cursor) and how the last one went, kept in Payload's key-value store. */
export type AccountPollState = {
  cursor: string | null
  /** Where the search of our posts' conversations stopped (X), and when that cursor last moved. */
  conversations?: { cursor: string; movedAt: string } | null
  lastPollAt: string
  lastError: string | null
}

const conversationCursorLifeMs = 6 * 24 * 3_600_000

export const accountPollStateKey = (network: Network, accountRemoteId: string) => `inbox-poll:${network}:${accountRemoteId}`

type PollSettings = InboxSettings & { actions: ActionSettings; lookbackDays: number }
/** The remote ids of the account's posts published in the last `days` days. */
async function recentPosts(db: SqlClient, account: UsableAccount, now: Date, days: number): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT remote_id FROM platform_variants
      WHERE network_account_id = $1 AND publication_state = 'published' AND remote_id IS NOT NULL
        AND published_at > $2::timestamptz - make_interval(days => $3)
      ORDER BY published_at DESC`,
    [account.id, now, days],
  )
  return rows.map((row) => String(row.remote_id))
}

/** Reads what was addressed to the account since its kept cursor; returns false when the account must stop. */
async function pollAccountActivity(payload: Payload, settings: PollSettings, account: UsableAccount, report: PollReport, now: Date): Promise<boolean> {
  const db = sqlPool(payload)
  const poller = inboundPollers[account.network]!
  const key = accountPollStateKey(account.network, account.accountId)
  const previous = await payload.kv.get<AccountPollState>(key)
  const since = previous ? new Date(new Date(previous.lastPollAt).getTime() - overlapMs) : new Date(now.getTime() - settings.lookbackDays * 86_400_000)
  try {
    const activity = await poller.accountActivity!(
      previous?.cursor ?? null,
      since,
      account.credentials,
      settings.actions.runtime.adapterContext(account.network),
    )
    const events = [...activity.events]
    let conversations = previous?.conversations ?? null
    if (poller.conversationActivity) {
      const posts = await recentPosts(db, account, now, settings.lookbackDays)
      // A cursor that has not moved for 6 days is about to leave the search's 7-day reach: start from `since` again.
      const cursor = conversations && now.getTime() - new Date(conversations.movedAt).getTime() < conversationCursorLifeMs ? conversations.cursor : null
      if (posts.length) {
        const context = settings.actions.runtime.adapterContext(account.network)
        const found = await poller.conversationActivity(posts, cursor, since, account.credentials, context)
        events.push(...found.events)
        if (found.cursor && found.cursor !== cursor) conversations = { cursor: found.cursor, movedAt: now.toISOString() }
      }
    }
    // A reply that names the account comes by both reads: stored once.
    for (const event of events) {
      if ((await ingestInboundEvent(payload, settings, event, 'poll')) === 'created') report.foundOnlyByPolling += 1
    }
    report.found += events.length
    await payload.kv.set(key, {
      cursor: activity.cursor ?? previous?.cursor ?? null,
      conversations,
      lastPollAt: now.toISOString(),
      lastError: null,
    } satisfies AccountPollState)
    return true
  } catch (error) {
    const stop = await stopsAccount(db, account, error, now)
    report.errors += 1
    // The cursor stays where it was: the next poll resumes from it.
    const reason = error instanceof NetworkError ? reasonText(error.reason) : null
    await payload.kv.set(key, {
      cursor: previous?.cursor ?? null,
      conversations: previous?.conversations ?? null,
      lastPollAt: previous?.lastPollAt ?? since.toISOString(),
      lastError: reason,
    } satisfies AccountPollState)
    return !stop
  }
}

/** Reads back each recent post's comments to its last poll; stops at the first error that stops the account. */
async function pollPostComments(payload: Payload, settings: PollSettings, account: UsableAccount, report: PollReport, now: Date): Promise<void> {
  const db = sqlPool(payload)
  const poller = inboundPollers[account.network]!
  const context = settings.actions.runtime.adapterContext(account.network)
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
      const events = await poller.commentsOn!(postRemoteId, since, account.credentials, context)
      let onlyHere = 0
      for (const event of events.reverse()) {
        if ((await ingestInboundEvent(payload, settings, event, 'poll')) === 'created') onlyHere += 1
      }
      report.found += events.length
      report.foundOnlyByPolling += onlyHere
      await recordPoll(db, account.network, account.accountId, postRemoteId, now, onlyHere, null)
    } catch (error) {
      const stop = await stopsAccount(db, account, error, now)
      report.errors += 1
      await recordPoll(db, account.network, account.accountId, postRemoteId, now, 0, reasonText((error as NetworkError).reason))
      if (stop) return
    }
  }
}

/** Polls every API account of a network Badil can poll; returns what it found. */
export async function pollInbox(payload: Payload, settings: PollSettings, now = new Date()): Promise<PollReport> {
  const db = sqlPool(payload)
  const report: PollReport = { accounts: 0, posts: 0, found: 0, foundOnlyByPolling: 0, errors: 0 }
  for (const id of await accountsWithinBudget(db, Object.keys(inboundPollers), now)) {
    const loaded = await usableAccount(payload, db, settings.actions.runtime, id, now)
    if (!loaded) continue
    const poller = inboundPollers[loaded.network]!
    report.accounts += 1
    if (poller.accountActivity && !(await pollAccountActivity(payload, settings, loaded, report, now))) continue
    if (poller.commentsOn) await pollPostComments(payload, settings, loaded, report, now)
  }
  return report
}

/** Every five minutes on the inbox queue, one run at a time across instances; then the silent accounts are checked. */
export function pollTaskConfig(settings: PollSettings): TaskConfig {
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
