/**
 * The access matrix, part 1: every way in has a row (collections, globals, endpoints, GraphQL
 * operations, the README's tables), and the globals, endpoints and custom GraphQL mutations
 * answer exactly their callers. The collections' rows are tried by the other access-matrix-*
 * files. Issue 10.
 */
import fs from 'node:fs'

import { jest } from '@jest/globals'

import {
  collectionRules,
  endpointRules,
  globalRules,
  graphQLMutationRules,
  graphQLQueryRules,
  payloadOperationEndpoints,
} from '../../src/security/access-matrix'
import { readmeAccessSection } from '../../src/security/access-tables'
import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { clearedReadyVariant } from './matrix-fixtures'
import {
  callers,
  expectCase,
  fixtures,
  gql,
  keyCallers,
  local,
  localUser,
  payload,
  refusedStatus,
  schemaTypes,
  scopeOf,
  security,
  stored,
  transports,
  useMatrixApp,
} from './matrix-harness'
import type { Mismatch } from './matrix-harness'
import { graphqlStatus } from './security-kit'
import type { Caller } from './security-kit'
import { setWorkflowState } from '../helpers/workflow'

jest.setTimeout(300_000)

useMatrixApp('ways in, globals, endpoints')

describe('every way in has a row', () => {
  it('lists every collection and global, and no other', () => {
    expect(payload.config.collections.map((collection) => collection.slug).sort()).toEqual(Object.keys(collectionRules).sort())
    expect(payload.config.globals.map((global) => global.slug).sort()).toEqual(Object.keys(globalRules).sort())
  })

  it('lists every endpoint: Payload’s operations, or a row of its own', () => {
    const builtIn = (kind: readonly string[], method: string, path: string) => kind.includes(`${method} ${path}`)
    const rows = new Set(endpointRules.map((rule) => `${rule.method} ${rule.path}`))
    const unlisted: string[] = []
    for (const collection of payload.config.collections) {
      for (const endpoint of collection.endpoints || []) {
        const { method, path } = endpoint
        const known =
          builtIn(payloadOperationEndpoints.collection, method, path) ||
          (collection.upload && builtIn(payloadOperationEndpoints.upload, method, path)) ||
          (collection.auth && builtIn(payloadOperationEndpoints.auth, method, path)) ||
          rows.has(`${method} /${collection.slug}${path}`)
        if (!known) unlisted.push(`${method} /${collection.slug}${path}`)
        if (path === '/:id/duplicate' && collectionRules[collection.slug]?.duplicate !== true)
          unlisted.push(`${method} /${collection.slug}${path} (duplicate: false in the table)`)
      }
      const duplicates = (collection.endpoints || []).some((endpoint) => endpoint.path === '/:id/duplicate')
      if (collectionRules[collection.slug]?.duplicate && !duplicates)
        unlisted.push(`/${collection.slug}/:id/duplicate (duplicate: true in the table, not served)`)
    }
    for (const global of payload.config.globals) {
      for (const endpoint of global.endpoints || []) {
        if (!builtIn(payloadOperationEndpoints.global, endpoint.method, endpoint.path))
          unlisted.push(`${endpoint.method} /globals/${global.slug}${endpoint.path}`)
      }
    }
    for (const endpoint of payload.config.endpoints) {
      if (!builtIn(payloadOperationEndpoints.root, endpoint.method, endpoint.path) && !rows.has(`${endpoint.method} ${endpoint.path}`))
        unlisted.push(`${endpoint.method} ${endpoint.path}`)
    }
    const served = new Set([
      ...payload.config.collections.flatMap((collection) =>
        (collection.endpoints || []).map((endpoint) => `${endpoint.method} /${collection.slug}${endpoint.path}`),
      ),
      ...payload.config.endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`),
    ])
    const stale = [...rows].filter((row) => !served.has(row))
    expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] })
  })

  it('lists every GraphQL operation: generated from a row, or a row of its own', () => {
    const generated = new Set<string>(['Access'])
    for (const rules of Object.values(collectionRules)) {
      if (!rules.graphQL) continue
      const { singular, plural } = rules.graphQL
      for (const name of [singular, plural, `count${plural}`, `docAccess${singular}`, `version${singular}`, `versions${plural}`]) generated.add(name)
      for (const name of ['create', 'update', 'delete', 'duplicate', 'restoreVersion']) generated.add(`${name}${singular}`)
      for (const name of ['me', 'initialized', 'refreshToken', 'logout', 'unlock', 'login', 'forgotPassword', 'resetPassword', 'verifyEmail'])
        generated.add(`${name}${singular}`)
    }
    for (const rules of Object.values(globalRules))
      for (const name of [rules.graphQL.name, `docAccess${rules.graphQL.name}`, `update${rules.graphQL.name}`]) generated.add(name)
    const query = schemaTypes.get('Query')!.fields!.map((field) => field.name)
    const mutation = schemaTypes.get('Mutation')!.fields!.map((field) => field.name)
    expect(query.filter((name) => !generated.has(name) && !(name in graphQLQueryRules))).toEqual([])
    expect(mutation.filter((name) => !generated.has(name) && !(name in graphQLMutationRules))).toEqual([])
    // Each row's names exist: a renamed collection cannot leave its row untried.
    for (const rules of Object.values(collectionRules)) if (rules.graphQL) expect(query).toContain(rules.graphQL.plural)
    for (const name of Object.keys(graphQLMutationRules)) expect(mutation).toContain(name)
    for (const name of Object.keys(graphQLQueryRules)) expect(query).toContain(name)
  })

  it('has readVersions rows exactly for the collections with versions', () => {
    for (const collection of payload.config.collections) {
      expect({ slug: collection.slug, readVersions: Boolean(collectionRules[collection.slug]!.operations.readVersions) }).toEqual({
        slug: collection.slug,
        readVersions: Boolean(collection.versions),
      })
    }
  })

  it('renders the README’s access tables from the table', () => {
    expect(fs.readFileSync('README.md', 'utf8')).toContain(readmeAccessSection())
  })
})

/** A change of each global, to try its update with. */
const globalChanges: Record<string, Record<string, unknown>> = {
  'crisis-mode': { reason: 'Forgé' },
  'inbox-settings': { dmHours: 3 },
  'crisis-watch-settings': { crisisSigma: 3.2 },
  'payload-jobs-stats': { stats: { forged: true } },
}

describe.each(Object.keys(globalRules))('global %s', (slug) => {
  const rules = globalRules[slug]!
  const change = globalChanges[slug]!
  it('read and update exactly as granted', async () => {
    const mismatches: Mismatch[] = []
    const name = rules.graphQL.name
    for (const transport of transports) {
      for (const caller of transport === 'local' ? callers.filter((caller) => !keyCallers.includes(caller)) : callers) {
        const before = JSON.stringify(await payload.findGlobal({ slug: slug as never, depth: 0, overrideAccess: true }))
        let read: number
        let update: number
        if (transport === 'rest') {
          read = (await security.rest(caller, 'GET', `/api/globals/${slug}`)).status
          update = (await security.rest(caller, 'POST', `/api/globals/${slug}`, change)).status
        } else if (transport === 'graphql') {
          read = (await gql(caller, `{ ${name} { updatedAt } }`, {}, name)).status
          update = (
            await gql(caller, `mutation Update($data: mutation${name}Input!) { update${name}(data: $data) { updatedAt } }`, { data: change }, `update${name}`)
          ).status
        } else {
          read = (await local(() => payload.findGlobal({ slug: slug as never, overrideAccess: false, user: localUser(caller) }))).status
          update = (await local(() => payload.updateGlobal({ slug: slug as never, data: change as never, overrideAccess: false, user: localUser(caller) })))
            .status
        }
        const unchanged = JSON.stringify(await payload.findGlobal({ slug: slug as never, depth: 0, overrideAccess: true })) === before
        const refused = transport === 'local' ? 403 : refusedStatus(caller)
        const readAllowed = scopeOf(rules.operations.read, caller) !== 'none'
        const updateAllowed = scopeOf(rules.operations.update, caller) !== 'none'
        expectCase(mismatches, `${slug} read ${transport} ${caller}`, readAllowed, readAllowed ? 200 : refused, read)
        expectCase(
          mismatches,
          `${slug} update ${transport} ${caller}`,
          updateAllowed,
          updateAllowed ? { status: 200 } : { status: refused, unchanged: true },
          updateAllowed ? { status: update } : { status: update, unchanged },
        )
      }
    }
    expect(mismatches).toEqual([])
  })
})

/** A request to each endpoint that passes its gate without changing anything that matters, and what it gets then. */
type Probe = { path: string; body?: unknown; passes: number; prepare?: (caller: Caller) => Promise<void> }

describe('endpoints', () => {
  let probes: Record<string, Probe>
  beforeAll(async () => {
    const item = await fixtures['content-items']!.seed()
    const variant = await fixtures['platform-variants']!.seed()
    const ready = await clearedReadyVariant(payload)
    const published = await fixtures['platform-variants']!.seed()
    await payload.update({
      collection: 'platform-variants',
      id: published,
      overrideAccess: true,
      context: (await import('../../src/domain/actor')).systemContext('publishing-engine'),
      data: { publicationState: 'published' },
    })
    probes = {
      'post /content-items/:id/transition': { path: `/content-items/${item}/transition`, body: { to: 'nowhere' }, passes: 400 },
      'get /content-items/:id/transitions': { path: `/content-items/${item}/transitions`, passes: 200 },
      'post /platform-variants/validate': { path: '/platform-variants/validate', body: { platform: 'x', language: 'fr', text: 'Bonjour' }, passes: 200 },
      'post /platform-variants/:id/approve': { path: `/platform-variants/${variant}/approve`, passes: 200 },
      'get /platform-variants/:id/kit': { path: `/platform-variants/${ready}/kit`, passes: 200 },
      'post /platform-variants/:id/mark-posted': { path: `/platform-variants/${ready}/mark-posted`, body: { permalink: 'pas un lien' }, passes: 400 },
      'post /platform-variants/:id/publish-now': { path: `/platform-variants/${published}/publish-now`, passes: 409 },
      'post /platform-variants/:id/reschedule': { path: `/platform-variants/${variant}/reschedule`, body: { scheduledAt: 'bientôt' }, passes: 400 },
      'post /platform-variants/:id/cancel': { path: `/platform-variants/${published}/cancel`, passes: 409 },
      'post /platform-variants/:id/resolve': { path: `/platform-variants/${variant}/resolve`, body: { resolution: 'peut-être' }, passes: 400 },
      // A link without its signature: refused for everyone alike, signed in or not.
      'get /public-media/:filename': { path: '/public-media/affiche.jpg?type=image%2Fjpeg&expires=9999999999', passes: 400 },
      'get /network-accounts/oauth/:network/connect': { path: '/network-accounts/oauth/myspace/connect', passes: 400 },
      'get /network-accounts/oauth/:network/callback': { path: '/network-accounts/oauth/x/callback', passes: 400 },
      'post /network-accounts/:id/refresh': { path: '/network-accounts/999999/refresh', passes: 404 },
      'get /calendar': { path: '/calendar', passes: 200 },
      'get /calendar.ics': { path: '/calendar.ics', passes: 200 },
      'post /calendar/feed-token': { path: '/calendar/feed-token', passes: 200 },
      'post /moderation/check': { path: '/moderation/check', body: { comments: ['Bonjour'], rules: 'default' }, passes: 200 },
      // The matrix app has no Meta verify token nor app secret: the handshake is refused, a delivery cannot be checked.
      'get /inbox/webhooks/meta': { path: '/inbox/webhooks/meta?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess', passes: 403 },
      'post /inbox/webhooks/meta': { path: '/inbox/webhooks/meta', body: { object: 'page', entry: [] }, passes: 503 },
      'post /interactions/import': { path: '/interactions/import?network=myspace&account=1', body: {}, passes: 400 },
      'post /interactions/:id/moderate': { path: '/interactions/999999/moderate', body: { action: 'exploser' }, passes: 400 },
      'post /interactions/:id/reply': { path: '/interactions/999999/reply', body: { idempotencyKey: 'court' }, passes: 400 },
      'post /interaction-replies/:id/decision': { path: '/interaction-replies/999999/decision', body: { approve: 'peut-être' }, passes: 400 },
      'post /interactions/:id/escalate': { path: '/interactions/999999/escalate', body: { reason: '' }, passes: 400 },
      'post /interactions/:id/presence': { path: '/interactions/999999/presence', body: { activity: 'dormir' }, passes: 400 },
      // No thread of that id: nobody is recorded, the inbox team is told it is not found.
      'delete /interactions/:id/presence': { path: '/interactions/999999/presence', passes: 404 },
      'get /publishing/queue': { path: '/publishing/queue', passes: 200 },
      'get /publishing/crisis': { path: '/publishing/crisis', passes: 200 },
      'post /publishing/crisis': { path: '/publishing/crisis', body: { active: 'peut-être' }, passes: 400 },
      'get /payload-jobs/run': { path: '/payload-jobs/run?queue=matrix-none', passes: 200 },
      'get /payload-jobs/handle-schedules': { path: '/payload-jobs/handle-schedules?queue=matrix-none', passes: 200 },
      'get /payload-preferences/:key': { path: '/payload-preferences/matrix-key', passes: 200 },
      'post /payload-preferences/:key': { path: '/payload-preferences/matrix-key', body: { value: { matrix: true } }, passes: 200 },
      'delete /payload-preferences/:key': {
        path: '/payload-preferences/matrix-key',
        passes: 200,
        prepare: async (caller) => {
          if (!roles.includes(caller as Role)) return
          const user = security.accounts[caller as Role].id
          await payload.delete({
            collection: 'payload-preferences',
            where: { and: [{ key: { equals: 'matrix-key' } }, { 'user.value': { equals: user } }] },
            overrideAccess: true,
          })
          await payload.create({
            collection: 'payload-preferences',
            overrideAccess: true,
            user: await security.user(caller as Role),
            data: { key: 'matrix-key', value: { a: 1 }, user: { relationTo: 'users', value: user } },
          })
        },
      },
      'get /reports/kpis': { path: '/reports/kpis?from=2026-11-01&to=2026-11-30&kpi=impressions,inbound_volume', passes: 200 },
      'get /reports/timeseries': { path: '/reports/timeseries?from=2026-11-01&to=2026-11-07&kpi=posts_published', passes: 200 },
      'get /reports/breakdown': { path: '/reports/breakdown?from=2026-11-01&to=2026-11-07&kpi=inbound_volume&by=network', passes: 200 },
      'get /reports/misconceptions': { path: '/reports/misconceptions?from=2026-11-01&to=2026-11-07', passes: 200 },
      'get /reports/posts': { path: '/reports/posts?from=2026-11-01&to=2026-11-07', passes: 200 },
      'get /reports/recommendations': { path: '/reports/recommendations?from=2026-11-01&to=2026-11-07', passes: 200 },
      'get /reports/openapi.json': { path: '/reports/openapi.json', passes: 200 },
      'get /reports/usage': { path: '/reports/usage', passes: 200 },
      'post /reports/metrics/pull': { path: '/reports/metrics/pull', passes: 200 },
      'get /crisis-alerts/:id/room': { path: '/crisis-alerts/999999/room', passes: 404 },
      'post /crisis-alerts/:id/checklist': { path: '/crisis-alerts/999999/checklist', body: { step: 0, done: true }, passes: 404 },
      'post /crisis-watch/look': { path: '/crisis-watch/look', passes: 200 },
      'get /health/live': { path: '/health/live', passes: 200 },
      'get /health/ready': { path: '/health/ready', passes: 200 },
      // The matrix's database holds no moderation decisions: too few to train on.
      'post /moderation-models/train': { path: '/moderation-models/train', body: {}, passes: 400 },
      'post /moderation-models/:id/activate': { path: '/moderation-models/999999/activate', body: {}, passes: 404 },
      'post /moderation-models/:id/retire': { path: '/moderation-models/999999/retire', body: {}, passes: 404 },
      'post /metric-imports/file': { path: '/metric-imports/file?network=myspace', body: {}, passes: 400 },
      'post /report-subscriptions/:id/send': { path: '/report-subscriptions/999999/send', body: { from: '2026-11-01' }, passes: 400 },
      'post /users/unlock': { path: '/users/unlock', body: { email: security.accounts.analyst.email }, passes: 200 },
      'post /users/first-register': {
        path: '/users/first-register',
        body: { email: 'first@test.badil.local', password: 'first-register-1234', name: 'Premier', role: 'admin' },
        passes: 200,
      },
    }
  })

  it.each(endpointRules.map((rule) => [`${rule.method} ${rule.path}`, rule] as const))('%s answers exactly its callers', async (key, rule) => {
    const probe = probes[key]
    expect(probe).toBeDefined()
    const mismatches: Mismatch[] = []
    for (const caller of callers) {
      await probe!.prepare?.(caller)
      const answer = await security.rest(caller, rule.method.toUpperCase(), `/api${probe!.path}`, probe!.body)
      const allowed = rule.callers === 'public' ? !keyCallers.includes(caller) : rule.callers.includes(caller as Role)
      const refusal = rule.refusal ?? { anonymous: 401, others: 403 }
      const expected = allowed ? probe!.passes : keyCallers.includes(caller) ? 401 : caller === 'anonymous' ? refusal.anonymous : refusal.others
      expectCase(mismatches, `${key} ${caller}`, allowed, expected, answer.status)
    }
    expect(mismatches).toEqual([])
  })
})

describe('custom GraphQL mutations', () => {
  it.each(Object.entries(graphQLMutationRules))('%s answers exactly its callers', async (name, rule) => {
    const item = await fixtures['content-items']!.seed()
    const mismatches: Mismatch[] = []
    for (const caller of callers) {
      const answer = await gql(caller, `mutation { ${name}(id: ${item}, to: "nowhere") { id } }`, {}, name)
      const allowed = rule.callers.includes(caller as Role)
      const expected = allowed ? 400 : caller === 'anonymous' || keyCallers.includes(caller) ? 401 : 403
      expectCase(mismatches, `${name} ${caller}`, allowed, expected, answer.status)
    }
    expect(mismatches).toEqual([])
  })
})

describe('custom GraphQL queries', () => {
  const probes: Record<string, string> = {
    reports: '{ reports { kpis(from: "2026-11-01", to: "2026-11-30", kpi: [impressions]) { name value } } }',
  }

  it.each(Object.entries(graphQLQueryRules))('%s answers exactly its callers', async (name, rule) => {
    expect(probes[name]).toBeDefined()
    const mismatches: Mismatch[] = []
    for (const caller of callers) {
      const answer = await gql(caller, probes[name]!, {}, name)
      const allowed = rule.callers.includes(caller as Role)
      const expected = allowed ? 200 : caller === 'anonymous' || keyCallers.includes(caller) ? 401 : 403
      expectCase(mismatches, `${name} ${caller}`, allowed, expected, answer.status)
    }
    expect(mismatches).toEqual([])
  })
})

describe('named workflow bypasses (see workflow-bypass.test.ts for each in full)', () => {
  it('anonymous GraphQL cannot approve, and one GraphQL request cannot lend a transition to the next operation', async () => {
    const id = await fixtures['content-items']!.seed()
    await setWorkflowState(payload, id, 'in_review')
    const anonymous = await gql('anonymous', `mutation { transitionContentItem(id: ${id}, to: "approved") { id } }`, {}, 'transitionContentItem')
    const shared = await security.graphql(
      'consultant',
      `mutation { a: transitionContentItem(id: ${id}, to: "approved") { id } b: updateContentItem(id: ${id}, data: { workflowState: approved }) { id } }`,
    )
    const mismatches: Mismatch[] = []
    expectCase(mismatches, 'anonymous transitionContentItem', false, 401, anonymous.status)
    expectCase(
      mismatches,
      'consultant transition then direct write in one request',
      false,
      [403, 403],
      [graphqlStatus(shared, 'a'), graphqlStatus(shared, 'b')],
    )
    expectCase(mismatches, 'state after both', false, 'in_review', (await stored('content-items', id))?.workflowState)
    expect(mismatches).toEqual([])
  })
})
