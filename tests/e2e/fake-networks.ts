/**
 * The fake Meta Graph, X and LinkedIn servers on fixed ports, as one process, for the browser
 * walkthroughs: the built server is started with its network hosts pointing here, and the e2e
 * script asks the control port what reached the networks.
 *
 *   node scripts/run-ts.mjs tests/e2e/fake-networks.ts [meta x linkedin control]
 *   FAKE_NETWORKS_PORTS=3921,3922,3923,3924 node scripts/run-ts.mjs tests/e2e/fake-networks.ts
 *
 * Control port (127.0.0.1 only):
 *   GET /counts   → { total, texts: { "<text>": <publish calls> } } (publishCallsByText)
 *   GET /accounts → the account id and token each fake accepts, to paste into network accounts
 *   GET /env      → the environment that points a Badil server at these fakes
 *   POST /meta/comments {network?, parentId, message, author: {id, name}, callbackUrl}
 *                 → a person comments on Facebook (or Instagram); Meta delivers the signed webhook to
 *                   callbackUrl with FAKE_META_APP_SECRET, as its app dashboard would: { commentId, delivery }
 *   POST /meta/insights {postId, values} → what Meta's insights say about a post from now on
 * Prints "fake networks ready …" once everything listens; stops on SIGINT/SIGTERM.
 */
import http from 'node:http'

import { FAKE_PAGE_ID, FAKE_TOKEN } from '../networks/fakes/meta-graph-fake'
import { publishCallsByText, startNetworkFakes } from '../publishing/publishing-fixtures'
import type { NetworkFakes } from '../publishing/publishing-fixtures'

const defaultPorts = [3921, 3922, 3923, 3924]

function readPorts(): number[] {
  const given = process.argv.slice(2).length > 0 ? process.argv.slice(2) : (process.env.FAKE_NETWORKS_PORTS ?? '').split(/[\s,]+/).filter(Boolean)
  if (given.length === 0) return defaultPorts
  const ports = given.map(Number)
  if (ports.length !== 4 || ports.some((port) => !Number.isInteger(port) || port <= 0 || port > 65_535)) {
    console.error(`✖ fake networks: give four ports (meta, x, linkedin, control), e.g. ${defaultPorts.join(',')}; got "${given.join(' ')}"`)
    process.exit(2)
  }
  return ports
}

const [metaPort, xPort, linkedinPort, controlPort] = readPorts() as [number, number, number, number]

let fakes: NetworkFakes
try {
  // /env gives only the hosts: the server has a token key of its own.
  fakes = await startNetworkFakes({ ports: { meta: metaPort, x: xPort, linkedin: linkedinPort }, withTestTokenKey: false })
} catch (error) {
  console.error(`✖ fake networks could not listen on ${metaPort}, ${xPort}, ${linkedinPort}: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

const accounts = {
  facebook: { accountId: FAKE_PAGE_ID, accessToken: FAKE_TOKEN },
  x: { accountId: fakes.x.userId, accessToken: fakes.x.token },
  linkedin: { accountId: fakes.linkedin.organization, accessToken: fakes.linkedin.token },
}

/** The app secret Meta signs webhook deliveries with: the Badil server under test has it as FACEBOOK_APP_SECRET. */
const metaAppSecret = process.env.FAKE_META_APP_SECRET ?? ''

type CommentOrder = { network?: 'facebook' | 'instagram'; parentId?: string; message?: string; author?: { id?: string; name?: string }; callbackUrl?: string }

/** A person comments on the fake Meta, which delivers the signed webhook to the given callback. */
async function postComment(order: CommentOrder) {
  if (!metaAppSecret) return { status: 409, body: { error: 'start the fakes with FAKE_META_APP_SECRET to send webhooks' } }
  const { network = 'facebook', parentId, message, author, callbackUrl } = order
  if (!parentId || !message || !author?.id || !author.name || !callbackUrl || !URL.canParse(callbackUrl)) {
    return { status: 400, body: { error: 'give parentId, message, author {id, name} and callbackUrl' } }
  }
  fakes.meta.subscribeWebhooks(callbackUrl, metaAppSecret)
  const sent = await fakes.meta.userComments(network, parentId, message, { id: author.id, name: author.name })
  return { status: 200, body: sent }
}

function readJson(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        resolve(null)
      }
    })
  })
}

const control = http.createServer((request, response) => {
  const reply = (status: number, body: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    response.end(JSON.stringify(body))
  }
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
  if (request.method === 'POST' && path === '/meta/comments') {
    void readJson(request)
      .then((order) => postComment((order ?? {}) as CommentOrder))
      .then(({ status, body }) => reply(status, body))
      .catch((error: unknown) => reply(500, { error: String(error) }))
    return
  }
  if (request.method === 'POST' && path === '/meta/insights') {
    void readJson(request).then((order) => {
      const { postId, values } = (order ?? {}) as { postId?: string; values?: Record<string, unknown> }
      if (!postId || !values || typeof values !== 'object') return reply(400, { error: 'give postId and values {metric: value}' })
      fakes.meta.state.insights.set(postId, values)
      return reply(200, { postId, values })
    })
    return
  }
  if (request.method !== 'GET') return reply(405, { error: 'GET only, and POST /meta/comments or /meta/insights' })
  if (path === '/counts') {
    const texts = Object.fromEntries(publishCallsByText(fakes))
    return reply(200, { total: Object.values(texts).reduce((sum, count) => sum + count, 0), texts })
  }
  if (path === '/accounts') return reply(200, accounts)
  if (path === '/env') return reply(200, fakes.env)
  return reply(404, { error: `unknown path ${path} (try /counts, /accounts, /env)` })
})
try {
  await new Promise<void>((resolve, reject) => {
    control.once('error', reject)
    control.listen(controlPort, '127.0.0.1', resolve)
  })
} catch (error) {
  await fakes.close()
  console.error(`✖ fake networks: the control port ${controlPort} is taken: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

let stopping = false
async function stop(signal: NodeJS.Signals) {
  if (stopping) return
  stopping = true
  control.closeAllConnections()
  control.close()
  await fakes.close().catch(() => undefined)
  console.log(`fake networks stopped (${signal})`)
  process.exit(0)
}
process.on('SIGINT', (signal) => void stop(signal))
process.on('SIGTERM', (signal) => void stop(signal))

console.log(
  `fake networks ready: meta ${fakes.meta.baseUrl}, x ${fakes.x.baseUrl}, linkedin ${fakes.linkedin.baseUrl}, control http://127.0.0.1:${controlPort}`,
)
