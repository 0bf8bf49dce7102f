import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { startEmbeddedPostgres } from '../../src/infra/embedded-postgres'
import type { EmbeddedDatabase } from '../../src/infra/embedded-postgres'
import { databaseUrlOn, testStateFile } from './test-server'
import type { TestServerState } from './test-server'

declare global {
  var __badilEmbeddedTestServer: EmbeddedDatabase | undefined
}

/** The template's name changes with the migrations, so a stale template is never reused. */
function templateName(): string {
  const hash = createHash('sha256')
  const dir = path.resolve('migrations')
  for (const file of fs.readdirSync(dir).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)))
  return `badil_template_${hash.digest('hex').slice(0, 12)}`
}

async function prepareTemplate(adminUrl: string): Promise<string> {
  const template = templateName()
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const existing = await client.query('select datname from pg_database where datname like $1', ['badil_template_%'])
    const names = existing.rows.map((row: { datname: string }) => row.datname)
    for (const stale of names.filter((name) => name !== template)) {
      await client.query(`drop database if exists "${stale}" with (force)`)
    }
    if (names.includes(template)) return template

    // Built under a temporary name and renamed when complete: an interrupted run leaves no
    // half-migrated template behind.
    const building = `${template}_building_${process.pid}`
    await client.query(`drop database if exists "${building}" with (force)`)
    await client.query(`create database "${building}"`)
    // Should loading the config ever stall again (see scripts/lib/load-app-config.ts), the script
    // fails within a minute and a second attempt starts a fresh process.
    for (let attempt = 1; ; attempt += 1) {
      try {
        execFileSync(process.execPath, ['scripts/run-ts.mjs', 'tests/setup/migrate-template.ts'], {
          env: { ...process.env, DATABASE_URL: databaseUrlOn(adminUrl, building), LOG_LEVEL: 'warn', BADIL_CONFIG_LOAD_TIMEOUT_MS: '60000' },
          stdio: 'inherit',
        })
        break
      } catch (error) {
        if (attempt >= 2) throw error
        await client.query(`drop database if exists "${building}" with (force)`)
        await client.query(`create database "${building}"`)
      }
    }
    await client.query(`alter database "${building}" rename to "${template}"`)
    return template
  } finally {
    await client.end()
  }
}

export default async function globalSetup(): Promise<void> {
  process.env.BADIL_TEST_RUN_ID ??= String(process.pid)
  process.env.PAYLOAD_SECRET ??= 'badil-test-secret-not-for-production-0000'
  // Refused operations are expected in tests; Payload would log each one as an error.
  process.env.LOG_LEVEL ??= 'fatal'

  const state: Partial<TestServerState> = {}
  if (process.env.DATABASE_URL) {
    state.adminUrl = process.env.DATABASE_URL
  } else {
    const dataDirPath = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-test-pg-'))
    const server = await startEmbeddedPostgres({ dataDirPath })
    globalThis.__badilEmbeddedTestServer = server
    state.adminUrl = server.adminUrl
    state.embeddedDataDir = dataDirPath
  }
  state.templateDatabase = await prepareTemplate(state.adminUrl)
  fs.writeFileSync(testStateFile(), JSON.stringify(state))
}
