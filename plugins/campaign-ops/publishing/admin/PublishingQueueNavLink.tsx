'use client'
import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { publishingRoles } from './publishing-client'

const labels = { fr: 'File de publication', ar: 'قائمة النشر', en: 'Publishing queue' } as const

export function PublishingQueueNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  if (!user || !publishingRoles.includes(user.role ?? '')) return null
  const label = labels[i18n.language as keyof typeof labels] ?? labels.fr
  return (
    <Link className="nav__link" href={`${config.routes.admin}/publishing-queue`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {label}
    </Link>
  )
}
