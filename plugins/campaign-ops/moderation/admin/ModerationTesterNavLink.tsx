'use client'
import { useAuth } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'

export function ModerationTesterNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { t } = usePluginStrings()
  if (!user || !['admin', 'ncsc', 'cm'].includes(user.role ?? '')) return null
  return (
    <Link className="nav__link" href="/admin/moderation-tester" style={{ display: 'block', padding: '0.25rem 0' }}>
      {t('moderationTester:navLabel')}
    </Link>
  )
}
