/**
 * The triage model in use, as each instance keeps it: re-read from PostgreSQL when the active
 * model changes (any instance activating or retiring one changes the stamp), checked at most every
 * few seconds. A model that cannot be read is left out with an error in the log: the rules go on.
 */
import type { Payload } from 'payload'

import { ModelFileError, parseModel } from './model-file'
import { moderationModelsSlug } from './models-collection'
import type { TriageModel } from './triage-model'

export type ActiveTriageModel = { id: number; version: number; model: TriageModel }

type CacheEntry = { stamp: string; active: ActiveTriageModel | null; checkedAt: number }

const cache = new WeakMap<Payload, CacheEntry>()

export async function activeTriageModel(payload: Payload, maxAgeMs = 5000): Promise<ActiveTriageModel | null> {
  const cached = cache.get(payload)
  if (cached && Date.now() - cached.checkedAt < maxAgeMs) return cached.active
  const { docs } = await payload.find({
    collection: moderationModelsSlug,
    where: { status: { equals: 'active' } },
    sort: '-activatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { version: true, updatedAt: true },
  })
  const head = docs[0]
  const stamp = head ? `${head.id}:${head.updatedAt}` : 'none'
  if (cached && cached.stamp === stamp) {
    cached.checkedAt = Date.now()
    return cached.active
  }
  let active: ActiveTriageModel | null = null
  if (head) {
    const doc = await payload.findByID({ collection: moderationModelsSlug, id: head.id, depth: 0, overrideAccess: true })
    try {
      active = { id: Number(doc.id), version: doc.version, model: parseModel(doc.model) }
    } catch (error) {
      const reason = error instanceof ModelFileError ? error.message : String(error)
      payload.logger.error(`Moderation: the active triage model v${doc.version} cannot be read (${reason}); comments are triaged by the rules alone`)
    }
  }
  cache.set(payload, { stamp, active, checkedAt: Date.now() })
  return active
}

/** Forces the next read on this instance to look again (after activating or retiring here). */
export function forgetActiveTriageModel(payload: Payload): void {
  cache.delete(payload)
}
