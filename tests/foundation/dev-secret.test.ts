import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { resolvePayloadSecret } from '../../src/infra/data-dir'

describe('PAYLOAD_SECRET outside production', () => {
  it('is generated once in the data folder and reused', () => {
    const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-secret-'))
    try {
      const first = resolvePayloadSecret({ DATA_DIR, NODE_ENV: 'development', PAYLOAD_SECRET: undefined })
      expect(first).toMatch(/^[0-9a-f]{64}$/)
      expect(resolvePayloadSecret({ DATA_DIR, NODE_ENV: 'development', PAYLOAD_SECRET: undefined })).toBe(first)
      expect(fs.statSync(path.join(DATA_DIR, 'payload-secret')).mode & 0o777).toBe(0o600)
    } finally {
      fs.rmSync(DATA_DIR, { recursive: true, force: true })
    }
  })

  it('is never invented in production', () => {
    expect(() => resolvePayloadSecret({ DATA_DIR: '/nonexistent', NODE_ENV: 'production', PAYLOAD_SECRET: undefined })).toThrow(/required in production/)
  })
})
