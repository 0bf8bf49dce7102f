import fs from 'node:fs'
import path from 'node:path'

import { advisoryLocks, advisoryLockSpaces } from '../../src/infra/locks'

/** Every source file of the app and the plugin. */
function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : []
  })
}

describe('advisory locks', () => {
  it('gives every use a key of its own', () => {
    const keys = Object.values(advisoryLocks)
    const spaces = Object.values(advisoryLockSpaces)
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(spaces).size).toBe(spaces.length)
  })

  it('takes every lock by a name from src/infra/locks.ts, never by a number written elsewhere', () => {
    const literal = /pg_(?:try_)?advisory_(?:xact_)?(?:un)?lock(?:_shared)?\(\s*\d/
    const offenders = ['src', 'plugins', 'collections', 'scripts']
      .flatMap((directory) => sourceFiles(directory))
      .filter((file) => literal.test(fs.readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })
})
