import { NetworkError } from '../../plugins/campaign-ops/networks/types'
import type { AdapterContext, PublishMedia } from '../../plugins/campaign-ops/networks/types'

/**
 * What the adapter tests share: a context on a fake network whose waits are recorded instead of
 * slept, media made in memory, and the NetworkError a call ends with.
 */

// Generous for calls that get an answer (the test machine is shared and loaded); the tests that
// expect no answer shorten it so they stay quick.
export const answeredTimeoutMs = 10_000
export const unansweredTimeoutMs = 1000

/** A context on a fake at the fixed time `now`; `sleep` records each delay in `sleeps` and returns at once. */
export function recordingContext(options: { baseUrl: string; uploadBaseUrl?: string; now: Date; sleeps: number[] }): AdapterContext {
  return {
    baseUrl: options.baseUrl,
    ...(options.uploadBaseUrl ? { uploadBaseUrl: options.uploadBaseUrl } : {}),
    fetch: globalThis.fetch,
    timeoutMs: answeredTimeoutMs,
    sleep: async (ms) => {
      options.sleeps.push(ms)
    },
    now: () => options.now,
  }
}

/** `size` bytes of a repeating pattern, as a file of this kind and type. */
export function mediaOfSize(kind: PublishMedia['kind'], mimeType: string, size: number, altText: string | null = null): PublishMedia {
  const bytes = new Uint8Array(size).map((_, index) => index % 251)
  return { kind, mimeType, filename: `${kind}-${size}`, sizeBytes: size, altText, read: async () => bytes }
}

/** The requests a fake recorded with this method and path (exact pathname or pattern). */
export function requestsMatching<R extends { method: string; path: string }>(requests: R[], method: string, path: string | RegExp): R[] {
  return requests.filter((request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)))
}

/** The NetworkError the call failed with; the test fails if it succeeded or threw something else. */
export async function networkFailure(promise: Promise<unknown>): Promise<NetworkError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(NetworkError)
  return error as NetworkError
}
