import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { getPayload } from 'payload'
import type { Payload } from 'payload'

import { closePayload } from '../../src/infra/database'
import { startEmbeddedPostgres } from '../../src/infra/embedded-postgres'
import { loadEnv } from '../../src/infra/env'
import { loadAppConfigModule, markScriptFinished } from '../../scripts/lib/load-app-config'

/**
 * Payload on a throwaway database (a new one on DATABASE_URL's server, or a temporary embedded
 * server) with a temporary media folder, so a benchmark never touches the app's data.
 */
export async function startBenchPayload(
  options: { env?: Record<string, string> } = {},
): Promise<{ payload: Payload; mediaDir: string; databaseUrl: string; dataDir: string; close(): Promise<void> }> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-bench-'))
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDirPath: path.join(workDir, 'data') })
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl
  const database = `badil_bench_${randomBytes(4).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }
  await admin(`create database "${database}"`)
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  const mediaDir = path.join(workDir, 'media')
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', DATA_DIR: path.join(workDir, 'data'), MEDIA_DIR: mediaDir, LOG_LEVEL: 'fatal', ...options.env })
  // The editor is imported before the config, as in every script (see load-app-config).
  const { badilConfig } = await loadAppConfigModule()
  const payload = await getPayload({ config: badilConfig({ env, databaseUrl: url.toString(), seed: 'none', runScheduledJobs: false }) })
  return {
    payload,
    mediaDir,
    databaseUrl: url.toString(),
    dataDir: workDir,
    close: async () => {
      await closePayload(payload)
      await admin(`drop database if exists "${database}" with (force)`)
      await embedded?.stop()
      fs.rmSync(workDir, { recursive: true, force: true })
      markScriptFinished()
    },
  }
}
