import type { Payload } from 'payload'

import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { transitionContentItem } from '../../src/workflow/transition-content-item'
import { transitions, workflowStateValues } from '../../src/workflow/transition-table'
import type { WorkflowState } from '../../src/workflow/transition-table'
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole, integrationApiKey } from '../helpers/users'
import type { TestAccount } from '../helpers/users'
import { setWorkflowState } from '../helpers/workflow'

let app: TestPayload
let payload: Payload
let http: TestHttpServer
let accounts: Record<Role, TestAccount>
const tokens = {} as Record<Role, string>

type Transport = 'local' | 'rest' | 'graphql'
type Outcome = { ok: boolean; status: number; message: string; allowed?: string[] }
/** Who tries: a role signed in (an API key for the integration), or nobody. */
type Caller = Role | 'anonymous'

const user = (role: Role) => payload.findByID({ collection: 'users', id: accounts[role].id })

/** An item put straight into a state (test setup only: the guard lets the workflow context through). */
async function itemIn(state: WorkflowState, sensitivity: 'normal' | 'sensitive' = 'normal') {
  const item = await payload.create({
    collection: 'content-items',
    overrideAccess: true,
    data: { title: `Item in ${state}`, format: 'post', sensitivity, owner: accounts.consultant.id },
  })
  if (state === 'draft') return item.id
  await setWorkflowState(payload, item.id, state)
  return item.id
}

function authHeader(role: Caller): Record<string, string> {
  if (role === 'anonymous') return {}
  return role === 'integration' ? { Authorization: `users API-Key ${integrationApiKey}` } : { Authorization: `JWT ${tokens[role]}` }
}

