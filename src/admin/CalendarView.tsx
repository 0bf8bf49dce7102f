import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { audiences } from '../../collections/ContentItems'
import { publicationStates } from '../domain/publication-states'
import { platformColours } from '../calendar/calendar-data'
import { contentLocales } from '../domain/languages'
import { platformLimits, platforms } from '../domain/platform-limits'
import { hasRole, roles } from '../domain/roles'
import { translate } from '../i18n/translations'
import { CalendarGrid } from './CalendarGrid'
import type { CalendarOption } from './calendar-options'
import { AdminPage } from '../ui/AdminPage'

const staffRoles = roles.filter((role) => role !== 'integration')

// The option lists come from the collections (server-only modules) and travel to the grid as props.
const platformOptions: CalendarOption[] = platforms.map((platform) => ({
  value: platform,
  label: platformLimits[platform].labels,
  colour: platformColours[platform],
}))
const audienceOptions: CalendarOption[] = audiences.map(({ value, label }) => ({ value, label }))
const languageOptions: CalendarOption[] = contentLocales.map(({ code, label }) => ({ value: code, label }))
const stateOptions: CalendarOption[] = publicationStates.map(({ value, label }) => ({ value, label }))

/** Admin page `/admin/calendar`: month and week grids of key moments and planned variants. */
export function CalendarView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const { routes } = req.payload.config
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      {hasRole(req.user, ...staffRoles) ? (
        <CalendarGrid
          apiRoute={routes.api}
          adminRoute={routes.admin}
          platforms={platformOptions}
          audiences={audienceOptions}
          languages={languageOptions}
          states={stateOptions}
        />
      ) : (
        <p>{translate(req, 'calendar:refusal')}</p>
      )}
    </AdminPage>
  )
}
