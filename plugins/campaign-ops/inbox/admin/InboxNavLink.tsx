'use client'
import { useAuth } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'

/** The inbox in the admin's navigation, for the people who work it. */
export function InboxNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { t } = usePluginStrings()
  if (!user || !['admin', 'ncsc', 'cm'].includes(user.role ?? '')) return null
  return (
    <Link className="nav__link" href="/admin/inbox" style={{ display: 'block', padding: '0.25rem 0' }}>
      {t('inboxView:navLabel')}
    </Link>
  )
}
