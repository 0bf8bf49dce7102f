'use client'
import { useAuth } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useState } from 'react'

import { useAppStrings } from '../i18n/use-app-strings'
import { workQueueListQuery, workQueuesOf } from '../workflow/work-queues'

/** In the navigation: the person's most pressing work queue, with its count (see work-queues.ts). */
export function ReviewQueueNav() {
  const { user } = useAuth<{ id: number; role?: string }>()
  const { t } = useAppStrings()
  const [count, setCount] = useState<number | null>(null)
  const queue = workQueuesOf(user)[0]
  const query = user && queue ? workQueueListQuery(queue, user.id) : ''

  useEffect(() => {
    if (!query) return
    fetch(`/api/content-items?${query}&limit=0&depth=0`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => body && setCount(body.totalDocs))
      .catch(() => undefined)
  }, [query])

  if (!user || !queue) return null
  return (
    <Link className="nav__link" href={`/admin/collections/content-items?${query}`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {t(queue.label)}
      {count !== null ? ` (${count})` : ''}
    </Link>
  )
}
