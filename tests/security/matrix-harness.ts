/**
 * The access matrix's machinery, shared by its test files (each boots its own app, so that the
 * two test workers share the work): the callers, the transports, the GraphQL schema, and the
 * collection cases. A case is one caller, one transport, one way in; each says what it expects
 * (the status, and what was stored). The rows come from src/security/access-matrix.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { collectionRules } from '../../src/security/access-matrix'
import type { Grant } from '../../src/security/access-matrix'
import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { collectionFixtures } from './matrix-fixtures'
import type { CollectionFixture } from './matrix-fixtures'
import { graphqlStatus, startSecurityApp } from './security-kit'
import type { Caller, SecurityApp } from './security-kit'

export type Transport = 'rest' | 'graphql' | 'local'
export const transports: Transport[] = ['rest', 'graphql', 'local']
export const keyCallers: Caller[] = ['unknownKey', 'revokedKey']
export const callers: Caller[] = [...roles, 'anonymous', ...keyCallers]

export let security: SecurityApp
export let payload: Payload
export let fixtures: Record<string, CollectionFixture>
export const counts = { cases: 0, allowed: 0, denied: 0 }

/** One observed case against its expectation; mismatches are collected and shown together. */
export type Mismatch = { case: string; expected: unknown; got: unknown }

export function expectCase(mismatches: Mismatch[], name: string, allowed: boolean, expected: unknown, got: unknown) {
  counts.cases += 1
  if (allowed) counts.allowed += 1
  else counts.denied += 1
  if (JSON.stringify(expected) !== JSON.stringify(got)) mismatches.push({ case: name, expected, got })
}

export type Scope = 'all' | 'own' | 'none'
export function scopeOf(grant: Grant | undefined, caller: Caller): Scope {
  if (!grant || caller === 'anonymous' || caller === 'unknownKey' || caller === 'revokedKey') return 'none'
  if (grant.all.includes(caller)) return 'all'
  if (grant.own?.includes(caller)) return 'own'
  return 'none'
}

/** What a refused caller gets: 401 for a wrong or revoked key (before Payload), Payload's 403 otherwise. */
export const refusedStatus = (caller: Caller) => (keyCallers.includes(caller) ? 401 : 403)

export const localUsers = new Map<Role, unknown>()
export const localUser = (caller: Caller) => (roles.includes(caller as Role) ? localUsers.get(caller as Role) : undefined)

export async function local<T>(run: () => Promise<T>): Promise<{ status: number; value?: T }> {
  try {
    return { status: 200, value: await run() }
  } catch (error) {
    return { status: (error as { status?: number }).status ?? 500 }
  }
}

export const stored = async (collection: string, id: number) =>
  (await payload.findByID({ collection: collection as never, id, depth: 0, overrideAccess: true, showHiddenFields: true, disableErrors: true })) as Record<
    string,
    unknown
  > | null

// GraphQL input types, read once, to build variables every caller can send (a refusal must be
// Payload's, never a schema error).
export type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
export type SchemaType = {
  name: string
  kind: string
  enumValues: { name: string }[] | null
  inputFields: { name: string; type: TypeRef }[] | null
  fields: { name: string }[] | null
}
export const schemaTypes = new Map<string, SchemaType>()

export function sampleOf(type: TypeRef): unknown {
  if (type.kind === 'NON_NULL') return sampleOf(type.ofType!)
  if (type.kind === 'LIST') return []
  if (type.kind === 'ENUM') return schemaTypes.get(type.name!)!.enumValues![0]!.name
  if (type.kind === 'INPUT_OBJECT') return requiredInput(type.name!, {})
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1
    case 'Boolean':
      return false
    case 'JSON':
      return {}
    case 'DateTime':
      return new Date().toISOString()
    case 'EmailAddress':
      return 'matrix@test.badil.local'
    default:
      return 'matrix'
  }
}

/** A value as the schema takes it: select values become Payload's enum names ("publication.failed" → publication_failed). */
export function coerce(type: TypeRef, value: unknown): unknown {
  if (value === null || value === undefined) return value
  if (type.kind === 'NON_NULL') return coerce(type.ofType!, value)
  if (type.kind === 'LIST') return Array.isArray(value) ? value.map((entry) => coerce(type.ofType!, entry)) : value
  if (type.kind === 'ENUM' && typeof value === 'string') {
    const names = schemaTypes.get(type.name!)!.enumValues!.map((entry) => entry.name)
    return names.includes(value) ? value : value.replace(/[^0-9A-Za-z_]/g, '_')
  }
  if (type.kind === 'INPUT_OBJECT' && typeof value === 'object' && !Array.isArray(value)) return coerceInput(type.name!, value as Record<string, unknown>)
  return value
}

