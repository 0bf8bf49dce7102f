import { Button } from '@payloadcms/ui'
import type { WidgetServerProps } from 'payload'
import React from 'react'

import { translate } from '../../i18n/translations'
import type { AppStringKey } from '../../i18n/translations'
import { HomeCard } from '../../ui/HomeCard'

type Shortcut = { label: Extract<AppStringKey, `home:${string}`>; url: string; collection?: string }

/** What people start their work with; each one shown only to those allowed to do it. */
const shortcuts: Shortcut[] = [
  { label: 'home:newContent', url: '/admin/collections/content-items/create', collection: 'content-items' },
  { label: 'home:newVariant', url: '/admin/collections/platform-variants/create', collection: 'platform-variants' },
  { label: 'home:newMedia', url: '/admin/collections/media/create', collection: 'media' },
  { label: 'home:calendar', url: '/admin/calendar' },
]

/** Home page: buttons for the day's usual first steps. */
export function ShortcutsWidget({ req, permissions }: WidgetServerProps) {
  if (!req.user) return null
  const allowed = shortcuts.filter(({ collection }) => !collection || permissions?.collections?.[collection]?.create === true)
  return (
    <HomeCard title={translate(req, 'home:shortcuts')} testId="home-shortcuts">
      <div className="badil-home-shortcuts">
        {allowed.map((shortcut, index) => (
          <Button key={shortcut.url} el="link" url={shortcut.url} buttonStyle={index === 0 ? 'primary' : 'secondary'} size="medium" margin={false}>
            {translate(req, shortcut.label)}
          </Button>
        ))}
      </div>
    </HomeCard>
  )
}
