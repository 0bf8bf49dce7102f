/**
 * `npm run moderation-log:verify`: walks the moderation log's hash chain and reports any row that
 * was edited, removed or reordered. Exit code 0 when intact, 1 when broken, 2 when it cannot run.
 */
import { verifyModerationLog } from '../plugins/campaign-ops/moderation/moderation-log'
import { markScriptFinished } from './lib/load-app-config'
import { withPayload } from './lib/with-payload'

try {
  const result = await withPayload((payload) => verifyModerationLog(payload), (line) => console.error(line))
  markScriptFinished()
  if (result.ok) {
    console.log(`✔ moderation log intact: ${result.checked} rows, hash chain verified`)
    process.exit(0)
  }
  console.log(`✖ moderation log tampered with: ${result.problems.length} problem(s) in ${result.checked} rows`)
  for (const problem of result.problems) console.log(`  row #${problem.sequence} (id ${problem.id}): ${problem.problem}`)
  process.exit(1)
} catch (error) {
  markScriptFinished()
  console.error(`✖ cannot verify the moderation log: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}
