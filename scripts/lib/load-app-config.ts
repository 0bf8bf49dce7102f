/**
 * Loads payload.config.ts for a script run through scripts/run-ts.mjs (which keeps Lexical's
 * top-level-await wrappers out of the module graph: they were what stalled loading). The deadline
 * and the exit guard stay so that a stall can only ever fail loudly, never pass silently.
 */
let finished = false

process.on('exit', (code) => {
  if (!finished && code === 0) {
    process.stderr.write('✖ the script ended before it finished (an import never settled); nothing was done\n')
    process.exitCode = 3
  }
})

export function markScriptFinished(): void {
  finished = true
}

export async function loadAppConfigModule(
  timeoutMs = Number(process.env.BADIL_CONFIG_LOAD_TIMEOUT_MS) || 120_000,
): Promise<typeof import('../../payload.config')> {
  const keepAlive = setInterval(() => undefined, 1000)
  const deadline = setTimeout(() => {
    process.stderr.write(`✖ loading the Badil configuration did not finish within ${timeoutMs / 1000} s\n`)
    process.exit(3)
  }, timeoutMs)
  try {
    return await import('../../payload.config')
  } finally {
    clearInterval(keepAlive)
    clearTimeout(deadline)
  }
}
