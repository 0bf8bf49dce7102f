'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

const labels = { fr: 'Testeur de modération', ar: 'مختبر الإشراف', en: 'Moderation tester' } as const

export function ModerationTesterNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  if (!user || !['admin', 'ncsc', 'cm'].includes(user.role ?? '')) return null
  const label = labels[(i18n.language as keyof typeof labels) ?? 'fr'] ?? labels.fr
  return (
    <Link className="nav__link" href="/admin/moderation-tester" style={{ display: 'block', padding: '0.25rem 0' }}>
      {label}
    </Link>
  )
}
