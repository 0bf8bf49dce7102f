import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../lib/roles'
import { ModerationTester } from './ModerationTester'

/** Admin page `/admin/moderation-tester`: paste comments, see decisions with highlights. */
export function ModerationTesterView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const allowed = hasRole(req.user, 'admin', 'ncsc', 'cm')
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        {allowed ? (
          <ModerationTester />
        ) : (
          <p>{req.i18n.language === 'ar' ? 'هذه الصفحة مخصصة لفريق الحملة ومديري المجتمع.' : req.i18n.language === 'en' ? 'This page is for the NCSC team and community managers.' : 'Cette page est réservée à l’équipe NCSC et aux community managers.'}</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
