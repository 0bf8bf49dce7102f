/**
 * An app with the shipped rules active, one account per role signed in over HTTP, the fake Meta
 * Graph API with a Page connected through its API, and webhooks delivered to the app: what the
 * inbox suites share. Deliveries are read by the test (`comment`), not on arrival.
 */
import pg from 'pg'
import type { Payload } from 'payload'

import { drainDeliveries } from '../../plugins/campaign-ops/inbox/deliveries'
import { defaultSlaMinutes } from '../../plugins/campaign-ops/inbox/ingest'
import type { InboxSettings } from '../../plugins/campaign-ops/inbox/ingest'
import { seedModerationLibrary } from '../../plugins/campaign-ops/moderation/seed-library'
import { createPublishingRuntime } from '../../plugins/campaign-ops/publishing/runtime'
import { createTokenCipher } from '../../plugins/campaign-ops/publishing/token-crypto'
import type { Interaction, ModerationLog } from '../../payload-types'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { FAKE_PAGE_ID, FAKE_TOKEN, startMetaGraphFake } from '../networks/fakes/meta-graph-fake'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { testTokenKey } from '../publishing/publishing-fixtures'

export const inboxAppSecret = 'meta-app-secret-for-inbox-0123456789'
export const ourPostId = `${FAKE_PAGE_ID}_900300400`

export type InboxApp = {
  app: TestPayload
  payload: Payload
  http: TestHttpServer
  meta: MetaGraphFake
  accounts: Record<Role, TestAccount>
  settings: InboxSettings
  api(role: Role, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>
  /** A person comments on our post; the delivery is read into the inbox. */
  comment(message: string, author?: { id: string; name: string }): Promise<{ commentId: string; interaction: Interaction }>
  /** The Page's network account. */
  pageAccount: number
  /** One of our posts, published `ago` ms ago (on the Page unless said), with this id on the network. */
  publishPost(remoteId: string, options?: { ago?: number; platform?: string; account?: number }): Promise<number>
  /** The moderation log's rows about one interaction, oldest first. */
  logOf(id: number | string): Promise<ModerationLog[]>
  close(): Promise<void>
}

export async function startInboxApp(): Promise<InboxApp> {
  const meta = await startMetaGraphFake()
  const app = await startTestPayload({
    env: { FACEBOOK_GRAPH_URL: meta.baseUrl, INSTAGRAM_GRAPH_URL: meta.baseUrl, NETWORK_TOKEN_KEY: testTokenKey },
    config: { inbox: { meta: { appSecret: inboxAppSecret }, processOnArrival: false } },
  })
  const payload = app.payload
  await seedModerationLibrary(payload, { activateRules: true })
  const accounts = await createAccountPerRole(payload)
  const http = await startHttpServer(app.config)
  const tokens = {} as Record<Role, string>
  for (const role of ['admin', 'ncsc', 'cm', 'legal', 'analyst'] as Role[]) {
    const response = await fetch(`${http.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: accounts[role].email, password: accounts[role].password }),
    })
    tokens[role] = ((await response.json()) as { token: string }).token
  }
  meta.subscribeWebhooks(`${http.baseUrl}/api/inbox/webhooks/meta`, inboxAppSecret)
  const pageAccount = (
    await payload.create({
      collection: 'network-accounts',
      overrideAccess: true,
      data: { network: 'facebook', connection: 'api', name: 'Page Badil', accountId: FAKE_PAGE_ID, accessToken: FAKE_TOKEN },
    })
  ).id
  const runtime = createPublishingRuntime(
    { endpoints: { facebook: { baseUrl: meta.baseUrl }, instagram: { baseUrl: meta.baseUrl } } },
    createTokenCipher(Buffer.from(testTokenKey, 'hex')),
  )
  const settings: InboxSettings = { variantsSlug: 'platform-variants', slaMinutes: defaultSlaMinutes, actions: { runtime, evidenceRetentionDays: 365 } }

  return {
    app,
    payload,
    http,
    meta,
    accounts,
    settings,
    async api(role, method, path, body) {
      const response = await fetch(`${http.baseUrl}/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `JWT ${tokens[role]}`, 'accept-language': 'fr' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    },
    async comment(message, author = { id: '7100', name: 'Yassine' }) {
      const { commentId } = await meta.userComments('facebook', ourPostId, message, author)
      await drainDeliveries(payload, settings)
      const { docs } = await payload.find({ collection: 'interactions', where: { remoteId: { equals: commentId } }, overrideAccess: true, depth: 0 })
      return { commentId, interaction: docs[0]! }
    },
    pageAccount,
    async publishPost(remoteId, { ago = 60_000, platform = 'facebook', account = pageAccount } = {}) {
      const client = new pg.Client({ connectionString: app.databaseUrl })
      await client.connect()
      try {
        const item = await client.query(`INSERT INTO content_items (format, sensitivity, workflow_state) VALUES ('post', 'normal', 'published') RETURNING id`)
        const { rows } = await client.query(
          `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, remote_id, published_at, network_account_id, attempts)
           VALUES ($5 || ' · fr', $1, $5::enum_platform_variants_platform, 'fr', 'La peine alternative n’est pas l’impunité', 'published', $2, $3, $4, 1) RETURNING id`,
          [item.rows[0].id, remoteId, new Date(Date.now() - ago), account, platform],
        )
        return Number(rows[0].id)
      } finally {
        await client.end()
      }
    },
    async logOf(id) {
      const { docs } = await payload.find({
        collection: 'moderation-log',
        where: { itemRef: { equals: `interactions/${id}` } },
        overrideAccess: true,
        sort: 'sequence',
        pagination: false,
        depth: 0,
      })
      return docs
    },
    async close() {
      await http.close()
      await app.close()
      await meta.close()
    },
  }
}
