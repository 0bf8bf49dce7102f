/**
 * A production database never opens to its first visitor as an administrator: without
 * ADMIN_EMAIL/ADMIN_PASSWORD, an empty database stops the start with the reason (hole 11 of
 * issue 10). Its own file: each case boots Payload on a database of its own.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { missingFirstAdminMessage, seedInitialAccounts } from '../../src/seed/initial-accounts'
import { startTestPayload } from '../helpers/payload'
import { databaseUrlOn, readTestServerState } from '../setup/test-server'

describe('hole 11: production never lets the first visitor become administrator', () => {
  it('refuses to initialise an empty database without ADMIN_EMAIL/ADMIN_PASSWORD when a first admin is required', async () => {
    await expect(startTestPayload({ config: { seed: 'admin', requireFirstAdmin: true } })).rejects.toThrow(missingFirstAdminMessage)
  })

  it('creates the administrator from the environment, and starts normally once accounts exist', async () => {
    const app = await startTestPayload({
      env: { ADMIN_EMAIL: 'premier@ncsc.ma', ADMIN_PASSWORD: 'a-long-first-admin-password' },
      config: { seed: 'admin', requireFirstAdmin: true },
    })
    try {
      expect((await app.payload.find({ collection: 'users', overrideAccess: true })).docs).toEqual([
        expect.objectContaining({ email: 'premier@ncsc.ma', role: 'admin' }),
      ])
      // Later starts without the variables: accounts exist, nothing to refuse.
      await expect(seedInitialAccounts(app.payload, { mode: 'admin', dataDirPath: app.dataDirPath, requireFirstAdmin: true })).resolves.toBeUndefined()
    } finally {
      await app.close()
    }
  })

  it('`npm start` stops with the reason before serving anything, on an empty database', async () => {
    const state = readTestServerState()
    const database = `badil_test_${process.env.BADIL_TEST_RUN_ID}_first_admin_${randomBytes(3).toString('hex')}`
    const admin = new pg.Client({ connectionString: state.adminUrl })
    await admin.connect()
    await admin.query(`create database "${database}"`)
    try {
      const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/serve.ts', 'start'], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrlOn(state.adminUrl, database),
          PAYLOAD_SECRET: randomBytes(32).toString('hex'),
          NETWORK_TOKEN_KEY: randomBytes(32).toString('hex'),
          ADMIN_EMAIL: '',
          ADMIN_PASSWORD: '',
          PORT: '3989',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += String(chunk)))
      child.stderr.on('data', (chunk) => (output += String(chunk)))
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
      expect(code).toBe(1)
      expect(output).toContain('ADMIN_EMAIL and ADMIN_PASSWORD')
      expect(output).not.toMatch(/Ready in|started server/i)
    } finally {
      await admin.query(`drop database if exists "${database}" with (force)`)
      await admin.end()
    }
  }, 90_000)
})
