import { defaultModerationRules } from '../../plugins/campaign-ops'
import { activeEngine } from '../../plugins/campaign-ops/moderation/engine-cache'
import { verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { factLibrary } from '../../plugins/campaign-ops/moderation/fact-library'
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
      // Production seeds the shipped rules as proposals for NCSC, never active.
      const rules = await app.payload.find({ collection: 'moderation-rules', pagination: false, overrideAccess: true })
      expect(rules.totalDocs).toBe(defaultModerationRules.length)
      expect(new Set(rules.docs.map((rule) => rule.state))).toEqual(new Set(['proposed']))

      // A second start on the same database (a restart, a deploy) creates nothing again.
      const restarted = await app.restart()
      expect((await restarted.find({ collection: 'users', overrideAccess: true })).docs.map((user) => user.email)).toEqual(['chef@ncsc.ma'])
      expect((await restarted.count({ collection: 'moderation-rules', overrideAccess: true })).totalDocs).toBe(defaultModerationRules.length)
    } finally {
      await app.close()
    }
  })

  it('creates the demo accounts in development and keeps their credentials', async () => {
    const app = await startTestPayload({ config: { seed: 'demo' } })
    try {
      const credentials = readDemoCredentials(app.dataDirPath)
      expect(credentials?.accounts.map((account) => account.role).sort()).toEqual(['admin', 'analyst', 'cm', 'consultant', 'legal', 'ncsc'].sort())
      const login = await app.payload.login({
        collection: 'users',
        data: { email: 'admin@badil.local', password: credentials!.password },
      })
      expect(login.user?.role).toBe('admin')

      // The fact library in French and Arabic, and the shipped rules, active and linked to myths.
      const myth = await app.payload.find({ collection: 'myths', where: { key: { equals: 'impunity' } }, locale: 'ar', overrideAccess: true })
      expect(myth.docs[0]?.claim).toMatch(/إفلات/)
      expect((await app.payload.count({ collection: 'myths', overrideAccess: true })).totalDocs).toBe(factLibrary.length)
      const linked = await app.payload.count({ collection: 'moderation-rules', where: { myth: { exists: true } }, overrideAccess: true })
      expect(linked.totalDocs).toBe(defaultModerationRules.filter((rule) => rule.mythId).length)
      // Each shipped rule named in French (the default locale) and in Arabic.
      const namesIn = async (locale: 'fr' | 'ar') =>
        (
          await app.payload.find({
            collection: 'moderation-rules',
            pagination: false,
            locale,
            fallbackLocale: false,
            depth: 0,
            overrideAccess: true,
            sort: 'id',
          })
        ).docs.map((rule) => rule.name)
      const [french, arabic] = [await namesIn('fr'), await namesIn('ar')]
      const byFrenchName = (left: { fr?: string }, right: { fr?: string }) => (left.fr ?? '').localeCompare(right.fr ?? '')
      expect(french.map((fr, index) => ({ fr, ar: arabic[index] })).sort(byFrenchName)).toEqual(
        defaultModerationRules.map((rule) => ({ fr: rule.names?.fr, ar: rule.names?.ar })).sort(byFrenchName),
      )
      const engine = await activeEngine(app.payload, 0)
      expect(engine.ruleCount).toBe(defaultModerationRules.length)
      expect(engine.moderate({ text: 'ya 7maaar sir t9awd' }).action).toBe('hide')
      expect((await verifyModerationLog(app.payload)).ok).toBe(true)

      // Restarted: the same accounts, the same password, no second library or rule set.
      const restarted = await app.restart()
      expect(readDemoCredentials(app.dataDirPath)).toEqual(credentials)
      expect((await restarted.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(6)
      expect((await restarted.count({ collection: 'myths', overrideAccess: true })).totalDocs).toBe(factLibrary.length)
      expect((await restarted.count({ collection: 'moderation-rules', overrideAccess: true })).totalDocs).toBe(defaultModerationRules.length)
      expect((await verifyModerationLog(restarted)).ok).toBe(true)
    } finally {
      await app.close()
    }
  })
})
