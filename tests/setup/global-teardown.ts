import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { readTestServerState, testStateFile } from './test-server'

/** The access matrix runs in parts (one per test file): their counts, added up once for the run. */
function reportAccessMatrix(): void {
  const prefix = `badil-matrix-${process.env.BADIL_TEST_RUN_ID ?? 'run'}-`
  const files = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
  if (files.length === 0) return
  const total = { cases: 0, allowed: 0, denied: 0 }
  for (const name of files) {
    const counts = JSON.parse(fs.readFileSync(path.join(os.tmpdir(), name), 'utf8')) as typeof total
    total.cases += counts.cases
    total.allowed += counts.allowed
    total.denied += counts.denied
    fs.rmSync(path.join(os.tmpdir(), name), { force: true })
  }
  process.stdout.write(`\naccess matrix: ${total.cases} cases, ${total.allowed} allowed, ${total.denied} denied (${files.length} parts)\n`)
}

export default async function globalTeardown(): Promise<void> {
  reportAccessMatrix()
  const state = readTestServerState()
  // Suites drop their own databases; this catches those of a suite that crashed.
  const client = new pg.Client({ connectionString: state.adminUrl })
  await client.connect()
  try {
    const leftovers = await client.query('select datname from pg_database where datname like $1', [`badil_test_${process.env.BADIL_TEST_RUN_ID}_%`])
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
