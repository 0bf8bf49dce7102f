import { callNetwork } from '../http'
import { readGraphResponse } from './errors'
import type { AccountCredentials, AdapterContext } from '../types'

/** One Graph API call of the Facebook Page and Instagram adapters (same host, same errors). */
export type GraphCall = {
  method?: 'GET' | 'POST' | 'DELETE'
  query?: Record<string, string>
  body?: URLSearchParams | FormData
  /** A JSON body instead (the Send API takes nested objects: `recipient`, `message`). */
  json?: Record<string, unknown>
  /** Whether a lost answer leaves a visible effect of unknown state (see callNetwork). */
  sideEffect: boolean
  /** Video bytes may go to a separate host (graph-video.facebook.com). */
  upload?: boolean
}

export async function graph<T>(context: AdapterContext, account: AccountCredentials, path: string, call: GraphCall): Promise<T> {
  const base = (call.upload ? (context.uploadBaseUrl ?? context.baseUrl) : context.baseUrl).replace(/\/+$/, '')
  const url = new URL(`${base}/${path}`)
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value)
  const response = await callNetwork(context, url.toString(), {
    method: call.method ?? 'GET',
    headers: { Authorization: `Bearer ${account.accessToken}`, ...(call.json ? { 'content-type': 'application/json' } : {}) },
    body: call.json ? JSON.stringify(call.json) : call.body,
    sideEffect: call.sideEffect,
  })
  return readGraphResponse<T>(response, context.now(), call.sideEffect)
}
