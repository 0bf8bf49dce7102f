/**
 * Runs one of the project's scripts as `npm run` does (scripts/run-ts.mjs, the project's Node),
 * with extra environment and standard input when given, and answers its exit code and output
 * whether it succeeded or not.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'

export type ScriptRun = { code: number; stdout: string; stderr: string }

export function runScript(
  file: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.resolve('scripts/run-ts.mjs'), file, ...args],
      { env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 45_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
    child.stdin?.end(options.input ?? '')
  })
}
