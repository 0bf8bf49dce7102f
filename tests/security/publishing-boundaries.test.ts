/**
 * Where publishing meets the outside: a token goes to its own network only (hole 8), outbound
 * webhooks reach public receivers only, follow no redirect and read little (hole 10), tokens at
 * rest refuse a shortened GCM tag, internal error text stays in the log, and stored file names
 * never lead outside the media folder (hole 7). Issue 10.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { publishingScheduler } from '../../plugins/campaign-ops'
import { defaultAdapters } from '../../plugins/campaign-ops/networks/registry'
import { createTokenCipher, TokenDecryptionError } from '../../plugins/campaign-ops/publishing/token-crypto'
import { createWebhookPoster, maxWebhookReplyBytes, WebhookTargetRefused } from '../../plugins/campaign-ops/publishing/webhook-delivery'
import { writeRenditions } from '../../src/media/media-renditions'
import { diskFileStore } from '../../src/infra/disk-file-store'
import { makeJpeg } from '../content-model/fixtures'
import { captureLogs } from '../helpers/log-capture'
import type { LogCapture } from '../helpers/log-capture'
import { connectFakeAccounts, publishCallsByText, startNetworkFakes } from '../publishing/publishing-fixtures'
import type { FakeAccounts, NetworkFakes } from '../publishing/publishing-fixtures'
import { startSecurityApp } from './security-kit'
import type { SecurityApp } from './security-kit'
import { setWorkflowState } from '../helpers/workflow'

let fakes: NetworkFakes
let security: SecurityApp
let payload: Payload
let accounts: FakeAccounts
let logs: LogCapture

const internalDetail = 'connection to secret-db.internal:5432 refused for user badil_owner'

beforeAll(async () => {
  fakes = await startNetworkFakes()
  security = await startSecurityApp({
    env: fakes.env,
    config: {
      publishing: {
        scheduler: { reconcileAfterMs: 60_000, backoffBaseMs: 200, backoffMaxMs: 400, requestTimeoutMs: 1_500, leaseMs: 10_000, maxAttempts: 1 },
        adapters: {
          // LinkedIn as it is, except that a "[boom]" post throws an error of Badil's own making.
          linkedin: {
            ...defaultAdapters.linkedin,
            publish: async (request, account, context) => {
              if (request.text.includes('[boom]')) throw new Error(internalDetail)
              return defaultAdapters.linkedin.publish(request, account, context)
            },
          },
        },
        hooks: {
          all: {
            beforePublish: (request) => {
              if (request.text.includes('[prep-boom]')) throw new Error(internalDetail)
            },
          },
        },
      },
    },
  })
  payload = security.payload
  accounts = await connectFakeAccounts(payload, fakes)
  logs = captureLogs(payload)
})

afterAll(async () => {
  logs?.restore()
  await security?.close()
  await fakes?.close()
})

const sql = (text: string, values: unknown[] = []) => security.sql(text, values)

async function approvedItem() {
  const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Frontières', format: 'post' } })
  await setWorkflowState(payload, item.id, 'approved')
  return item.id as number
}

const tick = () => publishingScheduler(payload).tick()
const variantOf = (id: number) => payload.findByID({ collection: 'platform-variants', id, depth: 0, overrideAccess: true })

describe('hole 8: a token goes to its own network only', () => {
  it('refuses to save a variant with an account of another network (400 naming networkAccount)', async () => {
    const item = await approvedItem()
    const created = await security.rest('cm', 'POST', '/api/platform-variants', {
      contentItem: item,
      platform: 'x',
      language: 'fr',
      text: 'Compte LinkedIn',
      networkAccount: accounts.linkedin,
    })
    expect(created.status).toBe(400)
    expect(created.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'networkAccount', message: expect.stringMatching(/LinkedIn/) })])
    const ok = await security.rest('cm', 'POST', '/api/platform-variants', {
      contentItem: item,
      platform: 'x',
      language: 'fr',
      text: 'Compte X',
      networkAccount: accounts.x,
    })
    expect(ok.status).toBe(201)
    const moved = await security.rest('cm', 'PATCH', `/api/platform-variants/${ok.body.doc.id}`, { networkAccount: accounts.facebook })
    expect(moved.status).toBe(400)
    expect((await variantOf(ok.body.doc.id)).networkAccount).toBe(accounts.x)
    const graphql = await security.graphql(
      'cm',
      `mutation { updatePlatformVariant(id: ${ok.body.doc.id}, data: { networkAccount: ${accounts.linkedin} }) { id } }`,
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(400)
  })

  it('checks again in the engine before any request: a row pointing at another network fails, nothing is sent', async () => {
    const item = await approvedItem()
    const created = await security.rest('cm', 'POST', '/api/platform-variants', {
      contentItem: item,
      platform: 'x',
      language: 'fr',
      text: 'Vers le mauvais réseau',
      networkAccount: accounts.x,
    })
    const id = created.body.doc.id as number
    await sql(
      `UPDATE platform_variants SET network_account_id = $2, publication_state = 'scheduled', scheduled_at = now() - interval '1 second' WHERE id = $1`,
      [id, accounts.linkedin],
    )
    const before = { x: fakes.x.requests.length, linkedin: fakes.linkedin.requests.length }
    await tick()
    expect({ x: fakes.x.requests.length, linkedin: fakes.linkedin.requests.length }).toEqual(before)
    expect(await variantOf(id)).toMatchObject({ publicationState: 'failed', lastError: expect.stringMatching(/LinkedIn/) })
  })
})

describe('hole 10: raw internal error text stays in the log', () => {
  it.each([
    ['while sending', '[boom]'],
    ['while preparing', '[prep-boom]'],
  ])('an internal error %s reaches people and webhooks as a code and a safe message', async (_when, marker) => {
    const item = await approvedItem()
    const id = (
      await payload.create({
        collection: 'platform-variants',
        overrideAccess: true,
        data: {
          contentItem: item,
          platform: 'linkedin',
          language: 'fr',
          text: `Erreur interne ${marker}`,
          networkAccount: accounts.linkedin,
          publicationState: 'scheduled',
          scheduledAt: new Date(Date.now() - 1000).toISOString(),
        },
      })
    ).id as number
    await payload.create({
      collection: 'webhook-subscriptions',
      overrideAccess: true,
      data: { url: 'https://hooks.example.org/badil', events: ['publication.failed', 'publication.outcome_unknown'] },
    })
    await tick()
    const variant = await variantOf(id)
    expect(variant.lastError).toMatch(/internal_error:[0-9a-f]{8}/)
    const attempts = (await payload.find({ collection: 'publication-attempts', where: { variant: { equals: id } }, depth: 0, overrideAccess: true })).docs
    const jobs = (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'deliverPublicationWebhook' } },
        depth: 0,
        overrideAccess: true,
        pagination: false,
      })
    ).docs
    const reference = /internal_error:[0-9a-f]{8}/.exec(String(variant.lastError))![0]
    const webhookBodies = jobs.map((job) => JSON.stringify(job.input)).filter((body) => body.includes(String(id)))
    expect(webhookBodies.length).toBeGreaterThan(0)
    for (const text of [JSON.stringify(variant), JSON.stringify(attempts), ...webhookBodies]) {
      expect(text).not.toContain('secret-db.internal')
    }
    expect(webhookBodies.some((body) => body.includes(reference))).toBe(true)
    // The details are in the log, under the same reference.
    expect(logs.lines.some((line) => line.includes(reference) && line.includes('secret-db.internal'))).toBe(true)
  })
})

describe('hole 10: tokens at rest', () => {
  it('refuses a sealed value whose GCM tag was shortened, which would otherwise still decrypt', () => {
    const cipher = createTokenCipher(Buffer.alloc(32, 7))
    const sealed = cipher.encrypt('EAAG-page-token', 'network-account:access')
    expect(cipher.decrypt(sealed, 'network-account:access')).toBe('EAAG-page-token')
    const [version, iv, tag, ciphertext] = sealed.split(':')
    const shortened = [version, iv, Buffer.from(tag!, 'base64').subarray(0, 4).toString('base64'), ciphertext].join(':')
    expect(() => cipher.decrypt(shortened, 'network-account:access')).toThrow(TokenDecryptionError)
  })
})

describe('hole 10: outbound webhooks reach public receivers only', () => {
  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.5/hook',
    'http://192.168.1.20/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://0.0.0.0/hook',
  ])('refuses to save %s (400 naming url)', async (url) => {
    const answer = await security.rest('admin', 'POST', '/api/webhook-subscriptions', { url, events: ['publication.succeeded'] })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'url', message: expect.stringMatching(/public address/) })])
  })

  it('accepts a public address', async () => {
    const answer = await security.rest('admin', 'POST', '/api/webhook-subscriptions', {
      url: 'https://hooks.example.org/badil',
      events: ['publication.succeeded'],
    })
    expect(answer.status).toBe(201)
  })

  let receiver: http.Server
  let hits: string[]
  let receiverPort: number
  beforeAll(async () => {
    hits = []
    receiver = http.createServer((request, response) => {
      hits.push(String(request.url))
      if (request.url === '/redirect') {
        response.writeHead(302, { Location: `http://127.0.0.1:${receiverPort}/after-redirect` })
        response.end()
      } else if (request.url === '/large') {
        response.writeHead(200, { 'content-type': 'text/plain' })
        const chunk = Buffer.alloc(64 * 1024, 'x')
        let sent = 0
        const push = () => {
          while (sent < 5 * 1024 * 1024) {
            sent += chunk.length
            if (!response.write(chunk)) return void response.once('drain', push)
          }
          response.end()
        }
        push()
      } else {
        response.end('ok')
      }
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    receiverPort = (receiver.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

  const receiverName = 'receiver.badil.test'
  const pointsAtLoopback = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
    options?.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)) as never

  it('refuses, when it connects, a host name that resolves to a private address', async () => {
    const post = createWebhookPoster({ allowPrivateAddresses: false, lookup: pointsAtLoopback })
    const before = hits.length
    await expect(post(`http://${receiverName}:${receiverPort}/hook`, '{}', {})).rejects.toBeInstanceOf(WebhookTargetRefused)
    expect(hits.length).toBe(before)
    const allowed = createWebhookPoster({ allowPrivateAddresses: true, lookup: pointsAtLoopback })
    expect((await allowed(`http://${receiverName}:${receiverPort}/hook`, '{}', {})).status).toBe(200)
    expect(hits.length).toBe(before + 1)
  })

  it('does not follow a redirect: the 3xx is the answer, the target is never called', async () => {
    const post = createWebhookPoster({ allowPrivateAddresses: true })
    const reply = await post(`http://127.0.0.1:${receiverPort}/redirect`, '{}', {})
    expect(reply.status).toBe(302)
    expect(hits).not.toContain('/after-redirect')
  })

  it('reads at most 64 KB of a reply', async () => {
    const post = createWebhookPoster({ allowPrivateAddresses: true })
    const reply = await post(`http://127.0.0.1:${receiverPort}/large`, '{}', {})
    expect(reply).toMatchObject({ status: 200, truncated: true })
    expect(reply.bytesRead).toBeLessThanOrEqual(maxWebhookReplyBytes)
  })

  it('a delivery to a stored private address is refused and recorded, and the receiver gets nothing', async () => {
    const created = await security.rest('admin', 'POST', '/api/webhook-subscriptions', {
      url: 'https://hooks.example.org/later-private',
      events: ['publication.succeeded'],
    })
    const id = created.body.doc.id as number
    // What a name that later resolves to a private address amounts to.
    await sql(`UPDATE webhook_subscriptions SET url = $2 WHERE id = $1`, [id, `http://127.0.0.1:${receiverPort}/stored`])
    const job = await payload.jobs.queue({
      task: 'deliverPublicationWebhook' as never,
      queue: 'webhooks',
      input: { subscriptionId: id, body: { id: 'e1', type: 'publication.succeeded' } } as never,
    })
    await payload.jobs.runByID({ id: (job as { id: number }).id })
    expect(hits).not.toContain('/stored')
    expect((await payload.findByID({ collection: 'webhook-subscriptions', id, overrideAccess: true })).lastStatus).toMatch(/refused/)
    // Not retried: the address will not become public by waiting.
    const ran = await payload.findByID({ collection: 'payload-jobs', id: (job as { id: number }).id, overrideAccess: true })
    expect(ran).toMatchObject({ hasError: true, error: { cancelled: true } })
  })
})

describe('hole 7: stored file names never lead outside the media folder', () => {
  it('ignores a file name written through the API, and renditions land in the media folder', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await makeJpeg(1200, 900))], { type: 'image/jpeg' }), 'photo.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Photo' }))
    const uploaded = await security.rest('consultant', 'POST', '/api/media', form)
    expect(uploaded.status).toBe(201)
    const id = uploaded.body.doc.id as number
    const filename = uploaded.body.doc.filename as string
    // A path is refused outright; a plain other name is dropped and the save goes through.
    const escaping = await security.rest('consultant', 'PATCH', `/api/media/${id}`, { filename: '../../escaped-by-api.jpg', focalX: 20 })
    expect(escaping.status).toBe(400)
    const renamed = await security.rest('consultant', 'PATCH', `/api/media/${id}`, { filename: 'renamed-by-api.jpg', caption: 'Légende' })
    expect(renamed.status).toBe(200)
    const stored = await payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true })
    expect(stored).toMatchObject({ filename, caption: 'Légende' })
  })

  it('renders renditions inside the media folder whatever the stored name says', async () => {
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-renditions-'))
    const staticDir = path.join(mediaDir, 'media')
    try {
      const renditions = await writeRenditions({
        source: await makeJpeg(1200, 900),
        originalFilename: '../../escaped-by-name.jpg',
        store: diskFileStore(staticDir),
        focalPoint: { x: 50, y: 50 },
        serverUrl: 'http://localhost:3000',
      })
      for (const rendition of Object.values(renditions)) {
        expect(path.basename(rendition!.filename)).toBe(rendition!.filename)
        expect(fs.existsSync(path.join(staticDir, rendition!.filename))).toBe(true)
      }
      expect(fs.readdirSync(mediaDir)).toEqual(['media'])
    } finally {
      fs.rmSync(mediaDir, { recursive: true, force: true })
    }
  })
})

describe('the published text never carries another variant’s approval', () => {
  it('publishes an approved variant as approved (control case for the cases above)', async () => {
    const item = await approvedItem()
    const created = await security.rest('cm', 'POST', '/api/platform-variants', {
      contentItem: item,
      platform: 'x',
      language: 'fr',
      text: 'Cas témoin',
      networkAccount: accounts.x,
    })
    expect((await security.rest('cm', 'POST', `/api/platform-variants/${created.body.doc.id}/publish-now`)).status).toBe(200)
    await tick()
    expect(publishCallsByText(fakes).get('Cas témoin')).toBe(1)
  })
})
