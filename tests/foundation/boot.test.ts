import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let app: TestPayload

beforeAll(async () => {
  app = await startTestPayload()
})

afterAll(async () => {
  await app?.close()
})

describe('boot', () => {
  it('boots on a migrated database with every committed migration recorded', async () => {
    const { docs } = await app.payload.find({ collection: 'payload-migrations', overrideAccess: true, limit: 0 })
    expect(docs.map((doc) => doc.name)).toContain('20261128_110403_initial')
    expect(await app.payload.count({ collection: 'users', overrideAccess: true })).toEqual({ totalDocs: 0 })
  })
})
