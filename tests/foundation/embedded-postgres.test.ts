import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { assertDatabaseReachable, DatabaseUnreachableError } from '../../src/infra/database'
import { startEmbeddedPostgres } from '../../src/infra/embedded-postgres'

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

describe('embedded PostgreSQL', () => {
  const dataDirPath = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-embedded-'))

  afterAll(() => {
    fs.rmSync(dataDirPath, { recursive: true, force: true })
  })

  it('starts, keeps data across a restart, and stops', async () => {
    const first = await startEmbeddedPostgres({ dataDirPath })
    expect(first.url).toMatch(/^postgres:\/\/badil:.+@127\.0\.0\.1:\d+\/badil$/)
    await query(first.url, "create table kept (value text); insert into kept values ('survives')")
    await first.stop()
    await expect(assertDatabaseReachable(first.url, 2000)).rejects.toBeInstanceOf(DatabaseUnreachableError)

    const second = await startEmbeddedPostgres({ dataDirPath })
    try {
      expect(second.port).toBe(first.port)
      expect(await query(second.url, 'select value from kept')).toEqual([{ value: 'survives' }])
      expect(fs.existsSync(path.join(dataDirPath, 'postgres', 'postmaster.pid'))).toBe(true)
    } finally {
      await second.stop()
    }
    expect(fs.existsSync(path.join(dataDirPath, 'postgres', 'postmaster.pid'))).toBe(false)
  }, 120_000)
})

describe('an unreachable configured server', () => {
  it('gets a clear message naming host, port and what to check', async () => {
    const error = await assertDatabaseReachable('postgres://badil@127.0.0.1:1/badil', 2000).catch((caught) => caught)
    expect(error).toBeInstanceOf(DatabaseUnreachableError)
    expect(error.message).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(database "badil", user "badil"\)/)
    expect(error.message).toMatch(/DATABASE_URL/)
  })
})
