import type { Payload, PayloadRequest } from 'payload'
import React from 'react'

import { crisisModeSlug } from '../crisis-mode-config'
import { CrisisBannerLive } from './CrisisBannerLive'
import type { CrisisState } from './publishing-client'

/** What Payload's default template gives the `admin.components.header` slot (server props). */
type HeaderServerProps = { payload?: Payload; req?: PayloadRequest; user?: unknown }

/**
 * The red banner above every admin page while crisis mode is active. Registered in
 * `admin.components.header`, which Payload's default template renders above the navigation on
 * every signed-in page. The global is read here with the Local API, under the person's own
 * access, so the banner is in the first HTML (no flicker); CrisisBannerLive then follows the
 * switch from other people (polling) and from this tab (event).
 */
export async function CrisisBanner({ payload, req, user }: HeaderServerProps) {
  if (!payload || !req || !user) return null
  const initial: CrisisState | null = await payload
    .findGlobal({ slug: crisisModeSlug, depth: 0, overrideAccess: false, req })
    .then((crisis) => ({ active: Boolean(crisis.active), reason: crisis.reason ?? null, changedAt: crisis.changedAt ?? null, changedBy: null }))
    // Not readable by this person (integration accounts), or not there: the live part asks the API.
    .catch(() => null)
  return <CrisisBannerLive initial={initial} />
}
