import Link from 'next/link'
import type { WidgetServerProps } from 'payload'
import React from 'react'

import { formatInCasablanca } from '../../domain/casablanca-time'
import { requestLanguage } from '../../i18n/request-language'
import { translate } from '../../i18n/translations'
import { readWorkQueues } from '../../workflow/work-queues'
import { workflowStateLabels } from '../../workflow/transition-table'
import { HomeCard } from '../../ui/HomeCard'

/**
 * Home page: the content items waiting for this person, per queue, those waiting longest first,
 * each with its state and since when, and the queue's full list one click away.
 */
export async function MyWorkWidget({ req }: WidgetServerProps) {
  const user = req.user
  if (!user) return null
  const language = requestLanguage(req)
  // Titles in the interface's language where the item has one, French otherwise.
  const readings = await readWorkQueues(req.payload, user, { locale: language === 'ar' ? 'ar' : 'fr' })
  if (readings.length === 0) return null
  return (
    <HomeCard title={translate(req, 'home:myWork')} testId="home-my-work">
      {readings.map(({ queue, total, items, listQuery }) => (
        <section key={queue.key} data-queue={queue.key}>
          <h3>
            <Link href={`/admin/collections/content-items?${listQuery}`}>
              {translate(req, queue.label)} <span data-count>({total})</span>
            </Link>
          </h3>
          {items.length === 0 ? (
            <p>{translate(req, queue.empty)}</p>
          ) : (
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <Link href={`/admin/collections/content-items/${item.id}`} dir="auto">
                    {item.title || translate(req, 'home:untitled')}
                  </Link>{' '}
                  <small>
                    {workflowStateLabels[item.state]?.[language] ?? ''} · {translate(req, 'home:since', { date: formatInCasablanca(item.updatedAt, language) })}
                  </small>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </HomeCard>
  )
}
