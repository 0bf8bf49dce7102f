'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { hasRole } from '../../../../src/domain/roles'
import { usePluginStrings } from '../../translations/use-plugin-strings'
import { reportsApiPageRoles } from './reports-api-page-roles'

/** The reporting API's reference in the admin's navigation, for whoever connects tools to it. */
export function ReportsApiNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { t } = usePluginStrings()
  const { config } = useConfig()
  if (!hasRole(user, ...reportsApiPageRoles)) return null
  return (
    <Link className="nav__link" href={`${config.routes.admin}/reports-api`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {t('reportsApiPage:navLabel')}
    </Link>
  )
}
