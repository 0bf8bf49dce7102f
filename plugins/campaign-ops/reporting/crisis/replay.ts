/**
 * The crisis watch run over a recorded stream, look by look (every 10 minutes, as the live watch
 * looks): what it would have raised and when. Alerts close by themselves after `cooldownHours`
 * without a signal, as nobody is there to close them.
 */
import { CrisisStream } from './crisis-stream'
import type { CrisisComment } from './crisis-stream'
import { alertDecision, binMs, detectCrises } from './detector'
import type { Baseline, CrisisSignal, PreviousAlert } from './detector'
import type { CrisisParameters } from './crisis-parameters'

export type ReplayedAlert = CrisisSignal & { at: number; decision: 'raise' | 'escalate' }

/** Every alert raised or escalated over the stream (time order), looking up to `until` (default: an hour after the last comment). */
export function replayCrisisWatch(comments: readonly CrisisComment[], parameters: CrisisParameters, until?: number): ReplayedAlert[] {
  const ordered = [...comments].sort((left, right) => left.at - right.at)
  if (ordered.length === 0) return []
  const stream = new CrisisStream(parameters)
  const baselineCache = new Map<string, Baseline>()
  const previous = new Map<string, PreviousAlert>()
  const alerts: ReplayedAlert[] = []
  const end = until ?? ordered.at(-1)!.at + 3_600_000
  let next = 0
  for (let now = Math.ceil(ordered[0]!.at / binMs) * binMs; now <= end; now += binMs) {
    while (next < ordered.length && ordered[next]!.at < now) stream.add(ordered[next++]!)
    for (const alert of previous.values()) if (alert.open && now - alert.lastSignalAt >= parameters.cooldownHours * 3_600_000) alert.open = false
    for (const signal of detectCrises({ ...stream.inputAt(now), baselineCache }, parameters)) {
      const last = previous.get(signal.series) ?? null
      const decision = alertDecision(signal, last, now, parameters)
      if (decision === 'continue') {
        last!.lastSignalAt = now
        continue
      }
      previous.set(signal.series, { level: signal.level, lastSignalAt: now, open: true })
      alerts.push({ ...signal, at: now, decision })
    }
    // Baselines are made hourly; the ones of past hours are not read again.
    if (baselineCache.size > 2_000) baselineCache.clear()
  }
  return alerts
}
