import fs from 'node:fs'

import pg from 'pg'

import { readTestServerState, testStateFile } from './test-server'

export default async function globalTeardown(): Promise<void> {
  const state = readTestServerState()
  // Suites drop their own databases; this catches those of a suite that crashed.
  const client = new pg.Client({ connectionString: state.adminUrl })
  await client.connect()
  try {
    const leftovers = await client.query('select datname from pg_database where datname like $1', [
      `badil_test_${process.env.BADIL_TEST_RUN_ID}_%`,
    ])
    for (const row of leftovers.rows as { datname: string }[]) {
      await client.query(`drop database if exists "${row.datname}" with (force)`)
    }
  } finally {
    await client.end()
  }
  if (globalThis.__badilEmbeddedTestServer) {
    await globalThis.__badilEmbeddedTestServer.stop()
    if (state.embeddedDataDir) fs.rmSync(state.embeddedDataDir, { recursive: true, force: true })
  }
  fs.rmSync(testStateFile(), { force: true })
}