/** `data` kept to the input type's fields, its values as the schema takes them. */
export function coerceInput(typeName: string, data: Record<string, unknown>): Record<string, unknown> {
  const type = schemaTypes.get(typeName)
  if (!type?.inputFields) throw new Error(`No GraphQL input type ${typeName}`)
  const result: Record<string, unknown> = {}
  for (const field of type.inputFields) if (field.name in data) result[field.name] = coerce(field.type, data[field.name])
  return result
}

/** `data` kept to the input type's fields, with every required field filled. */
export function requiredInput(typeName: string, data: Record<string, unknown>): Record<string, unknown> {
  const type = schemaTypes.get(typeName)!
  const result = coerceInput(typeName, data)
  for (const field of type.inputFields!) if (!(field.name in result) && field.type.kind === 'NON_NULL') result[field.name] = sampleOf(field.type)
  return result
}

export const inputFieldNames = (typeName: string) => new Set((schemaTypes.get(typeName)?.inputFields ?? []).map((field) => field.name))

export async function gql(caller: Caller, query: string, variables: Record<string, unknown>, field: string) {
  const answer = await security.graphql(caller, query, variables)
  const data = answer.body?.data?.[field] as Record<string, unknown> | null | undefined
  return { status: graphqlStatus(answer, field), data, answer }
}

export async function restCreate(caller: Caller, slug: string, data: Record<string, unknown>, fixture: CollectionFixture) {
  if (!fixture.file) return security.rest(caller, 'POST', `/api/${slug}`, data)
  const file = await fixture.file()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
  form.append('_payload', JSON.stringify(data))
  return security.rest(caller, 'POST', `/api/${slug}`, form)
}

/** Where each part writes its counts; the run's teardown adds them up. */
export function matrixCountsFile(part: string): string {
  return path.join(os.tmpdir(), `badil-matrix-${process.env.BADIL_TEST_RUN_ID ?? 'run'}-${part.replace(/[^A-Za-z0-9]+/g, '-')}.json`)
}

/** Boots the app for one part of the matrix, and reports its counts when the part ends. */
export function useMatrixApp(part: string): void {
  beforeAll(async () => {
    security = await startSecurityApp()
    payload = security.payload
    fixtures = collectionFixtures(security)
    for (const role of roles) localUsers.set(role, await security.user(role))
    const introspection = await security.graphql(
      'admin',
      `{ __schema { types { name kind enumValues { name } fields { name } inputFields { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }`,
    )
    for (const type of introspection.body.data.__schema.types as SchemaType[]) schemaTypes.set(type.name, type)
  })

  afterAll(async () => {
    process.stdout.write(`\naccess matrix (${part}): ${counts.cases} cases, ${counts.allowed} allowed, ${counts.denied} denied\n`)
    fs.writeFileSync(matrixCountsFile(part), JSON.stringify(counts))
    await security?.close()
  })
}

/** What a caller granted only their own documents gets on someone else's: Payload's NotFound when reading, Forbidden when writing. */
export const ownMiss = { read: 404, write: 403 }

export const ways = (slug: string, transport: Transport) =>
  transport === 'rest' ? collectionRules[slug]!.rest !== false : transport === 'graphql' ? collectionRules[slug]!.graphQL !== false : true
export const transportCallers = (transport: Transport) => (transport === 'local' ? callers.filter((caller) => !keyCallers.includes(caller)) : callers)
export const refusedOn = (transport: Transport, caller: Caller) => (transport === 'local' ? 403 : refusedStatus(caller))
export const graphQLOf = (slug: string) => collectionRules[slug]!.graphQL as { singular: string; plural: string }

