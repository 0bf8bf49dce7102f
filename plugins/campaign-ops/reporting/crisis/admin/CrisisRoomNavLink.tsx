'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
import React from 'react'

import { hasRole } from '../../../../../src/domain/roles'
import { usePluginStrings } from '../../../translations/use-plugin-strings'
import { crisisRoomReaders } from './crisis-room-roles'

/** The crisis room in the admin's navigation, for those who read the alerts. */
export function CrisisRoomNavLink() {
  const { user } = useAuth<{ role?: string }>()
  const { t } = usePluginStrings()
  const { config } = useConfig()
  if (!hasRole(user, ...crisisRoomReaders)) return null
  return (
    <Link className="nav__link" href={`${config.routes.admin}/crisis-room`} style={{ display: 'block', padding: '0.25rem 0' }}>
      {t('crisisRoom:nav')}
    </Link>
  )
}
