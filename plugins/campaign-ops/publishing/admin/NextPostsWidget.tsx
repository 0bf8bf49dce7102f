import Link from 'next/link'
import type { WidgetServerProps } from 'payload'
import React from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { platformLimits } from '../../../../src/domain/platform-limits'
import type { Platform } from '../../../../src/domain/platform-limits'
import { hasRole } from '../../../../src/domain/roles'
import { requestLanguage } from '../../../../src/i18n/request-language'
import { HomeCard } from '../../../../src/ui/HomeCard'
import { translatePlugin } from '../../translations'
import { publishingQueueRoles, readPublishingQueue } from '../publishing-queue'

/** How far ahead, and how many posts, the home page shows. */
const horizonHours = 7 * 24
const shownPosts = 6

/** Home page: the next posts to go out, in Casablanca time, with their network and account. */
export async function NextPostsWidget({ req }: WidgetServerProps) {
  if (!hasRole(req.user, ...publishingQueueRoles)) return null
  const language = requestLanguage(req)
  const queue = await readPublishingQueue(req.payload, { hours: horizonHours, locale: language === 'ar' ? 'ar' : 'fr' })
  const next = queue.upcoming.slice(0, shownPosts)
  return (
    <HomeCard title={translatePlugin(req, 'homePanels:nextPosts')} testId="home-next-posts">
      {next.length === 0 ? (
        <p>{translatePlugin(req, 'homePanels:nothingScheduled')}</p>
      ) : (
        <ul>
          {next.map((post) => (
            <li key={post.id}>
              <strong>{post.scheduledAt ? formatInCasablanca(post.scheduledAt, language) : ''}</strong>{' '}
              <span>{platformLimits[post.platform as Platform]?.labels[language] ?? post.platformLabel}</span>
              {' · '}
              <Link href={`/admin/collections/platform-variants/${post.id}`} dir="auto">
                {String(post.contentItem?.title ?? '') || post.label}
              </Link>{' '}
              <small dir="auto">({post.account?.name ?? translatePlugin(req, 'homePanels:defaultAccount')})</small>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/admin/publishing-queue">{translatePlugin(req, 'homePanels:openQueue')}</Link>
      </p>
    </HomeCard>
  )
}
