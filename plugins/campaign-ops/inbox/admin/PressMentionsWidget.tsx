import type { WidgetServerProps } from 'payload'
import React from 'react'

import { PressMentionsDashboard } from './PressMentionsDashboard'

/** Home page: the press mentions the team chose to highlight. */
export function PressMentionsWidget({ req }: WidgetServerProps) {
  return <PressMentionsDashboard payload={req.payload} user={req.user} i18n={req.i18n as never} />
}
