/** Applies every committed migration to the database at DATABASE_URL (the suites' template). */
import { getPayload } from 'payload'

import { loadAppConfigModule, markScriptFinished } from '../../scripts/lib/load-app-config'
import { closePayload } from '../../src/infra/database'
import { loadEnv } from '../../src/infra/env'

const { badilConfig } = await loadAppConfigModule()
const payload = await getPayload({ config: badilConfig({ env: loadEnv({ ...process.env, NODE_ENV: 'test' }), seed: 'none' }) })
await closePayload(payload)
markScriptFinished()
