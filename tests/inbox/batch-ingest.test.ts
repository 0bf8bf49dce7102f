import type { Payload } from 'payload'

import { processDeliveries, storeDelivery } from '../../plugins/campaign-ops/inbox/deliveries'
import { defaultSlaMinutes } from '../../plugins/campaign-ops/inbox/ingest'
import { verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { seedModerationLibrary } from '../../plugins/campaign-ops/moderation/seed-library'
import { sqlPool } from '../../src/infra/database'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { FAKE_PAGE_ID } from '../networks/fakes/meta-graph-fake'
import { metaJson, pageDelivery } from '../networks/fakes/meta-webhook-sender'
import type { PageCommentChange } from '../networks/fakes/meta-webhook-sender'

const settings = { variantsSlug: 'platform-variants', slaMinutes: defaultSlaMinutes }
const postId = `${FAKE_PAGE_ID}_700800900`
const texts = ['Bonne initiative, merci', 'Encore une loi pour les riches', 'واش هادشي بصح؟', 'Comment faire une demande ?']

let app: TestPayload
let payload: Payload

beforeAll(async () => {
  app = await startTestPayload({ config: { inbox: { processOnArrival: false } } })
  payload = app.payload
  await seedModerationLibrary(payload, { activateRules: true })
  await payload.create({
    collection: 'network-accounts',
    overrideAccess: true,
    data: { network: 'facebook', connection: 'manual', name: 'Page Badil', accountId: FAKE_PAGE_ID },
  })
})

afterAll(async () => {
  await app?.close()
})

const store = (body: unknown) => storeDelivery(payload, 'meta', new TextEncoder().encode(metaJson(body)), body)

const comment = (prefix: string, index: number, time: number, verb: PageCommentChange['verb'] = 'add', message?: string): PageCommentChange => ({
  verb,
  commentId: `${prefix}_${index}`,
  postId,
  message: message ?? texts[index % texts.length],
  createdTime: time,
  from: { id: `author-${index % 37}`, name: `Auteur ${index % 37}` },
})

async function countRows(sql: string, values: unknown[]): Promise<number> {
  const { rows } = await sqlPool(payload).query(sql, values)
  return Number(rows[0]!.n)
}

const interactionCount = (prefix: string) => countRows(`SELECT count(*) AS n FROM interactions WHERE remote_id LIKE $1`, [`${prefix}\\_%`])
const decisionCount = (prefix: string) =>
  countRows(
    `SELECT count(*) AS n FROM moderation_log l JOIN interactions i ON l.item_ref = 'interactions/' || i.id
      WHERE l.kind = 'decision' AND i.remote_id LIKE $1`,
    [`${prefix}\\_%`],
  )

describe('webhook deliveries read in batches', () => {
  it('a burst of 300 deliveries: each comment stored, moderated and logged once, retries and repeats changing nothing, a later edit applied', async () => {
    const time = 1765100000
    const bodies = Array.from({ length: 300 }, (_, index) =>
      pageDelivery(FAKE_PAGE_ID, time + index, [comment('burst', 2 * index, time + index), comment('burst', 2 * index + 1, time + index)]),
    )
    for (const body of bodies) expect(await store(body)).toBe(true)
    // Meta retrying 20 deliveries: the same bytes, stored once.
    for (const body of bodies.slice(0, 20)) expect(await store(body)).toBe(false)
    // Another delivery announcing 10 of the same comments again, and an edit of comment 7.
    expect(
      await store(
        pageDelivery(
          FAKE_PAGE_ID,
          time + 400,
          Array.from({ length: 10 }, (_, index) => comment('burst', index, time)),
        ),
      ),
    ).toBe(true)
    expect(await store(pageDelivery(FAKE_PAGE_ID, time + 500, [comment('burst', 7, time + 500, 'edited', 'Texte corrigé après coup')]))).toBe(true)

    const report = await processDeliveries(payload, settings, 500)
    expect(report).toEqual({ deliveries: 302, events: 611, failed: 0 })
    expect(await interactionCount('burst')).toBe(600)
    // 600 first decisions and the edit's.
    expect(await decisionCount('burst')).toBe(601)

    const { docs } = await payload.find({
      collection: 'interactions',
      where: { remoteId: { in: ['burst_1', 'burst_2', 'burst_7'] } },
      sort: 'remoteId',
      overrideAccess: true,
      depth: 0,
    })
    const [misconception, darija, edited] = docs
    expect(misconception).toMatchObject({ network: 'facebook', kind: 'comment', status: 'new', language: 'fr', arrivedBy: 'webhook', postRemoteId: postId })
    expect(misconception!.account).toEqual(expect.any(Number))
    expect(misconception!.authorPseudonym).toMatch(/\S/)
    expect(misconception!.authorHandle).toBe('Auteur 1')
    expect(misconception!.moderation).toMatchObject({ flagged: true, category: 'misinformation' })
    expect(misconception!.slaDueAt).toEqual(expect.any(String))
    expect(darija!.language).toBe('ary_arabic')
    expect(edited!.text).toBe('Texte corrigé après coup')
    expect((await verifyModerationLog(payload)).ok).toBe(true)
  })

  it('two instances reading deliveries that name the same comments store each one once', async () => {
    const time = 1765200000
    for (let copy = 0; copy < 2; copy += 1) {
      for (let index = 0; index < 100; index += 1) {
        expect(
          await store(pageDelivery(FAKE_PAGE_ID, time + copy * 1000 + index, [comment('twice', 2 * index, time), comment('twice', 2 * index + 1, time)])),
        ).toBe(true)
      }
    }
    const reports = await Promise.all([processDeliveries(payload, settings, 100), processDeliveries(payload, settings, 100)])
    expect(reports.map((report) => report.failed)).toEqual([0, 0])
    expect(reports[0]!.deliveries + reports[1]!.deliveries).toBe(200)
    expect(await interactionCount('twice')).toBe(200)
    expect(await decisionCount('twice')).toBe(200)
    expect((await verifyModerationLog(payload)).ok).toBe(true)
  })

  it('deliveries arriving together are stored together, each told whether it was new, a retry among them stored once', async () => {
    const time = 1765400000
    const bodies = Array.from({ length: 250 }, (_, index) => pageDelivery(FAKE_PAGE_ID, time + index, [comment('together', index, time)]))
    const before = await countRows(`SELECT count(*) AS n FROM inbound_deliveries`, [])
    // 250 deliveries at once, and Meta retrying the first 50 while they are being stored.
    const answers = await Promise.all([...bodies, ...bodies.slice(0, 50)].map((body) => store(body)))
    expect(answers.slice(0, 250).every(Boolean)).toBe(true)
    expect(answers.slice(250).some(Boolean)).toBe(false)
    expect(await countRows(`SELECT count(*) AS n FROM inbound_deliveries`, [])).toBe(before + 250)
    expect(await processDeliveries(payload, settings, 500)).toEqual({ deliveries: 250, events: 250, failed: 0 })
    expect(await interactionCount('together')).toBe(250)
  })

  it('a delivery that cannot be read keeps its error; the rest of its batch is stored', async () => {
    const time = 1765300000
    expect(await store(pageDelivery(FAKE_PAGE_ID, time, [comment('mixed', 1, time)]))).toBe(true)
    const unreadable = { object: 'page', entry: 'not a list' }
    expect(await store(unreadable)).toBe(true)
    expect(await store(pageDelivery(FAKE_PAGE_ID, time + 1, [comment('mixed', 2, time + 1)]))).toBe(true)
    const report = await processDeliveries(payload, settings, 500)
    expect(report).toEqual({ deliveries: 2, events: 2, failed: 1 })
    expect(await interactionCount('mixed')).toBe(2)
    const { rows } = await sqlPool(payload).query(`SELECT last_error, processed_at FROM inbound_deliveries WHERE body = $1::jsonb`, [
      JSON.stringify(unreadable),
    ])
    expect(rows).toEqual([{ last_error: expect.stringMatching(/\S/), processed_at: null }])
  })
})
