import type { Payload } from 'payload'

import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'
import { createAccountPerRole } from '../helpers/users'
import type { TestAccount } from '../helpers/users'

let app: TestPayload
let payload: Payload
let accounts: Record<Role, TestAccount>

const humanRoles = roles.filter((role) => role !== 'integration' && role !== 'admin')

async function asUser(role: Role) {
  return payload.findByID({ collection: 'users', id: accounts[role].id, overrideAccess: true })
}

beforeAll(async () => {
  app = await startTestPayload()
  payload = app.payload
  accounts = await createAccountPerRole(payload)
})

afterAll(async () => {
  await app?.close()
})

describe('users access through the Local API (overrideAccess: false)', () => {
  it('lets an admin list every account', async () => {
    const user = await asUser('admin')
    const { totalDocs } = await payload.find({ collection: 'users', overrideAccess: false, user })
    expect(totalDocs).toBe(roles.length)
  })

  it.each(humanRoles)('shows a %s only their own account', async (role) => {
    const user = await asUser(role)
    const { docs } = await payload.find({ collection: 'users', overrideAccess: false, user })
    expect(docs.map((doc) => doc.id)).toEqual([accounts[role].id])
    await expect(payload.findByID({ collection: 'users', id: accounts.admin.id, overrideAccess: false, user })).rejects.toMatchObject({ status: 404 })
  })

  it('lets an integration account see only itself and change nothing', async () => {
    const user = await asUser('integration')
    const { docs } = await payload.find({ collection: 'users', overrideAccess: false, user })
    expect(docs.map((doc) => doc.id)).toEqual([accounts.integration.id])
    await expect(payload.update({ collection: 'users', id: accounts.integration.id, data: { name: 'x' }, overrideAccess: false, user })).rejects.toMatchObject({
      status: 403,
    })
  })

  it('refuses anonymous reads', async () => {
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
  })

  it.each(humanRoles)('lets a %s edit their own profile but not their role', async (role) => {
    const user = await asUser(role)
    const updated = await payload.update({
      collection: 'users',
      id: accounts[role].id,
      data: { name: `Renamed ${role}`, language: 'ar' },
      overrideAccess: false,
      user,
    })
    expect(updated.name).toBe(`Renamed ${role}`)
    expect(updated.language).toBe('ar')

    await expect(payload.update({ collection: 'users', id: accounts[role].id, data: { role: 'admin' }, overrideAccess: false, user })).rejects.toMatchObject({
      status: 403,
    })
    expect((await asUser(role)).role).toBe(role)
  })

  it('does not let an admin change their own role either', async () => {
    const user = await asUser('admin')
    await expect(payload.update({ collection: 'users', id: accounts.admin.id, data: { role: 'analyst' }, overrideAccess: false, user })).rejects.toMatchObject({
      status: 403,
    })
    expect((await asUser('admin')).role).toBe('admin')
  })

  it('lets an admin change another account’s role', async () => {
    const user = await asUser('admin')
    const target = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: 'promoted@test.badil.local', password: 'another-password-123', name: 'P', role: 'analyst', language: 'fr' },
    })
    const updated = await payload.update({ collection: 'users', id: target.id, data: { role: 'cm' }, overrideAccess: false, user })
    expect(updated.role).toBe('cm')
  })

  it.each(humanRoles)('does not let a %s create, edit or delete other accounts', async (role) => {
    const user = await asUser(role)
    await expect(
      payload.create({
        collection: 'users',
        data: { email: `new-${role}@test.badil.local`, password: 'a-long-password-1', name: 'N', role: 'admin', language: 'fr' },
        overrideAccess: false,
        user,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({
        collection: 'users',
        id: accounts.analyst.id === accounts[role].id ? accounts.cm.id : accounts.analyst.id,
        data: { name: 'hijacked' },
        overrideAccess: false,
        user,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'users', id: accounts.admin.id, overrideAccess: false, user })).rejects.toMatchObject({ status: 403 })
  })

  it('requires a role when an admin creates an account, naming the field', async () => {
    const user = await asUser('admin')
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'norole@test.badil.local', password: 'a-long-password-1', name: 'N' } as never,
        overrideAccess: false,
        user,
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'role' })] } })
    expect((await payload.count({ collection: 'users', where: { email: { equals: 'norole@test.badil.local' } } })).totalDocs).toBe(0)
  })

  it('refuses an API key on a non-integration account', async () => {
    const user = await asUser('admin')
    await expect(
      payload.update({
        collection: 'users',
        id: accounts.cm.id,
        data: { enableAPIKey: true, apiKey: 'some-key-0123456789abcdef' },
        overrideAccess: false,
        user,
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'enableAPIKey' })] } })
    expect((await asUser('cm')).enableAPIKey).toBeFalsy()
  })

  it('refuses password login to integration accounts', async () => {
    await expect(
      payload.login({ collection: 'users', data: { email: accounts.integration.email, password: accounts.integration.password } }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('logs in every human role with its password', async () => {
    for (const role of ['admin', ...humanRoles] as Role[]) {
      const result = await payload.login({ collection: 'users', data: { email: accounts[role].email, password: accounts[role].password } })
      expect(result.token).toBeTruthy()
    }
  })
})
