/**
 * `npm run moderation-log:verify`: walks the moderation log's hash chain in PostgreSQL and reports
 * any row that was edited, removed or reordered. It reads the table directly (no app boot).
 * Exit code 0 when intact, 1 when broken, 2 when it cannot run.
 */
import fs from 'node:fs'

import pg from 'pg'

import { verifyModerationLogTable } from '../plugins/campaign-ops/moderation/verify-log-table'
import { openAppDatabase } from '../src/infra/app-database'
import { loadEnv } from '../src/infra/env'

try {
  if (fs.existsSync('.env')) process.loadEnvFile('.env')
  const database = await openAppDatabase(loadEnv(), (line) => console.error(line))
  const client = new pg.Client({ connectionString: database.url })
  let result
  try {
    await client.connect()
    result = await verifyModerationLogTable(client)
  } finally {
    await client.end().catch(() => undefined)
    await database.close()
  }
  if (result.ok) {
    console.log(`✔ moderation log intact: ${result.checked} rows, hash chain verified`)
    process.exit(0)
  }
  console.log(`✖ moderation log tampered with: ${result.problems.length} problem(s) in ${result.checked} rows`)
  for (const problem of result.problems) console.log(`  row #${problem.sequence} (id ${problem.id}): ${problem.problem}`)
  process.exit(1)
} catch (error) {
  console.error(`✖ cannot verify the moderation log: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}
