import type { Payload } from 'payload'

import { runImport } from '../../plugins/campaign-ops/inbox/import'
import { waitFor } from '../helpers/wait-for'
import { startInboxApp } from './inbox-fixtures'
import type { InboxApp } from './inbox-fixtures'

let inbox: InboxApp
let payload: Payload

/** Sends a file as the import endpoint takes it; `as` is its content type. */
async function upload(body: string, as: string, query = 'network=tiktok&account=badil.maroc&fileName=export.csv') {
  const response = await fetch(`${inbox.http.baseUrl}/api/interactions/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': as, authorization: `JWT ${await token('cm')}`, 'accept-language': 'fr' },
    body,
  })
  return { status: response.status, body: await response.json() }
}

const tokens: Record<string, string> = {}
async function token(role: 'cm' | 'analyst') {
  if (!tokens[role]) {
    const response = await fetch(`${inbox.http.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: inbox.accounts[role].email, password: inbox.accounts[role].password }),
    })
    tokens[role] = ((await response.json()) as { token: string }).token
  }
  return tokens[role]!
}

async function finished(id: number) {
  const read = () => payload.findByID({ collection: 'inbox-imports', id, overrideAccess: true, depth: 0 })
  await waitFor(async () => (await read()).status === 'done', 30_000, `import ${id} to finish`)
  return read()
}

beforeAll(async () => {
  inbox = await startInboxApp()
  payload = inbox.payload
})

afterAll(async () => {
  await inbox?.close()
})

describe('importing comments from a file', () => {
  it('reads a CSV export in the background, with progress and a per-row report', async () => {
    const csv = [
      'id,Post ID,author_id,author_name,text,created_at,kind',
      'tt-1,video-9,u1,Meryem,"Encore une loi pour les riches",2026-12-01T10:00:00Z,comment',
      'tt-2,video-9,u2,Hamza,"Bravo, enfin une alternative, ""humaine""",2026-12-01T10:05:00+01:00,',
      ',video-9,u3,Sans id,"ligne sans identifiant",,',
      'tt-3,video-9,u4,Kenza,"Pourquoi pas",pas une date,comment',
      'tt-1,video-9,u1,Meryem,"Encore une loi pour les riches",2026-12-01T10:00:00Z,comment',
    ].join('\n')
    const started = await upload(csv, 'text/csv')
    expect(started.status).toBe(202)
    expect(started.body.import).toMatchObject({ total: 5 })
    const result = await finished(started.body.import.id)
    expect(result).toMatchObject({ processed: 5, created: 2, duplicates: 1, invalid: 2, network: 'tiktok', fileName: 'export.csv' })
    expect(result.report).toEqual([
      { row: 1, status: 'created', remoteId: 'tt-1' },
      { row: 2, status: 'created', remoteId: 'tt-2' },
      { row: 3, status: 'invalid', errors: [expect.objectContaining({ field: 'id' })] },
      { row: 4, status: 'invalid', errors: [expect.objectContaining({ field: 'created_at' })] },
      { row: 5, status: 'duplicate', remoteId: 'tt-1' },
    ])
    const [rich] = (await payload.find({ collection: 'interactions', where: { remoteId: { equals: 'tt-1' } }, overrideAccess: true, depth: 0 })).docs
    expect(rich).toMatchObject({
      network: 'tiktok',
      arrivedBy: 'import',
      postRemoteId: 'video-9',
      authorHandle: 'Meryem',
      account: null,
      moderation: { category: 'misinformation' },
    })
    const [quoted] = (await payload.find({ collection: 'interactions', where: { remoteId: { equals: 'tt-2' } }, overrideAccess: true, depth: 0 })).docs
    expect(quoted!.text).toBe('Bravo, enfin une alternative, "humaine"')
    expect(quoted!.remoteCreatedAt).toBe('2026-12-01T09:05:00.000Z')
  })

  it('reads JSON Lines with camelCase columns', async () => {
    const jsonl = [
      JSON.stringify({ id: 'yt-1', postId: 'v1', authorName: 'Driss', text: 'سؤال: شكون كيقرر؟' }),
      '',
      JSON.stringify({ id: 'yt-2', text: 'merci' }),
    ].join('\n')
    const started = await upload(jsonl, 'application/x-ndjson', 'network=youtube&account=UC123')
    const result = await finished(started.body.import.id)
    expect(result).toMatchObject({ total: 2, created: 2 })
  })

  it('refuses a file that cannot be read, whole, naming the line', async () => {
    const broken = await upload('{"id":"a","text":"ok"}\n{"id":', 'application/x-ndjson')
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0]).toMatchObject({ code: 'unreadable', field: 'body', line: 2, message: 'Le fichier est illisible à la ligne 2.' })
    const csv = await upload('id,text\n"a,"ok', 'text/csv')
    expect(csv.status).toBe(400)
    expect((await upload('', 'text/csv')).body.errors[0].code).toBe('empty')
    expect((await upload('id,text\na,b', 'application/pdf')).body.errors[0].code).toBe('unsupported_format')
    const network = await upload('id,text\na,b', 'text/csv', 'network=myspace&account=x')
    expect(network.status).toBe(400)
    expect(network.body.errors[0].field).toBe('network')
  })

  it('resumes an import an instance left half done, from where it stopped', async () => {
    const rows = Array.from({ length: 260 }, (_value, index) => `imp-${index},post,author-${index},Nom ${index},"commentaire ${index}",,`)
    const started = await payload.create({
      collection: 'inbox-imports',
      overrideAccess: true,
      data: {
        network: 'linkedin',
        accountRemoteId: 'urn:li:organization:1',
        status: 'running',
        total: rows.length,
        processed: 200,
        created: 0,
        rows: rows.map((row, index) => ({ id: `imp-${index}`, post_id: 'post', text: `commentaire ${index}` })),
        report: [],
        claimedUntil: new Date(Date.now() - 1000).toISOString(),
      },
    })
    await runImport(payload, inbox.settings, Number(started.id))
    const result = await payload.findByID({ collection: 'inbox-imports', id: started.id, overrideAccess: true, depth: 0 })
    expect(result).toMatchObject({ status: 'done', processed: 260, created: 60 })
    expect((await payload.find({ collection: 'interactions', where: { remoteId: { equals: 'imp-199' } }, overrideAccess: true })).totalDocs).toBe(0)
    expect((await payload.find({ collection: 'interactions', where: { remoteId: { equals: 'imp-200' } }, overrideAccess: true })).totalDocs).toBe(1)
  })
})

