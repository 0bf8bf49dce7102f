import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'

import pg from 'pg'
import type { Payload } from 'payload'

import { FAKE_PAGE_ID, FAKE_TOKEN, startMetaGraphFake } from '../networks/fakes/meta-graph-fake'
import type { MetaGraphFake } from '../networks/fakes/meta-graph-fake'
import { startLinkedInFake } from '../networks/fakes/linkedin-fake'
import type { LinkedInFake } from '../networks/fakes/linkedin-fake'
import { startXFake } from '../networks/fakes/x-fake'
import type { XFake } from '../networks/fakes/x-fake'

/** One token key for the test's Payload and every worker process it starts. */
export const testTokenKey = randomBytes(32).toString('hex')

export type NetworkFakes = {
  meta: MetaGraphFake
  x: XFake
  linkedin: LinkedInFake
  /** Environment that points an app process at the fakes. */
  env: Record<string, string>
  close(): Promise<void>
}

/**
 * Starts the Meta Graph, X and LinkedIn fakes, on free ports unless `ports` are given. Their `env`
 * carries the test token key for the test's own processes; a server with a key of its own (the
 * e2e one) asks for `withTestTokenKey: false`.
 */
export async function startNetworkFakes(
  options: { ports?: { meta: number; x: number; linkedin: number }; withTestTokenKey?: boolean } = {},
): Promise<NetworkFakes> {
  const { ports, withTestTokenKey = true } = options
  const [meta, x, linkedin] = await Promise.all([
    startMetaGraphFake({ port: ports?.meta }),
    startXFake({ port: ports?.x }),
    startLinkedInFake({ port: ports?.linkedin }),
  ])
  return {
    meta,
    x,
    linkedin,
    env: {
      FACEBOOK_GRAPH_URL: meta.baseUrl,
      INSTAGRAM_GRAPH_URL: meta.baseUrl,
      X_API_URL: x.baseUrl,
      X_UPLOAD_URL: x.baseUrl,
      LINKEDIN_API_URL: linkedin.baseUrl,
      ...(withTestTokenKey ? { NETWORK_TOKEN_KEY: testTokenKey } : {}),
    },
    close: async () => {
      await Promise.all([meta.close(), x.close(), linkedin.close()])
    },
  }
}

export type FakeAccounts = { facebook: number; x: number; linkedin: number }

/** The three accounts, connected by pasting each fake's token (sealed by the collection). */
export async function connectFakeAccounts(payload: Payload, fakes: NetworkFakes): Promise<FakeAccounts> {
  const create = async (network: 'facebook' | 'x' | 'linkedin', accountId: string, accessToken: string) =>
    (
      await payload.create({
        collection: 'network-accounts',
        overrideAccess: true,
        data: { network, connection: 'api', name: `Badil ${network}`, accountId, accessToken },
      })
    ).id as number
  return {
    facebook: await create('facebook', FAKE_PAGE_ID, FAKE_TOKEN),
    x: await create('x', fakes.x.userId, fakes.x.token),
    linkedin: await create('linkedin', fakes.linkedin.organization, fakes.linkedin.token),
  }
}

const platformsOf = { facebook: 'facebook', x: 'x', linkedin: 'linkedin' } as const
const languages = ['fr', 'ar', 'ary'] as const

/**
 * Inserts `count` text-only variants of approved items, spread over the three networks, scheduled
 * at `scheduledAt` — straight in SQL: the suite is about the scheduler, and 500 saves through the
 * collection's hooks would take longer than publishing them.
 */
