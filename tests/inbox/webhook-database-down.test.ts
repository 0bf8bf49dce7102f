/**
 * A Meta delivery that cannot be stored because PostgreSQL is unreachable is answered 503, so Meta
 * delivers it again; once the database is back, the retry is stored once, and the server kept
 * running throughout.
 */
import { jest } from '@jest/globals'
import pg from 'pg'

import { FAKE_PAGE_ID } from '../networks/fakes/meta-graph-fake'
import { pageDelivery, sendMetaDelivery } from '../networks/fakes/meta-webhook-sender'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { readTestServerState } from '../setup/test-server'

jest.setTimeout(60_000)

const appSecret = 'meta-app-secret-for-tests-0123456789'
let app: TestPayload
let http: TestHttpServer

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: readTestServerState().adminUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const databaseName = () => new URL(app.databaseUrl).pathname.slice(1)

beforeAll(async () => {
  app = await startTestPayload({ config: { inbox: { meta: { appSecret }, processOnArrival: false } } })
  http = await startHttpServer(app.config)
})

afterAll(async () => {
  await admin(`alter database "${databaseName()}" with allow_connections true`).catch(() => undefined)
  await http?.close()
  await app?.close()
})

it('answers 503 while the database is down, and stores the retried delivery once when it is back', async () => {
  const url = `${http.baseUrl}/api/inbox/webhooks/meta`
  const time = Math.floor(Date.now() / 1000)
  const delivery = pageDelivery(FAKE_PAGE_ID, time, [
    {
      verb: 'add',
      commentId: `${FAKE_PAGE_ID}_9001`,
      postId: `${FAKE_PAGE_ID}_42`,
      message: 'Pendant la panne',
      from: { id: '77', name: 'Nadia' },
      createdTime: time,
    },
  ])

  // Down: no new connection accepted, and every open one cut.
  await admin(`alter database "${databaseName()}" with allow_connections false`)
  await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName()}' and pid <> pg_backend_pid()`)
  const during = await sendMetaDelivery(url, delivery, appSecret)
  expect(during.status).toBe(503)
  expect(JSON.parse(during.text).errors[0]).toMatchObject({ code: 'unavailable' })

  // Back: Meta's retry of the same bytes is stored, once.
  await admin(`alter database "${databaseName()}" with allow_connections true`)
  const retried = await sendMetaDelivery(url, delivery, appSecret)
  expect(retried).toEqual({ status: 200, text: 'EVENT_RECEIVED' })
  expect(await sendMetaDelivery(url, delivery, appSecret)).toEqual({ status: 200, text: 'EVENT_RECEIVED' })
  expect((await app.payload.count({ collection: 'inbound-deliveries', overrideAccess: true })).totalDocs).toBe(1)
})
