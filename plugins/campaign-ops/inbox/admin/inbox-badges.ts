/**
 * What a row of the inbox says at a glance: whether anyone has looked at it yet, and how its
 * answer time stands. Plain functions of the interaction and the clock, tested without a browser.
 */

/** Statuses that need no answer any more: their timer stops. */
const settledStatuses = new Set(['answered', 'hidden', 'closed'])

/** Less than this left: the timer turns orange. */
export const slaSoonMinutes = 120

export type SlaState = { kind: 'none' } | { kind: 'overdue' | 'soon' | 'ok'; minutes: number }

type Timed = { status: string; slaDueAt?: string | null }

/** The answer timer of an interaction at `now`: how many minutes are left, or how late it is. */
export function slaState(interaction: Timed, now: Date): SlaState {
  if (!interaction.slaDueAt || settledStatuses.has(interaction.status)) return { kind: 'none' }
  const minutes = Math.round((new Date(interaction.slaDueAt).getTime() - now.getTime()) / 60_000)
  if (minutes < 0) return { kind: 'overdue', minutes: -minutes }
  return { kind: minutes <= slaSoonMinutes ? 'soon' : 'ok', minutes }
}

/** "2 h 05" or "45 min": a duration in the units a person reads. */
export function durationParts(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 }
}

/** Nobody has acted on it yet (no status change, assignment, answer or moderation by a person). */
export const isUnreviewed = (interaction: { reviewed?: boolean | null; fromAccountItself?: boolean | null }) =>
  !interaction.reviewed && !interaction.fromAccountItself
