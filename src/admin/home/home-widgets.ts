/**
 * The home page (Payload's modular dashboard): the app's panels and each role's first layout. The
 * plugin adds its own panels after these (plugins/campaign-ops/home-widgets.ts). People can then
 * arrange their own page; "Reset layout" brings this one back.
 */
import type { PayloadRequest, Widget, WidgetInstance } from 'payload'

import { roleOf } from '../../domain/roles'
import type { Role } from '../../domain/roles'
import { appText } from '../../i18n/translations'

export const appWidgets: Widget[] = [
  { slug: 'my-work', Component: '/src/admin/home/MyWorkWidget#MyWorkWidget', label: appText('home:myWork'), minWidth: 'medium' },
  { slug: 'shortcuts', Component: '/src/admin/home/ShortcutsWidget#ShortcutsWidget', label: appText('home:shortcuts'), minWidth: 'small' },
]

const myWork: WidgetInstance = { widgetSlug: 'my-work', width: 'medium' }
const shortcuts: WidgetInstance = { widgetSlug: 'shortcuts', width: 'medium' }

/** Each role's panels from the app: their work first, then how to start something new. */
const appLayoutByRole: Record<Role, WidgetInstance[]> = {
  consultant: [myWork, shortcuts],
  ncsc: [myWork, shortcuts],
  legal: [myWork],
  cm: [myWork, shortcuts],
  analyst: [],
  // Administrators also keep Payload's cards of every collection, at the end.
  admin: [myWork, shortcuts, { widgetSlug: 'collections', width: 'full' }],
  integration: [],
}

export function appHomeLayout({ req }: { req: PayloadRequest }): WidgetInstance[] {
  const role = roleOf(req.user)
  return role ? appLayoutByRole[role] : []
}
