/**
 * The date from which each network's post metrics, as Badil asks for them, have had their
 * current meaning (social-apis.md §8, kpis.md "video views"): partners compare figures across
 * months, so each snapshot records the definition it was counted under. A new change of definition
 * gets a new row here, with its date; older snapshots keep theirs.
 */
import type { Network } from '../networks/registry'

type DefinitionChange = { since: string; what: string }

const definitionChanges: Record<Network, DefinitionChange[]> = {
  // post_media_view replaced post_impressions (deprecated 2025-11-15).
  facebook: [{ since: '2025-11-15', what: 'post_media_view replaces post_impressions' }],
  // views replaced impressions and plays (v22.0, every version from 2025-04-21).
  instagram: [{ since: '2025-04-21', what: 'views replaces impressions and plays' }],
  x: [{ since: '2023-01-01', what: 'impression_count in public metrics' }],
  linkedin: [{ since: '2023-01-01', what: 'organizational share statistics (organic)' }],
  // Shorts count every start since 2025-03-31; every format counts a view at playback start from 2026-08-01.
  youtube: [
    { since: '2025-03-31', what: 'Shorts views count every start or replay' },
    { since: '2026-08-01', what: 'every format counts a view at playback start' },
  ],
  tiktok: [{ since: '2023-01-01', what: 'video query counters' }],
}

/** The definition in force at `at` for this network's metrics: the date of its last change before then. */
export function metricDefinitionDate(network: Network, at: Date): string {
  const day = at.toISOString().slice(0, 10)
  const changes = definitionChanges[network]
  const inForce = changes.filter((change) => change.since <= day).at(-1) ?? changes[0]!
  return inForce.since
}
