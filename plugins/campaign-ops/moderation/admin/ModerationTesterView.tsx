import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../../../src/domain/roles'
import { ModerationTester } from './ModerationTester'
import { AdminPage } from '../../../../src/ui/AdminPage'

/** Admin page `/admin/moderation-tester`: paste comments, see decisions with highlights. */
export function ModerationTesterView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = hasRole(req.user, 'admin', 'ncsc', 'cm')
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {allowed ? (
        <ModerationTester />
      ) : (
        <p>
          {req.i18n.language === 'ar'
            ? 'هذه الصفحة مخصصة لفريق الحملة ومديري المجتمع.'
            : req.i18n.language === 'en'
              ? 'This page is for the NCSC team and community managers.'
              : 'Cette page est réservée à l’équipe NCSC et aux community managers.'}
        </p>
      )}
    </AdminPage>
  )
}
