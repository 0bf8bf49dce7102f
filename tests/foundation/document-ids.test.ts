/** An address with something else than a document number answers 400 naming the id, in the reader's language (not 500). */
import { startHttpServer } from '../helpers/http-server'
import type { TestHttpServer } from '../helpers/http-server'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'

let app: TestPayload
let http: TestHttpServer
let token = ''

beforeAll(async () => {
  app = await startTestPayload()
  const accounts = await createAccountPerRole(app.payload)
  http = await startHttpServer(app.config)
  const login = await fetch(`${http.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: accounts.admin.email, password: accounts.admin.password }),
  })
  token = ((await login.json()) as { token: string }).token
})

afterAll(async () => {
  await http?.close()
  await app?.close()
})

const call = async (method: string, pathname: string, language = 'fr') => {
  const response = await fetch(`${http.baseUrl}${pathname}`, {
    method,
    headers: { authorization: `JWT ${token}`, 'accept-language': language, 'content-type': 'application/json' },
    body: method === 'PATCH' ? JSON.stringify({ name: 'x' }) : undefined,
  })
  return { status: response.status, body: (await response.json()) as { errors: Array<{ data?: { errors?: Array<{ path: string; message: string }> } }> } }
}

describe('document numbers in addresses', () => {
  it.each([
    ['GET', '/api/themes/undefined'],
    ['GET', '/api/inbox-imports/undefined'],
    ['GET', '/api/interactions/abc'],
    ['PATCH', '/api/themes/1.5'],
    ['DELETE', '/api/crisis-playbooks/-3'],
  ])('%s %s answers 400 naming the id', async (method, pathname) => {
    const answer = await call(method, pathname)
    expect(answer.status).toBe(400)
    const detail = answer.body.errors[0]!.data!.errors![0]!
    expect(detail.path).toBe('id')
    expect(detail.message).toMatch(/n’est pas un numéro de document/)
  })

  it('answers in Arabic to an Arabic reader', async () => {
    const answer = await call('GET', '/api/themes/undefined', 'ar')
    expect(answer.body.errors[0]!.data!.errors![0]!.message).toBe('«undefined» ليس رقم وثيقة: يجب أن ينتهي العنوان برقم الوثيقة.')
  })

  it('still finds a real document, and says 404 for a number that is not one', async () => {
    expect((await call('GET', '/api/themes/999999')).status).toBe(404)
    expect((await call('GET', '/api/themes?limit=1')).status).toBe(200)
  })
})
