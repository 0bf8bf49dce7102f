import Link from 'next/link'
import type { WidgetServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../../../src/domain/roles'
import { HomeCard } from '../../../../src/ui/HomeCard'
import { translatePlugin } from '../../translations'
import { networkAccountsSlug } from '../network-accounts-collection'
import { attentionReasons, publishingQueueRoles, readPublishingQueue } from '../publishing-queue'

/** Problems are looked for over the next week: a post due later has time to be fixed. */
const horizonHours = 7 * 24

/**
 * Home page: what keeps posts from going out, counted by reason (unknown outcomes, failures,
 * stuck or held posts, posts due on an account to reconnect or with no account), and the
 * network accounts to reconnect, each a click from where it is handled.
 */
export async function PublishingProblemsWidget({ req }: WidgetServerProps) {
  if (!hasRole(req.user, ...publishingQueueRoles)) return null
  const queue = await readPublishingQueue(req.payload, { hours: horizonHours, locale: 'fr' })
  const counts = attentionReasons
    .map((reason) => ({ reason, count: queue.attention.filter((item) => item.reason === reason).length }))
    .filter(({ count }) => count > 0)
  const toReconnect = await req.payload.count({
    collection: networkAccountsSlug,
    where: { status: { equals: 'needs_reconnect' } },
    overrideAccess: false,
    user: req.user,
  })
  const nothing = counts.length === 0 && toReconnect.totalDocs === 0
  return (
    <HomeCard title={translatePlugin(req, 'homePanels:problems')} testId="home-problems">
      {nothing ? (
        <p>{translatePlugin(req, 'homePanels:noProblems')}</p>
      ) : (
        <ul>
          {counts.map(({ reason, count }) => (
            <li key={reason} data-reason={reason}>
              <Link href="/admin/publishing-queue#attention">
                {translatePlugin(req, `homePanels:reasons:${reason}`)} <strong data-count>({count})</strong>
              </Link>
            </li>
          ))}
          {toReconnect.totalDocs > 0 && (
            <li data-reason="accounts_to_reconnect">
              <Link href={`/admin/collections/${networkAccountsSlug}?where[status][equals]=needs_reconnect`}>
                {translatePlugin(req, 'homePanels:accountsToReconnect')} <strong data-count>({toReconnect.totalDocs})</strong>
              </Link>
            </li>
          )}
        </ul>
      )}
    </HomeCard>
  )
}
