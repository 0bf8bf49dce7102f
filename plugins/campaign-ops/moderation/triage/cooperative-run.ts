/**
 * Long computations (training a model on tens of thousands of comments) are written as generators
 * that pause now and then: a script runs them straight through, a server runs them in slices so
 * that it keeps answering requests while it trains.
 */

export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** Runs the steps, giving the event loop a turn whenever a slice has taken `sliceMs`. */
export async function runCooperatively<T>(steps: Generator<void, T>, sliceMs = 10): Promise<T> {
  let sliceStarted = performance.now()
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    if (performance.now() - sliceStarted >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStarted = performance.now()
    }
  }
}
