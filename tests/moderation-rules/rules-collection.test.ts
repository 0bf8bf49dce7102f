import type { Payload } from 'payload'

import { activeEngine } from '../../plugins/campaign-ops/moderation/engine-cache'
import { verifyModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import type { Role } from '../../src/domain/roles'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const tokens = {} as Record<Role, string>

const validRule = {
  name: 'Darija: "7mar" as an insult',
  category: 'harassment',
  action: 'hide',
  severity: 'high',
  priority: 70,
  terms: [
    { text: 'ya 7mar', language: 'ary', script: 'latin' },
    { text: 'يا حمار', language: 'ary', script: 'arabic' },
  ],
  samples: {
    shouldMatch: [{ text: 'ya 7maaar skot' }, { text: 'سكت يا حمار' }],
    shouldNotMatch: [{ text: 'l7mar kayakol f lfdan' }, { text: 'الحمار حيوان صبور' }],
  },
}

const user = (role: Role) => payload.findByID({ collection: 'users', id: accounts[role].id })

async function api(path: string, role: Role | null, body?: unknown, method = 'POST') {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (role) headers.Authorization = `JWT ${tokens[role]}`
  const response = await fetch(`${http.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  return { status: response.status, body: await response.json() }
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  for (const role of ['admin', 'ncsc', 'cm', 'analyst', 'legal'] as Role[]) {
    const { body } = await api('/api/users/login', null, { email: accounts[role].email, password: accounts[role].password })
    tokens[role] = body.token
  }
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

describe('moderation rules', () => {
  it('lets a CM propose a rule but not activate it; NCSC activates it', async () => {
    const proposed = await payload.create({ collection: 'moderation-rules', data: validRule as never, depth: 0, overrideAccess: false, user: await user('cm') })
    expect(proposed).toMatchObject({ state: 'proposed', proposedBy: accounts.cm.id })

    await expect(
      payload.update({ collection: 'moderation-rules', id: proposed.id, data: { state: 'active' }, overrideAccess: false, user: await user('cm') }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({ collection: 'moderation-rules', data: { ...validRule, state: 'active' } as never, overrideAccess: false, user: await user('cm') }),
    ).rejects.toMatchObject({ status: 403 })

    const active = await payload.update({
      collection: 'moderation-rules',
      id: proposed.id,
      data: { state: 'active' },
      depth: 0,
      overrideAccess: false,
      user: await user('ncsc'),
    })
    expect(active).toMatchObject({ state: 'active', activatedBy: accounts.ncsc.id, proposedBy: accounts.cm.id })

    // An active rule is NCSC's: the CM can no longer edit it.
    await expect(
      payload.update({ collection: 'moderation-rules', id: proposed.id, data: { priority: 1 }, overrideAccess: false, user: await user('cm') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('recompiles the engine when a rule is activated, and logs every rule change', async () => {
    const engine = await activeEngine(payload, 0)
    expect(engine.moderate({ text: 'ya 7mar' }).action).toBe('hide')
    expect(engine.moderate({ text: 'الحمار حيوان صبور' }).flagged).toBe(false)

    const { docs } = await payload.find({
      collection: 'moderation-log',
      where: { kind: { equals: 'rule_change' } },
      sort: 'sequence',
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.map((doc) => [doc.before && (doc.before as { state: string }).state, (doc.after as { state: string }).state])).toEqual([
      [null, 'proposed'],
      ['proposed', 'active'],
    ])
    expect(docs[1]).toMatchObject({ actorType: 'user', actorUser: accounts.ncsc.id })
    expect((await verifyModerationLog(payload)).ok).toBe(true)

    const [rule] = (await payload.find({ collection: 'moderation-rules', overrideAccess: true })).docs
    await payload.update({ collection: 'moderation-rules', id: rule.id, data: { state: 'retired' }, overrideAccess: false, user: await user('ncsc') })
    expect((await activeEngine(payload, 0)).moderate({ text: 'ya 7mar' }).flagged).toBe(false)
  })

  it('refuses a rule with no term and no pattern, naming the field', async () => {
    const response = await api('/api/moderation-rules', 'cm', { ...validRule, terms: [], samples: { shouldMatch: [], shouldNotMatch: [] } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toMatch(/terms/)
  })

  it('refuses a pattern outside the safe syntax', async () => {
    const response = await api('/api/moderation-rules', 'cm', { ...validRule, patterns: [{ source: '(a+)+\\1' }] })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'patterns.0.source' })]))
  })

  it('refuses a rule whose samples fail, and keeps the stored version', async () => {
    const created = await api('/api/moderation-rules', 'ncsc', { ...validRule, name: 'Kept' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const broken = await api(
      `/api/moderation-rules/${id}`,
      'ncsc',
      { samples: { shouldMatch: [{ text: 'bonjour à tous' }], shouldNotMatch: validRule.samples.shouldNotMatch } },
      'PATCH',
    )
    expect(broken.status).toBe(400)
    expect(broken.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'samples.shouldMatch.0.text' })])
    const stored = await payload.findByID({ collection: 'moderation-rules', id })
    expect(stored.samples?.shouldMatch?.[0]?.text).toBe('ya 7maaar skot')
  })

  it('keeps rules away from tools and read-only for analysts', async () => {
    await expect(payload.find({ collection: 'moderation-rules', overrideAccess: false, user: await user('integration') })).rejects.toMatchObject({
      status: 403,
    })
    expect((await api('/api/moderation-rules', 'analyst', validRule)).status).toBe(403)
  })
})

describe('POST /api/moderation/check', () => {
  it('decides pasted comments with the shipped rules, spans in the original text', async () => {
    const text = 'wa ya 7maaar, sir t9awd'
    const { status, body } = await api('/api/moderation/check', 'cm', { comments: [text, 'Merci pour la vidéo'], rules: 'default' })
    expect(status).toBe(200)
    expect(body.ruleSet).toBe('default')
    const [insult, thanks] = body.decisions
    expect(insult.flagged).toBe(true)
    expect(insult.spans.length).toBeGreaterThan(0)
    for (const [start, end] of insult.spans) expect(text.slice(start, end)).toMatch(/7ma+r|t9awd|sir/)
    expect(thanks.flagged).toBe(false)
  })

  it('simulates a draft rule on pasted comments', async () => {
    const { status, body } = await api('/api/moderation/check', 'ncsc', {
      draftRule: validRule,
      comments: ['ya 7mar', 'ana kan7eb l7mir', 'Bravo pour la campagne'],
    })
    expect(status).toBe(200)
    expect(body.decisions.map((decision: { flagged: boolean }) => decision.flagged)).toEqual([true, false, false])
  })

  it('answers 400 with the field for bad input and 403 for other roles', async () => {
    expect((await api('/api/moderation/check', 'cm', { comments: [] })).body.errors[0].field).toBe('comments')
    expect((await api('/api/moderation/check', 'cm', { comments: ['x', 3] })).body.errors[0].field).toBe('comments.1')
    expect((await api('/api/moderation/check', 'cm', { comments: ['x'], rules: 'mine' })).status).toBe(400)
    const badDraft = await api('/api/moderation/check', 'cm', { comments: ['x'], draftRule: { ...validRule, patterns: [{ source: '(?=x)' }] } })
    expect(badDraft.status).toBe(400)
    expect(badDraft.body.errors[0].field).toBe('draftRule.patterns.0.source')
    expect((await api('/api/moderation/check', 'analyst', { comments: ['x'] })).status).toBe(403)
    expect((await api('/api/moderation/check', 'legal', { comments: ['x'] })).status).toBe(403)
    expect((await api('/api/moderation/check', null, { comments: ['x'] })).status).toBe(401)
  })

  it('gives any text a decision: empty, control characters, lone surrogates', async () => {
    // The longest comment a check takes (moderationCheckLimits.characters); longer is refused with 413.
    const texts = ['', '\u0000\u0007\u001b[31m', '\ud800abc\udc00', '\u202eevil\u202c', 'x'.repeat(5_000)]
    const { status, body } = await api('/api/moderation/check', 'cm', { comments: texts, rules: 'default' })
    expect(status).toBe(200)
    expect(body.decisions).toHaveLength(texts.length)
  })
})

describe('rule names per language', () => {
  const french = 'Darija : « 7mar » comme insulte'
  const arabic = 'الدارجة: «حمار» للشتم'

  it('stores a name per content locale, read back per locale or all at once, French as fallback', async () => {
    const created = await api('/api/moderation-rules', 'ncsc', { ...validRule, name: french, state: 'active' })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const renamed = await api(`/api/moderation-rules/${id}?locale=ar`, 'ncsc', { name: arabic }, 'PATCH')
    expect(renamed.status).toBe(200)

    expect((await api(`/api/moderation-rules/${id}?locale=ar`, 'analyst', undefined, 'GET')).body.name).toBe(arabic)
    expect((await api(`/api/moderation-rules/${id}?locale=fr`, 'analyst', undefined, 'GET')).body.name).toBe(french)
    // Darija has no name of its own: French, the default locale.
    expect((await api(`/api/moderation-rules/${id}?locale=ary`, 'analyst', undefined, 'GET')).body.name).toBe(french)
    expect((await api(`/api/moderation-rules/${id}?locale=all`, 'analyst', undefined, 'GET')).body.name).toEqual({ fr: french, ar: arabic })
    const local = await payload.findByID({ collection: 'moderation-rules', id, locale: 'all', depth: 0, overrideAccess: true })
    expect(local.name).toEqual({ fr: french, ar: arabic })
    // Editing the Arabic name left the rule and its French name as they were.
    expect(await payload.findByID({ collection: 'moderation-rules', id, depth: 0, overrideAccess: true })).toMatchObject({ name: french, state: 'active' })
  })

  it('explains the active rules’ decisions with the name in the reader’s language', async () => {
    const [decisive] = (await activeEngine(payload, 0)).moderate({ text: 'ya 7mar' }).rules
    expect(decisive).toMatchObject({ name: french, names: { fr: french, ar: arabic } })

    const check = async (language: string) => {
      const headers = { 'Content-Type': 'application/json', Authorization: `JWT ${tokens.ncsc}`, 'Accept-Language': language }
      const response = await fetch(`${http.baseUrl}/api/moderation/check`, { method: 'POST', headers, body: JSON.stringify({ comments: ['ya 7mar'] }) })
      const body = await response.json()
      return body.decisions[0].explanation as string
    }
    expect(await check('ar')).toContain(`«${arabic}»`)
    expect(await check('fr')).toContain(`« ${french} »`)
    // There is no English content locale: an English reader gets the French name.
    expect(await check('en')).toContain(`“${french}”`)
  })
})
