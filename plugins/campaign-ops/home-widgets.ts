/**
 * The plugin's panels on the home page (Payload's modular dashboard): what goes out next, what
 * keeps posts from going out, the conversations to answer, the key figures and the press. Each
 * role's first layout gets the ones that are its work, after the app's own panels.
 */
import type { Config, PayloadRequest, Widget, WidgetInstance } from 'payload'

import { roleOf } from '../../src/domain/roles'
import type { Role } from '../../src/domain/roles'
import { rscComponent } from './admin-components'
import { pluginText } from './translations'

export const pluginWidgets: Widget[] = [
  { slug: 'publishing-problems', Component: rscComponent('PublishingProblemsWidget'), label: pluginText('homePanels:problems'), minWidth: 'small' },
  { slug: 'next-posts', Component: rscComponent('NextPostsWidget'), label: pluginText('homePanels:nextPosts'), minWidth: 'medium' },
  { slug: 'inbox-due', Component: rscComponent('InboxDueWidget'), label: pluginText('homePanels:inboxDue'), minWidth: 'medium' },
  { slug: 'key-figures', Component: rscComponent('KeyFiguresWidget'), label: pluginText('homePanels:keyFigures'), minWidth: 'large' },
  { slug: 'press-mentions', Component: rscComponent('PressMentionsWidget'), label: pluginText('homePanels:pressMentions'), minWidth: 'medium' },
]

const problems: WidgetInstance = { widgetSlug: 'publishing-problems', width: 'medium' }
const nextPosts: WidgetInstance = { widgetSlug: 'next-posts', width: 'medium' }
const inboxDue: WidgetInstance = { widgetSlug: 'inbox-due', width: 'medium' }
const keyFigures: WidgetInstance = { widgetSlug: 'key-figures', width: 'full' }
const press: WidgetInstance = { widgetSlug: 'press-mentions', width: 'full' }

/** Each role's panels from the plugin, most pressing first. */
const pluginLayoutByRole: Record<Role, WidgetInstance[]> = {
  cm: [inboxDue, problems, nextPosts, keyFigures, press],
  ncsc: [problems, nextPosts, inboxDue, keyFigures, press],
  admin: [problems, nextPosts, keyFigures, press],
  legal: [keyFigures, press],
  consultant: [keyFigures, press],
  analyst: [keyFigures, press],
  integration: [],
}

/** The config's dashboard with the plugin's panels registered and added to each role's layout. */
export function withPluginWidgets(dashboard: NonNullable<Config['admin']>['dashboard']): NonNullable<NonNullable<Config['admin']>['dashboard']> {
  const appLayout = dashboard?.defaultLayout ?? []
  return {
    widgets: [...(dashboard?.widgets ?? []), ...pluginWidgets],
    defaultLayout: async ({ req }: { req: PayloadRequest }) => {
      const own = typeof appLayout === 'function' ? await appLayout({ req }) : appLayout
      const role = roleOf(req.user)
      // Payload's cards of every collection stay last, where the app put them.
      const cards = own.filter((widget) => widget.widgetSlug === 'collections')
      return [...own.filter((widget) => widget.widgetSlug !== 'collections'), ...(role ? pluginLayoutByRole[role] : []), ...cards]
    },
  }
}
