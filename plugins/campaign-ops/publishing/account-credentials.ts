import type { SqlClient } from '../../../src/infra/database'
import type { Network } from '../networks/registry'
import type { AccountCredentials } from '../networks/types'
import { tokenPurpose } from './network-accounts-collection'
import { TokenDecryptionError } from './token-crypto'
import type { TokenCipher } from './token-crypto'

export type AccountRecord = {
  id: number
  network: Network
  connection: 'api' | 'manual'
  name: string
  accountId: string
  status: string
  tokenExpiresAt: Date | null
  credentials: AccountCredentials | null
  /** Sealed with another key (NETWORK_TOKEN_KEY changed) or tampered with: reconnect the account. */
  tokenUnreadable: boolean
}

function openTokens(
  cipher: TokenCipher,
  accountId: string,
  accessSealed: string | null,
  refreshSealed: string | null,
): Pick<AccountRecord, 'credentials' | 'tokenUnreadable'> {
  if (!accessSealed) return { credentials: null, tokenUnreadable: false }
  try {
    return {
      credentials: {
        accountId,
        accessToken: cipher.decrypt(accessSealed, tokenPurpose.access),
        refreshToken: refreshSealed ? cipher.decrypt(refreshSealed, tokenPurpose.refresh) : null,
      },
      tokenUnreadable: false,
    }
  } catch (error) {
    if (error instanceof TokenDecryptionError) return { credentials: null, tokenUnreadable: true }
    throw error
  }
}

/**
 * Reads an account with its tokens opened, for the one call that needs them. The sealed columns
 * are hidden from every API; this is the only reader, and what it returns is never logged.
 */
export async function loadAccount(db: SqlClient, cipher: TokenCipher, id: number): Promise<AccountRecord | null> {
  const { rows } = await db.query(
    `SELECT id, network, connection, name, account_id, status, token_expires_at, access_token_sealed, refresh_token_sealed
       FROM network_accounts WHERE id = $1`,
    [id],
  )
  const row = rows[0]
  if (!row) return null
  const accessSealed = row.access_token_sealed as string | null
  const refreshSealed = row.refresh_token_sealed as string | null
  return {
    id: Number(row.id),
    network: row.network as Network,
    connection: row.connection as 'api' | 'manual',
    name: String(row.name),
    accountId: String(row.account_id),
    status: String(row.status ?? 'ok'),
    tokenExpiresAt: row.token_expires_at ? new Date(row.token_expires_at as string) : null,
    ...openTokens(cipher, String(row.account_id), accessSealed, refreshSealed),
  }
}
