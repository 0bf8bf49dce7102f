/**
 * One budget per network account, shared by everything Badil asks a network for (publishing,
 * inbox polls, metrics pulls): an account the network is rate-limiting is left alone until its
 * limit ends, one whose token was revoked waits for a person to reconnect it, and a short-lived
 * token is renewed before it is used.
 */
import type { Payload } from 'payload'

import type { SqlClient } from '../../../src/infra/database'
import { NetworkError } from '../networks/types'
import type { AccountCredentials } from '../networks/types'
import { loadAccount } from './account-credentials'
import type { AccountRecord } from './account-credentials'
import { refreshAccountIfExpiring, refreshWindowMs } from './oauth-endpoints'
import type { PublishingRuntime } from './runtime'
import { markAccountNeedsReconnect, markAccountRateLimited, reasonText } from './variant-state'

export type UsableAccount = AccountRecord & { credentials: AccountCredentials }

/** API accounts of these networks that may be asked now: not rate-limited, not waiting for a reconnection. */
export async function accountsWithinBudget(db: SqlClient, networks: readonly string[], now: Date): Promise<number[]> {
  const { rows } = await db.query(
    `SELECT id FROM network_accounts
      WHERE connection = 'api' AND network = ANY($1) AND status <> 'needs_reconnect'
        AND (rate_limited_until IS NULL OR rate_limited_until <= $2)
      ORDER BY id`,
    [networks, now],
  )
  return rows.map((row) => Number(row.id))
}

/**
 * The account with its credentials, its token renewed first when about to expire (X's last 2 h:
 * an account that has not published for a while would otherwise be asked with a dead token);
 * null when it cannot be used.
 */
export async function usableAccount(payload: Payload, db: SqlClient, runtime: PublishingRuntime, id: number, now: Date): Promise<UsableAccount | null> {
  let account = await loadAccount(db, runtime.cipher, id)
  if (account?.tokenExpiresAt && account.tokenExpiresAt.getTime() - now.getTime() < refreshWindowMs) {
    await refreshAccountIfExpiring(payload, account.id, runtime.cipher, runtime.oauth, { now: () => now })
    account = await loadAccount(db, runtime.cipher, account.id)
  }
  if (!account?.credentials || account.status === 'needs_reconnect') return null
  return { ...account, credentials: account.credentials }
}

/**
 * What a network error means for the rest of this account's work: a rate limit or a revoked token
 * stops it (and is recorded on the account, for everything that shares its budget); anything else
 * concerns only the one request. Errors that are not the network's are bugs and propagate.
 */
export async function stopsAccount(db: SqlClient, account: { id: number }, error: unknown, now: Date): Promise<boolean> {
  if (!(error instanceof NetworkError)) throw error
  if (error.kind === 'rate_limited') {
    await markAccountRateLimited(db, account.id, error.retryAt ?? new Date(now.getTime() + 15 * 60_000), reasonText(error.reason))
    return true
  }
  if (error.kind === 'auth') {
    await markAccountNeedsReconnect(db, account.id, reasonText(error.reason))
    return true
  }
  return false
}
