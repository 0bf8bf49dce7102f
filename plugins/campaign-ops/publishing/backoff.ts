/**
 * When to try a retryable failure again: exponential from `baseMs`, capped at `maxMs`, with full
 * jitter so instances that failed together do not come back together — and never earlier than the
 * network asked (Retry-After, reset or usage headers).
 */
export function nextRetryAt(options: { attempt: number; now: Date; baseMs: number; maxMs: number; networkRetryAt?: Date; random?: () => number }): Date {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, options.attempt - 1))
  const jittered = exponential / 2 + (options.random ?? Math.random)() * (exponential / 2)
  const ours = options.now.getTime() + jittered
  const theirs = options.networkRetryAt?.getTime() ?? 0
  return new Date(Math.max(ours, theirs))
}
