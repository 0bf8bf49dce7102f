import pg from 'pg'

import { appendModerationLog, purgeExpiredExcerpts, verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { verifyModerationLogTable } from '../../plugins/campaign-ops/moderation/verify-log-table'
import { checkpointModerationLog } from '../../plugins/campaign-ops/moderation/log-checkpoints'
import type { LogAnchor } from '../../plugins/campaign-ops/moderation/log-chain'
import { advisoryLocks } from '../../src/infra/locks'
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
async function verifyBoth(anchors?: LogAnchor[]) {
  const throughPayload = await verifyModerationLog(app.payload, { anchors })
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const fromTable = await verifyModerationLogTable(client, { pageSize: 2, anchors })
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

  it('detects its first row deleted', async () => {
    await appendSample(3)
    await sql('delete from moderation_log where sequence = 1')
    const result = await verifyBoth()
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      { sequence: 2, id: expect.any(Number), problem: 'expected sequence 1: a row was removed, inserted or reordered' },
      { sequence: 2, id: expect.any(Number), problem: 'previous-hash link broken: the row before it changed, moved or vanished' },
    ])
  })

  it('seals its end only when it grew since the last seal', async () => {
    expect(await checkpointModerationLog(app.payload)).toBeNull()
    await appendSample(2)
    const first = await checkpointModerationLog(app.payload, new Date('2026-01-10T11:07:00Z'))
    const [last] = (await app.payload.find({ collection: 'moderation-log', sort: '-sequence', limit: 1, overrideAccess: true })).docs
    expect(first).toMatchObject({ sequence: 2, hash: last!.hash, recordedAt: '2026-01-10T11:07:00.000Z' })
    expect(await checkpointModerationLog(app.payload)).toBeNull()
    await appendSample(1)
    expect(await checkpointModerationLog(app.payload)).toMatchObject({ sequence: 3 })
    expect((await app.payload.count({ collection: 'moderation-log-checkpoints', overrideAccess: true })).totalDocs).toBe(2)
    expect(await verifyBoth()).toEqual({ ok: true, checked: 3, problems: [] })
  })

  it('detects its last rows deleted, through the seal written apart', async () => {
    await appendSample(5)
    await checkpointModerationLog(app.payload, new Date('2026-01-10T11:07:00Z'))
    // Without a seal, deleting the tail leaves a chain that verifies: the reason seals exist.
    await sql('delete from moderation_log where sequence >= 4')
    const result = await verifyBoth()
    expect(result).toEqual({
      ok: false,
      checked: 3,
      problems: [
        {
          sequence: 5,
          id: null,
          problem: 'the log ends at row #3, but the seal of 2026-01-10T11:07:00.000Z saw row #5: its last rows were removed',
        },
      ],
    })
  })

  it('detects a tail deleted and written again, which the chain alone accepts', async () => {
    await appendSample(5)
    await checkpointModerationLog(app.payload, new Date('2026-01-10T11:07:00Z'))
    await sql('delete from moderation_log where sequence >= 4')
    await appendSample(2, new Date('2026-01-10T12:00:00Z'))
    const result = await verifyBoth()
    expect(result.checked).toBe(5)
    expect(result.problems).toEqual([
      {
        sequence: 5,
        id: expect.any(Number),
        problem: 'row #5 differs from what the seal of 2026-01-10T11:07:00.000Z saw: the log was rewritten from there on',
      },
    ])
  })

  it('detects the tail and the seals deleted together, given a seal copied out of Badil', async () => {
    await appendSample(4)
    const seal = (await checkpointModerationLog(app.payload))!
    await sql('delete from moderation_log where sequence >= 3')
    await sql('delete from moderation_log_checkpoints')
    expect(await verifyBoth()).toEqual({ ok: true, checked: 2, problems: [] })
    const anchor = { sequence: seal.sequence, hash: seal.hash, source: 'the anchor given' }
    expect((await verifyBoth([anchor])).problems).toEqual([
      { sequence: 4, id: null, problem: 'the log ends at row #2, but the anchor given saw row #4: its last rows were removed' },
    ])
  })

  it('keeps one unbroken chain when many appends arrive at once', async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        appendModerationLog(app.payload, { kind: 'decision', actor: { type: 'rule' }, itemRef: `concurrent:${index}`, category: 'spam', action: 'flag' }),
      ),
    )
    const { docs } = await app.payload.find({ collection: 'moderation-log', sort: 'sequence', pagination: false, overrideAccess: true })
    expect(docs.map((doc) => doc.sequence)).toEqual(Array.from({ length: 24 }, (_, index) => index + 1))
    expect(new Set(docs.map((doc) => doc.itemRef)).size).toBe(24)
    expect(await verifyBoth()).toEqual({ ok: true, checked: 24, problems: [] })
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

  it('skips a purge while another one runs, touching nothing', async () => {
    await appendSample(2, new Date('2026-01-01T10:00:00Z'))
    const other = new pg.Client({ connectionString: app.databaseUrl })
    await other.connect()
    try {
      await other.query('select pg_advisory_lock($1)', [advisoryLocks.moderationLogPurge])
      const result = await purgeExpiredExcerpts(app.payload, { retentionDays: 180, now: new Date('2026-11-28T00:00:00Z') })
      expect(result).toEqual({ purged: 0, skipped: true })
    } finally {
      await other.end()
    }
    const { docs } = await app.payload.find({ collection: 'moderation-log', sort: 'sequence', overrideAccess: true })
    expect(docs.map((doc) => [doc.kind, Boolean(doc.excerpt)])).toEqual([
      ['decision', true],
      ['hide', true],
    ])
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
