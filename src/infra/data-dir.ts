import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { isBuildPhase } from './env'
import type { Env } from './env'

/** Absolute path of the local data folder (embedded database, dev secret, mail drop). */
export function dataDir(env: Pick<Env, 'DATA_DIR'>): string {
  return path.resolve(process.cwd(), env.DATA_DIR)
}

/**
 * PAYLOAD_SECRET from the environment, or — outside production — one generated once and kept in
 * the data folder, so sessions survive restarts without anyone having to invent a secret.
 */
export function resolvePayloadSecret(env: Pick<Env, 'DATA_DIR' | 'NODE_ENV' | 'PAYLOAD_SECRET' | 'NEXT_PHASE'>): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  // `next build` reads the config but signs nothing; the real secret is given at `npm start`.
  if (isBuildPhase(env)) return 'next-build-phase-placeholder-never-used-to-sign'
  if (env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET is required in production')
  }
  const secretFile = path.join(dataDir(env), 'payload-secret')
  try {
    const existing = fs.readFileSync(secretFile, 'utf8').trim()
    if (existing.length >= 32) return existing
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(path.dirname(secretFile), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  // 'wx' fails if another process wrote the file meanwhile; then its secret wins.
  try {
    fs.writeFileSync(secretFile, secret + '\n', { flag: 'wx', mode: 0o600 })
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(secretFile, 'utf8').trim()
    throw error
  }
}
