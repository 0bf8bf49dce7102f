/**
 * Loads payload.config.ts for a script. Importing Payload's rich-text editor sometimes leaves a
 * top-level await pending with nothing in the event loop, and Node then exits 0 without a word
 * (seen with Payload's own CLI). A timer keeps the loop alive while the import settles, and a
 * script that still ends early says so and fails instead of passing silently.
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
