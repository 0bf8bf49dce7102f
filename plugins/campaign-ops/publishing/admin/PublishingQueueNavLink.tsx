'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { usePluginStrings } from '../../translations/use-plugin-strings'
import { publishingRoles } from './publishing-client'

export function PublishingQueueNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { t } = usePluginStrings()
  const { config } = useConfig()
  if (!user || !publishingRoles.includes(user.role ?? '')) return null
  return (
    <Link className="nav__link" href={`${config.routes.admin}/publishing-queue`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {t('publishingQueue:navLabel')}
    </Link>
  )
}
