import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { appendModerationLog } from '../../plugins/campaign-ops/moderation/moderation-log'
import { runScript } from '../helpers/run-script'
import { startTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

const script = (file: string, args: string[], env: Record<string, string> = {}) => runScript(file, args, { env })

describe('npm run moderate', () => {
  it('writes one decision per input line, passing other fields through', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'badil-moderate-'))
    const file = path.join(dir, 'comments.jsonl')
    fs.writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', platform: 'facebook', text: 'ya 7maaar sir t9awd' }),
        JSON.stringify({ id: 'b', text: 'Merci pour ces explications, très clair.' }),
        '',
        'not json at all',
        JSON.stringify({ id: 'c', text: 'Les riches vont payer pour sortir de prison, c’est l’impunité' }),
      ].join('\n'),
    )
    const { code, stdout } = await script('scripts/moderate.ts', ['--rules', 'default', file])
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(code).toBe(1) // one malformed line
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatchObject({ id: 'a', platform: 'facebook', flagged: true, action: 'hide' })
    expect(lines[0].spans.length).toBeGreaterThan(0)
    expect(lines[0].rules.length).toBeGreaterThan(0)
    expect(lines[1]).toMatchObject({ id: 'b', flagged: false, action: null, rules: [], spans: [] })
    expect(lines[2]).toMatchObject({ line: 4, error: expect.stringMatching(/JSON object/) })
    expect(lines[3]).toMatchObject({ id: 'c', flagged: true, category: 'misinformation' })
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('refuses unknown options with the usage', async () => {
    const { code, stderr } = await script('scripts/moderate.ts', ['--rules', 'everything'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/usage: npm run moderate/)
  })
})

describe('npm run moderation-log:verify', () => {
  let app: TestPayload

  beforeAll(async () => {
    app = await startTestPayload()
    for (let index = 0; index < 3; index += 1) {
      await appendModerationLog(app.payload, { kind: 'decision', actor: { type: 'rule' }, category: 'spam', action: 'hide', commentText: `spam ${index}` })
    }
  })

  afterAll(async () => {
    await app?.close()
  })

  it('says the log is intact, then finds the row edited in PostgreSQL', async () => {
    const intact = await script('scripts/verify-moderation-log.ts', [], { DATABASE_URL: app.databaseUrl })
    expect(intact).toMatchObject({ code: 0, stdout: expect.stringMatching(/intact: 3 rows/) })

    const client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    await client.query("update moderation_log set category = 'hate' where sequence = 2")
    await client.end()

    const broken = await script('scripts/verify-moderation-log.ts', [], { DATABASE_URL: app.databaseUrl })
    expect(broken).toMatchObject({ code: 1, stdout: expect.stringMatching(/row #2 .*edited/) })
  })

  it('finds the last rows removed with the seals, given an anchor copied out of Badil', async () => {
    const client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    try {
      // Row 2 as it was written, whether or not the test before edited it.
      await client.query("update moderation_log set category = 'spam' where sequence = 2")
      const seal = (await client.query('select sequence, hash from moderation_log order by sequence desc limit 1')).rows[0] as {
        sequence: string
        hash: string
      }
      const anchor = `${seal.sequence}:${seal.hash}`
      const intact = await script('scripts/verify-moderation-log.ts', ['--anchor', anchor], { DATABASE_URL: app.databaseUrl })
      expect(intact).toMatchObject({ code: 0, stdout: expect.stringMatching(/intact: 3 rows, hash chain and seals verified, 1 anchor\(s\) matched/) })

      await client.query('delete from moderation_log where sequence = 3')
      const truncated = await script('scripts/verify-moderation-log.ts', ['--anchor', anchor], { DATABASE_URL: app.databaseUrl })
      expect(truncated.code).toBe(1)
      expect(truncated.stdout).toContain('row #3: the log ends at row #2, but the anchor 3 given saw row #3: its last rows were removed')
    } finally {
      await client.end()
    }
  })

  it('refuses an anchor it cannot read, saying what it expects', async () => {
    const refused = await script('scripts/verify-moderation-log.ts', ['--anchor', '3:abc'], { DATABASE_URL: app.databaseUrl })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('"3:abc" is not an anchor: expected <row number>:<64 hex hash>')
  })
})
