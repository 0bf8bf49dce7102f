/**
 * Content access over real HTTP (issue 18): media, content items and platform variants, for every
 * role and anonymously, each person signed in through POST /api/users/login and the tool through
 * its API key.
 *
 * The access matrix (tests/security/matrix-harness.ts) already tries every row's status over REST,
 * GraphQL and the Local API, and reads back the one field it changes. This file adds what it does
 * not look at: real multipart uploads of a JPEG, the files themselves (the original and its
 * renditions through /api/media/file/:filename, and on disk), and that a refused request changed
 * nothing at all — the whole stored document, its versions, the workflow history, the files on disk,
 * no new document after a refused create.
 *
 * The expectations are written out below, copied from the README's "Who can do what" table, so
 * that nothing here is computed by the access functions under test.
 */
import fs from 'node:fs'
import path from 'node:path'

import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { collectionRules } from '../../src/security/access-matrix'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { makeJpeg } from './fixtures'

jest.setTimeout(120_000)

type Caller = Role | 'anonymous'
type Operation = 'create' | 'read' | 'update' | 'delete'
type Slug = 'media' | 'content-items' | 'platform-variants'

/** The spec: README "Who can do what" (staff = every role but integration). */
const spec: Record<Slug, Record<Operation, readonly Role[]>> = {
  media: {
    create: ['admin', 'ncsc', 'consultant'],
    read: ['admin', 'ncsc', 'legal', 'consultant', 'cm', 'analyst'],
    update: ['admin', 'ncsc', 'consultant'],
    delete: ['admin', 'ncsc'],
  },
  'content-items': {
    create: ['admin', 'ncsc', 'consultant'],
    read: ['admin', 'ncsc', 'legal', 'consultant', 'cm', 'analyst'],
    update: ['admin', 'ncsc', 'consultant'],
    delete: ['admin', 'ncsc'],
  },
  'platform-variants': {
    create: ['admin', 'ncsc', 'cm'],
    read: ['admin', 'ncsc', 'legal', 'consultant', 'cm', 'analyst'],
    update: ['admin', 'ncsc', 'cm'],
    delete: ['admin', 'ncsc', 'cm'],
  },
}

/**
 * What a refused caller gets from Payload's collection routes and its file route: Forbidden (403),
 * for anonymous callers too (README, "How a refusal reads": "Payload answers 403 to anonymous calls
 * on collections too"; Payload's executeAccess and checkFileAccess throw Forbidden whoever asks).
 * 401 is only for Badil's own endpoints and for a wrong API key, neither of which is tried here.
 */
type Route = 'list' | 'read' | 'file' | 'create' | 'update' | 'bulkUpdate' | 'delete' | 'bulkDelete'
const refusedStatus: Record<Route, { anonymous: number; signedIn: number }> = {
  list: { anonymous: 403, signedIn: 403 },
  read: { anonymous: 403, signedIn: 403 },
  file: { anonymous: 403, signedIn: 403 },
  create: { anonymous: 403, signedIn: 403 },
  update: { anonymous: 403, signedIn: 403 },
  bulkUpdate: { anonymous: 403, signedIn: 403 },
  delete: { anonymous: 403, signedIn: 403 },
  bulkDelete: { anonymous: 403, signedIn: 403 },
}
const refused = (route: Route, caller: Caller) => (caller === 'anonymous' ? refusedStatus[route].anonymous : refusedStatus[route].signedIn)
/** What an allowed caller gets. */
const allowedStatus: Record<Route, number> = { list: 200, read: 200, file: 200, create: 201, update: 200, bulkUpdate: 200, delete: 200, bulkDelete: 200 }

const callers: Caller[] = [...roles, 'anonymous']
const may = (slug: Slug, operation: Operation, caller: Caller) => caller !== 'anonymous' && spec[slug][operation].includes(caller)
const verdict = (allowed: boolean) => (allowed ? 'allowed' : 'refused')

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
let jpeg: Buffer
const tokens = {} as Record<Role, string>

type Answer = { status: number; body: any; bytes: Buffer; contentType: string | null }

function authHeaders(caller: Caller): Record<string, string> {
  if (caller === 'anonymous') return {}
  if (caller === 'integration') return { Authorization: `users API-Key ${accounts.integration.apiKey}` }
  return { Authorization: `JWT ${tokens[caller]}` }
}

