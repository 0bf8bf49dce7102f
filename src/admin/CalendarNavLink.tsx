'use client'
import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { roles } from '../domain/roles'

const labels = { fr: 'Calendrier éditorial', ar: 'الرزنامة التحريرية', en: 'Editorial calendar' } as const

const staffRoles: readonly string[] = roles.filter((role) => role !== 'integration')

export function CalendarNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  if (!user || !staffRoles.includes(user.role ?? '')) return null
  const label = labels[i18n.language as keyof typeof labels] ?? labels.fr
  return (
    <Link className="nav__link" href={`${config.routes.admin}/calendar`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {label}
    </Link>
  )
}
