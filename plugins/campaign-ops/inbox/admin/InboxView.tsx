import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { labelsOf } from '../../../../src/domain/labels'

import { networkLabels } from '../../../../src/domain/networks'
import { hasRole } from '../../../../src/domain/roles'
import { adminLanguageOf } from '../../../../src/i18n/catalogue'
import { AdminPage } from '../../../../src/ui/AdminPage'
import { moderationActionOptions, moderationCategoryOptions, severityOptions } from '../../moderation/option-labels'
import { translatePlugin } from '../../translations'
import { interactionKindOptions, interactionLanguageOptions, interactionStatusOptions } from '../interactions-collection'
import { interactionReplyStateOptions } from '../replies-collection'
import { Inbox } from './Inbox'
import type { InboxLabels } from './inbox-labels'

/** Who the inbox can assign to; their names are shown to the team only. */
const inboxTeamRoles = ['admin', 'ncsc', 'cm']

/**
 * Admin page `/admin/inbox`: the list a community manager works all day, with the thread of the
 * selected interaction beside it. The options' labels, the team and the key moments travel to the
 * browser as props.
 */
export async function InboxView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  if (!hasRole(req.user, 'admin', 'ncsc', 'cm')) {
    return (
      <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
        <p>{translatePlugin(req, 'inboxView:refusal')}</p>
      </AdminPage>
    )
  }
  const language = adminLanguageOf(req.i18n?.language)
  const [users, moments] = await Promise.all([
    req.payload.find({
      collection: 'users',
      where: { role: { in: inboxTeamRoles } },
      overrideAccess: true,
      depth: 0,
      limit: 500,
      pagination: false,
      select: { name: true, email: true, role: true },
    }),
    req.payload.find({
      collection: 'key-moments',
      overrideAccess: false,
      user: req.user,
      depth: 0,
      limit: 200,
      pagination: false,
      locale: language === 'ar' ? 'ar' : 'fr',
      fallbackLocale: 'fr',
      select: { title: true },
    }),
  ])
  const labels: InboxLabels = {
    networks: { ...networkLabels },
    kinds: labelsOf(interactionKindOptions),
    statuses: labelsOf(interactionStatusOptions),
    languages: labelsOf(interactionLanguageOptions),
    categories: labelsOf(moderationCategoryOptions),
    actions: labelsOf(moderationActionOptions),
    severities: labelsOf(severityOptions),
    replyStates: labelsOf(interactionReplyStateOptions),
    team: users.docs.map((user) => ({ id: user.id, name: user.name?.trim() || user.email.split('@')[0] || String(user.id), role: user.role ?? '' })),
    keyMoments: moments.docs.map((moment) => ({ id: moment.id, title: moment.title ?? String(moment.id) })),
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Inbox labels={labels} />
    </AdminPage>
  )
}
