'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { roles } from '../domain/roles'
import { useAppStrings } from '../i18n/use-app-strings'

const staffRoles: readonly string[] = roles.filter((role) => role !== 'integration')

export function CalendarNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { t } = useAppStrings()
  const { config } = useConfig()
  if (!user || !staffRoles.includes(user.role ?? '')) return null
  return (
    <Link className="nav__link" href={`${config.routes.admin}/calendar`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {t('calendar:title')}
    </Link>
  )
}