async function send(caller: Caller, method: string, urlPath: string, body?: Record<string, unknown> | FormData): Promise<Answer> {
  const headers = authHeaders(caller)
  let requestBody: BodyInit | undefined
  if (body instanceof FormData) requestBody = body
  else if (body !== undefined) {
    requestBody = JSON.stringify(body)
    headers['Content-Type'] = 'application/json'
  }
  const response = await fetch(`${http.baseUrl}${urlPath}`, { method, headers, body: requestBody, redirect: 'manual' })
  const bytes = Buffer.from(await response.arrayBuffer())
  // A file's bytes are not JSON: the body is then null.
  let parsed: unknown
  try {
    parsed = bytes.length ? JSON.parse(bytes.toString('utf8')) : null
  } catch {
    parsed = null
  }
  return { status: response.status, body: parsed, bytes, contentType: response.headers.get('content-type') }
}

/** Payload's refusal: its error envelope, and no document in it. */
function expectRefusal(answer: Answer, status: number) {
  expect({ status: answer.status, hasDoc: answer.body?.doc !== undefined || answer.body?.docs !== undefined }).toEqual({ status, hasDoc: false })
  expect(answer.body).toMatchObject({ errors: [{ message: expect.any(String) }] })
}

let counter = 0
const next = () => (counter += 1)

/** The stored document as it is, every locale and hidden field, read with access overridden. */
async function stored(collection: Slug, id: number) {
  const doc = await payload.findByID({ collection, id, depth: 0, overrideAccess: true, showHiddenFields: true, locale: 'all', disableErrors: true })
  return doc as Record<string, any> | null
}

/** Everything a write to these collections could leave behind, beside the document itself. */
async function sideEffects() {
  const count = async (collection: 'media' | 'content-items' | 'platform-variants' | 'workflow-events') =>
    (await payload.count({ collection, overrideAccess: true })).totalDocs
  return {
    media: await count('media'),
    contentItems: await count('content-items'),
    platformVariants: await count('platform-variants'),
    workflowEvents: await count('workflow-events'),
    contentItemVersions: (await payload.countVersions({ collection: 'content-items', overrideAccess: true })).totalDocs,
    mediaFiles: mediaListing(),
  }
}

// ---------------------------------------------------------------------------------------------
// Media: files on disk

type StoredMedia = { id: number; filename: string; alt: string; renditions: Record<string, { filename: string; mimeType: string }> }

const mediaDir = () => path.join(app.dataDirPath, 'media')
const mediaListing = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()).sort() : [])
const filesOf = (doc: StoredMedia) => [doc.filename, ...Object.values(doc.renditions).map((rendition) => rendition.filename)]
const onDisk = (filename: string) => fs.existsSync(path.join(mediaDir(), filename))
const readFromDisk = (filename: string) => fs.readFileSync(path.join(mediaDir(), filename))

async function seedMedia(label: string): Promise<StoredMedia> {
  const alt = `${label} ${next()}`
  const doc = await payload.create({
    collection: 'media',
    overrideAccess: true,
    locale: 'fr',
    data: { alt },
    file: { data: jpeg, mimetype: 'image/jpeg', name: `seed-${next()}.jpg`, size: jpeg.length },
  })
  const renditions = doc.renditions as StoredMedia['renditions']
  return { id: doc.id, filename: doc.filename!, alt, renditions }
}

function uploadForm(data: Record<string, unknown>, name: string): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), name)
  form.append('_payload', JSON.stringify(data))
  return form
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  jpeg = await makeJpeg(320, 240)
  for (const role of roles.filter((role) => role !== 'integration')) {
    const login = await send('anonymous', 'POST', '/api/users/login', { email: accounts[role].email, password: accounts[role].password })
    expect({ role, status: login.status }).toEqual({ role, status: 200 })
    tokens[role] = login.body.token
  }
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('the spec written here', () => {
  it('is the access matrix’s rows for these collections, and covers every role', () => {
    for (const slug of Object.keys(spec) as Slug[]) {
      for (const operation of ['create', 'read', 'update', 'delete'] as const) {
        const row = collectionRules[slug]!.operations[operation]
        expect({ slug, operation, all: [...row.all].sort(), own: row.own ?? [] }).toEqual({ slug, operation, all: [...spec[slug][operation]].sort(), own: [] })
      }
    }
    expect(callers).toEqual(['admin', 'ncsc', 'legal', 'consultant', 'cm', 'analyst', 'integration', 'anonymous'])
  })
})

