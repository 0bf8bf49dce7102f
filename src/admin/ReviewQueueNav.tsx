'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import React, { useEffect, useState } from 'react'

type Queue = { states: string[]; label: { fr: string; ar: string; en: string }; mine?: boolean }

/** "Waiting for me": the content items each role has to act on next. */
const queues: Record<string, Queue> = {
  ncsc: { states: ['in_review'], label: { fr: 'À valider', ar: 'في انتظار مصادقتي', en: 'Waiting for my review' } },
  legal: { states: ['legal_review'], label: { fr: 'Revue juridique en attente', ar: 'في انتظار مراجعتي القانونية', en: 'Waiting for legal review' } },
  consultant: { states: ['draft', 'changes_requested'], label: { fr: 'À compléter', ar: 'في انتظار تعديلي', en: 'Waiting for my changes' }, mine: true },
  cm: { states: ['approved'], label: { fr: 'Approuvés, à décliner', ar: 'معتمدة للنشر', en: 'Approved, to publish' } },
}

function queueQuery(queue: Queue, userId: number | string): string {
  const params = new URLSearchParams()
  queue.states.forEach((state, index) => params.set(`where[or][${index}][and][0][workflowState][equals]`, state))
  if (queue.mine) queue.states.forEach((_, index) => params.set(`where[or][${index}][and][1][owner][equals]`, String(userId)))
  return params.toString()
}

export function ReviewQueueNav() {
  const { user } = useAuth<{ id: number; role?: string }>()
  const { i18n } = useTranslation()
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
  const lang = (['fr', 'ar', 'en'].includes(i18n.language) ? i18n.language : 'fr') as 'fr' | 'ar' | 'en'
  return (
    <Link className="nav__link" href={`/admin/collections/content-items?${query}`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {queue.label[lang]}
      {count !== null ? ` (${count})` : ''}
    </Link>
  )
}
