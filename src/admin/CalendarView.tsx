import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { audiences } from '../../collections/ContentItems'
import { publicationStates } from '../domain/publication-states'
import { platformColours } from '../calendar/calendar-data'
import { contentLocales } from '../domain/languages'
import { platformLimits, platforms } from '../domain/platform-limits'
import { hasRole, roles } from '../domain/roles'
import { CalendarGrid } from './CalendarGrid'
import type { CalendarOption } from './CalendarGrid'
import { AdminPage } from '../ui/AdminPage'

const staffRoles = roles.filter((role) => role !== 'integration')

const refusal = {
  fr: 'Le calendrier éditorial est réservé à l’équipe de la campagne.',
  ar: 'الرزنامة التحريرية مخصصة لفريق الحملة.',
  en: 'The editorial calendar is for the campaign team only.',
}

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
  const language = req.i18n.language === 'ar' || req.i18n.language === 'en' ? req.i18n.language : 'fr'
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
        <p>{refusal[language]}</p>
      )}
    </AdminPage>
  )
}
