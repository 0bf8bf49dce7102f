import type { WidgetServerProps } from 'payload'
import React from 'react'

import { ReportsDashboard } from './ReportsDashboard'

/** Home page: the campaign's key figures for the person's role, with their charts and filters. */
export function KeyFiguresWidget({ req }: WidgetServerProps) {
  return <ReportsDashboard payload={req.payload} user={req.user} i18n={req.i18n} />
}