describe('media over HTTP', () => {
  describe('upload: multipart POST /api/media with a JPEG and its alt text in _payload', () => {
    for (const caller of callers) {
      const allowed = may('media', 'create', caller)
      it(`${caller}: ${allowed ? 'allowed (201), the document, the original and its six renditions are stored' : 'refused (403), no document and no file stored'}`, async () => {
        const alt = `Téléversé par ${caller} ${next()}`
        const before = await sideEffects()
        const answer = await send(caller, 'POST', '/api/media', uploadForm({ alt, credit: `Crédit ${caller}` }, `upload-${caller}-${next()}.jpg`))
        if (allowed) {
          expect(answer.status).toBe(allowedStatus.create)
          const doc = (await stored('media', answer.body.doc.id)) as Record<string, any>
          expect(doc).toMatchObject({ alt: { fr: alt }, credit: `Crédit ${caller}`, kind: 'image', mimeType: 'image/jpeg', width: 320, height: 240 })
          const files = filesOf({ ...doc, alt } as StoredMedia)
          expect(files).toHaveLength(7)
          expect(files.filter((filename) => !onDisk(filename))).toEqual([])
          expect(readFromDisk(doc.filename).equals(jpeg)).toBe(true)
          expect(mediaListing()).toEqual([...before.mediaFiles, ...files].sort())
          expect((await sideEffects()).media).toBe(before.media + 1)
        } else {
          expectRefusal(answer, refused('create', caller))
          expect(await sideEffects()).toEqual(before)
          const found = await payload.find({ collection: 'media', where: { alt: { equals: alt } }, locale: 'fr', overrideAccess: true })
          expect(found.totalDocs).toBe(0)
        }
      })
    }
  })

  describe('access before the file: a caller who may not write gets 403 even for a file Badil refuses anyway (an SVG named .jpg)', () => {
    // Badil inspects the file in the media collection's beforeOperation hook, which Payload runs
    // before its access check. A caller without the right must get the refusal of their role (403),
    // never the verdict on the file (400), and the file must not be inspected for them at all.
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const svgForm = (caller: Caller) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(svg)], { type: 'image/jpeg' }), `logo-${caller}-${next()}.jpg`)
      form.append('_payload', JSON.stringify({ alt: `SVG de ${caller}` }))
      return form
    }
    for (const caller of callers.filter((caller) => !may('media', 'create', caller))) {
      it(`${caller}: upload (POST) refused with 403, nothing stored`, async () => {
        const before = await sideEffects()
        const answer = await send(caller, 'POST', '/api/media', svgForm(caller))
        expect({ status: answer.status, nothingStored: JSON.stringify(await sideEffects()) === JSON.stringify(before) }).toEqual({
          status: refused('create', caller),
          nothingStored: true,
        })
      })
    }
    for (const caller of callers.filter((caller) => !may('media', 'update', caller))) {
      it(`${caller}: file replacement (PATCH) refused with 403, nothing changed`, async () => {
        const media = await seedMedia('SVG refusé')
        const before = JSON.stringify(await stored('media', media.id))
        const effects = JSON.stringify(await sideEffects())
        const answer = await send(caller, 'PATCH', `/api/media/${media.id}`, svgForm(caller))
        expect({
          status: answer.status,
          unchanged: JSON.stringify(await stored('media', media.id)) === before && JSON.stringify(await sideEffects()) === effects,
        }).toEqual({ status: refused('update', caller), unchanged: true })
      })
    }
  })

  describe('reading: GET /api/media/:id and the list', () => {
    let media: StoredMedia
    beforeAll(async () => {
      media = await seedMedia('Affiche lue')
    })
    for (const caller of callers) {
      const allowed = may('media', 'read', caller)
      it(`${caller}: ${verdict(allowed)}`, async () => {
        const byId = await send(caller, 'GET', `/api/media/${media.id}?depth=0&locale=fr`)
        const list = await send(caller, 'GET', `/api/media?where[id][equals]=${media.id}&depth=0&locale=fr`)
        if (allowed) {
          expect(byId.status).toBe(allowedStatus.read)
          expect(byId.body).toMatchObject({ id: media.id, filename: media.filename, alt: media.alt })
          expect(list.status).toBe(allowedStatus.list)
          expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([media.id])
        } else {
          expectRefusal(byId, refused('read', caller))
          expectRefusal(list, refused('list', caller))
          // Nothing of the document in the refusal.
          for (const answer of [byId, list]) {
            expect(answer.bytes.toString('utf8')).not.toContain(media.filename)
            expect(answer.bytes.toString('utf8')).not.toContain(media.alt)
          }
        }
      })
    }
  })

  describe('the files: GET /api/media/file/:filename, the original and its renditions', () => {
    let media: StoredMedia
    beforeAll(async () => {
      media = await seedMedia('Affiche servie')
    })
    for (const caller of callers) {
      const allowed = may('media', 'read', caller)
      it(`${caller}: ${allowed ? 'allowed (200), the bytes on disk with their type' : 'refused (403), no byte of the file'}`, async () => {
        const wanted = [{ filename: media.filename, mimeType: 'image/jpeg' }, media.renditions.thumbnail!, media.renditions.story!, media.renditions.square!]
        for (const file of wanted) {
          const answer = await send(caller, 'GET', `/api/media/file/${encodeURIComponent(file.filename)}`)
          const onServer = readFromDisk(file.filename)
          if (allowed) {
            expect({ file: file.filename, status: answer.status, type: answer.contentType }).toEqual({
              file: file.filename,
              status: allowedStatus.file,
              type: file.mimeType,
            })
            expect(answer.bytes.equals(onServer)).toBe(true)
          } else {
            expect({ file: file.filename, status: answer.status }).toEqual({ file: file.filename, status: refused('file', caller) })
            expect(answer.body).toMatchObject({ errors: [{ message: expect.any(String) }] })
            expect(answer.bytes.includes(onServer.subarray(0, 64))).toBe(false)
          }
        }
      })
    }
  })

  describe('updating the alt text: PATCH /api/media/:id', () => {
    for (const caller of callers) {
      const allowed = may('media', 'update', caller)
      it(`${caller}: ${allowed ? 'allowed (200), the alt text changes and the files stay' : 'refused (403), the document and its files unchanged'}`, async () => {
        const media = await seedMedia('Alt avant')
        const before = await stored('media', media.id)
        const effects = await sideEffects()
        const alt = `Alt de ${caller} ${next()}`
        const answer = await send(caller, 'PATCH', `/api/media/${media.id}?locale=fr`, { alt, caption: 'Légende réécrite' })
        if (allowed) {
          expect(answer.status).toBe(allowedStatus.update)
          expect(answer.body.doc).toMatchObject({ id: media.id, alt })
          expect(await stored('media', media.id)).toMatchObject({ alt: { fr: alt }, caption: { fr: 'Légende réécrite' }, filename: media.filename })
          expect(filesOf(media).filter((filename) => !onDisk(filename))).toEqual([])
        } else {
          expectRefusal(answer, refused('update', caller))
          expect(await stored('media', media.id)).toEqual(before)
          expect(await sideEffects()).toEqual(effects)
        }
      })
    }
  })

  describe('replacing the file: multipart PATCH /api/media/:id by a caller who may not update', () => {
    for (const caller of callers.filter((caller) => !may('media', 'update', caller))) {
      it(`${caller}: refused (403), the stored file, renditions and document unchanged`, async () => {
        const media = await seedMedia('Fichier gardé')
        const before = await stored('media', media.id)
        const effects = await sideEffects()
        const replacement = await makeJpeg(200, 300)
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(replacement)], { type: 'image/jpeg' }), `replacement-${caller}.jpg`)
        form.append('_payload', JSON.stringify({ alt: `Remplacé par ${caller}` }))
        const answer = await send(caller, 'PATCH', `/api/media/${media.id}`, form)
        expectRefusal(answer, refused('update', caller))
        expect(await stored('media', media.id)).toEqual(before)
        expect(await sideEffects()).toEqual(effects)
        expect(readFromDisk(media.filename).equals(jpeg)).toBe(true)
      })
    }
  })

  describe('deleting: DELETE /api/media/:id', () => {
    for (const caller of callers) {
      const allowed = may('media', 'delete', caller)
      it(`${caller}: ${allowed ? 'allowed (200), the document and all its files are gone' : 'refused (403), the document and its files still there and still served'}`, async () => {
        const media = await seedMedia('À supprimer')
        const before = await stored('media', media.id)
        const effects = await sideEffects()
        const answer = await send(caller, 'DELETE', `/api/media/${media.id}`)
        if (allowed) {
          expect(answer.status).toBe(allowedStatus.delete)
          expect(await stored('media', media.id)).toBeNull()
          expect(filesOf(media).filter((filename) => onDisk(filename))).toEqual([])
          // Not served any more. Payload 3.90 answers a file missing on disk with a 500 and a
          // neutral message (uploads/endpoints/getFile.js), not a 404.
          for (const filename of [media.filename, media.renditions.thumbnail!.filename]) {
            const gone = await send('admin', 'GET', `/api/media/file/${encodeURIComponent(filename)}`)
            expect({ filename, status: gone.status, body: gone.body }).toEqual({
              filename,
              status: 500,
              body: { errors: [{ message: 'Something went wrong.' }] },
            })
          }
        } else {
          expectRefusal(answer, refused('delete', caller))
          expect(await stored('media', media.id)).toEqual(before)
          expect(await sideEffects()).toEqual(effects)
          expect(filesOf(media).filter((filename) => !onDisk(filename))).toEqual([])
          const served = await send('admin', 'GET', `/api/media/file/${encodeURIComponent(media.renditions.thumbnail!.filename)}`)
          expect(served.status).toBe(200)
          expect(served.bytes.equals(readFromDisk(media.renditions.thumbnail!.filename))).toBe(true)
        }
      })
    }
  })

  describe('deleting in bulk: DELETE /api/media?where[id][equals]=:id', () => {
    for (const caller of callers) {
      const allowed = may('media', 'delete', caller)
      it(`${caller}: ${allowed ? 'allowed (200), the document and its files are gone' : 'refused (403), the document and its files still there'}`, async () => {
        const media = await seedMedia('À supprimer en lot')
        const before = await stored('media', media.id)
        const effects = await sideEffects()
        const answer = await send(caller, 'DELETE', `/api/media?where[id][equals]=${media.id}`)
        if (allowed) {
          expect(answer.status).toBe(allowedStatus.bulkDelete)
          expect(await stored('media', media.id)).toBeNull()
          expect(filesOf(media).filter((filename) => onDisk(filename))).toEqual([])
        } else {
          expectRefusal(answer, refused('bulkDelete', caller))
          expect(await stored('media', media.id)).toEqual(before)
          expect(await sideEffects()).toEqual(effects)
        }
      })
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Content items and platform variants

type ContentFixture = {
  /** A stored document, written with access overridden. */
  seed(): Promise<number>
  /** Data to create one, and the field and value that find it again. */
  createData(): Promise<{ data: Record<string, unknown>; field: string; value: string }>
  /** A harmless change any editor may make, and how it reads back (every locale). */
  change(): { data: Record<string, unknown>; field: string; stored: unknown }
  /** Words of the seeded document that a refusal must not show. */
  secret(doc: Record<string, any>): string
}

async function seedItem(): Promise<number> {
  const item = await payload.create({
    collection: 'content-items',
    overrideAccess: true,
    locale: 'fr',
    data: { title: `Contenu secret ${next()}`, format: 'post', summary: `Résumé d’origine ${next()}` },
  })
  return item.id
}

const contentFixtures: Record<'content-items' | 'platform-variants', ContentFixture> = {
  'content-items': {
    seed: seedItem,
    createData: async () => {
      const title = `Nouveau contenu ${next()}`
      return { data: { title, format: 'post' }, field: 'title', value: title }
    },
    change: () => {
      // The summary is not substance: it never sends an item back to review.
      const summary = `Résumé modifié ${next()}`
      return { data: { summary }, field: 'summary', stored: { fr: summary } }
    },
    secret: (doc) => doc.title.fr,
  },
  'platform-variants': {
    seed: async () => {
      const variant = await payload.create({
        collection: 'platform-variants',
        overrideAccess: true,
        locale: 'fr',
        data: { contentItem: await seedItem(), platform: 'x', language: 'fr', text: `Variante secrète ${next()}` },
      })
      return variant.id
    },
    createData: async () => {
      const text = `Nouvelle variante ${next()}`
      return { data: { contentItem: await seedItem(), platform: 'x', language: 'fr', text }, field: 'text', value: text }
    },
    change: () => {
      const text = `Texte modifié ${next()}`
      return { data: { text }, field: 'text', stored: text }
    },
    secret: (doc) => doc.text,
  },
}

for (const slug of ['content-items', 'platform-variants'] as const) {
  const fixture = contentFixtures[slug]

  describe(`${slug} over REST`, () => {
    describe(`reading: GET /api/${slug} and /api/${slug}/:id`, () => {
      let id: number
      beforeAll(async () => {
        id = await fixture.seed()
      })
      for (const caller of callers) {
        const allowed = may(slug, 'read', caller)
        it(`${caller}: ${verdict(allowed)}`, async () => {
          const secret = fixture.secret((await stored(slug, id))!)
          const list = await send(caller, 'GET', `/api/${slug}?where[id][equals]=${id}&depth=0`)
          const byId = await send(caller, 'GET', `/api/${slug}/${id}?depth=0`)
          if (allowed) {
            expect(list.status).toBe(allowedStatus.list)
            expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([id])
            expect(byId.status).toBe(allowedStatus.read)
            expect(byId.body.id).toBe(id)
          } else {
            expectRefusal(list, refused('list', caller))
            expectRefusal(byId, refused('read', caller))
            expect(list.bytes.toString('utf8')).not.toContain(secret)
            expect(byId.bytes.toString('utf8')).not.toContain(secret)
          }
        })
      }
    })

    describe(`creating: POST /api/${slug}`, () => {
      for (const caller of callers) {
        const allowed = may(slug, 'create', caller)
        it(`${caller}: ${allowed ? 'allowed (201), stored' : 'refused (403), nothing stored'}`, async () => {
          const { data, field, value } = await fixture.createData()
          const before = await sideEffects()
          const answer = await send(caller, 'POST', `/api/${slug}`, data)
          const found = await payload.find({ collection: slug, where: { [field]: { equals: value } }, locale: 'fr', overrideAccess: true, depth: 0 })
          if (allowed) {
            expect(answer.status).toBe(allowedStatus.create)
            expect(found.docs.map((doc) => doc.id)).toEqual([answer.body.doc.id])
          } else {
            expectRefusal(answer, refused('create', caller))
            expect(found.totalDocs).toBe(0)
            expect(await sideEffects()).toEqual(before)
          }
        })
      }
    })

    // One by id and in bulk by a where clause: each way is checked alike.
    const ways = [
      { label: 'one', path: (id: number | string) => `/api/${slug}/${id}`, update: 'update', remove: 'delete' },
      { label: 'in bulk', path: (id: number | string) => `/api/${slug}?where[id][equals]=${id}`, update: 'bulkUpdate', remove: 'bulkDelete' },
    ] as const

    for (const way of ways) {
      describe(`updating ${way.label}: PATCH ${way.path(':id')}`, () => {
        for (const caller of callers) {
          const allowed = may(slug, 'update', caller)
          it(`${caller}: ${allowed ? 'allowed (200), changed' : 'refused (403), the document, its versions and history unchanged'}`, async () => {
            const id = await fixture.seed()
            const before = await stored(slug, id)
            const effects = await sideEffects()
            const change = fixture.change()
            const answer = await send(caller, 'PATCH', way.path(id), change.data)
            if (allowed) {
              expect(answer.status).toBe(allowedStatus[way.update])
              expect((await stored(slug, id))?.[change.field]).toEqual(change.stored)
            } else {
              expectRefusal(answer, refused(way.update, caller))
              expect(await stored(slug, id)).toEqual(before)
              expect(await sideEffects()).toEqual(effects)
            }
          })
        }
      })

      describe(`deleting ${way.label}: DELETE ${way.path(':id')}`, () => {
        for (const caller of callers) {
          const allowed = may(slug, 'delete', caller)
          it(`${caller}: ${allowed ? 'allowed (200), gone' : 'refused (403), still there, unchanged'}`, async () => {
            const id = await fixture.seed()
            const before = await stored(slug, id)
            const effects = await sideEffects()
            const answer = await send(caller, 'DELETE', way.path(id))
            if (allowed) {
              expect(answer.status).toBe(allowedStatus[way.remove])
              expect(await stored(slug, id)).toBeNull()
            } else {
              expectRefusal(answer, refused(way.remove, caller))
              expect(await stored(slug, id)).toEqual(before)
              expect(await sideEffects()).toEqual(effects)
            }
          })
        }
      })
    }
  })
}
