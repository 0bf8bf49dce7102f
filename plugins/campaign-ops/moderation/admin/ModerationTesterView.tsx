import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../../../src/domain/roles'
import { translatePlugin } from '../../translations'
import { ModerationTester } from './ModerationTester'
import { AdminPage } from '../../../../src/ui/AdminPage'

/** Admin page `/admin/moderation-tester`: paste comments, see decisions with highlights. */
export function ModerationTesterView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = hasRole(req.user, 'admin', 'ncsc', 'cm')
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {allowed ? <ModerationTester /> : <p>{translatePlugin(req, 'moderationTester:refusal')}</p>}
    </AdminPage>
  )
}
