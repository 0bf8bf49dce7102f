import type { Payload } from 'payload'

import type { LogAnchor } from './log-chain'
import { logCheckpointsSlug } from './log-checkpoints-collection'
import { moderationLogSlug } from './log-collection'

/**
 * Seals the log's current end: one checkpoint with the last row's sequence and hash, unless the
 * last checkpoint already names that row. Returns the new checkpoint, or null when nothing was
 * appended since.
 */
export async function checkpointModerationLog(payload: Payload, now: Date = new Date()) {
  const [last] = (await payload.find({ collection: moderationLogSlug, sort: '-sequence', limit: 1, depth: 0, overrideAccess: true, pagination: false })).docs
  if (!last) return null
  const [sealed] = (await payload.find({ collection: logCheckpointsSlug, sort: '-sequence', limit: 1, depth: 0, overrideAccess: true, pagination: false })).docs
  if (sealed && sealed.sequence >= last.sequence) return null
  return payload.create({
    collection: logCheckpointsSlug,
    overrideAccess: true,
    data: { sequence: last.sequence, hash: last.hash, recordedAt: now.toISOString() },
  })
}

/** How a checkpoint is named in a problem: the seal and the time it was taken. */
export const checkpointSource = (recordedAt: string | Date) => `the seal of ${(recordedAt instanceof Date ? recordedAt : new Date(recordedAt)).toISOString()}`

/** Every checkpoint, as anchors of the chain's verification. */
export async function checkpointAnchors(payload: Payload): Promise<LogAnchor[]> {
  const { docs } = await payload.find({ collection: logCheckpointsSlug, sort: 'sequence', pagination: false, depth: 0, overrideAccess: true })
  return docs.map((checkpoint) => ({ sequence: checkpoint.sequence, hash: checkpoint.hash, source: checkpointSource(checkpoint.recordedAt) }))
}