async function attempt(transport: Transport, role: Caller, id: number, to: string, reason: string | null): Promise<Outcome> {
  if (transport === 'local') {
    try {
      await transitionContentItem(payload, { id, to, reason, user: (role === 'anonymous' ? null : await user(role)) as never })
      return { ok: true, status: 200, message: '' }
    } catch (error) {
      const failure = error as { status: number; message: string; data?: { allowed?: string[] } }
      return { ok: false, status: failure.status, message: failure.message, allowed: failure.data?.allowed }
    }
  }
  if (transport === 'rest') {
    const response = await fetch(`${http.baseUrl}/api/content-items/${id}/transition`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeader(role) },
      body: JSON.stringify({ to, reason }),
    })
    const body = await response.json()
    return { ok: response.ok, status: response.status, message: body.errors?.[0]?.message ?? '', allowed: body.errors?.[0]?.allowed }
  }
  const query = `mutation { transitionContentItem(id: ${id}, to: ${JSON.stringify(to)}, reason: ${JSON.stringify(reason)}) { id workflowState } }`
  const response = await fetch(`${http.baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authHeader(role) },
    body: JSON.stringify({ query }),
  })
  const body = await response.json()
  const error = body.errors?.[0]
  // A refusal carries its status; any other error (a schema error, a crash) is not a refusal and fails the test.
  if (error && typeof error.extensions?.statusCode !== 'number')
    throw new Error(`GraphQL answered an error that is not a refusal: ${JSON.stringify(body.errors)}`)
  return error
    ? { ok: false, status: error.extensions.statusCode, message: error.message, allowed: error.extensions.data?.allowed }
    : { ok: body.data.transitionContentItem.workflowState === to, status: 200, message: '' }
}

const stateOf = async (id: number) => (await payload.findByID({ collection: 'content-items', id, depth: 0 })).workflowState

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
  http = await startHttpServer(app.config)
  for (const role of roles.filter((role) => role !== 'integration')) {
    tokens[role] = (await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })).token!
  }
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

const transports: Transport[] = ['local', 'rest', 'graphql']
const personTransitions = transitions.filter((transition) => transition.roles.length > 0)
const systemTransitions = transitions.filter((transition) => transition.roles.length === 0)
const counts = { allowed: 0, refusedRole: 0, refusedState: 0 }

afterAll(() => {
  console.log(`workflow table checks: ${counts.allowed} allowed, ${counts.refusedRole} refused by role, ${counts.refusedState} refused by state (3 transports)`)
})

describe.each(transports)('the transition table over %s', (transport) => {
  it.each(personTransitions.map((transition) => [transition.name, transition] as const))(
    '%s: allowed exactly for its roles, nothing changes otherwise',
    async (_name, transition) => {
      for (const role of [...roles, 'anonymous'] as const) {
        const id = await itemIn(transition.from)
        const outcome = await attempt(transport, role, id, transition.to, 'Motif de test')
        if (role !== 'anonymous' && transition.roles.includes(role)) {
          expect({ role, ...outcome }).toMatchObject({ role, ok: true, status: 200 })
          expect(await stateOf(id)).toBe(transition.to)
          counts.allowed += 1
        } else {
          // Signed in with another role: 403; nobody signed in: 401.
          expect({ role, ok: outcome.ok, status: outcome.status }).toEqual({ role, ok: false, status: role === 'anonymous' ? 401 : 403 })
          expect(await stateOf(id)).toBe(transition.from)
          counts.refusedRole += 1
        }
      }
    },
  )

  it.each(systemTransitions.map((transition) => [transition.name, transition] as const))(
    '%s is the system’s: refused to every role (403) and to anonymous callers (401)',
    async (_name, transition) => {
      for (const role of [...roles, 'anonymous'] as const) {
        const id = await itemIn(transition.from)
        const outcome = await attempt(transport, role, id, transition.to, 'Motif de test')
        expect({ role, ok: outcome.ok, status: outcome.status }).toEqual({ role, ok: false, status: role === 'anonymous' ? 401 : 403 })
        expect(await stateOf(id)).toBe(transition.from)
      }
    },
  )

  it('answers 404 for an item that does not exist, and 400 naming `to` for a state that does not exist', async () => {
    expect(await attempt(transport, 'ncsc', 999_999, 'approved', null)).toMatchObject({ ok: false, status: 404 })
    const id = await itemIn('in_review')
    const outcome = await attempt(transport, 'ncsc', id, 'nowhere', null)
    expect(outcome).toMatchObject({ ok: false, status: 400 })
    expect(outcome.allowed?.slice().sort()).toEqual(['approved', 'changes_requested', 'legal_review'])
    expect(await stateOf(id)).toBe('in_review')
  })

  it('answers 409 with the allowed transitions for every move the table does not have', async () => {
    for (const from of workflowStateValues) {
      for (const to of workflowStateValues) {
        if (transitions.some((transition) => transition.from === from && transition.to === to)) continue
        const id = await itemIn(from)
        const outcome = await attempt(transport, 'ncsc', id, to, 'Motif')
        expect({ from, to, ok: outcome.ok, status: outcome.status }).toEqual({ from, to, ok: false, status: 409 })
        // Where NCSC can go from here, on every transport.
        const ncscMoves = transitions.filter((transition) => transition.from === from && transition.roles.includes('ncsc')).map((transition) => transition.to)
        expect({ from, to, allowed: outcome.allowed?.slice().sort() }).toEqual({ from, to, allowed: [...ncscMoves].sort() })
        expect(await stateOf(id)).toBe(from)
        counts.refusedState += 1
      }
    }
  })

  it('requires a reason to request changes (400), and keeps the state', async () => {
    const id = await itemIn('in_review')
    const outcome = await attempt(transport, 'ncsc', id, 'changes_requested', null)
    expect(outcome).toMatchObject({ ok: false, status: 400 })
    expect(outcome.message).toMatch(transport === 'rest' ? /motif/ : /reason/i)
    expect(await stateOf(id)).toBe('in_review')
  })

  it('does not let a sensitive item skip legal review', async () => {
    const id = await itemIn('in_review', 'sensitive')
    const outcome = await attempt(transport, 'ncsc', id, 'approved', null)
    expect(outcome).toMatchObject({ ok: false, status: 409 })
    expect(outcome.message).toMatch(transport === 'rest' ? /revue juridique/ : /legal review/)
    expect(await stateOf(id)).toBe('in_review')
    expect((await attempt(transport, 'ncsc', id, 'legal_review', null)).ok).toBe(true)
    expect((await attempt(transport, 'legal', id, 'approved', null)).ok).toBe(true)
  })
})

describe('the state field', () => {
  it('cannot be written directly on any transport, by any role', async () => {
    const id = await itemIn('in_review')
    for (const role of ['admin', 'ncsc', 'consultant'] as Role[]) {
      await expect(
        payload.update({ collection: 'content-items', id, data: { workflowState: 'approved' }, overrideAccess: false, user: await user(role) }),
      ).rejects.toMatchObject({ status: 403 })
      const rest = await fetch(`${http.baseUrl}/api/content-items/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', ...authHeader(role) },
        body: JSON.stringify({ workflowState: 'approved' }),
      })
      expect(rest.status).toBe(403)
      const graphql = await fetch(`${http.baseUrl}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...authHeader(role) },
        body: JSON.stringify({ query: `mutation { updateContentItem(id: ${id}, data: { workflowState: approved }) { workflowState } }` }),
      })
      // The write is refused by the workflow's guard (403), not by a schema error.
      const answer = await graphql.json()
      expect(answer.data).toEqual({ updateContentItem: null })
      expect(answer.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ statusCode: 403 }),
          message: expect.stringMatching(/^The workflow state changes only through a transition/),
        }),
      ])
    }
    // Not even the Local API with overrideAccess.
    await expect(payload.update({ collection: 'content-items', id, data: { workflowState: 'approved' } })).rejects.toMatchObject({ status: 403 })
    await expect(payload.create({ collection: 'content-items', data: { title: 'x', format: 'post', workflowState: 'approved' } })).rejects.toMatchObject({
      status: 403,
    })
    expect(await stateOf(id)).toBe('in_review')
  })
})
