/**
 * When the campaign first answered an item is kept on the item: from a reply sent from Badil, or
 * from the campaign's own reply on the network, whichever came first and whichever was stored
 * first (a poll can find the answer before the comment).
 */
import pg from 'pg'

import { recordFirstAnswers, recordReplySent } from '../../plugins/campaign-ops/inbox/first-answer'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let app: TestPayload
let db: pg.Client

beforeAll(async () => {
  app = await startTestPayload()
  db = new pg.Client({ connectionString: app.databaseUrl })
  await db.connect()
})

afterAll(async () => {
  await db?.end()
  await app?.close()
})

async function store(remoteId: string, options: { own?: boolean; parent?: string; createdAt?: string } = {}): Promise<number> {
  const { rows } = await db.query(
    `INSERT INTO interactions (network, account_remote_id, kind, remote_id, parent_remote_id, from_account_itself, received_at, remote_created_at, status)
     VALUES ('facebook', 'page-1', $1, $2, $3, $4, now(), $5, 'new') RETURNING id`,
    [options.own ? 'reply' : 'comment', remoteId, options.parent ?? null, options.own ?? false, options.createdAt ?? null],
  )
  const id = Number(rows[0].id)
  await recordFirstAnswers(db, [id])
  return id
}

const firstAnswer = async (id: number) =>
  (await db.query(`SELECT first_answered_at FROM interactions WHERE id = $1`, [id])).rows[0].first_answered_at as Date | null

describe('the first answer of an item', () => {
  it('comes from the account’s own reply on the network, stored after the comment', async () => {
    const comment = await store('c-1')
    expect(await firstAnswer(comment)).toBeNull()
    await store('r-1', { own: true, parent: 'c-1', createdAt: '2026-11-03T15:00:00Z' })
    expect((await firstAnswer(comment))?.toISOString()).toBe('2026-11-03T15:00:00.000Z')
  })

  it('comes from the account’s own reply stored before the comment', async () => {
    await store('r-2', { own: true, parent: 'c-2', createdAt: '2026-11-04T09:00:00Z' })
    const comment = await store('c-2')
    expect((await firstAnswer(comment))?.toISOString()).toBe('2026-11-04T09:00:00.000Z')
  })

  it('keeps the earliest of a reply sent from Badil and one posted on the network; the account’s own replies have none', async () => {
    const comment = await store('c-3')
    await recordReplySent(db, comment, '2026-11-05T12:00:00.000Z')
    const own = await store('r-3', { own: true, parent: 'c-3', createdAt: '2026-11-05T10:00:00Z' })
    await recordReplySent(db, comment, '2026-11-05T13:00:00.000Z')
    expect((await firstAnswer(comment))?.toISOString()).toBe('2026-11-05T10:00:00.000Z')
    expect(await firstAnswer(own)).toBeNull()
  })
})
