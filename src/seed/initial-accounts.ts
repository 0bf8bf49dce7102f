import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Role } from '../domain/roles'
import type { AdminLanguage } from '../i18n/catalogue'

export type SeedMode = 'none' | 'admin' | 'demo'

export type DemoCredentials = { password: string; accounts: { email: string; role: Role; name: string }[] }

/** One demo account per role (README.md "Roles"), all sharing one generated password. */
const demoAccounts: { email: string; role: Exclude<Role, 'integration'>; name: string; language: AdminLanguage }[] = [
  { email: 'admin@badil.local', role: 'admin', name: 'Admin Badil', language: 'fr' },
  { email: 'ncsc@badil.local', role: 'ncsc', name: 'Salma (NCSC)', language: 'fr' },
  { email: 'legal@badil.local', role: 'legal', name: 'Youssef (juriste DGAPR)', language: 'ar' },
  { email: 'consultant@badil.local', role: 'consultant', name: 'Nadia (consultante)', language: 'fr' },
  { email: 'cm@badil.local', role: 'cm', name: 'Karim (community manager)', language: 'ar' },
  { email: 'analyst@badil.local', role: 'analyst', name: 'Leïla (analyste)', language: 'en' },
]

function demoCredentialsFile(dataDirPath: string) {
  return path.join(dataDirPath, 'demo-credentials.json')
}

/** The demo password, generated once per data folder so it survives restarts. */
function demoPassword(dataDirPath: string): string {
  const file = demoCredentialsFile(dataDirPath)
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoCredentials
    if (stored.password) return stored.password
  } catch {
    // first start
  }
  return `badil-${randomBytes(6).toString('hex')}`
}

export function readDemoCredentials(dataDirPath: string): DemoCredentials | undefined {
  try {
    return JSON.parse(fs.readFileSync(demoCredentialsFile(dataDirPath), 'utf8')) as DemoCredentials
  } catch {
    return undefined
  }
}

/**
 * On an empty database, creates the first administrator: from ADMIN_EMAIL/ADMIN_PASSWORD when set,
 * otherwise (development) the demo accounts whose credentials are kept in the data folder.
 * Does nothing once any user exists.
 */
export const missingFirstAdminMessage =
  'No user exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set: in production Badil does not start, so that the first ' +
  'visitor cannot make themselves administrator. Set ADMIN_EMAIL and ADMIN_PASSWORD (at least 12 characters) and start again.'

/** Production without a first administrator: refused before anyone can register as one. */
export class MissingFirstAdminError extends Error {
  constructor() {
    super(missingFirstAdminMessage)
    this.name = 'MissingFirstAdminError'
  }
}

export async function seedInitialAccounts(
  payload: Payload,
  options: {
    mode: SeedMode
    adminEmail?: string
    adminPassword?: string
    dataDirPath: string
    /** Production: an empty database needs ADMIN_EMAIL/ADMIN_PASSWORD, whatever the seed mode. */
    requireFirstAdmin?: boolean
  },
): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  if (options.requireFirstAdmin && !(options.adminEmail && options.adminPassword)) throw new MissingFirstAdminError()
  if (options.mode === 'none') return

  if (options.adminEmail && options.adminPassword) {
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email: options.adminEmail, password: options.adminPassword, name: 'Administrator', role: 'admin', language: 'fr' },
    })
    payload.logger.info(`Created the first administrator ${options.adminEmail} (from ADMIN_EMAIL)`)
    return
  }
  if (options.mode !== 'demo') {
    payload.logger.warn('No user exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set: open /admin to create the first administrator.')
    return
  }
  const password = demoPassword(options.dataDirPath)
  for (const account of demoAccounts) {
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...account, password } })
  }
  const credentials: DemoCredentials = {
    password,
    accounts: demoAccounts.map(({ email, role, name }) => ({ email, role, name })),
  }
  fs.mkdirSync(options.dataDirPath, { recursive: true })
  fs.writeFileSync(demoCredentialsFile(options.dataDirPath), JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 })
  payload.logger.info(`Created ${demoAccounts.length} demo accounts (password in ${demoCredentialsFile(options.dataDirPath)})`)
}