/** The cases of these collections' rows: read, create, update, delete; duplicate, versions and protected fields where they apply. */
export function describeCollections(slugs: string[]): void {
  for (const slug of slugs)
    describe(`collection ${slug}`, () => {
      const rules = collectionRules[slug]!

      it('read: lists, counts and reads by id exactly as granted', async () => {
        const fixture = fixtures[slug]!
        const grant = rules.operations.read
        const other = await fixture.seed()
        const own = new Map<Caller, number>()
        for (const caller of callers) if (scopeOf(grant, caller) === 'own') own.set(caller, await fixture.seed(caller as Role))
        const mismatches: Mismatch[] = []
        for (const transport of transports.filter((transport) => ways(slug, transport))) {
          for (const caller of transportCallers(transport)) {
            const scope = scopeOf(grant, caller)
            const name = `${slug} read ${transport} ${caller}`
            let list: { status: number; ids: number[] }
            let count: number
            let byId: number | undefined
            let ownById: number | undefined
            const byIdHere = !(transport === 'rest' && fixture.restByIdAnsweredByKey?.includes('get'))
            if (transport === 'rest') {
              const answer = await security.rest(caller, 'GET', `/api/${slug}?limit=0&depth=0`)
              list = { status: answer.status, ids: (answer.body?.docs ?? []).map((doc: { id: number }) => doc.id) }
              count = (await security.rest(caller, 'GET', `/api/${slug}/count`)).status
              if (byIdHere) byId = (await security.rest(caller, 'GET', `/api/${slug}/${other}?depth=0`)).status
              if (byIdHere && own.has(caller)) ownById = (await security.rest(caller, 'GET', `/api/${slug}/${own.get(caller)}?depth=0`)).status
            } else if (transport === 'graphql') {
              const { singular, plural } = graphQLOf(slug)
              const answer = await gql(caller, `{ ${plural}(limit: 0) { docs { id } } }`, {}, plural)
              list = { status: answer.status, ids: ((answer.data?.docs as { id: number }[] | undefined) ?? []).map((doc) => doc.id) }
              count = (await gql(caller, `{ count${plural} { totalDocs } }`, {}, `count${plural}`)).status
              byId = (await gql(caller, `{ ${singular}(id: ${other}) { id } }`, {}, singular)).status
              if (own.has(caller)) ownById = (await gql(caller, `{ ${singular}(id: ${own.get(caller)}) { id } }`, {}, singular)).status
            } else {
              const user = localUser(caller)
              const found = await local(() => payload.find({ collection: slug as never, overrideAccess: false, user, depth: 0, pagination: false }))
              list = { status: found.status, ids: (found.value?.docs ?? []).map((doc) => (doc as { id: number }).id) }
              count = (await local(() => payload.count({ collection: slug as never, overrideAccess: false, user }))).status
              byId = (await local(() => payload.findByID({ collection: slug as never, id: other, overrideAccess: false, user, depth: 0 }))).status
              if (own.has(caller))
                ownById = (await local(() => payload.findByID({ collection: slug as never, id: own.get(caller)!, overrideAccess: false, user, depth: 0 })))
                  .status
            }
            if (scope === 'all') {
              expectCase(mismatches, `${name} list`, true, { status: 200, seen: true }, { status: list.status, seen: list.ids.includes(other) })
              expectCase(mismatches, `${name} count`, true, 200, count)
              if (byIdHere) expectCase(mismatches, `${name} by id`, true, 200, byId)
            } else if (scope === 'own') {
              const mine = own.get(caller)!
              expectCase(
                mismatches,
                `${name} list (own only)`,
                true,
                { status: 200, ids: [mine] },
                { status: list.status, ids: list.ids.filter((id) => id === mine || id === other) },
              )
              expectCase(mismatches, `${name} count`, true, 200, count)
              if (byIdHere) expectCase(mismatches, `${name} by id (someone else's)`, false, ownMiss.read, byId)
              if (byIdHere) expectCase(mismatches, `${name} by id (own)`, true, 200, ownById)
            } else {
              const refused = refusedOn(transport, caller)
              expectCase(mismatches, `${name} list`, false, refused, list.status)
              expectCase(mismatches, `${name} count`, false, refused, count)
              if (byIdHere) expectCase(mismatches, `${name} by id`, false, refused, byId)
            }
          }
        }
        expect(mismatches).toEqual([])
      })

      it('create: exactly the granted roles create, on every transport', async () => {
        const fixture = fixtures[slug]!
        const grant = rules.operations.create
        const mismatches: Mismatch[] = []
        for (const transport of transports.filter((transport) => ways(slug, transport))) {
          for (const caller of transportCallers(transport)) {
            const allowed = scopeOf(grant, caller) !== 'none'
            const data = await fixture.createData()
            let status: number
            if (transport === 'rest') {
              status = (await restCreate(caller, slug, data, fixture)).status
            } else if (transport === 'graphql') {
              const { singular } = graphQLOf(slug)
              const input = `mutation${singular}Input`
              const answer = await gql(
                caller,
                `mutation Create($data: ${input}!) { create${singular}(data: $data) { id } }`,
                { data: requiredInput(input, data) },
                `create${singular}`,
              )
              status = answer.status
              // GraphQL carries no file: an upload collection refuses every create, after access.
              if (fixture.file && allowed) {
                expectCase(
                  mismatches,
                  `${slug} create graphql ${caller} (no file over GraphQL)`,
                  true,
                  'MissingFile',
                  answer.answer.body?.errors?.[0]?.extensions?.name,
                )
                continue
              }
            } else {
              const file = fixture.file ? await fixture.file() : undefined
              status = (
                await local(() =>
                  payload.create({ collection: slug as never, data: data as never, overrideAccess: false, user: localUser(caller), ...(file ? { file } : {}) }),
                )
              ).status
            }
            const expected = allowed ? (transport === 'rest' ? 201 : 200) : refusedOn(transport, caller)
            expectCase(mismatches, `${slug} create ${transport} ${caller}`, allowed, expected, status)
          }
        }
        expect(mismatches).toEqual([])
      })

      it('update: exactly the granted roles change a document, by id and in bulk', async () => {
        const fixture = fixtures[slug]!
        const grant = rules.operations.update
        const mismatches: Mismatch[] = []
        const valueOf = async (id: number, field: string) => JSON.stringify((await stored(slug, id))?.[field] ?? null)
        for (const transport of transports.filter((transport) => ways(slug, transport))) {
          for (const caller of transportCallers(transport)) {
            const scope = scopeOf(grant, caller)
            const targets: { id: number; mine: boolean }[] = [{ id: await fixture.seed(), mine: false }]
            if (scope === 'own') targets.push({ id: await fixture.seed(caller as Role), mine: true })
            for (const target of targets) {
              const change = fixture.update()
              const name = `${slug} update ${transport} ${caller}${target.mine ? ' (own)' : ''}`
              let status: number
              if (transport === 'rest') {
                status = (await security.rest(caller, 'PATCH', `/api/${slug}/${target.id}`, change.data)).status
              } else if (transport === 'graphql') {
                const { singular } = graphQLOf(slug)
                const input = `mutation${singular}UpdateInput`
                status = (
                  await gql(
                    caller,
                    `mutation Update($data: ${input}!) { update${singular}(id: ${target.id}, data: $data) { id } }`,
                    { data: coerceInput(input, change.data) },
                    `update${singular}`,
                  )
                ).status
              } else {
                status = (
                  await local(() =>
                    payload.update({ collection: slug as never, id: target.id, data: change.data as never, overrideAccess: false, user: localUser(caller) }),
                  )
                ).status
              }
              const changed = (await valueOf(target.id, change.field)) === JSON.stringify(change.value)
              if (scope === 'all' || (scope === 'own' && target.mine)) expectCase(mismatches, name, true, { status: 200, changed: true }, { status, changed })
              else if (scope === 'own')
                expectCase(mismatches, `${name} (someone else's)`, false, { status: ownMiss.write, changed: false }, { status, changed })
              else expectCase(mismatches, name, false, { status: refusedOn(transport, caller), changed: false }, { status, changed })
            }
            if (transport === 'rest') {
              // In bulk: PATCH /api/<slug>?where[id][equals]=<id>. A caller granted their own documents gets none of someone else's.
              const id = await fixture.seed()
              const change = fixture.update()
              const answer = await security.rest(caller, 'PATCH', `/api/${slug}?where[id][equals]=${id}`, change.data)
              const changed = (await valueOf(id, change.field)) === JSON.stringify(change.value)
              const name = `${slug} bulk update rest ${caller}`
              if (scope === 'all') expectCase(mismatches, name, true, { status: 200, changed: true }, { status: answer.status, changed })
              else if (scope === 'own')
                expectCase(mismatches, `${name} (someone else's)`, false, { status: 200, changed: false }, { status: answer.status, changed })
              else expectCase(mismatches, name, false, { status: refusedStatus(caller), changed: false }, { status: answer.status, changed })
            }
          }
        }
        expect(mismatches).toEqual([])
      })

      it('delete: exactly the granted roles delete, by id and in bulk', async () => {
        const fixture = fixtures[slug]!
        const grant = rules.operations.delete
        const mismatches: Mismatch[] = []
        for (const transport of transports.filter((transport) => ways(slug, transport))) {
          if (transport === 'rest' && fixture.restByIdAnsweredByKey?.includes('delete')) continue
          for (const caller of transportCallers(transport)) {
            const scope = scopeOf(grant, caller)
            const targets: { id: number; mine: boolean }[] = [{ id: await fixture.seed(), mine: false }]
            if (scope === 'own') targets.push({ id: await fixture.seed(caller as Role), mine: true })
            for (const target of targets) {
              let status: number
              if (transport === 'rest') status = (await security.rest(caller, 'DELETE', `/api/${slug}/${target.id}`)).status
              else if (transport === 'graphql')
                status = (await gql(caller, `mutation { delete${graphQLOf(slug).singular}(id: ${target.id}) { id } }`, {}, `delete${graphQLOf(slug).singular}`))
                  .status
              else
                status = (await local(() => payload.delete({ collection: slug as never, id: target.id, overrideAccess: false, user: localUser(caller) })))
                  .status
              const gone = (await stored(slug, target.id)) === null
              const name = `${slug} delete ${transport} ${caller}${target.mine ? ' (own)' : ''}`
              if (scope === 'all' || (scope === 'own' && target.mine)) expectCase(mismatches, name, true, { status: 200, gone: true }, { status, gone })
              else if (scope === 'own') expectCase(mismatches, `${name} (someone else's)`, false, { status: ownMiss.write, gone: false }, { status, gone })
              else expectCase(mismatches, name, false, { status: refusedOn(transport, caller), gone: false }, { status, gone })
            }
          }
        }
        if (ways(slug, 'rest')) {
          for (const caller of callers) {
            const scope = scopeOf(grant, caller)
            const id = await fixture.seed()
            const answer = await security.rest(caller, 'DELETE', `/api/${slug}?where[id][equals]=${id}`)
            const gone = (await stored(slug, id)) === null
            const name = `${slug} bulk delete rest ${caller}`
            if (scope === 'all') expectCase(mismatches, name, true, { status: 200, gone: true }, { status: answer.status, gone })
            else if (scope === 'own') expectCase(mismatches, `${name} (someone else's)`, false, { status: 200, gone: false }, { status: answer.status, gone })
            else expectCase(mismatches, name, false, { status: refusedStatus(caller), gone: false }, { status: answer.status, gone })
          }
        }
        expect(mismatches).toEqual([])
      })
    })

  for (const slug of slugs.filter((slug) => collectionRules[slug]!.duplicate))
    describe(`collection ${slug}: duplicate`, () => {
      const rules = collectionRules[slug]!
      it('is a create, for the roles that create and read the original', async () => {
        const fixture = fixtures[slug]!
        const mismatches: Mismatch[] = []
        for (const transport of transports.filter((transport) => ways(slug, transport))) {
          for (const caller of transportCallers(transport)) {
            const createScope = scopeOf(rules.operations.create, caller)
            const readScope = scopeOf(rules.operations.read, caller)
            // A caller who reads only their own documents duplicates only those.
            const id = await fixture.seed(readScope === 'own' ? (caller as Role) : undefined)
            let status: number
            if (transport === 'rest') status = (await security.rest(caller, 'POST', `/api/${slug}/${id}/duplicate`, {})).status
            else if (transport === 'graphql') {
              const { singular } = graphQLOf(slug)
              const input = `mutation${singular}Input`
              const data = requiredInput(input, await fixture.createData())
              status = (
                await gql(
                  caller,
                  `mutation Duplicate($data: ${input}!) { duplicate${singular}(id: ${id}, data: $data) { id } }`,
                  { data },
                  `duplicate${singular}`,
                )
              ).status
            } else status = (await local(() => payload.duplicate({ collection: slug as never, id, overrideAccess: false, user: localUser(caller) }))).status
            const allowed = createScope !== 'none' && readScope !== 'none'
            expectCase(mismatches, `${slug} duplicate ${transport} ${caller}`, allowed, allowed ? 200 : refusedOn(transport, caller), status)
          }
        }
        expect(mismatches).toEqual([])
      })
    })

  for (const slug of slugs.filter((slug) => collectionRules[slug]!.operations.readVersions))
    describe(`collection ${slug}: versions`, () => {
      const rules = collectionRules[slug]!
      it('readVersions and restoreVersion follow read and update, drafts included', async () => {
        const fixture = fixtures[slug]!
        const mismatches: Mismatch[] = []
        const id = await fixture.seed()
        await payload.update({ collection: slug as never, id, overrideAccess: true, data: fixture.update().data as never })
        const versionId = String(
          (await payload.findVersions({ collection: slug as never, where: { parent: { equals: id } }, overrideAccess: true, limit: 1 })).docs[0]!.id,
        )
        for (const transport of transports.filter((transport) => ways(slug, transport))) {
          for (const caller of transportCallers(transport)) {
            const readAllowed = scopeOf(rules.operations.readVersions, caller) !== 'none'
            const restoreAllowed = readAllowed && scopeOf(rules.operations.update, caller) !== 'none'
            let read: number
            let restore: number
            if (transport === 'rest') {
              read = (await security.rest(caller, 'GET', `/api/${slug}/versions?depth=0`)).status
              restore = (await security.rest(caller, 'POST', `/api/${slug}/versions/${versionId}`, {})).status
            } else if (transport === 'graphql') {
              const { singular, plural } = graphQLOf(slug)
              read = (await gql(caller, `{ versions${plural} { docs { id } } }`, {}, `versions${plural}`)).status
              restore = (await gql(caller, `mutation { restoreVersion${singular}(id: ${versionId}) { id } }`, {}, `restoreVersion${singular}`)).status
            } else {
              read = (await local(() => payload.findVersions({ collection: slug as never, overrideAccess: false, user: localUser(caller) }))).status
              restore = (
                await local(() => payload.restoreVersion({ collection: slug as never, id: versionId, overrideAccess: false, user: localUser(caller) }))
              ).status
            }
            expectCase(mismatches, `${slug} readVersions ${transport} ${caller}`, readAllowed, readAllowed ? 200 : refusedOn(transport, caller), read)
            expectCase(
              mismatches,
              `${slug} restoreVersion ${transport} ${caller}`,
              restoreAllowed,
              restoreAllowed ? 200 : refusedOn(transport, caller),
              restore,
            )
          }
        }
        expect(mismatches).toEqual([])
      })
    })

  for (const slug of slugs.filter((slug) => Object.keys(collectionRules[slug]!.fields ?? {}).length > 0))
    describe(`collection ${slug}: protected fields`, () => {
      const rules = collectionRules[slug]!
      it('no one but their writers sets them, on any transport', async () => {
        const fixture = fixtures[slug]!
        const mismatches: Mismatch[] = []
        const flattened = payload.collections[slug as keyof typeof payload.collections]!.config.flattenedFields
        const forged = (field: string, rule: { value?: unknown }) => {
          if (rule.value !== undefined) return rule.value
          const type = flattened.find((entry) => entry.name === field)?.type
          return type === 'number'
            ? 4242
            : type === 'date'
              ? '2031-02-03T04:05:06.000Z'
              : type === 'json'
                ? { forged: true }
                : type === 'relationship'
                  ? security.accounts.admin.id
                  : 'forged-by-the-matrix'
        }
        for (const [field, rule] of Object.entries(rules.fields ?? {})) {
          const value = forged(field, rule)
          for (const transport of transports.filter((transport) => ways(slug, transport))) {
            for (const caller of transportCallers(transport)) {
              const scope = scopeOf(rules.operations.update, caller)
              if (scope === 'none' || rule.writers.includes(caller as Role)) continue
              const id = await fixture.seed(scope === 'own' ? (caller as Role) : undefined)
              const before = JSON.stringify((await stored(slug, id))?.[field] ?? null)
              const data = { [field]: value }
              const name = `${slug}.${field} written by ${caller} over ${transport}`
              let status: number
              if (transport === 'rest') status = (await security.rest(caller, 'PATCH', `/api/${slug}/${id}`, data)).status
              else if (transport === 'graphql') {
                const { singular } = graphQLOf(slug)
                const input = `mutation${singular}UpdateInput`
                if (!inputFieldNames(input).has(field)) {
                  // Not in the schema: no GraphQL request can carry it.
                  expectCase(mismatches, `${name} (absent from ${input})`, false, false, inputFieldNames(input).has(field))
                  continue
                }
                status = (
                  await gql(
                    caller,
                    `mutation Update($data: ${input}!) { update${singular}(id: ${id}, data: $data) { id } }`,
                    { data: coerceInput(input, data) },
                    `update${singular}`,
                  )
                ).status
              } else
                status = (
                  await local(() => payload.update({ collection: slug as never, id, data: data as never, overrideAccess: false, user: localUser(caller) }))
                ).status
              const after = JSON.stringify((await stored(slug, id))?.[field] ?? null)
              expectCase(mismatches, name, false, { status: rule.others === 'refused' ? 403 : 200, unchanged: true }, { status, unchanged: after === before })
            }
          }
        }
        expect(mismatches).toEqual([])
      })
    })
}
