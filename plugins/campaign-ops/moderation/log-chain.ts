import { createHash, createHmac } from 'node:crypto'

import type { ModerationLog } from '../../../payload-types'

/**
 * The moderation log's tamper evidence: each row's hash covers its content and the previous
 * row's hash, so editing, removing or reordering any row breaks every hash after it. The comment
 * excerpt is covered through its own hash, so the retention purge can blank the excerpt without
 * breaking the chain.
 */

export const genesisHash = '0'.repeat(64)

/** A log row as verified: a `moderation-log` document, or its table row read in SQL under the same names. */
export type LogRow = Partial<Record<keyof ModerationLog, unknown>>

export type ChainedFields = {
  sequence: number
  kind: string
  actorType: string
  actorUser: number | string | null
  ruleIds: string | null
  category: string | null
  action: string | null
  platform: string | null
  itemRef: string | null
  commenterPseudonym: string | null
  excerptHash: string | null
  before: unknown
  after: unknown
  occurredAt: string
}

/** JSON with sorted keys and no undefined, so PostgreSQL's jsonb key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function chainedFieldsOf(row: LogRow): ChainedFields {
  const actor = row.actorUser
  return {
    sequence: Number(row.sequence),
    kind: String(row.kind),
    actorType: String(row.actorType),
    actorUser: actor && typeof actor === 'object' ? ((actor as { id: number }).id ?? null) : ((actor as number | null) ?? null),
    ruleIds: (row.ruleIds as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    action: (row.action as string | null) ?? null,
    platform: (row.platform as string | null) ?? null,
    itemRef: (row.itemRef as string | null) ?? null,
    commenterPseudonym: (row.commenterPseudonym as string | null) ?? null,
    excerptHash: (row.excerptHash as string | null) ?? null,
    before: row.before ?? null,
    after: row.after ?? null,
    occurredAt: (row.occurredAt instanceof Date ? row.occurredAt : new Date(String(row.occurredAt))).toISOString(),
  }
}

export function rowHash(previousHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex')
}

export function excerptHashOf(excerpt: string): string {
  return createHash('sha256').update(excerpt).digest('hex')
}

/** A keyed pseudonym: the same commenter always maps to the same value, which reveals nothing without the key. */
export function pseudonymize(key: string, platform: string, authorId: string): string {
  return createHmac('sha256', key).update(`${platform}:${authorId}`).digest('hex').slice(0, 32)
}

const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu
const phonePattern = /(?:\+|00)?\d(?:[\s.-]?\d){7,}/g
const mentionPattern = /@[\p{L}\p{N}_.]{2,}/gu

/** What the log keeps of a comment: a short excerpt without contact details or handles. */
export function redactExcerpt(text: string, maxLength = 200): string {
  const redacted = text.replace(emailPattern, '[email]').replace(phonePattern, '[phone]').replace(mentionPattern, '@[…]')
  const characters = Array.from(redacted)
  return characters.length > maxLength ? characters.slice(0, maxLength).join('') + '…' : redacted
}

/** `id` is the row's; null when the problem is a row that is no longer there. */
export type ChainProblem = { sequence: number; id: number | string | null; problem: string }

/**
 * Walks rows in sequence order and reports every break: a gap or repeat in sequence numbers
 * (a removed or inserted row), a previous-hash link that does not match (reordering), a hash that
 * does not match the content (an edit), an excerpt that does not match its hash.
 */
export function verifyChain(
  rows: Iterable<LogRow>,
  start: { previousHash: string; sequence: number } = { previousHash: genesisHash, sequence: 0 },
): { checked: number; problems: ChainProblem[]; lastHash: string; lastSequence: number } {
  let previousHash = start.previousHash
  let expectedSequence = start.sequence + 1
  let checked = 0
  const problems: ChainProblem[] = []
  for (const row of rows) {
    checked += 1
    const fields = chainedFieldsOf(row)
    const id = row.id as number
    if (fields.sequence !== expectedSequence) {
      problems.push({ sequence: fields.sequence, id, problem: `expected sequence ${expectedSequence}: a row was removed, inserted or reordered` })
    }
    if (row.prevHash !== previousHash) {
      problems.push({ sequence: fields.sequence, id, problem: 'previous-hash link broken: the row before it changed, moved or vanished' })
    }
    if (rowHash(String(row.prevHash), fields) !== row.hash) {
      problems.push({ sequence: fields.sequence, id, problem: 'content does not match its hash: the row was edited' })
    }
    if (typeof row.excerpt === 'string' && row.excerpt !== '' && excerptHashOf(row.excerpt) !== fields.excerptHash) {
      problems.push({ sequence: fields.sequence, id, problem: 'excerpt does not match its hash: the excerpt was edited' })
    }
    previousHash = String(row.hash)
    expectedSequence = fields.sequence + 1
  }
  return { checked, problems, lastHash: previousHash, lastSequence: expectedSequence - 1 }
}

/**
 * A row's hash known from outside the chain: a checkpoint written apart from the log, or one copied
 * out of it (a report, an auditor's note). The chain alone cannot tell its last rows were deleted;
 * an anchor past the end can.
 */
export type LogAnchor = { sequence: number; hash: string; source: string }

/** Collects the hashes of the anchored rows while the chain is walked, then says what the anchors saw that is gone or changed. */
export function anchorCheck(anchors: readonly LogAnchor[]) {
  const wanted = new Set(anchors.map((anchor) => anchor.sequence))
  const seen = new Map<number, { id: number | string; hash: string }>()
  return {
    note(rows: Iterable<LogRow>): void {
      for (const row of rows) {
        const sequence = Number(row.sequence)
        if (wanted.has(sequence) && !seen.has(sequence)) seen.set(sequence, { id: row.id as number, hash: String(row.hash) })
      }
    },
    problems(lastSequence: number): ChainProblem[] {
      const problems: ChainProblem[] = []
      for (const anchor of [...anchors].sort((a, b) => a.sequence - b.sequence)) {
        const row = seen.get(anchor.sequence)
        if (anchor.sequence > lastSequence) {
          problems.push({
            sequence: anchor.sequence,
            id: null,
            problem: `the log ends at row #${lastSequence}, but ${anchor.source} saw row #${anchor.sequence}: its last rows were removed`,
          })
        } else if (!row) {
          problems.push({ sequence: anchor.sequence, id: null, problem: `row #${anchor.sequence}, seen by ${anchor.source}, is missing` })
        } else if (row.hash !== anchor.hash) {
          problems.push({
            sequence: anchor.sequence,
            id: row.id,
            problem: `row #${anchor.sequence} differs from what ${anchor.source} saw: the log was rewritten from there on`,
          })
        }
      }
      return problems
    },
  }
}

/** Reads `<sequence>:<hash>` as typed on the command line; null when it is not one. */
export function parseAnchor(text: string, source: string): LogAnchor | null {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim())
  return match ? { sequence: Number(match[1]), hash: match[2]!, source } : null
}
