import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { mailDropDirectory } from '../../src/infra/mailer'
import type { Role } from '../../src/domain/roles'
import { substantiveFields } from '../../src/workflow/snapshot'
import { transitionContentItem } from '../../src/workflow/transition-content-item'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { makeJpeg } from '../content-model/fixtures'

let app: TestPayload
let payload: Payload
let accounts: Record<Role, TestAccount>

const user = (role: Role) => payload.findByID({ collection: 'users', id: accounts[role].id })
const stateOf = async (id: number) => (await payload.findByID({ collection: 'content-items', id, depth: 0 })).workflowState

async function approvedItem(sensitivity: 'normal' | 'sensitive' = 'normal') {
  const media = await payload.create({
    collection: 'media',
    overrideAccess: true,
    data: { alt: 'Affiche' },
    file: { data: await makeJpeg(1200, 1200), mimetype: 'image/jpeg', name: 'affiche.jpg', size: 1 },
  })
  const item = await payload.create({
    collection: 'content-items',
    overrideAccess: false,
    user: await user('consultant'),
    data: { title: 'Le bracelet électronique', format: 'post', sensitivity, assets: [media.id], summary: 'Résumé' },
  })
  await transitionContentItem(payload, { id: item.id, to: 'in_review', user: (await user('consultant')) as never })
  if (sensitivity === 'sensitive') {
    await transitionContentItem(payload, { id: item.id, to: 'legal_review', user: (await user('ncsc')) as never })
    await transitionContentItem(payload, { id: item.id, to: 'approved', user: (await user('legal')) as never })
  } else {
    await transitionContentItem(payload, { id: item.id, to: 'approved', user: (await user('ncsc')) as never })
  }
  return { id: item.id, mediaId: media.id }
}

function mails(): { to: string; subject: string; raw: string }[] {
  const directory = mailDropDirectory(app.dataDirPath)
  if (!fs.existsSync(directory)) return []
  return fs
    .readdirSync(directory)
    .sort()
    .map((file) => {
      const raw = fs.readFileSync(path.join(directory, file), 'utf8')
      const subject = raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? ''
      return { to: raw.match(/^To: (.*)$/m)?.[1] ?? '', subject: decodeMimeWords(subject), raw }
    })
}

/** RFC 2047: adjacent encoded words are one run of bytes (a character may straddle two words). */
function decodeMimeWords(header: string): string {
  const unfolded = header.replace(/\r?\n[ \t]/g, ' ')
  return unfolded.replace(/(=\?UTF-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, encoding, text]) =>
      encoding!.toUpperCase() === 'B'
        ? Buffer.from(text!, 'base64')
        : Buffer.from(
            text!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ),
    )
    return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '')
  })
}

beforeEach(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  // The legal expert reads the admin in Arabic.
  await payload.update({ collection: 'users', id: accounts.legal.id, overrideAccess: true, data: { language: 'ar' } })
})

afterEach(async () => {
  await app?.close()
})

