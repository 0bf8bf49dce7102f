/**
 * Waits until `check` holds, trying every `intervalMs`, and fails naming `what` after `timeoutMs`.
 * Tests wait on the condition they need rather than sleep a fixed time: a loaded machine makes
 * them slower, never wrong.
 */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
