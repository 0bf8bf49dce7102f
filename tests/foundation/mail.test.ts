import fs from 'node:fs'
import path from 'node:path'

import { mailDropDirectory } from '../../src/infra/mailer'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let app: TestPayload

beforeAll(async () => {
  app = await startTestPayload()
})

afterAll(async () => {
  await app?.close()
})

describe('email without SMTP', () => {
  it('writes each message as a readable .eml file in the data folder', async () => {
    await app.payload.sendEmail({
      to: 'ncsc@badil.local',
      subject: 'Contenu à valider — محتوى للمراجعة',
      text: 'Bonjour, un contenu attend votre validation.',
    })
    const directory = mailDropDirectory(app.dataDirPath)
    const files = fs.readdirSync(directory).filter((file) => file.endsWith('.eml'))
    expect(files).toHaveLength(1)
    const raw = fs.readFileSync(path.join(directory, files[0]), 'utf8')
    expect(raw).toMatch(/^To: ncsc@badil\.local$/m)
    expect(raw).toMatch(/^From: "?Badil"? <no-reply@badil\.local>$/m)
    expect(raw).toMatch(/Subject: =\?UTF-8\?/)
    expect(raw).toMatch(/un contenu attend votre validation/)
  })
})
