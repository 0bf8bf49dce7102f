'use client'
import { useEffect, useState } from 'react'

import { callApi } from './publishing-client'
import type { Id } from './publishing-client'
import type { Account, AccountInfo } from './variant-panel-rules'

/**
 * The account the scheduler will use: the chosen one, or the network's only account (with how
 * many the network has, when it is not one). Asked only for those who may act.
 */
export function useVariantAccount(api: string, canAct: boolean, network: string | undefined, accountId: Id | null): AccountInfo {
  const [accountInfo, setAccountInfo] = useState<AccountInfo>(null)
  useEffect(() => {
    if (!canAct || !network) return
    const controller = new AbortController()
    const url =
      accountId !== null
        ? `${api}/network-accounts/${accountId}?depth=0`
        : `${api}/network-accounts?where[network][equals]=${encodeURIComponent(network)}&depth=0&limit=2`
    callApi<Account | { docs: Account[]; totalDocs: number }>(url, { signal: controller.signal })
      .then((result) => {
        if (!result.ok) return setAccountInfo(null)
        if ('docs' in result.body) {
          const { docs, totalDocs } = result.body
          setAccountInfo({ account: totalDocs === 1 ? (docs[0] ?? null) : null, isDefault: true, candidates: totalDocs })
        } else {
          setAccountInfo({ account: result.body, isDefault: false, candidates: 1 })
        }
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [api, canAct, network, accountId])
  return accountInfo
}
