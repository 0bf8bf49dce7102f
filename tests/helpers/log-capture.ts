import type { Payload } from 'payload'

/**
 * Records every line handed to Payload's logger or the console while a suite runs, so that it can
 * check that no secret (token, app secret) ever reached the logs. Each call still goes through.
 */
export type LogCapture = { lines: string[]; restore(): void }

const loggerMethods = ['fatal', 'error', 'warn', 'info', 'debug', 'trace']
const consoleMethods = ['log', 'info', 'warn', 'error', 'debug']

/** A logged value as text, as fully as it can be written out (an error with its stack and fields). */
function logText(arg: unknown): string {
  if (typeof arg === 'string') return arg
  if (arg instanceof Error) return `${arg.message} ${arg.stack ?? ''} ${JSON.stringify(arg)}`
  try {
    // Errors inside logged objects ({ err }) with their message and stack, as the logger writes them.
    return JSON.stringify(arg, (_key, value: unknown) => (value instanceof Error ? { message: value.message, stack: value.stack } : value))
  } catch {
    return String(arg)
  }
}

export function captureLogs(payload: Payload): LogCapture {
  const lines: string[] = []
  const restores: Array<() => void> = []
  const wrap = (target: Record<string, unknown>, methods: string[]) => {
    for (const method of methods) {
      const original = target[method]
      if (typeof original !== 'function') continue
      target[method] = function (this: unknown, ...args: unknown[]) {
        lines.push(args.map(logText).join(' '))
        return (original as (...rest: unknown[]) => unknown).apply(this, args)
      }
      restores.push(() => {
        target[method] = original
      })
    }
  }
  wrap(payload.logger as unknown as Record<string, unknown>, loggerMethods)
  wrap(console as unknown as Record<string, unknown>, consoleMethods)
  return {
    lines,
    restore: () => {
      for (const restore of restores.reverse()) restore()
    },
  }
}
