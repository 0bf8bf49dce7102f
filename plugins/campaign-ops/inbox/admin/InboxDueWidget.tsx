import Link from 'next/link'
import type { WidgetServerProps } from 'payload'
import React from 'react'

import { formatInCasablanca } from '../../../../src/domain/casablanca-time'
import { requestLanguage } from '../../../../src/i18n/request-language'
import { HomeCard } from '../../../../src/ui/HomeCard'
import { translatePlugin } from '../../translations'
import { hasRole } from '../../../../src/domain/roles'
import { inboxTeam, interactionsSlug } from '../interactions-collection'
import { slaSoonMinutes } from './inbox-badges'

/** The statuses still waiting for an answer (their answer timer runs). */
const waitingStatuses = ['new', 'assigned', 'waiting', 'escalated']
const shownConversations = 5

/**
 * Home page: the conversations whose answer is late or due within two hours, the most urgent
 * first, read with the person's own access (nothing at all for those who do not work the inbox).
 */
export async function InboxDueWidget({ req }: WidgetServerProps) {
  const user = req.user
  // Not on the inbox team: the panel is not theirs (decided by role, so a failing read shows as one).
  if (!hasRole(user, ...inboxTeam)) return null
  const language = requestLanguage(req)
  const now = new Date()
  const soon = new Date(now.getTime() + slaSoonMinutes * 60_000)
  const waiting = { status: { in: waitingStatuses } }
  const count = (dueBy: { less_than?: string; greater_than_equal?: string }) =>
    req.payload.count({ collection: interactionsSlug, where: { and: [waiting, { slaDueAt: dueBy }] }, overrideAccess: false, user })
  const [late, dueSoon, urgent] = await Promise.all([
    count({ less_than: now.toISOString() }),
    count({ greater_than_equal: now.toISOString(), less_than: soon.toISOString() }),
    req.payload.find({
      collection: interactionsSlug,
      where: { and: [waiting, { slaDueAt: { less_than: soon.toISOString() } }] },
      sort: 'slaDueAt',
      limit: shownConversations,
      depth: 0,
      select: { text: true, authorPseudonym: true, network: true, slaDueAt: true },
      overrideAccess: false,
      user,
    }),
  ])
  return (
    <HomeCard title={translatePlugin(req, 'homePanels:inboxDue')} testId="home-inbox-due">
      {late.totalDocs + dueSoon.totalDocs === 0 ? (
        <p>{translatePlugin(req, 'homePanels:noneDue')}</p>
      ) : (
        <>
          <p>
            <strong data-due="late">
              {translatePlugin(req, 'homePanels:overdue')} ({late.totalDocs})
            </strong>
            {' · '}
            <span data-due="soon">
              {translatePlugin(req, 'homePanels:dueSoon')} ({dueSoon.totalDocs})
            </span>
          </p>
          <ul>
            {urgent.docs.map((conversation) => (
              <li key={conversation.id}>
                <span dir="auto">{String(conversation.text ?? '').slice(0, 90)}</span>{' '}
                <small>{translatePlugin(req, 'homePanels:dueAt', { date: formatInCasablanca(String(conversation.slaDueAt), language) })}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href="/admin/inbox">{translatePlugin(req, 'homePanels:openInbox')}</Link>
      </p>
    </HomeCard>
  )
}
