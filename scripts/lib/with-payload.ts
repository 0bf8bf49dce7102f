import fs from 'node:fs'

import { getPayload } from 'payload'
import type { Payload } from 'payload'

import { openAppDatabase } from '../../src/infra/app-database'
import { closePayload } from '../../src/infra/database'
import { loadEnv } from '../../src/infra/env'
import { loadAppConfigModule } from './load-app-config'

/**
 * Runs a one-off task against the app's database (DATABASE_URL or the embedded server) with a
 * Payload instance that schedules nothing and seeds nothing, then closes everything.
 */
export async function withPayload<T>(task: (payload: Payload) => Promise<T>, log: (line: string) => void = () => undefined): Promise<T> {
  if (fs.existsSync('.env')) process.loadEnvFile('.env')
  const env = loadEnv()
  const database = await openAppDatabase(env, log)
  try {
    const { badilConfig } = await loadAppConfigModule()
    const config = await badilConfig({ env, databaseUrl: database.url, seed: 'none', runScheduledJobs: false })
    const payload = await getPayload({ config })
    try {
      return await task(payload)
    } finally {
      await closePayload(payload)
    }
  } finally {
    await database.close()
  }
}
