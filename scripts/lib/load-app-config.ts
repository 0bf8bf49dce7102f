/**
 * Loads payload.config.ts for a script. When the config's module graph pulls Payload's rich-text
 * editor in through the TypeScript loader, its top-level awaits sometimes never settle (measured:
 * 6 stalls in 12 fresh processes); importing the editor on its own first made it 0 in 28. The
 * deadline and the exit guard stay so that a stall can only ever fail loudly, never pass silently.
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
    // Settle the editor's own top-level awaits before the config's graph imports it.
    await import('@payloadcms/richtext-lexical')
    return await import('../../payload.config')
  } finally {
    clearInterval(keepAlive)
    clearTimeout(deadline)
  }
}