export async function insertScheduledVariants(
  databaseUrl: string,
  options: { count: number; accounts: FakeAccounts; scheduledAt: Date; tag: string },
): Promise<{ id: number; text: string; network: keyof FakeAccounts }[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const networks = Object.keys(platformsOf) as (keyof FakeAccounts)[]
    const perItem = networks.length * languages.length
    const items: number[] = []
    for (let index = 0; index < Math.ceil(options.count / perItem); index += 1) {
      const { rows } = await client.query(`INSERT INTO content_items (format, sensitivity, workflow_state) VALUES ('post', 'normal', 'approved') RETURNING id`)
      items.push(Number(rows[0].id))
      await client.query(`INSERT INTO content_items_locales (title, _locale, _parent_id) VALUES ($1, 'fr', $2)`, [`${options.tag} item ${index}`, rows[0].id])
    }
    const variants: { id: number; text: string; network: keyof FakeAccounts }[] = []
    for (let index = 0; index < options.count; index += 1) {
      const network = networks[index % networks.length]!
      const language = languages[Math.floor(index / networks.length) % languages.length]!
      const item = items[Math.floor(index / perItem)]!
      const text = `${options.tag} #${index} — la peine alternative n’est pas l’impunité (${network}/${language})`
      const { rows } = await client.query(
        `INSERT INTO platform_variants (label, content_item_id, platform, language, text, publication_state, scheduled_at, network_account_id, attempts)
         VALUES ($1, $2, $3, $4, $5, 'scheduled', $6, $7, 0) RETURNING id`,
        [`${network} · ${language} · #${item}`, item, platformsOf[network], language, text, options.scheduledAt, options.accounts[network]],
      )
      variants.push({ id: Number(rows[0].id), text, network })
    }
    return variants
  } finally {
    await client.end()
  }
}

/** How many publish calls each text reached a fake network with (the duplicate count). */
export function publishCallsByText(fakes: NetworkFakes): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (text: unknown) => {
    if (typeof text === 'string') counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  for (const request of fakes.meta.state.requests) {
    if (request.method === 'POST' && /^\/\d+\/feed$/.test(request.path)) add(request.params.message)
  }
  for (const request of fakes.x.requests) {
    if (request.method === 'POST' && request.path === '/2/tweets') add((request.json as { text?: string } | undefined)?.text)
  }
  for (const request of fakes.linkedin.requests) {
    if (request.method === 'POST' && request.path === '/rest/posts') {
      // LinkedIn's "little text" escapes reserved characters with a backslash.
      add((request.json as { commentary?: string } | undefined)?.commentary?.replace(/\\(.)/g, '$1'))
    }
  }
  return counts
}

export async function stateCounts(databaseUrl: string, ids: number[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      `SELECT publication_state::text AS state, count(*)::int AS n FROM platform_variants WHERE id = ANY($1::int[]) GROUP BY 1`,
      [ids],
    )
    return Object.fromEntries(rows.map((row) => [row.state, row.n]))
  } finally {
    await client.end()
  }
}

export { waitFor } from '../helpers/wait-for'

export type WorkerProcess = { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null>; output: () => string }

function spawnWorker(databaseUrl: string, env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'scripts/publishing-worker.ts', ...args], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'error', BADIL_CONFIG_LOAD_TIMEOUT_MS: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += String(chunk)))
  child.stderr!.on('data', (chunk) => (output += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => {
      if (output.includes('publishing worker ready')) resolve()
    })
    void exited.then((code) => reject(Object.assign(new Error(`worker exited (${code}) before it was ready:\n${output}`), { code })))
  })
  ready.catch(() => undefined)
  return { child, ready, exited, output: () => output }
}

/**
 * Starts `npm run publishing-worker` as its own process on the test database. Should loading the
 * config ever stall again (see scripts/run-ts.mjs), the start fails with exit code 3 and is tried
 * once more — before the worker is ready it has claimed nothing.
 */
export function startWorker(databaseUrl: string, env: Record<string, string>, args: string[]): WorkerProcess {
  let current = spawnWorker(databaseUrl, env, args)
  const handle: WorkerProcess = {
    get child() {
      return current.child
    },
    get exited() {
      return current.exited
    },
    output: () => current.output(),
    ready: (async () => {
      for (let start = 1; ; start += 1) {
        try {
          return await current.ready
        } catch (error) {
          // A start gets 100 s (a loaded machine takes seconds), and one more try.
          if ((error as { code?: number }).code !== 3 || start >= 2) throw error
          current = spawnWorker(databaseUrl, env, args)
        }
      }
    })(),
  }
  return handle
}
