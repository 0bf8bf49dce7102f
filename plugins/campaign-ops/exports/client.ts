'use client'
// The plugin's client components, named in the admin config through admin-components.ts.
export { InboxNavLink } from '../inbox/admin/InboxNavLink'
export { ModerationTesterNavLink } from '../moderation/admin/ModerationTesterNavLink'
export { CrisisModeControl } from '../publishing/admin/CrisisModeControl'
export { PublishingQueueNavLink } from '../publishing/admin/PublishingQueueNavLink'
export { ReportsApiNavLink } from '../reporting/admin/ReportsApiNavLink'
export { SendReportNow } from '../reporting/admin/SendReportNow'
export { MetricsImportPanel } from '../reporting/admin/MetricsImportPanel'
