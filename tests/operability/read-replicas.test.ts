/**
 * Read replicas (issue 16): with DATABASE_READ_REPLICAS set, reports and Payload's reads go to a
 * replica; writes, claims and raw SQL that must see what was just written go to the primary.
 * The "replica" here is a second database made from the same migrated template (no replication:
 * the two drift apart on purpose, which shows which pool each query used).
 */
import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { reportDatabase } from '../../plugins/campaign-ops/reporting/kpi-queries'
import { readPool, replicaPools, sqlPool } from '../../src/infra/database'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { databaseUrlOn, readTestServerState } from '../setup/test-server'

const state = readTestServerState()
const replicaName = `badil_test_${process.env.BADIL_TEST_RUN_ID}_replica_${randomBytes(4).toString('hex')}`
let app: TestPayload

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: state.adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  await admin(`create database "${replicaName}" template "${state.templateDatabase}"`)
  app = await startTestPayload({ env: { DATABASE_READ_REPLICAS: databaseUrlOn(state.adminUrl, replicaName) } })
})

afterAll(async () => {
  await app?.close()
  await admin(`drop database if exists "${replicaName}" with (force)`)
})

const databaseOf = async (pool: { query(sql: string): Promise<{ rows: Record<string, unknown>[] }> }) =>
  String((await pool.query('SELECT current_database() AS name')).rows[0]!.name)

describe('read replicas', () => {
  it('reports read from the replica; raw SQL for writes and claims stays on the primary', async () => {
    expect(replicaPools(app.payload)).toHaveLength(1)
    expect(await databaseOf(readPool(app.payload))).toBe(replicaName)
    expect(await databaseOf(reportDatabase(app.payload))).toBe(replicaName)
    expect(await databaseOf(sqlPool(app.payload))).not.toBe(replicaName)
  })

  it('Payload writes to the primary, never to a replica', async () => {
    const theme = await app.payload.create({
      collection: 'themes',
      overrideAccess: true,
      data: { name: 'Réinsertion (réplique)', slug: 'reinsertion-replique' },
    })
    const count = async (pool: ReturnType<typeof sqlPool>) =>
      (await pool.query('SELECT count(*)::int AS n FROM themes WHERE slug = $1', ['reinsertion-replique'])).rows[0]!.n
    expect(await count(sqlPool(app.payload))).toBe(1)
    // No replication here: the replica never received it, so nothing was written there.
    expect(await count(readPool(app.payload))).toBe(0)
    expect(theme.id).toBeDefined()
  })

  it('closes the replica pools with Payload', async () => {
    const [replica] = replicaPools(app.payload)
    await app.restart()
    // An ended pool refuses every query.
    await expect(replica!.query('SELECT 1')).rejects.toThrow()
    expect(await databaseOf(readPool(app.payload))).toBe(replicaName)
  })
})
