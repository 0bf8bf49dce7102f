/**
 * One Badil web instance as its own process, for the several-instances test: Payload with its
 * crons (jobs, schedules, the publishing scheduler unless PUBLISHING_SCHEDULER=false) and the same
 * REST and GraphQL handlers Next.js mounts, on 127.0.0.1:PORT (0: any free port). BADIL_SERVER=true
 * makes SIGTERM stop it the production way (not ready, drain, stop claiming, close, exit).
 * Prints `web instance ready <url>` once it answers.
 */
import { getPayload } from 'payload'

import { loadEnv } from '../../src/infra/env'
import { loadAppConfigModule, markScriptFinished } from '../../scripts/lib/load-app-config'
import { startHttpServer } from '../helpers/http-server'

const env = loadEnv()
const { badilConfig } = await loadAppConfigModule()
// Its scheduler looks every second (10 s in production), so that it competes with the worker for each variant.
const config = await badilConfig({
  env,
  seed: 'none',
  runScheduledJobs: true,
  publishing: { scheduler: { cron: '* * * * * *', instanceId: process.env.INSTANCE_NAME } },
})
const payload = await getPayload({ config, cron: true })
const server = await startHttpServer(config, { port: env.PORT === 3000 ? 0 : env.PORT })
markScriptFinished()
payload.logger.info(`web instance ready ${server.baseUrl}`)
process.stdout.write(`web instance ready ${server.baseUrl}\n`)
