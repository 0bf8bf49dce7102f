/**
 * The REST side of the browser walkthroughs: calls to the running Badil (BASE_URL) and the test
 * users they prepare with its administrator's account (E2E_EMAIL, E2E_PASSWORD).
 */
export const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:3000'
export const adminEmail = process.env.E2E_EMAIL ?? 'admin@badil.local'
export const adminPassword = process.env.E2E_PASSWORD ?? ''

/** A JSON call as the user of `token` (anonymous without one); any answer but 2xx throws. */
export async function api(pathname: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.token) headers.set('Authorization', `JWT ${init.token}`)
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
  const response = await fetch(`${baseUrl}${pathname}`, { ...init, headers })
  const body = await response.json().catch(() => null)
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${pathname}: HTTP ${response.status} ${JSON.stringify(body)}`)
  return body
}

export const login = async (email: string, secret: string) =>
  (await api('/api/users/login', { method: 'POST', body: JSON.stringify({ email, password: secret }) })).token as string

/**
 * One walkthrough's users: `<role>.<emailTag>@badil.local`, named "<namePrefix> <role>", all with
 * `password`. Each walkthrough has its own, so that they do not depend on each other's runs.
 */
export type WalkthroughUsers = { emailTag: string; namePrefix: string; password: string }

/** The walkthrough's user for `role`, created on the first run and reused after; answers its email. */
export async function ensureUser(adminToken: string, users: WalkthroughUsers, role: string, language: string) {
  const email = `${role}.${users.emailTag}@badil.local`
  const existing = await api(`/api/users?where[email][equals]=${encodeURIComponent(email)}`, { token: adminToken })
  if (existing.totalDocs === 0) {
    await api('/api/users', {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({ email, password: users.password, name: `${users.namePrefix} ${role}`, role, language }),
    })
  }
  return email
}
