import type { Payload } from 'payload'

import { roles } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'

export type TestAccount = { id: number; email: string; password: string; role: Role; apiKey?: string }

export const testPassword = 'correct-horse-battery-staple'
export const integrationApiKey = 'badil-test-integration-key-0123456789'

/** One account per role; the integration account gets a known API key. */
export async function createAccountPerRole(payload: Payload): Promise<Record<Role, TestAccount>> {
  const accounts = {} as Record<Role, TestAccount>
  for (const role of roles) {
    const email = `${role}@test.badil.local`
    const isTool = role === 'integration'
    const user = await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        email,
        password: testPassword,
        name: `Test ${role}`,
        role,
        language: 'fr',
        ...(isTool ? { enableAPIKey: true, apiKey: integrationApiKey } : {}),
      },
    })
    accounts[role] = { id: user.id, email, password: testPassword, role, ...(isTool ? { apiKey: integrationApiKey } : {}) }
  }
  return accounts
}
