/**
 * The live crisis watch over the inbox (issue 13): two weeks of comments and a surge in the last
 * hour, in PostgreSQL; one look raises one crisis alert with pseudonymized examples, the passages
 * matched and the posts drawing them; it is logged, mailed to NCSC and the community managers in
 * their language; a second look only carries it on; a person acknowledges and resolves it (stamped,
 * logged, never reopened); the settings are NCSC's and refuse bad values with the field.
 */
import { jest } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'

import { simpleParser } from 'mailparser'
import pg from 'pg'
import type { Payload } from 'payload'

import { seedModerationLibrary } from '../../plugins/campaign-ops'
import { defaultRules } from '../../plugins/campaign-ops/moderation/default-rules'
import { crisisWatchTask, watchForCrises } from '../../plugins/campaign-ops/reporting/crisis/crisis-watch-task'
import { mailDropDirectory } from '../../src/infra/mailer'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import { syntheticStream } from './synthetic-streams'

jest.setTimeout(180_000)

const hour = 3_600_000
const day = 24 * hour
const now = new Date(Date.UTC(2026, 10, 20, 20, 0))
const surge = now.getTime() - hour

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let tokens: Record<string, string>

async function api(role: string | null, method: string, route: string, body?: unknown) {
  const response = await fetch(`${http.baseUrl}/api${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(role ? { Authorization: `JWT ${tokens[role]}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : null }
}

