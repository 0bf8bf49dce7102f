/**
 * `npm run crisis:replay`: a recorded stream (two weeks, then a surge) replayed through the watch
 * prints when it would have raised the alert; lines classified by the rules or given their
 * category; a bad line is named and refused; a parameter out of bounds stops it with the reason.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { jest } from '@jest/globals'

import { runScript } from '../helpers/run-script'
import { syntheticStream } from './synthetic-streams'

jest.setTimeout(60_000)

const hour = 3_600_000
const day = 24 * hour
const start = Date.UTC(2026, 9, 1)
const surge = start + 15 * day + 19 * hour

const replay = (args: string[]) => runScript('scripts/crisis-replay.ts', args)

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'badil-crisis-replay-')), 'stream.jsonl')

beforeAll(() => {
  const comments = syntheticStream({ seed: 3, start, hours: 16 * 24, hostileFactor: (at) => (at >= surge && at < surge + 3 * hour ? 3 : 1) })
  const lines = comments.map((comment) =>
    JSON.stringify({
      at: new Date(comment.at).toISOString(),
      network: comment.network,
      author: comment.author,
      category: comment.category,
      myths: comment.myths,
    }),
  )
  // Words the shipped rules classify, and a line that is not a comment.
  lines.push(
    JSON.stringify({ at: new Date(surge).toISOString(), network: 'facebook', author: 'someone', text: 'Les riches achètent leur liberté avec cette loi' }),
  )
  lines.push('{"at": "hier", "network": "facebook", "text": "x"}')
  fs.writeFileSync(file, lines.join('\n'))
})

describe('npm run crisis:replay', () => {
  it('prints when the surge would have raised a crisis, and names the refused line', async () => {
    const { code, stdout, stderr } = await replay([file])
    expect(code).toBe(1)
    expect(stderr).toContain(`line ${fs.readFileSync(file, 'utf8').split('\n').length}: "at" must be a date and time`)
    const raised = stdout.split('\n').filter((line) => line.includes('raised CRISIS  hostile:all'))
    expect(raised).toHaveLength(1)
    // Within its first hour (the surge starts at 19:00).
    expect(raised[0]).toMatch(/^16\/10\/2026, (19:[0-5]0|20:00) \(UTC\+00:00\)/)
    expect(stdout).toMatch(/\d+ comments, \d+ alerts \(\d+ crisis\)/)
  })

  it('tries other levels, as JSON', async () => {
    const { stdout } = await replay(['--set', 'crisisSigma=9', '--json', file])
    const alerts = stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: string; series: string })
    expect(alerts.filter((alert) => alert.level === 'crisis' && alert.series === 'hostile:all')).toEqual([])
  })

  it('refuses a parameter out of bounds, or unknown, with the reason', async () => {
    const tooHigh = await replay(['--set', 'crisisSigma=50', file])
    expect(tooHigh.code).toBe(2)
    expect(tooHigh.stderr).toContain('crisisSigma')
    const unknown = await replay(['--set', 'sigma=3', file])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('name one of')
  })
})
