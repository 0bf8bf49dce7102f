/**
 * The walkthroughs' side of tests/e2e/fake-networks.ts: its control port (FAKE_NETWORKS_URL),
 * and the network accounts that use the fakes' tokens on the running Badil.
 */
import { check } from './check'
import { api } from './rest'

export const fakeNetworksUrl = process.env.FAKE_NETWORKS_URL ?? 'http://127.0.0.1:3924'

/** A call to the fakes' control port; anything but 2xx fails the walkthrough. */
export async function fakeNetworks<T>(pathname: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${fakeNetworksUrl}${pathname}`, {
    method: init.method ?? 'GET',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'Content-Type': 'application/json' } } : {}),
  }).catch((error: unknown) => {
    throw new Error(`the fake networks do not answer on ${fakeNetworksUrl} (start tests/e2e/fake-networks.ts): ${String(error)}`)
  })
  check(response.ok, `${init.method ?? 'GET'} ${fakeNetworksUrl}${pathname}: HTTP ${response.status} ${await response.clone().text()}`)
  return (await response.json()) as T
}

export type FakeNetwork = 'facebook' | 'x' | 'linkedin'

/** The account each fake accepts, pasted as a token (re-pasted when a previous run created it); answers its id. */
export async function ensureFakeAccount(adminToken: string, network: FakeNetwork, account: { accountId: string; accessToken: string }): Promise<number> {
  const found = await api(`/api/network-accounts?where[network][equals]=${network}&where[accountId][equals]=${encodeURIComponent(account.accountId)}&depth=0`, {
    token: adminToken,
  })
  const data = { network, connection: 'api', name: `Badil ${network} (fake)`, accountId: account.accountId, accessToken: account.accessToken }
  if (found.totalDocs > 0) {
    return (await api(`/api/network-accounts/${found.docs[0].id}`, { method: 'PATCH', token: adminToken, body: JSON.stringify(data) })).doc.id as number
  }
  return (await api('/api/network-accounts', { method: 'POST', token: adminToken, body: JSON.stringify(data) })).doc.id as number
}