describe('approval invalidation', () => {
  it.each(['title', 'body', 'legalReferences', 'assets', 'sensitivity'])('sends an approved item back to review when %s changes', async (field) => {
    const { id } = await approvedItem()
    const other = await payload.create({
      collection: 'media',
      overrideAccess: true,
      data: { alt: 'Autre' },
      file: { data: await makeJpeg(600, 600), mimetype: 'image/jpeg', name: 'autre.jpg', size: 1 },
    })
    const changes: Record<string, unknown> = {
      title: 'Le bracelet électronique expliqué',
      body: {
        root: {
          type: 'root',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          children: [
            {
              type: 'paragraph',
              format: '',
              indent: 0,
              version: 1,
              direction: 'ltr',
              textFormat: 0,
              children: [{ type: 'text', text: 'Nouveau', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
            },
          ],
        },
      },
      legalReferences: [{ article: '35-4', text: 'Révocation' }],
      assets: [other.id],
      sensitivity: 'sensitive',
    }
    await payload.update({ collection: 'content-items', id, overrideAccess: false, user: await user('consultant'), data: { [field]: changes[field] } })
    expect(await stateOf(id)).toBe('in_review')
    const { docs } = await payload.find({
      collection: 'workflow-events',
      where: { and: [{ contentItem: { equals: id } }, { kind: { equals: 'invalidation' } }] },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]!.reason).toContain(field)
    expect(substantiveFields).toContain(field)
  })

  it.each([
    ['summary', 'Un autre résumé'],
    ['audiences', ['students']],
  ])('keeps the approval when only %s changes', async (field, value) => {
    const { id } = await approvedItem()
    await payload.update({ collection: 'content-items', id, overrideAccess: false, user: await user('consultant'), data: { [field]: value } })
    expect(await stateOf(id)).toBe('approved')
  })
})

describe('history', () => {
  it('records every step with actor, role, reason and a snapshot hash, and cannot be edited or deleted', async () => {
    const item = await payload.create({
      collection: 'content-items',
      overrideAccess: true,
      data: { title: 'Amende journalière', format: 'post', sensitivity: 'sensitive', owner: accounts.consultant.id },
    })
    const as = async (role: Role, to: string, reason?: string) => transitionContentItem(payload, { id: item.id, to, reason, user: (await user(role)) as never })
    await as('consultant', 'in_review')
    await as('ncsc', 'legal_review')
    await as('legal', 'changes_requested', 'Préciser le montant : 100 à 2 000 MAD par jour.')
    await payload.update({
      collection: 'content-items',
      id: item.id,
      overrideAccess: false,
      user: await user('consultant'),
      data: { title: 'Amende journalière : 100 à 2 000 MAD' },
    })
    await as('consultant', 'in_review')
    await as('ncsc', 'legal_review')
    await as('legal', 'approved')
    const { docs } = await payload.find({ collection: 'workflow-events', where: { contentItem: { equals: item.id } }, sort: 'at', depth: 0, limit: 100 })
    expect(docs.map((event) => [event.from, event.to, event.role])).toEqual([
      ['draft', 'in_review', 'consultant'],
      ['in_review', 'legal_review', 'ncsc'],
      ['legal_review', 'changes_requested', 'legal'],
      ['changes_requested', 'in_review', 'consultant'],
      ['in_review', 'legal_review', 'ncsc'],
      ['legal_review', 'approved', 'legal'],
    ])
    expect(docs[2]!.reason).toMatch(/2 000 MAD/)
    expect(docs[5]!.snapshotHash).toMatch(/^[0-9a-f]{64}$/)
    expect(docs[5]!.snapshotHash).not.toBe(docs[0]!.snapshotHash)

    for (const role of ['admin', 'ncsc'] as Role[]) {
      await expect(
        payload.update({ collection: 'workflow-events', id: docs[0]!.id, data: { reason: 'rewritten' }, overrideAccess: false, user: await user(role) }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(payload.delete({ collection: 'workflow-events', id: docs[0]!.id, overrideAccess: false, user: await user(role) })).rejects.toMatchObject({
        status: 403,
      })
    }
  })
})

describe('notifications', () => {
  it('emails the people who act next, each in their language, after the transition', async () => {
    const item = await payload.create({
      collection: 'content-items',
      overrideAccess: true,
      data: { title: 'Le TIG', format: 'post', owner: accounts.consultant.id },
    })
    await transitionContentItem(payload, { id: item.id, to: 'in_review', user: (await user('consultant')) as never })
    await transitionContentItem(payload, { id: item.id, to: 'legal_review', user: (await user('ncsc')) as never })
    await transitionContentItem(payload, { id: item.id, to: 'changes_requested', reason: 'Citer l’article 35-6', user: (await user('legal')) as never })
    expect(mails()).toHaveLength(0) // queued, not sent inside the transition
    await payload.jobs.run({ queue: 'notifications' })
    const sent = mails()
    expect(sent.map((mail) => mail.to).sort()).toEqual([accounts.consultant.email, accounts.legal.email, accounts.ncsc.email].sort())
    const toLegal = sent.find((mail) => mail.to === accounts.legal.email)!
    expect(toLegal.subject).toMatch(/مراجعة قانونية/)
    const toAuthor = sent.find((mail) => mail.to === accounts.consultant.email)!
    expect(toAuthor.subject).toMatch(/Modifications demandées/)
    expect(toAuthor.raw).toContain(`/admin/collections/content-items/${item.id}`)
  })

  it('emails the author and the community managers on approval', async () => {
    const { id } = await approvedItem()
    await payload.jobs.run({ queue: 'notifications' })
    const approvedMails = mails().filter((mail) => /Approuvé|اعتماد|Approved/.test(mail.subject))
    expect(approvedMails.map((mail) => mail.to).sort()).toEqual([accounts.cm.email, accounts.consultant.email].sort())
    expect(approvedMails[0]!.raw).toContain(`/admin/collections/content-items/${id}`)
  })
})

describe('when the mail server is down', () => {
  it('still takes the transition and keeps the email queued for a retry', async () => {
    await app.close()
    app = await startTestPayload({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: '1' } })
    payload = app.payload
    accounts = await createAccountPerRole(payload)
    const item = await payload.create({
      collection: 'content-items',
      overrideAccess: true,
      data: { title: 'Le TIG', format: 'post', owner: accounts.consultant.id },
    })
    await transitionContentItem(payload, { id: item.id, to: 'in_review', user: (await user('consultant')) as never })
    expect(await stateOf(item.id)).toBe('in_review')
    await payload.jobs.run({ queue: 'notifications' })
    const { docs } = await payload.find({ collection: 'payload-jobs', overrideAccess: true })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ completedAt: null, hasError: false })
    expect(docs[0]!.totalTried).toBeGreaterThanOrEqual(1)
  })
})

describe('variants of approved items', () => {
  let http: TestHttpServer
  afterEach(async () => {
    await http?.close()
  })

  it('schedules a variant of a normal approved item; a sensitive one needs NCSC approval of its text, revoked by an edit', async () => {
    http = await startHttpServer(app.config)
    const cm = await user('cm')
    const normal = await approvedItem()
    const plain = await payload.create({
      collection: 'platform-variants',
      overrideAccess: false,
      user: cm,
      data: { contentItem: normal.id, platform: 'x', language: 'fr', text: 'Le bracelet, ce n’est pas des vacances.' },
    })
    const scheduled = await payload.update({
      collection: 'platform-variants',
      id: plain.id,
      overrideAccess: false,
      user: cm,
      data: { publicationState: 'scheduled', scheduledAt: '2026-12-10T10:00:00.000Z' },
    })
    expect(scheduled.publicationState).toBe('scheduled')

    const sensitive = await approvedItem('sensitive')
    const variant = await payload.create({
      collection: 'platform-variants',
      overrideAccess: false,
      user: cm,
      data: { contentItem: sensitive.id, platform: 'x', language: 'fr', text: 'Ce que dit l’article 35-3.' },
    })
    await expect(
      payload.update({
        collection: 'platform-variants',
        id: variant.id,
        overrideAccess: false,
        user: cm,
        data: { publicationState: 'scheduled', scheduledAt: '2026-12-10T10:00:00.000Z' },
      }),
    ).rejects.toMatchObject({ status: 409 })

    const ncscToken = (await payload.login({ collection: 'users', data: { email: accounts.ncsc.email, password: accounts.ncsc.password } })).token
    const cmToken = (await payload.login({ collection: 'users', data: { email: accounts.cm.email, password: accounts.cm.password } })).token
    expect(
      (await fetch(`${http.baseUrl}/api/platform-variants/${variant.id}/approve`, { method: 'POST', headers: { Authorization: `JWT ${cmToken}` } })).status,
    ).toBe(403)
    expect(
      (await fetch(`${http.baseUrl}/api/platform-variants/${variant.id}/approve`, { method: 'POST', headers: { Authorization: `JWT ${ncscToken}` } })).status,
    ).toBe(200)

    await payload.update({
      collection: 'platform-variants',
      id: variant.id,
      overrideAccess: false,
      user: cm,
      data: { text: 'Ce que dit vraiment l’article 35-3.' },
    })
    expect((await payload.findByID({ collection: 'platform-variants', id: variant.id })).approval?.state).toBe('pending')
    await expect(
      payload.update({
        collection: 'platform-variants',
        id: variant.id,
        overrideAccess: false,
        user: cm,
        data: { publicationState: 'scheduled', scheduledAt: '2026-12-10T10:00:00.000Z' },
      }),
    ).rejects.toMatchObject({ status: 409 })

    await fetch(`${http.baseUrl}/api/platform-variants/${variant.id}/approve`, { method: 'POST', headers: { Authorization: `JWT ${ncscToken}` } })
    const ok = await payload.update({
      collection: 'platform-variants',
      id: variant.id,
      overrideAccess: false,
      user: cm,
      data: { publicationState: 'scheduled', scheduledAt: '2026-12-10T10:00:00.000Z' },
    })
    expect(ok.publicationState).toBe('scheduled')
    const kinds = (await payload.find({ collection: 'workflow-events', where: { variant: { equals: variant.id } }, sort: 'at' })).docs.map(
      (event) => event.kind,
    )
    expect(kinds).toEqual(['variant_approval', 'variant_revocation', 'variant_approval'])
  })
})
