import type { Payload } from 'payload'

import { compileEngine } from './engine'
import type { CompiledModerationEngine } from './engine'
import { ruleFromDocument } from './rule-records'

export const moderationRulesSlug = 'moderation-rules'

type CacheEntry = { stamp: string; engine: CompiledModerationEngine; checkedAt: number }

const cache = new WeakMap<Payload, CacheEntry>()

/**
 * A fingerprint of the active rule set, read from PostgreSQL: any instance that activates, edits
 * or retires a rule changes it, so every instance recompiles on its next check.
 */
async function activeRulesStamp(payload: Payload): Promise<string> {
  const { docs, totalDocs } = await payload.find({
    collection: moderationRulesSlug,
    where: { state: { equals: 'active' } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { updatedAt: true },
  })
  return `${totalDocs}:${docs[0]?.updatedAt ?? ''}`
}

/** The engine compiled from the active rules, rechecked at most every `maxAgeMs`. */
export async function activeEngine(payload: Payload, maxAgeMs = 5000): Promise<CompiledModerationEngine> {
  const cached = cache.get(payload)
  if (cached && Date.now() - cached.checkedAt < maxAgeMs) return cached.engine
  const stamp = await activeRulesStamp(payload)
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = Date.now()
    return cached.engine
  }
  const { docs } = await payload.find({
    collection: moderationRulesSlug,
    where: { state: { equals: 'active' } },
    pagination: false,
    depth: 1,
    // Every locale's name, so each decision can be explained in its reader's language.
    locale: 'all',
    overrideAccess: true,
  })
  const engine = compileEngine(docs.map(ruleFromDocument))
  cache.set(payload, { stamp, engine, checkedAt: Date.now() })
  return engine
}

/** Forces the next `activeEngine` call on this instance to re-read the rules (after a local change). */
export function forgetActiveEngine(payload: Payload): void {
  cache.delete(payload)
}
