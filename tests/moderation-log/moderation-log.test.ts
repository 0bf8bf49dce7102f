import pg from 'pg'

import { appendModerationLog, purgeExpiredExcerpts, verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { verifyModerationLogTable } from '../../plugins/campaign-ops/moderation/verify-log-table'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import type { Role } from '../../src/domain/roles'

let app: TestPayload
let accounts: Record<Role, TestAccount>

async function sql(statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    return (await client.query(statement, values)).rows
  } finally {
    await client.end()
  }
}

/** Both verifiers — through Payload and straight from the table — must agree. */
async function verifyBoth() {
  const throughPayload = await verifyModerationLog(app.payload)
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const fromTable = await verifyModerationLogTable(client, 2)
    expect(fromTable).toEqual(throughPayload)
  } finally {
    await client.end()
  }
  return throughPayload
}

async function appendSample(count: number, startAt = new Date('2026-01-10T10:00:00Z')) {
  for (let index = 0; index < count; index += 1) {
    await appendModerationLog(app.payload, {
      kind: index % 2 === 0 ? 'decision' : 'hide',
      actor: index % 2 === 0 ? { type: 'rule' } : { type: 'user', userId: accounts.cm.id },
      ruleIds: ['default:hate-darija-insults'],
      category: 'hate',
      action: 'hide',
      platform: 'facebook',
      itemRef: `fb:post:${index}`,
      commenter: { platform: 'facebook', authorId: `1000${index}` },
      commentText: `Comment ${index}: appelle-moi au 06 12 34 56 78 ou écris à karim.b@example.ma @karim_b`,
      before: { visible: true, tags: ['a', 'b'] },
      after: { visible: false, reason: { rule: 'x', score: index } },
      occurredAt: new Date(startAt.getTime() + index * 60_000),
    })
  }
}

beforeEach(async () => {
  app = await startTestPayload()
  accounts = await createAccountPerRole(app.payload)
})

afterEach(async () => {
  await app?.close()
})

describe('moderation log', () => {
  it('chains rows, pseudonymizes commenters and redacts excerpts', async () => {
    await appendSample(5)
    const { docs } = await app.payload.find({ collection: 'moderation-log', sort: 'sequence', overrideAccess: true })
    expect(docs.map((doc) => doc.sequence)).toEqual([1, 2, 3, 4, 5])
    expect(docs[1].prevHash).toBe(docs[0].hash)
    expect(docs[0].commenterPseudonym).toMatch(/^[0-9a-f]{32}$/)
    expect(JSON.stringify(docs)).not.toContain('10000')
    expect(docs[0].excerpt).toContain('[phone]')
    expect(docs[0].excerpt).toContain('[email]')
    expect(docs[0].excerpt).not.toContain('karim')
    expect(await verifyBoth()).toEqual({ ok: true, checked: 5, problems: [] })
  })

  it('gives the same pseudonym to the same commenter and another to someone else', async () => {
    await appendSample(1)
    await appendModerationLog(app.payload, { kind: 'decision', actor: { type: 'rule' }, commenter: { platform: 'facebook', authorId: '10000' } })
    await appendModerationLog(app.payload, { kind: 'decision', actor: { type: 'rule' }, commenter: { platform: 'instagram', authorId: '10000' } })
    const { docs } = await app.payload.find({ collection: 'moderation-log', sort: 'sequence', overrideAccess: true })
    expect(docs[1].commenterPseudonym).toBe(docs[0].commenterPseudonym)
    expect(docs[2].commenterPseudonym).not.toBe(docs[0].commenterPseudonym)
  })

  it('detects a row edited directly in PostgreSQL', async () => {
    await appendSample(4)
    await sql("update moderation_log set action = 'flag' where sequence = 2")
    const result = await verifyBoth()
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([expect.objectContaining({ sequence: 2, problem: expect.stringMatching(/edited/) })])
  })

  it('detects an edited JSON state and an edited excerpt', async () => {
    await appendSample(3)
    await sql(`update moderation_log set "after" = '{"visible": true}' where sequence = 1`)
    await sql("update moderation_log set excerpt = 'something else' where sequence = 3")
    const problems = (await verifyBoth()).problems
    expect(problems.map((problem) => problem.sequence)).toEqual([1, 3])
  })

  it('detects a removed row', async () => {
    await appendSample(4)
    await sql('delete from moderation_log where sequence = 3')
    const result = await verifyBoth()
    expect(result.ok).toBe(false)
    expect(result.problems[0]).toMatchObject({ sequence: 4, problem: expect.stringMatching(/removed/) })
  })

  it('detects reordered rows', async () => {
    await appendSample(4)
    await sql('update moderation_log set sequence = -1 where sequence = 2')
    await sql('update moderation_log set sequence = 2 where sequence = 3')
    await sql('update moderation_log set sequence = 3 where sequence = -1')
    const result = await verifyBoth()
    expect(result.ok).toBe(false)
    expect(result.problems.some((problem) => /link broken/.test(problem.problem))).toBe(true)
  })

  it('is append-only for every role, admins included', async () => {
    await appendSample(1)
    const [row] = (await app.payload.find({ collection: 'moderation-log', overrideAccess: true })).docs
    for (const role of ['admin', 'ncsc', 'cm'] as Role[]) {
      const user = await app.payload.findByID({ collection: 'users', id: accounts[role].id })
      await expect(
        app.payload.update({ collection: 'moderation-log', id: row.id, data: { action: 'flag' }, overrideAccess: false, user }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(app.payload.delete({ collection: 'moderation-log', id: row.id, overrideAccess: false, user })).rejects.toMatchObject({
        status: 403,
      })
      await expect(
        app.payload.create({
          collection: 'moderation-log',
          data: { sequence: 99, kind: 'hide', actorType: 'user', occurredAt: new Date().toISOString(), prevHash: 'x', hash: 'y' },
          overrideAccess: false,
          user,
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
    expect(await verifyBoth()).toMatchObject({ ok: true, checked: 1 })
  })

  it('purges excerpts past the retention period, records it, and still verifies', async () => {
    await appendSample(3, new Date('2026-01-01T10:00:00Z'))
    await appendSample(1, new Date('2026-11-01T10:00:00Z'))
    const result = await purgeExpiredExcerpts(app.payload, { retentionDays: 180, now: new Date('2026-11-28T00:00:00Z') })
    expect(result).toEqual({ purged: 3, skipped: false })
    const { docs } = await app.payload.find({ collection: 'moderation-log', sort: 'sequence', overrideAccess: true })
    expect(docs.slice(0, 3).map((doc) => doc.excerpt ?? null)).toEqual([null, null, null])
    expect(docs[3].excerpt).toContain('Comment 0')
    expect(docs[4]).toMatchObject({ kind: 'retention_purge', actorType: 'system', after: expect.objectContaining({ purgedExcerpts: 3 }) })
    expect(await verifyBoth()).toEqual({ ok: true, checked: 5, problems: [] })
  })
})
