/**
 * `npm run moderation-log:verify [-- --anchor <row>:<hash> ...]`: walks the moderation log's hash
 * chain in PostgreSQL and reports any row that was edited, removed or reordered, then checks its
 * end against the seals Badil wrote apart and against each `--anchor` copied out of Badil (a seal
 * from a report or an auditor's note), which shows last rows removed even with the seals gone.
 * It reads the tables directly (no app boot). Exit code 0 when intact, 1 when broken, 2 when it
 * cannot run.
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { parseAnchor } from '../plugins/campaign-ops/moderation/log-chain'
import type { LogAnchor } from '../plugins/campaign-ops/moderation/log-chain'
import { verifyModerationLogTable } from '../plugins/campaign-ops/moderation/verify-log-table'
import { openAppDatabase } from '../src/infra/app-database'
import { loadEnv } from '../src/infra/env'

const usage = 'usage: npm run moderation-log:verify [-- --anchor <row number>:<64 hex hash> ...]'

let anchors: LogAnchor[]
try {
  const { values } = parseArgs({ options: { anchor: { type: 'string', multiple: true } }, strict: true, allowPositionals: false })
  anchors = (values.anchor ?? []).map((text) => {
    const anchor = parseAnchor(text, `the anchor ${text.split(':')[0]} given`)
    if (!anchor) throw new Error(`"${text}" is not an anchor: expected <row number>:<64 hex hash>`)
    return anchor
  })
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}\n${usage}`)
  process.exit(2)
}

try {
  if (fs.existsSync('.env')) process.loadEnvFile('.env')
  const database = await openAppDatabase(loadEnv(), (line) => console.error(line))
  const client = new pg.Client({ connectionString: database.url })
  let result
  try {
    await client.connect()
    result = await verifyModerationLogTable(client, { anchors })
  } finally {
    await client.end().catch(() => undefined)
    await database.close()
  }
  if (result.ok) {
    const checkedAnchors = anchors.length ? `, ${anchors.length} anchor(s) matched` : ''
    console.log(`✔ moderation log intact: ${result.checked} rows, hash chain and seals verified${checkedAnchors}`)
    process.exit(0)
  }
  console.log(`✖ moderation log tampered with: ${result.problems.length} problem(s) in ${result.checked} rows`)
  for (const problem of result.problems) console.log(`  row #${problem.sequence}${problem.id === null ? '' : ` (id ${problem.id})`}: ${problem.problem}`)
  process.exit(1)
} catch (error) {
  console.error(`✖ cannot verify the moderation log: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}
