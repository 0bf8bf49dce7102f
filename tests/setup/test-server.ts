import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Where the suites' databases live for this run; written by global setup, read by the suites. */
export type TestServerState = {
  /** URL of a maintenance database on the server, to create and drop the suites' databases. */
  adminUrl: string
  /** Migrated database every suite's database is copied from. */
  templateDatabase: string
  /** Set when global setup started an embedded server that teardown must stop. */
  embeddedDataDir?: string
}

export function testStateFile(): string {
  return path.join(os.tmpdir(), `badil-jest-${process.env.BADIL_TEST_RUN_ID ?? 'run'}.json`)
}

export function readTestServerState(): TestServerState {
  return JSON.parse(fs.readFileSync(testStateFile(), 'utf8')) as TestServerState
}

/** The URL of another database on the same server. */
export function databaseUrlOn(adminUrl: string, database: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}
