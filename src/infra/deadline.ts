/**
 * Waits for `work` at most `ms`: its value when it settled in time, `late` otherwise (the work goes
 * on; nothing cancels it). The timer is cleared as soon as the work settles.
 */
export const late = Symbol('late')

export async function beforeDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof late> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<typeof late>((resolve) => {
    timer = setTimeout(() => resolve(late), Math.max(0, ms))
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}
