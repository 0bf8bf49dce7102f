import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { getPayload } from 'payload'
import type { Payload, SanitizedConfig } from 'payload'

import { badilConfig } from '../../payload.config'
import type { BadilConfigOptions } from '../../payload.config'
import { closePayload } from '../../src/infra/database'
import { loadEnv } from '../../src/infra/env'
import { databaseUrlOn, readTestServerState } from '../setup/test-server'

export type TestPayload = {
  payload: Payload
  config: SanitizedConfig
  databaseUrl: string
  dataDirPath: string
  /** Stops Payload and boots it again on the same database and data folder, as a server restart does. */
  restart(): Promise<Payload>
  close(): Promise<void>
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * Boots Payload on a database of its own, copied from the migrated template (fast), with its own
 * data folder (mail drop, secrets). `close()` stops Payload and drops the database.
 */
export async function startTestPayload(
  options: {
    env?: Record<string, string>
    config?: Omit<BadilConfigOptions, 'env' | 'databaseUrl'>
    /** Start Payload's crons (the jobs' autoRun), as a web request does in Next.js; off by default. */
    cron?: boolean
  } = {},
): Promise<TestPayload> {
  const state = readTestServerState()
  const database = `badil_test_${process.env.BADIL_TEST_RUN_ID}_${randomBytes(5).toString('hex')}`
  await adminQuery(state.adminUrl, `create database "${database}" template "${state.templateDatabase}"`)
  const databaseUrl = databaseUrlOn(state.adminUrl, database)
  const dataDirPath = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-test-data-'))

  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: dataDirPath,
    MEDIA_DIR: path.join(dataDirPath, 'media'),
    ...options.env,
  })
  const config = await badilConfig({ seed: 'none', ...options.config, env, databaseUrl })
  const forgetCachedInstance = () => (globalThis as { _payload?: Map<string, unknown> })._payload?.delete('default')
  let payload: Payload
  try {
    payload = await getPayload({ config, cron: options.cron ?? false })
  } catch (error) {
    // A boot that fails (on purpose in some tests) leaves nothing behind: Payload would otherwise
    // skip onInit for the next boot of the file, taking it for the same instance.
    forgetCachedInstance()
    await adminQuery(state.adminUrl, `drop database if exists "${database}" with (force)`).catch(() => undefined)
    fs.rmSync(dataDirPath, { recursive: true, force: true })
    throw error
  }

  const app: TestPayload = {
    payload,
    config,
    databaseUrl,
    dataDirPath,
    restart: async () => {
      await closePayload(app.payload)
      forgetCachedInstance()
      app.config = await badilConfig({ seed: 'none', ...options.config, env, databaseUrl })
      app.payload = await getPayload({ config: app.config, cron: options.cron ?? false })
      return app.payload
    },
    close: async () => {
      await closePayload(app.payload)
      // getPayload caches the instance for the whole test file (Payload's own route handlers
      // find it there); forget it so the next suite-level boot gets a fresh one.
      forgetCachedInstance()
      await adminQuery(state.adminUrl, `drop database if exists "${database}" with (force)`)
      fs.rmSync(dataDirPath, { recursive: true, force: true })
    },
  }
  return app
}
