import { readDemoCredentials } from '../../src/seed/initial-accounts'
import { startTestPayload } from '../helpers/payload'

describe('first start on an empty database', () => {
  it('creates the administrator from ADMIN_EMAIL/ADMIN_PASSWORD, once', async () => {
    const app = await startTestPayload({
      env: { ADMIN_EMAIL: 'chef@ncsc.ma', ADMIN_PASSWORD: 'a-very-long-admin-password' },
      config: { seed: 'admin' },
    })
    try {
      const { docs } = await app.payload.find({ collection: 'users', overrideAccess: true })
      expect(docs).toEqual([expect.objectContaining({ email: 'chef@ncsc.ma', role: 'admin' })])
      const login = await app.payload.login({
        collection: 'users',
        data: { email: 'chef@ncsc.ma', password: 'a-very-long-admin-password' },
      })
      expect(login.user?.role).toBe('admin')
    } finally {
      await app.close()
    }
  })

  it('creates the demo accounts in development and keeps their credentials', async () => {
    const app = await startTestPayload({ config: { seed: 'demo' } })
    try {
      const credentials = readDemoCredentials(app.dataDirPath)
      expect(credentials?.accounts.map((account) => account.role).sort()).toEqual(
        ['admin', 'analyst', 'cm', 'consultant', 'legal', 'ncsc'].sort(),
      )
      const login = await app.payload.login({
        collection: 'users',
        data: { email: 'admin@badil.local', password: credentials!.password },
      })
      expect(login.user?.role).toBe('admin')
    } finally {
      await app.close()
    }
  })
})