describe('internal notes', () => {
  it('are signed by the server, and kept as written', async () => {
    const { interaction } = await inbox.comment('Je voudrais témoigner de mon expérience')
    const first = await inbox.api('cm', 'PATCH', `/interactions/${interaction.id}`, { notes: [{ text: 'À rappeler par le NCSC' }] })
    expect(first.status).toBe(200)
    expect(first.body.doc.notes).toEqual([
      expect.objectContaining({ text: 'À rappeler par le NCSC', author: expect.objectContaining({ id: inbox.accounts.cm.id }) }),
    ])
    const noteId = first.body.doc.notes[0].id
    // Rewriting the first note and forging its author is ignored; the new note is added after it.
    const second = await inbox.api('ncsc', 'PATCH', `/interactions/${interaction.id}`, {
      notes: [
        { id: noteId, text: 'Effacé', author: inbox.accounts.admin.id },
        { text: 'Rappel fait', author: inbox.accounts.admin.id },
      ],
    })
    const authorOf = (author: number | { id: number }) => (typeof author === 'object' ? author.id : author)
    expect(second.body.doc.notes.map((note: { text: string; author: number | { id: number } }) => [note.text, authorOf(note.author)])).toEqual([
      ['À rappeler par le NCSC', inbox.accounts.cm.id],
      ['Rappel fait', inbox.accounts.ncsc.id],
    ])
    const emptied = await inbox.api('cm', 'PATCH', `/interactions/${interaction.id}`, { notes: [] })
    expect(emptied.body.doc.notes).toHaveLength(2)
  })
})

describe('press mentions', () => {
  it('are written by the team and read by every staff member, with a checked link', async () => {
    const bad = await inbox.api('cm', 'POST', '/press-mentions', {
      title: 'Interview',
      outlet: 'Hespress FR',
      publishedAt: '2026-11-30T09:00:00Z',
      url: 'hespress.com/article',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0]).toMatchObject({ path: 'url', message: 'Indiquez l’adresse complète de l’article, commençant par https://.' })
    const good = await inbox.api('cm', 'POST', '/press-mentions', {
      title: 'Les peines alternatives expliquées',
      outlet: 'Hespress FR',
      publishedAt: '2026-11-30T09:00:00Z',
      url: 'https://fr.hespress.com/article-43-22',
      tone: 'positive',
      highlighted: true,
    })
    expect(good.status).toBe(201)
    expect((await inbox.api('analyst', 'GET', '/press-mentions?where[highlighted][equals]=true')).body.totalDocs).toBe(1)
    expect((await inbox.api('analyst', 'POST', '/press-mentions', { title: 'x', outlet: 'y', publishedAt: '2026-11-30T09:00:00Z' })).status).toBe(403)
  })
})
