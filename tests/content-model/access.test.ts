import type { Payload } from 'payload'

import type { Role } from '../../src/domain/roles'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { makeJpeg } from './fixtures'

let app: TestPayload
let payload: Payload
let accounts: Record<Role, TestAccount>

const user = (role: Role) => payload.findByID({ collection: 'users', id: accounts[role].id })

type Operation = 'read' | 'create' | 'update' | 'delete'
type Expectation = Record<Role, Operation[]>

const all: Operation[] = ['read', 'create', 'update', 'delete']
const readOnly: Operation[] = ['read']

const expected: Record<string, Expectation> = {
  'content-items': {
    admin: all,
    ncsc: all,
    consultant: ['read', 'create', 'update'],
    cm: readOnly,
    legal: readOnly,
    analyst: readOnly,
    integration: [],
  },
  media: {
    admin: all,
    ncsc: all,
    consultant: ['read', 'create', 'update'],
    cm: readOnly,
    legal: readOnly,
    analyst: readOnly,
    integration: [],
  },
  'platform-variants': {
    admin: all,
    ncsc: all,
    cm: all,
    consultant: readOnly,
    legal: readOnly,
    analyst: readOnly,
    integration: [],
  },
  themes: { admin: all, ncsc: all, cm: readOnly, consultant: readOnly, legal: readOnly, analyst: readOnly, integration: [] },
  'key-moments': { admin: all, ncsc: all, cm: readOnly, consultant: readOnly, legal: readOnly, analyst: readOnly, integration: [] },
}

let mediaId: number

async function sampleData(collection: string, index: number): Promise<Record<string, unknown>> {
  switch (collection) {
    case 'content-items':
      return { title: `Item ${index}`, format: 'post' }
    case 'platform-variants': {
      // A content item of its own, so item × platform × language stays unique.
      const item = await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: `For variant ${index}`, format: 'post' } })
      return { contentItem: item.id, platform: 'x', language: 'fr', text: `Variant ${index}` }
    }
    case 'themes':
      return { name: `Theme ${index}`, slug: `theme-${index}` }
    case 'key-moments':
      return { title: `Moment ${index}`, startsOn: '2026-12-01', endsOn: '2026-12-02', priority: 'low' }
    default:
      return { alt: `Alt ${index}` }
  }
}

async function attempt(collection: string, operation: Operation, role: Role, index: number): Promise<boolean> {
  const actor = await user(role)
  const options = { overrideAccess: false, user: actor } as const
  try {
    if (operation === 'read') {
      await payload.find({ collection: collection as never, ...options })
    } else if (operation === 'create') {
      const data = await sampleData(collection, index)
      if (collection === 'media') {
        await payload.create({
          collection: 'media',
          data: data as never,
          file: { data: await makeJpeg(400, 300), mimetype: 'image/jpeg', name: `a${index}.jpg`, size: 1 },
          ...options,
        })
      } else {
        await payload.create({ collection: collection as never, data: data as never, ...options })
      }
    } else {
      const target = await payload.create({
        collection: collection as never,
        data: (await sampleData(collection, index + 500)) as never,
        overrideAccess: true,
        ...(collection === 'media' ? { file: { data: await makeJpeg(400, 300), mimetype: 'image/jpeg', name: `b${index}.jpg`, size: 1 } } : {}),
      })
      if (operation === 'update') {
        const data =
          collection === 'media'
            ? { caption: 'x' }
            : collection === 'platform-variants'
              ? { text: 'updated' }
              : { [collection === 'themes' ? 'name' : 'title']: 'updated' }
        await payload.update({ collection: collection as never, id: (target as { id: number }).id, data: data as never, ...options })
      } else {
        await payload.delete({ collection: collection as never, id: (target as { id: number }).id, ...options })
      }
    }
    return true
  } catch (error) {
    if ((error as { status?: number }).status === 403) return false
    throw error
  }
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  const media = await payload.create({
    collection: 'media',
    overrideAccess: true,
    data: { alt: 'Infographie' },
    file: { data: await makeJpeg(800, 600), mimetype: 'image/jpeg', name: 'base.jpg', size: 1 },
  })
  mediaId = media.id
  await payload.create({ collection: 'content-items', overrideAccess: true, data: { title: 'Base', format: 'post', assets: [mediaId] } })
})

afterAll(async () => {
  await app?.close()
})

let counter = 0
describe.each(Object.keys(expected))('%s access', (collection) => {
  it.each(Object.keys(expected[collection]!) as Role[])('matches the table for %s', async (role) => {
    const allowed: Operation[] = []
    for (const operation of ['read', 'create', 'update', 'delete'] as Operation[]) {
      counter += 1
      if (await attempt(collection, operation, role, counter)) allowed.push(operation)
    }
    expect(allowed).toEqual(expected[collection]![role])
  })
})
