/**
 * What the fake networks' tests script on top of the normal answers: failures, dropped
 * connections, silence. Each script applies to the next `times` requests it matches, the earliest
 * scripted first; a request that no script matches is served normally.
 */
export class Scripts<Script, Request> {
  private readonly entries: Array<{ script: Script; remaining: number; skip: number }> = []

  constructor(private readonly matches: (script: Script, request: Request) => boolean) {}

  /** `skip`: the first matching requests served normally before the script applies (the second post, not the first). */
  add(script: Script, times: number, skip = 0): void {
    this.entries.push({ script, remaining: times, skip })
  }

  /** The script for this request, if any, counting it as used once. */
  take(request: Request): Script | undefined {
    const entry = this.entries.find((candidate) => candidate.remaining > 0 && this.matches(candidate.script, request))
    if (!entry) return undefined
    if (entry.skip > 0) {
      entry.skip -= 1
      return undefined
    }
    entry.remaining -= 1
    return entry.script
  }
}

/** An error answer for the next calls, to all paths or to one method and path (X, LinkedIn). */
export type ScriptedFailure = {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Only calls with this method and path (exact pathname or pattern) fail; others pass through. */
  method?: string
  path?: string | RegExp
}

export function failureScripts(): Scripts<ScriptedFailure, { method: string; path: string }> {
  return new Scripts((failure, request) => {
    if (failure.method && failure.method !== request.method) return false
    if (!failure.path) return true
    return typeof failure.path === 'string' ? failure.path === request.path : failure.path.test(request.path)
  })
}

/** What happens to a scripted request instead of (or after) its normal handling (TikTok, YouTube). */
export type Intervention =
  /** Answer with this instead of handling the request. */
  | { kind: 'respond'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Read `afterBytes` of the body, then destroy the socket (YouTube keeps the whole 256 KiB units received). */
  | { kind: 'drop'; afterBytes: number }
  /** Never answer; with `afterHandling`, the request takes effect first (stored, then silence). */
  | { kind: 'hang'; afterHandling: boolean }

/** A request as routed by the fake: its route, and for an upload whether the chunk ends the file. */
export type RoutedRequest<Route extends string> = { route: Route | 'unknown'; final: boolean }

/** An intervention on a route's requests; with `final`, only on chunks that do (or do not) end the file. */
export type RouteScript<Route extends string> = { route: Route; final?: boolean; intervention: Intervention }

export function routeScripts<Route extends string>(): Scripts<RouteScript<Route>, RoutedRequest<Route>> {
  return new Scripts((script, request) => script.route === request.route && (script.final === undefined || script.final === request.final))
}
