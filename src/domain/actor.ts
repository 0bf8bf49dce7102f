import type { PayloadRequest, RequestContext } from 'payload'

/**
 * Who acts on Badil's data: a signed-in person, or the system under a name. The system is never
 * the absence of a user: a request without a user is anonymous and is refused wherever a person
 * is required. Server code that acts on its own account says so with `systemContext(name)`.
 */

/** The parts of Badil that act on their own account. */
export const systemNames = ['publishing-engine', 'workflow', 'seed', 'moderation', 'test-fixture'] as const
export type SystemName = (typeof systemNames)[number]

/**
 * The key of the system's mark in a request context. A symbol cannot be written by JSON (REST),
 * GraphQL arguments or query strings, so no caller can claim to be the system.
 */
const systemActorKey = Symbol.for('badil.systemActor')

/**
 * A request context carrying a mark under a symbol. It also names the mark under a string key:
 * Payload takes a context without string keys for an empty one and replaces it, losing the mark.
 * Only the symbol is ever read.
 */
export function markedContext(key: symbol, value: unknown): RequestContext {
  const context: RequestContext = { [`badil:${key.description ?? 'mark'}`]: true }
  return Object.assign(context, { [key]: value })
}

/** The value marked under `key` in a request's context (undefined without the mark). */
export function markOf(req: { context?: unknown } | undefined, key: symbol): unknown {
  return (req?.context as Record<symbol, unknown> | undefined)?.[key]
}

/** The request context of a Local API call made by the system (pass it as `context`, with no `req`). */
export function systemContext(name: SystemName): RequestContext {
  return markedContext(systemActorKey, name)
}

/** The system part acting in this request, or undefined for people and anonymous callers. */
export function actingSystem(req: Pick<PayloadRequest, 'context'> | { context?: unknown } | undefined): SystemName | undefined {
  const name = markOf(req, systemActorKey)
  return systemNames.includes(name as SystemName) ? (name as SystemName) : undefined
}
