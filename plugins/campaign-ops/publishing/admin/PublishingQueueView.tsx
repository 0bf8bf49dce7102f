import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { labelsOf } from '../../../../src/domain/labels'

import { publicationStates } from '../../../../src/domain/publication-states'
import { accountStatuses } from '../network-accounts-collection'
import { contentLocales } from '../../../../src/domain/languages'
import { platformLimits, platforms } from '../../../../src/domain/platform-limits'
import { hasRole } from '../../../../src/domain/roles'
import { AdminPage } from '../../../../src/ui/AdminPage'
import { translatePlugin } from '../../translations'
import { PublishingQueue } from './PublishingQueue'

// The labels come from the collections (server-only modules) and travel to the client as props.
const stateLabels = labelsOf(publicationStates)
const accountStatusLabels = labelsOf(accountStatuses)
const platformLabels = labelsOf(platforms.map((platform) => ({ value: platform, label: platformLimits[platform].labels })))
const languageLabels = labelsOf(contentLocales.map(({ code, label }) => ({ value: code, label })))

/**
 * Admin page `/admin/publishing-queue`: crisis mode at the top, what goes out in the next 24 hours
 * per network (Casablanca time, account and its status), and the variants that need a person.
 */
export function PublishingQueueView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {hasRole(req.user, 'admin', 'ncsc', 'cm') ? (
        <PublishingQueue stateLabels={stateLabels} accountStatusLabels={accountStatusLabels} platformLabels={platformLabels} languageLabels={languageLabels} />
      ) : (
        <p>{translatePlugin(req, 'publishingQueue:refusal')}</p>
      )}
    </AdminPage>
  )
}