/** Two weeks and a day of comments, the last hour three times as hostile, straight into the table. */
async function insertStream() {
  const mythRule = new Map(defaultRules.filter((rule) => rule.mythId).map((rule) => [rule.mythId!, rule.id]))
  const comments = syntheticStream({
    seed: 11,
    start: now.getTime() - 16 * day,
    hours: 16 * 24 + 1,
    perHour: 80,
    hostileFactor: (at) => (at >= surge ? 3 : 1),
  }).filter((comment) => comment.at < now.getTime() + hour)
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const columns = {
      network: [] as string[],
      remoteId: [] as string[],
      text: [] as string[],
      author: [] as string[],
      at: [] as string[],
      category: [] as (string | null)[],
      rules: [] as (string | null)[],
      spans: [] as (string | null)[],
    }
    comments.forEach((comment, index) => {
      const hostile = comment.category !== null && comment.category !== 'spam'
      const text = hostile ? `Ces gens sont des criminels ${index}` : `Merci pour l’information ${index}`
      columns.network.push(comment.network)
      columns.remoteId.push(`synthetic-${index}`)
      columns.text.push(text)
      columns.author.push(comment.author)
      columns.at.push(new Date(comment.at).toISOString())
      columns.category.push(comment.category)
      const rules = comment.myths.map((myth) => mythRule.get(myth)).filter(Boolean)
      columns.rules.push(rules.length ? rules.join(',') : null)
      columns.spans.push(hostile ? JSON.stringify([[0, 'Ces gens sont des criminels'.length]]) : null)
    })
    await client.query(
      `INSERT INTO interactions (network, account_remote_id, kind, remote_id, text, language, author_pseudonym, received_at, remote_created_at,
                                 moderation_category, moderation_rule_ids, moderation_spans, status)
       SELECT n::enum_interactions_network, 'page-1', 'comment', r, t, 'fr', a, at::timestamptz, at::timestamptz,
              c::enum_interactions_moderation_category, ru, s::jsonb, 'new'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(n, r, t, a, at, c, ru, s)`,
      [columns.network, columns.remoteId, columns.text, columns.author, columns.at, columns.category, columns.rules, columns.spans],
    )
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  await seedModerationLibrary(payload, { activateRules: true })
  const accounts = await createAccountPerRole(payload)
  await payload.update({ collection: 'users', id: accounts.cm.id, overrideAccess: true, data: { language: 'ar' } })
  http = await startHttpServer(app.config)
  tokens = {}
  for (const role of ['admin', 'ncsc', 'cm', 'analyst', 'legal'] as const) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }
  await insertStream()
  // NCSC's playbook for hostile waves, with an approved holding statement in French and Arabic.
  const statement = (
    await api('ncsc', 'POST', '/response-templates?locale=fr', {
      name: 'Déclaration d’attente',
      purpose: 'notice',
      body: 'Nous avons vu vos messages. Une réponse officielle suit.',
      state: 'approved',
    })
  ).json.doc as { id: number }
  await api('ncsc', 'PATCH', `/response-templates/${statement.id}?locale=ar`, { body: 'اطلعنا على رسائلكم. سيتبعها رد رسمي.' })
  const draft = (await api('cm', 'POST', '/response-templates?locale=fr', { name: 'Brouillon', purpose: 'notice', body: 'Pas encore validé.' })).json.doc as {
    id: number
  }
  const refused = await api('ncsc', 'POST', '/crisis-playbooks', { name: 'Vague hostile', steps: [{ text: 'Prévenir' }], statements: [draft.id] })
  expect(refused.status).toBe(400)
  expect(JSON.stringify(refused.json)).toContain('statements')
  const playbook = await api('ncsc', 'POST', '/crisis-playbooks?locale=fr', {
    name: 'Vague hostile',
    levels: ['crisis'],
    seriesKinds: ['hostile'],
    steps: [{ text: 'Prévenir la direction du NCSC' }, { text: 'Publier la déclaration d’attente' }],
    contacts: [{ name: 'Permanence NCSC', role: 'Astreinte', phone: '+212 600 000 000' }],
    statements: [statement.id],
  })
  expect(playbook.status).toBe(201)
  expect((await api('cm', 'POST', '/crisis-playbooks', { name: 'x', steps: [{ text: 'y' }] })).status).toBe(403)
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('the live watch', () => {
  let alertId: number

  it('raises one crisis alert for the surge, with its evidence, logged and queued for mail', async () => {
    const report = await watchForCrises(payload, { now })
    expect(report.raised).toBeGreaterThanOrEqual(1)
    const { docs } = await payload.find({ collection: 'crisis-alerts', where: { series: { equals: 'hostile:all' } }, overrideAccess: true, depth: 0 })
    expect(docs).toHaveLength(1)
    const alert = docs[0]!
    alertId = Number(alert.id)
    expect(alert).toMatchObject({ level: 'crisis', status: 'open', window: 'hour', raisedAt: now.toISOString() })
    expect(alert.observed!).toBeGreaterThan(2 * alert.expected!)
    expect(alert.authors!).toBeGreaterThanOrEqual(5)
    expect((alert.subject as Record<string, string>).fr).toBe('Propos hostiles, toutes plateformes')
    const examples = alert.examples as { author: string; excerpt: string; network: string }[]
    expect(examples.length).toBe(5)
    // Pseudonyms, never handles; excerpts redacted.
    for (const example of examples) expect(example.author).toMatch(/^author-/)
    expect(alert.topTerms).toEqual([expect.objectContaining({ term: 'ces gens sont des criminels' })])
    const log = await payload.find({ collection: 'moderation-log', where: { kind: { equals: 'crisis_alert' } }, overrideAccess: true, depth: 0 })
    expect(log.docs.map((entry) => entry.action)).toContain('raised')
    const queued = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'mailCrisisAlert' } }, overrideAccess: true })
    expect(queued.totalDocs).toBe(report.raised + report.escalated)
  })

  it('mails NCSC and the community managers, each in their language', async () => {
    await payload.jobs.run({ queue: 'reporting', limit: 20 })
    const directory = mailDropDirectory(app.dataDirPath)
    const mails = await Promise.all(fs.readdirSync(directory).map(async (name) => simpleParser(fs.readFileSync(path.join(directory, name)))))
    const about = mails.filter((mail) => mail.subject?.includes('Propos hostiles, toutes plateformes') || mail.subject?.includes('تعليقات عدائية، كل المنصات'))
    const recipients = about.map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text)
    expect(recipients).toEqual(expect.arrayContaining(['ncsc@test.badil.local', 'cm@test.badil.local']))
    const arabic = about.find((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text === 'cm@test.badil.local')!
    expect(arabic.subject).toBe('أزمة: تعليقات عدائية، كل المنصات')
    expect(arabic.text).toContain(`/admin/crisis-room?alert=${alertId}`)
    const french = about.find((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text === 'ncsc@test.badil.local')!
    expect(french.subject).toBe('Crise : Propos hostiles, toutes plateformes')
    expect(french.text).toMatch(/auteurs distincts/)
    // The same job again (a retry after a failure halfway): nobody is mailed twice.
    const before = fs.readdirSync(directory).length
    await payload.jobs.queue({ task: 'mailCrisisAlert', queue: 'reporting', input: { alertId, event: 'raised' } })
    await payload.jobs.run({ queue: 'reporting', limit: 20 })
    expect(fs.readdirSync(directory).length).toBe(before)
  })

  it('a second look ten minutes later carries the episode on: no new alert', async () => {
    const later = new Date(now.getTime() + 10 * 60_000)
    const before = (await payload.count({ collection: 'crisis-alerts', overrideAccess: true })).totalDocs
    const report = await watchForCrises(payload, { now: later })
    expect(report.raised).toBe(0)
    expect((await payload.count({ collection: 'crisis-alerts', overrideAccess: true })).totalDocs).toBe(before)
    const alert = await payload.findByID({ collection: 'crisis-alerts', id: alertId, overrideAccess: true, depth: 0 })
    expect(alert.lastSignalAt).toBe(later.toISOString())
  })

  it('takes the playbook’s steps as its checklist; a CM ticks one (who, when, logged); the room shows it all', async () => {
    const alert = await payload.findByID({ collection: 'crisis-alerts', id: alertId, overrideAccess: true, depth: 0 })
    expect((alert.checklist ?? []).map((step) => (step.text as Record<string, string>).fr)).toEqual([
      'Prévenir la direction du NCSC',
      'Publier la déclaration d’attente',
    ])
    const ticked = await api('cm', 'POST', `/crisis-alerts/${alertId}/checklist`, { step: 1, done: true })
    expect(ticked.status).toBe(200)
    expect(ticked.json.doc.checklist[1]).toMatchObject({ doneAt: expect.any(String) })
    expect((await api('analyst', 'POST', `/crisis-alerts/${alertId}/checklist`, { step: 0, done: true })).status).toBe(403)
    const wrongStep = await api('cm', 'POST', `/crisis-alerts/${alertId}/checklist`, { step: 7, done: true })
    expect(wrongStep.status).toBe(400)
    expect(wrongStep.json.errors[0].field).toBe('step')
    const room = await api('analyst', 'GET', `/crisis-alerts/${alertId}/room`)
    expect(room.status).toBe(200)
    expect(room.json.chart).toHaveLength(144)
    expect(room.json.chart.at(-1)).toEqual({ at: expect.any(String), observed: expect.any(Number), expected: expect.any(Number) })
    expect(room.json.comments.length).toBeGreaterThan(10)
    expect(room.json.comments[0].author).toMatch(/^author-/)
    expect(room.json.playbook).toMatchObject({
      name: 'Vague hostile',
      contacts: [expect.objectContaining({ phone: '+212 600 000 000' })],
      statements: [{ name: 'Déclaration d’attente', body: expect.objectContaining({ ar: 'اطلعنا على رسائلكم. سيتبعها رد رسمي.' }) }],
    })
    expect(Object.values(room.json.people)).toHaveLength(1)
    expect((await api('legal', 'GET', `/crisis-alerts/${alertId}/room`)).status).toBe(403)
  })

  it('NCSC can make the watch look now; a CM cannot', async () => {
    expect((await api('cm', 'POST', '/crisis-watch/look')).status).toBe(403)
    const look = await api('ncsc', 'POST', '/crisis-watch/look')
    expect(look.status).toBe(200)
    expect(look.json).toEqual({ signals: expect.any(Number), raised: expect.any(Number), escalated: expect.any(Number), continued: expect.any(Number) })
  })

  it('a community manager acknowledges, NCSC resolves with a summary: stamped and logged; resolved stays resolved', async () => {
    const acknowledged = await api('cm', 'PATCH', `/crisis-alerts/${alertId}`, { status: 'acknowledged' })
    expect(acknowledged.status).toBe(200)
    expect(acknowledged.json.doc).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) })
    // What the watch measured is not anyone's to change.
    const forged = await api('ncsc', 'PATCH', `/crisis-alerts/${alertId}`, { observed: 1, level: 'watch' })
    expect(forged.status).toBe(200)
    expect(forged.json.doc).toMatchObject({ level: 'crisis', observed: expect.any(Number) })
    expect(forged.json.doc.observed).toBeGreaterThan(1)
    const resolved = await api('ncsc', 'PATCH', `/crisis-alerts/${alertId}`, { status: 'resolved', resolutionNote: 'Réponse publiée, vague retombée.' })
    expect(resolved.json.doc).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) })
    const reopened = await api('cm', 'PATCH', `/crisis-alerts/${alertId}`, { status: 'acknowledged' })
    expect(reopened.status).toBe(400)
    expect(JSON.stringify(reopened.json)).toContain('status')
    const log = await payload.find({
      collection: 'moderation-log',
      where: { kind: { equals: 'crisis_alert' } },
      overrideAccess: true,
      depth: 0,
      sort: 'sequence',
    })
    expect(log.docs.map((entry) => entry.action)).toEqual(expect.arrayContaining(['raised', 'acknowledged', 'resolved']))
  })

  it('who sees and works the alerts', async () => {
    expect((await api('analyst', 'GET', `/crisis-alerts/${alertId}`)).status).toBe(200)
    expect((await api('analyst', 'PATCH', `/crisis-alerts/${alertId}`, { resolutionNote: 'x' })).status).toBe(403)
    expect((await api('legal', 'GET', `/crisis-alerts/${alertId}`)).status).toBe(403)
    expect((await api(null, 'GET', `/crisis-alerts/${alertId}`)).status).toBe(403)
    expect((await api('admin', 'POST', '/crisis-alerts', { level: 'crisis', series: 'hostile:all' })).status).toBe(403)
    expect((await api('admin', 'DELETE', `/crisis-alerts/${alertId}`)).status).toBe(403)
  })

  it('the watch runs on the reporting queue every ten minutes', () => {
    const task = payload.config.jobs.tasks!.find((candidate) => candidate.slug === crisisWatchTask)!
    // Its one schedule (whose runs every instance claims before queueing, see scheduled-runs.ts).
    expect(task.schedule).toHaveLength(1)
    expect(task.schedule![0]).toMatchObject({ cron: '*/10 * * * *', queue: 'reporting' })
    expect(task.schedule![0]!.hooks?.beforeSchedule).toBeInstanceOf(Function)
  })
})

