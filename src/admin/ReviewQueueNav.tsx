'use client'
import { useAuth } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useState } from 'react'

import type { AppStringKey } from '../i18n/translations'
import { useAppStrings } from '../i18n/use-app-strings'

type Queue = { states: string[]; label: Extract<AppStringKey, `reviewQueue:${string}`>; mine?: boolean }

/** "Waiting for me": the content items each role has to act on next. */
const queues: Record<string, Queue> = {
  ncsc: { states: ['in_review'], label: 'reviewQueue:ncsc' },
  legal: { states: ['legal_review'], label: 'reviewQueue:legal' },
  consultant: { states: ['draft', 'changes_requested'], label: 'reviewQueue:consultant', mine: true },
  cm: { states: ['approved'], label: 'reviewQueue:cm' },
}

function queueQuery(queue: Queue, userId: number | string): string {
  const params = new URLSearchParams()
  queue.states.forEach((state, index) => params.set(`where[or][${index}][and][0][workflowState][equals]`, state))
  if (queue.mine) queue.states.forEach((_, index) => params.set(`where[or][${index}][and][1][owner][equals]`, String(userId)))
  return params.toString()
}

export function ReviewQueueNav() {
  const { user } = useAuth<{ id: number; role?: string }>()
  const { t } = useAppStrings()
  const [count, setCount] = useState<number | null>(null)
  const queue = user?.role ? queues[user.role] : undefined
  const query = user && queue ? queueQuery(queue, user.id) : ''

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