describe('the settings', () => {
  it('NCSC sets the levels; a value out of bounds is refused with its field; a CM only reads them', async () => {
    const updated = await api('ncsc', 'POST', '/globals/crisis-watch-settings', { crisisSigma: 3.5 })
    expect(updated.status).toBe(200)
    expect(updated.json.result.crisisSigma).toBe(3.5)
    const refused = await api('ncsc', 'POST', '/globals/crisis-watch-settings', { minimumAuthors: 0 })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('minimumAuthors')
    expect((await api('cm', 'GET', '/globals/crisis-watch-settings')).status).toBe(200)
    expect((await api('cm', 'POST', '/globals/crisis-watch-settings', { crisisSigma: 2 })).status).toBe(403)
    const kept = await payload.findGlobal({ slug: 'crisis-watch-settings', overrideAccess: true })
    expect(kept.crisisSigma).toBe(3.5)
  })

  it('switched off, the watch raises nothing', async () => {
    await payload.updateGlobal({ slug: 'crisis-watch-settings', overrideAccess: true, data: { enabled: false } })
    expect(await watchForCrises(payload, { now: new Date(now.getTime() + day) })).toEqual({ signals: 0, raised: 0, escalated: 0, continued: 0 })
    await payload.updateGlobal({ slug: 'crisis-watch-settings', overrideAccess: true, data: { enabled: true } })
  })
})
